// The audit log's cost: entries per second recorded (the caller's side) and committed (the
// store's thread, chained and hashed), and entries per second verified, each beside the same
// rows inserted or read with plain SQL in the same run; and one PBKDF2 derivation at the
// default iteration count, which is what a login costs.
//
//   build-bench/bin/bench_audit [entries]
//
// Prints one figure a line: name value unit baseline ratio aim (BenchTable.h).

#include "access/PasswordHash.h"
#include "audit/AuditLog.h"
#include "audit/AuditVerifier.h"
#include "store/EventStore.h"

#include "BenchTable.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <cstdio>

using namespace tlr;

namespace {

AuditAction makeAction(int i)
{
    return {QDateTime::currentDateTimeUtc(), Actor::system(), QStringLiteral("alert.raised"),
            QStringLiteral("alert:dlh-air/urn:ngsi-ld:AirQualityObserved:%1/ispu").arg(i % 500),
            QStringLiteral("ISPU %1 (tidak sehat) di Stasiun Cikokol").arg(100 + i % 200)};
}

double perSecond(qint64 count, qint64 nanoseconds)
{
    return nanoseconds > 0 ? double(count) * 1e9 / double(nanoseconds) : 0.0;
}

// Every figure here is a rate: more is better.
void print(const char *name, double value, const char *unit, double baseline)
{
    bench::printRow(name, value, unit, baseline, bench::Better::More, "-");
}

// The same rows, unchained, one transaction per 5,000 like the audit log's batches.
qint64 plainInsertNanoseconds(const QString &path, int entries)
{
    qint64 elapsed = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
        db.setDatabaseName(path);
        db.open();
        QSqlQuery(db).exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        QSqlQuery(db).exec(QStringLiteral(
            "CREATE TABLE plain (seq INTEGER PRIMARY KEY, at INTEGER, actor TEXT, role TEXT, "
            "action TEXT, subject TEXT, note TEXT, prev_hash TEXT, hash TEXT)"));
        QElapsedTimer timer;
        timer.start();
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO plain VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (int i = 0; i < entries; ++i) {
            if (i % 5000 == 0)
                db.transaction();
            const AuditAction action = makeAction(i);
            for (const QVariant &value :
                 {QVariant(i + 1), QVariant(action.at.toMSecsSinceEpoch()), QVariant(action.actor.name),
                  QVariant(QStringLiteral("admin")), QVariant(action.action), QVariant(action.subject),
                  QVariant(action.note), QVariant(QString(64, QLatin1Char('0'))),
                  QVariant(QString(64, QLatin1Char('0')))}) {
                insert.addBindValue(value);
            }
            insert.exec();
            if (i % 5000 == 4999 || i == entries - 1)
                db.commit();
        }
        elapsed = timer.nsecsElapsed();
        insert = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("plain"));
    return elapsed;
}

qint64 plainReadNanoseconds(const QString &path)
{
    qint64 elapsed = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("read"));
        db.setDatabaseName(path);
        db.open();
        QElapsedTimer timer;
        timer.start();
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.exec(QStringLiteral("SELECT seq, at, actor, role, action, subject, note, prev_hash, "
                                  "hash FROM audit_log ORDER BY seq"));
        qint64 sum = 0;
        while (query.next()) {
            for (int c = 0; c < 9; ++c)
                sum += query.value(c).toString().size();
        }
        elapsed = timer.nsecsElapsed();
        std::fprintf(stderr, "(read %lld characters)\n", static_cast<long long>(sum));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("read"));
    return elapsed;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int entries = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 100000;
    bench::printTableHeader();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.db"));

    qint64 recordNs = 0;
    qint64 committedNs = 0;
    {
        EventStore store;
        EventStore::Options options;
        options.path = path;
        options.retentionIntervalMinutes = 0;
        if (const QString error = store.open(options); !error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        AuditLog audit(&store);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < entries; ++i)
            audit.record(makeAction(i));
        recordNs = timer.nsecsElapsed();
        audit.flush();
        committedNs = timer.nsecsElapsed();
        if (audit.written() != entries) {
            std::fprintf(stderr, "only %lld of %d written\n", static_cast<long long>(audit.written()), entries);
            return 1;
        }
    }
    const qint64 plainNs = plainInsertNanoseconds(dir.filePath(QStringLiteral("plain.db")), entries);

    QElapsedTimer timer;
    timer.start();
    const AuditVerification verification = AuditVerifier::verifyFile(path);
    const qint64 verifyNs = timer.nsecsElapsed();
    if (!verification.ok() || verification.entries != entries) {
        std::fprintf(stderr, "verification failed: %s\n", qPrintable(verification.message));
        return 1;
    }
    const qint64 readNs = plainReadNanoseconds(path);

    print("audit_record_per_s_caller", perSecond(entries, recordNs), "entries/s",
          perSecond(entries, plainNs));
    print("audit_committed_per_s", perSecond(entries, committedNs), "entries/s",
          perSecond(entries, plainNs));
    print("audit_verify_per_s", perSecond(entries, verifyNs), "entries/s",
          perSecond(entries, readNs));

    timer.restart();
    const PasswordHash hash = PasswordHash::derive(QStringLiteral("Pintu-Air-10"));
    const double deriveMs = double(timer.nsecsElapsed()) / 1e6;
    std::printf("# PBKDF2 at %d iterations\n", hash.iterations);
    bench::printRow("audit_pbkdf2_derive_ms", deriveMs, "ms", "-");
    return 0;
}
