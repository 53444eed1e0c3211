#pragma once

#include <QStringList>

class QWidget;

namespace tlr::test {

// Every string a widget and its children draw with QPainter, as drawn: the widget is rendered
// onto a paint device whose engine keeps the text of each text item and draws nothing.
// Text already inside an image or pixmap (a map's tiles) is pixels and is not seen.
QStringList paintedText(QWidget *widget);

} // namespace tlr::test
