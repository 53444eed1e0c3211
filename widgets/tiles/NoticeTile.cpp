#include "NoticeTile.h"

#include "theme/Theme.h"

#include <QLabel>
#include <QVBoxLayout>

namespace tlr {

NoticeTile::NoticeTile(const TileSpec &spec, QWidget *parent) : Tile(spec, parent)
{
    auto *text = new QLabel(spec.params.value(QLatin1String("text")).toString(), this);
    text->setWordWrap(true);
    text->setFont(Theme::font(Theme::kTitlePixels));
    text->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    text->setTextFormat(Qt::PlainText);
    contentLayout()->addWidget(text, 1);
}

} // namespace tlr
