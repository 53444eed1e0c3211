#pragma once

#include "access/Actor.h"

#include <QDateTime>
#include <QString>

namespace tlr {

// A supervisor's shelve or unshelve of an alert, as a console hands it to the database the
// consoles share (SharedShelf), where of two made at once exactly one is kept.
struct ShelfRequest
{
    enum class Kind { Unknown, Shelve, Unshelve };

    Kind kind = Kind::Unknown;
    Actor actor;
    QString text;    // the shelf's reason, or the unshelve's note
    QDateTime until; // Shelve: when the shelf expires (UTC)
    QDateTime at;    // when it was asked (UTC)
};

} // namespace tlr
