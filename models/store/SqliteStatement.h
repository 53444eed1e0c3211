#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringEncoder>
#include <QVarLengthArray>

struct sqlite3;
struct sqlite3_stmt;

namespace tlr {

// A prepared statement on the SQLite handle under a QSqlDatabase, for the store's write path.
// QSqlQuery costs a QVariant and a placeholder lookup per bound value; at tens of thousands of
// rows a second that was most of the store's time, so the writer binds through SQLite's own
// API (the handle Qt documents for this, QSqlDriver::handle()). Reads stay on QSqlQuery.
class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // The connection's sqlite3 handle; null when the driver is not SQLite.
    static sqlite3 *handleOf(const QSqlDatabase &db);
    // Turns off SQLite's memory statistics, process-wide, if SQLite has not started yet (else
    // nothing changes; false). Debian builds SQLite without lookaside memory, so each row's
    // cursors and records are malloc'ed, and with statistics on every allocation and free also
    // takes a global mutex: a twelfth of the store thread's instructions. Nothing here reads
    // sqlite3_memory_used() or sets a soft heap limit, which are what the statistics serve.
    static bool disableMemoryStatistics();

    bool prepare(sqlite3 *db, const char *sql); // false: see errorMessage()

    // Parameters are numbered from 1, as SQLite numbers them. A null QString binds NULL; text
    // is encoded into a buffer the statement keeps. Bytes are not copied: keep them alive
    // until the statement has run.
    void bind(int index, const QString &text);
    void bind(int index, const QByteArray &bytes); // a BLOB; a null QByteArray binds NULL
    void bindText(int index, const QByteArray &utf8); // TEXT, not copied either
    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bindNull(int index);

    // Runs the statement to completion (or to its first row). Returns SQLite's result code:
    // SQLITE_DONE or SQLITE_ROW on success.
    int step();
    bool hasRow() const { return m_lastResult == kRow; }
    qint64 columnInt64(int column) const;
    QByteArray columnBytes(int column) const; // a copy: valid after the next step or reset
    void reset(); // clears bindings, ready for the next row

    int changes() const;        // rows the last step inserted, updated or deleted
    qint64 lastInsertId() const;
    int resultCode() const { return m_lastResult; } // the extended code of the last step
    QString errorMessage() const;

    static constexpr int kRow = 100;  // SQLITE_ROW
    static constexpr int kDone = 101; // SQLITE_DONE

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_lastResult = 0;
    QString m_error; // SQLite's message at the failed step, before a reset can change it
    // UTF-8, the database's own encoding: text bound as UTF-16 was translated again by SQLite
    // at every step. One buffer per parameter, kept with its capacity from row to row.
    QStringEncoder m_utf8{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    struct EncodedText
    {
        QString text; // what utf8 holds, kept so that the next row's same string is not encoded again
        QByteArray utf8;
    };
    QVarLengthArray<EncodedText, 16> m_textBuffers;
};

} // namespace tlr
