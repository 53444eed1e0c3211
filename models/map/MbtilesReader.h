#pragma once

#include "MbtilesMetadata.h"
#include "TileMath.h"

#include <QByteArray>
#include <QString>

namespace tlr {

// Reads tiles out of an MBTiles file (an SQLite database), read-only. QtSql connections belong
// to the thread that opened them, so a reader is used on one thread only: tile workers open one
// reader per thread. Each reader has its own connection name and closes it on destruction.
class MbtilesReader
{
public:
    struct Tile
    {
        enum class Status { Unknown, Found, Missing, Failed };
        Status status = Status::Unknown;
        QByteArray data;
        QString error; // when Failed: names the file
    };

    MbtilesReader();
    ~MbtilesReader();
    MbtilesReader(const MbtilesReader &) = delete;
    MbtilesReader &operator=(const MbtilesReader &) = delete;

    // Opens the file and checks that it is an MBTiles file (a `tiles` table or view, and a
    // `metadata` table). False with errorString() naming the file when it is not.
    bool open(const QString &fileName);
    bool isOpen() const { return m_open; }
    QString fileName() const { return m_fileName; }
    QString errorString() const { return m_error; }

    const MbtilesMetadata &metadata() const { return m_metadata; }

    // A tile by its XYZ number; the TMS row flip happens here. A tile the file does not have
    // is Missing (most files cover only part of the world), not an error.
    Tile tile(const TileId &id) const;

private:
    bool fail(const QString &message);
    void readMetadata();

    QString m_connectionName;
    QString m_fileName;
    QString m_error;
    bool m_open = false;
    MbtilesMetadata m_metadata;
};

} // namespace tlr
