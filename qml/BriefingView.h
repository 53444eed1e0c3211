#pragma once

#include <QQuickWidget>
#include <QStringList>

namespace tlr {

class BriefingController;
struct TileContext;

// The executive briefing (qml/Briefing.qml) as a widget, so that a wall page of kind "briefing"
// or a monitor of its own hosts it like any other screen, and --screenshot grabs it with the
// page. Drilling in the QML comes out as incidentRequested (a row) or featureSelected (a tap on
// the map); the wall opens the dossier. Every QML warning is logged under tlr.briefing and kept:
// a view that warns has a binding that shows nothing, and the tests fail on it.
class BriefingView : public QQuickWidget
{
    Q_OBJECT
public:
    explicit BriefingView(const TileContext &context, QWidget *parent = nullptr);
    ~BriefingView() override;

    BriefingController *controller() const { return m_controller; }
    QStringList qmlWarnings() const { return m_warnings; }

signals:
    void incidentRequested(qint64 incidentId);
    void featureSelected(const QString &entityId);

protected:
    void changeEvent(QEvent *event) override;

private:
    BriefingController *m_controller = nullptr;
    QStringList m_warnings;
};

} // namespace tlr
