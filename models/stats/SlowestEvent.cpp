#include "SlowestEvent.h"

#include <QMetaEnum>
#include <QObject>
#include <QStringList>

#include <array>
#include <iterator>

namespace tlr {
namespace {

struct Timed
{
    SlowestEvent::Delivery delivery;
    qint64 nanoseconds = -1;
};

struct Noted
{
    std::array<Timed, SlowestEvent::kNamed> longest; // the longest first; -1: none
    qint64 count = 0;
    qint64 totalNanoseconds = 0;
};

Noted &noted()
{
    static Noted value;
    return value;
}

QString milliseconds(qint64 nanoseconds)
{
    return QString::number(double(nanoseconds) / 1e6, 'f', 0);
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
    Noted &n = noted();
    ++n.count;
    n.totalNanoseconds += nanoseconds;
    auto &longest = n.longest;
    if (nanoseconds <= longest.back().nanoseconds)
        return;
    // Few places and nearly every event shorter than the last: a shift beats a heap.
    auto slot = longest.end() - 1;
    while (slot != longest.begin() && std::prev(slot)->nanoseconds < nanoseconds) {
        *slot = std::move(*std::prev(slot));
        --slot;
    }
    *slot = {delivery, nanoseconds};
}

QString SlowestEvent::take()
{
    const Noted &n = noted();
    if (n.count == 0)
        return {};
    QStringList parts;
    for (const Timed &timed : n.longest) {
        if (timed.nanoseconds < 0)
            break;
        const Delivery &d = timed.delivery;
        const char *type = QMetaEnum::fromType<QEvent::Type>().valueToKey(d.type);
        QString text = QStringLiteral("%1 ms: %2 to %3")
                           .arg(milliseconds(timed.nanoseconds),
                                type ? QString::fromLatin1(type) : QString::number(int(d.type)),
                                named(d.receiverClass, d.receiverName));
        if (d.ownerClass)
            text += QStringLiteral(" in ") + named(d.ownerClass, d.ownerName);
        parts.append(text);
    }
    parts.append(QStringLiteral("%1 events, %2 ms in all")
                     .arg(n.count)
                     .arg(milliseconds(n.totalNanoseconds)));
    forget();
    return parts.join(QStringLiteral("; "));
}

void SlowestEvent::forget()
{
    noted() = Noted();
}

} // namespace tlr
