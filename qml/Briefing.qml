// The executive briefing: the city's picture for the mayor on one screen. Agency KPI cards
// across the top, the city map, the open incidents gravest first and the hourly trend.
// Touch: tap a card to list that agency's incidents, tap a row to open its dossier, flick the
// list, drag and pinch the map. Remote: arrows move between the cards, the list and the map,
// Enter opens, Escape (or Back) steps out; a presenter's Page Down / Page Up walk through the
// incidents from anywhere.
import QtQuick
import QtQuick.Layouts
import Tlr.Briefing

FocusScope {
    id: root

    required property BriefingController briefing

    // Moves the focus to a region of the view: "cards", "incidents" or "map".
    function focusRegion(region) {
        if (region === "cards")
            cards.focusCard(cards.lastFocused)
        else if (region === "incidents")
            incidentList.forceActiveFocus()
        else if (region === "map")
            mapPanel.forceActiveFocus()
    }

    function toggleAgency(agencyKey) {
        if (!root.briefing.incidents)
            return
        root.briefing.incidents.agencyFilter =
                root.briefing.incidents.agencyFilter === agencyKey ? "" : agencyKey
    }

    focus: true
    // The cards exist once their Repeater has run: after this component is complete.
    Component.onCompleted: Qt.callLater(cards.focusCard, 0)

    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_PageDown || event.key === Qt.Key_PageUp) {
            incidentList.step(event.key === Qt.Key_PageDown ? 1 : -1)
            event.accepted = true
        }
    }

    Rectangle {
        anchors.fill: parent
        color: WallTheme.background
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: WallTheme.spacing
        spacing: WallTheme.spacing

        RowLayout {
            id: cards

            property int lastFocused: 0

            function focusCard(index) {
                const card = cardRepeater.itemAt(Math.max(0, Math.min(index, cardRepeater.count - 1)))
                if (card)
                    card.forceActiveFocus()
            }

            Layout.fillWidth: true
            Layout.fillHeight: false // a nested layout fills by default; the map gets the rest
            Layout.preferredHeight: 350
            spacing: WallTheme.spacing

            Repeater {
                id: cardRepeater

                model: root.briefing.agencies

                delegate: AgencyCard {
                    required property int index

                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 100
                    objectName: "agencyCard" + index
                    seriesColor: WallTheme.seriesColor(index)
                    selected: root.briefing.incidents !== null
                              && root.briefing.incidents.agencyFilter === agencyKey
                    onActiveFocusChanged: if (activeFocus) cards.lastFocused = index
                    onActivated: {
                        root.toggleAgency(agencyKey)
                        root.focusRegion("incidents")
                    }
                    Keys.onLeftPressed: cards.focusCard(index - 1)
                    Keys.onRightPressed: cards.focusCard(index + 1)
                    Keys.onDownPressed: root.focusRegion(index < 3 ? "map" : "incidents")
                    Keys.onEscapePressed: (event) => {
                        event.accepted = root.briefing.incidents !== null
                                && root.briefing.incidents.agencyFilter !== ""
                        if (event.accepted)
                            root.briefing.incidents.agencyFilter = ""
                    }
                    Keys.onBackPressed: {
                        if (root.briefing.incidents)
                            root.briefing.incidents.agencyFilter = ""
                    }
                }
            }
        }

        // The map takes the left 58 %, the incidents and the trend the rest. Plain anchors: the
        // split is a fixed proportion, not something a layout should negotiate.
        Item {
            id: lower

            Layout.fillWidth: true
            Layout.fillHeight: true

            MapPanel {
                id: mapPanel

                objectName: "mapPanel"
                anchors.left: parent.left
                anchors.top: parent.top
                anchors.bottom: parent.bottom
                width: Math.round((lower.width - WallTheme.spacing) * 0.58)
                mapGroup: root.briefing.map
                onFeatureSelected: (entityId) => root.briefing.selectFeature(entityId)
                onLeaveRequested: (direction) => root.focusRegion(direction === "up" ? "cards" : "incidents")
            }

            ColumnLayout {
                anchors.left: mapPanel.right
                anchors.leftMargin: WallTheme.spacing
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.bottom: parent.bottom
                spacing: WallTheme.spacing

                IncidentList {
                    id: incidentList

                    objectName: "incidentList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    incidents: root.briefing.incidents
                    agencies: root.briefing.agencies
                    onOpenRequested: (incidentId) => root.briefing.openIncident(incidentId)
                    onLeaveRequested: (direction) => root.focusRegion(direction === "left" ? "map" : "cards")
                }

                TrendChart {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 250
                    trend: root.briefing.trend
                    agencies: root.briefing.agencies
                }
            }
        }
    }
}
