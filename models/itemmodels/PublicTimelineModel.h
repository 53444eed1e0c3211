#pragma once

#include <QIdentityProxyModel>

namespace tlr {

// An incident's timeline as a wall screen may show it, where visitors and the press can read
// it: every entry stays (when, what kind, who acted), but text a person typed — a free note, the
// note of an acknowledgement or a hand-off — is replaced by a line saying it is kept for the
// consoles. Such text may name a caller or give a number, and no rule can tell that it does not
// (docs/incidents.md). The dossier puts this model in its view while it is pinned on the wall;
// the PDF brief and the CSV export read the timeline itself.
class PublicTimelineModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Whether the cell holds text typed by a person (the What column of a note, the Note column
    // of an action with a note).
    static bool isTypedText(const QModelIndex &sourceIndex);
};

} // namespace tlr
