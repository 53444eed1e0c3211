#include "AlertPanelTile.h"

#include "AlertRowDelegate.h"
#include "AlertStyle.h"
#include "access/Session.h"
#include "alerts/AlertArchive.h"
#include "alerts/AlertEngine.h"
#include "domain/WallClock.h"
#include "itemmodels/AlertFilterProxyModel.h"
#include "itemmodels/AlertTableModel.h"
#include "theme/Theme.h"
#include "tiles/TileContext.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace tlr {
namespace {

constexpr int kPulseIntervalMs = 80;
constexpr int kPulsePeriodSteps = 16; // 1.3 s: calm enough to read through, impossible to miss

// The column headers in the wall's language: the table model lives below the translations.
class TranslatedHeaders : public QIdentityProxyModel
{
    Q_DECLARE_TR_FUNCTIONS(AlertPanelTile)

public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return QIdentityProxyModel::headerData(section, orientation, role);
        switch (section) {
        case AlertTableModel::SeverityColumn: return tr("Severity");
        case AlertTableModel::AgeColumn: return tr("Age");
        case AlertTableModel::AgencyColumn: return tr("Agency");
        case AlertTableModel::KecamatanColumn: return tr("Kecamatan");
        case AlertTableModel::StateColumn: return tr("State");
        case AlertTableModel::DuplicatesColumn: return tr("Repeats");
        case AlertTableModel::TitleColumn: return tr("Alert");
        default: return {};
        }
    }
    void retranslate() { emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1); }
};

QList<AlertState> statesForFilter(const QString &filter)
{
    if (filter == u"unacknowledged")
        return {AlertState::Unacknowledged, AlertState::ReturnedUnacknowledged};
    if (filter == u"open")
        return {AlertState::Unacknowledged, AlertState::ReturnedUnacknowledged,
                AlertState::Acknowledged, AlertState::Shelved};
    return {}; // "all"
}

Severity nextMinimum(Severity current)
{
    switch (current) {
    case Severity::Unknown: return Severity::Moderate;
    case Severity::Minor: return Severity::Moderate;
    case Severity::Moderate: return Severity::Severe;
    case Severity::Severe: return Severity::Extreme;
    case Severity::Extreme: break;
    }
    return Severity::Unknown;
}

} // namespace

std::optional<AlertPanelTile::ParamError> AlertPanelTile::checkParams(const TileSpec &spec)
{
    const QString filter = spec.params.value(QLatin1String("filter")).toString(QStringLiteral("open"));
    if (filter != u"unacknowledged" && filter != u"open" && filter != u"all") {
        return ParamError{QStringLiteral("params.filter"),
                          QStringLiteral("\"%1\" is not unacknowledged, open or all").arg(filter)};
    }
    const QJsonValue acknowledge = spec.params.value(QLatin1String("acknowledge"));
    if (!acknowledge.isUndefined() && !acknowledge.isBool())
        return ParamError{QStringLiteral("params.acknowledge"), QStringLiteral("must be true or false")};
    return std::nullopt;
}

AlertPanelTile::AlertPanelTile(const TileSpec &spec, const TileContext &context, QWidget *parent)
    : Tile(spec, parent)
    , m_engine(context.alerts)
    , m_alerts(context.alertTable)
    , m_archive(context.alertArchive)
    , m_session(context.session)
    , m_clock(context.clock)
    , m_actionsAllowed(spec.params.value(QLatin1String("acknowledge")).toBool(false))
    , m_pulseTimer(this)
    , m_messageTimer(this)
{
    Q_ASSERT(m_engine && m_alerts && m_clock);
    m_summary = new QLabel(this);
    m_summary->setFont(Theme::font(Theme::kSmallPixels));
    m_summary->setWordWrap(true); // the desk's narrower tile needs a second line for its keys
    contentLayout()->addWidget(m_summary);

    m_proxy = new AlertFilterProxyModel(m_alerts, this);
    m_proxy->setStates(statesForFilter(
        spec.params.value(QLatin1String("filter")).toString(QStringLiteral("open"))));
    m_proxy->sort(AlertTableModel::SeverityColumn, Qt::DescendingOrder);

    m_delegate = new AlertRowDelegate(this);
    m_table = new QTableView(this);
    m_headers = new TranslatedHeaders(this);
    m_headers->setSourceModel(m_proxy);
    m_table->setModel(m_headers);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const quint64 id = index.data(AlertTableModel::AlertIdRole).toULongLong())
            emit alertOpened(id);
    });
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setItemDelegate(m_delegate);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AlertTableModel::SeverityColumn, Qt::DescendingOrder);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setFocusPolicy(Qt::StrongFocus);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(Theme::kBodyPixels + 18);
    QHeaderView *header = m_table->horizontalHeader();
    header->setFont(Theme::font(Theme::kSmallPixels, QFont::DemiBold));
    header->setSectionResizeMode(QHeaderView::Fixed);
    header->setSectionResizeMode(AlertTableModel::TitleColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);
    m_table->installEventFilter(this);
    m_table->viewport()->installEventFilter(this); // its width, after the scroll bar, is what columns share
    contentLayout()->addWidget(m_table, 1);

    m_actionBar = new QWidget(this);
    auto *actionLayout = new QHBoxLayout(m_actionBar);
    actionLayout->setContentsMargins(0, 0, 0, 0);
    m_prompt = new QLabel(m_actionBar);
    m_prompt->setFont(Theme::font(Theme::kBodyPixels, QFont::DemiBold));
    m_note = new QLineEdit(m_actionBar);
    m_note->setFont(Theme::font(Theme::kBodyPixels));
    m_note->installEventFilter(this);
    m_shelveFor = new QComboBox(m_actionBar);
    m_shelveFor->setFont(Theme::font(Theme::kBodyPixels));
    for (const int minutes : {30, 60, 240, 480})
        m_shelveFor->addItem(QString(), minutes);
    m_shelveFor->setCurrentIndex(1);
    m_shelveFor->installEventFilter(this);
    actionLayout->addWidget(m_prompt);
    actionLayout->addWidget(m_note, 1);
    actionLayout->addWidget(m_shelveFor);
    m_actionBar->hide();
    contentLayout()->addWidget(m_actionBar);

    m_message = new QLabel(this);
    m_message->setFont(Theme::font(Theme::kBodyPixels));
    m_message->setWordWrap(true);
    m_message->hide();
    contentLayout()->addWidget(m_message);
    m_messageTimer.setSingleShot(true);
    m_messageTimer.setInterval(8000);
    connect(&m_messageTimer, &QTimer::timeout, m_message, &QWidget::hide);

    m_pulseTimer.setInterval(kPulseIntervalMs);
    connect(&m_pulseTimer, &QTimer::timeout, this, [this] {
        ++m_pulseStep;
        const qreal phase = (m_pulseStep % kPulsePeriodSteps) / qreal(kPulsePeriodSteps);
        m_delegate->setPulse(0.5 - 0.5 * std::cos(phase * 2 * M_PI));
        m_table->viewport()->update();
    });
    // Once per engine batch, after the table model has taken it (it connected first).
    connect(m_engine, &AlertEngine::alertsUpdated, this, [this] {
        updateSummary();
        updatePulse();
    });
    // On a shared database an acknowledgement is decided there: another desk may have been first.
    connect(m_engine, &AlertEngine::acknowledgementRefused, this,
            [this](quint64 id, const QString &reason) {
                m_unrecorded.remove(id);
                showMessage(reason, true);
            });
    connect(m_engine, &AlertEngine::shelfRefused, this,
            [this](quint64 id, const QString &reason) {
                m_unrecorded.remove(id);
                showMessage(reason, true);
            });
    if (m_archive) {
        connect(m_archive, &AlertArchive::actionRecorded, this, &AlertPanelTile::confirmRecorded);
        connect(m_archive, &AlertArchive::actionNotRecorded, this,
                &AlertPanelTile::reportNotRecorded);
    }
    // Ages move with the clock; the model sends no signal for that.
    connect(m_clock, &WallClock::ticked, m_table->viewport(), qOverload<>(&QWidget::update));
    if (m_session)
        connect(m_session, &Session::changed, this, &AlertPanelTile::updateSummary);
    retranslate();
    updatePulse();
}

void AlertPanelTile::sizeColumns()
{
    // Widths from the words each column can hold, never from the data: one long CAP area
    // description must not push the alert's title off the screen.
    const QFontMetrics body(Theme::font(Theme::kBodyPixels));
    const QFontMetrics bold(Theme::font(Theme::kBodyPixels, QFont::Bold));
    const QFontMetrics header(Theme::font(Theme::kSmallPixels, QFont::DemiBold));
    const auto fit = [&](int column, int contentWidth) {
        const QString title = m_headers->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        m_table->setColumnWidth(column, std::max(contentWidth, header.horizontalAdvance(title) + 16) + 24);
    };
    int severityWidth = 0;
    for (const Severity severity : {Severity::Minor, Severity::Moderate, Severity::Severe, Severity::Extreme})
        severityWidth = std::max(severityWidth, bold.horizontalAdvance(Theme::severityGlyph(severity) + u' ' + Theme::severityLabel(severity)));
    int stateWidth = 0;
    for (const AlertState state : {AlertState::Unacknowledged, AlertState::Acknowledged, AlertState::ReturnedUnacknowledged,
                                   AlertState::Shelved, AlertState::Closed})
        stateWidth = std::max(stateWidth, bold.horizontalAdvance(AlertStyle::stateLabel(state)));
    fit(AlertTableModel::SeverityColumn, severityWidth);
    fit(AlertTableModel::AgeColumn, body.horizontalAdvance(QStringLiteral("00h00m")));
    fit(AlertTableModel::AgencyColumn, body.horizontalAdvance(QStringLiteral("Tirta Benteng")));
    fit(AlertTableModel::KecamatanColumn, body.horizontalAdvance(QStringLiteral("Karawaci Baru")));
    fit(AlertTableModel::StateColumn, stateWidth);
    fit(AlertTableModel::DuplicatesColumn, body.horizontalAdvance(QStringLiteral("×9999")));
    fitColumnsToWidth();
}

void AlertPanelTile::fitColumnsToWidth()
{
    // On a narrow tile (the supervisor desk) the fixed columns would leave the alert's title no
    // room at all; the columns a supervisor can best do without give way, least needed first.
    static constexpr int kGiveWayOrder[] = {AlertTableModel::DuplicatesColumn,
                                            AlertTableModel::KecamatanColumn,
                                            AlertTableModel::AgencyColumn};
    const int available = m_table->viewport()->width();
    const int titleNeeds = std::max(available * 3 / 10, Theme::kBodyPixels * 12);
    int fixedWidth = 0;
    for (int column = 0; column < m_headers->columnCount(); ++column) {
        if (column == AlertTableModel::TitleColumn)
            continue;
        m_table->setColumnHidden(column, false);
        fixedWidth += m_table->columnWidth(column);
    }
    for (const int column : kGiveWayOrder) {
        if (available - fixedWidth >= titleNeeds)
            break;
        fixedWidth -= m_table->columnWidth(column);
        m_table->setColumnHidden(column, true);
    }
}

void AlertPanelTile::retranslate()
{
    setDefaultTitle(tr("Alerts"));
    static_cast<TranslatedHeaders *>(m_headers)->retranslate();
    sizeColumns();
    const QStringList durations{tr("30 min"), tr("1 hour"), tr("4 hours"), tr("8 hours")};
    for (int i = 0; i < durations.size(); ++i)
        m_shelveFor->setItemText(i, durations.at(i));
    updateSummary();
}

void AlertPanelTile::updateSummary()
{
    // Counts come from the engine, not from walking the rows: the panel may hold 100,000.
    QStringList parts{tr("%n shown", nullptr, m_proxy->rowCount()),
                      tr("%n unacknowledged", nullptr, m_engine->liveUnacknowledgedCount())};
    if (const int critical = m_engine->liveUnacknowledgedCriticalCount(); critical > 0)
        parts << tr("%n critical unacknowledged", nullptr, critical);
    if (m_proxy->minimumSeverity() != Severity::Unknown)
        parts << tr("from %1 up").arg(Theme::severityLabel(m_proxy->minimumSeverity()));
    if (!m_proxy->text().isEmpty())
        parts << tr("matching \"%1\"").arg(m_proxy->text());
    if (m_actionsAllowed) {
        const auto actor = m_session ? m_session->actor() : std::nullopt;
        parts << (actor ? tr("%1 on duty").arg(actor->name) : tr("log in to acknowledge"));
        parts << tr("A acknowledge · S shelve · U unshelve · F severity · / search");
    } else {
        parts << tr("F severity · / search");
    }
    m_summary->setText(parts.join(QStringLiteral("  ·  ")));
}

void AlertPanelTile::updatePulse()
{
    const bool any = m_engine->liveUnacknowledgedCriticalCount() > 0;
    if (any && !m_pulseTimer.isActive()) {
        m_pulseTimer.start();
    } else if (!any && m_pulseTimer.isActive()) {
        m_pulseTimer.stop();
        m_delegate->setPulse(0);
        m_table->viewport()->update();
    }
}

quint64 AlertPanelTile::selectedAlertId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(AlertTableModel::AlertIdRole).toULongLong() : 0;
}

bool AlertPanelTile::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitColumnsToWidth();
    if (event->type() != QEvent::KeyPress)
        return Tile::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_note || watched == m_shelveFor) {
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            confirm();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            cancel();
            return true;
        }
        return false;
    }
    if (watched != m_table || key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))
        return false;
    switch (key->key()) {
    case Qt::Key_A: begin(Action::Acknowledge); return true;
    case Qt::Key_S: begin(Action::Shelve); return true;
    case Qt::Key_U: begin(Action::Unshelve); return true;
    case Qt::Key_Slash: begin(Action::FilterText); return true;
    case Qt::Key_F:
        m_proxy->setMinimumSeverity(nextMinimum(m_proxy->minimumSeverity()));
        updateSummary();
        return true;
    default: return false;
    }
}

void AlertPanelTile::begin(Action action)
{
    if (action != Action::FilterText) {
        if (!m_actionsAllowed) {
            showMessage(tr("Alerts are acknowledged at the supervisor desk, not on this screen."), true);
            return;
        }
        m_actionAlert = selectedAlertId();
        if (m_actionAlert == 0) {
            showMessage(tr("Select an alert first (arrow keys)."), true);
            return;
        }
        if (!m_session || !m_session->actor()) {
            showMessage(tr("Nobody is logged in at this console: log in first."), true);
            return;
        }
    }
    m_action = action;
    const AlertRecord *alert = m_engine->alert(m_actionAlert);
    const QString title = alert ? alert->title : QString();
    switch (action) {
    case Action::Acknowledge: m_prompt->setText(tr("Acknowledge \"%1\" — note:").arg(title)); break;
    case Action::Shelve: m_prompt->setText(tr("Shelve \"%1\" — reason:").arg(title)); break;
    case Action::Unshelve: m_prompt->setText(tr("Unshelve \"%1\" — note:").arg(title)); break;
    case Action::FilterText: m_prompt->setText(tr("Search:")); break;
    case Action::None: return;
    }
    m_shelveFor->setVisible(action == Action::Shelve);
    m_note->setText(action == Action::FilterText ? m_proxy->text() : QString());
    m_actionBar->show();
    m_note->setFocus();
}

void AlertPanelTile::confirm()
{
    const Action action = std::exchange(m_action, Action::None);
    const QString note = m_note->text().trimmed();
    if (action == Action::FilterText) {
        m_proxy->setText(note);
        m_actionBar->hide();
        m_table->setFocus();
        updateSummary();
        return;
    }
    const auto actor = m_session ? m_session->actor() : std::nullopt;
    if (!actor) {
        cancel();
        showMessage(tr("Nobody is logged in at this console: log in first."), true);
        return;
    }
    AlertEngine::ActionResult result;
    switch (action) {
    case Action::Acknowledge: result = m_engine->acknowledge(m_actionAlert, *actor, note); break;
    case Action::Shelve:
        result = m_engine->shelve(m_actionAlert, *actor, note,
                                  m_clock->now().addSecs(60 * m_shelveFor->currentData().toInt()));
        break;
    case Action::Unshelve: result = m_engine->unshelve(m_actionAlert, *actor, note); break;
    case Action::None:
    case Action::FilterText: return;
    }
    if (!result) {
        m_action = action; // keep the note: the refusal may say what to add
        showMessage(result.reason, true);
        return;
    }
    m_actionBar->hide();
    m_table->setFocus();
    if (m_archive) {
        // Done for the supervisor once committed (confirmRecorded), not when the engine took
        // it: a wall killed in between would come back without it.
        m_unrecorded.insert(m_actionAlert, actor->name);
    }
    if (result.pending) {
        const QString sent = action == Action::Acknowledge
                                 ? tr("Acknowledgement sent to the shared database…")
                             : action == Action::Shelve ? tr("Shelve sent to the shared database…")
                                                        : tr("Unshelve sent to the shared database…");
        showMessage(sent, Tone::Waiting);
        return;
    }
    if (m_archive && m_archive->isRecording(m_actionAlert)) {
        const AlertRecord *alert = m_engine->alert(m_actionAlert);
        showMessage(tr("%1: saving…").arg(alert ? alert->title : QString()), Tone::Waiting);
        return;
    }
    m_unrecorded.remove(m_actionAlert);
    showMessage(doneText(m_actionAlert, actor->name), Tone::Done);
    emit actionConfirmed(m_actionAlert);
}

QString AlertPanelTile::doneText(quint64 id, const QString &by) const
{
    const AlertRecord *alert = m_engine->alert(id);
    return alert ? tr("%1: %2 by %3").arg(alert->title, AlertStyle::stateLabel(alert->state), by)
                 : tr("Done.");
}

void AlertPanelTile::confirmRecorded(quint64 id)
{
    const auto taken = m_unrecorded.constFind(id);
    if (taken == m_unrecorded.cend())
        return; // another console's, or taken at another panel
    const QString by = *taken;
    m_unrecorded.erase(taken);
    showMessage(tr("%1 (recorded)").arg(doneText(id, by)), Tone::Done);
    emit actionConfirmed(id);
}

void AlertPanelTile::reportNotRecorded(quint64 id, const QString &reason)
{
    if (!m_unrecorded.contains(id))
        return;
    const AlertRecord *alert = m_engine->alert(id);
    // Kept: the archive tries again with its next write, and confirmRecorded() follows then.
    showMessage(tr("%1: NOT recorded yet (%2); trying again").arg(alert ? alert->title : QString(), reason),
                Tone::Problem);
}

void AlertPanelTile::cancel()
{
    m_action = Action::None;
    m_actionBar->hide();
    m_table->setFocus();
}

void AlertPanelTile::showMessage(const QString &text, bool problem)
{
    showMessage(text, problem ? Tone::Problem : Tone::Done);
}

void AlertPanelTile::showMessage(const QString &text, Tone tone)
{
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, tone == Tone::Problem ? Theme::warning()
                                           : tone == Tone::Waiting ? Theme::textMuted()
                                                                   : Theme::good());
    m_message->setPalette(palette);
    m_message->setText(text);
    m_message->show();
    m_messageTimer.start();
}

} // namespace tlr
