<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AgencyCard</name>
    <message>
        <source>open incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new this hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new this hour (yesterday %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 alerts waiting · %2 critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 alerts waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged in %1 (median, 24 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing acknowledged in 24 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertPanelTile</name>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertStatusMark</name>
    <message>
        <source>EXERCISE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SYSTEM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNCONFIRMED</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertStyle</name>
    <message>
        <source>Unacknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared, unacknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedHealthTile</name>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rej.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feeds configured</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedState</name>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverReportDocument</name>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXERCISE/TEST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift handover report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tangerang Live Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made %1 WIB from the wall&apos;s database and audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts are numbered by the wall from 1 each time it starts (starts during this shift: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise and Test alerts are marked %1 and left out of every count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The wire does not yet say when a complaint was followed up: every LAKSA complaint counts as open, and one older than 7 × 24 h as overdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live alerts raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open, unacknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged, still active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgements made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed their time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 handled late)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents resolved or closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-offs between agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise/Test alerts (not counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open alerts, not acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged alerts, still active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shelved alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shelved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who acknowledged what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LAKSA complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not acknowledged in time, escalation level %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no follow-up within 7 × 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed their time (SLA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due or escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Miss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints already past their 7 × 24 h before this shift: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents resolved or closed during the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bounced back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From → to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more not listed here: the less severe, with fewer signals. The wall&apos;s incident list has them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes on incidents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentList</name>
    <message>
        <source>Open incidents of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open incidents, gravest first: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No incident board on this wall</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentRow</name>
    <message>
        <source>%1 · %2 signals · %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>City map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Extreme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineCsvExport</name>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the timeline as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>New incidents per hour (WIB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This hour: %1 · yesterday not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This hour: %1 · same hour yesterday: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::AlertAnnouncer</name>
    <message>
        <source>Critical alert: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical alert: %1, %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::AlertPanelTile</name>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n critical unacknowledged</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>from %1 up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matching &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log in to acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A acknowledge · S shelve · U unshelve · F severity · / search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F severity · / search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts are acknowledged at the supervisor desk, not on this screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an alert first (arrow keys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is logged in at this console: log in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge &quot;%1&quot; — note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shelve &quot;%1&quot; — reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unshelve &quot;%1&quot; — note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgement sent to the shared database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shelve sent to the shared database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unshelve sent to the shared database…</source>
    </message>
    <message>
        <source>%1: saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: NOT recorded yet (%2); trying again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::AlertTableModel</name>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::ChartTile</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data: the %1 feed is down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reports in this window yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data in this window yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale: no new data since %1 WIB (%2 ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History unavailable; live data only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::ChoroplethLayer</name>
    <message>
        <source>%1: %2 open reports per 10,000 residents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::ClockTile</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::DeviceStatus</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::EscalationBanner</name>
    <message>
        <source>%1 ESCALATED · %2 %3 · %4 · unacknowledged for %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No escalated alert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::FeedHealthTile</name>
    <message>
        <source>Feed health</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::HandoverReportAction</name>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::Hazard</name>
    <message>
        <source>Flood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water supply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::HeaderBar</name>
    <message>
        <source>Screen %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in; Shift+F8 logs out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only (F8: log in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is logged in at this console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>executive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::IncidentBrief</name>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: latest %2, highest %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::IncidentBriefWriter</name>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tangerang Live Room · no personal data of reporters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map and nearby resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hospital with free beds, available ambulance or pump station near the incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearby sensors since an hour before the first signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sensor near this incident tells its kind of story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot finish %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::IncidentDossier</name>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accountable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show reporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to act on an incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, %3 (shown to %4, recorded in the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not see reporters&apos; details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no reporter&apos;s details kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reporter&apos;s details could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made %1 WIB by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made %1 WIB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console drives no wall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No monitor shows screen %1 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The brief could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brief written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the action, or a note of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::IncidentTableModel</name>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forwarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 %3, bounced back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accountable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hand-off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::IncidentTimelineModel</name>
    <message>
        <source>the wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2, bounced back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (112)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::KpiTile</name>
    <message>
        <source>Waiting for the alert engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgements and response times come with the Alerts work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No figure is shown until it can be measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday: not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vs. yesterday (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly counts since %1 WIB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data from the feeds yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No live alert in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New this hour: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data from the 112 / LAKSA feed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open within 7 × 24 h · %1 past · %2 due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No follow-up data yet: all open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>112 calls this hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This hour: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unacknowledged alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints within 7 × 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median time to acknowledge 112</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response time by agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>112 calls per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live alerts only; exercises and tests are left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n critical</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>none critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longest waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every live alert has been taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No 112 alert acknowledged in the last 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert acknowledged in the last 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median time to acknowledge, last 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged this hour: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in at this console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled; the administrator can enable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password cannot be checked now (database). See the wall&apos;s log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Next attempt in %n s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tlr::MapTile</name>
    <message>
        <source>City map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::MapWidget</name>
    <message>
        <source>Base map unavailable (%1). Showing the built-in map.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::NearbyCharts</name>
    <message>
        <source>No sensor near this incident tells its kind of story.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::NearbyResourceModel</name>
    <message>
        <source>Hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ambulance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pump station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICU %1 · ER %2 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>about %n min away</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>state unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::NearbySensors</name>
    <message>
        <source>%1 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::NearbySeriesJob</name>
    <message>
        <source>no database: the charts start from live readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store gave no answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::PendingTile</name>
    <message>
        <source>The live city map is not built yet. It arrives with the Map work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live charts are not built yet. They arrive with the Charts and KPIs work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI figures are not built yet. They arrive with the Charts and KPIs work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert panel is not built yet. It arrives with the Alerts work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tile type is not built yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(continues &quot;%1&quot; from another screen)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::PointClusterLayer</name>
    <message numerus="yes">
        <source>%n item(s): click to zoom in</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tlr::PrintChart</name>
    <message>
        <source>No reading in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest reading %1 WIB.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::PublicTimelineModel</name>
    <message>
        <source>(kept for the consoles)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::ReplayBanner</name>
    <message>
        <source>◀◀ REPLAY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to live (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rebuilding… %1 % · Esc: back to live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused · not live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1× · not live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot replay: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::WallApplication</name>
    <message>
        <source>SHARED STATE STALE: the room&apos;s database is unreachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::WallController</name>
    <message>
        <source>Tangerang Live Room — overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the screenshot directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlr::WallPage</name>
    <message>
        <source>The briefing is shown by tlr-wall.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
