#pragma once

#include "Tile.h"

#include <QJsonValue>

class QLabel;

namespace tlr {

// A text notice from the profile (params.text), large and word-wrapped.
class NoticeTile : public Tile
{
    Q_OBJECT
public:
    explicit NoticeTile(const TileSpec &spec, QWidget *parent = nullptr);

    // params.text: a string, or {"id": "…", "en": "…"}.
    static QString text(const QJsonValue &value, const QString &language);

protected:
    void retranslate() override;

private:
    QLabel *m_text = nullptr;
};

} // namespace tlr
