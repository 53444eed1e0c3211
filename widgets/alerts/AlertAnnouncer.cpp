#include "AlertAnnouncer.h"

#include "AlarmPlayer.h"

#include "alerts/AlertEngine.h"
#include "i18n/LanguageSwitcher.h"

#include <QLoggingCategory>

#ifdef TLR_HAVE_SPEECH
#include <QTextToSpeech>
#endif

Q_LOGGING_CATEGORY(lcAnnouncer, "tlr.alerts.speech")

namespace tlr {

AlertAnnouncer::AlertAnnouncer(const AlertEngine *engine, const AlarmPlayer *alarm,
                               QObject *parent)
    : QObject(parent)
    , m_alarm(alarm)
{
    connect(engine, &AlertEngine::alertRaised, this, &AlertAnnouncer::announce);
#ifdef TLR_HAVE_SPEECH
    if (!QTextToSpeech::availableEngines().isEmpty()) {
        m_speech = new QTextToSpeech(this);
        m_speaker = [this](const QString &text) { speakWithEngine(text); };
        // say() cuts off what is being said: a burst of critical alerts is said in turn.
        connect(m_speech, &QTextToSpeech::stateChanged, this, [this](QTextToSpeech::State state) {
            if (state == QTextToSpeech::Ready && !m_queue.isEmpty())
                m_speech->say(m_queue.takeFirst());
        });
        qCInfo(lcAnnouncer) << "new critical alerts are announced by" << m_speech->engine();
        return;
    }
    qCInfo(lcAnnouncer) << "no speech engine on this machine: critical alerts are not spoken";
#else
    qCInfo(lcAnnouncer) << "built without Qt TextToSpeech: critical alerts are not spoken";
#endif
}

AlertAnnouncer::~AlertAnnouncer() = default;

void AlertAnnouncer::setSpeaker(Speaker speaker)
{
    m_speaker = std::move(speaker);
}

QString AlertAnnouncer::sentence(const AlertRecord &alert)
{
    return alert.kecamatan.isEmpty()
               ? tr("Critical alert: %1.").arg(alert.title)
               : tr("Critical alert: %1, %2.").arg(alert.title, alert.kecamatan);
}

void AlertAnnouncer::announce(const AlertRecord &alert)
{
    // alertRaised already leaves out repeats and Exercise/Test; only critical alerts speak.
    if (!alert.live || !alert.isCritical())
        return;
    if (m_alarm && m_alarm->isMuted())
        return;
    const QString text = sentence(alert);
    ++m_announcements;
    if (m_speaker)
        m_speaker(text);
    emit announced(text);
}

void AlertAnnouncer::speakWithEngine(const QString &sentence)
{
#ifdef TLR_HAVE_SPEECH
    const QLocale locale = LanguageSwitcher::currentLanguage() == u"en"
                               ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                               : QLocale(QLocale::Indonesian, QLocale::Indonesia);
    if (m_speech->locale() != locale && m_speech->availableLocales().contains(locale))
        m_speech->setLocale(locale);
    if (m_speech->state() == QTextToSpeech::Speaking)
        m_queue.append(sentence);
    else
        m_speech->say(sentence);
#else
    Q_UNUSED(sentence)
#endif
}

} // namespace tlr
