// New incidents per hour across the city, each bar split by agency in the colours of the
// agency cards; the last bar is the hour still running. Hours before the wall's history are
// not drawn (an unknown hour is not a zero).
import QtQuick
import QtQuick.Layouts
import Tlr.Briefing

Rectangle {
    id: chart

    required property IncidentTrendModel trend
    required property AgencyKpiModel agencies

    radius: 8
    color: WallTheme.surface

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 14
        spacing: 6

        Text {
            Layout.fillWidth: true
            text: qsTr("New incidents per hour (WIB)")
            color: WallTheme.text
            font.family: WallTheme.fontFamily
            font.pixelSize: WallTheme.titlePixels
            font.bold: true
            elide: Text.ElideRight
        }

        Text {
            Layout.fillWidth: true
            text: (chart.trend.sameHourYesterday < 0
                   ? qsTr("This hour: %1 · yesterday not known yet").arg(chart.trend.current)
                   : qsTr("This hour: %1 · same hour yesterday: %2").arg(chart.trend.current)
                     .arg(chart.trend.sameHourYesterday))
                  + (chart.trend.coverageStart.length > 0
                     ? " · " + qsTr("since %1").arg(chart.trend.coverageStart) : "")
            color: WallTheme.textMuted
            font.family: WallTheme.fontFamily
            font.pixelSize: WallTheme.smallPixels
            elide: Text.ElideRight
        }

        Item {
            id: plot

            readonly property int slots: Math.max(6, hours.count)
            readonly property real slotWidth: width / slots
            readonly property real labelHeight: WallTheme.smallPixels + 6
            readonly property real barArea: height - 2 * labelHeight

            Layout.fillWidth: true
            Layout.fillHeight: true

            Repeater {
                id: hours

                model: chart.trend

                delegate: Item {
                    id: bar

                    required property int index
                    required property string hour
                    required property int total
                    required property var byAgency
                    required property bool current

                    x: index * plot.slotWidth
                    width: plot.slotWidth
                    height: plot.height

                    Text { // the hour's total, over its bar
                        anchors.horizontalCenter: parent.horizontalCenter
                        y: stack.y - height
                        text: bar.total
                        color: bar.current ? WallTheme.text : WallTheme.textMuted
                        font.family: WallTheme.fontFamily
                        font.pixelSize: WallTheme.smallPixels
                        font.bold: bar.current
                    }

                    Column {
                        id: stack

                        anchors.horizontalCenter: parent.horizontalCenter
                        y: plot.labelHeight + plot.barArea - height
                        width: Math.max(6, plot.slotWidth - 12)

                        Repeater { // top to bottom: the last agency first
                            model: bar.byAgency.length

                            delegate: Rectangle {
                                required property int index
                                readonly property int agency: bar.byAgency.length - 1 - index

                                width: stack.width
                                height: chart.trend.maximum > 0
                                        ? plot.barArea * bar.byAgency[agency] / chart.trend.maximum : 0
                                color: WallTheme.seriesColor(agency)
                            }
                        }
                    }

                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        y: plot.height - plot.labelHeight + 4
                        text: bar.hour.slice(0, 2)
                        color: bar.current ? WallTheme.text : WallTheme.textMuted
                        font.family: WallTheme.fontFamily
                        font.pixelSize: WallTheme.smallPixels
                        font.bold: bar.current
                    }
                }
            }

            Rectangle { // the baseline
                y: plot.labelHeight + plot.barArea
                width: plot.width
                height: 2
                color: WallTheme.textMuted
            }
        }
    }
}
