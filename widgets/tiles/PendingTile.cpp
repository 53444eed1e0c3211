#include "PendingTile.h"

#include "theme/Theme.h"

#include <QLabel>
#include <QVBoxLayout>

namespace tlr {

PendingTile::PendingTile(const TileSpec &spec, QWidget *parent) : Tile(spec, parent)
{
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setFont(Theme::font(Theme::kTitlePixels));
    QPalette muted = m_message->palette();
    muted.setColor(QPalette::WindowText, Theme::textMuted());
    m_message->setPalette(muted);
    contentLayout()->addWidget(m_message, 1);
    retranslate();
}

void PendingTile::retranslate()
{
    const QString &type = spec().type;
    QString what;
    if (type == u"map")
        what = tr("The live city map is not built yet. It arrives with the Map work.");
    else if (type == u"chart")
        what = tr("Live charts are not built yet. They arrive with the Charts and KPIs work.");
    else if (type == u"kpi")
        what = tr("KPI figures are not built yet. They arrive with the Charts and KPIs work.");
    else if (type == u"alerts")
        what = tr("The alert panel is not built yet. It arrives with the Alerts work.");
    else
        what = tr("This tile type is not built yet.");
    if (!spec().continues.isEmpty())
        what += u'\n' + tr("(continues \"%1\" from another screen)").arg(spec().continues);
    m_message->setText(what);
    if (spec().title.isEmpty())
        setDefaultTitle(type);
}

} // namespace tlr
