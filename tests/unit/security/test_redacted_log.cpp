#include "RedactedLog.h"
#include "access/AccessCategory.h"
#include "store/StoreLog.h"

#include <catch2/catch.hpp>

#include <QMutex>
#include <QThread>

using namespace tlr;

// The handler every program installs first thing (RedactedLog::install): whatever is logged,
// through our categories, Qt's or from a worker thread, reaches the handler behind it — Qt's
// own, which writes stderr or journald — with its secrets masked. Here the handler behind it
// is this test's, which keeps what reaches it and passes it on to Qt's.

namespace {

struct Line
{
    QtMsgType type;
    QString category;
    QString message;
};

QMutex g_mutex;
QList<Line> g_lines;
QtMessageHandler g_qtHandler = nullptr;

void keepLine(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&g_mutex);
        g_lines.append({type, QString::fromLatin1(context.category), message});
    }
    g_qtHandler(type, context, message);
}

// The test's handler stands where Qt's default handler stands in a program, then the real
// redacting handler goes in front of it, as main() installs it.
class RedactedOutput
{
public:
    RedactedOutput()
    {
        g_lines.clear();
        g_qtHandler = qInstallMessageHandler(keepLine);
        RedactedLog::install();
    }
    ~RedactedOutput() { qInstallMessageHandler(g_qtHandler); }
    RedactedOutput(const RedactedOutput &) = delete;
    RedactedOutput &operator=(const RedactedOutput &) = delete;

    QList<Line> lines() const
    {
        QMutexLocker locker(&g_mutex);
        return g_lines;
    }
    QString all() const
    {
        QStringList messages;
        for (const Line &line : lines())
            messages.append(line.message);
        return messages.join(u'\n');
    }
};

constexpr auto kToken = "tlr_live_7Hq2ZkP9xWm4Rb8N";
constexpr auto kPassword = "kata-sandi-Rahasia-42";

} // namespace

TEST_CASE("A token, a URL's password and an Authorization header logged through our categories "
          "reach the output masked")
{
    RedactedOutput output;
    const QString token = QString::fromLatin1(kToken);
    const QString password = QString::fromLatin1(kPassword);

    qCWarning(lcStore).noquote() << "cannot connect to"
                                 << QStringLiteral("postgresql://wall:%1@db.tlr.local:5432/tlr")
                                        .arg(password);
    qCInfo(lcAccess).noquote() << "request headers: Authorization: Bearer" << token;
    qCCritical(lcStore).noquote()
        << QStringLiteral("fetch failed for https://data.example.go.id/api?city=tng&access_token=%1")
               .arg(token);
    qCWarning(lcAccess).noquote() << QStringLiteral(R"({"user": "siti", "password": "%1"})")
                                         .arg(password);

    const QList<Line> lines = output.lines();
    REQUIRE(lines.size() == 4);
    const QString all = output.all();
    INFO(all.toStdString());
    CHECK_FALSE(all.contains(token));
    CHECK_FALSE(all.contains(password));
    // What is not secret still says what happened, under the category and level it was sent.
    CHECK(lines.at(0).message ==
          QStringLiteral("cannot connect to postgresql://wall:***@db.tlr.local:5432/tlr"));
    CHECK(lines.at(0).category == QStringLiteral("tlr.store"));
    CHECK(lines.at(0).type == QtWarningMsg);
    CHECK(lines.at(1).message == QStringLiteral("request headers: Authorization: Bearer ***"));
    CHECK(lines.at(1).category == QStringLiteral("tlr.access"));
    CHECK(lines.at(1).type == QtInfoMsg);
    CHECK(lines.at(2).message.contains(QStringLiteral("city=tng&access_token=***")));
    CHECK(lines.at(2).type == QtCriticalMsg);
    CHECK(lines.at(3).message.contains(QStringLiteral(R"("user": "siti")")));
}

TEST_CASE("Qt's own messages and those of a worker thread are masked too")
{
    RedactedOutput output;
    const QString token = QString::fromLatin1(kToken);
    // The category Qt's TLS backend logs under, and the default category of a bare qWarning.
    const QLoggingCategory qtSsl("qt.network.ssl");
    qCWarning(qtSsl).noquote() << "handshake with" << QStringLiteral("wss://feeds.example/x?token=%1").arg(token);
    qWarning().noquote() << "Authorization:" << QStringLiteral("Bearer %1").arg(token);
    QThread *worker = QThread::create([&token] {
        qCWarning(lcStore).noquote() << "worker: Bearer" << token;
    });
    worker->start();
    REQUIRE(worker->wait(10000));
    delete worker;

    const QList<Line> lines = output.lines();
    REQUIRE(lines.size() == 3);
    const QString all = output.all();
    INFO(all.toStdString());
    CHECK_FALSE(all.contains(token));
    CHECK(lines.at(0).category == QStringLiteral("qt.network.ssl"));
    CHECK(lines.at(0).message.contains(QStringLiteral("wss://feeds.example/x?token=***")));
    CHECK(lines.at(1).message == QStringLiteral("Authorization: Bearer ***"));
    CHECK(lines.at(2).message == QStringLiteral("worker: Bearer ***"));
}

TEST_CASE("Installing the redacting handler twice masks once and still reaches the output")
{
    RedactedOutput output;
    RedactedLog::install(); // a second program part calling it again must not chain to itself
    qCWarning(lcStore).noquote() << "token=" + QString::fromLatin1(kToken);
    const QList<Line> lines = output.lines();
    REQUIRE(lines.size() == 1);
    CHECK(lines.at(0).message == QStringLiteral("token=***"));
}
