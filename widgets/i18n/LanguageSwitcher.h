#pragma once

#include <QObject>
#include <QTranslator>

namespace tlr {

// The wall speaks Indonesian by default and English on request, switchable while it runs:
// installing a translator makes Qt send LanguageChange to every widget, which re-translates.
class LanguageSwitcher : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
public:
    explicit LanguageSwitcher(QObject *parent = nullptr);

    static QStringList supportedLanguages() { return {QStringLiteral("id"), QStringLiteral("en")}; }

    QString language() const { return m_language; }
    // The language the wall speaks now, for texts the profile gives in several languages.
    static QString currentLanguage();
    // Returns false (and changes nothing) for a language the wall has no translation for.
    bool setLanguage(const QString &language);
    void toggle();

signals:
    void languageChanged(const QString &language);

private:
    QTranslator m_translator;
    QString m_language;
};

} // namespace tlr
