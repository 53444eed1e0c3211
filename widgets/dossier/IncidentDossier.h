#pragma once

#include "DossierContext.h"
#include "PrintChart.h"

#include "incidents/Incident.h"

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tlr {

struct IncidentBrief;
class IncidentTimelineModel;
class MapTile;
class NearbyCharts;
class NearbyResourceModel;
class PublicTimelineModel;

// One incident's full story on one screen: a header (state, severity, accountable agency,
// kecamatan, how long it has been open), its timeline, a small map zoomed to it, the nearby
// sensors' charts over its window, the resources near it (hospitals with free beds, available
// ambulances, pump stations), and what the person at the console may do: acknowledge, forward
// to an agency, resolve, close, each with a note, write a free note, and make the PDF brief. A
// report's reporter is shown only after an audited reveal by a supervisor or admin, and only
// until the selection moves. Pinned on the wall, it shows no reporter and no typed text
// (PublicTimelineModel).
class IncidentDossier : public QWidget
{
    Q_OBJECT
public:
    IncidentDossier(qint64 incidentId, const DossierContext &context, QWidget *parent = nullptr);

    qint64 incidentId() const { return m_incidentId; }

    QTableView *timeline() const { return m_timeline; }
    IncidentTimelineModel *timelineModel() const { return m_timelineModel; }
    QLineEdit *noteField() const { return m_note; }
    QPushButton *revealButton() const { return m_reveal; }
    QPushButton *addNoteButton() const { return m_addNote; }
    QLabel *reporterLabel() const { return m_reporter; }
    QLabel *messageLabel() const { return m_message; }
    NearbyCharts *nearbyCharts() const { return m_charts; }
    QTableView *resources() const { return m_resources; }
    NearbyResourceModel *resourceModel() const { return m_resourceModel; }
    MapTile *map() const { return m_map; }
    QString headerText() const; // the header's words, for tests and the accessible description

    // The actions, as their buttons trigger them; each says why when it was refused.
    void acknowledgeIncident();
    void forwardIncident(Agency agency);
    void resolveIncident();
    void closeIncident();
    // Adds the note field's text to the incident as a free note.
    void addNote();
    // Reveals the selected report's reporter (answers later, through the store).
    void revealReporter();

    // What the PDF brief says, from what the dossier shows now (never a reporter's details).
    IncidentBrief brief() const;
    // The nearby charts as the brief prints them (PrintChart), from the tiles' data.
    QList<PrintChart> printCharts() const;
    // Writes the PDF brief; empty when written, else why not.
    QString writeBrief(const QString &path) const;
    // The brief button: writes it among the user's documents and says where.
    void makeBrief();

    // Pins the dossier over a wall screen of the profile (index into its screens): on top of
    // the monitor that shows that screen, frameless, until it is closed. Says why not, else
    // empty.
    QString sendToWall(int profileScreen);
    QComboBox *wallScreenChoice() const { return m_wallScreen; }
    int pinnedScreen() const { return m_pinnedScreen; } // -1: not on the wall

signals:
    void revealAnswered(); // the reveal asked for has its answer (shown or refused)

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildHeader(QGridLayout *grid);
    void buildActions(QGridLayout *grid);
    // Puts a timeline model in the view with its column sizes, and follows its selection.
    void showTimeline(QAbstractItemModel *model);
    void refresh();
    void refreshClock();
    void updateActions();
    void retranslate();
    void showOutcome(const QString &refusal, const QString &done);
    QString selectedReportId() const;
    std::optional<Actor> actor() const;

    qint64 m_incidentId;
    DossierContext m_context;
    Incident m_incident; // the latest copy: kept when the board forgets the incident

    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_severity = nullptr;
    QLabel *m_agency = nullptr;
    QLabel *m_kecamatan = nullptr;
    QLabel *m_sla = nullptr;
    QTableView *m_timeline = nullptr;
    IncidentTimelineModel *m_timelineModel = nullptr;
    PublicTimelineModel *m_publicTimeline = nullptr; // in the view while pinned on the wall
    MapTile *m_map = nullptr;
    NearbyCharts *m_charts = nullptr;
    QTableView *m_resources = nullptr;
    NearbyResourceModel *m_resourceModel = nullptr;
    QPushButton *m_brief = nullptr;
    QComboBox *m_wallScreen = nullptr;
    QPushButton *m_sendToWall = nullptr;
    int m_pinnedScreen = -1;
    QLabel *m_reporter = nullptr;
    QPushButton *m_reveal = nullptr;
    QLineEdit *m_note = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QComboBox *m_forwardTo = nullptr;
    QPushButton *m_forward = nullptr;
    QPushButton *m_resolve = nullptr;
    QPushButton *m_close = nullptr;
    QPushButton *m_addNote = nullptr;
    QLabel *m_message = nullptr;
    QList<QLabel *> m_captions; // re-translated with the rest
};

} // namespace tlr
