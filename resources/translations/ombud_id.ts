<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Application</name>
    <message>
        <location filename="../../ombud_desktop/ui/app.py" line="190"/>
        <source>Your key is ready: %1</source>
        <translation>Kunci Anda sudah siap: %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/app.py" line="261"/>
        <source>Open a package</source>
        <translation>Buka paket</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/app.py" line="262"/>
        <source>To import %1, use the command line for now: ombud import FILE</source>
        <translation>Untuk mengimpor %1, untuk sementara gunakan baris perintah: ombud import BERKAS</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/app.py" line="291"/>
        <source>Ombud Desktop – sample workspace (demo data)</source>
        <translation>Ombud Desktop – ruang kerja contoh (data demo)</translation>
    </message>
</context>
<context>
    <name>AssessmentTableModel</name>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="80"/>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="81"/>
        <source>Complete</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="82"/>
        <source>Signed</source>
        <translation>Ditandatangani</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="258"/>
        <source>Entity</source>
        <translation>Entitas</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="259"/>
        <source>Locus</source>
        <translation>Lokus</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="260"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="261"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="262"/>
        <source>Progress</source>
        <translation>Progres</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="263"/>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="264"/>
        <source>Grade</source>
        <translation>Predikat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="328"/>
        <source>{grade} (provisional)</source>
        <translation>{grade} (sementara)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/assessments.py" line="335"/>
        <source>Provisional: %n thing(s) still missing before the assessment is complete.</source>
        <translation>Sementara: masih kurang %n hal sebelum penilaian selesai.</translation>
    </message>
</context>
<context>
    <name>AssessmentView</name>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="176"/>
        <source>Process (display)</source>
        <translation>Proses (keterpampangan)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="177"/>
        <source>Input: role interviews</source>
        <translation>Input: wawancara jabatan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="178"/>
        <source>Input: facilities</source>
        <translation>Input: sarana prasarana</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="179"/>
        <source>Output: service users</source>
        <translation>Output: pengguna layanan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="180"/>
        <source>Complaint handling</source>
        <translation>Pengelolaan pengaduan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="181"/>
        <source>Products observed</source>
        <translation>Produk yang diamati</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="190"/>
        <source>Service users</source>
        <translation>Pengguna layanan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="198"/>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="208"/>
        <source>← Assessments</source>
        <translation>← Daftar penilaian</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="255"/>
        <source>◀ Previous</source>
        <translation>◀ Sebelumnya</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="256"/>
        <source>PageUp or Alt+Left</source>
        <translation>PageUp atau Alt+←</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="258"/>
        <source>Next ▶</source>
        <translation>Berikutnya ▶</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="259"/>
        <source>PageDown, Enter or Alt+Right</source>
        <translation>PageDown, Enter atau Alt+→</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="392"/>
        <source>Reopen…</source>
        <translation>Buka kembali…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="393"/>
        <source>Complete: locked</source>
        <translation>Selesai: terkunci</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="395"/>
        <source>Finish</source>
        <translation>Selesaikan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="396"/>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="409"/>
        <source>Reopen</source>
        <translation>Buka kembali</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/assessment_view.py" line="409"/>
        <source>Why must this assessment be changed?</source>
        <translation>Mengapa penilaian ini perlu diubah?</translation>
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
        <location filename="../../ombud_desktop/ui/models/results.py" line="270"/>
        <source>Rank within the entity&apos;s category (kota, kabupaten…) and period</source>
        <translation>Peringkat dalam kategori entitas (kota, kabupaten…) dan periode</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="274"/>
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="275"/>
        <source>Entity</source>
        <translation>Entitas</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="276"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="277"/>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="278"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="279"/>
        <source>Loci</source>
        <translation>Lokus</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="280"/>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="281"/>
        <source>Grade</source>
        <translation>Predikat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="282"/>
        <source>Corrections</source>
        <translation>Koreksi</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/models/results.py" line="347"/>
        <source>Provisional: %n locus/loci not complete yet</source>
        <translation>
            <numerusform>Sementara: %n lokus belum lengkap</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="350"/>
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
    <name>HomeView</name>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="170"/>
        <source>&amp;Open</source>
        <translation>B&amp;uka</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="171"/>
        <source>Open the assessment (Enter or double-click)</source>
        <translation>Buka penilaian (Enter atau klik dua kali)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="172"/>
        <source>Use as &amp;template</source>
        <translation>Jadikan &amp;templat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="174"/>
        <source>Start a new assessment with the same entity, locus, team and products</source>
        <translation>Mulai penilaian baru dengan entitas, lokus, tim, dan produk yang sama</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="176"/>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="179"/>
        <source>Move the assessment to the trash (Del)</source>
        <translation>Pindahkan penilaian ke tempat sampah (Del)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="180"/>
        <source>&amp;Restore</source>
        <translation>Pu&amp;lihkan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="181"/>
        <source>Bring the assessment back from the trash</source>
        <translation>Kembalikan penilaian dari tempat sampah</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="184"/>
        <source>+ &amp;New assessment</source>
        <translation>+ Penilaian &amp;baru</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="185"/>
        <source>Start a new assessment (Ctrl+N)</source>
        <translation>Mulai penilaian baru (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="187"/>
        <location filename="../../ombud_desktop/ui/home.py" line="351"/>
        <source>All periods</source>
        <translation>Semua periode</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="190"/>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="194"/>
        <source>Search entity, locus or province</source>
        <translation>Cari entitas, lokus, atau provinsi</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="196"/>
        <source>Search (Ctrl+F)</source>
        <translation>Cari (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="198"/>
        <source>Tr&amp;ash</source>
        <translation>&amp;Sampah</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="200"/>
        <source>Show the deleted assessments instead</source>
        <translation>Tampilkan penilaian yang sudah dihapus</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="202"/>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="204"/>
        <source>S&amp;tatus:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="441"/>
        <source>The assessments could not be loaded.</source>
        <translation>Daftar penilaian tidak dapat dimuat.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="443"/>
        <location filename="../../ombud_desktop/ui/home.py" line="457"/>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="447"/>
        <source>The trash is empty.</source>
        <translation>Tempat sampah kosong.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="449"/>
        <source>No assessments yet. Start one with “New assessment”.</source>
        <translation>Belum ada penilaian. Mulai dengan “Penilaian baru”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/home.py" line="459"/>
        <source>%n assessment(s)</source>
        <translation>
            <numerusform>%n penilaian</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ombud_desktop/ui/home.py" line="461"/>
        <source>{shown} of %n assessment(s)</source>
        <translation>
            <numerusform>{shown} dari %n penilaian</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="517"/>
        <source>Move the assessment of {locus} ({entity}, {period}) to the trash?

You can restore it from the trash.</source>
        <translation>Pindahkan penilaian {locus} ({entity}, {period}) ke tempat sampah?

Anda dapat memulihkannya dari tempat sampah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="521"/>
        <source>Delete assessment</source>
        <translation>Hapus penilaian</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/home.py" line="521"/>
        <source>Move to trash</source>
        <translation>Pindahkan ke tempat sampah</translation>
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
    <name>LocusTableModel</name>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="474"/>
        <source>Locus</source>
        <translation>Lokus</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="475"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="476"/>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="477"/>
        <source>Grade</source>
        <translation>Predikat</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/models/results.py" line="478"/>
        <source>Missing</source>
        <translation>Kurang</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="70"/>
        <source>Assessor: %1 · Device %2</source>
        <translation>Penilai: %1 · Perangkat %2</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/app.py" line="271"/>
        <location filename="../../ombud_desktop/ui/main_window.py" line="92"/>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="94"/>
        <source>&amp;New assessment…</source>
        <translation>Penilaian &amp;baru…</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="96"/>
        <source>&amp;Assessments</source>
        <translation>&amp;Daftar penilaian</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="99"/>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="100"/>
        <source>&amp;Settings</source>
        <translation>&amp;Pengaturan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="101"/>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="107"/>
        <source>&amp;Help</source>
        <translation>B&amp;antuan</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="108"/>
        <source>&amp;About Ombud Desktop</source>
        <translation>&amp;Tentang Ombud Desktop</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="175"/>
        <source>About Ombud Desktop</source>
        <translation>Tentang Ombud Desktop</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="177"/>
        <source>&lt;b&gt;Ombud Desktop %1&lt;/b&gt;&lt;p&gt;Offline assessment of public-service compliance for the Ombudsman of the Republic of Indonesia.&lt;/p&gt;&lt;p&gt;Every answer is saved the moment it is given.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Ombud Desktop %1&lt;/b&gt;&lt;p&gt;Penilaian kepatuhan penyelenggaraan pelayanan publik secara luring (tanpa internet) untuk Ombudsman Republik Indonesia.&lt;/p&gt;&lt;p&gt;Setiap jawaban langsung tersimpan begitu diberikan.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="198"/>
        <source>Saved %1</source>
        <translation>Tersimpan %1</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/main_window.py" line="97"/>
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
        <source>The disk is full.</source>
        <translation>Disk penuh.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="61"/>
        <source>Free some space on the disk and try again; nothing was changed.</source>
        <translation>Kosongkan sebagian ruang disk lalu coba lagi; tidak ada yang diubah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="74"/>
        <source>The workspace cannot be written to.</source>
        <translation>Ruang kerja tidak dapat ditulisi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="75"/>
        <source>Check that the workspace folder can be written to; nothing was changed.</source>
        <translation>Pastikan folder ruang kerja dapat ditulisi; tidak ada yang diubah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="81"/>
        <source>The workspace is in use by another program.</source>
        <translation>Ruang kerja sedang dipakai program lain.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="82"/>
        <source>Close the other Ombud Desktop window or command and try again.</source>
        <translation>Tutup jendela atau perintah Ombud Desktop yang lain lalu coba lagi.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="87"/>
        <source>The workspace database is damaged.</source>
        <translation>Basis data ruang kerja rusak.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="88"/>
        <source>Restore the workspace from a backup or a package; do not keep writing to it.</source>
        <translation>Pulihkan ruang kerja dari cadangan atau paket; jangan terus menulis ke dalamnya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="94"/>
        <source>This workspace was made by a newer version of Ombud Desktop.</source>
        <translation>Ruang kerja ini dibuat oleh versi Ombud Desktop yang lebih baru.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="97"/>
        <source>Install the newer version to open it. Nothing in it was changed.</source>
        <translation>Pasang versi yang lebih baru untuk membukanya. Isinya tidak diubah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="102"/>
        <source>This workspace was made by a different build of Ombud Desktop.</source>
        <translation>Ruang kerja ini dibuat oleh build Ombud Desktop yang berbeda.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="105"/>
        <source>Open it with the build that made it. Nothing in it was changed.</source>
        <translation>Buka dengan build yang membuatnya. Isinya tidak diubah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="110"/>
        <source>Answers can be recorded only after the respondent has agreed.</source>
        <translation>Jawaban hanya dapat dicatat setelah responden setuju.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="113"/>
        <source>Read the consent text; if the person refuses, record nothing.</source>
        <translation>Bacakan teks persetujuan; bila orang itu menolak, jangan catat apa pun.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="118"/>
        <source>This assessment is complete and locked.</source>
        <translation>Penilaian ini sudah selesai dan terkunci.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="119"/>
        <source>Reopen it (with a reason) to change it.</source>
        <translation>Buka kembali (dengan alasan) untuk mengubahnya.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="122"/>
        <source>This assessment is in the trash.</source>
        <translation>Penilaian ini ada di tempat sampah.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="123"/>
        <source>Restore it first.</source>
        <translation>Pulihkan dulu.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="126"/>
        <source>This role has not been recorded as interviewed.</source>
        <translation>Jabatan ini belum dicatat sebagai diwawancarai.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="129"/>
        <source>Record the respondent of the role first.</source>
        <translation>Catat dulu responden jabatan ini.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="132"/>
        <source>The assessment is not complete yet.</source>
        <translation>Penilaian belum lengkap.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="133"/>
        <source>See the list of what is still missing.</source>
        <translation>Lihat daftar hal yang masih kurang.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="66"/>
        <source>%1 could not be written.</source>
        <translation>%1 tidak dapat ditulis.</translation>
    </message>
    <message>
        <location filename="../../ombud_desktop/ui/messages.py" line="67"/>
        <source>Check that the folder can be written to and the file is not open in another program; nothing was written.</source>
        <translation>Periksa apakah folder dapat ditulisi dan berkas tidak sedang dibuka di program lain; tidak ada yang ditulis.</translation>
    </message>
</context>
</TS>
