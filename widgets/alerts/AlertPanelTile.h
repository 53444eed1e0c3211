#pragma once

#include "tiles/Tile.h"

#include <QHash>
#include <QPointer>
#include <QTimer>

#include <optional>

class QAbstractProxyModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QWidget;

namespace tlr {

class AlertArchive;
class AlertEngine;
class AlertFilterProxyModel;
class AlertRowDelegate;
class AlertTableModel;
class Session;
class WallClock;
struct TileContext;

// The alert panel: every alert the engine holds, sortable by any column and filtered by the
// profile ("filter": "unacknowledged" | "open" | "all") and at run time. Worked with the
// keyboard alone: arrows select, Enter opens the row's incident, A acknowledges, S shelves, U unshelves (each asks for a note,
// Enter confirms, Escape cancels), F steps the minimum severity, / filters by text. Only a
// tile whose profile says "acknowledge": true takes actions, and only for a supervisor logged
// in at this console; the engine has the last word and its refusal is shown as it gives it.
class AlertPanelTile : public Tile
{
    Q_OBJECT
public:
    AlertPanelTile(const TileSpec &spec, const TileContext &context, QWidget *parent = nullptr);

    struct ParamError
    {
        QString field;
        QString message;
    };
    static std::optional<ParamError> checkParams(const TileSpec &spec);

    QTableView *table() const { return m_table; }
    AlertFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *noteField() const { return m_note; }
    QLabel *messageLabel() const { return m_message; }

signals:
    // A row was opened (Enter, a double click or a tap on it): the incident it is part of may
    // be drilled into.
    void alertOpened(quint64 alertId);
    // A supervisor's action taken at this panel is committed to the store, and the panel now
    // says so. Without a database it is emitted when the engine takes the action.
    void actionConfirmed(quint64 alertId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void retranslate() override;

private:
    enum class Action { None, Acknowledge, Shelve, Unshelve, FilterText };
    enum class Tone { Done, Waiting, Problem };

    void begin(Action action);
    void confirm();
    void cancel();
    void showMessage(const QString &text, bool problem);
    void showMessage(const QString &text, Tone tone);
    QString doneText(quint64 id, const QString &by) const;
    void confirmRecorded(quint64 id);
    void reportNotRecorded(quint64 id, const QString &reason);
    void updateSummary();
    void updatePulse();
    void sizeColumns();
    void fitColumnsToWidth();
    quint64 selectedAlertId() const;

    AlertEngine *m_engine;
    AlertTableModel *m_alerts;
    QPointer<const AlertArchive> m_archive;
    const Session *m_session;
    const WallClock *m_clock;
    bool m_actionsAllowed = false;

    AlertFilterProxyModel *m_proxy = nullptr;
    AlertRowDelegate *m_delegate = nullptr;
    QAbstractProxyModel *m_headers = nullptr; // the table's model: m_proxy with translated headers
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    QWidget *m_actionBar = nullptr;
    QLabel *m_prompt = nullptr;
    QLineEdit *m_note = nullptr;
    QComboBox *m_shelveFor = nullptr;
    QLabel *m_message = nullptr;
    QTimer m_pulseTimer;
    QTimer m_messageTimer;
    qint64 m_pulseStep = 0;
    Action m_action = Action::None;
    quint64 m_actionAlert = 0;
    QHash<quint64, QString> m_unrecorded; // actions taken here, not committed yet: who took them
};

} // namespace tlr
