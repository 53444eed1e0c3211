<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AgencyCard</name>
    <message>
        <source>open incidents</source>
        <translation>insiden terbuka</translation>
    </message>
    <message>
        <source>%1 new this hour</source>
        <translation>%1 baru jam ini</translation>
    </message>
    <message>
        <source>%1 new this hour (yesterday %2)</source>
        <translation>%1 baru jam ini (kemarin %2)</translation>
    </message>
    <message>
        <source>%1 alerts waiting · %2 critical</source>
        <translation>%1 peringatan menunggu · %2 kritis</translation>
    </message>
    <message>
        <source>%1 alerts waiting</source>
        <translation>%1 peringatan menunggu</translation>
    </message>
    <message>
        <source>No alert waiting</source>
        <translation>Tak ada peringatan</translation>
    </message>
    <message>
        <source>Acknowledged in %1 (median, 24 h)</source>
        <translation>Diakui dalam %1 (median, 24 jam)</translation>
    </message>
    <message>
        <source>Nothing acknowledged in 24 h</source>
        <translation>Tidak ada yang diakui dalam 24 jam</translation>
    </message>
</context>
<context>
    <name>AlertPanelTile</name>
    <message>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Umur</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Ulang</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Peringatan</translation>
    </message>
</context>
<context>
    <name>AlertStatusMark</name>
    <message>
        <source>EXERCISE</source>
        <translation>LATIHAN</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>UJI</translation>
    </message>
    <message>
        <source>SYSTEM</source>
        <translation>SISTEM</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>DRAF</translation>
    </message>
    <message>
        <source>UNCONFIRMED</source>
        <translation>BELUM PASTI</translation>
    </message>
</context>
<context>
    <name>AlertStyle</name>
    <message>
        <source>Unacknowledged</source>
        <translation>Belum diakui</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Diakui</translation>
    </message>
    <message>
        <source>Cleared, unacknowledged</source>
        <translation>Pulih, belum diakui</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>Ditunda</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Tidak diketahui</translation>
    </message>
</context>
<context>
    <name>FeedHealthTile</name>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Umpan</translation>
    </message>
    <message>
        <source>per min</source>
        <translation>per mnt</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Umur</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Celah</translation>
    </message>
    <message>
        <source>Rej.</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <source>No feeds configured</source>
        <translation>Tidak ada umpan data</translation>
    </message>
</context>
<context>
    <name>FeedState</name>
    <message>
        <source>up</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>basi</translation>
    </message>
    <message>
        <source>down</source>
        <translation>putus</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>tunggu</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tak diketahui</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 dtk</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 mnt</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 jam</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 hr</translation>
    </message>
</context>
<context>
    <name>HandoverReportDocument</name>
    <message>
        <source>%1 min</source>
        <translation>%1 mnt</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 j %2 mnt</translation>
    </message>
    <message>
        <source>EXERCISE/TEST</source>
        <translation>LATIHAN/UJI</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Tidak ada.</translation>
    </message>
    <message>
        <source>Shift handover report</source>
        <translation>Laporan serah terima shift</translation>
    </message>
    <message>
        <source>Tangerang Live Room</source>
        <translation>Tangerang Live Room</translation>
    </message>
    <message>
        <source>Made %1 WIB from the wall&apos;s database and audit log.</source>
        <translation>Dibuat %1 WIB dari basis data dan log audit dinding.</translation>
    </message>
    <message>
        <source>Alerts are numbered by the wall from 1 each time it starts (starts during this shift: %1).</source>
        <translation>Peringatan dinomori dinding mulai dari 1 setiap kali dinding dijalankan (dijalankan selama shift ini: %1).</translation>
    </message>
    <message>
        <source>Exercise and Test alerts are marked %1 and left out of every count.</source>
        <translation>Peringatan latihan dan uji ditandai %1 dan tidak dihitung.</translation>
    </message>
    <message>
        <source>The wire does not yet say when a complaint was followed up: every LAKSA complaint counts as open, and one older than 7 × 24 h as overdue.</source>
        <translation>Data masuk belum memuat kapan pengaduan ditindaklanjuti: setiap pengaduan LAKSA dihitung terbuka, dan yang lebih dari 7 × 24 jam dihitung terlambat.</translation>
    </message>
    <message>
        <source>Live alerts raised</source>
        <translation>Peringatan nyata yang muncul</translation>
    </message>
    <message>
        <source>Open, unacknowledged</source>
        <translation>Terbuka, belum diakui</translation>
    </message>
    <message>
        <source>Acknowledged, still active</source>
        <translation>Diakui, masih aktif</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>Ditunda</translation>
    </message>
    <message>
        <source>Acknowledgements made</source>
        <translation>Pengakuan yang dibuat</translation>
    </message>
    <message>
        <source>Missed their time</source>
        <translation>Melewati batas waktu</translation>
    </message>
    <message>
        <source>%1 (%2 handled late)</source>
        <translation>%1 (%2 ditangani terlambat)</translation>
    </message>
    <message>
        <source>Incidents open</source>
        <translation>Insiden terbuka</translation>
    </message>
    <message>
        <source>Incidents resolved or closed</source>
        <translation>Insiden selesai atau ditutup</translation>
    </message>
    <message>
        <source>Hand-offs between agencies</source>
        <translation>Serah terima antar-OPD</translation>
    </message>
    <message>
        <source>Exercise/Test alerts (not counted)</source>
        <translation>Peringatan latihan/uji (tidak dihitung)</translation>
    </message>
    <message>
        <source>Open alerts, not acknowledged</source>
        <translation>Peringatan terbuka, belum diakui</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Muncul</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Eskalasi</translation>
    </message>
    <message>
        <source>Acknowledged alerts, still active</source>
        <translation>Peringatan diakui, masih aktif</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Diakui oleh</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Pada</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Shelved alerts</source>
        <translation>Peringatan ditunda</translation>
    </message>
    <message>
        <source>Shelved by</source>
        <translation>Ditunda oleh</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Insiden</translation>
    </message>
    <message>
        <source>Who acknowledged what</source>
        <translation>Siapa mengakui apa</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Setelah</translation>
    </message>
    <message>
        <source>LAKSA complaint</source>
        <translation>Pengaduan LAKSA</translation>
    </message>
    <message>
        <source>not acknowledged in time, escalation level %1</source>
        <translation>tidak diakui tepat waktu, eskalasi tingkat %1</translation>
    </message>
    <message>
        <source>no follow-up within 7 × 24 h</source>
        <translation>tanpa tindak lanjut dalam 7 × 24 jam</translation>
    </message>
    <message>
        <source>acknowledged %1</source>
        <translation>diakui %1</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>belum</translation>
    </message>
    <message>
        <source>Missed their time (SLA)</source>
        <translation>Melewati batas waktu (SLA)</translation>
    </message>
    <message>
        <source>Due or escalated</source>
        <translation>Jatuh tempo atau eskalasi</translation>
    </message>
    <message>
        <source>Miss</source>
        <translation>Pelanggaran</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Ditangani</translation>
    </message>
    <message>
        <source>Complaints already past their 7 × 24 h before this shift: %1.</source>
        <translation>Pengaduan yang sudah lewat 7 × 24 jam sebelum shift ini: %1.</translation>
    </message>
    <message>
        <source>bounced</source>
        <translation>dipantulkan</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Dipegang oleh</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sejak</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Sinyal</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>Insiden terbuka</translation>
    </message>
    <message>
        <source>Incidents resolved or closed during the shift</source>
        <translation>Insiden selesai atau ditutup selama shift</translation>
    </message>
    <message>
        <source>bounced back</source>
        <translation>dikembalikan</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Dari → ke</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>tidak dapat menulis %1: %2</translation>
    </message>
    <message>
        <source>%1 more not listed here: the less severe, with fewer signals. The wall&apos;s incident list has them all.</source>
        <translation>%1 lainnya tidak dicantumkan di sini: yang kurang parah, dengan sinyal lebih sedikit. Daftar insiden di dinding memuat semuanya.</translation>
    </message>
    <message>
        <source>Notes on incidents</source>
        <translation>Catatan pada insiden</translation>
    </message>
</context>
<context>
    <name>IncidentList</name>
    <message>
        <source>Open incidents of %1: %2</source>
        <translation>Insiden terbuka %1: %2</translation>
    </message>
    <message>
        <source>Open incidents, gravest first: %1</source>
        <translation>Insiden terbuka, terberat di atas: %1</translation>
    </message>
    <message>
        <source>No open incident</source>
        <translation>Tidak ada insiden terbuka</translation>
    </message>
    <message>
        <source>No incident board on this wall</source>
        <translation>Dinding ini tidak memiliki papan insiden</translation>
    </message>
</context>
<context>
    <name>IncidentRow</name>
    <message>
        <source>%1 · %2 signals · %3</source>
        <translation>%1 · %2 sinyal · %3</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>City map</source>
        <translation>Peta kota</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Extreme</source>
        <translation>Ekstrem</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>Parah</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Sedang</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Ringan</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Tak diketahui</translation>
    </message>
</context>
<context>
    <name>TimelineCsvExport</name>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>Export the timeline as CSV</source>
        <translation>Ekspor lini masa sebagai CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Ekspor CSV</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>tidak dapat menulis %1: %2</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>New incidents per hour (WIB)</source>
        <translation>Insiden baru per jam (WIB)</translation>
    </message>
    <message>
        <source>This hour: %1 · yesterday not known yet</source>
        <translation>Jam ini: %1 · kemarin belum diketahui</translation>
    </message>
    <message>
        <source>This hour: %1 · same hour yesterday: %2</source>
        <translation>Jam ini: %1 · jam yang sama kemarin: %2</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>sejak %1</translation>
    </message>
</context>
<context>
    <name>tlr::AlertAnnouncer</name>
    <message>
        <source>Critical alert: %1.</source>
        <translation>Peringatan kritis: %1.</translation>
    </message>
    <message>
        <source>Critical alert: %1, %2.</source>
        <translation>Peringatan kritis: %1, %2.</translation>
    </message>
</context>
<context>
    <name>tlr::AlertPanelTile</name>
    <message>
        <source>Alerts</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>30 min</source>
        <translation>30 menit</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 jam</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 jam</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 jam</translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>%n ditampilkan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged</source>
        <translation>
            <numerusform>%n belum diakui</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n critical unacknowledged</source>
        <translation>
            <numerusform>%n kritis belum diakui</numerusform>
        </translation>
    </message>
    <message>
        <source>from %1 up</source>
        <translation>mulai %1</translation>
    </message>
    <message>
        <source>matching &quot;%1&quot;</source>
        <translation>cocok &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 on duty</source>
        <translation>%1 bertugas</translation>
    </message>
    <message>
        <source>log in to acknowledge</source>
        <translation>masuk untuk mengakui</translation>
    </message>
    <message>
        <source>A acknowledge · S shelve · U unshelve · F severity · / search</source>
        <translation>A akui · S tunda · U batal tunda · F tingkat · / cari</translation>
    </message>
    <message>
        <source>F severity · / search</source>
        <translation>F tingkat · / cari</translation>
    </message>
    <message>
        <source>Alerts are acknowledged at the supervisor desk, not on this screen.</source>
        <translation>Peringatan diakui di meja supervisor, bukan di layar ini.</translation>
    </message>
    <message>
        <source>Select an alert first (arrow keys).</source>
        <translation>Pilih peringatan dulu (tombol panah).</translation>
    </message>
    <message>
        <source>Nobody is logged in at this console: log in first.</source>
        <translation>Belum ada yang masuk di konsol ini: masuk dulu.</translation>
    </message>
    <message>
        <source>Acknowledge &quot;%1&quot; — note:</source>
        <translation>Akui &quot;%1&quot; — catatan:</translation>
    </message>
    <message>
        <source>Shelve &quot;%1&quot; — reason:</source>
        <translation>Tunda &quot;%1&quot; — alasan:</translation>
    </message>
    <message>
        <source>Unshelve &quot;%1&quot; — note:</source>
        <translation>Batal tunda &quot;%1&quot; — catatan:</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>Cari:</translation>
    </message>
    <message>
        <source>%1: %2 by %3</source>
        <translation>%1: %2 oleh %3</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Selesai.</translation>
    </message>
    <message>
        <source>Acknowledgement sent to the shared database…</source>
        <translation>Pengakuan dikirim ke basis data bersama…</translation>
    </message>
    <message>
        <source>Shelve sent to the shared database…</source>
        <translation>Penundaan dikirim ke basis data bersama…</translation>
    </message>
    <message>
        <source>Unshelve sent to the shared database…</source>
        <translation>Batal tunda dikirim ke basis data bersama…</translation>
    </message>
    <message>
        <source>%1: saving…</source>
        <translation>%1: menyimpan…</translation>
    </message>
    <message>
        <source>%1 (recorded)</source>
        <translation>%1 (tercatat)</translation>
    </message>
    <message>
        <source>%1: NOT recorded yet (%2); trying again</source>
        <translation>%1: BELUM tercatat (%2); dicoba lagi</translation>
    </message>
</context>
<context>
    <name>tlr::AlertTableModel</name>
    <message>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Umur</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Ulang</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Peringatan</translation>
    </message>
</context>
<context>
    <name>tlr::ChartTile</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n dtk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n mnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n jam</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation>Memuat riwayat…</translation>
    </message>
    <message>
        <source>No data: the %1 feed is down</source>
        <translation>Tidak ada data: umpan %1 mati</translation>
    </message>
    <message>
        <source>No data in this window yet</source>
        <translation>Belum ada data dalam rentang ini</translation>
    </message>
    <message>
        <source>No reports in this window yet</source>
        <translation>Belum ada laporan dalam rentang ini</translation>
    </message>
    <message>
        <source>Stale: no new data since %1 WIB (%2 ago)</source>
        <translation>Basi: tidak ada data baru sejak %1 WIB (%2 lalu)</translation>
    </message>
    <message>
        <source>History unavailable; live data only</source>
        <translation>Riwayat tidak tersedia; hanya data langsung</translation>
    </message>
</context>
<context>
    <name>tlr::ChoroplethLayer</name>
    <message>
        <source>%1: %2 open reports per 10,000 residents</source>
        <translation>%1: %2 laporan terbuka per 10.000 penduduk</translation>
    </message>
</context>
<context>
    <name>tlr::ClockTile</name>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
</context>
<context>
    <name>tlr::DeviceStatus</name>
    <message>
        <source>running</source>
        <translation>beroperasi</translation>
    </message>
    <message>
        <source>standby</source>
        <translation>siaga</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>berhenti</translation>
    </message>
    <message>
        <source>fault</source>
        <translation>gangguan</translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation>perawatan</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>baik</translation>
    </message>
    <message>
        <source>online</source>
        <translation>daring</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>luring</translation>
    </message>
    <message>
        <source>available</source>
        <translation>tersedia</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>menganggur</translation>
    </message>
    <message>
        <source>parked</source>
        <translation>di pangkalan</translation>
    </message>
    <message>
        <source>on the way</source>
        <translation>dalam perjalanan</translation>
    </message>
    <message>
        <source>at the scene</source>
        <translation>di lokasi</translation>
    </message>
    <message>
        <source>to hospital</source>
        <translation>menuju rumah sakit</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>dilaporkan</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>selesai</translation>
    </message>
</context>
<context>
    <name>tlr::EscalationBanner</name>
    <message>
        <source>%1 ESCALATED · %2 %3 · %4 · unacknowledged for %5</source>
        <translation>%1 ESKALASI · %2 %3 · %4 · belum diakui selama %5</translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation>
            <numerusform>(+%n lainnya)</numerusform>
        </translation>
    </message>
    <message>
        <source>No escalated alert</source>
        <translation>Tidak ada peringatan tereskalasi</translation>
    </message>
</context>
<context>
    <name>tlr::FeedHealthTile</name>
    <message>
        <source>Feed health</source>
        <translation>Kesehatan umpan data</translation>
    </message>
</context>
<context>
    <name>tlr::HandoverReportAction</name>
    <message>
        <source>cannot create %1</source>
        <translation>tidak dapat membuat %1</translation>
    </message>
</context>
<context>
    <name>tlr::Hazard</name>
    <message>
        <source>Flood</source>
        <translation>Banjir</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Lalu lintas</translation>
    </message>
    <message>
        <source>Fire</source>
        <translation>Kebakaran</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Kesehatan</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Keamanan</translation>
    </message>
    <message>
        <source>Water supply</source>
        <translation>Air bersih</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Lingkungan</translation>
    </message>
</context>
<context>
    <name>tlr::HeaderBar</name>
    <message>
        <source>Screen %1 of %2</source>
        <translation>Layar %1 dari %2</translation>
    </message>
    <message>
        <source>Logged in; Shift+F8 logs out</source>
        <translation>Sudah masuk; Shift+F8 untuk keluar</translation>
    </message>
    <message>
        <source>read-only (F8: log in)</source>
        <translation>hanya-baca (F8: masuk)</translation>
    </message>
    <message>
        <source>Nobody is logged in at this console</source>
        <translation>Belum ada yang masuk di konsol ini</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>executive</source>
        <translation>pimpinan</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
</context>
<context>
    <name>tlr::IncidentBrief</name>
    <message>
        <source>no data</source>
        <translation>tidak ada data</translation>
    </message>
    <message>
        <source>%1: latest %2, highest %3</source>
        <translation>%1: terakhir %2, tertinggi %3</translation>
    </message>
</context>
<context>
    <name>tlr::IncidentBriefWriter</name>
    <message>
        <source>Page %1</source>
        <translation>Halaman %1</translation>
    </message>
    <message>
        <source>Tangerang Live Room · no personal data of reporters</source>
        <translation>Tangerang Live Room · tanpa data pribadi pelapor</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>tidak dapat menulis %1</translation>
    </message>
    <message>
        <source>Incident brief</source>
        <translation>Ringkasan insiden</translation>
    </message>
    <message>
        <source>Map and nearby resources</source>
        <translation>Peta dan sumber daya terdekat</translation>
    </message>
    <message>
        <source>No hospital with free beds, available ambulance or pump station near the incident.</source>
        <translation>Tidak ada rumah sakit dengan tempat tidur kosong, ambulans siap, atau rumah pompa di dekat insiden.</translation>
    </message>
    <message>
        <source>Nearby sensors since an hour before the first signal</source>
        <translation>Sensor terdekat sejak satu jam sebelum sinyal pertama</translation>
    </message>
    <message>
        <source>No sensor near this incident tells its kind of story.</source>
        <translation>Tidak ada sensor di dekat insiden ini yang relevan dengan jenis kejadiannya.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Linimasa</translation>
    </message>
    <message>
        <source>cannot finish %1</source>
        <translation>tidak dapat menyelesaikan %1</translation>
    </message>
</context>
<context>
    <name>tlr::IncidentDossier</name>
    <message>
        <source>%1 min</source>
        <translation>%1 mnt</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 j %2 mnt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Accountable</source>
        <translation>Penanggung jawab</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Open for</source>
        <translation>Terbuka selama</translation>
    </message>
    <message>
        <source>Show reporter</source>
        <translation>Tampilkan pelapor</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Akui</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Teruskan</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Selesaikan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Incident %1</source>
        <translation>Insiden %1</translation>
    </message>
    <message>
        <source>done after %1</source>
        <translation>selesai setelah %1</translation>
    </message>
    <message>
        <source>Log in to act on an incident.</source>
        <translation>Masuk dulu untuk menindaklanjuti insiden.</translation>
    </message>
    <message>
        <source>Acknowledged.</source>
        <translation>Diakui.</translation>
    </message>
    <message>
        <source>Forwarded to %1.</source>
        <translation>Diteruskan ke %1.</translation>
    </message>
    <message>
        <source>Resolved.</source>
        <translation>Diselesaikan.</translation>
    </message>
    <message>
        <source>Closed.</source>
        <translation>Ditutup.</translation>
    </message>
    <message>
        <source>%1: %2, %3 (shown to %4, recorded in the audit log)</source>
        <translation>%1: %2, %3 (ditampilkan kepada %4, tercatat di log audit)</translation>
    </message>
    <message>
        <source>Your role may not see reporters&apos; details.</source>
        <translation>Peran Anda tidak boleh melihat data pelapor.</translation>
    </message>
    <message>
        <source>%1: no reporter&apos;s details kept.</source>
        <translation>%1: tidak ada data pelapor yang disimpan.</translation>
    </message>
    <message>
        <source>The reporter&apos;s details could not be read: %1</source>
        <translation>Data pelapor tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>PDF brief</source>
        <translation>Ringkasan PDF</translation>
    </message>
    <message>
        <source>Send to wall</source>
        <translation>Kirim ke dinding</translation>
    </message>
    <message>
        <source>Screen %1: %2</source>
        <translation>Layar %1: %2</translation>
    </message>
    <message>
        <source>Made %1 WIB by %2</source>
        <translation>Dibuat %1 WIB oleh %2</translation>
    </message>
    <message>
        <source>Made %1 WIB</source>
        <translation>Dibuat %1 WIB</translation>
    </message>
    <message>
        <source>First signal</source>
        <translation>Sinyal pertama</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Sinyal</translation>
    </message>
    <message>
        <source>This console drives no wall.</source>
        <translation>Konsol ini tidak mengendalikan dinding.</translation>
    </message>
    <message>
        <source>No monitor shows screen %1 now.</source>
        <translation>Tidak ada monitor yang menampilkan layar %1 saat ini.</translation>
    </message>
    <message>
        <source>The brief could not be written: %1</source>
        <translation>Ringkasan tidak dapat ditulis: %1</translation>
    </message>
    <message>
        <source>Brief written to %1</source>
        <translation>Ringkasan ditulis ke %1</translation>
    </message>
    <message>
        <source>Note for the action, or a note of its own</source>
        <translation>Catatan untuk tindakan, atau catatan tersendiri</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Tambah catatan</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Catatan ditambahkan.</translation>
    </message>
</context>
<context>
    <name>tlr::IncidentTableModel</name>
    <message>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>diakui</translation>
    </message>
    <message>
        <source>forwarded</source>
        <translation>diteruskan</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>ditutup</translation>
    </message>
    <message>
        <source>Live Room</source>
        <translation>Live Room</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 mnt</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 j %2 mnt</translation>
    </message>
    <message>
        <source>%1 → %2 %3, bounced back</source>
        <translation>%1 → %2 %3, dikembalikan</translation>
    </message>
    <message>
        <source>%1 → %2 %3</source>
        <translation>%1 → %2 %3</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Insiden</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Accountable</source>
        <translation>Penanggung jawab</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Sinyal</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Umur</translation>
    </message>
    <message>
        <source>Last hand-off</source>
        <translation>Serah terima terakhir</translation>
    </message>
</context>
<context>
    <name>tlr::IncidentTimelineModel</name>
    <message>
        <source>the wall</source>
        <translation>sistem</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 di %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 → %2, bounced back</source>
        <translation>%1 → %2, dikembalikan</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Pengamatan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hand-off</source>
        <translation>Serah terima</translation>
    </message>
    <message>
        <source>%1 (112)</source>
        <translation>%1 (112)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Siapa</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
</context>
<context>
    <name>tlr::KpiTile</name>
    <message>
        <source>Waiting for the alert engine</source>
        <translation>Menunggu mesin peringatan</translation>
    </message>
    <message>
        <source>Acknowledgements and response times come with the Alerts work.</source>
        <translation>Penerimaan dan waktu respons hadir bersama pekerjaan Peringatan.</translation>
    </message>
    <message>
        <source>No figure is shown until it can be measured.</source>
        <translation>Tidak ada angka ditampilkan sampai dapat diukur.</translation>
    </message>
    <message>
        <source>yesterday: not known yet</source>
        <translation>kemarin: belum diketahui</translation>
    </message>
    <message>
        <source>vs. yesterday (%1)</source>
        <translation>dibanding kemarin (%1)</translation>
    </message>
    <message>
        <source>Hourly counts since %1 WIB</source>
        <translation>Hitungan per jam sejak %1 WIB</translation>
    </message>
    <message>
        <source>No data from the feeds yet</source>
        <translation>Belum ada data dari umpan</translation>
    </message>
    <message>
        <source>No live alert in force</source>
        <translation>Tidak ada peringatan aktif</translation>
    </message>
    <message>
        <source>New this hour: %1</source>
        <translation>Baru jam ini: %1</translation>
    </message>
    <message>
        <source>No data from the 112 / LAKSA feed yet</source>
        <translation>Belum ada data dari umpan 112 / LAKSA</translation>
    </message>
    <message>
        <source>open within 7 × 24 h · %1 past · %2 due today</source>
        <translation>terbuka dalam 7 × 24 jam · %1 lewat · %2 jatuh tempo hari ini</translation>
    </message>
    <message>
        <source>No follow-up data yet: all open</source>
        <translation>Belum ada data tindak lanjut: semua terbuka</translation>
    </message>
    <message>
        <source>112 calls this hour</source>
        <translation>panggilan 112 jam ini</translation>
    </message>
    <message>
        <source>This hour: %1</source>
        <translation>Jam ini: %1</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>Insiden terbuka</translation>
    </message>
    <message>
        <source>Unacknowledged alerts</source>
        <translation>Peringatan belum diterima</translation>
    </message>
    <message>
        <source>Complaints within 7 × 24 h</source>
        <translation>Pengaduan dalam 7 × 24 jam</translation>
    </message>
    <message>
        <source>Median time to acknowledge 112</source>
        <translation>Median waktu terima panggilan 112</translation>
    </message>
    <message>
        <source>Response time by agency</source>
        <translation>Waktu respons per dinas</translation>
    </message>
    <message>
        <source>112 calls per hour</source>
        <translation>Panggilan 112 per jam</translation>
    </message>
    <message>
        <source>Live alerts only; exercises and tests are left out</source>
        <translation>Hanya peringatan nyata; latihan dan uji tidak dihitung</translation>
    </message>
    <message numerus="yes">
        <source>%n critical</source>
        <translation>
            <numerusform>%n kritis</numerusform>
        </translation>
    </message>
    <message>
        <source>none critical</source>
        <translation>tidak ada yang kritis</translation>
    </message>
    <message>
        <source>longest waiting: %1</source>
        <translation>terlama menunggu: %1</translation>
    </message>
    <message>
        <source>every live alert has been taken</source>
        <translation>semua peringatan sudah ditangani</translation>
    </message>
    <message>
        <source>No 112 alert acknowledged in the last 24 h</source>
        <translation>Belum ada peringatan 112 yang diakui dalam 24 jam terakhir</translation>
    </message>
    <message>
        <source>No alert acknowledged in the last 24 h</source>
        <translation>Belum ada peringatan yang diakui dalam 24 jam terakhir</translation>
    </message>
    <message>
        <source>median time to acknowledge, last 24 h</source>
        <translation>median waktu pengakuan, 24 jam terakhir</translation>
    </message>
    <message>
        <source>No open incident</source>
        <translation>Tidak ada insiden terbuka</translation>
    </message>
    <message>
        <source>Acknowledged this hour: %1</source>
        <translation>Diakui jam ini: %1</translation>
    </message>
</context>
<context>
    <name>tlr::LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Log in at this console</source>
        <translation>Masuk di konsol ini</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Wrong name or password.</source>
        <translation>Nama atau kata sandi salah.</translation>
    </message>
    <message>
        <source>This account is disabled; the administrator can enable it.</source>
        <translation>Akun ini dinonaktifkan; admin dapat mengaktifkannya kembali.</translation>
    </message>
    <message>
        <source>The password cannot be checked now (database). See the wall&apos;s log.</source>
        <translation>Kata sandi tidak dapat diperiksa sekarang (basis data). Lihat log dinding.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message numerus="yes">
        <source>Next attempt in %n s.</source>
        <translation>
            <numerusform>Coba lagi dalam %n dtk.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tlr::MapTile</name>
    <message>
        <source>City map</source>
        <translation>Peta kota</translation>
    </message>
</context>
<context>
    <name>tlr::MapWidget</name>
    <message>
        <source>Base map unavailable (%1). Showing the built-in map.</source>
        <translation>Peta dasar tidak tersedia (%1). Menampilkan peta bawaan.</translation>
    </message>
</context>
<context>
    <name>tlr::NearbyCharts</name>
    <message>
        <source>No sensor near this incident tells its kind of story.</source>
        <translation>Tidak ada sensor di dekat insiden ini yang relevan dengan jenis kejadiannya.</translation>
    </message>
</context>
<context>
    <name>tlr::NearbyResourceModel</name>
    <message>
        <source>Hospital</source>
        <translation>Rumah sakit</translation>
    </message>
    <message>
        <source>Ambulance</source>
        <translation>Ambulans</translation>
    </message>
    <message>
        <source>Pump station</source>
        <translation>Rumah pompa</translation>
    </message>
    <message>
        <source>ICU %1 · ER %2 free</source>
        <translation>ICU %1 · IGD %2 kosong</translation>
    </message>
    <message numerus="yes">
        <source>about %n min away</source>
        <translation>
            <numerusform>sekitar %n menit</numerusform>
        </translation>
    </message>
    <message>
        <source>state unknown</source>
        <translation>keadaan tidak diketahui</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Sumber daya</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Jarak</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Tersedia</translation>
    </message>
</context>
<context>
    <name>tlr::NearbySensors</name>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
</context>
<context>
    <name>tlr::NearbySeriesJob</name>
    <message>
        <source>no database: the charts start from live readings</source>
        <translation>tanpa basis data: grafik mulai dari pembacaan langsung</translation>
    </message>
    <message>
        <source>the store gave no answer</source>
        <translation>penyimpanan tidak menjawab</translation>
    </message>
</context>
<context>
    <name>tlr::PendingTile</name>
    <message>
        <source>The live city map is not built yet. It arrives with the Map work.</source>
        <translation>Peta kota langsung belum tersedia. Hadir bersama pekerjaan Peta.</translation>
    </message>
    <message>
        <source>Live charts are not built yet. They arrive with the Charts and KPIs work.</source>
        <translation>Grafik langsung belum tersedia. Hadir bersama pekerjaan Grafik dan KPI.</translation>
    </message>
    <message>
        <source>KPI figures are not built yet. They arrive with the Charts and KPIs work.</source>
        <translation>Angka KPI belum tersedia. Hadir bersama pekerjaan Grafik dan KPI.</translation>
    </message>
    <message>
        <source>The alert panel is not built yet. It arrives with the Alerts work.</source>
        <translation>Panel peringatan belum tersedia. Hadir bersama pekerjaan Peringatan.</translation>
    </message>
    <message>
        <source>This tile type is not built yet.</source>
        <translation>Jenis ubin ini belum tersedia.</translation>
    </message>
    <message>
        <source>(continues &quot;%1&quot; from another screen)</source>
        <translation>(lanjutan &quot;%1&quot; dari layar lain)</translation>
    </message>
</context>
<context>
    <name>tlr::PointClusterLayer</name>
    <message numerus="yes">
        <source>%n item(s): click to zoom in</source>
        <translation>
            <numerusform>%n titik: klik untuk memperbesar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tlr::PrintChart</name>
    <message>
        <source>No reading in this window.</source>
        <translation>Tidak ada pembacaan dalam rentang ini.</translation>
    </message>
    <message>
        <source>Latest reading %1 WIB.</source>
        <translation>Pembacaan terakhir %1 WIB.</translation>
    </message>
</context>
<context>
    <name>tlr::PublicTimelineModel</name>
    <message>
        <source>(kept for the consoles)</source>
        <translation>(hanya untuk konsol)</translation>
    </message>
</context>
<context>
    <name>tlr::ReplayBanner</name>
    <message>
        <source>◀◀ REPLAY</source>
        <translation>◀◀ PUTAR ULANG</translation>
    </message>
    <message>
        <source>Back to live (Esc)</source>
        <translation>Kembali ke siaran langsung (Esc)</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ Jeda</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Putar</translation>
    </message>
    <message>
        <source>rebuilding… %1 % · Esc: back to live</source>
        <translation>menyusun ulang… %1 % · Esc: kembali ke siaran langsung</translation>
    </message>
    <message>
        <source>paused · not live</source>
        <translation>dijeda · bukan siaran langsung</translation>
    </message>
    <message>
        <source>%1× · not live</source>
        <translation>%1× · bukan siaran langsung</translation>
    </message>
    <message>
        <source>cannot replay: %1</source>
        <translation>tidak dapat memutar ulang: %1</translation>
    </message>
</context>
<context>
    <name>tlr::WallApplication</name>
    <message>
        <source>SHARED STATE STALE: the room&apos;s database is unreachable</source>
        <translation>STATUS BERSAMA USANG: basis data ruang kendali tidak dapat dihubungi</translation>
    </message>
</context>
<context>
    <name>tlr::WallController</name>
    <message>
        <source>Tangerang Live Room — overview</source>
        <translation>Tangerang Live Room — ikhtisar</translation>
    </message>
    <message>
        <source>cannot create the screenshot directory %1</source>
        <translation>tidak dapat membuat direktori tangkapan layar %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>tidak dapat menulis %1</translation>
    </message>
</context>
<context>
    <name>tlr::WallPage</name>
    <message>
        <source>The briefing is shown by tlr-wall.</source>
        <translation>Ringkasan ditampilkan oleh tlr-wall.</translation>
    </message>
</context>
</TS>
