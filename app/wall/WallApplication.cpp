#include "WallApplication.h"

#include "feeds/FeedsFileReader.h"
#include "i18n/LanguageSwitcher.h"
#include "stats/RunStats.h"
#include "tiles/TileFactory.h"
#include "wall/WallController.h"
#include "wall/WallKeys.h"
#include "wall/WallProfileReader.h"

#include <QApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTimer>

Q_LOGGING_CATEGORY(lcApp, "tlr.app")

namespace tlr {

WallApplication::WallApplication(WallOptions options, QElapsedTimer startTimer, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_startTimer(startTimer)
{
    m_language = new LanguageSwitcher(this);
}

WallApplication::~WallApplication() = default;

QString WallApplication::start()
{
    if (!m_language->setLanguage(m_options.language))
        return QStringLiteral("--lang: no translation for \"%1\"").arg(m_options.language);

    const QString profilePath = m_options.profilePath.isEmpty() ? WallProfileReader::defaultProfilePath()
                                                                : m_options.profilePath;
    auto profileRead = WallProfileReader::readFile(profilePath);
    if (auto *error = std::get_if<WallProfileReader::Error>(&profileRead))
        return error->toString();
    WallProfile profile = std::get<WallProfile>(std::move(profileRead));

    TileContext context;
    context.feedHealth = &m_feedHealth;
    context.clock = &m_clock;
    context.profileDirectory = profilePath.startsWith(u':') ? QString()
                                                            : QFileInfo(profilePath).absolutePath();
    const TileFactory factory(context);
    for (int s = 0; s < profile.screens.size(); ++s) {
        for (int t = 0; t < profile.screens.at(s).tiles.size(); ++t) {
            if (auto error = factory.check(profile.screens.at(s).tiles.at(t))) {
                return QStringLiteral("%1: screens[%2].tiles[%3].%4 %5")
                    .arg(profilePath)
                    .arg(s)
                    .arg(t)
                    .arg(error->field, error->message);
            }
        }
    }

    QString feedsPath = m_options.feedsPath;
    if (feedsPath.isEmpty() && m_options.demo)
        feedsPath = FeedsFileReader::demoFeedsPath();
    if (!feedsPath.isEmpty()) {
        auto feedsRead = FeedsFileReader::readFile(feedsPath);
        if (auto *error = std::get_if<FeedsFileReader::Error>(&feedsRead))
            return error->toString();
        m_feedHealth.setFeeds(std::get<FeedsFile>(feedsRead).feeds);
    }

    m_controller = std::make_unique<WallController>(std::move(profile), context, &m_frameTimes);
    m_controller->setMode(m_options.kiosk ? WallController::Mode::Kiosk : WallController::Mode::Windowed);
    connect(m_controller.get(), &WallController::firstFramePainted, this, [this] {
        m_firstFrameMs = double(m_startTimer.nsecsElapsed()) / 1e6;
        qCInfo(lcApp, "first frame %.0f ms after start", m_firstFrameMs);
    });
    m_keys = new WallKeys(m_language, m_options.kiosk, this);
    connect(m_keys, &WallKeys::quitRequested, qApp, &QCoreApplication::quit);
    connect(qApp, &QCoreApplication::aboutToQuit, this, &WallApplication::writeStats);
    m_controller->show();

    if (m_options.quitAfterSeconds) {
        QTimer::singleShot(int(*m_options.quitAfterSeconds * 1000), this, &WallApplication::finish);
    }
    return {};
}

void WallApplication::finish()
{
    int exitCode = 0;
    if (!m_options.screenshotDirectory.isEmpty()) {
        const QStringList errors = m_controller->saveScreenshots(m_options.screenshotDirectory);
        for (const QString &error : errors)
            qCCritical(lcApp).noquote() << error;
        if (!errors.isEmpty())
            exitCode = 1;
        else
            qCInfo(lcApp).noquote() << "saved" << m_controller->pages().size() << "screens to"
                                    << m_options.screenshotDirectory;
    }
    QCoreApplication::exit(exitCode);
}

void WallApplication::writeStats()
{
    if (m_options.statsPath.isEmpty() || m_statsWritten)
        return;
    m_statsWritten = true;
    RunStats stats;
    for (const FeedStatus &status : m_feedHealth.statuses())
        stats.feeds.append(status);
    stats.frames = m_frameTimes.count();
    stats.frameMsP50 = m_frameTimes.percentile(50);
    stats.frameMsP99 = m_frameTimes.percentile(99);
    stats.frameMsMax = m_frameTimes.maximum();
    stats.firstFrameMs = m_firstFrameMs;
    stats.peakRssMb = RunStats::currentPeakRssMb();

    QSaveFile file(m_options.statsPath);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(stats.toJson()).toJson()) < 0 || !file.commit()) {
        qCCritical(lcApp).noquote() << "cannot write statistics to" << m_options.statsPath << ":"
                                    << file.errorString();
    }
}

} // namespace tlr
