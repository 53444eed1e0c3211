// One open incident, big enough for a finger and readable across the room: severity as colour,
// shape and word; id, hazard and kecamatan; who holds it, how many signals, how long open.
import QtQuick
import QtQuick.Layouts
import Tlr.Briefing

Rectangle {
    id: row

    required property int index
    required property var incidentId
    required property string displayId
    required property string severityKey
    required property string kecamatan
    required property string hazardName // translated by the model (tlr::hazardName)
    required property string holder
    required property string stateName
    required property int signalCount
    required property string age
    property bool current: false

    signal tapped()

    implicitHeight: Math.max(WallTheme.touchTarget, content.implicitHeight + 16)
    radius: 6
    color: row.current ? WallTheme.surfaceRaised : Qt.darker(WallTheme.surface, 1.15)
    border.width: row.current ? 4 : 0
    border.color: WallTheme.accent

    TapHandler {
        onTapped: row.tapped()
    }

    Rectangle { // the severity's colour down the left edge
        width: 10
        height: parent.height
        radius: 3
        color: WallTheme.severityColor(row.severityKey)
    }

    RowLayout {
        id: content

        anchors.fill: parent
        anchors.leftMargin: 22
        anchors.rightMargin: 14
        spacing: 14

        Text {
            Layout.preferredWidth: 160
            text: WallTheme.severityGlyph(row.severityKey) + " "
                  + WallTheme.severityLabel(row.severityKey, WallTheme.language)
            color: WallTheme.severityColor(row.severityKey)
            font.family: WallTheme.fontFamily
            font.pixelSize: WallTheme.smallPixels
            font.bold: true
            elide: Text.ElideRight
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0

            Text {
                Layout.fillWidth: true
                text: (row.hazardName.length > 0 ? row.hazardName + " · " : "") + row.kecamatan
                color: WallTheme.text
                font.family: WallTheme.fontFamily
                font.pixelSize: WallTheme.bodyPixels
                font.bold: true
                elide: Text.ElideRight
            }

            Text {
                Layout.fillWidth: true
                // The id last: what is cut short on a narrow screen matters least.
                text: qsTr("%1 · %2 signals · %3").arg(row.holder).arg(row.signalCount)
                      .arg(row.displayId)
                color: WallTheme.textMuted
                font.family: WallTheme.fontFamily
                font.pixelSize: WallTheme.smallPixels
                elide: Text.ElideRight
            }
        }

        Text { // how long it has been open
            text: row.age
            color: WallTheme.text
            font.family: WallTheme.fontFamily
            font.pixelSize: WallTheme.bodyPixels
        }
    }
}
