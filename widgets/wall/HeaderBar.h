#pragma once

#include "access/Actor.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QLabel;

namespace tlr {

class WallClock;

// The band at the top of every screen: what this screen is, the clock in WIB, today's date in
// the wall's language, and the screen's number on the wall.
class HeaderBar : public QWidget
{
    Q_OBJECT
public:
    HeaderBar(const QHash<QString, QString> &screenNames, const QString &screenName,
              int screenIndex, int screenCount, const WallClock *clock, QWidget *parent = nullptr);

    void setBanner(const QString &text); // e.g. "REPLAY", empty hides it
    // Who is logged in at this console; nobody: the wall is read-only.
    void setSession(const std::optional<Actor> &actor);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitToWidth();
    void retranslate();
    void showTime(const QDateTime &utc);
    static QString roleName(Role role);

    const WallClock *m_clock;
    QHash<QString, QString> m_screenNames;
    QString m_defaultScreenName;
    int m_screenIndex;
    int m_screenCount;
    QLabel *m_product = nullptr;
    QLabel *m_screenName = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_session = nullptr;
    std::optional<Actor> m_actor;
    QLabel *m_date = nullptr;
    QLabel *m_time = nullptr;
};

} // namespace tlr
