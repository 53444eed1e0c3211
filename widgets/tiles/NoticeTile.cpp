#include "NoticeTile.h"

#include "i18n/LanguageSwitcher.h"
#include "theme/Theme.h"

#include <QJsonObject>
#include <QLabel>
#include <QVBoxLayout>

namespace tlr {

NoticeTile::NoticeTile(const TileSpec &spec, QWidget *parent) : Tile(spec, parent)
{
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setFont(Theme::font(Theme::kTitlePixels));
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_text->setTextFormat(Qt::PlainText);
    contentLayout()->addWidget(m_text, 1);
    retranslate();
}

QString NoticeTile::text(const QJsonValue &value, const QString &language)
{
    if (!value.isObject())
        return value.toString();
    const QJsonObject byLanguage = value.toObject();
    for (const QString &candidate : {language, QStringLiteral("id"), QStringLiteral("en")}) {
        if (byLanguage.value(candidate).isString())
            return byLanguage.value(candidate).toString();
    }
    return byLanguage.isEmpty() ? QString() : byLanguage.begin().value().toString();
}

void NoticeTile::retranslate()
{
    m_text->setText(text(spec().params.value(QLatin1String("text")), LanguageSwitcher::currentLanguage()));
}

} // namespace tlr
