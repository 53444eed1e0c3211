#pragma once

#include <QApplication>

namespace tlr {

// The wall's QApplication: it times each event the GUI thread delivers (the outermost only)
// for SlowestEvent, so that a stall in the log names what it was spent on.
class TimedApplication : public QApplication
{
    Q_OBJECT
public:
    TimedApplication(int &argc, char **argv);

    bool notify(QObject *receiver, QEvent *event) override;

private:
    int m_depth = 0; // GUI-thread deliveries under way, nested ones included
};

} // namespace tlr
