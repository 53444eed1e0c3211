// tlr-render-icon: renders the wall's SVG icon to the PNG sizes of the hicolor theme, at build
// time, with Qt's own SVG renderer (no other tool is needed on the build machine).

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 4) {
        std::fprintf(stderr, "usage: tlr-render-icon SVG SIZE PNG\n");
        return 2;
    }
    QSvgRenderer renderer(arguments.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "tlr-render-icon: cannot read %s\n", qPrintable(arguments.at(1)));
        return 1;
    }
    bool ok = false;
    const int size = arguments.at(2).toInt(&ok);
    if (!ok || size < 16 || size > 1024) {
        std::fprintf(stderr, "tlr-render-icon: SIZE must be 16..1024\n");
        return 2;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    if (!image.save(arguments.at(3), "PNG")) {
        std::fprintf(stderr, "tlr-render-icon: cannot write %s\n", qPrintable(arguments.at(3)));
        return 1;
    }
    return 0;
}
