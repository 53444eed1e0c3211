#pragma once

#include "wall/WallProfile.h"

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace tlr {

// The frame every tile shares: a title bar and a content area. Subclasses put their content in
// contentLayout() and re-translate their own strings in retranslate().
class Tile : public QFrame
{
    Q_OBJECT
public:
    explicit Tile(const TileSpec &spec, QWidget *parent = nullptr);

    const TileSpec &spec() const { return m_spec; }

protected:
    QVBoxLayout *contentLayout() const { return m_content; }
    void setDefaultTitle(const QString &title); // used when the profile gives none
    virtual void retranslate() {}
    void changeEvent(QEvent *event) override;

private:
    void updateTitle();

    TileSpec m_spec;
    QString m_defaultTitle;
    QLabel *m_title = nullptr;
    QVBoxLayout *m_content = nullptr;
};

} // namespace tlr
