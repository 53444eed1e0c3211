#pragma once

#include "WallOptions.h"

#include "domain/WallClock.h"
#include "itemmodels/FeedHealthModel.h"
#include "stats/FrameTimes.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

namespace tlr {

class LanguageSwitcher;
class WallController;
class WallKeys;

// Wires tlr-wall together from its options: profile, feeds, models, windows, and the
// screenshot / statistics duties of a headless run.
class WallApplication : public QObject
{
    Q_OBJECT
public:
    WallApplication(WallOptions options, QElapsedTimer startTimer, QObject *parent = nullptr);
    ~WallApplication() override;

    // Returns an error message when the wall cannot start; the caller exits non-zero.
    QString start();

private:
    void finish();
    void writeStats();

    WallOptions m_options;
    QElapsedTimer m_startTimer;
    WallClock m_clock;
    FeedHealthModel m_feedHealth;
    FrameTimes m_frameTimes;
    LanguageSwitcher *m_language = nullptr;
    WallKeys *m_keys = nullptr;
    std::unique_ptr<WallController> m_controller;
    double m_firstFrameMs = 0.0;
    bool m_statsWritten = false;
};

} // namespace tlr
