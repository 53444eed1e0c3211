#pragma once

#include <QColor>
#include <QObject>

namespace tlr {

// The wall's theme (widgets/theme/Theme) as QML reads it: the same colours, type sizes and
// severity marks, not a copy. `language` changes when the wall's language does, so that bindings
// through the translated helpers (severityLabel) follow it.
class BriefingTheme : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QColor background READ background CONSTANT)
    Q_PROPERTY(QColor surface READ surface CONSTANT)
    Q_PROPERTY(QColor surfaceRaised READ surfaceRaised CONSTANT)
    Q_PROPERTY(QColor text READ text CONSTANT)
    Q_PROPERTY(QColor textMuted READ textMuted CONSTANT)
    Q_PROPERTY(QColor accent READ accent CONSTANT)
    Q_PROPERTY(QColor good READ good CONSTANT)
    Q_PROPERTY(QColor warning READ warning CONSTANT)
    Q_PROPERTY(QColor bad READ bad CONSTANT)
    Q_PROPERTY(int bodyPixels READ bodyPixels CONSTANT)
    Q_PROPERTY(int smallPixels READ smallPixels CONSTANT)
    Q_PROPERTY(int titlePixels READ titlePixels CONSTANT)
    Q_PROPERTY(int headerPixels READ headerPixels CONSTANT)
    Q_PROPERTY(int numeralPixels READ numeralPixels CONSTANT)
    Q_PROPERTY(int spacing READ spacing CONSTANT)
    Q_PROPERTY(int touchTarget READ touchTarget CONSTANT)
    Q_PROPERTY(QString fontFamily READ fontFamily CONSTANT)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
public:
    explicit BriefingTheme(QObject *parent = nullptr);

    static QColor background();
    static QColor surface();
    static QColor surfaceRaised();
    static QColor text();
    static QColor textMuted();
    static QColor accent();
    static QColor good();
    static QColor warning();
    static QColor bad();
    static int bodyPixels();
    static int smallPixels();
    static int titlePixels();
    static int headerPixels();
    static int numeralPixels();
    static int spacing();
    // A finger's target: at least 9 mm on a 55" 1080p monitor, the size Android and Apple ask.
    static int touchTarget() { return 72; }
    static QString fontFamily();
    QString language() const { return m_language; }

    Q_INVOKABLE QColor severityColor(const QString &severityKey) const;
    Q_INVOKABLE QString severityGlyph(const QString &severityKey) const;
    // `language` is there for QML bindings only: passing WallTheme.language makes the binding
    // ask again when the wall's language changes.
    Q_INVOKABLE QString severityLabel(const QString &severityKey, const QString &language = {}) const;
    // The colour of an agency's series in the trend (its row in the agency KPIs): the wall's
    // chart palette, told apart by colour-blind viewers.
    Q_INVOKABLE QColor seriesColor(int index) const;

signals:
    void languageChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString m_language;
};

} // namespace tlr
