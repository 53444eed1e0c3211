#include "WriteTransaction.h"

#include "StoreSchema.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>

namespace tlr {
namespace {

QString describe(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

} // namespace

WriteTransaction::WriteTransaction(const QSqlDatabase &db)
    : m_db(db)
{
    if (!m_db.isOpen()) {
        m_error = QStringLiteral("the database is not open");
        return;
    }
    QSqlQuery query(m_db);
    if (m_db.driverName() == QLatin1String("QPSQL")) {
        // Several consoles write the shared database: the advisory lock makes their write
        // transactions take turns, as BEGIN IMMEDIATE does on SQLite, so that the audit chain's
        // head read inside one is still the head when it commits.
        if (!query.exec(QStringLiteral("BEGIN"))) {
            m_error = describe(query.lastError());
            return;
        }
        m_active = true;
        if (!query.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)")
                            .arg(StoreSchema::kWriteLockKey))) {
            m_error = describe(query.lastError());
            rollback();
        }
        return;
    }
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        m_error = StoreSchema::isBusy(query.lastError())
                      ? QStringLiteral("%1 is locked by another writer")
                            .arg(QDir::toNativeSeparators(m_db.databaseName()))
                      : describe(query.lastError());
        return;
    }
    m_active = true;
}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

QString WriteTransaction::commit()
{
    if (!m_active)
        return m_error.isEmpty() ? QStringLiteral("no transaction to commit") : m_error;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const QString error = QStringLiteral("commit failed: %1").arg(describe(query.lastError()));
        rollback();
        return error;
    }
    m_active = false;
    return {};
}

void WriteTransaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK")); // fails harmlessly when SQLite rolled back already
}

} // namespace tlr
