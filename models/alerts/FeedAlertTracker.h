#pragma once

#include "AlertCondition.h"

#include "domain/Alert.h"

#include <QHash>

namespace tlr {

// Turns the CAP and NGSI alerts that arrive from feeds into alert conditions. A CAP Update
// continues the alert it references (same resource, so the engine sees a repeat or a severity
// change, not a new alert); a Cancel or the last info's expiry clears it.
class FeedAlertTracker
{
public:
    void apply(const Alert &alert, const QDateTime &now, QList<AlertCondition> &out);
    // Clears the alerts whose expiry has passed.
    void tick(const QDateTime &now, QList<AlertCondition> &out);

private:
    struct Tracked
    {
        AlertCondition condition;
        QDateTime expires; // invalid: until cancelled
    };
    static QString messageKey(const QString &sender, const QString &identifier);

    QHash<QString, QString> m_resourceOfMessage; // sender + identifier → resource
    QHash<QString, Tracked> m_active;            // by resource
};

} // namespace tlr
