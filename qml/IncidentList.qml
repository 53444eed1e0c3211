// The open incidents, gravest first: a list to flick by touch or to walk with the arrows (or a
// presenter's Page Down / Page Up). A tap or Enter asks for the incident's dossier.
import QtQuick
import QtQuick.Layouts
import Tlr.Briefing

FocusScope {
    id: panel

    required property var incidents // TopIncidentsModel; null on a wall without incidents
    required property var agencies  // AgencyKpiModel, for the filtered agency's name

    signal openRequested(var incidentId)
    signal leaveRequested(string direction)

    // Moves the current row by `delta` (a presenter's remote) and takes the focus.
    function step(delta) {
        panel.forceActiveFocus()
        if (list.count === 0)
            return
        list.currentIndex = Math.max(0, Math.min(list.count - 1, list.currentIndex + delta))
    }

    // From the model, not the delegate: after a filter the view lays out its rows at the next
    // frame, and a quick Enter must not open what was shown before.
    function openCurrent() {
        if (panel.incidents && list.currentIndex >= 0 && list.currentIndex < list.count)
            panel.openRequested(panel.incidents.incidentIdAt(list.currentIndex))
    }

    function agencyName(key) {
        for (let row = 0; row < panel.agencies.rowCount(); ++row) {
            const index = panel.agencies.index(row, 0)
            if (panel.agencies.data(index, AgencyKpiModel.AgencyKeyRole) === key)
                return panel.agencies.data(index, AgencyKpiModel.NameRole)
        }
        return key
    }

    Rectangle {
        anchors.fill: parent
        radius: 8
        color: WallTheme.surface
        border.width: panel.activeFocus ? 6 : 0
        border.color: WallTheme.text
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 14
        spacing: 8

        Text {
            Layout.fillWidth: true
            text: {
                const filter = panel.incidents ? panel.incidents.agencyFilter : ""
                const count = (panel.incidents ? panel.incidents.count : 0).toLocaleString(Qt.locale(), "f", 0)
                return filter.length > 0
                        ? qsTr("Open incidents of %1: %2").arg(panel.agencyName(filter)).arg(count)
                        : qsTr("Open incidents, gravest first: %1").arg(count)
            }
            color: WallTheme.text
            font.family: WallTheme.fontFamily
            font.pixelSize: WallTheme.titlePixels
            font.bold: true
            elide: Text.ElideRight
        }

        ListView {
            id: list

            objectName: "incidentRows"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            focus: true
            model: panel.incidents
            spacing: 6
            boundsBehavior: Flickable.StopAtBounds
            highlightMoveDuration: 150
            keyNavigationEnabled: true

            delegate: IncidentRow {
                width: list.width
                current: ListView.isCurrentItem && panel.activeFocus
                onTapped: {
                    list.currentIndex = index
                    panel.forceActiveFocus()
                    panel.openRequested(incidentId)
                }
            }

            Keys.onPressed: (event) => {
                switch (event.key) {
                case Qt.Key_Return:
                case Qt.Key_Enter:
                case Qt.Key_Space:
                    panel.openCurrent()
                    event.accepted = true
                    break
                case Qt.Key_Up:
                    if (list.currentIndex <= 0) {
                        panel.leaveRequested("up")
                        event.accepted = true
                    }
                    break
                case Qt.Key_Left:
                    panel.leaveRequested("left")
                    event.accepted = true
                    break
                case Qt.Key_Escape:
                case Qt.Key_Back:
                    panel.leaveRequested("up")
                    event.accepted = true
                    break
                }
            }
        }
    }

    Text {
        anchors.centerIn: parent
        visible: list.count === 0
        text: panel.incidents ? qsTr("No open incident") : qsTr("No incident board on this wall")
        color: WallTheme.textMuted
        font.family: WallTheme.fontFamily
        font.pixelSize: WallTheme.bodyPixels
    }
}
