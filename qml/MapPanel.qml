// The city map (the wall's own map renderer in a CityMap item). One finger drags, two pinch,
// the wheel zooms, a tap on a feature asks for its incident's dossier. With the focus: arrows
// pan, + and − zoom, Home goes back to the whole city, Enter picks what lies at the centre,
// Escape (or Back) leaves for the incident list.
import QtQuick
import Tlr.Briefing

FocusScope {
    id: panel

    property alias mapGroup: map.group

    signal featureSelected(string entityId)
    signal leaveRequested(string direction)

    activeFocusOnTab: true

    Keys.onPressed: (event) => {
        const step = 120
        event.accepted = true
        switch (event.key) {
        case Qt.Key_Left: map.panBy(step, 0); break
        case Qt.Key_Right: map.panBy(-step, 0); break
        case Qt.Key_Up: map.panBy(0, step); break
        case Qt.Key_Down: map.panBy(0, -step); break
        case Qt.Key_Plus:
        case Qt.Key_Equal: map.zoomAround(map.width / 2, map.height / 2, 1); break
        case Qt.Key_Minus: map.zoomAround(map.width / 2, map.height / 2, -1); break
        case Qt.Key_Home: map.goHome(); break
        case Qt.Key_Return:
        case Qt.Key_Enter: map.tap(map.width / 2, map.height / 2); break
        case Qt.Key_Escape:
        case Qt.Key_Back: panel.leaveRequested("right"); break
        case Qt.Key_Tab: panel.leaveRequested("up"); break
        default: event.accepted = false
        }
    }

    CityMap {
        id: map

        anchors.fill: parent
        onFeatureSelected: (entityId) => panel.featureSelected(entityId)
    }

    PinchArea {
        property real lastScale: 1

        anchors.fill: parent
        onPinchStarted: lastScale = 1
        onPinchUpdated: (pinch) => {
            map.zoomAround(pinch.center.x, pinch.center.y, Math.log2(pinch.scale / lastScale))
            lastScale = pinch.scale
        }

        MouseArea {
            property point last
            property bool dragged: false

            anchors.fill: parent
            onPressed: (mouse) => {
                last = Qt.point(mouse.x, mouse.y)
                dragged = false
                panel.forceActiveFocus()
            }
            onPositionChanged: (mouse) => {
                if (!dragged && Math.abs(mouse.x - last.x) + Math.abs(mouse.y - last.y) < 12)
                    return
                dragged = true
                map.panBy(mouse.x - last.x, mouse.y - last.y)
                last = Qt.point(mouse.x, mouse.y)
            }
            onReleased: (mouse) => {
                if (!dragged)
                    map.tap(mouse.x, mouse.y)
            }
            onWheel: (wheel) => map.zoomAround(wheel.x, wheel.y, wheel.angleDelta.y / 240)
        }
    }

    Rectangle { // the focus ring, over the map
        anchors.fill: parent
        color: "transparent"
        radius: 8
        border.width: panel.activeFocus ? 6 : 0
        border.color: WallTheme.text
    }

    Rectangle {
        visible: map.attribution.length > 0
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 10
        width: attributionText.implicitWidth + 20
        height: attributionText.implicitHeight + 8
        radius: 6
        color: Qt.rgba(WallTheme.background.r, WallTheme.background.g, WallTheme.background.b, 0.8)

        Text {
            id: attributionText

            anchors.centerIn: parent
            text: map.attribution
            color: WallTheme.textMuted
            font.family: WallTheme.fontFamily
            font.pixelSize: WallTheme.smallPixels
        }
    }

    Text {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: 12
        text: qsTr("City map")
        color: WallTheme.text
        style: Text.Outline
        styleColor: WallTheme.background
        font.family: WallTheme.fontFamily
        font.pixelSize: WallTheme.titlePixels
        font.bold: true
    }
}
