#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

class QStackedLayout;

namespace tlr {

class FrameTimes;
class OverviewWidget;
class WallPage;

// A frameless window on one monitor. It shows one page, or switches between several when the
// wall has more screens than monitors (Page Up/Down, or rotation in kiosk mode), or shows the
// overview of every page on a monitor the profile does not need.
class WallWindow : public QWidget
{
    Q_OBJECT
public:
    WallWindow(const QList<WallPage *> &pages, const QList<WallPage *> &allPages,
               FrameTimes *frameTimes, QWidget *parent = nullptr);
    ~WallWindow() override;

    QList<WallPage *> pages() const { return m_pages; }
    WallPage *currentPage() const;
    void showPage(WallPage *page);
    void showNextPage(int step);
    void setOverviewVisible(bool visible);
    bool isOverviewVisible() const;

    // Hands the pages back (unparented, hidden) before the window is destroyed in a re-layout.
    void releasePages();

signals:
    void firstFramePainted();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QList<WallPage *> m_pages;
    QStackedLayout *m_stack = nullptr;
    OverviewWidget *m_overview = nullptr;
    FrameTimes *m_frameTimes;
    bool m_painted = false;
};

} // namespace tlr
