#include "PaintedText.h"

#include <QPaintDevice>
#include <QPaintEngine>
#include <QWidget>

namespace tlr::test {
namespace {

class TextKeepingEngine : public QPaintEngine
{
public:
    TextKeepingEngine()
        : QPaintEngine(QPaintEngine::AllFeatures)
    {
    }

    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override {}
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
    void drawImage(const QRectF &, const QImage &, const QRectF &,
                   Qt::ImageConversionFlags) override
    {
    }
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
    void drawPath(const QPainterPath &) override {}
    void drawTextItem(const QPointF &, const QTextItem &textItem) override
    {
        texts.append(textItem.text());
    }
    Type type() const override { return QPaintEngine::User; }

    QStringList texts;
};

class TextKeepingDevice : public QPaintDevice
{
public:
    explicit TextKeepingDevice(QSize size)
        : m_size(size)
    {
    }

    QPaintEngine *paintEngine() const override { return &m_engine; }
    QStringList texts() const { return m_engine.texts; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmWidthMM:
            return m_size.width() * 254 / 960;
        case PdmHeightMM:
            return m_size.height() * 254 / 960;
        case PdmNumColors:
            return 0x7fffffff;
        case PdmDepth:
            return 32;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(QPaintDevice::devicePixelRatioFScale());
        }
        return 0;
    }

private:
    QSize m_size;
    mutable TextKeepingEngine m_engine;
};

} // namespace

QStringList paintedText(QWidget *widget)
{
    TextKeepingDevice device(widget->size());
    widget->render(&device);
    return device.texts();
}

} // namespace tlr::test
