// One console of the room test (tests/e2e/test_room_walls.cpp): the real wall, the same
// WallApplication tlr-wall runs, on the tlr-wall options given, driven by the test through its
// standard input (one JSON command a line) and telling the test what its alert panel shows on
// standard output (one JSON event a line). A test-only binary: the product has no control port.
//
//   build/bin/tlr-e2e-room [tlr-wall options…]
//
// Commands:
//   {"cmd":"login","name":N}          a supervisor's session begins, as a login begins it
//   {"cmd":"acknowledge","count":C,"intervalMs":I[,"newest":true]}
//                                     the oldest (newest) unacknowledged alerts, one every I ms,
//                                     each through the panel's keys: select, A, a note, Enter
//   {"cmd":"race","atMs":T,"keys":[K…][,"reverse":true]}
//                                     at T (ms since 1970, this machine's clock) these alerts,
//                                     one right after the other (last first), the same keys
//   {"cmd":"state"}                   every alert the panel holds
// Events: ready; pressed {key, ms}; seen {key, by, atMs, note, seenMs} the first time the panel
// shows an acknowledgement, whoever made it; refused {key, reason}; acknowledged {count};
// raced {pressed, skipped}; state {alerts, unacknowledged}. A key is "source|resource|event",
// the alert's de-duplication key: the same alert on every console, whatever its local id.

#include "E2eWall.h"

#include "access/Session.h"
#include "alerts/AlertEngine.h"
#include "alerts/AlertPanelTile.h"
#include "itemmodels/AlertFilterProxyModel.h"
#include "itemmodels/AlertTableModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSet>
#include <QSocketNotifier>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace tlr;

namespace {

QString keyOf(const AlertRecord &alert)
{
    return alert.source + u'|' + alert.resource + u'|' + alert.event;
}

void say(const QJsonObject &event)
{
    const QByteArray line = QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
    std::fflush(stdout);
}

AlertPanelTile *deskPanel()
{
    for (QWidget *widget : QApplication::allWidgets()) {
        auto *panel = qobject_cast<AlertPanelTile *>(widget);
        if (panel && panel->spec().params.value(QLatin1String("acknowledge")).toBool())
            return panel;
    }
    return nullptr;
}

class RoomConsole : public QObject
{
public:
    RoomConsole(WallApplication *wall, AlertPanelTile *panel)
        : m_wall(wall)
        , m_panel(panel)
        , m_rows(qobject_cast<const AlertTableModel *>(panel->proxy()->sourceModel()))
        , m_input(STDIN_FILENO, QSocketNotifier::Read)
    {
        connect(&m_input, &QSocketNotifier::activated, this, &RoomConsole::readCommands);
        connect(m_rows, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &from, const QModelIndex &to) {
                    lookAt(from.row(), to.row());
                });
        connect(m_rows, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) { lookAt(first, last); });
        connect(m_rows, &QAbstractItemModel::modelReset, this,
                [this] { lookAt(0, m_rows->rowCount() - 1); });
        connect(wall->alerts(), &AlertEngine::acknowledgementRefused, this,
                [this](quint64 id, const QString &reason) {
                    const AlertRecord *alert = m_wall->alerts()->alert(id);
                    say({{QStringLiteral("event"), QStringLiteral("refused")},
                         {QStringLiteral("key"), alert ? keyOf(*alert) : QString::number(id)},
                         {QStringLiteral("reason"), reason}});
                });
        connect(wall->alerts(), &AlertEngine::shelfRefused, this,
                [this](quint64 id, const QString &reason) {
                    const AlertRecord *alert = m_wall->alerts()->alert(id);
                    say({{QStringLiteral("event"), QStringLiteral("shelf-refused")},
                         {QStringLiteral("key"), alert ? keyOf(*alert) : QString::number(id)},
                         {QStringLiteral("reason"), reason}});
                });
        m_pacer.setSingleShot(false);
        connect(&m_pacer, &QTimer::timeout, this, &RoomConsole::acknowledgeNext);
        lookAt(0, m_rows->rowCount() - 1);
        say({{QStringLiteral("event"), QStringLiteral("ready")}});
    }

private:
    void readCommands()
    {
        char buffer[4096];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got <= 0) { // the test went away: so does this console, in good order
            m_input.setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        m_pending.append(buffer, got);
        qsizetype end;
        while ((end = m_pending.indexOf('\n')) >= 0) {
            const QJsonObject command = QJsonDocument::fromJson(m_pending.left(end)).object();
            m_pending.remove(0, end + 1);
            run(command);
        }
    }

    void run(const QJsonObject &command)
    {
        const QString cmd = command.value(QLatin1String("cmd")).toString();
        if (cmd == QLatin1String("login")) {
            m_wall->session()->begin(
                {command.value(QLatin1String("name")).toString(), Role::Supervisor});
        } else if (cmd == QLatin1String("acknowledge")) {
            m_toAcknowledge = command.value(QLatin1String("count")).toInt();
            m_newestFirst = command.value(QLatin1String("newest")).toBool();
            m_acknowledged = 0;
            m_pacer.start(command.value(QLatin1String("intervalMs")).toInt(100));
        } else if (cmd == QLatin1String("race")) {
            QStringList keys;
            for (const QJsonValue &key : command.value(QLatin1String("keys")).toArray())
                keys.append(key.toString());
            if (command.value(QLatin1String("reverse")).toBool())
                std::reverse(keys.begin(), keys.end());
            const qint64 at = qint64(command.value(QLatin1String("atMs")).toDouble());
            QTimer::singleShot(std::max<qint64>(0, at - QDateTime::currentMSecsSinceEpoch()),
                               Qt::PreciseTimer, this, [this, keys] { race(keys); });
        } else if (cmd == QLatin1String("shelve")) {
            const QString key = command.value(QLatin1String("key")).toString();
            const qint64 at = qint64(command.value(QLatin1String("atMs")).toDouble());
            QTimer::singleShot(std::max<qint64>(0, at - QDateTime::currentMSecsSinceEpoch()),
                               Qt::PreciseTimer, this, [this, key] { shelve(key); });
        } else if (cmd == QLatin1String("state")) {
            sayState();
        } else {
            std::fprintf(stderr, "tlr-e2e-room: unknown command %s\n", qPrintable(cmd));
        }
    }

    // Every acknowledgement the panel shows, once: this console's own and the others'.
    void lookAt(int first, int last)
    {
        for (int row = std::max(0, first); row <= last && row < m_rows->rowCount(); ++row) {
            const AlertRecord &alert = m_rows->record(row);
            if (!alert.acknowledged || !alert.acknowledgedAt.isValid())
                continue;
            const QString key = keyOf(alert);
            const qint64 atMs = alert.acknowledgedAt.toMSecsSinceEpoch();
            if (m_seen.value(key, -1) == atMs)
                continue;
            m_seen.insert(key, atMs);
            say({{QStringLiteral("event"), QStringLiteral("seen")},
                 {QStringLiteral("key"), key},
                 {QStringLiteral("by"), alert.acknowledgedBy},
                 {QStringLiteral("atMs"), double(atMs)},
                 {QStringLiteral("note"), alert.acknowledgeNote},
                 {QStringLiteral("seenMs"), double(QDateTime::currentMSecsSinceEpoch())}});
        }
    }

    // Makes the alert's row the panel's current one: what the arrow keys do.
    bool select(const AlertRecord &alert)
    {
        QAbstractItemModel *shown = m_panel->table()->model();
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (shown->index(row, 0).data(AlertTableModel::AlertIdRole).toULongLong() == alert.id) {
                m_panel->table()->setCurrentIndex(shown->index(row, 0));
                return true;
            }
        }
        return false;
    }

    // Select the alert's row, S, a reason, Enter (the shelf's default length).
    void shelve(const QString &key)
    {
        const QStringList parts = key.split(u'|');
        const AlertRecord *alert =
            parts.size() == 3 ? m_wall->alerts()->find(parts[0], parts[1], parts[2]) : nullptr;
        const bool pressed =
            alert && alert->state == AlertState::Unacknowledged && select(*alert);
        if (pressed) {
            QTest::keyClick(m_panel->table(), Qt::Key_S);
            QTest::keyClicks(m_panel->noteField(),
                             QStringLiteral("e2e: sensor diperiksa (%1)")
                                 .arg(m_wall->session()->actor().value_or(Actor{}).name));
            QTest::keyClick(m_panel->noteField(), Qt::Key_Return);
        }
        say({{QStringLiteral("event"), QStringLiteral("shelve-pressed")},
             {QStringLiteral("key"), key},
             {QStringLiteral("pressed"), pressed}});
    }

    // Select the alert's row, A, a note, Enter: what a supervisor at the desk does.
    bool press(const AlertRecord &alert)
    {
        QAbstractItemModel *shown = m_panel->table()->model();
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (shown->index(row, 0).data(AlertTableModel::AlertIdRole).toULongLong() != alert.id)
                continue;
            const QString key = keyOf(alert);
            m_panel->table()->setCurrentIndex(shown->index(row, 0));
            say({{QStringLiteral("event"), QStringLiteral("pressed")},
                 {QStringLiteral("key"), key},
                 {QStringLiteral("ms"), double(QDateTime::currentMSecsSinceEpoch())}});
            QTest::keyClick(m_panel->table(), Qt::Key_A);
            QTest::keyClicks(m_panel->noteField(),
                             QStringLiteral("e2e: dikabari ke dinas (%1)")
                                 .arg(m_wall->session()->actor().value_or(Actor{}).name));
            QTest::keyClick(m_panel->noteField(), Qt::Key_Return);
            m_pressed.insert(key);
            return true;
        }
        return false;
    }

    void acknowledgeNext()
    {
        const AlertRecord *next = nullptr;
        for (int row = 0; row < m_rows->rowCount(); ++row) {
            const AlertRecord &alert = m_rows->record(row);
            if (alert.state != AlertState::Unacknowledged || !alert.live ||
                m_pressed.contains(keyOf(alert))) {
                continue;
            }
            if (!next || (m_newestFirst ? alert.raisedAtMs > next->raisedAtMs
                                        : alert.raisedAtMs < next->raisedAtMs)) {
                next = &alert;
            }
        }
        if (next && press(*next))
            ++m_acknowledged;
        if (m_acknowledged >= m_toAcknowledge) {
            m_pacer.stop();
            say({{QStringLiteral("event"), QStringLiteral("acknowledged")},
                 {QStringLiteral("count"), m_acknowledged}});
        }
    }

    void race(const QStringList &keys)
    {
        int pressed = 0;
        QJsonArray skipped;
        for (const QString &key : keys) {
            const QStringList parts = key.split(u'|');
            const AlertRecord *alert =
                parts.size() == 3 ? m_wall->alerts()->find(parts[0], parts[1], parts[2]) : nullptr;
            if (alert && alert->state == AlertState::Unacknowledged && press(*alert))
                ++pressed;
            else
                skipped.append(key); // not here, or already acknowledged: nothing to press
        }
        say({{QStringLiteral("event"), QStringLiteral("raced")},
             {QStringLiteral("pressed"), pressed},
             {QStringLiteral("skipped"), skipped}});
    }

    void sayState()
    {
        QJsonArray alerts;
        int unacknowledged = 0;
        for (int row = 0; row < m_rows->rowCount(); ++row) {
            const AlertRecord &alert = m_rows->record(row);
            if (alert.state == AlertState::Unacknowledged && alert.live)
                ++unacknowledged;
            alerts.append(QJsonObject{
                {QStringLiteral("key"), keyOf(alert)},
                {QStringLiteral("state"),
                 m_rows->index(row, 0).data(AlertTableModel::StateKeyRole).toString()},
                {QStringLiteral("acknowledged"), alert.acknowledged},
                {QStringLiteral("by"), alert.acknowledgedBy},
                {QStringLiteral("atMs"), alert.acknowledgedAt.isValid()
                                              ? double(alert.acknowledgedAt.toMSecsSinceEpoch())
                                              : 0.0},
                {QStringLiteral("note"), alert.acknowledgeNote},
                {QStringLiteral("shelvedBy"), alert.shelvedBy}});
        }
        say({{QStringLiteral("event"), QStringLiteral("state")},
             {QStringLiteral("alerts"), alerts},
             {QStringLiteral("unacknowledged"), unacknowledged}});
    }

    WallApplication *m_wall;
    AlertPanelTile *m_panel;
    const AlertTableModel *m_rows;
    QSocketNotifier m_input;
    QByteArray m_pending;
    QHash<QString, qint64> m_seen; // key → the acknowledgement's time last told
    QSet<QString> m_pressed;
    QTimer m_pacer{this};
    int m_toAcknowledge = 0;
    bool m_newestFirst = false;
    int m_acknowledged = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer startTimer;
    startTimer.start();
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tlr-e2e-room"));
    QCoreApplication::setOrganizationName(QStringLiteral("Diskominfo Kota Tangerang"));
    int startStatus = 0;
    const auto wall = e2e::startWall(QCoreApplication::arguments(), startTimer, &startStatus);
    if (!wall)
        return startStatus;
    AlertPanelTile *panel = deskPanel();
    if (!panel) {
        std::fprintf(stderr, "tlr-e2e-room: no alert panel that acknowledges in this profile\n");
        return 2;
    }
    RoomConsole console(wall.get(), panel);
    return app.exec();
}
