#include "Tile.h"

#include "i18n/LanguageSwitcher.h"
#include "theme/Theme.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace tlr {

Tile::Tile(const TileSpec &spec, QWidget *parent)
    : QFrame(parent)
    , m_spec(spec)
{
    setObjectName(QStringLiteral("tile"));
    // The profile's grid decides a tile's size, not its content.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, Theme::surface());
    setPalette(p);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 14);
    layout->setSpacing(8);
    m_title = new QLabel(this);
    m_title->setFont(Theme::font(Theme::kTitlePixels, QFont::DemiBold));
    QPalette titlePalette = m_title->palette();
    titlePalette.setColor(QPalette::WindowText, Theme::textMuted());
    m_title->setPalette(titlePalette);
    layout->addWidget(m_title);
    m_content = new QVBoxLayout;
    m_content->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_content, 1);
    updateTitle();
}

void Tile::setDefaultTitle(const QString &title)
{
    m_defaultTitle = title;
    updateTitle();
}

void Tile::updateTitle()
{
    const QString fromProfile = m_spec.titleIn(LanguageSwitcher::currentLanguage());
    const QString title = fromProfile.isEmpty() ? m_defaultTitle : fromProfile;
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
}

void Tile::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        updateTitle();
        retranslate();
    }
    QFrame::changeEvent(event);
}

} // namespace tlr
