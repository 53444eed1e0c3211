#pragma once

#include "domain/Alert.h"

#include <QByteArray>

#include <optional>

namespace tlr {

// An Alert as a JSON document, so that the store can keep every CAP field in one column and
// rebuild the alert after a restart. Enumerations are written with CAP's own spelling, not as
// numbers, so that reordering an enum never changes what a stored document means.
class AlertJson
{
public:
    static QByteArray toJson(const Alert &alert);
    // Empty when the bytes are not a JSON object; unknown enum spellings read as Unknown.
    static std::optional<Alert> fromJson(const QByteArray &json);

    // CAP's spelling of the enumerations the alerts table keeps in columns of their own.
    static QString statusKey(Alert::Status status);
    static std::optional<Alert::Status> statusFromKey(QStringView key);
    static QString msgTypeKey(Alert::MsgType msgType);
};

} // namespace tlr
