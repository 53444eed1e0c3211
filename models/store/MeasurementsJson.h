#pragma once

#include "domain/Observation.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace tlr {

// An observation's measurements as the observations table keeps them inline: a JSON object
// quantity -> [value, unit or null], in the order given. Written by hand because the store
// writes one per observation at the feeds' peak rate; QJsonDocument reads them back.
namespace MeasurementsJson {

// Only finite values: the writer quarantines the others before it gets here.
QByteArray encode(const QList<Measurement> &measurements);
// The same into `out`, replacing what it held: the writer keeps one buffer from row to row.
void encode(const QList<Measurement> &measurements, QByteArray &out);
QList<Measurement> decode(const QByteArray &json); // empty for anything but such an object

} // namespace MeasurementsJson
} // namespace tlr
