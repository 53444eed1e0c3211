#include "SqliteStatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace tlr {

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

sqlite3 *SqliteStatement::handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

bool SqliteStatement::disableMemoryStatistics()
{
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
}

bool SqliteStatement::prepare(sqlite3 *db, const char *sql)
{
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
    m_db = db;
    if (!db)
        return false;
    m_lastResult = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    return m_lastResult == SQLITE_OK;
}

void SqliteStatement::bind(int index, const QString &text)
{
    if (text.isNull()) {
        sqlite3_bind_null(m_statement, index);
        return;
    }
    if (index >= m_textBuffers.size())
        m_textBuffers.resize(index + 1);
    EncodedText &encoded = m_textBuffers[index];
    QByteArray &buffer = encoded.utf8;
    // The same string as the last row's (an interned kecamatan, an entity id): the copy kept
    // here holds a reference to its heap block, so that memory cannot have changed, and its
    // encoding stands. Text over memory it does not own (fromRawData) is encoded every time.
    const bool same = encoded.text.data_ptr().isMutable() &&
                      text.constData() == encoded.text.constData() &&
                      text.size() == encoded.text.size();
    if (!same) {
        buffer.resize(m_utf8.requiredSpace(text.size()));
        char *end = m_utf8.appendToBuffer(buffer.data(), text);
        buffer.truncate(end - buffer.constData());
        encoded.text = text.data_ptr().isMutable() ? text : QString();
    }
    sqlite3_bind_text64(m_statement, index, buffer.constData(), sqlite3_uint64(buffer.size()),
                        SQLITE_STATIC, SQLITE_UTF8);
}

void SqliteStatement::bind(int index, const QByteArray &bytes)
{
    if (bytes.isNull())
        sqlite3_bind_null(m_statement, index);
    else
        sqlite3_bind_blob64(m_statement, index, bytes.constData(), sqlite3_uint64(bytes.size()),
                            SQLITE_STATIC);
}

void SqliteStatement::bindText(int index, const QByteArray &utf8)
{
    sqlite3_bind_text64(m_statement, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                        SQLITE_STATIC, SQLITE_UTF8);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

int SqliteStatement::step()
{
    m_lastResult = sqlite3_step(m_statement);
    if (m_lastResult != SQLITE_ROW && m_lastResult != SQLITE_DONE) {
        m_lastResult = sqlite3_extended_errcode(m_db);
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    return m_lastResult;
}

qint64 SqliteStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QByteArray SqliteStatement::columnBytes(int column) const
{
    const void *data = sqlite3_column_blob(m_statement, column);
    return QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(m_statement, column));
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_error.clear();
}

int SqliteStatement::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 SqliteStatement::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

QString SqliteStatement::errorMessage() const
{
    if (!m_db)
        return QStringLiteral("no SQLite connection");
    return m_error.isEmpty() ? QString::fromUtf8(sqlite3_errmsg(m_db)) : m_error;
}

} // namespace tlr
