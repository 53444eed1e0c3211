<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
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
    <name>tlr::ClockTile</name>
    <message>
        <source>Time</source>
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
    <name>tlr::HeaderBar</name>
    <message>
        <source>Screen %1 of %2</source>
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
</TS>
