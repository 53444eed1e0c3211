-- The event store's schema version 1 as it was released (before rollups), with a few rows:
-- an air-quality station reporting pm25 and no2 three times around 01:00 UTC and once at 02:15.
-- Statements are separated by a semicolon at the end of a line.
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    feed TEXT NOT NULL,
    seq INTEGER,
    received_at INTEGER NOT NULL,
    format TEXT NOT NULL,
    bytes BLOB,
    UNIQUE (feed, seq));
CREATE INDEX messages_received_at ON messages (received_at);
CREATE TABLE observations (
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
    UNIQUE (entity_id, observed_at));
CREATE INDEX observations_observed_at ON observations (observed_at);
CREATE TABLE measurements (
    observation_id INTEGER NOT NULL REFERENCES observations (id) ON DELETE CASCADE,
    quantity TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT,
    PRIMARY KEY (observation_id, quantity)) WITHOUT ROWID;
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    source TEXT,
    identifier TEXT NOT NULL,
    sender TEXT NOT NULL,
    sent INTEGER NOT NULL,
    status TEXT,
    msg_type TEXT,
    severity TEXT,
    document TEXT NOT NULL,
    UNIQUE (sender, identifier, sent));
CREATE INDEX alerts_sent ON alerts (sent);
CREATE TABLE reports (
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
    reporter_phone TEXT);
CREATE INDEX reports_received_at ON reports (received_at);
CREATE TABLE quarantine (
    id INTEGER PRIMARY KEY,
    feed TEXT NOT NULL,
    seq INTEGER,
    received_at INTEGER NOT NULL,
    reason TEXT NOT NULL,
    bytes BLOB,
    UNIQUE (feed, seq, reason));
CREATE INDEX quarantine_received_at ON quarantine (received_at);
INSERT INTO messages VALUES (1, 'dlh-air', 7, 1795395611000, 'ngsi-ld', X'7B7D');
INSERT INTO messages VALUES (2, 'dlh-air', 8, 1795395641000, 'ngsi-ld', X'7B7D');
INSERT INTO messages VALUES (3, 'dlh-air', 9, 1795395666000, 'ngsi-ld', X'7B7D');
INSERT INTO messages VALUES (4, 'dlh-air', 10, 1795400101000, 'ngsi-ld', X'7B7D');
INSERT INTO observations VALUES (1, 'urn:ngsi-ld:AirQualityObserved:cikokol',
    'AirQualityObserved', 'environment', 'dlh-air', 1795395610000, -6.1781, 106.6319,
    'Tangerang', NULL, 'Stasiun Cikokol');
INSERT INTO observations VALUES (2, 'urn:ngsi-ld:AirQualityObserved:cikokol',
    'AirQualityObserved', 'environment', 'dlh-air', 1795395640000, -6.1781, 106.6319,
    'Tangerang', NULL, 'Stasiun Cikokol');
INSERT INTO observations VALUES (3, 'urn:ngsi-ld:AirQualityObserved:cikokol',
    'AirQualityObserved', 'environment', 'dlh-air', 1795395665000, -6.1781, 106.6319,
    'Tangerang', NULL, 'Stasiun Cikokol');
INSERT INTO observations VALUES (4, 'urn:ngsi-ld:AirQualityObserved:cikokol',
    'AirQualityObserved', 'environment', 'dlh-air', 1795400100000, -6.1781, 106.6319,
    'Tangerang', NULL, 'Stasiun Cikokol');
INSERT INTO measurements VALUES (1, 'pm25', 31.0, 'GQ');
INSERT INTO measurements VALUES (1, 'no2', 12.0, 'GQ');
INSERT INTO measurements VALUES (2, 'pm25', 45.0, 'GQ');
INSERT INTO measurements VALUES (2, 'no2', 14.0, 'GQ');
INSERT INTO measurements VALUES (3, 'pm25', 20.0, 'GQ');
INSERT INTO measurements VALUES (4, 'pm25', 60.0, 'GQ');
PRAGMA user_version = 1;
