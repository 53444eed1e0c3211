#pragma once

#include "domain/Severity.h"

#include <QBuffer>
#include <QObject>

class QAudioSink;

namespace tlr {

class AlertEngine;
struct AlertRecord;

// The console's alarm: a tone per severity, once for each new alert (never for a refresh or a
// repeat: the engine raises each alert once) and a louder, longer one when an alert escalates.
// The tones are synthesized, so no sound file can go missing. A machine without an audio
// output (the offscreen wall, CI) still counts what it would have played, and says once that
// it is silent. Muted per console.
class AlarmPlayer : public QObject
{
    Q_OBJECT
public:
    explicit AlarmPlayer(const AlertEngine *engine, QObject *parent = nullptr);
    ~AlarmPlayer() override;

    void setMuted(bool muted);
    bool isMuted() const { return m_muted; }
    bool hasAudioOutput() const { return m_hasOutput; }
    int tonesRequested() const { return m_tonesRequested; }

    // 16-bit mono PCM at kSampleRate: short beeps, more and higher the more severe.
    static QByteArray synthesize(Severity severity, bool escalated);
    static constexpr int kSampleRate = 22050;

signals:
    void tonePlayed(tlr::Severity severity, bool escalated);
    void mutedChanged(bool muted);

private:
    void play(Severity severity, bool escalated);

    bool m_muted = false;
    bool m_hasOutput = false;
    int m_tonesRequested = 0;
    QAudioSink *m_sink = nullptr;
    QBuffer m_buffer;
    QByteArray m_pcm;
};

} // namespace tlr
