// The rows of an MBTiles file's metadata table. The input is the table as text: one row a
// line, name and value split at the first tab, the way `sqlite3 -separator "\t"` prints it.
// SQLite itself is not under test here; what we make of its strings is.
#include "FuzzSupport.h"
#include "map/MbtilesMetadata.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    tlr::fuzz::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString table = QString::fromUtf8(tlr::fuzz::bytes(data, size));
    tlr::MbtilesMetadata metadata;
    for (const QStringView row : QStringView(table).split(u'\n')) {
        const qsizetype tab = row.indexOf(u'\t');
        if (tab < 0)
            metadata.read(row, QString());
        else
            metadata.read(row.left(tab), row.mid(tab + 1).toString());
    }
    (void)metadata.isRaster();
    return 0;
}
