#pragma once

#include <QObject>

namespace tlr {

class LanguageSwitcher;

// The wall's application-wide key chords (docs in README's operator's guide):
//   Ctrl+Alt+Shift+Q  quit (the supervisor chord; the only way out in kiosk mode)
//   Ctrl+Q            quit, when not in kiosk mode
//   F9                switch language, Indonesian <-> English
//   F8                log in at this console (the wall is read-only until someone does)
//   Shift+F8          log out
//   F7                mute or unmute this console's alarm tones (an operator or supervisor)
//   Ctrl+P            save the shift handover report as a PDF (a role that reads the audit log)
//   F6                replay: take the wall back an hour (the banner's slider goes further)
//   Esc               while replaying, back to live (unless a dialog is open: it takes Esc)
class WallKeys : public QObject
{
    Q_OBJECT
public:
    WallKeys(LanguageSwitcher *language, bool kiosk, QObject *parent = nullptr);

    void setReplaying(bool replaying) { m_replaying = replaying; }

signals:
    void quitRequested();
    void logInRequested();
    void logOutRequested();
    void muteToggleRequested();
    void handoverReportRequested();
    void replayRequested();
    void liveRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    LanguageSwitcher *m_language;
    bool m_kiosk;
    bool m_replaying = false;
};

} // namespace tlr
