#pragma once

#include <QCoreApplication>
#include <QString>

class QAbstractItemView;

namespace tlr {

class IncidentTimelineModel;

// "Export CSV…" on an incident timeline's context menu: asks where, then writes TimelineCsv's
// bytes there in one go (QSaveFile: a reader never sees half a file).
class TimelineCsvExport
{
    Q_DECLARE_TR_FUNCTIONS(TimelineCsvExport)
public:
    static void attach(QAbstractItemView *view, const IncidentTimelineModel *model);
    // Empty on success, else why not.
    static QString save(const IncidentTimelineModel &model, const QString &path);
    static QString suggestedFileName(const IncidentTimelineModel &model);
};

} // namespace tlr
