#include "SlowestEvent.h"

#include <QMetaEnum>
#include <QObject>

namespace tlr {
namespace {

struct Longest
{
    SlowestEvent::Delivery delivery;
    qint64 nanoseconds = -1;
};

Longest &longest()
{
    static Longest value;
    return value;
}

QString named(const char *className, const QString &objectName)
{
    QString text = QString::fromLatin1(className ? className : "?");
    if (!objectName.isEmpty())
        text += QStringLiteral(" \"%1\"").arg(objectName);
    return text;
}

} // namespace

SlowestEvent::Delivery SlowestEvent::describe(const QObject *receiver, const QEvent *event)
{
    Delivery delivery;
    delivery.type = event->type();
    if (!receiver)
        return delivery;
    delivery.receiverClass = receiver->metaObject()->className();
    delivery.receiverName = receiver->objectName();
    if (const QObject *owner = receiver->parent()) {
        delivery.ownerClass = owner->metaObject()->className();
        delivery.ownerName = owner->objectName();
    }
    return delivery;
}

void SlowestEvent::note(const Delivery &delivery, qint64 nanoseconds)
{
    Longest &slowest = longest();
    if (nanoseconds > slowest.nanoseconds)
        slowest = {delivery, nanoseconds};
}

QString SlowestEvent::take()
{
    Longest &slowest = longest();
    if (slowest.nanoseconds < 0)
        return {};
    const Delivery &d = slowest.delivery;
    const char *type = QMetaEnum::fromType<QEvent::Type>().valueToKey(d.type);
    QString text = QStringLiteral("%1 ms: %2 to %3")
                       .arg(double(slowest.nanoseconds) / 1e6, 0, 'f', 0)
                       .arg(type ? QString::fromLatin1(type) : QString::number(int(d.type)))
                       .arg(named(d.receiverClass, d.receiverName));
    if (d.ownerClass)
        text += QStringLiteral(" in ") + named(d.ownerClass, d.ownerName);
    forget();
    return text;
}

void SlowestEvent::forget()
{
    longest().nanoseconds = -1;
}

} // namespace tlr
