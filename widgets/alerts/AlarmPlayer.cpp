#include "AlarmPlayer.h"

#include "alerts/AlertEngine.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QLoggingCategory>
#include <QMediaDevices>

#include <cmath>

Q_LOGGING_CATEGORY(lcAlarm, "tlr.alarm")

namespace tlr {
namespace {

struct TonePattern
{
    int beeps;
    double frequency;
    int beepMs;
    int gapMs;
};

TonePattern patternFor(Severity severity, bool escalated)
{
    if (escalated)
        return {6, 1175.0, 220, 80};
    switch (severity) {
    case Severity::Extreme: return {4, 1047.0, 200, 90};
    case Severity::Severe: return {3, 880.0, 160, 110};
    case Severity::Moderate: return {2, 660.0, 140, 140};
    case Severity::Minor:
    case Severity::Unknown: break;
    }
    return {1, 523.0, 120, 0};
}

} // namespace

AlarmPlayer::AlarmPlayer(const AlertEngine *engine, QObject *parent) : QObject(parent)
{
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    m_hasOutput = !device.isNull();
    if (m_hasOutput) {
        QAudioFormat format;
        format.setSampleRate(kSampleRate);
        format.setChannelCount(1);
        format.setSampleFormat(QAudioFormat::Int16);
        if (device.isFormatSupported(format))
            m_sink = new QAudioSink(device, format, this);
        else
            m_hasOutput = false;
    }
    if (!m_hasOutput)
        qCWarning(lcAlarm) << "no usable audio output: alarms are shown, not heard";
    connect(engine, &AlertEngine::alertRaised, this,
            [this](const AlertRecord &alert) { play(alert.severity, false); });
    connect(engine, &AlertEngine::alertEscalated, this,
            [this](const AlertRecord &alert, int) { play(alert.severity, true); });
}

AlarmPlayer::~AlarmPlayer()
{
    if (m_sink)
        m_sink->stop();
}

void AlarmPlayer::setMuted(bool muted)
{
    if (m_muted == muted)
        return;
    m_muted = muted;
    if (muted && m_sink)
        m_sink->stop();
    qCInfo(lcAlarm) << (muted ? "alarm sound muted" : "alarm sound on");
    emit mutedChanged(muted);
}

QByteArray AlarmPlayer::synthesize(Severity severity, bool escalated)
{
    const TonePattern pattern = patternFor(severity, escalated);
    const double amplitude = escalated ? 0.9 : 0.55;
    const int beepSamples = kSampleRate * pattern.beepMs / 1000;
    const int gapSamples = kSampleRate * pattern.gapMs / 1000;
    const int rampSamples = kSampleRate / 200; // 5 ms fades: no clicks
    QByteArray pcm;
    pcm.reserve(pattern.beeps * (beepSamples + gapSamples) * 2);
    for (int beep = 0; beep < pattern.beeps; ++beep) {
        for (int i = 0; i < beepSamples; ++i) {
            const double ramp = std::min({1.0, i / double(rampSamples),
                                          (beepSamples - i) / double(rampSamples)});
            const double sample = amplitude * ramp
                                  * std::sin(2 * M_PI * pattern.frequency * i / kSampleRate);
            const auto value = static_cast<qint16>(sample * 32767);
            pcm.append(reinterpret_cast<const char *>(&value), sizeof value);
        }
        pcm.append(QByteArray(gapSamples * 2, '\0'));
    }
    return pcm;
}

void AlarmPlayer::play(Severity severity, bool escalated)
{
    ++m_tonesRequested;
    emit tonePlayed(severity, escalated);
    if (m_muted || !m_sink)
        return;
    // A newer alarm interrupts an older one: the latest news is what the room must hear.
    m_sink->stop();
    m_buffer.close();
    m_pcm = synthesize(severity, escalated);
    m_buffer.setBuffer(&m_pcm);
    m_buffer.open(QIODevice::ReadOnly);
    m_sink->start(&m_buffer);
}

} // namespace tlr
