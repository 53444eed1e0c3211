// One agency's key figures: open incidents in large numerals, new ones this hour, live alerts
// waiting (critical ones in the alarm colour, with a word, never colour alone), the median time
// to acknowledge and a bar per hour. Tap, Enter or Space lists the agency's incidents.
import QtQuick
import QtQuick.Layouts
import Tlr.Briefing

FocusScope {
    id: card

    required property string agencyKey
    required property string name
    required property int openIncidents
    required property int unacknowledged
    required property int critical
    required property string medianAcknowledge
    required property int newThisHour
    required property int sameHourYesterday
    required property var hourly

    property color seriesColor: WallTheme.accent
    property bool selected: false

    signal activated()

    activeFocusOnTab: true
    Keys.onReturnPressed: card.activated()
    Keys.onEnterPressed: card.activated()
    Keys.onSpacePressed: card.activated()

    Rectangle {
        anchors.fill: parent
        radius: 8
        color: card.selected ? WallTheme.surfaceRaised : WallTheme.surface
        border.width: card.activeFocus ? 6 : (card.selected ? 4 : 0)
        border.color: card.activeFocus ? WallTheme.text : WallTheme.accent
    }

    Rectangle { // the agency's colour in the trend chart
        x: 0
        y: 12
        width: 10
        height: parent.height - 24
        radius: 4
        color: card.seriesColor
    }

    TapHandler {
        onTapped: {
            card.forceActiveFocus()
            card.activated()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: 22
        anchors.rightMargin: 16
        anchors.topMargin: 12
        anchors.bottomMargin: 12
        spacing: 2

        Text {
            Layout.fillWidth: true
            text: card.name
            color: WallTheme.text
            font.family: WallTheme.fontFamily
            font.pixelSize: WallTheme.titlePixels
            font.bold: true
            elide: Text.ElideRight
        }

        Text {
            objectName: "openIncidents"
            Layout.fillWidth: true
            text: card.openIncidents.toLocaleString(Qt.locale(), "f", 0)
            color: card.openIncidents > 0 ? WallTheme.warning : WallTheme.text
            font.family: WallTheme.fontFamily
            font.pixelSize: WallTheme.numeralPixels
            font.bold: true
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: WallTheme.titlePixels
        }

        Text {
            Layout.fillWidth: true
            text: qsTr("open incidents")
            color: WallTheme.text
            font.family: WallTheme.fontFamily
            font.pixelSize: WallTheme.smallPixels
            elide: Text.ElideRight
        }

        Text {
            Layout.fillWidth: true
            text: card.sameHourYesterday < 0
                  ? qsTr("%1 new this hour").arg(card.newThisHour)
                  : qsTr("%1 new this hour (yesterday %2)").arg(card.newThisHour)
                    .arg(card.sameHourYesterday)
            color: WallTheme.textMuted
            font.family: WallTheme.fontFamily
            font.pixelSize: WallTheme.smallPixels
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }

        Text {
            Layout.fillWidth: true
            text: card.critical > 0
                  ? qsTr("%1 alerts waiting · %2 critical").arg(card.unacknowledged).arg(card.critical)
                  : card.unacknowledged > 0
                    ? qsTr("%1 alerts waiting").arg(card.unacknowledged)
                    : qsTr("No alert waiting")
            color: card.critical > 0 ? WallTheme.severityColor("extreme")
                                     : card.unacknowledged > 0 ? WallTheme.warning : WallTheme.good
            font.family: WallTheme.fontFamily
            font.pixelSize: WallTheme.smallPixels
            font.bold: card.critical > 0
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }

        Text {
            Layout.fillWidth: true
            text: card.medianAcknowledge.length > 0
                  ? qsTr("Acknowledged in %1 (median, 24 h)").arg(card.medianAcknowledge)
                  : qsTr("Nothing acknowledged in 24 h")
            color: WallTheme.textMuted
            font.family: WallTheme.fontFamily
            font.pixelSize: WallTheme.smallPixels
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }

        Row { // new incidents per hour, the last bar the hour still running
            id: bars

            readonly property int peak: Math.max(1, Math.max.apply(null, card.hourly.concat([0])))

            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 24
            Layout.maximumHeight: 80
            spacing: 4

            Repeater {
                model: card.hourly

                delegate: Rectangle {
                    required property int index
                    required property var modelData

                    y: bars.height - height
                    width: Math.max(4, (bars.width - bars.spacing * 11) / 12)
                    height: Math.max(2, bars.height * modelData / bars.peak)
                    color: card.seriesColor
                    opacity: index === card.hourly.length - 1 ? 1.0 : 0.7
                }
            }
        }
    }
}
