#pragma once

#include "DossierContext.h"

#include "incidents/Incident.h"

#include <QWidget>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tlr {

class IncidentTimelineModel;
class MapTile;

// One incident's full story on one screen: a header (state, severity, accountable agency,
// kecamatan, how long it has been open), its timeline, a small map zoomed to it, and what the
// person at the console may do: acknowledge, forward to an agency, resolve, close, each with a
// note. A report's reporter is shown only after an audited reveal by a supervisor or admin, and
// only until the selection moves.
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
    QLabel *reporterLabel() const { return m_reporter; }
    QLabel *messageLabel() const { return m_message; }
    QString headerText() const; // the header's words, for tests and the accessible description

    // The actions, as their buttons trigger them; each says why when it was refused.
    void acknowledgeIncident();
    void forwardIncident(Agency agency);
    void resolveIncident();
    void closeIncident();
    // Reveals the selected report's reporter (answers later, through the store).
    void revealReporter();

signals:
    void revealAnswered(); // the reveal asked for has its answer (shown or refused)

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildHeader(QGridLayout *grid);
    void buildActions(QGridLayout *grid);
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
    MapTile *m_map = nullptr;
    QLabel *m_reporter = nullptr;
    QPushButton *m_reveal = nullptr;
    QLineEdit *m_note = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QComboBox *m_forwardTo = nullptr;
    QPushButton *m_forward = nullptr;
    QPushButton *m_resolve = nullptr;
    QPushButton *m_close = nullptr;
    QLabel *m_message = nullptr;
    QList<QLabel *> m_captions; // re-translated with the rest
};

} // namespace tlr
