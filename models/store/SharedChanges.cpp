#include "SharedChanges.h"

#include "SqlValues.h"

namespace tlr::SharedChanges {

QString notify(QSqlDatabase &db, const QString &what)
{
    if (db.driverName() != QLatin1String("QPSQL"))
        return {};
    QString error;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    query.addBindValue(QString::fromLatin1(kChannel));
    query.addBindValue(what);
    sqlvalues::exec(query, error);
    return error;
}

} // namespace tlr::SharedChanges
