#include "FeedAlertTracker.h"

#include "AlertLog.h"

namespace tlr {
namespace {

QDateTime latestExpiry(const Alert &alert)
{
    QDateTime latest;
    for (const AlertInfo &info : alert.infos) {
        if (!info.expires.isValid())
            return {}; // one open-ended info keeps the alert until it is cancelled
        if (!latest.isValid() || info.expires > latest)
            latest = info.expires;
    }
    return latest;
}

QGeoCoordinate whereOf(const Alert &alert)
{
    for (const AlertInfo &info : alert.infos) {
        for (const AlertArea &area : info.areas) {
            if (!area.circles.isEmpty())
                return area.circles.first().center();
            if (!area.polygons.isEmpty())
                return area.polygons.first().boundingGeoRectangle().center();
        }
    }
    return {};
}

QString kecamatanOf(const Alert &alert)
{
    for (const AlertInfo &info : alert.infos) {
        for (const AlertArea &area : info.areas) {
            if (!area.description.isEmpty())
                return area.description;
        }
    }
    return {};
}

} // namespace

QString FeedAlertTracker::messageKey(const QString &sender, const QString &identifier)
{
    return sender + u'\x1f' + identifier;
}

void FeedAlertTracker::apply(const Alert &alert, const QDateTime &now, QList<AlertCondition> &out)
{
    if (alert.msgType == Alert::MsgType::Ack || alert.msgType == Alert::MsgType::Error) {
        qCDebug(lcAlerts).noquote() << "feed alert" << alert.identifier << "is an Ack or Error; ignored";
        return;
    }
    // The first message of a chain names the alert for its whole life.
    QString resource;
    for (const QString &reference : alert.references) {
        const QStringList parts = reference.split(u',');
        if (parts.size() < 2)
            continue;
        resource = m_resourceOfMessage.value(messageKey(parts.at(0), parts.at(1)));
        if (!resource.isEmpty())
            break;
    }
    if (resource.isEmpty()) {
        resource = m_resourceOfMessage.value(messageKey(alert.sender, alert.identifier));
        if (resource.isEmpty())
            resource = alert.identifier.isEmpty() ? alert.sender : alert.identifier;
    }
    m_resourceOfMessage.insert(messageKey(alert.sender, alert.identifier), resource);

    const AlertInfo info = alert.infos.isEmpty() ? AlertInfo() : alert.infos.first();
    AlertCondition c;
    c.source = alert.source;
    c.resource = resource;
    c.event = info.event.isEmpty() ? QStringLiteral("alert") : info.event;
    c.severity = alert.highestSeverity();
    c.title = !info.headline.isEmpty() ? info.headline
              : !info.description.isEmpty() ? info.description.section(u'\n', 0, 0)
                                            : c.event;
    c.kecamatan = kecamatanOf(alert);
    c.live = alert.isLive();
    c.status = alert.status;
    c.location = whereOf(alert);
    c.observedAt = alert.sent;
    c.origin = QStringLiteral("feed");
    const QDateTime expires = latestExpiry(alert);
    c.active = alert.msgType != Alert::MsgType::Cancel && (!expires.isValid() || expires > now);

    const auto tracked = m_active.constFind(resource);
    if (tracked != m_active.cend())
        c.event = tracked->condition.event; // an update may rename its event; the key holds
    if (!c.active) {
        if (tracked == m_active.cend())
            return; // never seen active: nothing to clear
        m_active.erase(tracked);
    } else {
        m_active.insert(resource, {c, expires});
    }
    out.append(std::move(c));
}

void FeedAlertTracker::tick(const QDateTime &now, QList<AlertCondition> &out)
{
    for (auto it = m_active.begin(); it != m_active.end();) {
        if (it->expires.isValid() && it->expires <= now) {
            AlertCondition cleared = it->condition;
            cleared.active = false;
            out.append(std::move(cleared));
            it = m_active.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace tlr
