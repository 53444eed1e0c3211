#include "audit/AuditEntry.h"

#include <catch2/catch.hpp>

using namespace tlr;

namespace {

AuditEntry acknowledgement()
{
    AuditEntry entry;
    entry.seq = 1;
    entry.atMsecs = 1795396800000; // 2026-11-23 01:20:00 UTC
    entry.actor = QStringLiteral("budi");
    entry.role = QStringLiteral("supervisor");
    entry.action = QStringLiteral("alert.acknowledged");
    entry.subject = QStringLiteral("alert:42");
    entry.note = QStringLiteral("Petugas BPBD\nsudah di lokasi");
    entry.prevHash = AuditEntry::genesisHash();
    return entry;
}

} // namespace

TEST_CASE("The canonical serialization is the one docs/audit.md describes")
{
    const QByteArray expected = "tlr-audit-v1\n"
                                "seq:1:1\n"
                                "at:13:1795396800000\n"
                                "actor:4:budi\n"
                                "role:10:supervisor\n"
                                "action:18:alert.acknowledged\n"
                                "subject:8:alert:42\n"
                                "note:28:Petugas BPBD\nsudah di lokasi\n"
                                "prev_hash:64:" +
                                QByteArray(64, '0') + "\n";
    CHECK(acknowledgement().canonicalBytes() == expected);
    // Independently: hashlib.sha256(<the bytes above>).hexdigest() in Python.
    CHECK(acknowledgement().computeHash() ==
          "1d5da0a18670c6eed71aae49d7e262056921e1996921d2a5ec549d6fd020b8ee");
}

TEST_CASE("Every field, the link included, changes the hash")
{
    const QByteArray original = acknowledgement().computeHash();
    const QList<std::function<void(AuditEntry &)>> changes = {
        [](AuditEntry &e) { e.seq = 2; },
        [](AuditEntry &e) { e.atMsecs += 1; },
        [](AuditEntry &e) { e.actor = QStringLiteral("bud1"); },
        [](AuditEntry &e) { e.role = QStringLiteral("operator"); },
        [](AuditEntry &e) { e.action = QStringLiteral("alert.shelved"); },
        [](AuditEntry &e) { e.subject = QStringLiteral("alert:43"); },
        [](AuditEntry &e) { e.note += QLatin1Char(' '); },
        [](AuditEntry &e) { e.prevHash[63] = '1'; },
    };
    for (qsizetype i = 0; i < changes.size(); ++i) {
        INFO("change " << i);
        AuditEntry entry = acknowledgement();
        changes[i](entry);
        CHECK(entry.computeHash() != original);
    }
}

TEST_CASE("Moving text between fields changes the hash: lengths delimit them")
{
    AuditEntry a = acknowledgement();
    a.subject = QStringLiteral("alert:42\nnote:0:");
    a.note.clear();
    AuditEntry b = acknowledgement();
    b.subject = QStringLiteral("alert:42");
    b.note = QStringLiteral("\nnote:0:");
    CHECK(a.computeHash() != b.computeHash());
}

TEST_CASE("A chained entry carries its link and a hash over itself")
{
    const AuditAction action{QDateTime(QDate(2026, 11, 23), QTime(1, 20), Qt::UTC),
                             {QStringLiteral("budi"), Role::Supervisor},
                             QStringLiteral("alert.acknowledged"),
                             QStringLiteral("alert:42"),
                             QStringLiteral("Petugas BPBD\nsudah di lokasi")};
    const AuditEntry entry = AuditEntry::chained(action, 1, AuditEntry::genesisHash());
    CHECK(entry.role == QLatin1String("supervisor"));
    CHECK(entry.atMsecs == 1795396800000);
    CHECK(entry.hash == acknowledgement().computeHash());
    const AuditEntry next = AuditEntry::chained(action, 2, entry.hash);
    CHECK(next.prevHash == entry.hash);
    CHECK(next.hash != entry.hash);
}
