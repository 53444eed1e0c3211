#include "StoreSchema.h"

#include "StoreLog.h"

#include <QDir>
#include <QRegularExpression>
#include <QStringList>
#include <QFile>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <span>

namespace tlr {
namespace {

// Step N takes the schema from version N to N + 1. Never edit a released step: add one.
// Times are UTC milliseconds since the epoch; bucket starts are floored (also before 1970).
const char *const kStep0[] = {
    R"(CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        feed TEXT NOT NULL,
        seq INTEGER,
        received_at INTEGER NOT NULL,
        format TEXT NOT NULL,
        bytes BLOB,
        UNIQUE (feed, seq)))",
    "CREATE INDEX messages_received_at ON messages (received_at)",
    R"(CREATE TABLE observations (
        id INTEGER PRIMARY KEY,
        entity_id TEXT NOT NULL,
        entity_type TEXT,
        kind TEXT,
        source TEXT,
        observed_at INTEGER NOT NULL,
        lat REAL,
        lon REAL,
        kecamatan TEXT,
        status TEXT,
        name TEXT,
        UNIQUE (entity_id, observed_at)))",
    "CREATE INDEX observations_observed_at ON observations (observed_at)",
    R"(CREATE TABLE measurements (
        observation_id INTEGER NOT NULL REFERENCES observations (id) ON DELETE CASCADE,
        quantity TEXT NOT NULL,
        value REAL NOT NULL,
        unit TEXT,
        PRIMARY KEY (observation_id, quantity)) WITHOUT ROWID)",
    R"(CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        source TEXT,
        identifier TEXT NOT NULL,
        sender TEXT NOT NULL,
        sent INTEGER NOT NULL,
        status TEXT,
        msg_type TEXT,
        severity TEXT,
        document TEXT NOT NULL,
        UNIQUE (sender, identifier, sent)))",
    "CREATE INDEX alerts_sent ON alerts (sent)",
    R"(CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        source TEXT,
        received_at INTEGER NOT NULL,
        channel TEXT,
        kind TEXT,
        category TEXT,
        emergency INTEGER NOT NULL DEFAULT 0,
        kecamatan TEXT,
        lat REAL,
        lon REAL,
        agency TEXT,
        description TEXT,
        reporter_name TEXT,
        reporter_phone TEXT))",
    "CREATE INDEX reports_received_at ON reports (received_at)",
    R"(CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        feed TEXT NOT NULL,
        seq INTEGER,
        received_at INTEGER NOT NULL,
        reason TEXT NOT NULL,
        bytes BLOB,
        UNIQUE (feed, seq, reason)))",
    "CREATE INDEX quarantine_received_at ON quarantine (received_at)",
};

// Version 2: rollups maintained on insert, backfilled from the measurements already stored.
const char *const kStep1[] = {
    R"(CREATE TABLE rollups_minute (
        entity_id TEXT NOT NULL,
        quantity TEXT NOT NULL,
        bucket_start INTEGER NOT NULL,
        sample_count INTEGER NOT NULL,
        min_value REAL NOT NULL,
        max_value REAL NOT NULL,
        sum_value REAL NOT NULL,
        PRIMARY KEY (entity_id, quantity, bucket_start)) WITHOUT ROWID)",
    "CREATE INDEX rollups_minute_bucket ON rollups_minute (bucket_start)",
    R"(CREATE TABLE rollups_hour (
        entity_id TEXT NOT NULL,
        quantity TEXT NOT NULL,
        bucket_start INTEGER NOT NULL,
        sample_count INTEGER NOT NULL,
        min_value REAL NOT NULL,
        max_value REAL NOT NULL,
        sum_value REAL NOT NULL,
        PRIMARY KEY (entity_id, quantity, bucket_start)) WITHOUT ROWID)",
    "CREATE INDEX rollups_hour_bucket ON rollups_hour (bucket_start)",
    R"(INSERT INTO rollups_minute
        SELECT o.entity_id, m.quantity,
               o.observed_at - ((o.observed_at % 60000) + 60000) % 60000,
               count(*), min(m.value), max(m.value), sum(m.value)
        FROM measurements m JOIN observations o ON o.id = m.observation_id
        GROUP BY 1, 2, 3)",
    R"(INSERT INTO rollups_hour
        SELECT o.entity_id, m.quantity,
               o.observed_at - ((o.observed_at % 3600000) + 3600000) % 3600000,
               count(*), min(m.value), max(m.value), sum(m.value)
        FROM measurements m JOIN observations o ON o.id = m.observation_id
        GROUP BY 1, 2, 3)",
};

// Version 3: incidents (models/incidents), their member signals, hand-offs and state changes.
// Members and history are rewritten with their incident; rows are never aged out.
const char *const kStepIncidents[] = {
    R"(CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        state TEXT NOT NULL,
        lat REAL,
        lon REAL,
        kecamatan TEXT NOT NULL,
        hazard TEXT,
        category TEXT,
        first_signal_at INTEGER NOT NULL,
        last_signal_at INTEGER NOT NULL,
        suggested_agency TEXT,
        accountable_agency TEXT,
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX incidents_state ON incidents (state, updated_at)",
    R"(CREATE TABLE incident_signals (
        incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        signal_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        lat REAL,
        lon REAL,
        kecamatan TEXT,
        agency TEXT,
        severity TEXT,
        category TEXT,
        emergency INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (incident_id, position)) WITHOUT ROWID)",
    R"(CREATE TABLE incident_handoffs (
        incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        from_agency TEXT,
        to_agency TEXT NOT NULL,
        by_name TEXT NOT NULL,
        by_role TEXT NOT NULL,
        at INTEGER NOT NULL,
        note TEXT,
        bounced INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (incident_id, position)) WITHOUT ROWID)",
    R"(CREATE TABLE incident_transitions (
        incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        by_name TEXT NOT NULL,
        by_role TEXT NOT NULL,
        at INTEGER NOT NULL,
        note TEXT,
        PRIMARY KEY (incident_id, position)) WITHOUT ROWID)",
};

// Version 4: local accounts and the audit log. Passwords are kept only as PBKDF2 keys with
// their salt and iteration count. The audit log is append-only: the triggers stop the wall's
// own code (a retention pass, a careless query) from changing it; against someone with the
// file in hand, the hash chain is what shows a change (docs/audit.md).
const char *const kStepAccessAudit[] = {
    R"(CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1,
        algorithm TEXT NOT NULL,
        iterations INTEGER NOT NULL,
        salt BLOB NOT NULL,
        password_hash BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        password_changed_at INTEGER NOT NULL,
        last_login_at INTEGER,
        failed_logins INTEGER NOT NULL DEFAULT 0))",
    R"(CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        role TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        note TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL))",
};
const char *const kStepAccessAuditSqliteGuards[] = {
    R"(CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END)",
    R"(CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END)",
};
// The same guard in PostgreSQL's words, TRUNCATE included.
const char *const kStepAccessAuditPostgresGuards[] = {
    R"(CREATE FUNCTION tlr_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$)",
    R"(CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION tlr_audit_log_append_only())",
    R"(CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION tlr_audit_log_append_only())",
};

// Version 5: the compact event tables. Writing a row per wire message with its bytes, and a row
// per measurement, kept the store near 30,000 messages a second; these tables keep the same
// facts at several times that (docs/store.md):
// - an entity's name, type, kind and source are written once in `entities`, not with every
//   observation;
// - an observation keeps its measurements inline, as a JSON object quantity -> [value, unit];
//   the `measurements` view gives them back one row each;
// - `messages` keeps one small row per received message (feed and sequence number: for
//   de-duplication and resuming) and the raw bytes go, per write batch and feed, compressed
//   into `message_archive`. Messages stored before this version keep their bytes in
//   `messages_v4`.
const char *const kStepCompactEvents[] = {
    R"(CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        entity_id TEXT NOT NULL UNIQUE,
        entity_type TEXT,
        kind TEXT,
        source TEXT,
        name TEXT))",
    // SQLite takes the bare columns from the row holding max(id): each entity's latest names.
    R"(INSERT INTO entities (entity_id, entity_type, kind, source, name)
        SELECT entity_id, entity_type, kind, source, name FROM (
            SELECT entity_id, entity_type, kind, source, name, max(id)
            FROM observations GROUP BY entity_id))",
    R"(CREATE TABLE compact_observations (
        id INTEGER PRIMARY KEY,
        entity INTEGER NOT NULL REFERENCES entities (id),
        observed_at INTEGER NOT NULL,
        lat REAL,
        lon REAL,
        kecamatan TEXT,
        status TEXT,
        measurements TEXT NOT NULL DEFAULT '{}',
        UNIQUE (entity, observed_at)))",
    R"(INSERT INTO compact_observations
            (id, entity, observed_at, lat, lon, kecamatan, status, measurements)
        SELECT o.id, e.id, o.observed_at, o.lat, o.lon, o.kecamatan, o.status,
               coalesce((SELECT json_group_object(m.quantity, json_array(m.value, m.unit))
                         FROM measurements m WHERE m.observation_id = o.id), '{}')
        FROM observations o JOIN entities e ON e.entity_id = o.entity_id)",
    "DROP TABLE measurements",
    "DROP TABLE observations",
    "ALTER TABLE compact_observations RENAME TO observations",
    "CREATE INDEX observations_observed_at ON observations (observed_at)",
    R"(CREATE VIEW measurements AS
        SELECT o.id AS observation_id, m.key AS quantity,
               json_extract(m.value, '$[0]') AS value, json_extract(m.value, '$[1]') AS unit
        FROM observations o, json_each(o.measurements) m)",
    "ALTER TABLE messages RENAME TO messages_v4",
    R"(CREATE TABLE message_archive (
        id INTEGER PRIMARY KEY,
        feed TEXT NOT NULL,
        first_seq INTEGER,
        last_seq INTEGER,
        first_received_at INTEGER NOT NULL,
        last_received_at INTEGER NOT NULL,
        message_count INTEGER NOT NULL,
        encoding TEXT NOT NULL,
        bytes BLOB NOT NULL))",
    "CREATE INDEX message_archive_received_at ON message_archive (last_received_at)",
    R"(CREATE TABLE messages (
        feed TEXT NOT NULL,
        seq INTEGER NOT NULL,
        archive INTEGER NOT NULL,
        PRIMARY KEY (feed, seq)) WITHOUT ROWID)",
};

// Version 6: the alert engine's alerts with their lifecycle, acknowledgement and shelf, so that
// an acknowledged alert is never lost to a restart (docs/store.md). One row per alert, rewritten
// as it changes; at most one open (not closed) alert per de-duplication key. The SQL is the
// common ground of SQLite and PostgreSQL: the same step makes the shared store's table.
const char *const kStepAlertStates[] = {
    R"(CREATE TABLE alert_states (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        resource TEXT NOT NULL,
        event TEXT NOT NULL,
        origin TEXT,
        title TEXT,
        kecamatan TEXT,
        agency TEXT,
        severity TEXT NOT NULL,
        state TEXT NOT NULL,
        live INTEGER NOT NULL DEFAULT 1,
        status TEXT,
        lat REAL,
        lon REAL,
        raised_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        unacknowledged_since INTEGER,
        duplicate_count INTEGER NOT NULL DEFAULT 0,
        escalation_level INTEGER NOT NULL DEFAULT 0,
        flapping INTEGER NOT NULL DEFAULT 0,
        condition_active INTEGER NOT NULL DEFAULT 1,
        acknowledged INTEGER NOT NULL DEFAULT 0,
        acknowledged_by TEXT,
        acknowledged_at INTEGER,
        acknowledge_note TEXT,
        shelved_by TEXT,
        shelve_reason TEXT,
        shelved_until INTEGER,
        state_before_shelving TEXT,
        shelve_reminded INTEGER NOT NULL DEFAULT 0,
        closed_at INTEGER))",
    "CREATE INDEX alert_states_state ON alert_states (state, closed_at)",
    R"(CREATE UNIQUE INDEX alert_states_open_key ON alert_states (source, resource, event)
        WHERE state <> 'closed')",
};

// Version 7: free notes on incidents (IncidentNote), rewritten with their incident like its
// hand-offs and state changes. Shared with the incidents: a note is a person's decision to
// record something, and the audit log holds it too (incident.noted).
const char *const kStepIncidentNotes[] = {
    R"(CREATE TABLE incident_notes (
        incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        by_name TEXT NOT NULL,
        by_role TEXT NOT NULL,
        at INTEGER NOT NULL,
        note TEXT NOT NULL,
        PRIMARY KEY (incident_id, position)) WITHOUT ROWID)",
};

// Version 8: a feed's stored sequence numbers as runs, one row per unbroken stretch of a write
// batch (one row per feed and batch while a feed is healthy) instead of one row per message:
// that row and its key were a third of the store thread's SQLite work. The `messages` view
// gives the old one-row-per-message table back for queries and checks.
const char *const kStepMessageRuns[] = {
    R"(CREATE TABLE message_runs (
        feed TEXT NOT NULL,
        first_seq INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        archive INTEGER NOT NULL,
        PRIMARY KEY (feed, first_seq)) WITHOUT ROWID)",
    // Consecutive sequence numbers of one archive share (seq - their rank).
    R"(INSERT INTO message_runs (feed, first_seq, last_seq, archive)
        SELECT feed, min(seq), max(seq), archive FROM (
            SELECT feed, seq, archive,
                   seq - row_number() OVER (PARTITION BY feed, archive ORDER BY seq) AS stretch
            FROM messages)
        GROUP BY feed, archive, stretch)",
    "DROP TABLE messages",
    R"(CREATE VIEW messages AS
        WITH RECURSIVE expanded (feed, seq, last_seq, archive) AS (
            SELECT feed, first_seq, last_seq, archive FROM message_runs
            UNION ALL
            SELECT feed, seq + 1, last_seq, archive FROM expanded WHERE seq < last_seq)
        SELECT feed, seq, archive FROM expanded)",
};

using Statements = std::span<const char *const>;

// Where a step's tables live. The feed firehose (messages, archive, observations, rollups) stays
// in each console's SQLite file; the decisions (incidents, accounts, the audit log, alerts) are
// shared state, which a PostgreSQL database holds when consoles share one (docs/room.md).
enum class Scope { Local, Shared };

struct Step
{
    Statements statements; // both backends (translated for PostgreSQL) where the scope is shared
    Scope scope = Scope::Local;
    Statements sqliteOnly = {};
    Statements postgresOnly = {};
};

const Step kSteps[] = {
    {kStep0},
    {kStep1},
    {kStepIncidents, Scope::Shared},
    {kStepAccessAudit, Scope::Shared, kStepAccessAuditSqliteGuards,
     kStepAccessAuditPostgresGuards},
    {kStepCompactEvents},
    {kStepAlertStates, Scope::Shared},
    {kStepIncidentNotes, Scope::Shared},
    {kStepMessageRuns},
};

// SQLite's column types in PostgreSQL's words: SQLite's INTEGER is 64 bits (the times are
// milliseconds), PostgreSQL's 32.
QString forPostgres(const char *statement)
{
    static const std::pair<QRegularExpression, QString> kRewrites[] = {
        {QRegularExpression(QStringLiteral("\\bINTEGER\\b")), QStringLiteral("BIGINT")},
        {QRegularExpression(QStringLiteral("\\bREAL\\b")), QStringLiteral("DOUBLE PRECISION")},
        {QRegularExpression(QStringLiteral("\\bBLOB\\b")), QStringLiteral("BYTEA")},
        {QRegularExpression(QStringLiteral("\\s*WITHOUT ROWID")), QString()},
    };
    QString sql = QString::fromUtf8(statement);
    for (const auto &[pattern, replacement] : kRewrites)
        sql.replace(pattern, replacement);
    return sql;
}

QString describe(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

// Reads the first 16 bytes: SQLite would happily "open" anything and fail later, possibly
// after we had written to it.
bool hasSqliteHeader(QFile &file)
{
    static const QByteArray kMagic("SQLite format 3\0", 16);
    return file.read(kMagic.size()) == kMagic;
}

QString inspectOpen(QSqlDatabase &db, const QString &path)
{
    const QString name = QDir::toNativeSeparators(path);
    if (!db.open())
        return QStringLiteral("cannot open %1: %2").arg(name, describe(db.lastError()));

    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        if (StoreSchema::isBusy(query.lastError()))
            return QStringLiteral("%1 is locked by another writer").arg(name);
        return QStringLiteral("%1 is corrupt or not a database: %2")
            .arg(name, describe(query.lastError()));
    }
    const int version = query.value(0).toInt();
    if (version > StoreSchema::currentVersion()) {
        return QStringLiteral("%1 has schema version %2, newer than this program's %3; "
                              "refusing to open it (use a newer Live Room)")
            .arg(name)
            .arg(version)
            .arg(StoreSchema::currentVersion());
    }
    if (version == 0) {
        // Version 0 with tables is somebody else's database (an MBTiles file, a typo in the
        // path): creating our tables beside theirs would modify it.
        if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
            return QStringLiteral("%1 is corrupt: %2").arg(name, describe(query.lastError()));
        if (query.value(0).toInt() > 0) {
            return QStringLiteral("%1 is an SQLite database but not an event store (it has "
                                  "tables and no schema version); refusing to modify it")
                .arg(name);
        }
    }
    // quick_check reads every page like integrity_check does but skips the index-content
    // cross-check, which would take minutes on a month of data at start-up.
    if (!query.exec(QStringLiteral("PRAGMA quick_check(1)")) || !query.next()) {
        if (StoreSchema::isBusy(query.lastError()))
            return QStringLiteral("%1 is locked by another writer").arg(name);
        return QStringLiteral("%1 is corrupt: %2").arg(name, describe(query.lastError()));
    }
    const QString verdict = query.value(0).toString();
    if (verdict != QLatin1String("ok"))
        return QStringLiteral("%1 is corrupt: %2").arg(name, verdict);
    return {};
}

} // namespace

int StoreSchema::currentVersion()
{
    return static_cast<int>(std::size(kSteps));
}

bool StoreSchema::isBusy(const QSqlError &error)
{
    // Primary result codes: SQLITE_BUSY (5) and SQLITE_LOCKED (6); extended codes keep them
    // in their low byte.
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == 5 || code == 6);
}

QString StoreSchema::inspect(const QString &path, int busyTimeoutMilliseconds)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0) // SQLite treats an empty file as an empty database
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        return QStringLiteral("cannot read %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    if (!hasSqliteHeader(file)) {
        return QStringLiteral("%1 is not a SQLite database (unrecognised file header); "
                              "refusing to touch it")
            .arg(QDir::toNativeSeparators(path));
    }
    file.close();

    const QString connection =
        QStringLiteral("tlr.store.inspect.") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1")
                                 .arg(busyTimeoutMilliseconds));
        error = inspectOpen(db, path);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return error;
}

QString StoreSchema::migrate(QSqlDatabase &db)
{
    const QString name = QDir::toNativeSeparators(db.databaseName());
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        if (isBusy(query.lastError()))
            return QStringLiteral("%1 is locked by another writer").arg(name);
        return QStringLiteral("cannot write to %1: %2").arg(name, describe(query.lastError()));
    }
    const auto fail = [&](const QString &message) {
        QSqlQuery rollback(db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        return message;
    };
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return fail(QStringLiteral("%1: %2").arg(name, describe(query.lastError())));
    const int from = query.value(0).toInt();
    query.finish();
    if (from > currentVersion()) // another process upgraded it since inspect()
        return fail(QStringLiteral("%1 has schema version %2, newer than this program's %3")
                        .arg(name)
                        .arg(from)
                        .arg(currentVersion()));

    for (int step = from; step < currentVersion(); ++step) {
        const Step &current = kSteps[step];
        for (const Statements statements : {current.statements, current.sqliteOnly}) {
            for (const char *statement : statements) {
                if (query.exec(QString::fromUtf8(statement)))
                    continue;
                return fail(QStringLiteral("%1: migration to version %2 failed: %3")
                                .arg(name)
                                .arg(step + 1)
                                .arg(describe(query.lastError())));
            }
        }
        qCInfo(lcStore) << "migrated" << name << "to schema version" << step + 1;
    }
    if (from != currentVersion() &&
        !query.exec(QStringLiteral("PRAGMA user_version = %1").arg(currentVersion()))) {
        return fail(QStringLiteral("%1: %2").arg(name, describe(query.lastError())));
    }
    if (!query.exec(QStringLiteral("COMMIT")))
        return fail(
            QStringLiteral("%1: commit failed: %2").arg(name, describe(query.lastError())));
    return {};
}

QString StoreSchema::migrateShared(QSqlDatabase &db)
{
    const QString name = db.databaseName();
    QSqlQuery query(db);
    const auto run = [&query](const QString &sql) { return query.exec(sql); };
    const auto fail = [&](const QString &message) {
        QSqlQuery rollback(db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        return message;
    };
    if (!run(QStringLiteral("BEGIN")))
        return QStringLiteral("%1: cannot begin: %2").arg(name, describe(query.lastError()));
    // Consoles starting together migrate one after the other; the second finds it done.
    // CREATE TABLE IF NOT EXISTS would say "already exists, skipping" on every start.
    if (!run(QStringLiteral("SET LOCAL client_min_messages = warning")) ||
        !run(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(StoreSchema::kSchemaLockKey)) ||
        !run(QStringLiteral("CREATE TABLE IF NOT EXISTS tlr_schema (version INTEGER NOT NULL)")) ||
        !run(QStringLiteral("SELECT version FROM tlr_schema"))) {
        return fail(QStringLiteral("%1: %2").arg(name, describe(query.lastError())));
    }
    int from = 0;
    if (query.next()) {
        from = query.value(0).toInt();
    } else if (!run(QStringLiteral("INSERT INTO tlr_schema (version) VALUES (0)"))) {
        return fail(QStringLiteral("%1: %2").arg(name, describe(query.lastError())));
    }
    if (from > currentVersion()) {
        return fail(QStringLiteral("%1 has schema version %2, newer than this program's %3; "
                                   "refusing to use it (use a newer Live Room)")
                        .arg(name)
                        .arg(from)
                        .arg(currentVersion()));
    }
    for (int step = from; step < currentVersion(); ++step) {
        const Step &current = kSteps[step];
        if (current.scope != Scope::Shared)
            continue;
        QStringList statements;
        for (const char *statement : current.statements)
            statements.append(forPostgres(statement));
        for (const char *statement : current.postgresOnly)
            statements.append(QString::fromUtf8(statement));
        for (const QString &statement : std::as_const(statements)) {
            if (run(statement))
                continue;
            return fail(QStringLiteral("%1: migration to version %2 failed: %3")
                            .arg(name)
                            .arg(step + 1)
                            .arg(describe(query.lastError())));
        }
        qCInfo(lcStore) << "migrated shared database" << name << "to schema version" << step + 1;
    }
    if (from != currentVersion() &&
        !run(QStringLiteral("UPDATE tlr_schema SET version = %1").arg(currentVersion()))) {
        return fail(QStringLiteral("%1: %2").arg(name, describe(query.lastError())));
    }
    if (!run(QStringLiteral("COMMIT")))
        return fail(QStringLiteral("%1: commit failed: %2").arg(name, describe(query.lastError())));
    return {};
}

} // namespace tlr
