#include "BriefingView.h"

#include "BriefingController.h"
#include "BriefingTheme.h"
#include "CityMapItem.h"
#include "briefing/AgencyKpiModel.h"
#include "briefing/IncidentTrendModel.h"
#include "briefing/TopIncidentsModel.h"
#include "theme/Theme.h"

#include <QEvent>
#include <QLoggingCategory>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlError>

Q_DECLARE_LOGGING_CATEGORY(lcBriefing)

namespace tlr {

namespace {

const QUrl kSource(QStringLiteral("qrc:/qml/briefing/Briefing.qml"));

void registerTypes()
{
    static const bool registered = [] {
        const char *uri = "Tlr.Briefing";
        qmlRegisterType<CityMapItem>(uri, 1, 0, "CityMap");
        qmlRegisterUncreatableType<AgencyKpiModel>(uri, 1, 0, "AgencyKpiModel",
                                                   QStringLiteral("made by the wall"));
        qmlRegisterUncreatableType<IncidentTrendModel>(uri, 1, 0, "IncidentTrendModel",
                                                       QStringLiteral("made by the wall"));
        qmlRegisterUncreatableType<TopIncidentsModel>(uri, 1, 0, "TopIncidentsModel",
                                                      QStringLiteral("made by the wall"));
        qmlRegisterUncreatableType<BriefingController>(uri, 1, 0, "BriefingController",
                                                       QStringLiteral("made by the wall"));
        // One per engine, which owns it.
        qmlRegisterSingletonType<BriefingTheme>(uri, 1, 0, "WallTheme",
                                                [](QQmlEngine *, QJSEngine *) -> QObject * {
                                                    return new BriefingTheme;
                                                });
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace

BriefingView::BriefingView(const TileContext &context, QWidget *parent)
    : QQuickWidget(parent)
    , m_controller(new BriefingController(context, this))
{
    registerTypes();
    setObjectName(QStringLiteral("briefing"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_AcceptTouchEvents);
    setResizeMode(QQuickWidget::SizeRootObjectToView);
    setClearColor(Theme::background());
    connect(m_controller, &BriefingController::incidentRequested, this,
            &BriefingView::incidentRequested);
    connect(m_controller, &BriefingController::featureSelected, this,
            &BriefingView::featureSelected);

    engine()->setOutputWarningsToStandardError(false);
    connect(engine(), &QQmlEngine::warnings, this, [this](const QList<QQmlError> &warnings) {
        for (const QQmlError &warning : warnings) {
            m_warnings.append(warning.toString());
            qCWarning(lcBriefing).noquote() << warning.toString();
        }
    });
    // Qt 6.4's QQuickWidget takes no initial properties: the component is made here, with the
    // controller as its required property, and handed over.
    auto *component = new QQmlComponent(engine(), kSource, QQmlComponent::PreferSynchronous, this);
    QObject *root = component->isReady()
                        ? component->createWithInitialProperties(
                              {{QStringLiteral("briefing"), QVariant::fromValue(m_controller)}})
                        : nullptr;
    setContent(kSource, component, root);
    for (const QQmlError &error : component->errors()) {
        m_warnings.append(error.toString());
        qCCritical(lcBriefing).noquote() << error.toString();
    }
}

BriefingView::~BriefingView() = default;

void BriefingView::changeEvent(QEvent *event)
{
    // The wall's language switch (F9): qsTr bindings are evaluated again in the new language.
    if (event->type() == QEvent::LanguageChange)
        engine()->retranslate();
    QQuickWidget::changeEvent(event);
}

} // namespace tlr
