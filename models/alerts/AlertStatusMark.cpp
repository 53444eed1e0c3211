#include "AlertStatusMark.h"

#include <QCoreApplication>

namespace tlr {

QString alertStatusMark(Alert::Status status)
{
    switch (status) {
    case Alert::Status::Exercise:
        return QCoreApplication::translate("AlertStatusMark", "EXERCISE");
    case Alert::Status::Test:
        return QCoreApplication::translate("AlertStatusMark", "TEST");
    case Alert::Status::System:
        return QCoreApplication::translate("AlertStatusMark", "SYSTEM");
    case Alert::Status::Draft:
        return QCoreApplication::translate("AlertStatusMark", "DRAFT");
    case Alert::Status::Actual:
        break;
    case Alert::Status::Unknown:
        // Not known to be actual: never shown as if it were.
        return QCoreApplication::translate("AlertStatusMark", "UNCONFIRMED");
    }
    return {};
}

QString markedAlertTitle(Alert::Status status, const QString &title)
{
    const QString mark = alertStatusMark(status);
    return mark.isEmpty() ? title : u'[' + mark + QStringLiteral("] ") + title;
}

} // namespace tlr
