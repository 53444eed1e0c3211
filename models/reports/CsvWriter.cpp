#include "CsvWriter.h"

namespace tlr {

CsvWriter::CsvWriter() : m_bytes(QByteArrayLiteral("\xEF\xBB\xBF")) {}

QString CsvWriter::field(const QString &value)
{
    const bool needsQuotes = value.contains(u',') || value.contains(u'"') ||
                             value.contains(u'\r') || value.contains(u'\n');
    if (!needsQuotes)
        return value;
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

void CsvWriter::addRecord(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &value : fields)
        escaped.append(field(value));
    m_bytes += escaped.join(u',').toUtf8();
    m_bytes += "\r\n";
}

} // namespace tlr
