#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QTextToSpeech;

namespace tlr {

class AlarmPlayer;
class AlertEngine;
struct AlertRecord;

// The spoken announcement of a new critical alert, after its tone: "Peringatan kritis: Pintu Air
// 10: 720 cm, Neglasari." in the language the wall speaks. Once per new alert — it listens to
// the engine's alertRaised, which is never sent for repeats, refreshes, re-activations or
// Exercise/Test alerts — and silent while this console's alarm is muted. Qt TextToSpeech is
// optional at build time (TLR_HAVE_SPEECH) and a machine may have no speech engine: then the
// wall says once that it stays silent and counts what it would have said.
class AlertAnnouncer : public QObject
{
    Q_OBJECT
public:
    AlertAnnouncer(const AlertEngine *engine, const AlarmPlayer *alarm, QObject *parent = nullptr);
    ~AlertAnnouncer() override;

    // What says the sentence; by default the system's speech engine, when there is one.
    using Speaker = std::function<void(const QString &sentence)>;
    void setSpeaker(Speaker speaker);
    bool hasVoice() const { return bool(m_speaker); }

    static QString sentence(const AlertRecord &alert);
    int announcements() const { return m_announcements; }

signals:
    void announced(const QString &sentence);

private:
    void announce(const AlertRecord &alert);
    void speakWithEngine(const QString &sentence);

    QPointer<const AlarmPlayer> m_alarm;
    Speaker m_speaker;
    QTextToSpeech *m_speech = nullptr;
    QStringList m_queue; // sentences waiting for the voice to finish the one before
    int m_announcements = 0;
};

} // namespace tlr
