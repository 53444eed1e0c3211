#include "PublicTimelineModel.h"

#include "IncidentTimelineModel.h"

namespace tlr {

bool PublicTimelineModel::isTypedText(const QModelIndex &sourceIndex)
{
    using Model = IncidentTimelineModel;
    if (!sourceIndex.isValid() ||
        !sourceIndex.siblingAtColumn(0).data(Model::TypedByPersonRole).toBool())
        return false;
    const auto kind = static_cast<Model::EntryKind>(
        sourceIndex.siblingAtColumn(0).data(Model::EntryKindRole).toInt());
    const int typedColumn = kind == Model::EntryKind::Note ? Model::WhatColumn : Model::NoteColumn;
    return sourceIndex.column() == typedColumn;
}

QVariant PublicTimelineModel::data(const QModelIndex &index, int role) const
{
    const QModelIndex source = mapToSource(index);
    // The model's own roles say what an entry is, never what was typed.
    if (role <= Qt::UserRole && isTypedText(source))
        return role == Qt::DisplayRole ? QVariant(tr("(kept for the consoles)")) : QVariant();
    return QIdentityProxyModel::data(index, role);
}

} // namespace tlr
