#pragma once

#include "PrintChart.h"

#include "dossier/IncidentBrief.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>

namespace tlr {

// Paints an incident's brief into a PDF (A4, QPdfWriter): the header and its facts, the map
// image beside the resources near it, each nearby chart drawn for paper (PrintChart: light,
// readable in grey-scale, the data's age in a caption under it) with its figures in words, then
// the timeline table over as many pages as it takes, its header repeated. The text is real
// text: pdftotext reads it back.
class IncidentBriefWriter
{
    Q_DECLARE_TR_FUNCTIONS(tlr::IncidentBriefWriter)

public:
    struct Figures
    {
        QImage map;
        QList<PrintChart> charts; // in the order of the brief's charts
    };

    // Writes the PDF; an empty string when it was written, else why not.
    static QString write(const IncidentBrief &brief, const Figures &figures, const QString &path);
};

} // namespace tlr
