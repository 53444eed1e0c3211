#include "IncidentDossier.h"

#include "IncidentBriefWriter.h"
#include "NearbyCharts.h"
#include "charts/ChartTile.h"

#include "access/Permissions.h"
#include "access/PersonalDataAccess.h"
#include "access/Session.h"
#include "domain/WallClock.h"
#include "dossier/IncidentBrief.h"
#include "dossier/NearbyResourceModel.h"
#include "incidents/IncidentBoard.h"
#include "itemmodels/IncidentTableModel.h"
#include "itemmodels/IncidentTimelineModel.h"
#include "itemmodels/PublicTimelineModel.h"
#include "reports/TimelineCsvExport.h"
#include "theme/Theme.h"
#include "tiles/MapTile.h"
#include "wall/WallController.h"
#include "wall/WallWindow.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace tlr {
namespace {

constexpr double kDossierMapZoom = 15;
constexpr Agency kForwardable[] = {Agency::Dishub, Agency::Dinkes, Agency::TirtaBenteng,
                                   Agency::Dlh, Agency::CallCentre112};

QString duration(qint64 seconds)
{
    const qint64 minutes = std::max<qint64>(0, seconds) / 60;
    if (minutes < 60)
        return IncidentDossier::tr("%1 min").arg(minutes);
    return IncidentDossier::tr("%1 h %2 min")
        .arg(minutes / 60)
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setFont(Theme::font(Theme::kBodyPixels, QFont::DemiBold));
    return label;
}

} // namespace

IncidentDossier::IncidentDossier(qint64 incidentId, const DossierContext &context, QWidget *parent)
    : QWidget(parent)
    , m_incidentId(incidentId)
    , m_context(context)
{
    if (const Incident *incident =
            m_context.board ? m_context.board->incident(incidentId) : nullptr)
        m_incident = *incident;

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::kTileSpacing, Theme::kTileSpacing, Theme::kTileSpacing,
                               Theme::kTileSpacing);
    layout->setSpacing(Theme::kTileSpacing);
    m_title = new QLabel(this);
    m_title->setFont(Theme::font(Theme::kHeaderPixels, QFont::Bold));
    layout->addWidget(m_title);
    auto *header = new QGridLayout;
    header->setHorizontalSpacing(2 * Theme::kTileSpacing);
    buildHeader(header);
    layout->addLayout(header);

    // The story on the left; where it is and what is near it on the right.
    auto *middle = new QHBoxLayout;
    middle->setSpacing(Theme::kTileSpacing);
    m_timelineModel = new IncidentTimelineModel(m_context.board, this);
    m_timelineModel->setIncident(incidentId);
    m_timeline = new QTableView(this);
    m_timeline->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timeline->setSelectionMode(QAbstractItemView::SingleSelection);
    m_timeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timeline->setFont(Theme::font(Theme::kSmallPixels));
    m_timeline->verticalHeader()->hide();
    m_timeline->setTextElideMode(Qt::ElideMiddle); // a long id keeps its distinctive end
    m_timeline->setWordWrap(false);
    TimelineCsvExport::attach(m_timeline, m_timelineModel);
    middle->addWidget(m_timeline, 3);

    TileSpec mapSpec;
    mapSpec.type = QStringLiteral("map");
    const QGeoCoordinate anchor = m_incident.anchor;
    if (anchor.isValid()) {
        mapSpec.params.insert(QStringLiteral("center"),
                              QJsonArray{anchor.latitude(), anchor.longitude()});
    }
    mapSpec.params.insert(QStringLiteral("zoom"), kDossierMapZoom);
    m_map = new MapTile(mapSpec, m_context.tiles, this);
    // Where it is, and what could help there.
    auto *side = new QVBoxLayout;
    side->setSpacing(Theme::kTileSpacing);
    side->addWidget(m_map, 3);
    m_resourceModel = new NearbyResourceModel(m_context.tiles.situation, this);
    m_resourceModel->setIncident(m_incident);
    m_resources = new QTableView(this);
    m_resources->setModel(m_resourceModel);
    m_resources->setSelectionMode(QAbstractItemView::NoSelection);
    m_resources->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resources->setFont(Theme::font(Theme::kSmallPixels));
    m_resources->verticalHeader()->hide();
    QHeaderView *resourceColumns = m_resources->horizontalHeader();
    resourceColumns->setStretchLastSection(false);
    resourceColumns->setSectionResizeMode(QHeaderView::ResizeToContents);
    resourceColumns->setSectionResizeMode(NearbyResourceModel::NameColumn, QHeaderView::Stretch);
    m_resources->setTextElideMode(Qt::ElideRight);
    m_resources->setWordWrap(false);
    side->addWidget(m_resources, 2);
    middle->addLayout(side, 2);
    layout->addLayout(middle, 3);

    // What the sensors around it say, across the whole width: a chart needs it.
    m_charts = new NearbyCharts(m_incident, m_context.tiles, this);
    layout->addWidget(m_charts, 3);

    auto *reporterRow = new QHBoxLayout;
    m_reporter = new QLabel(this);
    m_reporter->setFont(Theme::font(Theme::kBodyPixels));
    m_reporter->setTextInteractionFlags(Qt::NoTextInteraction);
    showTimeline(m_timelineModel); // now that there is a reporter line to clear
    m_reveal = new QPushButton(this);
    reporterRow->addWidget(m_reporter, 1);
    reporterRow->addWidget(m_reveal);
    layout->addLayout(reporterRow);

    auto *actions = new QGridLayout;
    buildActions(actions);
    layout->addLayout(actions);
    m_message = new QLabel(this);
    m_message->setFont(Theme::font(Theme::kSmallPixels));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(m_reveal, &QPushButton::clicked, this, &IncidentDossier::revealReporter);
    if (m_context.board) {
        connect(m_context.board, &IncidentBoard::incidentChanged, this, [this](qint64 id) {
            if (id == m_incidentId)
                refresh();
        });
        // On a shared database an action is decided there: another desk may have been first.
        connect(m_context.board, &IncidentBoard::actionRefused, this,
                [this](qint64 id, const QString &reason) {
                    if (id == m_incidentId)
                        showOutcome(reason, {});
                });
    }
    if (m_context.tiles.clock)
        connect(m_context.tiles.clock, &WallClock::ticked, this, &IncidentDossier::refreshClock);
    if (m_context.tiles.session) {
        connect(m_context.tiles.session, &Session::changed, this, [this] {
            m_reporter->clear(); // whoever saw it has gone
            updateActions();
        });
    }
    retranslate();
    refresh();
}

void IncidentDossier::showTimeline(QAbstractItemModel *model)
{
    m_timeline->setModel(model);
    // Time, kind and who are short and must be read whole; what happened takes what is left.
    QHeaderView *columns = m_timeline->horizontalHeader();
    columns->setStretchLastSection(false);
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(IncidentTimelineModel::WhatColumn, QHeaderView::Stretch);
    // A note can be long: it gets a fixed share, elided, and what happened keeps the rest.
    columns->setSectionResizeMode(IncidentTimelineModel::NoteColumn, QHeaderView::Interactive);
    columns->resizeSection(IncidentTimelineModel::NoteColumn, 280); // most entries have none
    connect(m_timeline->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_reporter->clear(); // a reveal is for the report it was asked for, while it is looked at
        updateActions();
    });
}

void IncidentDossier::buildHeader(QGridLayout *grid)
{
    m_state = valueLabel(this);
    m_severity = valueLabel(this);
    m_agency = valueLabel(this);
    m_kecamatan = valueLabel(this);
    m_sla = valueLabel(this);
    const QList<QLabel *> values = {m_state, m_severity, m_agency, m_kecamatan, m_sla};
    for (int column = 0; column < values.size(); ++column) {
        auto *caption = new QLabel(this);
        caption->setFont(Theme::font(Theme::kSmallPixels));
        QPalette muted = caption->palette();
        muted.setColor(QPalette::WindowText, Theme::textMuted());
        caption->setPalette(muted);
        m_captions.append(caption);
        grid->addWidget(caption, 0, column);
        grid->addWidget(values.at(column), 1, column);
    }
}

void IncidentDossier::buildActions(QGridLayout *grid)
{
    m_note = new QLineEdit(this);
    m_note->setFont(Theme::font(Theme::kBodyPixels));
    m_acknowledge = new QPushButton(this);
    m_forwardTo = new QComboBox(this);
    for (Agency agency : kForwardable)
        m_forwardTo->addItem(agencyShortName(agency), int(agency));
    m_forward = new QPushButton(this);
    m_resolve = new QPushButton(this);
    m_close = new QPushButton(this);
    m_addNote = new QPushButton(this);
    m_brief = new QPushButton(this);
    m_wallScreen = new QComboBox(this);
    m_sendToWall = new QPushButton(this);
    grid->addWidget(m_note, 0, 0);
    grid->addWidget(m_acknowledge, 0, 1);
    grid->addWidget(m_forwardTo, 0, 2);
    grid->addWidget(m_forward, 0, 3);
    grid->addWidget(m_resolve, 0, 4);
    grid->addWidget(m_close, 0, 5);
    grid->addWidget(m_addNote, 0, 6);
    grid->addWidget(m_brief, 0, 7);
    grid->addWidget(m_wallScreen, 0, 8);
    grid->addWidget(m_sendToWall, 0, 9);
    // Only the wall's own screens: a desk screen is where the dossier was opened from.
    if (m_context.wall) {
        const QList<ScreenSpec> &screens = m_context.wall->profile().screens;
        for (int i = 0; i < screens.size(); ++i) {
            if (screens.at(i).wallCell)
                m_wallScreen->addItem(QString(), i);
        }
    }
    m_wallScreen->setVisible(m_wallScreen->count() > 0);
    m_sendToWall->setVisible(m_wallScreen->count() > 0);
    connect(m_sendToWall, &QPushButton::clicked, this, [this] {
        const QString refusal = sendToWall(m_wallScreen->currentData().toInt());
        if (!refusal.isEmpty())
            showOutcome(refusal, {});
    });
    grid->setColumnStretch(0, 1);
    connect(m_acknowledge, &QPushButton::clicked, this, &IncidentDossier::acknowledgeIncident);
    connect(m_forward, &QPushButton::clicked, this,
            [this] { forwardIncident(static_cast<Agency>(m_forwardTo->currentData().toInt())); });
    connect(m_resolve, &QPushButton::clicked, this, &IncidentDossier::resolveIncident);
    connect(m_close, &QPushButton::clicked, this, &IncidentDossier::closeIncident);
    connect(m_addNote, &QPushButton::clicked, this, &IncidentDossier::addNote);
    connect(m_brief, &QPushButton::clicked, this, &IncidentDossier::makeBrief);
}

void IncidentDossier::retranslate()
{
    const QStringList captions = {tr("State"), tr("Severity"), tr("Accountable"), tr("Kecamatan"),
                                  tr("Open for")};
    for (int i = 0; i < m_captions.size(); ++i)
        m_captions.at(i)->setText(captions.value(i));
    m_reveal->setText(tr("Show reporter"));
    m_note->setPlaceholderText(tr("Note for the action, or a note of its own"));
    m_acknowledge->setText(tr("Acknowledge"));
    m_forward->setText(tr("Forward"));
    m_resolve->setText(tr("Resolve"));
    m_close->setText(tr("Close"));
    m_addNote->setText(tr("Add note"));
    m_brief->setText(tr("PDF brief"));
    m_sendToWall->setText(tr("Send to wall"));
    if (m_context.wall) {
        const QString language = QLocale().name().section(u'_', 0, 0);
        for (int item = 0; item < m_wallScreen->count(); ++item) {
            const int screen = m_wallScreen->itemData(item).toInt();
            m_wallScreen->setItemText(
                item, tr("Screen %1: %2")
                          .arg(screen + 1)
                          .arg(m_context.wall->profile().screens.at(screen).nameIn(language)));
        }
    }
    setWindowTitle(tr("Incident %1").arg(m_incident.displayId()));
    refresh();
}

void IncidentDossier::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void IncidentDossier::refresh()
{
    if (const Incident *incident =
            m_context.board ? m_context.board->incident(m_incidentId) : nullptr)
        m_incident = *incident;
    if (m_resourceModel)
        m_resourceModel->setIncident(m_incident);
    const Incident &i = m_incident;
    m_title->setText(QStringLiteral("%1 · %2 · %3").arg(i.displayId(), i.subject(), i.kecamatan));
    m_state->setText(IncidentTableModel::stateName(i.state));
    const Severity severity = i.severity();
    m_severity->setText(Theme::severityGlyph(severity) + u' ' + Theme::severityLabel(severity));
    QPalette palette = m_severity->palette();
    palette.setColor(QPalette::WindowText, Theme::severityColor(severity));
    m_severity->setPalette(palette);
    m_agency->setText(IncidentTableModel::holderName(i.accountable));
    m_kecamatan->setText(i.kecamatan);
    refreshClock();
    updateActions();
}

void IncidentDossier::refreshClock()
{
    const Incident &i = m_incident;
    if (!i.firstSignalAt.isValid()) {
        m_sla->clear();
        return;
    }
    // The clock runs from the first signal until the incident is resolved.
    QDateTime end =
        m_context.tiles.clock ? m_context.tiles.clock->now() : QDateTime::currentDateTimeUtc();
    if (!i.isOpen()) {
        for (const IncidentTransition &t : i.transitions) {
            if (t.to == IncidentState::Resolved || t.to == IncidentState::Closed) {
                end = t.at;
                break;
            }
        }
    }
    m_sla->setText(i.isOpen() ? duration(i.firstSignalAt.secsTo(end))
                              : tr("done after %1").arg(duration(i.firstSignalAt.secsTo(end))));
}

QString IncidentDossier::headerText() const
{
    QStringList words = {m_title->text()};
    const QList<QLabel *> values = {m_state, m_severity, m_agency, m_kecamatan, m_sla};
    for (int i = 0; i < values.size(); ++i)
        words.append(m_captions.at(i)->text() + QStringLiteral(": ") + values.at(i)->text());
    return words.join(QStringLiteral(" | "));
}

std::optional<Actor> IncidentDossier::actor() const
{
    return m_context.tiles.session ? m_context.tiles.session->actor() : std::nullopt;
}

QString IncidentDossier::selectedReportId() const
{
    const QModelIndex current = m_timeline->currentIndex();
    if (!current.isValid())
        return {};
    const auto kind = static_cast<IncidentTimelineModel::EntryKind>(
        current.siblingAtColumn(0).data(IncidentTimelineModel::EntryKindRole).toInt());
    if (kind != IncidentTimelineModel::EntryKind::Report)
        return {};
    return current.siblingAtColumn(0).data(IncidentTimelineModel::SubjectIdRole).toString();
}

void IncidentDossier::updateActions()
{
    const auto who = actor();
    const bool handles = who && m_context.board && canHandleIncidents(who->role);
    const IncidentState state = m_incident.state;
    m_acknowledge->setEnabled(who && m_context.board && canAcknowledge(who->role) &&
                              state == IncidentState::New);
    m_forwardTo->setEnabled(handles && m_incident.isOpen());
    m_forward->setEnabled(handles && m_incident.isOpen());
    m_resolve->setEnabled(handles && m_incident.isOpen());
    m_close->setEnabled(handles && state == IncidentState::Resolved);
    m_addNote->setEnabled(handles && state != IncidentState::Closed);
    // Nothing of a reporter is revealed on a wall screen, whoever is logged in at the desk.
    const bool mayReveal = who && m_context.personalData && PersonalDataAccess::mayReveal(*who) &&
                           m_pinnedScreen < 0;
    m_reveal->setEnabled(mayReveal && !selectedReportId().isEmpty());
    m_reveal->setVisible(mayReveal); // the others never see that there is anything to show
}

void IncidentDossier::showOutcome(const QString &refusal, const QString &done)
{
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, refusal.isEmpty() ? Theme::good() : Theme::bad());
    m_message->setPalette(palette);
    m_message->setText(refusal.isEmpty() ? done : refusal);
    if (refusal.isEmpty())
        m_note->clear();
}

void IncidentDossier::acknowledgeIncident()
{
    const auto who = actor();
    if (!who || !m_context.board)
        return showOutcome(tr("Log in to act on an incident."), {});
    showOutcome(m_context.board->acknowledge(m_incidentId, *who, m_note->text()),
                tr("Acknowledged."));
}

void IncidentDossier::forwardIncident(Agency agency)
{
    const auto who = actor();
    if (!who || !m_context.board)
        return showOutcome(tr("Log in to act on an incident."), {});
    showOutcome(m_context.board->forward(m_incidentId, agency, *who, m_note->text()),
                tr("Forwarded to %1.").arg(agencyShortName(agency)));
}

void IncidentDossier::resolveIncident()
{
    const auto who = actor();
    if (!who || !m_context.board)
        return showOutcome(tr("Log in to act on an incident."), {});
    showOutcome(m_context.board->resolve(m_incidentId, *who, m_note->text()), tr("Resolved."));
}

void IncidentDossier::closeIncident()
{
    const auto who = actor();
    if (!who || !m_context.board)
        return showOutcome(tr("Log in to act on an incident."), {});
    showOutcome(m_context.board->close(m_incidentId, *who, m_note->text()), tr("Closed."));
}

void IncidentDossier::addNote()
{
    const auto who = actor();
    if (!who || !m_context.board)
        return showOutcome(tr("Log in to act on an incident."), {});
    showOutcome(m_context.board->addNote(m_incidentId, *who, m_note->text()), tr("Note added."));
}

void IncidentDossier::revealReporter()
{
    const auto who = actor();
    const QString reportId = selectedReportId();
    if (!who || !m_context.personalData || reportId.isEmpty() || m_pinnedScreen >= 0)
        return;
    using Reveal = PersonalDataAccess::Reveal;
    auto *watcher = new QFutureWatcher<Reveal>(this);
    connect(watcher, &QFutureWatcher<Reveal>::finished, this, [this, watcher, reportId] {
        watcher->deleteLater();
        const Reveal reveal = watcher->future().resultCount() > 0 ? watcher->result() : Reveal();
        emit revealAnswered();
        if (selectedReportId() != reportId || m_pinnedScreen >= 0)
            return; // the selection moved on, or the dossier went to the wall meanwhile
        switch (reveal.outcome) {
        case Reveal::Outcome::Revealed:
            m_reporter->setText(tr("%1: %2, %3 (shown to %4, recorded in the audit log)")
                                    .arg(reportId, reveal.details.name, reveal.details.phone,
                                         actor() ? actor()->name : QString()));
            break;
        case Reveal::Outcome::Refused:
            m_reporter->setText(tr("Your role may not see reporters' details."));
            break;
        case Reveal::Outcome::NotFound:
            m_reporter->setText(tr("%1: no reporter's details kept.").arg(reportId));
            break;
        case Reveal::Outcome::Failed:
        case Reveal::Outcome::Unknown:
            m_reporter->setText(
                tr("The reporter's details could not be read: %1").arg(reveal.error));
            break;
        }
    });
    watcher->setFuture(m_context.personalData->reveal(*who, reportId));
}

IncidentBrief IncidentDossier::brief() const
{
    IncidentBrief brief;
    brief.title = m_title->text();
    brief.madeAt =
        m_context.tiles.clock ? m_context.tiles.clock->now() : QDateTime::currentDateTimeUtc();
    const QString when =
        brief.madeAt.toTimeZone(WallClock::wib()).toString(QStringLiteral("dd-MM-yyyy HH:mm"));
    const auto who = actor();
    brief.madeFor =
        who ? tr("Made %1 WIB by %2").arg(when, who->name) : tr("Made %1 WIB").arg(when);
    const QList<QLabel *> values = {m_state, m_severity, m_agency, m_kecamatan, m_sla};
    for (int i = 0; i < values.size(); ++i)
        brief.facts.append({m_captions.at(i)->text(), values.at(i)->text()});
    const QString format = QStringLiteral("dd-MM-yyyy HH:mm");
    if (m_incident.firstSignalAt.isValid()) {
        brief.facts.append(
            {tr("First signal"),
             m_incident.firstSignalAt.toTimeZone(WallClock::wib()).toString(format) +
                 QStringLiteral(" WIB")});
    }
    brief.facts.append({tr("Signals"), QString::number(m_incident.members.size())});
    const qint64 to = brief.madeAt.toMSecsSinceEpoch();
    // The figures in words from the points the printed chart draws: history and live alike.
    const QList<ChartTile *> tiles = m_charts->tiles();
    for (int c = 0; c < m_charts->charts().size(); ++c) {
        NearbySensors::Chart chart = m_charts->charts().at(c);
        const qint64 from = m_charts->from().toMSecsSinceEpoch();
        if (c < tiles.size()) {
            chart.points.clear();
            for (int l = 0; l < tiles.at(c)->lineCount(); ++l)
                chart.points.push_back(tiles.at(c)->linePoints(l, from, to));
        }
        brief.charts.append(IncidentBrief::summaryOf(chart, from, to));
    }
    brief.resources = IncidentBrief::tableOf(*m_resourceModel);
    brief.timeline = IncidentBrief::tableOf(*m_timelineModel);
    return brief;
}

QList<PrintChart> IncidentDossier::printCharts() const
{
    const QDateTime now =
        m_context.tiles.clock ? m_context.tiles.clock->now() : QDateTime::currentDateTimeUtc();
    QList<PrintChart> charts;
    const QList<ChartTile *> tiles = m_charts->tiles();
    for (int c = 0; c < m_charts->charts().size() && c < tiles.size(); ++c) {
        PrintChart chart;
        chart.series = m_charts->charts().at(c).series;
        chart.fromMsecs = m_charts->from().toMSecsSinceEpoch();
        chart.toMsecs = now.toMSecsSinceEpoch();
        // What the wall's tile holds, history and live: the paper shows what the screen does.
        for (int l = 0; l < tiles.at(c)->lineCount(); ++l)
            chart.lines.push_back(tiles.at(c)->linePoints(l, chart.fromMsecs, chart.toMsecs));
        chart.caption = tiles.at(c)->statusText(); // "stale since…", or empty: all is well
        charts.append(std::move(chart));
    }
    return charts;
}

QString IncidentDossier::writeBrief(const QString &path) const
{
    IncidentBriefWriter::Figures figures;
    figures.map = m_map->grab().toImage();
    figures.charts = printCharts();
    return IncidentBriefWriter::write(brief(), figures, path);
}

QString IncidentDossier::sendToWall(int profileScreen)
{
    if (!m_context.wall)
        return tr("This console drives no wall.");
    const int window = m_context.wall->assignment().windowOf(profileScreen);
    const QList<WallWindow *> windows = m_context.wall->windows();
    if (window < 0 || window >= windows.size() || !windows.at(window))
        return tr("No monitor shows screen %1 now.").arg(profileScreen + 1);
    WallWindow *target = windows.at(window);
    // On the wall: no reporter, and no text typed at a console (PublicTimelineModel).
    if (!m_publicTimeline) {
        m_publicTimeline = new PublicTimelineModel(this);
        m_publicTimeline->setSourceModel(m_timelineModel);
        showTimeline(m_publicTimeline);
    }
    m_reporter->clear();
    m_note->clear();
    // The monitor shows that screen's page under the dossier, so that it comes back after.
    target->showPage(m_context.wall->pages().value(profileScreen));
    setWindowFlags(Qt::Window | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint);
    setGeometry(target->geometry());
    show();
    raise();
    m_pinnedScreen = profileScreen;
    updateActions();
    return {};
}

void IncidentDossier::makeBrief()
{
    const QDir folder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                      QStringLiteral("/tlr-briefs"));
    folder.mkpath(QStringLiteral("."));
    const QDateTime now =
        m_context.tiles.clock ? m_context.tiles.clock->now() : QDateTime::currentDateTimeUtc();
    const QString path = folder.filePath(
        QStringLiteral("%1-%2.pdf")
            .arg(m_incident.displayId(),
                 now.toTimeZone(WallClock::wib()).toString(QStringLiteral("yyyyMMdd-HHmm"))));
    const QString error = writeBrief(path);
    showOutcome(error.isEmpty() ? QString() : tr("The brief could not be written: %1").arg(error),
                tr("Brief written to %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace tlr
