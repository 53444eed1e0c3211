#pragma once

#include <QByteArray>
#include <QStringList>

namespace tlr {

// Comma-separated values as RFC 4180 has them: a field holding a comma, a double quote, a
// carriage return or a line feed is put in double quotes, with its double quotes doubled; every
// record ends with CRLF. The text is UTF-8 behind a byte order mark, which Excel needs to read it
// as UTF-8 rather than the machine's code page (LibreOffice and Python's csv take it either way).
class CsvWriter
{
public:
    CsvWriter(); // starts with the byte order mark

    static QString field(const QString &value);
    void addRecord(const QStringList &fields);

    const QByteArray &bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

} // namespace tlr
