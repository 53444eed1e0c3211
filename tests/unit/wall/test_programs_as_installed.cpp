#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

// What the package promises about the two programs: --version is the project's version, the
// manual pages name every option --help lists, and tlr-wall reads its configuration files.

namespace {

struct Output
{
    int exitCode = -1;
    QString text;
};

Output run(const QString &program, const QStringList &arguments,
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
           const QByteArray &input = {})
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(TLR_BINARY_DIR "/") + program, arguments);
    REQUIRE(process.waitForStarted());
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(60000));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

QSet<QString> optionsIn(const QString &help)
{
    QSet<QString> options;
    // An option's own line: two spaces, perhaps its short name, then the long one. Options a
    // description mentions are not the program's (--feedsim-args names the simulator's).
    static const QRegularExpression option(QStringLiteral("^  (?:-\\S, )?--([a-z][a-z0-9-]*)"),
                                           QRegularExpression::MultilineOption);
    for (auto match = option.globalMatch(help); match.hasNext();)
        options.insert(match.next().captured(1));
    return options;
}

} // namespace

TEST_CASE("Both programs print the project's version")
{
    for (const char *program : {"tlr-wall", "tlr-feedsim"}) {
        INFO(program);
        const Output output = run(QString::fromLatin1(program), {QStringLiteral("--version")});
        CHECK(output.exitCode == 0);
        CHECK(output.text.trimmed() == QStringLiteral("%1 " TLR_PROJECT_VERSION).arg(QString::fromLatin1(program)));
    }
}

TEST_CASE("The manual pages describe every option the programs list in --help")
{
    for (const char *program : {"tlr-wall", "tlr-feedsim"}) {
        INFO(program);
        const Output help = run(QString::fromLatin1(program), {QStringLiteral("--help")});
        REQUIRE(help.exitCode == 0);
        const QSet<QString> options = optionsIn(help.text);
        CHECK(options.size() > 10);
        QFile page(QStringLiteral(TLR_SOURCE_DIR "/packaging/man/%1.1").arg(QString::fromLatin1(program)));
        REQUIRE(page.open(QIODevice::ReadOnly));
        const QString roff = QString::fromUtf8(page.readAll());
        for (const QString &option : options) {
            INFO("--" << option.toStdString());
            // In roff a hyphen in an option is escaped: \-\-name.
            CHECK(roff.contains(QStringLiteral("\\-\\-") + QString(option).replace(u'-', QStringLiteral("\\-"))));
        }
    }
}

TEST_CASE("tlr-wall takes its database from the user's tlr-wall.conf before the system's")
{
    QTemporaryDir root;
    const auto write = [&root](const QString &path, const QByteArray &text) {
        QDir().mkpath(QFileInfo(root.filePath(path)).absolutePath());
        QFile file(root.filePath(path));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    write(QStringLiteral("etc/xdg/tlr-wall/tlr-wall.conf"), "[wall]\ndatabase=system.sqlite\nlanguage=en\n");
    write(QStringLiteral("config/tlr-wall/tlr-wall.conf"), "[wall]\ndatabase=user.sqlite\n");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), root.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_CONFIG_DIRS"), root.filePath(QStringLiteral("etc/xdg")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), root.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("TLR_TEST_PASSWORD"), QStringLiteral("correct horse battery"));

    const Output added = run(QStringLiteral("tlr-wall"),
                             {QStringLiteral("--add-user"), QStringLiteral("siti"), QStringLiteral("--role"),
                              QStringLiteral("operator"), QStringLiteral("--password-env"),
                              QStringLiteral("TLR_TEST_PASSWORD")},
                             environment);
    INFO(added.text.toStdString());
    REQUIRE(added.exitCode == 0);
    CHECK(QFile::exists(root.filePath(QStringLiteral("data/tlr-wall/user.sqlite"))));
    CHECK_FALSE(QFile::exists(root.filePath(QStringLiteral("data/tlr-wall/system.sqlite"))));

    const Output listed = run(QStringLiteral("tlr-wall"), {QStringLiteral("--list-users")}, environment);
    INFO(listed.text.toStdString());
    CHECK(listed.exitCode == 0);
    CHECK(listed.text.contains(u"siti"));

    // The command line comes first: another database, with another account.
    const QString other = root.filePath(QStringLiteral("other.sqlite"));
    const Output addedOther = run(QStringLiteral("tlr-wall"),
                                  {QStringLiteral("--db"), other, QStringLiteral("--add-user"),
                                   QStringLiteral("budi"), QStringLiteral("--role"), QStringLiteral("operator"),
                                   QStringLiteral("--password-env"), QStringLiteral("TLR_TEST_PASSWORD")},
                                  environment);
    REQUIRE(addedOther.exitCode == 0);
    const Output listedOther = run(QStringLiteral("tlr-wall"),
                                   {QStringLiteral("--list-users"), QStringLiteral("--db"), other}, environment);
    CHECK(listedOther.exitCode == 0);
    CHECK(listedOther.text.contains(u"budi"));
    CHECK_FALSE(listedOther.text.contains(u"siti"));

    write(QStringLiteral("config/tlr-wall/tlr-wall.conf"), "[wall]\nlanguage=fr\n");
    const Output broken = run(QStringLiteral("tlr-wall"), {QStringLiteral("--list-users")}, environment);
    CHECK(broken.exitCode == 2);
    CHECK(broken.text.contains(u"wall/language"));
    CHECK(broken.text.contains(root.filePath(QStringLiteral("config/tlr-wall/tlr-wall.conf"))));
}
