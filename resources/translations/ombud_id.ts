<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Application</name>
    <message>
        <location filename="../../ombud_desktop/ui/app.py" line="209"/>
        <source>Your key is ready: %1</source>
        <translation>Kunci Anda sudah siap: %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/app.py" line="307"/>
        <source>Ombud Desktop – sample workspace (demo data)</source>
        <translation>Ombud Desktop – ruang kerja contoh (data demo)</translation>
    </message>
</context>
<context>
    <name>AssessmentTableModel</name>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="84"/>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="85"/>
        <source>Complete</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="86"/>
        <source>Signed</source>
        <translation>Ditandatangani</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="97"/>
        <source>⚠ %n conflict(s)</source>
        <translation>⚠ %n konflik</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="100"/>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="101"/>
        <source>Returned</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="113"/>
        <source>Approved by %1, %2</source>
        <translation>Disetujui oleh %1, %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="114"/>
        <source>Returned for correction by %1, %2</source>
        <translation>Dikembalikan untuk perbaikan oleh %1, %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="291"/>
        <source>Entity</source>
        <translation>Entitas</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="292"/>
        <source>Locus</source>
        <translation>Lokus</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="293"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="294"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="295"/>
        <source>Progress</source>
        <translation>Progres</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="296"/>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="297"/>
        <source>Grade</source>
        <translation>Predikat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="298"/>
        <source>Review</source>
        <translation>Tinjauan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="366"/>
        <source>{grade} (provisional)</source>
        <translation>{grade} (sementara)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="373"/>
        <source>Provisional: %n thing(s) still missing before the assessment is complete.</source>
        <translation>Sementara: masih kurang %n hal sebelum penilaian selesai.</translation>
    </message>
</context>
<context>
    <name>AssessmentView</name>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="227"/>
        <source>Process (display)</source>
        <translation>Proses (keterpampangan)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="228"/>
        <source>Input: role interviews</source>
        <translation>Input: wawancara jabatan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="229"/>
        <source>Input: facilities</source>
        <translation>Input: sarana prasarana</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="230"/>
        <source>Output: service users</source>
        <translation>Output: pengguna layanan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="231"/>
        <source>Complaint handling</source>
        <translation>Pengelolaan pengaduan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="232"/>
        <source>Products observed</source>
        <translation>Produk yang diamati</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="241"/>
        <source>Service users</source>
        <translation>Pengguna layanan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="249"/>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="259"/>
        <source>← Assessments</source>
        <translation>← Daftar penilaian</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="307"/>
        <source>◀ Previous</source>
        <translation>◀ Sebelumnya</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="308"/>
        <source>PageUp or Alt+Left</source>
        <translation>PageUp atau Alt+←</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="310"/>
        <source>Next ▶</source>
        <translation>Berikutnya ▶</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="311"/>
        <source>PageDown, Enter or Alt+Right</source>
        <translation>PageDown, Enter atau Alt+→</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="459"/>
        <source>Reopen…</source>
        <translation>Buka kembali…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="460"/>
        <source>Complete: locked</source>
        <translation>Selesai: terkunci</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="462"/>
        <source>Finish</source>
        <translation>Selesaikan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="463"/>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="474"/>
        <source>Supervisor&apos;s comment: %1</source>
        <translation>Komentar supervisor: %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="486"/>
        <source>Reopen</source>
        <translation>Buka kembali</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="486"/>
        <source>Why must this assessment be changed?</source>
        <translation>Mengapa penilaian ini perlu diubah?</translation>
    </message>
</context>
<context>
    <name>ConflictListModel</name>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="252"/>
        <source>Entity › locus</source>
        <translation>Entitas › lokus</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="253"/>
        <source>Answer</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="254"/>
        <source>Versions</source>
        <translation>Versi</translation>
    </message>
</context>
<context>
    <name>ConflictsWindow</name>
    <message>
        <location filename="../../ombud_desktop/ui/conflicts.py" line="201"/>
        <source>Conflicts · Ombud Desktop</source>
        <translation>Konflik · Ombud Desktop</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/conflicts.py" line="259"/>
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n konflik terbuka</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/conflicts.py" line="297"/>
        <source>Another value</source>
        <translation>Nilai lain</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="144"/>
        <source>Search entity</source>
        <translation>Cari entitas</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="146"/>
        <source>With phone numbers (personal data)</source>
        <translation>Dengan nomor telepon (data pribadi)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="148"/>
        <source>Add the service users&apos; phone numbers to the workbook, marked as personal data</source>
        <translation>Sertakan nomor telepon pengguna layanan dalam berkas, ditandai sebagai data pribadi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="150"/>
        <source>&amp;Export to Excel…</source>
        <translation>&amp;Ekspor ke Excel…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="152"/>
        <source>Save entities, loci, service users and the instrument as a workbook</source>
        <translation>Simpan entitas, lokus, pengguna layanan dan instrumen sebagai berkas Excel</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="154"/>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="156"/>
        <source>P&amp;rovince:</source>
        <translation>P&amp;rovinsi:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="158"/>
        <source>&amp;Category:</source>
        <translation>&amp;Kategori:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="107"/>
        <source>Grade distribution</source>
        <translation>Sebaran predikat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="120"/>
        <source>Double-click an entity to see its loci.</source>
        <translation>Klik dua kali sebuah entitas untuk melihat lokusnya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="202"/>
        <source>All periods</source>
        <translation>Semua periode</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="204"/>
        <source>All provinces</source>
        <translation>Semua provinsi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="207"/>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/results.py" line="263"/>
        <source>%n entity(ies)</source>
        <translation>
            <numerusform>%n entitas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="267"/>
        <source>No score: %1</source>
        <translation>Tanpa nilai: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/results.py" line="269"/>
        <source>%n provisional</source>
        <translation>
            <numerusform>%n sementara</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisplayPage</name>
    <message>
        <location filename="../../ombud_desktop/ui/pages/display.py" line="125"/>
        <source>Complete when:</source>
        <translation>Lengkap bila:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/display.py" line="128"/>
        <source>Incomplete, for example:</source>
        <translation>Belum lengkap, misalnya:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/display.py" line="148"/>
        <source>No product is named yet. Name the products observed on the Products page first.</source>
        <translation>Belum ada produk yang dinamai. Isi dulu nama produk yang diamati di halaman “Produk yang diamati”.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/display.py" line="167"/>
        <source>Not applicable: %1</source>
        <translation>Tidak berlaku: %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/display.py" line="170"/>
        <source>Value of %1 (mean over the products): %2</source>
        <translation>Nilai %1 (rata-rata semua produk): %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/display.py" line="54"/>
        <source>Product %1: %2</source>
        <translation>Produk %1: %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/display.py" line="100"/>
        <source>→ value %1</source>
        <translation>→ nilai %1</translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="251"/>
        <source>Rank within the entity&apos;s category (kota, kabupaten…) and period</source>
        <translation>Peringkat dalam kategori entitas (kota, kabupaten…) dan periode</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="255"/>
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="256"/>
        <source>Entity</source>
        <translation>Entitas</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="257"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="258"/>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="259"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="260"/>
        <source>Loci</source>
        <translation>Lokus</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="261"/>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="262"/>
        <source>Grade</source>
        <translation>Predikat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="263"/>
        <source>Corrections</source>
        <translation>Koreksi</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/models/results.py" line="328"/>
        <source>Provisional: %n locus/loci not complete yet</source>
        <translation>
            <numerusform>Sementara: %n lokus belum lengkap</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="331"/>
        <source>Rank %1 of %2 in the category, period %3</source>
        <translation>Peringkat %1 dari %2 dalam kategori, periode %3</translation>
    </message>
</context>
<context>
    <name>EntityView</name>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="295"/>
        <source>← Results</source>
        <translation>← Hasil</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="324"/>
        <source>Substantive corrections</source>
        <translation>Koreksi substantif</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="369"/>
        <source>%1 · %2 · period %3</source>
        <translation>%1 · %2 · periode %3</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="374"/>
        <source>No grade yet</source>
        <translation>Belum ada predikat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="379"/>
        <source>%1 (capped)</source>
        <translation>%1 (dibatasi)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="383"/>
        <source>Not ranked (no score)</source>
        <translation>Tanpa peringkat (belum ada nilai)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="386"/>
        <source>Rank %1 of %2 (%3, period %4)</source>
        <translation>Peringkat %1 dari %2 (%3, periode %4)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="391"/>
        <source>Mean of the loci (%1 of %2 scored): %3</source>
        <translation>Rata-rata lokus (%1 dari %2 bernilai): %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/results.py" line="398"/>
        <source>Provisional: %n locus/loci not complete yet; the score may still change.</source>
        <translation>
            <numerusform>Sementara: %n lokus belum lengkap; nilai masih dapat berubah.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="402"/>
        <source>Final: every locus is complete.</source>
        <translation>Final: semua lokus lengkap.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="408"/>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="417"/>
        <source>Choose a locus to see what it is missing.</source>
        <translation>Pilih lokus untuk melihat kekurangannya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="429"/>
        <source>%1: complete, nothing missing</source>
        <translation>%1: lengkap, tidak ada kekurangan</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/results.py" line="433"/>
        <source>%1: provisional, %n thing(s) missing</source>
        <translation>
            <numerusform>%1: sementara, kurang %n hal</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidenceStrip</name>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/evidence.py" line="43"/>
        <source>Evidence</source>
        <translation>Bukti</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/evidence.py" line="46"/>
        <source>Add photo or document…</source>
        <translation>Tambah foto atau dokumen…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/evidence.py" line="56"/>
        <source>Drop photos or PDF documents here</source>
        <translation>Seret foto atau dokumen PDF ke sini</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/evidence.py" line="72"/>
        <source>Evidence (%1)</source>
        <translation>Bukti (%1)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/evidence.py" line="93"/>
        <source>Add evidence</source>
        <translation>Tambah bukti</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/evidence.py" line="95"/>
        <source>Photos and documents (*.jpg *.jpeg *.png *.webp *.pdf);;All files (*)</source>
        <translation>Foto dan dokumen (*.jpg *.jpeg *.png *.webp *.pdf);;Semua berkas (*)</translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/fingerprint.py" line="119"/>
        <source>Key of: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Kunci milik: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>FingerprintView</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/fingerprint.py" line="53"/>
        <source>Short form: %1</source>
        <translation>Bentuk singkat: %1</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="171"/>
        <source>&amp;Open</source>
        <translation>B&amp;uka</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="172"/>
        <source>Open the assessment (Enter or double-click)</source>
        <translation>Buka penilaian (Enter atau klik dua kali)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="173"/>
        <source>Use as &amp;template</source>
        <translation>Jadikan &amp;templat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="175"/>
        <source>Start a new assessment with the same entity, locus, team and products</source>
        <translation>Mulai penilaian baru dengan entitas, lokus, tim, dan produk yang sama</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="177"/>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="180"/>
        <source>Move the assessment to the trash (Del)</source>
        <translation>Pindahkan penilaian ke tempat sampah (Del)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="181"/>
        <source>&amp;Restore</source>
        <translation>Pu&amp;lihkan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="182"/>
        <source>Bring the assessment back from the trash</source>
        <translation>Kembalikan penilaian dari tempat sampah</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="185"/>
        <source>+ &amp;New assessment</source>
        <translation>+ Penilaian &amp;baru</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="186"/>
        <source>Start a new assessment (Ctrl+N)</source>
        <translation>Mulai penilaian baru (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="188"/>
        <location filename="../../ombud_desktop/ui/home.py" line="355"/>
        <source>All periods</source>
        <translation>Semua periode</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="191"/>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="195"/>
        <source>Search entity, locus or province</source>
        <translation>Cari entitas, lokus, atau provinsi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="197"/>
        <source>Search (Ctrl+F)</source>
        <translation>Cari (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="199"/>
        <source>Tr&amp;ash</source>
        <translation>&amp;Sampah</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="201"/>
        <source>Show the deleted assessments instead</source>
        <translation>Tampilkan penilaian yang sudah dihapus</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="203"/>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="205"/>
        <source>S&amp;tatus:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="450"/>
        <source>The assessments could not be loaded.</source>
        <translation>Daftar penilaian tidak dapat dimuat.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="452"/>
        <location filename="../../ombud_desktop/ui/home.py" line="466"/>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="456"/>
        <source>The trash is empty.</source>
        <translation>Tempat sampah kosong.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="458"/>
        <source>No assessments yet. Start one with “New assessment”.</source>
        <translation>Belum ada penilaian. Mulai dengan “Penilaian baru”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/home.py" line="468"/>
        <source>%n assessment(s)</source>
        <translation>
            <numerusform>%n penilaian</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/home.py" line="470"/>
        <source>{shown} of %n assessment(s)</source>
        <translation>
            <numerusform>{shown} dari %n penilaian</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="535"/>
        <source>Move the assessment of {locus} ({entity}, {period}) to the trash?

You can restore it from the trash.</source>
        <translation>Pindahkan penilaian {locus} ({entity}, {period}) ke tempat sampah?

Anda dapat memulihkannya dari tempat sampah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="539"/>
        <source>Delete assessment</source>
        <translation>Hapus penilaian</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="539"/>
        <source>Move to trash</source>
        <translation>Pindahkan ke tempat sampah</translation>
    </message>
</context>
<context>
    <name>InboxNotice</name>
    <message>
        <location filename="../../ombud_desktop/ui/inbox.py" line="197"/>
        <source>Receipt…</source>
        <translation>Tanda terima…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/inbox.py" line="198"/>
        <source>What each package brought, and what was refused</source>
        <translation>Apa yang dibawa setiap paket, dan apa yang ditolak</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/inbox.py" line="202"/>
        <source>Hide this note</source>
        <translation>Sembunyikan catatan ini</translation>
    </message>
</context>
<context>
    <name>IndicatorCommentModel</name>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="147"/>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="147"/>
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="141"/>
        <source>Your key</source>
        <translation>Kunci Anda</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="144"/>
        <source>Packages you send are signed with your key, so the receiver knows they come from you and were not changed. A passphrase protects the key on this computer.</source>
        <translation>Paket yang Anda kirim ditandatangani dengan kunci Anda, sehingga penerima tahu paket itu dari Anda dan tidak diubah. Frasa sandi melindungi kunci di komputer ini.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="156"/>
        <source>This computer already has your key (fingerprint %1); it is used.</source>
        <translation>Komputer ini sudah memiliki kunci Anda (sidik jari %1); kunci itu yang dipakai.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="164"/>
        <source>At least 8 characters; a few words work well</source>
        <translation>Minimal 8 karakter; beberapa kata sudah baik</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="166"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frasa sandi:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="167"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Ulangi:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="174"/>
        <source>Nobody can recover a forgotten passphrase. Write it down and keep it somewhere safe, away from the laptop.</source>
        <translation>Frasa sandi yang terlupa tidak dapat dipulihkan siapa pun. Tuliskan dan simpan di tempat aman, terpisah dari laptop.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="184"/>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="195"/>
        <source>Too short: at least 8 characters.</source>
        <translation>Terlalu pendek: minimal 8 karakter.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="185"/>
        <source>Weak: add a word or two.</source>
        <translation>Lemah: tambahkan satu atau dua kata.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="186"/>
        <source>Fair.</source>
        <translation>Cukup.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="187"/>
        <source>Strong.</source>
        <translation>Kuat.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="197"/>
        <source>The two passphrases differ.</source>
        <translation>Kedua frasa sandi berbeda.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="202"/>
        <source>Strength: %1</source>
        <translation>Kekuatan: %1</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="41"/>
        <source>Create signing key</source>
        <translation>Buat kunci tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="42"/>
        <source>Your signing key shows that the packages you send come from you. Choose a passphrase of at least 8 characters: it is asked once per session, when you first export. Nobody can recover it if you forget it.</source>
        <translation>Kunci tanda tangan menunjukkan bahwa paket yang Anda kirim memang dari Anda. Pilih frasa sandi minimal 8 karakter: frasa ini ditanyakan sekali per sesi, saat pertama kali mengekspor. Tidak ada yang dapat memulihkannya bila Anda lupa.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="65"/>
        <source>Ombud key files (*.ombkey);;All files (*)</source>
        <translation>Berkas kunci Ombud (*.ombkey);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="74"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 tidak dapat dibaca: %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="90"/>
        <source>Ask the owner of the key to read the digits of their fingerprint to you (in person or by phone). Do these digits match what the owner reads to you?</source>
        <translation>Minta pemilik kunci membacakan angka sidik jarinya kepada Anda (langsung atau lewat telepon). Apakah angka-angka ini sama dengan yang dibacakan pemiliknya?</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="95"/>
        <source>The digits match: trust</source>
        <translation>Angkanya sama: percayai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="96"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="131"/>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="380"/>
        <source>Keys</source>
        <translation>Kunci</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="139"/>
        <source>Your signing key</source>
        <translation>Kunci tanda tangan Anda</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="142"/>
        <source>You have no signing key yet. Packages you export are signed with it, so your supervisor knows they come from you.</source>
        <translation>Anda belum punya kunci tanda tangan. Paket yang Anda ekspor ditandatangani dengannya, sehingga supervisor tahu paket itu dari Anda.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="151"/>
        <source>Your fingerprint: read these digits to your supervisor when you give them your public key, so they know the key is yours.</source>
        <translation>Sidik jari Anda: bacakan angka-angka ini kepada supervisor saat Anda memberikan kunci publik, agar ia tahu kunci itu milik Anda.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="156"/>
        <source>Create &amp;signing key…</source>
        <translation>Buat kunci &amp;tanda tangan…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="157"/>
        <source>Change &amp;passphrase…</source>
        <translation>Ubah &amp;frasa sandi…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="158"/>
        <source>&amp;Export public key…</source>
        <translation>&amp;Ekspor kunci publik…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="159"/>
        <source>Show as &amp;QR code…</source>
        <translation>Tampilkan sebagai kode &amp;QR…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="177"/>
        <source>Your receiving key (supervisors)</source>
        <translation>Kunci penerima Anda (supervisor)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="180"/>
        <source>Supervisors need a receiving key: personal data of respondents in the packages of their team is encrypted to it. It is part of the public key you export.</source>
        <translation>Supervisor memerlukan kunci penerima: data pribadi responden dalam paket dari timnya dienkripsi untuk kunci ini. Kunci ini ikut dalam kunci publik yang Anda ekspor.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="186"/>
        <source>Create &amp;receiving key…</source>
        <translation>Buat kunci &amp;penerima…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="196"/>
        <source>Your supervisor</source>
        <translation>Supervisor Anda</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="199"/>
        <source>Se&amp;t from key file…</source>
        <translation>Pa&amp;sang dari berkas kunci…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="200"/>
        <source>C&amp;lear</source>
        <translation>&amp;Kosongkan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="210"/>
        <source>Trusted keys</source>
        <translation>Kunci tepercaya</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="224"/>
        <source>&amp;Add from key file…</source>
        <translation>Tam&amp;bah dari berkas kunci…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="225"/>
        <source>Re&amp;move…</source>
        <translation>&amp;Hapus…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="226"/>
        <source>Packages signed by these keys are accepted on import.</source>
        <translation>Paket yang ditandatangani dengan kunci-kunci ini diterima saat impor.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="237"/>
        <source>Keys are kept in %1</source>
        <translation>Kunci disimpan di %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="240"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="294"/>
        <source>Owner: %1 · created %2</source>
        <translation>Pemilik: %1 · dibuat %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="307"/>
        <source>Create your signing key first.</source>
        <translation>Buat dulu kunci tanda tangan Anda.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="313"/>
        <source>Not set. Exports leave the personal data of respondents (names, NIP, phone numbers) out of the package. Set your supervisor&apos;s key file to send them encrypted, so only your supervisor can read them.</source>
        <translation>Belum diatur. Ekspor tidak menyertakan data pribadi responden (nama, NIP, nomor telepon) dalam paket. Pasang berkas kunci supervisor Anda agar data itu dikirim terenkripsi dan hanya supervisor yang dapat membacanya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="321"/>
        <source>Personal data in your packages is encrypted to &lt;b&gt;%1&lt;/b&gt; (%2); only they can read it.</source>
        <translation>Data pribadi dalam paket Anda dienkripsi untuk &lt;b&gt;%1&lt;/b&gt; (%2); hanya dia yang dapat membacanya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="355"/>
        <source>Create receiving key</source>
        <translation>Buat kunci penerima</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="357"/>
        <source>The receiving key is protected by the same passphrase as your signing key. Type that passphrase.</source>
        <translation>Kunci penerima dilindungi dengan frasa sandi yang sama dengan kunci tanda tangan Anda. Ketik frasa sandi itu.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="380"/>
        <source>The passphrase was changed.</source>
        <translation>Frasa sandi telah diubah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="392"/>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="412"/>
        <source>Export public key</source>
        <translation>Ekspor kunci publik</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="394"/>
        <source>Ombud key files (*.ombkey)</source>
        <translation>Berkas kunci Ombud (*.ombkey)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="405"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1 tidak dapat ditulis: %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="414"/>
        <source>Your public key was saved to %1. Give it to your supervisor, then read your fingerprint to them: %2</source>
        <translation>Kunci publik Anda disimpan di %1. Berikan kepada supervisor Anda, lalu bacakan sidik jari Anda kepadanya: %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="436"/>
        <source>Your supervisor&apos;s key file</source>
        <translation>Berkas kunci supervisor Anda</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="443"/>
        <source>The key file of %1 has no receiving key. Ask your supervisor to create a receiving key and export their key again.</source>
        <translation>Berkas kunci %1 tidak berisi kunci penerima. Minta supervisor Anda membuat kunci penerima lalu mengekspor kuncinya lagi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="449"/>
        <source>Supervisor&apos;s key</source>
        <translation>Kunci supervisor</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="463"/>
        <source>Clear supervisor</source>
        <translation>Kosongkan supervisor</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="465"/>
        <source>Exports will leave the personal data of respondents out. Clear the supervisor&apos;s key?</source>
        <translation>Ekspor tidak akan menyertakan data pribadi responden. Kosongkan kunci supervisor?</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="468"/>
        <source>Clear</source>
        <translation>Kosongkan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="476"/>
        <source>Key file to trust</source>
        <translation>Berkas kunci yang akan dipercayai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="480"/>
        <source>Trust this key?</source>
        <translation>Percayai kunci ini?</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="496"/>
        <source>Stop trusting the key of %1 (%2)? Packages it signs will be refused until you trust it again.</source>
        <translation>Berhenti memercayai kunci %1 (%2)? Paket yang ditandatanganinya akan ditolak sampai Anda memercayainya lagi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="503"/>
        <source>Remove trusted key</source>
        <translation>Hapus kunci tepercaya</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="503"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
</context>
<context>
    <name>LocusTableModel</name>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="443"/>
        <source>Locus</source>
        <translation>Lokus</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="444"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="445"/>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="446"/>
        <source>Grade</source>
        <translation>Predikat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="447"/>
        <source>Missing</source>
        <translation>Kurang</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="76"/>
        <source>Assessor: %1 · Device %2</source>
        <translation>Penilai: %1 · Perangkat %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/app.py" line="283"/>
        <location filename="../../ombud_desktop/ui/main_window.py" line="98"/>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="100"/>
        <source>&amp;New assessment…</source>
        <translation>Penilaian &amp;baru…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="102"/>
        <source>&amp;Assessments</source>
        <translation>&amp;Daftar penilaian</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="107"/>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="108"/>
        <source>&amp;Settings</source>
        <translation>&amp;Pengaturan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="111"/>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="117"/>
        <source>&amp;Reports</source>
        <translation>&amp;Laporan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="119"/>
        <source>On-site &amp;summary…</source>
        <translation>Ringkasan di &amp;lokus…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="120"/>
        <source>&amp;Entity recap…</source>
        <translation>Rekap &amp;entitas…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="121"/>
        <source>&amp;Province overview…</source>
        <translation>Ikhtisar &amp;provinsi…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="126"/>
        <source>&amp;Help</source>
        <translation>B&amp;antuan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="127"/>
        <source>&amp;About Ombud Desktop</source>
        <translation>&amp;Tentang Ombud Desktop</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="202"/>
        <source>About Ombud Desktop</source>
        <translation>Tentang Ombud Desktop</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="204"/>
        <source>&lt;b&gt;Ombud Desktop %1&lt;/b&gt;&lt;p&gt;Offline assessment of public-service compliance for the Ombudsman of the Republic of Indonesia.&lt;/p&gt;&lt;p&gt;Every answer is saved the moment it is given.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Ombud Desktop %1&lt;/b&gt;&lt;p&gt;Penilaian kepatuhan penyelenggaraan pelayanan publik secara luring (tanpa internet) untuk Ombudsman Republik Indonesia.&lt;/p&gt;&lt;p&gt;Setiap jawaban langsung tersimpan begitu diberikan.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="225"/>
        <source>Saved %1</source>
        <translation>Tersimpan %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="103"/>
        <source>&amp;Results…</source>
        <translation>&amp;Hasil…</translation>
    </message>
</context>
<context>
    <name>MissingDialog</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/missing.py" line="25"/>
        <source>Not complete yet</source>
        <translation>Belum lengkap</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/missing.py" line="29"/>
        <source>The assessment cannot be finished yet. Double-click an item to go there.</source>
        <translation>Penilaian belum dapat diselesaikan. Klik dua kali sebuah butir untuk membukanya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/missing.py" line="41"/>
        <source>Go there</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/missing.py" line="43"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="59"/>
        <source>New assessment</source>
        <translation>Penilaian baru</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="82"/>
        <source>e.g. Kota Cilegon</source>
        <translation>mis. Kota Cilegon</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="88"/>
        <source>Choose or type</source>
        <translation>Pilih atau ketik</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="95"/>
        <source>Name of the unit visited</source>
        <translation>Nama unit yang dikunjungi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="97"/>
        <source>Names, separated by commas</source>
        <translation>Nama-nama, pisahkan dengan koma</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="103"/>
        <source>A service observed at this locus</source>
        <translation>Layanan yang diamati di lokus ini</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="109"/>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="110"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="113"/>
        <source>&amp;Period (year):</source>
        <translation>&amp;Periode (tahun):</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="114"/>
        <source>&amp;Instrument:</source>
        <translation>&amp;Instrumen:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="115"/>
        <source>Entity &amp;category:</source>
        <translation>&amp;Kategori entitas:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="116"/>
        <source>&amp;Entity name:</source>
        <translation>Nama &amp;entitas:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="117"/>
        <source>P&amp;rovince:</source>
        <translation>P&amp;rovinsi:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="118"/>
        <source>&amp;Locus:</source>
        <translation>&amp;Lokus:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="119"/>
        <source>Locus &amp;name:</source>
        <translation>&amp;Nama lokus:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="120"/>
        <source>&amp;Team:</source>
        <translation>&amp;Tim:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="121"/>
        <source>&amp;Visit date:</source>
        <translation>Tanggal k&amp;unjungan:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="123"/>
        <source>Product {number}:</source>
        <translation>Produk {number}:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="179"/>
        <source>Other locus…</source>
        <translation>Lokus lain…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="252"/>
        <source>the entity name</source>
        <translation>nama entitas</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="254"/>
        <source>the province</source>
        <translation>provinsi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="260"/>
        <source>the locus name</source>
        <translation>nama lokus</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/new_assessment.py" line="267"/>
        <source>Still needed: {items}.</source>
        <translation>Masih perlu diisi: {items}.</translation>
    </message>
</context>
<context>
    <name>PackageActions</name>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="65"/>
        <source>Stop after this package</source>
        <translation>Berhenti setelah paket ini</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="76"/>
        <source>%1 of %2: %3</source>
        <translation>%1 dari %2: %3</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="118"/>
        <source>&amp;Export package…</source>
        <translation>&amp;Ekspor paket…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="121"/>
        <source>Write a signed package of each selected assessment into the outbox folder</source>
        <translation>Tulis paket bertanda tangan untuk setiap penilaian terpilih ke folder kotak keluar</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="124"/>
        <source>&amp;Import packages…</source>
        <translation>&amp;Impor paket…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="127"/>
        <source>Import packages from your team (you can also drop .ombx files here)</source>
        <translation>Impor paket dari tim Anda (berkas .ombx juga dapat diseret ke sini)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="129"/>
        <source>&amp;Verify package…</source>
        <translation>&amp;Verifikasi paket…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="130"/>
        <source>&amp;Lock keys</source>
        <translation>&amp;Lupakan kunci yang terbuka</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="132"/>
        <source>Forget the unlocked signing key: the next export asks for the passphrase</source>
        <translation>Lupakan kunci tanda tangan yang sudah dibuka: ekspor berikutnya menanyakan frasa sandi lagi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="134"/>
        <source>&amp;Keys…</source>
        <translation>&amp;Kunci…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="135"/>
        <source>&amp;Outbox folder…</source>
        <translation>&amp;Folder kotak keluar…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="156"/>
        <source>Exported packages are written here</source>
        <translation>Paket yang diekspor ditulis di sini</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="207"/>
        <source>Outbox folder</source>
        <translation>Folder kotak keluar</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="216"/>
        <source>Outbox: %1</source>
        <translation>Kotak keluar: %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="238"/>
        <source>No signing key</source>
        <translation>Belum ada kunci tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="240"/>
        <source>Packages are signed with your signing key, and you have none yet. Create it now?</source>
        <translation>Paket ditandatangani dengan kunci tanda tangan Anda, dan Anda belum memilikinya. Buat sekarang?</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="243"/>
        <source>Create signing key…</source>
        <translation>Buat kunci tanda tangan…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="254"/>
        <source>Unlock signing key</source>
        <translation>Buka kunci tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="256"/>
        <source>Type the passphrase of your signing key. It stays unlocked until you close Ombud Desktop or choose File › Lock keys.</source>
        <translation>Ketik frasa sandi kunci tanda tangan Anda. Kunci tetap terbuka sampai Ombud Desktop ditutup atau Anda memilih Berkas › Lupakan kunci yang terbuka.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="273"/>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="346"/>
        <source>Export package</source>
        <translation>Ekspor paket</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="274"/>
        <source>Select one or more assessments in the list first.</source>
        <translation>Pilih dulu satu penilaian atau lebih di daftar.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="288"/>
        <source>Exporting packages</source>
        <translation>Mengekspor paket</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="320"/>
        <source>%1 of %2 package(s) written to %3:</source>
        <translation>%1 dari %2 paket ditulis ke %3:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="326"/>
        <source>personal data encrypted to your supervisor</source>
        <translation>data pribadi dienkripsi untuk supervisor Anda</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="327"/>
        <source>personal data left out</source>
        <translation>data pribadi tidak disertakan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="328"/>
        <source>no personal data</source>
        <translation>tanpa data pribadi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="336"/>
        <source>Not written: %1</source>
        <translation>Tidak ditulis: %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="341"/>
        <source>No supervisor key is set, so the names, NIP and phone numbers of respondents were left out. To send them encrypted, set your supervisor&apos;s key file in Settings › Keys and export again.</source>
        <translation>Kunci supervisor belum diatur, sehingga nama, NIP, dan nomor telepon responden tidak disertakan. Untuk mengirimnya terenkripsi, pasang berkas kunci supervisor Anda di Pengaturan › Kunci lalu ekspor lagi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="354"/>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="376"/>
        <source>Import packages</source>
        <translation>Impor paket</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="356"/>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="510"/>
        <source>Ombud packages (*.ombx);;All files (*)</source>
        <translation>Paket Ombud (*.ombx);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="377"/>
        <source>No package files (.ombx) were found there.</source>
        <translation>Tidak ada berkas paket (.ombx) di sana.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="385"/>
        <source>Importing packages</source>
        <translation>Mengimpor paket</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="431"/>
        <source>Open personal data</source>
        <translation>Buka data pribadi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="433"/>
        <source>Personal data of respondents in the packages is encrypted to your receiving key. Type your passphrase to import it, or skip: the rest is imported and the personal data stays locked until you import again.</source>
        <translation>Data pribadi responden dalam paket dienkripsi untuk kunci penerima Anda. Ketik frasa sandi untuk mengimpornya, atau lewati: sisanya tetap diimpor dan data pribadi tetap terkunci sampai Anda mengimpor lagi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="438"/>
        <source>&amp;Skip</source>
        <translation>&amp;Lewati</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="458"/>
        <source>Unknown signer</source>
        <translation>Penanda tangan tidak dikenal</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="462"/>
        <source>%1 is signed by a key you do not trust yet. Ask the assessor to read their fingerprint to you. Do these digits match what they read? Then trust the key and import the package.</source>
        <translation>%1 ditandatangani dengan kunci yang belum Anda percayai. Minta penilai membacakan sidik jarinya kepada Anda. Apakah angka-angka ini sama dengan yang dibacakannya? Bila ya, percayai kunci itu dan impor paketnya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="466"/>
        <source>The digits match: trust and import</source>
        <translation>Angkanya sama: percayai dan impor</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="467"/>
        <source>Skip this package</source>
        <translation>Lewati paket ini</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/actions.py" line="508"/>
        <source>Verify packages</source>
        <translation>Verifikasi paket</translation>
    </message>
</context>
<context>
    <name>PackageResults</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="46"/>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="47"/>
        <source>already present, nothing new</source>
        <translation>sudah ada, tidak ada yang baru</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="48"/>
        <source>newer changes added</source>
        <translation>perubahan yang lebih baru ditambahkan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="49"/>
        <source>conflicting edits found</source>
        <translation>ditemukan suntingan yang bertentangan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="56"/>
        <source>personal data imported</source>
        <translation>data pribadi diimpor</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="57"/>
        <source>personal data left out by the sender (no supervisor key set)</source>
        <translation>data pribadi tidak disertakan pengirim (kunci supervisor belum diatur)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="60"/>
        <source>personal data locked: import again with your passphrase to add it</source>
        <translation>data pribadi terkunci: impor lagi dengan frasa sandi Anda untuk menambahkannya</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="63"/>
        <source>personal data encrypted to another supervisor</source>
        <translation>data pribadi dienkripsi untuk supervisor lain</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../ombud_desktop/ui/pages/base.py" line="98"/>
        <source>Supervisor&apos;s comment: %1</source>
        <translation>Komentar supervisor: %1</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="52"/>
        <source>Passphrase</source>
        <translation>Frasa sandi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="64"/>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="69"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frasa sandi:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="64"/>
        <source>&amp;Current passphrase:</source>
        <translation>Frasa sandi &amp;saat ini:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="69"/>
        <source>&amp;New passphrase:</source>
        <translation>Frasa sandi &amp;baru:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="72"/>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Ulangi:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="74"/>
        <source>At least %1 characters</source>
        <translation>Minimal %1 karakter</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="84"/>
        <source>Unlock</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="85"/>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="86"/>
        <source>Change</source>
        <translation>Ubah</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="89"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="112"/>
        <source>Type your passphrase.</source>
        <translation>Ketik frasa sandi Anda.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="117"/>
        <source>The passphrase needs at least %1 characters; it has %2.</source>
        <translation>Frasa sandi perlu minimal %1 karakter; yang ini %2.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="122"/>
        <source>The two passphrases differ.</source>
        <translation>Kedua frasa sandi berbeda.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="188"/>
        <source>Change passphrase</source>
        <translation>Ubah frasa sandi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/passphrase.py" line="189"/>
        <source>The new passphrase protects your signing key and, if you have one, your receiving key.</source>
        <translation>Frasa sandi baru melindungi kunci tanda tangan Anda dan, bila ada, kunci penerima Anda.</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <location filename="../../ombud_desktop/ui/pages/products.py" line="19"/>
        <source>Products observed</source>
        <translation>Produk yang diamati</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/products.py" line="24"/>
        <source>Display (PR01-PR05) is recorded for each product. Choose products that are being served today, preferably those with the most users.</source>
        <translation>Keterpampangan (PR01-PR05) dicatat untuk setiap produk. Pilih produk yang sedang dilayani hari ini, sebaiknya yang paling banyak penggunanya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/products.py" line="36"/>
        <source>Product %1</source>
        <translation>Produk %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/products.py" line="38"/>
        <source>Only if fewer products: why</source>
        <translation>Hanya bila produk lebih sedikit: alasannya</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/products.py" line="40"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/profile.py" line="30"/>
        <source>Assessor profile</source>
        <translation>Profil penilai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/profile.py" line="33"/>
        <source>Your name is recorded with every answer you give in this workspace, so a supervisor can see who assessed what.</source>
        <translation>Nama Anda dicatat pada setiap jawaban yang Anda berikan di ruang kerja ini, sehingga supervisor dapat melihat siapa menilai apa.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/profile.py" line="39"/>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/profile.py" line="41"/>
        <source>Optional: 18 digits</source>
        <translation>Opsional: 18 digit</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/profile.py" line="52"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/profile.py" line="53"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/profile.py" line="55"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/profile.py" line="56"/>
        <source>N&amp;IP:</source>
        <translation>N&amp;IP:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/profile.py" line="72"/>
        <source>Give your name.</source>
        <translation>Isi nama Anda.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/profile.py" line="75"/>
        <source>The NIP has digits only.</source>
        <translation>NIP hanya berisi angka.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/profile.py" line="77"/>
        <source>The NIP has 18 digits; this one has {count}.</source>
        <translation>NIP terdiri atas 18 digit; yang ini {count} digit.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="75"/>
        <source>Who are you?</source>
        <translation>Siapa Anda?</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="78"/>
        <source>Your name is recorded with every answer you give, so a supervisor can see who assessed what.</source>
        <translation>Nama Anda dicatat pada setiap jawaban yang Anda berikan, sehingga supervisor dapat melihat siapa menilai apa.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="83"/>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="85"/>
        <source>Optional: 18 digits</source>
        <translation>Opsional: 18 digit</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="89"/>
        <source>&amp;Assessor: I visit service units and assess them</source>
        <translation>&amp;Penilai: saya mengunjungi unit layanan dan menilainya</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="91"/>
        <source>&amp;Supervisor: I merge my team&apos;s work, check it and rank entities</source>
        <translation>&amp;Supervisor: saya menggabungkan hasil tim, memeriksanya, dan memeringkat entitas</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="99"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="100"/>
        <source>N&amp;IP:</source>
        <translation>N&amp;IP:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="103"/>
        <source>Your role:</source>
        <translation>Peran Anda:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="114"/>
        <source>Give your name.</source>
        <translation>Isi nama Anda.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="117"/>
        <source>The NIP has 18 digits; this one has {count}.</source>
        <translation>NIP terdiri atas 18 digit; yang ini {count} digit.</translation>
    </message>
</context>
<context>
    <name>QrDialog</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="105"/>
        <source>Public key as QR code</source>
        <translation>Kunci publik sebagai kode QR</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="109"/>
        <source>Key of %1 · %2</source>
        <translation>Kunci milik %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/keys.py" line="116"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>RatedBlock</name>
    <message>
        <location filename="../../ombud_desktop/ui/pages/rating.py" line="45"/>
        <source>Evidence to see: </source>
        <translation>Bukti yang diperiksa: </translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/rating.py" line="63"/>
        <source>Not applicable</source>
        <translation>Tidak berlaku</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/rating.py" line="67"/>
        <source>Why it does not apply (required)</source>
        <translation>Alasan tidak berlaku (wajib)</translation>
    </message>
</context>
<context>
    <name>RatingPage</name>
    <message>
        <location filename="../../ombud_desktop/ui/pages/rating.py" line="136"/>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/rating.py" line="139"/>
        <source>Notes for this indicator (saved as you leave the box)</source>
        <translation>Catatan untuk indikator ini (tersimpan saat Anda meninggalkan kotak)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/rating.py" line="157"/>
        <source>Value (mean of the sub-items): %1</source>
        <translation>Nilai (rata-rata subbutir): %1</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="117"/>
        <source>Import receipt</source>
        <translation>Tanda terima impor</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="120"/>
        <source>%1 package(s) imported, %2 refused.</source>
        <translation>%1 paket diimpor, %2 ditolak.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="129"/>
        <source>Accepted: %1 assessment(s)</source>
        <translation>Diterima: %1 penilaian</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="137"/>
        <source>Refused: %1 file(s)</source>
        <translation>Ditolak: %1 berkas</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="148"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="158"/>
        <source>%1 › %2 (%3): %4</source>
        <translation>%1 › %2 (%3): %4</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="166"/>
        <source>Signed by %1 (%2) · %3</source>
        <translation>Ditandatangani oleh %1 (%2) · %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="173"/>
        <source>%n change(s) added</source>
        <translation>
            <numerusform>%n perubahan ditambahkan</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="179"/>
        <source>Conflict in %1:</source>
        <translation>Konflik pada %1:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="185"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="73"/>
        <source>Report preview</source>
        <translation>Pratinjau laporan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="75"/>
        <source>Making the report…</source>
        <translation>Laporan sedang dibuat…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="91"/>
        <source>&amp;Print…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="93"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Simpan sebagai PDF…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="95"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="133"/>
        <source>%1 · %n page(s)</source>
        <translation>
            <numerusform>%1 · %n halaman</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="138"/>
        <source>The report could not be made.</source>
        <translation>Laporan tidak dapat dibuat.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="157"/>
        <source>Save as PDF</source>
        <translation>Simpan sebagai PDF</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="157"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="174"/>
        <source>Saved to %1</source>
        <translation>Disimpan di %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="196"/>
        <source>Printing…</source>
        <translation>Mencetak…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="212"/>
        <source>Sent to the printer.</source>
        <translation>Sudah dikirim ke pencetak.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="249"/>
        <source>The printer is not ready.</source>
        <translation>Pencetak belum siap.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="273"/>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/report_preview.py" line="274"/>
        <source>Select an assessment in the list first.</source>
        <translation>Pilih dulu satu penilaian di daftar.</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="178"/>
        <source>{grade} (capped)</source>
        <translation>{grade} (dibatasi)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="180"/>
        <source>{grade} (provisional)</source>
        <translation>{grade} (sementara)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="190"/>
        <source>−%1 points: %2</source>
        <translation>−%1 poin: %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="195"/>
        <source>Grade at most %1: %2</source>
        <translation>Predikat paling tinggi %1: %2</translation>
    </message>
</context>
<context>
    <name>ResultsWindow</name>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="460"/>
        <source>Results · Ombud Desktop</source>
        <translation>Hasil · Ombud Desktop</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="517"/>
        <source>Scoring every locus and entity…</source>
        <translation>Menghitung nilai semua lokus dan entitas…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/results.py" line="543"/>
        <source>%n entity(ies) scored</source>
        <translation>
            <numerusform>%n entitas dinilai</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="580"/>
        <source>Export to Excel</source>
        <translation>Ekspor ke Excel</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="582"/>
        <source>Excel workbook (*.xlsx);;CSV, the loci table (*.csv)</source>
        <translation>Berkas Excel (*.xlsx);;CSV, tabel lokus (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="595"/>
        <source>results-%1.xlsx</source>
        <translation>hasil-%1.xlsx</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="595"/>
        <source>all</source>
        <translation>semua</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="622"/>
        <source>Exporting to %1…</source>
        <translation>Mengekspor ke %1…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="636"/>
        <source>Saved %1</source>
        <translation>Tersimpan %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="638"/>
        <source>Saved %1

%2 entities, %3 loci, %4 service users.</source>
        <translation>Tersimpan %1

%2 entitas, %3 lokus, %4 pengguna layanan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="645"/>
        <source>The file holds personal data (phone numbers): share it only for quality control, and delete it when done.</source>
        <translation>Berkas ini memuat data pribadi (nomor telepon): bagikan hanya untuk kendali mutu, lalu hapus setelah selesai.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/results.py" line="649"/>
        <source>Export finished</source>
        <translation>Ekspor selesai</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="185"/>
        <source>Return for correction</source>
        <translation>Kembalikan untuk perbaikan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="190"/>
        <source>The assessment goes back to its assessor as a draft, with your comments. Say what must be corrected.</source>
        <translation>Penilaian dikembalikan kepada penilainya sebagai draf, dengan komentar Anda. Sebutkan apa yang harus diperbaiki.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="198"/>
        <source>&amp;General comment:</source>
        <translation>Komentar &amp;umum:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="200"/>
        <source>What the assessor should correct</source>
        <translation>Apa yang harus diperbaiki penilai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="205"/>
        <source>Comments on indicators (optional):</source>
        <translation>Komentar per indikator (opsional):</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="212"/>
        <source>Comment on this indicator</source>
        <translation>Komentar untuk indikator ini</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="213"/>
        <source>A&amp;dd</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="229"/>
        <source>&amp;Remove comment</source>
        <translation>&amp;Hapus komentar</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="241"/>
        <source>Return</source>
        <translation>Kembalikan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="242"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="298"/>
        <source>Write a general comment or a comment on an indicator.</source>
        <translation>Tulis komentar umum atau komentar untuk sebuah indikator.</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <location filename="../../ombud_desktop/ui/pages/role.py" line="172"/>
        <source>Record the respondent as interviewed to answer the items.</source>
        <translation>Tandai responden “Diwawancarai” agar butir-butirnya dapat diisi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/role.py" line="193"/>
        <source>Respondent</source>
        <translation>Responden</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/role.py" line="195"/>
        <source>Interviewed</source>
        <translation>Diwawancarai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/role.py" line="196"/>
        <source>Role not present at this unit</source>
        <translation>Jabatan tidak ada di unit ini</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/role.py" line="206"/>
        <source>optional</source>
        <translation>opsional</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/role.py" line="208"/>
        <source>Why the role is not present (required)</source>
        <translation>Alasan jabatan tidak ada (wajib)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/role.py" line="212"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/role.py" line="213"/>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/role.py" line="214"/>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/role.py" line="215"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="32"/>
        <source>Provisional score</source>
        <translation>Nilai sementara</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="79"/>
        <source>No grade yet</source>
        <translation>Belum ada predikat</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="91"/>
        <source>Provisional: %n thing(s) still missing</source>
        <translation>
            <numerusform>Sementara: masih kurang %n hal</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="94"/>
        <source>Complete: every rule is met</source>
        <translation>Lengkap: semua syarat terpenuhi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="101"/>
        <source>Deficiencies (below %1): %2</source>
        <translation>Kekurangan (di bawah %1): %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="125"/>
        <source>%1: no value yet</source>
        <translation>%1: belum ada nilai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="127"/>
        <source>%1: no value (mark it not applicable if right)</source>
        <translation>%1: tidak ada nilai (tandai tidak berlaku bila memang demikian)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="130"/>
        <source>%1: not rated</source>
        <translation>%1: belum dinilai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="132"/>
        <source>%1: channel not recorded</source>
        <translation>%1: kanal belum dicatat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="134"/>
        <source>%1: not interviewed yet</source>
        <translation>%1: belum diwawancarai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="136"/>
        <source>%1: not present, but no reason</source>
        <translation>%1: tidak ada, tetapi alasannya belum diisi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="138"/>
        <source>Service users: %2 more needed</source>
        <translation>Pengguna layanan: perlu %2 lagi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="140"/>
        <source>Products: name the products observed</source>
        <translation>Produk: isi nama produk yang diamati</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="142"/>
        <source>%1: no score yet</source>
        <translation>%1: belum ada nilai dimensi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/widgets/score_panel.py" line="144"/>
        <source>%1: value outside the scale</source>
        <translation>%1: nilai di luar skala</translation>
    </message>
</context>
<context>
    <name>ServiceUserTableModel</name>
    <message>
        <location filename="../../ombud_desktop/ui/models/service_users.py" line="43"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/service_users.py" line="44"/>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/service_users.py" line="45"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/service_users.py" line="46"/>
        <source>Sex</source>
        <translation>JK</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/service_users.py" line="47"/>
        <source>Age</source>
        <translation>Usia</translation>
    </message>
</context>
<context>
    <name>ServiceUsersPage</name>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="227"/>
        <source>Save and next respondent</source>
        <translation>Simpan dan responden berikutnya</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="228"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="244"/>
        <source>Respondent agrees to be interviewed</source>
        <translation>Responden setuju diwawancarai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="246"/>
        <source>Space ticks it; nothing is recorded without consent</source>
        <translation>Tekan Spasi untuk mencentang; tanpa persetujuan tidak ada yang dicatat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="250"/>
        <source>Consent text</source>
        <translation>Teks persetujuan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="260"/>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="478"/>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="490"/>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="504"/>
        <source>New respondent</source>
        <translation>Responden baru</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="261"/>
        <source>Leave the respondent shown and start a new one</source>
        <translation>Tutup responden ini dan mulai responden baru</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="306"/>
        <source>Which service?</source>
        <translation>Layanan apa?</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="315"/>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="316"/>
        <source>Service date</source>
        <translation>Tanggal layanan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="317"/>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="318"/>
        <source>Age</source>
        <translation>Usia</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="335"/>
        <source>May be called back</source>
        <translation>Boleh dihubungi kembali</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="344"/>
        <source>Phone (optional)</source>
        <translation>Telepon (opsional)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="359"/>
        <source>Key: %1</source>
        <translation>Tombol: %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="365"/>
        <source>Service users: %1 of target %2 (minimum %3)</source>
        <translation>Pengguna layanan: %1 dari target %2 (minimal %3)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="393"/>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="518"/>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/service_users.py" line="421"/>
        <source>Respondent %1</source>
        <translation>Responden %1</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="302"/>
        <source>Welcome to Ombud Desktop</source>
        <translation>Selamat datang di Ombud Desktop</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="307"/>
        <source>&amp;Back</source>
        <translation>&amp;Kembali</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="308"/>
        <source>Ne&amp;xt</source>
        <translation>&amp;Lanjut</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="309"/>
        <source>&amp;Start</source>
        <translation>&amp;Mulai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="310"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>SupervisorActions</name>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="48"/>
        <source>Edits of the same answer made on two devices: choose one</source>
        <translation>Perubahan atas jawaban yang sama dari dua perangkat: pilih salah satu</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="106"/>
        <source>&amp;Conflicts…</source>
        <translation>Kon&amp;flik…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="108"/>
        <source>Edits of the same answer made on two devices</source>
        <translation>Perubahan atas jawaban yang sama dari dua perangkat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="110"/>
        <source>A&amp;pprove</source>
        <translation>&amp;Setujui</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="111"/>
        <source>Approve the assessment (your name and the time)</source>
        <translation>Setujui penilaian (nama Anda dan waktunya dicatat)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="113"/>
        <source>Return for &amp;correction…</source>
        <translation>Kembalikan untuk &amp;perbaikan…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="115"/>
        <source>Send the assessment back to its assessor with comments</source>
        <translation>Kirim penilaian kembali kepada penilainya dengan komentar</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="118"/>
        <source>&amp;Inbox folder…</source>
        <translation>Folder kotak &amp;masuk…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="120"/>
        <source>The folder where assessors&apos; packages arrive (shared folder, USB stick)</source>
        <translation>Folder tempat paket dari para penilai masuk (folder bersama, flashdisk)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/supervision.py" line="152"/>
        <source>⚠ %n conflict(s)</source>
        <translation>
            <numerusform>⚠ %n konflik</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="171"/>
        <source>Approve the assessment of %1 (%2, %3)?</source>
        <translation>Setujui penilaian %1 (%2, %3)?</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="177"/>
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="185"/>
        <source>Approved: %1</source>
        <translation>Disetujui: %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="205"/>
        <source>Returned for correction: %1</source>
        <translation>Dikembalikan untuk perbaikan: %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="229"/>
        <source>Write the package of %1 for the assessor now?

It goes to the outbox: %2</source>
        <translation>Tulis paket %1 untuk penilai sekarang?

Paket masuk ke kotak keluar: %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="280"/>
        <source>Packages have arrived. Type the passphrase of your receiving key to open the respondents&apos; personal data, or skip to import them without it (it stays locked; importing again with the passphrase adds it). Asked once per session.</source>
        <translation>Paket telah masuk. Ketik frasa sandi kunci penerima Anda untuk membuka data pribadi responden, atau lewati untuk mengimpor tanpanya (data itu tetap terkunci; impor ulang dengan frasa sandi akan menambahkannya). Hanya ditanyakan sekali per sesi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="285"/>
        <source>&amp;Skip</source>
        <translation>&amp;Lewati</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="234"/>
        <source>Package for the assessor</source>
        <translation>Paket untuk penilai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="235"/>
        <source>Write package</source>
        <translation>Tulis paket</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="245"/>
        <location filename="../../ombud_desktop/ui/supervision.py" line="251"/>
        <source>Inbox folder</source>
        <translation>Folder kotak masuk</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="252"/>
        <source>Stop watching %1?</source>
        <translation>Berhenti memantau %1?</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="253"/>
        <source>Stop watching</source>
        <translation>Berhenti memantau</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="264"/>
        <source>Watching the inbox: %1</source>
        <translation>Memantau kotak masuk: %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/supervision.py" line="278"/>
        <source>Packages in the inbox</source>
        <translation>Paket di kotak masuk</translation>
    </message>
</context>
<context>
    <name>TrustedKeysModel</name>
    <message>
        <location filename="../../ombud_desktop/ui/models/trusted_keys.py" line="34"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/trusted_keys.py" line="34"/>
        <source>Fingerprint</source>
        <translation>Sidik jari</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/trusted_keys.py" line="34"/>
        <source>Trusted since</source>
        <translation>Dipercayai sejak</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/trusted_keys.py" line="77"/>
        <source>(no name)</source>
        <translation>(tanpa nama)</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="209"/>
        <source>Verify packages</source>
        <translation>Verifikasi paket</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="212"/>
        <source>valid</source>
        <translation>sah</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="212"/>
        <source>NOT valid</source>
        <translation>TIDAK sah</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="222"/>
        <source>Signed by %1, fingerprint %2</source>
        <translation>Ditandatangani oleh %1, sidik jari %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="233"/>
        <source>Assessment %1, %n change(s)</source>
        <translation>
            <numerusform>Penilaian %1, %n perubahan</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/package_results.py" line="244"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>VersionsView</name>
    <message>
        <location filename="../../ombud_desktop/ui/conflicts.py" line="72"/>
        <source>Evidence for this indicator</source>
        <translation>Bukti untuk indikator ini</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/conflicts.py" line="78"/>
        <source>Show &amp;personal data</source>
        <translation>Tampilkan data &amp;pribadi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/conflicts.py" line="80"/>
        <source>The versions hold a respondent&apos;s name, NIP or phone number</source>
        <translation>Versi-versi ini berisi nama, NIP, atau nomor telepon responden</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/conflicts.py" line="85"/>
        <source>&amp;Another value…</source>
        <translation>Nilai &amp;lain…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/conflicts.py" line="86"/>
        <source>Keep neither version: give the right value</source>
        <translation>Jangan pakai kedua versi: isi nilai yang benar</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/conflicts.py" line="105"/>
        <source>Choose a conflict in the list.</source>
        <translation>Pilih sebuah konflik dalam daftar.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/conflicts.py" line="138"/>
        <source>(personal data)</source>
        <translation>(data pribadi)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/conflicts.py" line="149"/>
        <source>Device %1
%2</source>
        <translation>Perangkat %1
%2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/conflicts.py" line="156"/>
        <source>Keep this</source>
        <translation>Pakai nilai ini</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/conflicts.py" line="157"/>
        <source>Keep %1&apos;s version</source>
        <translation>Pakai versi %1</translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="223"/>
        <source>Where your work is kept</source>
        <translation>Tempat hasil kerja Anda disimpan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="226"/>
        <source>Every answer and photo is saved at once in this folder. Choose a folder on this computer that is backed up, not a USB stick.</source>
        <translation>Setiap jawaban dan foto langsung disimpan di folder ini. Pilih folder di komputer ini yang dicadangkan, bukan di flashdisk.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="232"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Pilih…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="238"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="243"/>
        <source>&amp;Open a sample workspace to explore (demo data, kept apart from your work)</source>
        <translation>&amp;Buka ruang kerja contoh untuk dijelajahi (data demo, terpisah dari hasil kerja Anda)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="256"/>
        <source>Workspace folder</source>
        <translation>Folder ruang kerja</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="265"/>
        <source>Choose a folder.</source>
        <translation>Pilih folder.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="268"/>
        <source>Give the whole path of the folder.</source>
        <translation>Tuliskan path lengkap folder.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/dialogs/setup.py" line="270"/>
        <source>This is a file, not a folder.</source>
        <translation>Ini berkas, bukan folder.</translation>
    </message>
</context>
<context>
    <name>_RatedBlock</name>
    <message>
        <location filename="../../ombud_desktop/ui/pages/role.py" line="139"/>
        <source>Keys 0-3 choose the level</source>
        <translation>Tekan 0-3 untuk memilih level</translation>
    </message>
</context>
<context>
    <name>_RecallBlock</name>
    <message>
        <location filename="../../ombud_desktop/ui/pages/role.py" line="60"/>
        <source>Tick each component the respondent named unprompted.</source>
        <translation>Centang setiap komponen yang disebut responden atas inisiatif sendiri.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/role.py" line="71"/>
        <source>Also counts: %1</source>
        <translation>Juga dihitung: %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/pages/role.py" line="100"/>
        <source>Named: %1 → level %2</source>
        <translation>Disebut: %1 → level %2</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <location filename="../../ombud_desktop/ui/alerts.py" line="33"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/alerts.py" line="50"/>
        <source>Error</source>
        <translation>Kesalahan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/alerts.py" line="61"/>
        <source>Something went wrong. Nothing more was saved.</source>
        <translation>Terjadi kesalahan. Tidak ada perubahan lebih lanjut yang disimpan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/alerts.py" line="95"/>
        <source>This cannot be left empty.</source>
        <translation>Isian ini tidak boleh kosong.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/alerts.py" line="30"/>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
</context>
<context>
    <name>conflicts</name>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="99"/>
        <source>value</source>
        <translation>nilai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="100"/>
        <source>why not applicable</source>
        <translation>alasan tidak berlaku</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="101"/>
        <source>follow-up</source>
        <translation>tindak lanjut</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="106"/>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="108"/>
        <source>electronic</source>
        <translation>elektronik</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="111"/>
        <source>product %1, %2</source>
        <translation>produk %1, %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="119"/>
        <source>a service user</source>
        <translation>pengguna layanan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="123"/>
        <source>notes</source>
        <translation>catatan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="137"/>
        <source>(no value)</source>
        <translation>(tanpa nilai)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="152"/>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="155"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="157"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="165"/>
        <source>Absent</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="166"/>
        <source>Incomplete</source>
        <translation>Belum lengkap</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="167"/>
        <source>Complete</source>
        <translation>Lengkap</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="174"/>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="175"/>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/conflicts.py" line="176"/>
        <source>Does not know</source>
        <translation>Tidak tahu</translation>
    </message>
</context>
<context>
    <name>inbox</name>
    <message>
        <location filename="../../ombud_desktop/ui/inbox.py" line="170"/>
        <source>%n new package(s) imported</source>
        <translation>%n paket baru diimpor</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/inbox.py" line="172"/>
        <source>%n conflict(s)</source>
        <translation>%n konflik</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/inbox.py" line="175"/>
        <source>%n refused</source>
        <translation>%n ditolak</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="19"/>
        <source>%1: the file was not found.</source>
        <translation>%1: berkas tidak ditemukan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="20"/>
        <source>Check that the file still exists (a removed memory card?) and try again.</source>
        <translation>Periksa apakah berkas masih ada (kartu memori dicabut?) lalu coba lagi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="26"/>
        <source>%1: the file is empty.</source>
        <translation>%1: berkas kosong.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="27"/>
        <source>Choose the photo or document again.</source>
        <translation>Pilih lagi foto atau dokumennya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="30"/>
        <source>%1 is larger than the %2 MB allowed.</source>
        <translation>%1 lebih besar dari batas %2 MB.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="31"/>
        <source>Attach a smaller file: a photo, or a PDF of only the pages that matter.</source>
        <translation>Lampirkan berkas yang lebih kecil: foto, atau PDF berisi halaman yang penting saja.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="37"/>
        <source>%1 is not a photo or a PDF document.</source>
        <translation>%1 bukan foto atau dokumen PDF.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="38"/>
        <source>Attach a photo (JPEG, PNG) or a PDF document.</source>
        <translation>Lampirkan foto (JPEG, PNG) atau dokumen PDF.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="41"/>
        <source>%1: the photo is damaged and cannot be read.</source>
        <translation>%1: foto rusak dan tidak dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="42"/>
        <source>Copy the photo from the camera again, or take it again.</source>
        <translation>Salin lagi foto dari kamera, atau ambil foto ulang.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="47"/>
        <source>%1 could not be stored.</source>
        <translation>%1 tidak dapat disimpan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="48"/>
        <source>Check that the workspace folder can be written to; nothing was stored.</source>
        <translation>Pastikan folder ruang kerja dapat ditulisi; tidak ada yang disimpan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="53"/>
        <source>The workspace folder was not found.</source>
        <translation>Folder ruang kerja tidak ditemukan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="54"/>
        <source>Connect the drive it is on and start again; nothing was created elsewhere.</source>
        <translation>Sambungkan diska tempat folder itu berada, lalu mulai lagi; tidak ada yang dibuat di tempat lain.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="60"/>
        <source>This conflict has already been resolved.</source>
        <translation>Konflik ini sudah diselesaikan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="61"/>
        <source>The list of conflicts shows the open ones.</source>
        <translation>Daftar konflik menampilkan yang masih terbuka.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="64"/>
        <source>That is not one of the conflicting versions.</source>
        <translation>Itu bukan salah satu versi yang berkonflik.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="65"/>
        <source>Choose one of the versions shown.</source>
        <translation>Pilih salah satu versi yang ditampilkan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="68"/>
        <source>A returned assessment needs a comment.</source>
        <translation>Penilaian yang dikembalikan memerlukan komentar.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="69"/>
        <source>Say what the assessor should correct.</source>
        <translation>Sebutkan apa yang harus diperbaiki penilai.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="72"/>
        <source>The instrument has no such indicator.</source>
        <translation>Instrumen tidak memiliki indikator itu.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="73"/>
        <source>Choose the indicator from the list.</source>
        <translation>Pilih indikator dari daftar.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="76"/>
        <source>The disk is full.</source>
        <translation>Disk penuh.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="77"/>
        <source>Free some space on the disk and try again; nothing was changed.</source>
        <translation>Kosongkan sebagian ruang disk lalu coba lagi; tidak ada yang diubah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="90"/>
        <source>The workspace cannot be written to.</source>
        <translation>Ruang kerja tidak dapat ditulisi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="91"/>
        <source>Check that the workspace folder can be written to; nothing was changed.</source>
        <translation>Pastikan folder ruang kerja dapat ditulisi; tidak ada yang diubah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="97"/>
        <source>The workspace is in use by another program.</source>
        <translation>Ruang kerja sedang dipakai program lain.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="98"/>
        <source>Close the other Ombud Desktop window or command and try again.</source>
        <translation>Tutup jendela atau perintah Ombud Desktop yang lain lalu coba lagi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="103"/>
        <source>The workspace refused this change.</source>
        <translation>Ruang kerja menolak perubahan ini.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="104"/>
        <source>Nothing was changed. Please report this with the file or steps that led to it.</source>
        <translation>Tidak ada yang diubah. Mohon laporkan ini beserta berkas atau langkah yang menyebabkannya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="110"/>
        <source>The workspace database is damaged.</source>
        <translation>Basis data ruang kerja rusak.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="111"/>
        <source>Restore the workspace from a backup or a package; do not keep writing to it.</source>
        <translation>Pulihkan ruang kerja dari cadangan atau paket; jangan terus menulis ke dalamnya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="117"/>
        <source>This workspace was made by a newer version of Ombud Desktop.</source>
        <translation>Ruang kerja ini dibuat oleh versi Ombud Desktop yang lebih baru.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="120"/>
        <source>Install the newer version to open it. Nothing in it was changed.</source>
        <translation>Pasang versi yang lebih baru untuk membukanya. Isinya tidak diubah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="125"/>
        <source>This workspace was made by a different build of Ombud Desktop.</source>
        <translation>Ruang kerja ini dibuat oleh build Ombud Desktop yang berbeda.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="128"/>
        <source>Open it with the build that made it. Nothing in it was changed.</source>
        <translation>Buka dengan build yang membuatnya. Isinya tidak diubah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="133"/>
        <source>Answers can be recorded only after the respondent has agreed.</source>
        <translation>Jawaban hanya dapat dicatat setelah responden setuju.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="136"/>
        <source>Read the consent text; if the person refuses, record nothing.</source>
        <translation>Bacakan teks persetujuan; bila orang itu menolak, jangan catat apa pun.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="141"/>
        <source>This assessment is complete and locked.</source>
        <translation>Penilaian ini sudah selesai dan terkunci.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="142"/>
        <source>Reopen it (with a reason) to change it.</source>
        <translation>Buka kembali (dengan alasan) untuk mengubahnya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="145"/>
        <source>This assessment is in the trash.</source>
        <translation>Penilaian ini ada di tempat sampah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="146"/>
        <source>Restore it first.</source>
        <translation>Pulihkan dulu.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="149"/>
        <source>This role has not been recorded as interviewed.</source>
        <translation>Jabatan ini belum dicatat sebagai diwawancarai.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="152"/>
        <source>Record the respondent of the role first.</source>
        <translation>Catat dulu responden jabatan ini.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="155"/>
        <source>%1: the PDF could not be written.</source>
        <translation>%1: PDF tidak dapat ditulis.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="156"/>
        <source>Choose a folder you can write to, with free space; nothing was written.</source>
        <translation>Pilih folder yang dapat ditulisi dan masih berisi ruang kosong; tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="162"/>
        <source>The assessment is not complete yet.</source>
        <translation>Penilaian belum lengkap.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="163"/>
        <source>See the list of what is still missing.</source>
        <translation>Lihat daftar hal yang masih kurang.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="82"/>
        <source>%1 could not be written.</source>
        <translation>%1 tidak dapat ditulis.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="83"/>
        <source>Check that the folder can be written to and the file is not open in another program; nothing was written.</source>
        <translation>Periksa apakah folder dapat ditulisi dan berkas tidak sedang dibuka di program lain; tidak ada yang ditulis.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="20"/>
        <source>Ask the assessor to export the package again and send a new copy. Nothing was imported.</source>
        <translation>Minta penilai mengekspor paket lagi dan mengirim salinan baru. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="27"/>
        <source>The passphrase is wrong.</source>
        <translation>Frasa sandi salah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="28"/>
        <source>Type it again; it is the passphrase chosen when the key was made.</source>
        <translation>Ketik lagi; ini frasa sandi yang dipilih saat kunci dibuat.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="33"/>
        <source>The passphrase is too short: at least 8 characters are needed.</source>
        <translation>Frasa sandi terlalu pendek: perlu minimal 8 karakter.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="34"/>
        <source>Choose a longer passphrase: a few words you will remember work well.</source>
        <translation>Pilih frasa sandi yang lebih panjang: beberapa kata yang mudah Anda ingat sudah cukup.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="39"/>
        <source>A passphrase is needed.</source>
        <translation>Frasa sandi diperlukan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="40"/>
        <source>Type the passphrase of your key.</source>
        <translation>Ketik frasa sandi kunci Anda.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="43"/>
        <source>You have no signing key yet.</source>
        <translation>Anda belum punya kunci tanda tangan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="44"/>
        <source>Create one in Settings › Keys.</source>
        <translation>Buat di Pengaturan › Kunci.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="47"/>
        <source>This key has no receiving key.</source>
        <translation>Kunci ini tidak berisi kunci penerima.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="48"/>
        <source>Ask the supervisor to create a receiving key and export their key again.</source>
        <translation>Minta supervisor membuat kunci penerima lalu mengekspor kuncinya lagi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="54"/>
        <source>This key already exists.</source>
        <translation>Kunci ini sudah ada.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="55"/>
        <source>Keep using it; change its passphrase in Settings › Keys if needed.</source>
        <translation>Tetap gunakan kunci itu; ubah frasa sandinya di Pengaturan › Kunci bila perlu.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="60"/>
        <source>The key file is not a valid Ombud key file or is damaged.</source>
        <translation>Berkas kunci ini bukan berkas kunci Ombud yang sah atau rusak.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="61"/>
        <source>Ask for the .ombkey file exported from Settings › Keys.</source>
        <translation>Minta berkas .ombkey yang diekspor dari Pengaturan › Kunci.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="64"/>
        <source>The key file was made by a newer version of Ombud Desktop.</source>
        <translation>Berkas kunci dibuat oleh versi Ombud Desktop yang lebih baru.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="65"/>
        <source>Update Ombud Desktop.</source>
        <translation>Perbarui Ombud Desktop.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="68"/>
        <source>That trusted key was not found.</source>
        <translation>Kunci tepercaya itu tidak ditemukan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="69"/>
        <source>Close and open Settings › Keys again.</source>
        <translation>Tutup lalu buka lagi Pengaturan › Kunci.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="73"/>
        <source>This assessment has no answers to export yet.</source>
        <translation>Penilaian ini belum punya jawaban untuk diekspor.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="74"/>
        <source>Open it and record at least one answer.</source>
        <translation>Buka penilaian itu dan catat minimal satu jawaban.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="77"/>
        <source>The package could not be written to the outbox folder.</source>
        <translation>Paket tidak dapat ditulis ke folder kotak keluar.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="78"/>
        <source>Check that the folder exists and can be written to (is the USB stick plugged in?); no package file was left.</source>
        <translation>Periksa bahwa folder itu ada dan dapat ditulisi (apakah flashdisk terpasang?); tidak ada berkas paket yang tertinggal.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="85"/>
        <source>The evidence files of the package could not be stored.</source>
        <translation>Berkas bukti dari paket tidak dapat disimpan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="86"/>
        <source>Check that the workspace folder can be written to; nothing was imported.</source>
        <translation>Periksa bahwa folder ruang kerja dapat ditulisi; tidak ada yang diimpor.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="92"/>
        <source>An evidence file is missing from the workspace.</source>
        <translation>Sebuah berkas bukti hilang dari ruang kerja.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="93"/>
        <source>Attach the photo again (or remove that evidence) and export again; no package file was left.</source>
        <translation>Lampirkan foto itu lagi (atau hapus bukti itu) lalu ekspor lagi; tidak ada berkas paket yang tertinggal.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="100"/>
        <source>An evidence file in the workspace is damaged.</source>
        <translation>Sebuah berkas bukti di ruang kerja rusak.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="101"/>
        <source>Attach the photo again and export again; no package file was left.</source>
        <translation>Lampirkan foto itu lagi lalu ekspor lagi; tidak ada berkas paket yang tertinggal.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="106"/>
        <source>This assessment uses another instrument version here than in the package.</source>
        <translation>Penilaian ini memakai versi instrumen yang berbeda di sini dan di dalam paket.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="110"/>
        <source>Both copies must use the same instrument version; nothing was imported.</source>
        <translation>Kedua salinan harus memakai versi instrumen yang sama; tidak ada yang diimpor.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="117"/>
        <source>The file was not found.</source>
        <translation>Berkas tidak ditemukan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="118"/>
        <source>Choose the file again.</source>
        <translation>Pilih berkas itu lagi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="121"/>
        <source>The file cannot be read.</source>
        <translation>Berkas tidak dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="122"/>
        <source>Copy the file to this computer and try again.</source>
        <translation>Salin berkas ke komputer ini lalu coba lagi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="125"/>
        <source>The package is larger than allowed.</source>
        <translation>Paket lebih besar daripada yang diizinkan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="126"/>
        <source>Ask the assessor to send it in parts (one package per assessment).</source>
        <translation>Minta penilai mengirimnya terpisah (satu paket per penilaian).</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="131"/>
        <source>The file is damaged or incomplete (cut off while being copied?).</source>
        <translation>Berkas rusak atau tidak lengkap (terpotong saat disalin?).</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="134"/>
        <source>Copy the file again from the USB stick or shared folder.</source>
        <translation>Salin lagi berkas itu dari flashdisk atau folder bersama.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="137"/>
        <source>This is not an Ombud package.</source>
        <translation>Ini bukan paket Ombud.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="138"/>
        <source>Choose a .ombx file exported by Ombud Desktop.</source>
        <translation>Pilih berkas .ombx yang diekspor oleh Ombud Desktop.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="141"/>
        <source>The package was made by a newer version of Ombud Desktop.</source>
        <translation>Paket dibuat oleh versi Ombud Desktop yang lebih baru.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="142"/>
        <source>Update Ombud Desktop to import this package.</source>
        <translation>Perbarui Ombud Desktop untuk mengimpor paket ini.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="145"/>
        <source>The package is signed by a key you do not trust yet.</source>
        <translation>Paket ditandatangani dengan kunci yang belum Anda percayai.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="146"/>
        <source>Compare the fingerprint with the assessor, read aloud, then trust the key.</source>
        <translation>Cocokkan sidik jari dengan penilai dengan membacanya keras-keras, lalu percayai kuncinya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="152"/>
        <source>The signature is not valid: the package was changed or damaged after it was signed.</source>
        <translation>Tanda tangan tidak sah: paket diubah atau rusak setelah ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="159"/>
        <source>The package has no signature.</source>
        <translation>Paket tidak bertanda tangan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="160"/>
        <source>The package has no list of contents.</source>
        <translation>Paket tidak memiliki daftar isi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="162"/>
        <source>The package&apos;s list of contents is malformed.</source>
        <translation>Daftar isi paket tidak berbentuk benar.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="166"/>
        <source>A file in the package was changed or damaged after it was signed.</source>
        <translation>Sebuah berkas dalam paket diubah atau rusak setelah ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="172"/>
        <source>A file listed in the package is missing.</source>
        <translation>Sebuah berkas yang tercantum dalam paket tidak ada.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="176"/>
        <source>The package holds a file it does not list.</source>
        <translation>Paket berisi berkas yang tidak tercantum dalam daftar isinya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="180"/>
        <source>A file in the package has the wrong size.</source>
        <translation>Sebuah berkas dalam paket berukuran salah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="184"/>
        <source>A file in the package is larger than it declares.</source>
        <translation>Sebuah berkas dalam paket lebih besar daripada yang dinyatakan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="187"/>
        <source>A file in the package is malformed.</source>
        <translation>Sebuah berkas dalam paket tidak berbentuk benar.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="189"/>
        <source>A file in the package is compressed implausibly (unsafe).</source>
        <translation>Sebuah berkas dalam paket dimampatkan secara tidak wajar (tidak aman).</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="192"/>
        <source>The package holds too many files.</source>
        <translation>Paket berisi terlalu banyak berkas.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="194"/>
        <source>The package holds the same file twice.</source>
        <translation>Paket berisi berkas yang sama dua kali.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="198"/>
        <source>The package holds a file with an unsafe name.</source>
        <translation>Paket berisi berkas dengan nama yang tidak aman.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="202"/>
        <source>The package holds a link, which is not allowed.</source>
        <translation>Paket berisi tautan, dan itu tidak diizinkan.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="206"/>
        <source>The package holds a password-protected file.</source>
        <translation>Paket berisi berkas yang dilindungi kata sandi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="210"/>
        <source>The package file is not laid out as Ombud writes it.</source>
        <translation>Susunan berkas paket tidak seperti yang ditulis Ombud.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="214"/>
        <source>The encrypted personal data cannot be opened with your receiving key.</source>
        <translation>Data pribadi terenkripsi tidak dapat dibuka dengan kunci penerima Anda.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/packages/wording.py" line="219"/>
        <source>The package was not verified.</source>
        <translation>Paket belum diverifikasi.</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="60"/>
        <source>Returned for correction by %1, %2.</source>
        <translation>Dikembalikan untuk perbaikan oleh %1, %2.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="62"/>
        <source>Approved by %1, %2.</source>
        <translation>Disetujui oleh %1, %2.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/review.py" line="73"/>
        <source>%n indicator(s) have a comment (marked ✎ in the list).</source>
        <translation>%n indikator diberi komentar (bertanda ✎ di daftar).</translation>
    </message>
</context>
</TS>
