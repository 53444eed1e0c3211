#include "IncidentBriefWriter.h"

#include <QFileInfo>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

namespace tlr {
namespace {

constexpr int kDpi = 150;
const QColor kInk(0x1a, 0x1f, 0x29);
const QColor kMuted(0x5c, 0x66, 0x75);
const QColor kRule(0xc8, 0xce, 0xd6);
const QColor kBand(0xee, 0xf1, 0xf5);

QFont font(int points, QFont::Weight weight = QFont::Normal)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSize(points);
    f.setWeight(weight);
    return f;
}

// Lays text down a page, starting a new page (with the running header) when it runs out.
class PageFlow
{
public:
    PageFlow(QPdfWriter &writer, QPainter &painter, QString running)
        : m_writer(writer)
        , m_painter(painter)
        , m_running(std::move(running))
        , m_page(painter.viewport().adjusted(0, 0, 0, -footerHeight()))
        , m_y(m_page.top())
    {
    }

    QPainter &painter() { return m_painter; }
    int left() const { return m_page.left(); }
    int width() const { return m_page.width(); }
    int y() const { return m_y; }
    void advance(int height) { m_y += height; }

    // Room for `height` more on this page, or a new one.
    void need(int height)
    {
        if (m_y + height <= m_page.bottom())
            return;
        footer();
        m_writer.newPage();
        ++m_pageNumber;
        m_y = m_page.top();
        m_painter.setFont(font(8));
        m_painter.setPen(kMuted);
        const int h = m_painter.fontMetrics().height();
        m_painter.drawText(QRect(left(), m_y, width(), h), Qt::AlignLeft, m_running);
        m_y += h + h / 2;
    }

    int textBlock(const QString &text, const QFont &f, const QColor &colour, int indent = 0)
    {
        m_painter.setFont(f);
        const QRect bounds = m_painter.fontMetrics().boundingRect(
            QRect(0, 0, width() - indent, 100000), Qt::TextWordWrap, text);
        need(bounds.height());
        m_painter.setPen(colour);
        m_painter.drawText(QRect(left() + indent, m_y, width() - indent, bounds.height()),
                           Qt::TextWordWrap, text);
        m_y += bounds.height();
        return bounds.height();
    }

    void footer()
    {
        m_painter.setFont(font(8));
        m_painter.setPen(kMuted);
        const int h = m_painter.fontMetrics().height();
        m_painter.drawText(QRect(left(), m_page.bottom() + h, width(), h), Qt::AlignRight,
                           IncidentBriefWriter::tr("Page %1").arg(m_pageNumber));
        m_painter.drawText(
            QRect(left(), m_page.bottom() + h, width(), h), Qt::AlignLeft,
            IncidentBriefWriter::tr("Tangerang Live Room · no personal data of reporters"));
    }

private:
    int footerHeight() const { return QFontMetrics(font(8), &m_writer).height() * 3; }

    QPdfWriter &m_writer;
    QPainter &m_painter;
    QString m_running;
    QRect m_page;
    int m_y;
    int m_pageNumber = 1;
};

void heading(PageFlow &flow, const QString &text)
{
    flow.need(QFontMetrics(font(12, QFont::Bold), flow.painter().device()).height() * 3);
    flow.advance(QFontMetrics(font(12), flow.painter().device()).height() / 2);
    flow.textBlock(text, font(12, QFont::Bold), kInk);
    QPainter &p = flow.painter();
    p.setPen(QPen(kRule, 2));
    p.drawLine(flow.left(), flow.y() + 2, flow.left() + flow.width(), flow.y() + 2);
    flow.advance(8);
}

// A table whose columns share the width in proportion to their widest text, capped so that
// one long column cannot starve the others; cells wrap.
void table(PageFlow &flow, const IncidentBrief::Table &t)
{
    if (t.header.isEmpty())
        return;
    QPainter &p = flow.painter();
    const QFont body = font(8);
    const QFont bold = font(8, QFont::Bold);
    const QFontMetrics fm(body, p.device());
    const int columns = int(t.header.size());
    QList<double> widest(columns, 0);
    for (int c = 0; c < columns; ++c) {
        widest[c] = QFontMetrics(bold, p.device()).horizontalAdvance(t.header.at(c));
        for (const QStringList &row : t.rows)
            widest[c] = std::max<double>(widest[c], fm.horizontalAdvance(row.value(c)));
    }
    // Each column as wide as its widest cell; when they do not all fit, only the widest are
    // narrowed, to one common cap (their cells wrap), so short columns are never broken.
    for (double &w : widest)
        w += fm.averageCharWidth() * 2;
    double low = 0, high = flow.width();
    for (int step = 0; step < 30; ++step) {
        const double cap = (low + high) / 2;
        double sum = 0;
        for (double w : widest)
            sum += std::min(w, cap);
        (sum > flow.width() ? high : low) = cap;
    }
    double total = 0;
    for (double &w : widest)
        total += (w = std::min(w, low));
    widest.last() += std::max(0.0, flow.width() - total); // room left goes to the last column
    QList<int> x(columns + 1, flow.left());
    for (int c = 0; c < columns; ++c)
        x[c + 1] = x[c] + int(widest[c]);
    const int pad = fm.averageCharWidth() / 2;

    const auto rowHeight = [&](const QStringList &cells, const QFont &f) {
        int h = 0;
        for (int c = 0; c < columns; ++c) {
            h = std::max(h, QFontMetrics(f, p.device())
                                .boundingRect(QRect(0, 0, x[c + 1] - x[c] - 2 * pad, 100000),
                                              Qt::TextWordWrap, cells.value(c))
                                .height());
        }
        return h + 2 * pad;
    };
    const auto drawRow = [&](const QStringList &cells, const QFont &f, bool shaded) {
        const int h = rowHeight(cells, f);
        flow.need(h);
        if (shaded)
            p.fillRect(QRect(flow.left(), flow.y(), flow.width(), h), kBand);
        p.setFont(f);
        p.setPen(kInk);
        for (int c = 0; c < columns; ++c) {
            p.drawText(QRect(x[c] + pad, flow.y() + pad, x[c + 1] - x[c] - 2 * pad, h),
                       Qt::TextWordWrap, cells.value(c));
        }
        flow.advance(h);
    };
    drawRow(t.header, bold, true);
    for (int r = 0; r < t.rows.size(); ++r) {
        // A row that starts a page repeats the header above it.
        const int before = flow.y();
        flow.need(rowHeight(t.rows.at(r), body));
        if (flow.y() < before)
            drawRow(t.header, bold, true);
        drawRow(t.rows.at(r), body, r % 2 == 1);
    }
}

void image(PageFlow &flow, const QImage &picture, const QRect &target)
{
    if (picture.isNull())
        return;
    const QSize fitted = picture.size().scaled(target.size(), Qt::KeepAspectRatio);
    flow.painter().drawImage(QRect(target.topLeft(), fitted), picture);
    flow.painter().setPen(QPen(kRule, 2));
    flow.painter().drawRect(QRect(target.topLeft(), fitted));
}

} // namespace

QString IncidentBriefWriter::write(const IncidentBrief &brief, const Figures &figures,
                                   const QString &path)
{
    QPdfWriter writer(path);
    writer.setResolution(kDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(15, 15, 15, 12), QPageLayout::Millimeter));
    writer.setTitle(brief.title);
    writer.setCreator(QStringLiteral("Tangerang Live Room"));
    QPainter painter;
    if (!painter.begin(&writer))
        return tr("cannot write %1").arg(QFileInfo(path).absoluteFilePath());
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    PageFlow flow(writer, painter, brief.title);

    // Header: what, then who made the brief and when.
    flow.textBlock(tr("Incident brief"), font(9, QFont::DemiBold), kMuted);
    flow.textBlock(brief.title, font(18, QFont::Bold), kInk);
    flow.textBlock(brief.madeFor, font(9), kMuted);
    flow.advance(12);
    // Facts in two columns of caption and value.
    const int half = flow.width() / 2;
    const QFontMetrics captionMetrics(font(8), &writer);
    const QFontMetrics valueMetrics(font(11, QFont::DemiBold), &writer);
    const int factHeight = captionMetrics.height() + valueMetrics.height() + 10;
    for (int i = 0; i < brief.facts.size(); i += 2) {
        flow.need(factHeight);
        for (int j = i; j < std::min<int>(i + 2, int(brief.facts.size())); ++j) {
            const int x = flow.left() + (j - i) * half;
            painter.setFont(font(8));
            painter.setPen(kMuted);
            painter.drawText(QRect(x, flow.y(), half - 20, captionMetrics.height()), Qt::AlignLeft,
                             brief.facts.at(j).caption);
            painter.setFont(font(11, QFont::DemiBold));
            painter.setPen(kInk);
            painter.drawText(
                QRect(x, flow.y() + captionMetrics.height(), half - 20, valueMetrics.height()),
                Qt::AlignLeft,
                valueMetrics.elidedText(brief.facts.at(j).value, Qt::ElideRight, half - 20));
        }
        flow.advance(factHeight);
    }

    // The map beside the resources near the incident.
    heading(flow, tr("Map and nearby resources"));
    const int mapWidth = flow.width() * 11 / 20;
    const int mapHeight = mapWidth * 3 / 4;
    flow.need(mapHeight);
    const int top = flow.y();
    image(flow, figures.map, QRect(flow.left(), top, mapWidth, mapHeight));
    int y = top;
    painter.setFont(font(8));
    const QFontMetrics small(font(8), &writer);
    const int textLeft = flow.left() + mapWidth + 30;
    const int textWidth = flow.width() - mapWidth - 30;
    if (brief.resources.rows.isEmpty()) {
        painter.setPen(kMuted);
        painter.drawText(QRect(textLeft, y, textWidth, mapHeight), Qt::TextWordWrap,
                         tr("No hospital with free beds, available ambulance or pump station "
                            "near the incident."));
    }
    for (const QStringList &row : brief.resources.rows) {
        // kind · name, then distance and what is available, in a narrow column.
        const QString first = row.value(0) + QStringLiteral(" · ") + row.value(1);
        const QString second = row.value(2) + QStringLiteral(" · ") + row.value(3);
        const int h = small.height();
        if (y + 2 * h > top + mapHeight)
            break;
        painter.setFont(font(8, QFont::DemiBold));
        painter.setPen(kInk);
        painter.drawText(QRect(textLeft, y, textWidth, h), Qt::AlignLeft,
                         small.elidedText(first, Qt::ElideRight, textWidth));
        painter.setFont(font(8));
        painter.setPen(kMuted);
        painter.drawText(QRect(textLeft, y + h, textWidth, h), Qt::AlignLeft,
                         small.elidedText(second, Qt::ElideRight, textWidth));
        y += 2 * h + h / 3;
    }
    flow.advance(mapHeight + 10);

    // The nearby sensors, as the dossier draws them, with their figures in words.
    heading(flow, tr("Nearby sensors since an hour before the first signal"));
    if (brief.charts.isEmpty())
        flow.textBlock(tr("No sensor near this incident tells its kind of story."), font(9),
                       kMuted);
    for (int c = 0; c < brief.charts.size(); ++c) {
        const bool drawn = c < figures.charts.size();
        const int chartHeight = drawn ? flow.width() * 3 / 10 : 0;
        flow.need(chartHeight + small.height() * (3 + int(brief.charts.at(c).lines.size())));
        flow.textBlock(brief.charts.at(c).name, font(9, QFont::DemiBold), kInk);
        flow.advance(4);
        if (drawn) {
            figures.charts.at(c).paint(painter,
                                       QRect(flow.left(), flow.y(), flow.width(), chartHeight));
            flow.advance(chartHeight + 6);
        }
        for (const QString &line : brief.charts.at(c).lines)
            flow.textBlock(line, font(8), kInk, 20);
        flow.advance(10);
    }

    heading(flow, tr("Timeline"));
    table(flow, brief.timeline);
    flow.footer();
    if (!painter.end())
        return tr("cannot finish %1").arg(QFileInfo(path).absoluteFilePath());
    return {};
}

} // namespace tlr
