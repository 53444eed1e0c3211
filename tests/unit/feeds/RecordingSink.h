#pragma once

#include "feeds/FeedSink.h"

#include <QMutex>

namespace tlr::test {

// Keeps what a feed delivers, for assertions.
class RecordingSink : public FeedSink
{
public:
    void deliver(StoredMessage message) override
    {
        QMutexLocker lock(&m_mutex);
        m_messages.append(std::move(message));
    }
    QList<StoredMessage> messages() const
    {
        QMutexLocker lock(&m_mutex);
        return m_messages;
    }

private:
    mutable QMutex m_mutex;
    QList<StoredMessage> m_messages;
};

inline QByteArray envelope(const char *feed, qint64 seq, const char *format, const QByteArray &payload)
{
    return QByteArray(R"({"feed":")") + feed + R"(","seq":)" + QByteArray::number(seq)
           + R"(,"sent":"2026-11-23T03:00:00.000Z","format":")" + format + R"(","payload":)" + payload + "}";
}

inline QByteArray trafficPayload(int index)
{
    return R"({"id":"urn:ngsi-ld:TrafficFlowObserved:seg-)" + QByteArray::number(index)
           + R"(","type":"TrafficFlowObserved","dateObserved":"2026-11-23T02:59:00Z",
              "location":{"type":"LineString","coordinates":[[106.60,-6.17],[106.61,-6.175]]},
              "averageVehicleSpeed":)" + QByteArray::number(20 + index % 40) + R"(,"intensity":640,"occupancy":0.4})";
}

} // namespace tlr::test
