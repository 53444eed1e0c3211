#pragma once

#include "domain/Alert.h"

#include <QString>

namespace tlr {

// How an alert that is not live (CAP status Exercise, Test, System or Draft) is marked wherever
// it shows — the alert panel, the map, a dossier: "LATIHAN", "UJI"… in Indonesian. Empty for an
// actual alert. Translated under the context "AlertStatusMark".
QString alertStatusMark(Alert::Status status);
// The mark in brackets before a title, or the title alone for an actual alert.
QString markedAlertTitle(Alert::Status status, const QString &title);

} // namespace tlr
