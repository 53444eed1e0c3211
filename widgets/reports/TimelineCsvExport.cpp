#include "TimelineCsvExport.h"

#include "itemmodels/IncidentTimelineModel.h"
#include "reports/TimelineCsv.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>

namespace tlr {

QString TimelineCsvExport::suggestedFileName(const IncidentTimelineModel &model)
{
    return QStringLiteral("INC-%1-timeline.csv").arg(model.incidentId(), 6, 10, QLatin1Char('0'));
}

QString TimelineCsvExport::save(const IncidentTimelineModel &model, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("cannot write %1: %2").arg(path, file.errorString());
    file.write(TimelineCsv::write(model));
    if (!file.commit())
        return tr("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

void TimelineCsvExport::attach(QAbstractItemView *view, const IncidentTimelineModel *model)
{
    // Worded in the language the wall speaks when the dossier opens (a dossier is short-lived).
    auto *action = new QAction(tr("Export CSV…"), view);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->addAction(action);
    QPointer<const IncidentTimelineModel> timeline(model);
    QObject::connect(action, &QAction::triggered, view, [view, timeline] {
        if (!timeline)
            return;
        const QString directory =
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString path = QFileDialog::getSaveFileName(
            view, tr("Export the timeline as CSV"),
            QDir(directory).filePath(suggestedFileName(*timeline)), tr("CSV files (*.csv)"));
        if (path.isEmpty() || !timeline)
            return;
        if (const QString error = save(*timeline, path); !error.isEmpty())
            QMessageBox::warning(view, tr("Export CSV"), error);
    });
}

} // namespace tlr
