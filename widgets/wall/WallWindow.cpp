#include "WallWindow.h"

#include "OverviewWidget.h"
#include "WallPage.h"
#include "stats/FrameTimes.h"
#include "theme/Theme.h"

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QStackedLayout>

namespace tlr {

WallWindow::WallWindow(const QList<WallPage *> &pages, const QList<WallPage *> &allPages,
                       FrameTimes *frameTimes, QWidget *parent)
    : QWidget(parent, Qt::FramelessWindowHint)
    , m_pages(pages)
    , m_frameTimes(frameTimes)
{
    setAttribute(Qt::WA_DeleteOnClose, false);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, Theme::background());
    setPalette(p);

    m_stack = new QStackedLayout(this);
    m_stack->setContentsMargins(0, 0, 0, 0);
    for (WallPage *page : pages) {
        page->setParent(this);
        m_stack->addWidget(page);
    }
    m_overview = new OverviewWidget(allPages, this);
    m_stack->addWidget(m_overview);
    connect(m_overview, &OverviewWidget::pageChosen, this, [this](WallPage *page) {
        if (m_pages.contains(page))
            showPage(page);
    });
    if (pages.isEmpty())
        m_stack->setCurrentWidget(m_overview);
}

WallWindow::~WallWindow() = default;

WallPage *WallWindow::currentPage() const
{
    return qobject_cast<WallPage *>(m_stack->currentWidget());
}

void WallWindow::showPage(WallPage *page)
{
    if (m_pages.contains(page))
        m_stack->setCurrentWidget(page);
}

void WallWindow::showNextPage(int step)
{
    if (m_pages.isEmpty())
        return;
    const int current = std::max<qsizetype>(0, m_pages.indexOf(currentPage()));
    const int count = int(m_pages.size());
    showPage(m_pages.at(((current + step) % count + count) % count));
}

void WallWindow::setOverviewVisible(bool visible)
{
    if (visible)
        m_stack->setCurrentWidget(m_overview);
    else if (!m_pages.isEmpty() && m_stack->currentWidget() == m_overview)
        m_stack->setCurrentWidget(m_pages.first());
}

bool WallWindow::isOverviewVisible() const
{
    return m_stack->currentWidget() == m_overview;
}

void WallWindow::releasePages()
{
    // The overview first: with the pages going, the stack would bring it forward, and it would
    // take a picture of every page of the wall on its way out.
    m_stack->removeWidget(m_overview);
    m_overview->hide();
    for (WallPage *page : std::as_const(m_pages)) {
        m_stack->removeWidget(page);
        page->hide();
        page->setParent(nullptr);
    }
    m_pages.clear();
}

bool WallWindow::event(QEvent *event)
{
    // A widget window paints its whole backing store while it handles UpdateRequest: timing
    // that is timing the frame.
    if (event->type() != QEvent::UpdateRequest)
        return QWidget::event(event);
    QElapsedTimer timer;
    timer.start();
    const bool handled = QWidget::event(event);
    if (m_frameTimes)
        m_frameTimes->record(double(timer.nsecsElapsed()) / 1e6);
    if (!m_painted) {
        m_painted = true;
        emit firstFramePainted();
    }
    return handled;
}

void WallWindow::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_PageDown: showNextPage(1); break;
    case Qt::Key_PageUp: showNextPage(-1); break;
    case Qt::Key_F2: setOverviewVisible(!isOverviewVisible()); break;
    default: QWidget::keyPressEvent(event); return;
    }
}

} // namespace tlr
