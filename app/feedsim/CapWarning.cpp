#include "CapWarning.h"

#include <QDateTime>
#include <QTimeZone>
#include <QXmlStreamWriter>

namespace tlr::feedsim {

QString CapWarning::capTime(qint64 ms, int utcOffsetHours)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone(utcOffsetHours * 3600));
    return local.toString(Qt::ISODate); // "2026-11-23T10:00:00+07:00"
}

QString CapWarning::toXml() const
{
    QString xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("alert"));
    w.writeDefaultNamespace(QStringLiteral("urn:oasis:names:tc:emergency:cap:1.2"));
    w.writeTextElement(QStringLiteral("identifier"), identifier);
    w.writeTextElement(QStringLiteral("sender"), sender());
    w.writeTextElement(QStringLiteral("sent"), capTime(sentMs, utcOffsetHours));
    w.writeTextElement(QStringLiteral("status"), QStringLiteral("Actual"));
    const QString type = msgType == MsgType::Cancel   ? QStringLiteral("Cancel")
                         : msgType == MsgType::Update ? QStringLiteral("Update")
                                                      : QStringLiteral("Alert");
    w.writeTextElement(QStringLiteral("msgType"), type);
    w.writeTextElement(QStringLiteral("scope"), QStringLiteral("Public"));
    if (!references.isEmpty())
        w.writeTextElement(QStringLiteral("references"), references.join(u' '));

    const QString areas = kecamatan.join(QStringLiteral(", "));
    const QString time = capTime(onsetMs, utcOffsetHours).mid(11, 5);
    const QString rain = QString::number(qRound(rainMmh));
    struct Text
    {
        QString language, event, headline, description, instruction, areaDesc;
    };
    const bool cancel = msgType == MsgType::Cancel;
    const Text texts[] = {
        {QStringLiteral("id-ID"),
         QStringLiteral("Hujan Lebat disertai Kilat/Petir dan Angin Kencang"),
         cancel ? QStringLiteral("Peringatan Dini Cuaca Kota Tangerang dicabut")
                : QStringLiteral("Peringatan Dini Cuaca Kota Tangerang"),
         cancel ? QStringLiteral("Hujan telah mereda. Peringatan dini cuaca dicabut.")
                : QStringLiteral("Pukul %1 WIB berpotensi terjadi hujan lebat (sekitar %2 mm/jam) "
                                 "disertai kilat/petir dan angin kencang di %3. Tinggi muka air "
                                 "Cisadane di Pintu Air 10: %4.")
                      .arg(time, rain, areas, riverLevel),
         cancel ? QStringLiteral("Tetap waspada terhadap genangan yang belum surut.")
                : QStringLiteral("Waspadai potensi banjir, genangan, tanah longsor, pohon tumbang "
                                 "dan jalan licin. Hindari bantaran sungai Cisadane."),
         QStringLiteral("Kota Tangerang: %1").arg(areas)},
        {QStringLiteral("en-US"), QStringLiteral("Heavy rain with lightning and strong wind"),
         cancel ? QStringLiteral("Weather early warning for Kota Tangerang cancelled")
                : QStringLiteral("Weather early warning for Kota Tangerang"),
         cancel
             ? QStringLiteral("The rain has eased. The weather early warning is cancelled.")
             : QStringLiteral("From %1 WIB heavy rain (about %2 mm/h) with lightning and strong "
                              "wind is likely over %3. Cisadane level at Pintu Air 10: %4.")
                   .arg(time, rain, areas, riverLevel),
         cancel ? QStringLiteral("Stay alert to standing water that has not yet receded.")
                : QStringLiteral("Beware of floods, standing water, landslides, falling trees and "
                                 "slippery roads. Keep away from the Cisadane banks."),
         QStringLiteral("Kota Tangerang: %1").arg(areas)},
    };
    for (const auto &t : texts) {
        w.writeStartElement(QStringLiteral("info"));
        w.writeTextElement(QStringLiteral("language"), t.language);
        w.writeTextElement(QStringLiteral("category"), QStringLiteral("Met"));
        w.writeTextElement(QStringLiteral("event"), t.event);
        w.writeTextElement(QStringLiteral("responseType"),
                           cancel ? QStringLiteral("AllClear") : QStringLiteral("Prepare"));
        w.writeTextElement(QStringLiteral("urgency"), cancel ? QStringLiteral("Past") : urgency);
        w.writeTextElement(QStringLiteral("severity"),
                           cancel ? QStringLiteral("Minor") : severity);
        w.writeTextElement(QStringLiteral("certainty"),
                           cancel ? QStringLiteral("Observed") : certainty);
        w.writeTextElement(QStringLiteral("effective"), capTime(sentMs, utcOffsetHours));
        w.writeTextElement(QStringLiteral("onset"), capTime(onsetMs, utcOffsetHours));
        w.writeTextElement(QStringLiteral("expires"), capTime(expiresMs, utcOffsetHours));
        w.writeTextElement(QStringLiteral("senderName"),
                           QStringLiteral("Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)"));
        w.writeTextElement(QStringLiteral("headline"), t.headline);
        w.writeTextElement(QStringLiteral("description"), t.description);
        w.writeTextElement(QStringLiteral("instruction"), t.instruction);
        w.writeTextElement(QStringLiteral("web"), QStringLiteral("https://nowcasting.bmkg.go.id"));
        w.writeStartElement(QStringLiteral("area"));
        w.writeTextElement(QStringLiteral("areaDesc"), t.areaDesc);
        QStringList ring;
        for (const auto &p : polygon)
            ring.append(QStringLiteral("%1,%2").arg(p.lat, 0, 'f', 4).arg(p.lon, 0, 'f', 4));
        if (ring.size() >= 4)
            w.writeTextElement(QStringLiteral("polygon"), ring.join(u' '));
        w.writeEndElement(); // area
        w.writeEndElement(); // info
    }
    w.writeEndElement(); // alert
    w.writeEndDocument();
    return xml;
}

} // namespace tlr::feedsim
