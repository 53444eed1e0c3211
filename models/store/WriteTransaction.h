#pragma once

#include <QSqlDatabase>
#include <QString>

namespace tlr {

// BEGIN IMMEDIATE on construction (on PostgreSQL: BEGIN and an advisory lock every writer
// takes): the write lock is taken before anything is read, so that what a transaction reads
// (the audit log's head) cannot change under it, also when another process writes the same
// file or database. Rolled back on destruction unless committed.
class WriteTransaction
{
public:
    explicit WriteTransaction(const QSqlDatabase &db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    QString error() const { return m_error; } // why it could not begin; empty when it did
    QString commit();                          // empty on success; rolled back otherwise

private:
    void rollback();

    QSqlDatabase m_db;
    QString m_error;
    bool m_active = false;
};

} // namespace tlr
