#include "TimelineCsv.h"

#include "CsvWriter.h"

#include "domain/WallClock.h"
#include "itemmodels/IncidentTimelineModel.h"

namespace tlr {

QByteArray TimelineCsv::write(const IncidentTimelineModel &timeline)
{
    using Model = IncidentTimelineModel;
    CsvWriter csv;
    QStringList header;
    for (int column = 0; column < Model::ColumnCount; ++column)
        header.append(timeline.headerData(column, Qt::Horizontal).toString());
    csv.addRecord(header);
    const QTimeZone wib = WallClock::wib();
    for (int row = 0; row < timeline.rowCount(); ++row) {
        QStringList record;
        for (int column = 0; column < Model::ColumnCount; ++column) {
            const QModelIndex index = timeline.index(row, column);
            if (column == Model::TimeColumn) {
                record.append(timeline.data(index, Model::TimeRole)
                                  .toDateTime()
                                  .toTimeZone(wib)
                                  .toString(Qt::ISODate));
            } else {
                record.append(timeline.data(index).toString());
            }
        }
        csv.addRecord(record);
    }
    return csv.bytes();
}

} // namespace tlr
