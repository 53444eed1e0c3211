#include "LanguageSwitcher.h"

#include <QCoreApplication>
#include <QLocale>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcLanguage, "tlr.language")

namespace tlr {

LanguageSwitcher::LanguageSwitcher(QObject *parent) : QObject(parent) {}

bool LanguageSwitcher::setLanguage(const QString &language)
{
    if (!supportedLanguages().contains(language))
        return false;
    if (language == m_language)
        return true;
    QCoreApplication::removeTranslator(&m_translator);
    // The source strings are English; Indonesian comes from the compiled catalogue.
    if (language != u"en") {
        if (!m_translator.load(QStringLiteral(":/i18n/tlr_%1.qm").arg(language))) {
            qCWarning(lcLanguage) << "no translation catalogue for" << language;
            return false;
        }
        QCoreApplication::installTranslator(&m_translator);
    }
    QLocale::setDefault(language == u"id" ? QLocale(QLocale::Indonesian, QLocale::Indonesia)
                                          : QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_language = language;
    // English needs no translator, so nothing would announce the change: do it ourselves.
    if (language == u"en") {
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    }
    emit languageChanged(language);
    return true;
}

QString LanguageSwitcher::currentLanguage()
{
    return QLocale().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("id");
}

void LanguageSwitcher::toggle()
{
    setLanguage(m_language == u"id" ? QStringLiteral("en") : QStringLiteral("id"));
}

} // namespace tlr
