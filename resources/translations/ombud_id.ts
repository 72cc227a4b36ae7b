<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Application</name>
    <message>
        <source>Your key is ready: %1</source>
        <translation>Kunci Anda sudah siap: %1</translation>
    </message>
    <message>
        <source>Ombud Desktop – sample workspace (demo data)</source>
        <translation>Ombud Desktop – ruang kerja contoh (data demo)</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Dipulihkan</translation>
    </message>
    <message>
        <source>The backup was restored: %1 assessments, each as the backup recorded it. The workspace that was open is kept in %2.</source>
        <translation>Cadangan telah dipulihkan: %1 penilaian, masing-masing seperti yang dicatat cadangan. Ruang kerja yang tadi terbuka disimpan di %2.</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>Memeriksa dan memulihkan cadangan…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
</context>
<context>
    <name>AssessmentTableModel</name>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Ditandatangani</translation>
    </message>
    <message>
        <source>⚠ %n conflict(s)</source>
        <translation>⚠ %n konflik</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <source>%n change(s) waiting</source>
        <translation>%n perubahan menunggu</translation>
    </message>
    <message>
        <source>%n comment(s) of the supervisor still open (✎)</source>
        <translation>%n komentar supervisor masih terbuka (✎)</translation>
    </message>
    <message>
        <source>Approved by %1, %2</source>
        <translation>Disetujui oleh %1, %2</translation>
    </message>
    <message>
        <source>Returned for correction by %1, %2</source>
        <translation>Dikembalikan untuk perbaikan oleh %1, %2</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entitas</translation>
    </message>
    <message>
        <source>Locus</source>
        <translation>Lokus</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progres</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Predikat</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Tinjauan</translation>
    </message>
    <message>
        <source>{grade} (provisional)</source>
        <translation>{grade} (sementara)</translation>
    </message>
    <message>
        <source>Provisional: %n thing(s) still missing before the assessment is complete.</source>
        <translation>Sementara: masih kurang %n hal sebelum penilaian selesai.</translation>
    </message>
</context>
<context>
    <name>AssessmentView</name>
    <message>
        <source>Mark as fixed</source>
        <translation>Tandai sudah diperbaiki</translation>
    </message>
    <message>
        <source>What did you fix? (optional; the supervisor reads it)</source>
        <translation>Apa yang Anda perbaiki? (boleh dikosongkan; supervisor membacanya)</translation>
    </message>
    <message>
        <source>Process (display)</source>
        <translation>Proses (keterpampangan)</translation>
    </message>
    <message>
        <source>Input: role interviews</source>
        <translation>Input: wawancara jabatan</translation>
    </message>
    <message>
        <source>Input: facilities</source>
        <translation>Input: sarana prasarana</translation>
    </message>
    <message>
        <source>Output: service users</source>
        <translation>Output: pengguna layanan</translation>
    </message>
    <message>
        <source>Process: service users</source>
        <translation>Proses: pengguna layanan</translation>
    </message>
    <message>
        <source>Complaint handling</source>
        <translation>Pengelolaan pengaduan</translation>
    </message>
    <message>
        <source>Products observed</source>
        <translation>Produk yang diamati</translation>
    </message>
    <message>
        <source>Service users</source>
        <translation>Pengguna layanan</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>← Assessments</source>
        <translation>← Daftar penilaian</translation>
    </message>
    <message>
        <source>instrument not meant for {period}</source>
        <translation>instrumen tidak ditetapkan untuk {period}</translation>
    </message>
    <message>
        <source>Why this instrument: {reason}</source>
        <translation>Alasan memakai instrumen ini: {reason}</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Riwayat…</translation>
    </message>
    <message>
        <source>Every change of this page&apos;s answers, with author and time (Ctrl+Shift+H)</source>
        <translation>Setiap perubahan jawaban di halaman ini, dengan pembuat dan waktunya (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <source>Finish, or see what is missing (Ctrl+Shift+F)</source>
        <translation>Selesaikan, atau lihat apa yang masih kurang (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Sebelumnya</translation>
    </message>
    <message>
        <source>PageUp or Alt+Left</source>
        <translation>PageUp atau Alt+←</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Berikutnya ▶</translation>
    </message>
    <message>
        <source>PageDown, Enter or Alt+Right</source>
        <translation>PageDown, Enter atau Alt+→</translation>
    </message>
    <message>
        <source>Mark as fixed…</source>
        <translation>Tandai sudah diperbaiki…</translation>
    </message>
    <message>
        <source>Tell the supervisor the general comment is dealt with</source>
        <translation>Beri tahu supervisor bahwa komentar umum sudah ditangani</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Buka kembali…</translation>
    </message>
    <message>
        <source>Complete: locked</source>
        <translation>Selesai: terkunci</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Selesaikan</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Supervisor&apos;s comment: %1</source>
        <translation>Komentar supervisor: %1</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Buka kembali</translation>
    </message>
    <message>
        <source>Why must this assessment be changed?</source>
        <translation>Mengapa penilaian ini perlu diubah?</translation>
    </message>
</context>
<context>
    <name>CertifyRoleDialog</name>
    <message>
        <source>Certify a key</source>
        <translation>Sertifikasi kunci</translation>
    </message>
    <message>
        <source>Certify the key of %1 as:</source>
        <translation>Sertifikasi kunci %1 sebagai:</translation>
    </message>
    <message>
        <source>&amp;Assessor</source>
        <translation>&amp;Penilai</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>&amp;Supervisor</translation>
    </message>
    <message>
        <source>e.g. Banten</source>
        <translation>mis. Banten</translation>
    </message>
    <message>
        <source>&amp;Province:</source>
        <translation>Pro&amp;vinsi:</translation>
    </message>
    <message>
        <source>&amp;Certify…</source>
        <translation>Serti&amp;fikasi…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ConflictListModel</name>
    <message>
        <source>Entity › locus</source>
        <translation>Entitas › lokus</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versi</translation>
    </message>
</context>
<context>
    <name>ConflictsWindow</name>
    <message>
        <source>Conflicts · Ombud Desktop</source>
        <translation>Konflik · Ombud Desktop</translation>
    </message>
    <message>
        <source>Conflicting edits</source>
        <translation>Isian bertentangan</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikat</translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n konflik terbuka</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicates (%n not decided)</source>
        <translation>
            <numerusform>Duplikat (%n belum diputuskan)</numerusform>
        </translation>
    </message>
    <message>
        <source>Another value</source>
        <translation>Nilai lain</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Add a correction · %1 (%2)</source>
        <translation>Tambah koreksi · %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Subtract points:</source>
        <translation>&amp;Kurangi poin:</translation>
    </message>
    <message>
        <source>&amp;Cap the grade at:</source>
        <translation>&amp;Batasi predikat paling tinggi:</translation>
    </message>
    <message>
        <source>Why (recorded with the correction and sent with the packages)</source>
        <translation>Mengapa (dicatat bersama koreksi dan dikirim bersama paket)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>&amp;Add correction</source>
        <translation>&amp;Tambah koreksi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>CorrectionTableModel</name>
    <message>
        <source>Correction and reason</source>
        <translation>Koreksi dan alasan</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Berlaku</translation>
    </message>
    <message>
        <source>Withdrawn by %1, %2: %3</source>
        <translation>Ditarik oleh %1, %2: %3</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Search entity</source>
        <translation>Cari entitas</translation>
    </message>
    <message>
        <source>With phone numbers (personal data)</source>
        <translation>Dengan nomor telepon (data pribadi)</translation>
    </message>
    <message>
        <source>Add the service users&apos; phone numbers to the workbook, marked as personal data</source>
        <translation>Sertakan nomor telepon pengguna layanan dalam berkas, ditandai sebagai data pribadi</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>&amp;Ekspor ke Excel…</translation>
    </message>
    <message>
        <source>Save entities, loci, service users and the instrument as a workbook</source>
        <translation>Simpan entitas, lokus, pengguna layanan dan instrumen sebagai berkas Excel</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>P&amp;rovince:</source>
        <translation>P&amp;rovinsi:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategori:</translation>
    </message>
    <message>
        <source>Ranks among — %1</source>
        <translation>Peringkat di antara — %1</translation>
    </message>
    <message>
        <source>Grade distribution</source>
        <translation>Sebaran predikat</translation>
    </message>
    <message>
        <source>Double-click an entity to see its loci.</source>
        <translation>Klik dua kali sebuah entitas untuk melihat lokusnya.</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>Semua periode</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>Semua provinsi</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message numerus="yes">
        <source>%n entity(ies)</source>
        <translation>
            <numerusform>%n entitas</numerusform>
        </translation>
    </message>
    <message>
        <source>No score: %1</source>
        <translation>Tanpa nilai: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n provisional</source>
        <translation>
            <numerusform>%n sementara</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisplayPage</name>
    <message>
        <source>Complete when:</source>
        <translation>Lengkap bila:</translation>
    </message>
    <message>
        <source>Incomplete, for example:</source>
        <translation>Belum lengkap, misalnya:</translation>
    </message>
    <message>
        <source>No product is named yet. Name the products observed on the Products page first.</source>
        <translation>Belum ada produk yang dinamai. Isi dulu nama produk yang diamati di halaman “Produk yang diamati”.</translation>
    </message>
    <message>
        <source>Not applicable: %1</source>
        <translation>Tidak berlaku: %1</translation>
    </message>
    <message>
        <source>Value of %1 (mean over the products): %2</source>
        <translation>Nilai %1 (rata-rata semua produk): %2</translation>
    </message>
    <message>
        <source>Product %1: %2</source>
        <translation>Produk %1: %2</translation>
    </message>
    <message>
        <source>→ value %1</source>
        <translation>→ nilai %1</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <source>Check workspace</source>
        <translation>Periksa ruang kerja</translation>
    </message>
    <message>
        <source>The workspace is healthy: nothing to repair.</source>
        <translation>Ruang kerja sehat: tidak ada yang perlu diperbaiki.</translation>
    </message>
    <message>
        <source>Everything found was repaired; no change was lost.</source>
        <translation>Semua yang ditemukan telah diperbaiki; tidak ada perubahan yang hilang.</translation>
    </message>
    <message>
        <source>%1 problem(s) could not be repaired here. Restore a backup, or ask for help with the support file.</source>
        <translation>%1 masalah tidak dapat diperbaiki di sini. Pulihkan dari cadangan, atau minta bantuan dengan berkas dukungan.</translation>
    </message>
    <message>
        <source>%1 problem(s) found. Repairing loses no change: the current state is rebuilt from the change log, and files are moved aside, not deleted.</source>
        <translation>Ditemukan %1 masalah. Perbaikan tidak menghilangkan perubahan apa pun: keadaan terkini dibangun ulang dari log perubahan, dan berkas dipindahkan ke samping, tidak dihapus.</translation>
    </message>
    <message>
        <source> (repaired)</source>
        <translation> (diperbaiki)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>&amp;Repair</source>
        <translation>&amp;Perbaiki</translation>
    </message>
    <message>
        <source>The database fails SQLite&apos;s integrity check; restore a backup</source>
        <translation>Basis data gagal dalam pemeriksaan integritas SQLite; pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>A current-state cell differs from the change log</source>
        <translation>Sebuah sel keadaan terkini berbeda dari log perubahan</translation>
    </message>
    <message>
        <source>A current-state row is missing</source>
        <translation>Sebuah baris keadaan terkini hilang</translation>
    </message>
    <message>
        <source>A current-state row has no change in the log</source>
        <translation>Sebuah baris keadaan terkini tidak punya perubahan di log</translation>
    </message>
    <message>
        <source>An evidence file is missing</source>
        <translation>Sebuah berkas bukti hilang</translation>
    </message>
    <message>
        <source>An evidence file is damaged</source>
        <translation>Sebuah berkas bukti rusak</translation>
    </message>
    <message>
        <source>An evidence file no record refers to</source>
        <translation>Sebuah berkas bukti yang tidak dirujuk catatan mana pun</translation>
    </message>
    <message>
        <source>A temporary file in the evidence folder</source>
        <translation>Sebuah berkas sementara di folder bukti</translation>
    </message>
    <message>
        <source>A half-written package left by a stopped export</source>
        <translation>Paket setengah jadi sisa ekspor yang terhenti</translation>
    </message>
    <message>
        <source>The lock file names a program that has ended</source>
        <translation>Berkas kunci menyebut program yang sudah berhenti</translation>
    </message>
</context>
<context>
    <name>DuplicateListModel</name>
    <message>
        <source>Entity › locus (period)</source>
        <translation>Entitas › lokus (periode)</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Penilaian</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Dibuat oleh</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Counts?</source>
        <translation>Dihitung?</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>disetujui</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>dikembalikan</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draf</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>Set aside (%1 kept)</source>
        <translation>Dikesampingkan (%1 dipakai)</translation>
    </message>
    <message>
        <source>Counts (kept)</source>
        <translation>Dihitung (dipakai)</translation>
    </message>
    <message>
        <source>Not counted: decide</source>
        <translation>Tidak dihitung: putuskan</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <source>The same locus was assessed twice in one period. Neither assessment counts in the entity&apos;s score until you keep one; the other is set aside (recorded, and sent with your next package).</source>
        <translation>Lokus yang sama dinilai dua kali dalam satu periode. Tidak satu pun penilaian dihitung dalam nilai entitas sampai Anda memakai salah satunya; yang lain dikesampingkan (dicatat, dan dikirim bersama paket Anda berikutnya).</translation>
    </message>
    <message>
        <source>&amp;Keep this one</source>
        <translation>Pakai yang &amp;ini</translation>
    </message>
    <message>
        <source>Count the selected assessment; set the others of its locus and period aside</source>
        <translation>Hitung penilaian yang dipilih; kesampingkan penilaian lain untuk lokus dan periode yang sama</translation>
    </message>
    <message numerus="yes">
        <source>%n locus/loci not decided</source>
        <translation>
            <numerusform>%n lokus belum diputuskan</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <source>Rank within the entity&apos;s category and period, among the entities the workspace holds: what it is among is written above the table</source>
        <translation>Peringkat dalam kategori dan periode entitas, di antara entitas yang ada di ruang kerja: cakupannya tertulis di atas tabel</translation>
    </message>
    <message>
        <source>Rank within the entity&apos;s category and period in its own province</source>
        <translation>Peringkat dalam kategori dan periode entitas di provinsinya sendiri</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <source>In province</source>
        <translation>Di provinsi</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Periode sebelumnya</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entitas</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Loci</source>
        <translation>Lokus</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Predikat</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Koreksi</translation>
    </message>
    <message>
        <source>Rank %1 of %2, period %3: %4</source>
        <translation>Peringkat %1 dari %2, periode %3: %4</translation>
    </message>
</context>
<context>
    <name>EntityView</name>
    <message>
        <source>← Results</source>
        <translation>← Hasil</translation>
    </message>
    <message>
        <source>%1 (%2 %): %3</source>
        <translation>%1 (%2 %): %3</translation>
    </message>
    <message>
        <source>Provisional methodology (draft instrument)</source>
        <translation>Metodologi sementara (instrumen draf)</translation>
    </message>
    <message>
        <source>%1 · %2 · period %3</source>
        <translation>%1 · %2 · periode %3</translation>
    </message>
    <message>
        <source>No grade yet</source>
        <translation>Belum ada predikat</translation>
    </message>
    <message>
        <source>%1 (capped)</source>
        <translation>%1 (dibatasi)</translation>
    </message>
    <message>
        <source>Not ranked (no score)</source>
        <translation>Tanpa peringkat (belum ada nilai)</translation>
    </message>
    <message>
        <source>Rank %1 of %2, period %3: %4</source>
        <translation>Peringkat %1 dari %2, periode %3: %4</translation>
    </message>
    <message>
        <source>Rank in %1: %2</source>
        <translation>Peringkat di %1: %2</translation>
    </message>
    <message>
        <source>Previous period: %1</source>
        <translation>Periode sebelumnya: %1</translation>
    </message>
    <message>
        <source> (%1 points)</source>
        <translation> (%1 poin)</translation>
    </message>
    <message>
        <source>No earlier period in this workspace</source>
        <translation>Tidak ada periode sebelumnya di ruang kerja ini</translation>
    </message>
    <message>
        <source>%1 of %2 loci approved</source>
        <translation>%1 dari %2 lokus disetujui</translation>
    </message>
    <message>
        <source>%1. The score may still change.</source>
        <translation>%1. Skor masih dapat berubah.</translation>
    </message>
    <message>
        <source>Loci (%1)</source>
        <translation>Lokus (%1)</translation>
    </message>
    <message>
        <source>Mean of the loci (%1 of %2 scored): %3</source>
        <translation>Rata-rata lokus (%1 dari %2 bernilai): %3</translation>
    </message>
    <message>
        <source>Loci</source>
        <translation>Lokus</translation>
    </message>
    <message>
        <source>Final: every locus is complete.</source>
        <translation>Final: semua lokus lengkap.</translation>
    </message>
    <message>
        <source>Choose a locus to see what it is missing.</source>
        <translation>Pilih lokus untuk melihat kekurangannya.</translation>
    </message>
    <message>
        <source>%1: complete, nothing missing</source>
        <translation>%1: lengkap, tidak ada kekurangan</translation>
    </message>
    <message numerus="yes">
        <source>%1: provisional, %n thing(s) missing</source>
        <translation>
            <numerusform>%1: sementara, kurang %n hal</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidenceStrip</name>
    <message>
        <source>Evidence</source>
        <translation>Bukti</translation>
    </message>
    <message>
        <source>Add photo or document…</source>
        <translation>Tambah foto atau dokumen…</translation>
    </message>
    <message>
        <source>Drop photos or PDF documents here</source>
        <translation>Seret foto atau dokumen PDF ke sini</translation>
    </message>
    <message>
        <source>Evidence (%1)</source>
        <translation>Bukti (%1)</translation>
    </message>
    <message>
        <source>Taken %1</source>
        <translation>Diambil %1</translation>
    </message>
    <message>
        <source>Taken: %1</source>
        <translation>Diambil: %1</translation>
    </message>
    <message>
        <source>Position: %1</source>
        <translation>Posisi: %1</translation>
    </message>
    <message>
        <source>Taken on another day than the visit (%1): check that it shows this visit.</source>
        <translation>Diambil pada hari lain dari kunjungan (%1): periksa apakah foto ini memang dari kunjungan ini.</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>Tambah bukti</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.webp *.heic *.heif *.pdf);;All files (*)</source>
        <translation>Foto dan dokumen (*.jpg *.jpeg *.png *.webp *.heic *.heif *.pdf);;Semua berkas (*)</translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <source>Key of: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Kunci milik: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>FingerprintView</name>
    <message>
        <source>Short form: %1</source>
        <translation>Bentuk singkat: %1</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Assessor&apos;s guide</source>
        <translation>Panduan asesor</translation>
    </message>
    <message>
        <source>Supervisor&apos;s guide</source>
        <translation>Panduan supervisor</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History: %1</source>
        <translation>Riwayat: %1</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Membaca riwayat…</translation>
    </message>
    <message>
        <source>Every change of these answers, oldest first. Old values are never lost.</source>
        <translation>Setiap perubahan jawaban ini, yang terlama lebih dulu. Nilai lama tidak pernah hilang.</translation>
    </message>
    <message>
        <source>No answer on this page has been changed yet.</source>
        <translation>Belum ada jawaban di halaman ini yang diubah.</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Riwayat tidak dapat dibaca: %1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Pembuat</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>current</source>
        <translation>berlaku</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>digantikan</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>konflik</translation>
    </message>
    <message>
        <source>held (after approval)</source>
        <translation>ditahan (setelah disetujui)</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>diadopsi</translation>
    </message>
    <message>
        <source>(personal data, not shown)</source>
        <translation>(data pribadi, tidak ditampilkan)</translation>
    </message>
    <message>
        <source>(cleared)</source>
        <translation>(dikosongkan)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>— calls itself %1</source>
        <translation>— menyebut dirinya %1</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Perubahan %1</translation>
    </message>
    <message>
        <source>Signed with key %1</source>
        <translation>Ditandatangani dengan kunci %1</translation>
    </message>
    <message>
        <source>Came in %1, signed by %2</source>
        <translation>Tiba dalam %1, ditandatangani oleh %2</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>&amp;Open</source>
        <translation>B&amp;uka</translation>
    </message>
    <message>
        <source>Open the assessment (Enter or double-click)</source>
        <translation>Buka penilaian (Enter atau klik dua kali)</translation>
    </message>
    <message>
        <source>Use as &amp;template</source>
        <translation>Jadikan &amp;templat</translation>
    </message>
    <message>
        <source>Start a new assessment with the same entity, locus, team and products</source>
        <translation>Mulai penilaian baru dengan entitas, lokus, tim, dan produk yang sama</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Move the assessment to the trash (Del)</source>
        <translation>Pindahkan penilaian ke tempat sampah (Del)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>Pu&amp;lihkan</translation>
    </message>
    <message>
        <source>Bring the assessment back from the trash</source>
        <translation>Kembalikan penilaian dari tempat sampah</translation>
    </message>
    <message>
        <source>+ &amp;New assessment</source>
        <translation>+ Penilaian &amp;baru</translation>
    </message>
    <message>
        <source>Start a new assessment (Ctrl+N)</source>
        <translation>Mulai penilaian baru (Ctrl+N)</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>Semua periode</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Search entity, locus or province</source>
        <translation>Cari entitas, lokus, atau provinsi</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Cari (Ctrl+F)</translation>
    </message>
    <message>
        <source>Tr&amp;ash</source>
        <translation>&amp;Sampah</translation>
    </message>
    <message>
        <source>Show the deleted assessments instead</source>
        <translation>Tampilkan penilaian yang sudah dihapus</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <source>The assessments could not be loaded.</source>
        <translation>Daftar penilaian tidak dapat dimuat.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>Tempat sampah kosong.</translation>
    </message>
    <message>
        <source>No assessments yet. Start one with “New assessment”.</source>
        <translation>Belum ada penilaian. Mulai dengan “Penilaian baru”.</translation>
    </message>
    <message numerus="yes">
        <source>%n assessment(s)</source>
        <translation>
            <numerusform>%n penilaian</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n assessment(s)</source>
        <translation>
            <numerusform>{shown} dari %n penilaian</numerusform>
        </translation>
    </message>
    <message>
        <source>Move the assessment of {locus} ({entity}, {period}) to the trash?

You can restore it from the trash.</source>
        <translation>Pindahkan penilaian {locus} ({entity}, {period}) ke tempat sampah?

Anda dapat memulihkannya dari tempat sampah.</translation>
    </message>
    <message>
        <source>Delete assessment</source>
        <translation>Hapus penilaian</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Pindahkan ke tempat sampah</translation>
    </message>
</context>
<context>
    <name>InboxNotice</name>
    <message>
        <source>Receipt…</source>
        <translation>Tanda terima…</translation>
    </message>
    <message>
        <source>What each package brought, and what was refused</source>
        <translation>Apa yang dibawa setiap paket, dan apa yang ditolak</translation>
    </message>
    <message>
        <source>Hide this note</source>
        <translation>Sembunyikan catatan ini</translation>
    </message>
</context>
<context>
    <name>IndicatorCommentModel</name>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
</context>
<context>
    <name>InputsPanel</name>
    <message>
        <source>&amp;Import a trust file…</source>
        <translation>&amp;Impor berkas kepercayaan…</translation>
    </message>
    <message>
        <source>&amp;Products followed…</source>
        <translation>Tindak lanjut &amp;produk…</translation>
    </message>
    <message>
        <source>&amp;Set a secondary value…</source>
        <translation>Isi nilai data se&amp;kunder…</translation>
    </message>
    <message>
        <source>Trust and secondary data</source>
        <translation>Kepercayaan dan data sekunder</translation>
    </message>
    <message>
        <source>Public trust: no result imported for this period.</source>
        <translation>Kepercayaan masyarakat: belum ada hasil yang diimpor untuk periode ini.</translation>
    </message>
    <message>
        <source>Public trust: %1 (%2 respondents) · %3 · %4, %5</source>
        <translation>Kepercayaan masyarakat: %1 (%2 responden) · %3 · %4, %5</translation>
    </message>
    <message>
        <source>Ombudsman products followed up: not recorded.</source>
        <translation>Tindak lanjut produk Ombudsman: belum dicatat.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Ombudsman products followed up: %1%2 · %3, %4</source>
        <translation>Tindak lanjut produk Ombudsman: %1%2 · %3, %4</translation>
    </message>
    <message>
        <source>Secondary-data values in force: %1</source>
        <translation>Nilai data sekunder yang berlaku: %1</translation>
    </message>
    <message>
        <source>The inputs are being read…</source>
        <translation>Masukan sedang dibaca…</translation>
    </message>
    <message>
        <source>Only a supervisor of %1 (with the supervisor certificate installed) or pusat records the trust result, secondary data and products followed.</source>
        <translation>Hanya supervisor %1 (dengan sertifikat supervisor terpasang) atau pusat yang mencatat hasil kepercayaan masyarakat, data sekunder, dan tindak lanjut produk.</translation>
    </message>
    <message>
        <source>Import the Ombudsman&apos;s public-trust results (CSV or Excel: entity, province, period, score, respondents)</source>
        <translation>Impor hasil survei kepercayaan masyarakat dari Ombudsman (CSV atau Excel: entity, province, period, score, respondents)</translation>
    </message>
    <message>
        <source>Record whether the entity followed up LAHP and recommendations</source>
        <translation>Catat apakah entitas menindaklanjuti LAHP dan rekomendasi</translation>
    </message>
    <message>
        <source>Enter a secondary-data indicator with its source and date</source>
        <translation>Isi indikator data sekunder beserta sumber dan tanggalnya</translation>
    </message>
    <message>
        <source>Import a public-trust file</source>
        <translation>Impor berkas kepercayaan masyarakat</translation>
    </message>
    <message>
        <source>Trust results (*.csv *.xlsx)</source>
        <translation>Hasil kepercayaan (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>%1 new, %2 replaced, %3 unchanged.</source>
        <translation>%1 baru, %2 diganti, %3 tidak berubah.</translation>
    </message>
    <message>
        <source>%1 (%2): %3 → %4</source>
        <translation>%1 (%2): %3 → %4</translation>
    </message>
    <message>
        <source>Trust file imported</source>
        <translation>Berkas kepercayaan diimpor</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>Your key</source>
        <translation>Kunci Anda</translation>
    </message>
    <message>
        <source>Packages you send are signed with your key, so the receiver knows they come from you and were not changed. A passphrase protects the key on this computer.</source>
        <translation>Paket yang Anda kirim ditandatangani dengan kunci Anda, sehingga penerima tahu paket itu dari Anda dan tidak diubah. Frasa sandi melindungi kunci di komputer ini.</translation>
    </message>
    <message>
        <source>To get your role as an assessor, send your public key (.ombkey, saved under Settings › Keys › Export public key) to your supervisor, then install the certificate they send back under Settings › Keys › Install certificate.</source>
        <translation>Untuk mendapatkan peran sebagai penilai, kirim kunci publik Anda (.ombkey, disimpan lewat Pengaturan › Kunci › Ekspor kunci publik) kepada supervisor Anda, lalu pasang sertifikat yang ia kirim kembali lewat Pengaturan › Kunci › Pasang sertifikat.</translation>
    </message>
    <message>
        <source>This computer already has your key (fingerprint %1); it is used.</source>
        <translation>Komputer ini sudah memiliki kunci Anda (sidik jari %1); kunci itu yang dipakai.</translation>
    </message>
    <message>
        <source>At least 8 characters; a few words work well</source>
        <translation>Minimal 8 karakter; beberapa kata sudah baik</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frasa sandi:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Ulangi:</translation>
    </message>
    <message>
        <source>Nobody can recover a forgotten passphrase. Write it down and keep it somewhere safe, away from the laptop.</source>
        <translation>Frasa sandi yang terlupa tidak dapat dipulihkan siapa pun. Tuliskan dan simpan di tempat aman, terpisah dari laptop.</translation>
    </message>
    <message>
        <source>Too short: at least 8 characters.</source>
        <translation>Terlalu pendek: minimal 8 karakter.</translation>
    </message>
    <message>
        <source>Weak: add a word or two.</source>
        <translation>Lemah: tambahkan satu atau dua kata.</translation>
    </message>
    <message>
        <source>Fair.</source>
        <translation>Cukup.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Kuat.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Kedua frasa sandi berbeda.</translation>
    </message>
    <message>
        <source>Strength: %1</source>
        <translation>Kekuatan: %1</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Create signing key</source>
        <translation>Buat kunci tanda tangan</translation>
    </message>
    <message>
        <source>Your signing key shows that the packages you send come from you. Choose a passphrase of at least 8 characters: it is asked once per session, when you first export. Nobody can recover it if you forget it.</source>
        <translation>Kunci tanda tangan menunjukkan bahwa paket yang Anda kirim memang dari Anda. Pilih frasa sandi minimal 8 karakter: frasa ini ditanyakan sekali per sesi, saat pertama kali mengekspor. Tidak ada yang dapat memulihkannya bila Anda lupa.</translation>
    </message>
    <message>
        <source>Ombud key files (*.ombkey);;All files (*)</source>
        <translation>Berkas kunci Ombud (*.ombkey);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 tidak dapat dibaca: %2</translation>
    </message>
    <message>
        <source>Ask the owner of the key to read the digits of their fingerprint to you (in person or by phone). Do these digits match what the owner reads to you?</source>
        <translation>Minta pemilik kunci membacakan angka sidik jarinya kepada Anda (langsung atau lewat telepon). Apakah angka-angka ini sama dengan yang dibacakan pemiliknya?</translation>
    </message>
    <message>
        <source>The digits match: trust</source>
        <translation>Angkanya sama: percayai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>%1 (certified)</source>
        <translation>%1 (bersertifikat)</translation>
    </message>
    <message>
        <source>Not certified</source>
        <translation>Belum bersertifikat</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Kunci</translation>
    </message>
    <message>
        <source>Your signing key</source>
        <translation>Kunci tanda tangan Anda</translation>
    </message>
    <message>
        <source>You have no signing key yet. Packages you export are signed with it, so your supervisor knows they come from you.</source>
        <translation>Anda belum punya kunci tanda tangan. Paket yang Anda ekspor ditandatangani dengannya, sehingga supervisor tahu paket itu dari Anda.</translation>
    </message>
    <message>
        <source>Your fingerprint: read these digits to your supervisor when you give them your public key, so they know the key is yours.</source>
        <translation>Sidik jari Anda: bacakan angka-angka ini kepada supervisor saat Anda memberikan kunci publik, agar ia tahu kunci itu milik Anda.</translation>
    </message>
    <message>
        <source>Create &amp;signing key…</source>
        <translation>Buat kunci &amp;tanda tangan…</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Ubah &amp;frasa sandi…</translation>
    </message>
    <message>
        <source>&amp;Export public key…</source>
        <translation>&amp;Ekspor kunci publik…</translation>
    </message>
    <message>
        <source>Show as &amp;QR code…</source>
        <translation>Tampilkan sebagai kode &amp;QR…</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Peran Anda</translation>
    </message>
    <message>
        <source>&amp;Install certificate…</source>
        <translation>Pasang se&amp;rtifikat…</translation>
    </message>
    <message>
        <source>Certi&amp;fy a key…</source>
        <translation>Sertifikasi k&amp;unci…</translation>
    </message>
    <message>
        <source>Your receiving key (supervisors)</source>
        <translation>Kunci penerima Anda (supervisor)</translation>
    </message>
    <message>
        <source>Supervisors need a receiving key: personal data of respondents in the packages of their team is encrypted to it. It is part of the public key you export.</source>
        <translation>Supervisor memerlukan kunci penerima: data pribadi responden dalam paket dari timnya dienkripsi untuk kunci ini. Kunci ini ikut dalam kunci publik yang Anda ekspor.</translation>
    </message>
    <message>
        <source>Create &amp;receiving key…</source>
        <translation>Buat kunci &amp;penerima…</translation>
    </message>
    <message>
        <source>Your supervisor</source>
        <translation>Supervisor Anda</translation>
    </message>
    <message>
        <source>Se&amp;t from key file…</source>
        <translation>Pa&amp;sang dari berkas kunci…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Kosongkan</translation>
    </message>
    <message>
        <source>Trusted keys</source>
        <translation>Kunci tepercaya</translation>
    </message>
    <message>
        <source>&amp;Add from key file…</source>
        <translation>Tam&amp;bah dari berkas kunci…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Hapus…</translation>
    </message>
    <message>
        <source>Packages signed by these keys are accepted on import.</source>
        <translation>Paket yang ditandatangani dengan kunci-kunci ini diterima saat impor.</translation>
    </message>
    <message>
        <source>Keys are kept in %1</source>
        <translation>Kunci disimpan di %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Owner: %1 · created %2</source>
        <translation>Pemilik: %1 · dibuat %2</translation>
    </message>
    <message>
        <source>Create your signing key first.</source>
        <translation>Buat dulu kunci tanda tangan Anda.</translation>
    </message>
    <message>
        <source>Not set. Exports leave the personal data of respondents (names, NIP, phone numbers) out of the package. Set your supervisor&apos;s key file to send them encrypted, so only your supervisor can read them.</source>
        <translation>Belum diatur. Ekspor tidak menyertakan data pribadi responden (nama, NIP, nomor telepon) dalam paket. Pasang berkas kunci supervisor Anda agar data itu dikirim terenkripsi dan hanya supervisor yang dapat membacanya.</translation>
    </message>
    <message>
        <source>Personal data in your packages is encrypted to &lt;b&gt;%1&lt;/b&gt; (%2); only they can read it.</source>
        <translation>Data pribadi dalam paket Anda dienkripsi untuk &lt;b&gt;%1&lt;/b&gt; (%2); hanya dia yang dapat membacanya.</translation>
    </message>
    <message>
        <source>Your key certifies the keys of the supervisors of each province.</source>
        <translation>Kunci Anda menyertifikasi kunci para supervisor di setiap provinsi.</translation>
    </message>
    <message>
        <source>You certify the keys of the assessors of %1; every package you export carries your certificate.</source>
        <translation>Anda menyertifikasi kunci para penilai di %1; setiap paket yang Anda ekspor membawa sertifikat Anda.</translation>
    </message>
    <message>
        <source>Every package you export carries your certificate.</source>
        <translation>Setiap paket yang Anda ekspor membawa sertifikat Anda.</translation>
    </message>
    <message>
        <source>Send your public key (.ombkey) to your supervisor, then install the certificate they send back here.</source>
        <translation>Kirim kunci publik Anda (.ombkey) kepada supervisor Anda, lalu pasang di sini sertifikat yang ia kirim kembali.</translation>
    </message>
    <message>
        <source>Create receiving key</source>
        <translation>Buat kunci penerima</translation>
    </message>
    <message>
        <source>The receiving key is protected by the same passphrase as your signing key. Type that passphrase.</source>
        <translation>Kunci penerima dilindungi dengan frasa sandi yang sama dengan kunci tanda tangan Anda. Ketik frasa sandi itu.</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>Frasa sandi telah diubah.</translation>
    </message>
    <message>
        <source>Export public key</source>
        <translation>Ekspor kunci publik</translation>
    </message>
    <message>
        <source>Ombud key files (*.ombkey)</source>
        <translation>Berkas kunci Ombud (*.ombkey)</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 tidak dapat ditulis: %2</translation>
    </message>
    <message>
        <source>Your public key was saved to %1. Give it to the supervisors of each province, then read your fingerprint to them: %2</source>
        <translation>Kunci publik Anda disimpan di %1. Berikan kepada supervisor setiap provinsi, lalu bacakan sidik jari Anda kepada mereka: %2</translation>
    </message>
    <message>
        <source>Your public key was saved to %1. Give it to pusat (to certify it) and to your assessors, then read your fingerprint to them: %2</source>
        <translation>Kunci publik Anda disimpan di %1. Berikan kepada pusat (untuk disertifikasi) dan kepada asesor Anda, lalu bacakan sidik jari Anda kepada mereka: %2</translation>
    </message>
    <message>
        <source>Your public key was saved to %1. Give it to your supervisor, then read your fingerprint to them: %2</source>
        <translation>Kunci publik Anda disimpan di %1. Berikan kepada supervisor Anda, lalu bacakan sidik jari Anda kepadanya: %2</translation>
    </message>
    <message>
        <source>Your supervisor&apos;s key file</source>
        <translation>Berkas kunci supervisor Anda</translation>
    </message>
    <message>
        <source>The key file of %1 has no receiving key. Ask your supervisor to create a receiving key and export their key again.</source>
        <translation>Berkas kunci %1 tidak berisi kunci penerima. Minta supervisor Anda membuat kunci penerima lalu mengekspor kuncinya lagi.</translation>
    </message>
    <message>
        <source>Supervisor&apos;s key</source>
        <translation>Kunci supervisor</translation>
    </message>
    <message>
        <source>Clear supervisor</source>
        <translation>Kosongkan supervisor</translation>
    </message>
    <message>
        <source>Exports will leave the personal data of respondents out. Clear the supervisor&apos;s key?</source>
        <translation>Ekspor tidak akan menyertakan data pribadi responden. Kosongkan kunci supervisor?</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Kosongkan</translation>
    </message>
    <message>
        <source>Install certificate</source>
        <translation>Pasang sertifikat</translation>
    </message>
    <message>
        <source>Ombud certificates (*.cert *.json);;All files (*)</source>
        <translation>Sertifikat Ombud (*.cert *.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Installed: %1, valid until %2. Every package you export now carries it.</source>
        <translation>Terpasang: %1, berlaku sampai %2. Setiap paket yang Anda ekspor kini membawanya.</translation>
    </message>
    <message>
        <source>Key file to certify</source>
        <translation>Berkas kunci yang akan disertifikasi</translation>
    </message>
    <message>
        <source>Certify this key?</source>
        <translation>Sertifikasi kunci ini?</translation>
    </message>
    <message>
        <source>The digits match: continue</source>
        <translation>Angkanya sama: lanjutkan</translation>
    </message>
    <message>
        <source>Save certificate</source>
        <translation>Simpan sertifikat</translation>
    </message>
    <message>
        <source>Ombud certificates (*.cert)</source>
        <translation>Sertifikat Ombud (*.cert)</translation>
    </message>
    <message>
        <source>Certify a key</source>
        <translation>Sertifikasi kunci</translation>
    </message>
    <message>
        <source>%1 is certified as %2 until %3. Give them the file %4: they install it under Settings › Keys › Install certificate.</source>
        <translation>%1 disertifikasi sebagai %2 sampai %3. Berikan berkas %4 kepadanya: ia memasangnya lewat Pengaturan › Kunci › Pasang sertifikat.</translation>
    </message>
    <message>
        <source>Unlock signing key</source>
        <translation>Buka kunci tanda tangan</translation>
    </message>
    <message>
        <source>Type the passphrase of your signing key to sign the certificate. It stays unlocked until you close Ombud Desktop or choose File › Lock keys.</source>
        <translation>Ketik frasa sandi kunci tanda tangan Anda untuk menandatangani sertifikat. Kunci tetap terbuka sampai Ombud Desktop ditutup atau Anda memilih Berkas › Lupakan kunci yang terbuka.</translation>
    </message>
    <message>
        <source>Key file to trust</source>
        <translation>Berkas kunci yang akan dipercayai</translation>
    </message>
    <message>
        <source>Trust this key?</source>
        <translation>Percayai kunci ini?</translation>
    </message>
    <message>
        <source>Stop trusting the key of %1 (%2)? Packages it signs will be refused until you trust it again.</source>
        <translation>Berhenti memercayai kunci %1 (%2)? Paket yang ditandatanganinya akan ditolak sampai Anda memercayainya lagi.</translation>
    </message>
    <message>
        <source>Remove trusted key</source>
        <translation>Hapus kunci tepercaya</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
</context>
<context>
    <name>LocusTableModel</name>
    <message>
        <source>Locus</source>
        <translation>Lokus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Tinjauan</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Predikat</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Kurang</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Assessor: %1 · Device %2</source>
        <translation>Penilai: %1 · Perangkat %2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>Supervisor: %1 · Device %2</source>
        <translation>Supervisor: %1 · Perangkat %2</translation>
    </message>
    <message>
        <source>&amp;New assessment…</source>
        <translation>Penilaian &amp;baru…</translation>
    </message>
    <message>
        <source>&amp;Assessments</source>
        <translation>&amp;Daftar penilaian</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Pengaturan</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Laporan</translation>
    </message>
    <message>
        <source>On-site &amp;summary…</source>
        <translation>Ringkasan di &amp;lokus…</translation>
    </message>
    <message>
        <source>&amp;Entity recap…</source>
        <translation>Rekap &amp;entitas…</translation>
    </message>
    <message>
        <source>&amp;Province overview…</source>
        <translation>Ikhtisar &amp;provinsi…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>B&amp;antuan</translation>
    </message>
    <message>
        <source>Assess&amp;or&apos;s guide</source>
        <translation>Panduan &amp;asesor</translation>
    </message>
    <message>
        <source>Su&amp;pervisor&apos;s guide</source>
        <translation>Panduan su&amp;pervisor</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Pintasan &amp;keyboard</translation>
    </message>
    <message>
        <source>Save &amp;support bundle…</source>
        <translation>Simpan berkas &amp;dukungan…</translation>
    </message>
    <message>
        <source>&amp;About Ombud Desktop</source>
        <translation>&amp;Tentang Ombud Desktop</translation>
    </message>
    <message>
        <source>About Ombud Desktop</source>
        <translation>Tentang Ombud Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ombud Desktop %1&lt;/b&gt;&lt;p&gt;Offline assessment of public-service compliance for the Ombudsman of the Republic of Indonesia.&lt;/p&gt;&lt;p&gt;Every answer is saved the moment it is given.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Ombud Desktop %1&lt;/b&gt;&lt;p&gt;Penilaian kepatuhan penyelenggaraan pelayanan publik secara luring (tanpa internet) untuk Ombudsman Republik Indonesia.&lt;/p&gt;&lt;p&gt;Setiap jawaban langsung tersimpan begitu diberikan.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Tersimpan %1</translation>
    </message>
    <message>
        <source>&amp;Results…</source>
        <translation>&amp;Hasil…</translation>
    </message>
</context>
<context>
    <name>MissingDialog</name>
    <message>
        <source>Not complete yet</source>
        <translation>Belum lengkap</translation>
    </message>
    <message>
        <source>The assessment cannot be finished yet. Double-click an item to go there.</source>
        <translation>Penilaian belum dapat diselesaikan. Klik dua kali sebuah butir untuk membukanya.</translation>
    </message>
    <message>
        <source>Go there</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation>Penilaian baru</translation>
    </message>
    <message>
        <source>e.g. Kota Cilegon</source>
        <translation>mis. Kota Cilegon</translation>
    </message>
    <message>
        <source>Choose or type</source>
        <translation>Pilih atau ketik</translation>
    </message>
    <message>
        <source>Why this instrument, which is not meant for this year</source>
        <translation>Mengapa instrumen ini dipakai, padahal tidak ditetapkan untuk tahun ini</translation>
    </message>
    <message>
        <source>Name of the unit visited</source>
        <translation>Nama unit yang dikunjungi</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>Nama-nama, pisahkan dengan koma</translation>
    </message>
    <message>
        <source>A service observed at this locus</source>
        <translation>Layanan yang diamati di lokus ini</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;Period (year):</source>
        <translation>&amp;Periode (tahun):</translation>
    </message>
    <message>
        <source>&amp;Instrument:</source>
        <translation>&amp;Instrumen:</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>Ala&amp;san:</translation>
    </message>
    <message>
        <source>Entity &amp;category:</source>
        <translation>&amp;Kategori entitas:</translation>
    </message>
    <message>
        <source>&amp;Entity name:</source>
        <translation>Nama &amp;entitas:</translation>
    </message>
    <message>
        <source>P&amp;rovince:</source>
        <translation>P&amp;rovinsi:</translation>
    </message>
    <message>
        <source>&amp;Locus:</source>
        <translation>&amp;Lokus:</translation>
    </message>
    <message>
        <source>Locus &amp;name:</source>
        <translation>&amp;Nama lokus:</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>&amp;Tim:</translation>
    </message>
    <message>
        <source>&amp;Visit date:</source>
        <translation>Tanggal k&amp;unjungan:</translation>
    </message>
    <message>
        <source>Product {number}:</source>
        <translation>Produk {number}:</translation>
    </message>
    <message>
        <source>This instrument is meant for {periods}, not for {year}. Say why it is used: the reason is recorded with the assessment.</source>
        <translation>Instrumen ini ditetapkan untuk {periods}, bukan untuk {year}. Sebutkan alasan memakainya: alasan itu dicatat bersama penilaian.</translation>
    </message>
    <message>
        <source>Other locus…</source>
        <translation>Lokus lain…</translation>
    </message>
    <message>
        <source>why this instrument is used</source>
        <translation>alasan memakai instrumen ini</translation>
    </message>
    <message>
        <source>the entity name</source>
        <translation>nama entitas</translation>
    </message>
    <message>
        <source>the province</source>
        <translation>provinsi</translation>
    </message>
    <message>
        <source>an entity of the register</source>
        <translation>entitas dari register</translation>
    </message>
    <message>
        <source>which {kind} (type its name after “{kind}”)</source>
        <translation>{kind} yang mana (tulis namanya setelah “{kind}”)</translation>
    </message>
    <message>
        <source>the locus name</source>
        <translation>nama lokus</translation>
    </message>
    <message>
        <source>Still needed: {items}.</source>
        <translation>Masih perlu diisi: {items}.</translation>
    </message>
</context>
<context>
    <name>PackageActions</name>
    <message>
        <source>Stop after this package</source>
        <translation>Berhenti setelah paket ini</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 dari %2: %3</translation>
    </message>
    <message>
        <source>&amp;Export package…</source>
        <translation>&amp;Ekspor paket…</translation>
    </message>
    <message>
        <source>Write a signed package of each selected assessment into the outbox folder</source>
        <translation>Tulis paket bertanda tangan untuk setiap penilaian terpilih ke folder kotak keluar</translation>
    </message>
    <message>
        <source>&amp;Import packages…</source>
        <translation>&amp;Impor paket…</translation>
    </message>
    <message>
        <source>Import packages from your team (you can also drop .ombx files here)</source>
        <translation>Impor paket dari tim Anda (berkas .ombx juga dapat diseret ke sini)</translation>
    </message>
    <message>
        <source>&amp;Verify package…</source>
        <translation>&amp;Verifikasi paket…</translation>
    </message>
    <message>
        <source>&amp;Lock keys</source>
        <translation>&amp;Lupakan kunci yang terbuka</translation>
    </message>
    <message>
        <source>Forget the unlocked signing key: the next export asks for the passphrase</source>
        <translation>Lupakan kunci tanda tangan yang sudah dibuka: ekspor berikutnya menanyakan frasa sandi lagi</translation>
    </message>
    <message>
        <source>&amp;Keys…</source>
        <translation>&amp;Kunci…</translation>
    </message>
    <message>
        <source>&amp;Outbox folder…</source>
        <translation>&amp;Folder kotak keluar…</translation>
    </message>
    <message>
        <source>Exported packages are written here</source>
        <translation>Paket yang diekspor ditulis di sini</translation>
    </message>
    <message>
        <source>Outbox folder</source>
        <translation>Folder kotak keluar</translation>
    </message>
    <message>
        <source>Outbox: %1</source>
        <translation>Kotak keluar: %1</translation>
    </message>
    <message>
        <source>No signing key</source>
        <translation>Belum ada kunci tanda tangan</translation>
    </message>
    <message>
        <source>Packages are signed with your signing key, and you have none yet. Create it now?</source>
        <translation>Paket ditandatangani dengan kunci tanda tangan Anda, dan Anda belum memilikinya. Buat sekarang?</translation>
    </message>
    <message>
        <source>Create signing key…</source>
        <translation>Buat kunci tanda tangan…</translation>
    </message>
    <message>
        <source>Unlock signing key</source>
        <translation>Buka kunci tanda tangan</translation>
    </message>
    <message>
        <source>Type the passphrase of your signing key. It stays unlocked until you close Ombud Desktop or choose File › Lock keys.</source>
        <translation>Ketik frasa sandi kunci tanda tangan Anda. Kunci tetap terbuka sampai Ombud Desktop ditutup atau Anda memilih Berkas › Lupakan kunci yang terbuka.</translation>
    </message>
    <message>
        <source>Export package</source>
        <translation>Ekspor paket</translation>
    </message>
    <message>
        <source>Select one or more assessments in the list first.</source>
        <translation>Pilih dulu satu penilaian atau lebih di daftar.</translation>
    </message>
    <message>
        <source>Exporting packages</source>
        <translation>Mengekspor paket</translation>
    </message>
    <message>
        <source>%1 of %2 package(s) written to %3:</source>
        <translation>%1 dari %2 paket ditulis ke %3:</translation>
    </message>
    <message>
        <source>personal data encrypted to its recipients</source>
        <translation>data pribadi dienkripsi untuk para penerimanya</translation>
    </message>
    <message>
        <source>personal data encrypted to your supervisor</source>
        <translation>data pribadi dienkripsi untuk supervisor Anda</translation>
    </message>
    <message>
        <source>personal data left out</source>
        <translation>data pribadi tidak disertakan</translation>
    </message>
    <message>
        <source>no personal data</source>
        <translation>tanpa data pribadi</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>Tidak ditulis: %1</translation>
    </message>
    <message>
        <source>No supervisor key is set, so the names, NIP and phone numbers of respondents were left out. To send them encrypted, set your supervisor&apos;s key file in Settings › Keys and export again.</source>
        <translation>Kunci supervisor belum diatur, sehingga nama, NIP, dan nomor telepon responden tidak disertakan. Untuk mengirimnya terenkripsi, pasang berkas kunci supervisor Anda di Pengaturan › Kunci lalu ekspor lagi.</translation>
    </message>
    <message>
        <source>Import packages</source>
        <translation>Impor paket</translation>
    </message>
    <message>
        <source>Ombud packages (*.ombx);;All files (*)</source>
        <translation>Paket Ombud (*.ombx);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>No package files (.ombx) were found there.</source>
        <translation>Tidak ada berkas paket (.ombx) di sana.</translation>
    </message>
    <message>
        <source>Importing packages</source>
        <translation>Mengimpor paket</translation>
    </message>
    <message>
        <source>Checking the backup that undoes this import…</source>
        <translation>Memeriksa cadangan yang dapat membatalkan impor ini…</translation>
    </message>
    <message>
        <source>Open personal data</source>
        <translation>Buka data pribadi</translation>
    </message>
    <message>
        <source>Personal data of respondents in the packages is encrypted to your receiving key. Type your passphrase to import it, or skip: the rest is imported and the personal data is kept sealed until you next give your passphrase.</source>
        <translation>Data pribadi responden dalam paket dienkripsi untuk kunci penerima Anda. Ketik frasa sandi untuk mengimpornya, atau lewati: sisanya diimpor dan data pribadi disimpan tersegel sampai Anda memberikan frasa sandi lagi.</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>&amp;Lewati</translation>
    </message>
    <message>
        <source>Unknown signer</source>
        <translation>Penanda tangan tidak dikenal</translation>
    </message>
    <message>
        <source>%1 is signed by a key you do not trust yet. Ask the assessor to read their fingerprint to you. Do these digits match what they read? Then trust the key and import the package.</source>
        <translation>%1 ditandatangani dengan kunci yang belum Anda percayai. Minta penilai membacakan sidik jarinya kepada Anda. Apakah angka-angka ini sama dengan yang dibacakannya? Bila ya, percayai kunci itu dan impor paketnya.</translation>
    </message>
    <message>
        <source>The digits match: trust and import</source>
        <translation>Angkanya sama: percayai dan impor</translation>
    </message>
    <message>
        <source>Skip this package</source>
        <translation>Lewati paket ini</translation>
    </message>
    <message>
        <source>Verify packages</source>
        <translation>Verifikasi paket</translation>
    </message>
</context>
<context>
    <name>PackageResults</name>
    <message>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <source>already present, nothing new</source>
        <translation>sudah ada, tidak ada yang baru</translation>
    </message>
    <message>
        <source>older than what you have, nothing changed</source>
        <translation>lebih lama daripada yang sudah Anda miliki, tidak ada yang berubah</translation>
    </message>
    <message>
        <source>newer changes added</source>
        <translation>perubahan yang lebih baru ditambahkan</translation>
    </message>
    <message>
        <source>conflicting edits found</source>
        <translation>ditemukan suntingan yang bertentangan</translation>
    </message>
    <message>
        <source>arrived after approval: kept, not counted until the supervisor accepts them</source>
        <translation>tiba setelah disetujui: disimpan, tidak dihitung sampai supervisor menerimanya</translation>
    </message>
    <message>
        <source>personal data imported</source>
        <translation>data pribadi diimpor</translation>
    </message>
    <message>
        <source>personal data left out by the sender (no receiving key set)</source>
        <translation>data pribadi tidak disertakan pengirim (tidak ada kunci penerima)</translation>
    </message>
    <message>
        <source>personal data not imported: it stays locked until you give your passphrase (import again with it, or `ombud personal unlock`)</source>
        <translation>data pribadi tidak diimpor: tetap terkunci sampai Anda memberikan frasa sandi (impor lagi dengan frasa sandi, atau `ombud personal unlock`)</translation>
    </message>
    <message>
        <source>personal data sealed to other people, not to you</source>
        <translation>data pribadi disegel untuk orang lain, bukan untuk Anda</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Supervisor&apos;s comment: %1</source>
        <translation>Komentar supervisor: %1</translation>
    </message>
    <message>
        <source>Mark %1 as fixed…</source>
        <translation>Tandai %1 sudah diperbaiki…</translation>
    </message>
    <message>
        <source>Mark as fixed…</source>
        <translation>Tandai sudah diperbaiki…</translation>
    </message>
    <message>
        <source>Tell the supervisor this comment is dealt with</source>
        <translation>Beri tahu supervisor bahwa komentar ini sudah ditangani</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase</source>
        <translation>Frasa sandi</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frasa sandi:</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>Frasa sandi &amp;saat ini:</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>Frasa sandi &amp;baru:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Ulangi:</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>Minimal %1 karakter</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ubah</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>Ketik frasa sandi Anda.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters; it has %2.</source>
        <translation>Frasa sandi perlu minimal %1 karakter; yang ini %2.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Kedua frasa sandi berbeda.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Ubah frasa sandi</translation>
    </message>
    <message>
        <source>The new passphrase protects your signing key and, if you have one, your receiving key.</source>
        <translation>Frasa sandi baru melindungi kunci tanda tangan Anda dan, bila ada, kunci penerima Anda.</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Plan of loci · %1 (%2)</source>
        <translation>Rencana lokus · %1 (%2)</translation>
    </message>
    <message>
        <source>Tick the loci this entity is assessed at in period %1. A locus type is filled by any locus of that type; a named locus only by itself. The entity stays provisional until every planned locus has a complete assessment.</source>
        <translation>Centang lokus tempat entitas ini dinilai pada periode %1. Jenis lokus diisi oleh lokus mana pun dari jenis itu; lokus yang disebut namanya hanya oleh lokus itu sendiri. Entitas tetap sementara sampai setiap lokus yang direncanakan memiliki penilaian lengkap.</translation>
    </message>
    <message>
        <source>&amp;Add another slot</source>
        <translation>Tambah slot &amp;lagi</translation>
    </message>
    <message>
        <source>Plan one more locus of the chosen type (e.g. a second puskesmas)</source>
        <translation>Rencanakan satu lokus lagi dari jenis yang dipilih (mis. puskesmas kedua)</translation>
    </message>
    <message>
        <source>Another locus of type:</source>
        <translation>Lokus lain berjenis:</translation>
    </message>
    <message>
        <source>&amp;Save plan</source>
        <translation>&amp;Simpan rencana</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Locus types of the instrument&apos;s template (any locus of the type)</source>
        <translation>Jenis lokus dari templat instrumen (lokus mana pun dari jenis itu)</translation>
    </message>
    <message>
        <source>Loci of this entity (only that locus)</source>
        <translation>Lokus entitas ini (hanya lokus itu)</translation>
    </message>
    <message>
        <source>(none assessed yet)</source>
        <translation>(belum ada yang dinilai)</translation>
    </message>
    <message>
        <source>Any %1</source>
        <translation>%1 mana pun</translation>
    </message>
    <message numerus="yes">
        <source>%n locus(es) planned</source>
        <translation>
            <numerusform>%n lokus direncanakan</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanTableModel</name>
    <message>
        <source>Planned locus</source>
        <translation>Lokus yang direncanakan</translation>
    </message>
    <message>
        <source>Filled by</source>
        <translation>Diisi oleh</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Penilaian</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Lengkap</translation>
    </message>
    <message>
        <source>Provisional (not complete)</source>
        <translation>Sementara (belum lengkap)</translation>
    </message>
    <message>
        <source>Missing (no assessment)</source>
        <translation>Belum ada (tanpa penilaian)</translation>
    </message>
    <message>
        <source> (not complete)</source>
        <translation> (belum lengkap)</translation>
    </message>
</context>
<context>
    <name>ProductsDialog</name>
    <message>
        <source>Products followed · %1 (%2)</source>
        <translation>Tindak lanjut produk · %1 (%2)</translation>
    </message>
    <message>
        <source>Yes: the products were followed up</source>
        <translation>Ya: produk sudah ditindaklanjuti</translation>
    </message>
    <message>
        <source>No: not followed up</source>
        <translation>Tidak: belum ditindaklanjuti</translation>
    </message>
    <message>
        <source>LAHP, recommendations (optional)</source>
        <translation>LAHP, rekomendasi (boleh kosong)</translation>
    </message>
    <message>
        <source>&amp;Followed up:</source>
        <translation>&amp;Ditindaklanjuti:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Catatan:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Products observed</source>
        <translation>Produk yang diamati</translation>
    </message>
    <message>
        <source>Display (PR01-PR05) is recorded for each product. Choose products that are being served today, preferably those with the most users.</source>
        <translation>Keterpampangan (PR01-PR05) dicatat untuk setiap produk. Pilih produk yang sedang dilayani hari ini, sebaiknya yang paling banyak penggunanya.</translation>
    </message>
    <message>
        <source>Product %1</source>
        <translation>Produk %1</translation>
    </message>
    <message>
        <source>Only if fewer products: why</source>
        <translation>Hanya bila produk lebih sedikit: alasannya</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Assessor profile</source>
        <translation>Profil penilai</translation>
    </message>
    <message>
        <source>Your name is recorded with every answer you give in this workspace, so a supervisor can see who assessed what.</source>
        <translation>Nama Anda dicatat pada setiap jawaban yang Anda berikan di ruang kerja ini, sehingga supervisor dapat melihat siapa menilai apa.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Optional: 18 digits</source>
        <translation>Opsional: 18 digit</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>N&amp;IP:</source>
        <translation>N&amp;IP:</translation>
    </message>
    <message>
        <source>Give your name.</source>
        <translation>Isi nama Anda.</translation>
    </message>
    <message>
        <source>The NIP has digits only.</source>
        <translation>NIP hanya berisi angka.</translation>
    </message>
    <message>
        <source>The NIP has 18 digits; this one has {count}.</source>
        <translation>NIP terdiri atas 18 digit; yang ini {count} digit.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Who are you?</source>
        <translation>Siapa Anda?</translation>
    </message>
    <message>
        <source>Your name is recorded with every answer you give, so a supervisor can see who assessed what.</source>
        <translation>Nama Anda dicatat pada setiap jawaban yang Anda berikan, sehingga supervisor dapat melihat siapa menilai apa.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Optional: 18 digits</source>
        <translation>Opsional: 18 digit</translation>
    </message>
    <message>
        <source>&amp;Assessor: I visit service units and assess them</source>
        <translation>&amp;Penilai: saya mengunjungi unit layanan dan menilainya</translation>
    </message>
    <message>
        <source>&amp;Supervisor: I merge my team&apos;s work, check it and rank entities</source>
        <translation>&amp;Supervisor: saya menggabungkan hasil tim, memeriksanya, dan memeringkat entitas</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>N&amp;IP:</source>
        <translation>N&amp;IP:</translation>
    </message>
    <message>
        <source>Your role:</source>
        <translation>Peran Anda:</translation>
    </message>
    <message>
        <source>Give your name.</source>
        <translation>Isi nama Anda.</translation>
    </message>
    <message>
        <source>The NIP has 18 digits; this one has {count}.</source>
        <translation>NIP terdiri atas 18 digit; yang ini {count} digit.</translation>
    </message>
</context>
<context>
    <name>QrDialog</name>
    <message>
        <source>Public key as QR code</source>
        <translation>Kunci publik sebagai kode QR</translation>
    </message>
    <message>
        <source>Key of %1 · %2</source>
        <translation>Kunci milik %1 · %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>RatedBlock</name>
    <message>
        <source>Evidence to see: </source>
        <translation>Bukti yang diperiksa: </translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Tidak berlaku</translation>
    </message>
    <message>
        <source>Why it does not apply (required)</source>
        <translation>Alasan tidak berlaku (wajib)</translation>
    </message>
</context>
<context>
    <name>RatingPage</name>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Notes for this indicator (saved as you leave the box)</source>
        <translation>Catatan untuk indikator ini (tersimpan saat Anda meninggalkan kotak)</translation>
    </message>
    <message>
        <source>Value (mean of the sub-items): %1</source>
        <translation>Nilai (rata-rata subbutir): %1</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Import receipt</source>
        <translation>Tanda terima impor</translation>
    </message>
    <message>
        <source>%1 package(s) imported, %2 refused.</source>
        <translation>%1 paket diimpor, %2 ditolak.</translation>
    </message>
    <message>
        <source>Accepted: %1 assessment(s)</source>
        <translation>Diterima: %1 penilaian</translation>
    </message>
    <message>
        <source>Refused: %1 file(s)</source>
        <translation>Ditolak: %1 berkas</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Conflict copies made by the sync tool, not imported: %1</source>
        <translation>Salinan konflik dari alat sinkronisasi, tidak diimpor: %1</translation>
    </message>
    <message>
        <source>Two versions of one file arrived. Keep the right one under the package&apos;s own name and delete the other.</source>
        <translation>Dua versi dari satu berkas tiba. Simpan yang benar dengan nama paket aslinya dan hapus yang lain.</translation>
    </message>
    <message>
        <source>%1 › %2 (%3): %4</source>
        <translation>%1 › %2 (%3): %4</translation>
    </message>
    <message>
        <source>Signed by %1 (%2) · %3</source>
        <translation>Ditandatangani oleh %1 (%2) · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) added</source>
        <translation>
            <numerusform>%n perubahan ditambahkan</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicate: assessment %1 assesses the same locus in the same period; neither counts until you keep one (Conflicts › Duplicates)</source>
        <translation>Duplikat: penilaian %1 menilai lokus yang sama pada periode yang sama; tidak satu pun dihitung sampai Anda memakai salah satunya (Konflik › Duplikat)</translation>
    </message>
    <message>
        <source>Conflict in %1:</source>
        <translation>Konflik pada %1:</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Any %1</source>
        <translation>%1 mana pun</translation>
    </message>
    <message>
        <source>Plan set by %1, %2</source>
        <translation>Rencana ditetapkan oleh %1, %2</translation>
    </message>
    <message>
        <source>Plan: the instrument&apos;s locus template (default)</source>
        <translation>Rencana: templat lokus instrumen (bawaan)</translation>
    </message>
    <message>
        <source>No plan: the instrument has no locus template for this category</source>
        <translation>Tanpa rencana: instrumen tidak memiliki templat lokus untuk kategori ini</translation>
    </message>
</context>
<context>
    <name>RecordsPanels</name>
    <message>
        <source>Change the plan of &amp;loci…</source>
        <translation>Ubah rencana &amp;lokus…</translation>
    </message>
    <message>
        <source>&amp;Add a correction…</source>
        <translation>&amp;Tambah koreksi…</translation>
    </message>
    <message>
        <source>&amp;Withdraw the correction…</source>
        <translation>Ta&amp;rik koreksi…</translation>
    </message>
    <message>
        <source>Plan of loci</source>
        <translation>Rencana lokus</translation>
    </message>
    <message>
        <source>Plan of loci (%1 of %2 complete)</source>
        <translation>Rencana lokus (%1 dari %2 lengkap)</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Koreksi</translation>
    </message>
    <message numerus="yes">
        <source>Corrections (%n in force)</source>
        <translation>
            <numerusform>Koreksi (%n berlaku)</numerusform>
        </translation>
    </message>
    <message>
        <source>No corrections for this period.</source>
        <translation>Tidak ada koreksi untuk periode ini.</translation>
    </message>
    <message>
        <source>The records are being read…</source>
        <translation>Catatan sedang dibaca…</translation>
    </message>
    <message>
        <source>Your supervisor certificate is for another province: only a supervisor of %1 or pusat changes the plan and the corrections.</source>
        <translation>Sertifikat supervisor Anda untuk provinsi lain: hanya supervisor %1 atau pusat yang mengubah rencana dan koreksi.</translation>
    </message>
    <message>
        <source>Only a supervisor of %1 (with the supervisor certificate installed: Settings › Keys…) or pusat changes the plan and the corrections.</source>
        <translation>Hanya supervisor %1 (dengan sertifikat supervisor terpasang: Pengaturan › Kunci…) atau pusat yang mengubah rencana dan koreksi.</translation>
    </message>
    <message>
        <source>Choose the loci this entity is assessed at</source>
        <translation>Pilih lokus tempat entitas ini dinilai</translation>
    </message>
    <message>
        <source>Subtract points or cap the grade, with a reason</source>
        <translation>Kurangi poin atau batasi predikat, dengan alasan</translation>
    </message>
    <message>
        <source>Choose a correction in force first</source>
        <translation>Pilih dulu koreksi yang berlaku</translation>
    </message>
    <message>
        <source>Withdraw it with a reason (kept in the record, never deleted)</source>
        <translation>Tarik dengan alasan (tetap tercatat, tidak pernah dihapus)</translation>
    </message>
    <message>
        <source>Withdraw the correction</source>
        <translation>Tarik koreksi</translation>
    </message>
    <message>
        <source>Why is “%1” withdrawn? The correction stays listed as withdrawn.</source>
        <translation>Mengapa “%1” ditarik? Koreksi tetap terdaftar sebagai ditarik.</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <source>Report preview</source>
        <translation>Pratinjau laporan</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Laporan sedang dibuat…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Simpan sebagai PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n page(s)</source>
        <translation>
            <numerusform>%1 · %n halaman</numerusform>
        </translation>
    </message>
    <message>
        <source>The report could not be made.</source>
        <translation>Laporan tidak dapat dibuat.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Simpan sebagai PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Disimpan di %1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Mencetak…</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Sudah dikirim ke pencetak.</translation>
    </message>
    <message>
        <source>The printer is not ready.</source>
        <translation>Pencetak belum siap.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Select an assessment in the list first.</source>
        <translation>Pilih dulu satu penilaian di daftar.</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>{grade} (capped)</source>
        <translation>{grade} (dibatasi)</translation>
    </message>
    <message>
        <source>{grade} (provisional)</source>
        <translation>{grade} (sementara)</translation>
    </message>
</context>
<context>
    <name>ResultsWindow</name>
    <message>
        <source>Results · Ombud Desktop</source>
        <translation>Hasil · Ombud Desktop</translation>
    </message>
    <message>
        <source>Scoring every locus and entity…</source>
        <translation>Menghitung nilai semua lokus dan entitas…</translation>
    </message>
    <message numerus="yes">
        <source>%n entity(ies) scored</source>
        <translation>
            <numerusform>%n entitas dinilai</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Ekspor ke Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, the loci table (*.csv)</source>
        <translation>Berkas Excel (*.xlsx);;CSV, tabel lokus (*.csv)</translation>
    </message>
    <message>
        <source>results-%1.xlsx</source>
        <translation>hasil-%1.xlsx</translation>
    </message>
    <message>
        <source>all</source>
        <translation>semua</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Mengekspor ke %1…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Tersimpan %1</translation>
    </message>
    <message>
        <source>Saved %1

%2 entities, %3 loci, %4 service users.</source>
        <translation>Tersimpan %1

%2 entitas, %3 lokus, %4 pengguna layanan.</translation>
    </message>
    <message>
        <source>The file holds personal data (phone numbers): share it only for quality control, and delete it when done.</source>
        <translation>Berkas ini memuat data pribadi (nomor telepon): bagikan hanya untuk kendali mutu, lalu hapus setelah selesai.</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Ekspor selesai</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return for correction</source>
        <translation>Kembalikan untuk perbaikan</translation>
    </message>
    <message>
        <source>The assessment goes back to its assessor as a draft, with your comments. Say what must be corrected.</source>
        <translation>Penilaian dikembalikan kepada penilainya sebagai draf, dengan komentar Anda. Sebutkan apa yang harus diperbaiki.</translation>
    </message>
    <message>
        <source>&amp;General comment:</source>
        <translation>Komentar &amp;umum:</translation>
    </message>
    <message>
        <source>What the assessor should correct</source>
        <translation>Apa yang harus diperbaiki penilai</translation>
    </message>
    <message>
        <source>Comments on indicators (optional):</source>
        <translation>Komentar per indikator (opsional):</translation>
    </message>
    <message>
        <source>Choose the indicator…</source>
        <translation>Pilih indikator…</translation>
    </message>
    <message>
        <source>Comment on this indicator</source>
        <translation>Komentar untuk indikator ini</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <source>&amp;Remove comment</source>
        <translation>&amp;Hapus komentar</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Kembalikan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Write a general comment or a comment on an indicator.</source>
        <translation>Tulis komentar umum atau komentar untuk sebuah indikator.</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <source>Record the respondent as interviewed to answer the items.</source>
        <translation>Tandai responden “Diwawancarai” agar butir-butirnya dapat diisi.</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Responden</translation>
    </message>
    <message>
        <source>Interviewed</source>
        <translation>Diwawancarai</translation>
    </message>
    <message>
        <source>Role not present at this unit</source>
        <translation>Jabatan tidak ada di unit ini</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opsional</translation>
    </message>
    <message>
        <source>Why the role is not present (required)</source>
        <translation>Alasan jabatan tidak ada (wajib)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>National key (pusat)</source>
        <translation>Kunci nasional (pusat)</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Penilai</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>Provisional score</source>
        <translation>Nilai sementara</translation>
    </message>
    <message>
        <source>No grade yet</source>
        <translation>Belum ada predikat</translation>
    </message>
    <message numerus="yes">
        <source>Provisional: %n thing(s) still missing</source>
        <translation>
            <numerusform>Sementara: masih kurang %n hal</numerusform>
        </translation>
    </message>
    <message>
        <source>Complete: every rule is met</source>
        <translation>Lengkap: semua syarat terpenuhi</translation>
    </message>
    <message>
        <source>Deficiencies (below %1): %2</source>
        <translation>Kekurangan (di bawah %1): %2</translation>
    </message>
</context>
<context>
    <name>SecondaryDialog</name>
    <message>
        <source>Secondary data · %1 (%2)</source>
        <translation>Data sekunder · %1 (%2)</translation>
    </message>
    <message>
        <source>The instrument&apos;s indicator code</source>
        <translation>Kode indikator pada instrumen</translation>
    </message>
    <message>
        <source>Where the figure comes from, e.g. BPS</source>
        <translation>Asal angka itu, misalnya BPS</translation>
    </message>
    <message>
        <source>&amp;Indicator:</source>
        <translation>&amp;Indikator:</translation>
    </message>
    <message>
        <source>&amp;Value (0–100):</source>
        <translation>&amp;Nilai (0–100):</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>S&amp;umber:</translation>
    </message>
    <message>
        <source>Source &amp;date:</source>
        <translation>&amp;Tanggal sumber:</translation>
    </message>
    <message>
        <source>&amp;Save value</source>
        <translation>&amp;Simpan nilai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>SecondaryTableModel</name>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Diisi oleh</translation>
    </message>
</context>
<context>
    <name>ServiceUserTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>JK</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Usia</translation>
    </message>
</context>
<context>
    <name>ServiceUsersPage</name>
    <message>
        <source>Save and next respondent</source>
        <translation>Simpan dan responden berikutnya</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Respondent agrees to be interviewed</source>
        <translation>Responden setuju diwawancarai</translation>
    </message>
    <message>
        <source>Space ticks it; nothing is recorded without consent</source>
        <translation>Tekan Spasi untuk mencentang; tanpa persetujuan tidak ada yang dicatat</translation>
    </message>
    <message>
        <source>Consent text</source>
        <translation>Teks persetujuan</translation>
    </message>
    <message>
        <source>New respondent</source>
        <translation>Responden baru</translation>
    </message>
    <message>
        <source>Leave the respondent shown and start a new one</source>
        <translation>Tutup responden ini dan mulai responden baru</translation>
    </message>
    <message>
        <source>Which service?</source>
        <translation>Layanan apa?</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Service date</source>
        <translation>Tanggal layanan</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Usia</translation>
    </message>
    <message>
        <source>May be called back</source>
        <translation>Boleh dihubungi kembali</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>Telepon (opsional)</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Tombol: %1</translation>
    </message>
    <message>
        <source>Service users: %1 of target %2 (minimum %3)</source>
        <translation>Pengguna layanan: %1 dari target %2 (minimal %3)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Respondent %1</source>
        <translation>Responden %1</translation>
    </message>
    <message>
        <source>New respondent (not saved yet)</source>
        <translation>Responden baru (belum disimpan)</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Welcome to Ombud Desktop</source>
        <translation>Selamat datang di Ombud Desktop</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Kembali</translation>
    </message>
    <message>
        <source>Ne&amp;xt</source>
        <translation>&amp;Lanjut</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Mulai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Halaman berikutnya</translation>
    </message>
    <message>
        <source>PgDown, Enter or Alt+Right</source>
        <translation>PgDown, Enter atau Alt+Kanan</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Halaman sebelumnya</translation>
    </message>
    <message>
        <source>PgUp or Alt+Left</source>
        <translation>PgUp atau Alt+Kiri</translation>
    </message>
    <message>
        <source>Choose the level of the question in focus</source>
        <translation>Memilih tingkat pertanyaan yang sedang aktif</translation>
    </message>
    <message>
        <source>Number keys</source>
        <translation>Tombol angka</translation>
    </message>
    <message>
        <source>New service user</source>
        <translation>Pengguna layanan baru</translation>
    </message>
    <message>
        <source>History of the assessment</source>
        <translation>Riwayat penilaian</translation>
    </message>
    <message>
        <source>Finish the assessment, or see what is missing</source>
        <translation>Selesaikan penilaian, atau lihat apa yang masih kurang</translation>
    </message>
    <message>
        <source>Search the list</source>
        <translation>Mencari di daftar</translation>
    </message>
    <message>
        <source>Next or previous field</source>
        <translation>Kolom berikutnya atau sebelumnya</translation>
    </message>
    <message>
        <source>Tab or Shift+Tab</source>
        <translation>Tab atau Shift+Tab</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Fungsi</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tombol</translation>
    </message>
</context>
<context>
    <name>SupervisorActions</name>
    <message>
        <source>Edits of the same answer made on two devices: choose one</source>
        <translation>Perubahan atas jawaban yang sama dari dua perangkat: pilih salah satu</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>Kon&amp;flik…</translation>
    </message>
    <message>
        <source>Edits of the same answer made on two devices</source>
        <translation>Perubahan atas jawaban yang sama dari dua perangkat</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>&amp;Setujui</translation>
    </message>
    <message>
        <source>Approve the assessment (your name and the time)</source>
        <translation>Setujui penilaian (nama Anda dan waktunya dicatat)</translation>
    </message>
    <message>
        <source>Return for &amp;correction…</source>
        <translation>Kembalikan untuk &amp;perbaikan…</translation>
    </message>
    <message>
        <source>Send the assessment back to its assessor with comments</source>
        <translation>Kirim penilaian kembali kepada penilainya dengan komentar</translation>
    </message>
    <message>
        <source>&amp;Inbox folder…</source>
        <translation>Folder kotak &amp;masuk…</translation>
    </message>
    <message>
        <source>The folder where assessors&apos; packages arrive (shared folder, USB stick)</source>
        <translation>Folder tempat paket dari para penilai masuk (folder bersama, flashdisk)</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n conflict(s)</source>
        <translation>
            <numerusform>⚠ %n konflik</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve the assessment of %1 (%2, %3)?</source>
        <translation>Setujui penilaian %1 (%2, %3)?</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <source>This assessment is not finished or is provisional:

%1

Approve it anyway?</source>
        <translation>Penilaian ini belum selesai atau masih sementara:

%1

Tetap setujui?</translation>
    </message>
    <message>
        <source>Approve anyway</source>
        <translation>Tetap setujui</translation>
    </message>
    <message>
        <source>Approved: %1</source>
        <translation>Disetujui: %1</translation>
    </message>
    <message>
        <source>Returned for correction: %1</source>
        <translation>Dikembalikan untuk perbaikan: %1</translation>
    </message>
    <message>
        <source>Write the package of %1 for the assessor now?

It goes to the outbox: %2</source>
        <translation>Tulis paket %1 untuk penilai sekarang?

Paket masuk ke kotak keluar: %2</translation>
    </message>
    <message>
        <source>Packages have arrived. Type the passphrase of your receiving key to open the respondents&apos; personal data, or skip to import them without it (it stays locked; importing again with the passphrase adds it). Asked once per session.</source>
        <translation>Paket telah masuk. Ketik frasa sandi kunci penerima Anda untuk membuka data pribadi responden, atau lewati untuk mengimpor tanpanya (data itu tetap terkunci; impor ulang dengan frasa sandi akan menambahkannya). Hanya ditanyakan sekali per sesi.</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>&amp;Lewati</translation>
    </message>
    <message>
        <source>Package for the assessor</source>
        <translation>Paket untuk penilai</translation>
    </message>
    <message>
        <source>Write package</source>
        <translation>Tulis paket</translation>
    </message>
    <message>
        <source>Inbox folder</source>
        <translation>Folder kotak masuk</translation>
    </message>
    <message>
        <source>Stop watching %1?</source>
        <translation>Berhenti memantau %1?</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>Berhenti memantau</translation>
    </message>
    <message>
        <source>Watching the inbox: %1</source>
        <translation>Memantau kotak masuk: %1</translation>
    </message>
    <message>
        <source>Packages in the inbox</source>
        <translation>Paket di kotak masuk</translation>
    </message>
</context>
<context>
    <name>TrustedKeysModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Sidik jari</translation>
    </message>
    <message>
        <source>Trusted since</source>
        <translation>Dipercayai sejak</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(tanpa nama)</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify packages</source>
        <translation>Verifikasi paket</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>sah</translation>
    </message>
    <message>
        <source>NOT valid</source>
        <translation>TIDAK sah</translation>
    </message>
    <message>
        <source>Signed by %1, fingerprint %2</source>
        <translation>Ditandatangani oleh %1, sidik jari %2</translation>
    </message>
    <message numerus="yes">
        <source>Assessment %1, %n change(s)</source>
        <translation>
            <numerusform>Penilaian %1, %n perubahan</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>VersionsView</name>
    <message>
        <source>Evidence for this indicator</source>
        <translation>Bukti untuk indikator ini</translation>
    </message>
    <message>
        <source>Show &amp;personal data</source>
        <translation>Tampilkan data &amp;pribadi</translation>
    </message>
    <message>
        <source>The versions hold a respondent&apos;s name, NIP or phone number</source>
        <translation>Versi-versi ini berisi nama, NIP, atau nomor telepon responden</translation>
    </message>
    <message>
        <source>&amp;Another value…</source>
        <translation>Nilai &amp;lain…</translation>
    </message>
    <message>
        <source>Keep neither version: give the right value</source>
        <translation>Jangan pakai kedua versi: isi nilai yang benar</translation>
    </message>
    <message>
        <source>Choose a conflict in the list.</source>
        <translation>Pilih sebuah konflik dalam daftar.</translation>
    </message>
    <message>
        <source>(personal data)</source>
        <translation>(data pribadi)</translation>
    </message>
    <message>
        <source>Device %1
%2</source>
        <translation>Perangkat %1
%2</translation>
    </message>
    <message>
        <source>Keep this</source>
        <translation>Pakai nilai ini</translation>
    </message>
    <message>
        <source>Keep %1&apos;s version</source>
        <translation>Pakai versi %1</translation>
    </message>
</context>
<context>
    <name>WorkspaceCare</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Cadangkan sekarang</translation>
    </message>
    <message>
        <source>Res&amp;tore from backup…</source>
        <translation>&amp;Pulihkan dari cadangan…</translation>
    </message>
    <message>
        <source>Check &amp;workspace</source>
        <translation>Periksa &amp;ruang kerja</translation>
    </message>
    <message>
        <source>&amp;Backup folder…</source>
        <translation>Folder &amp;cadangan…</translation>
    </message>
    <message>
        <source>&amp;Number of backups kept…</source>
        <translation>&amp;Jumlah cadangan disimpan…</translation>
    </message>
    <message>
        <source>Backing up the workspace…</source>
        <translation>Mencadangkan ruang kerja…</translation>
    </message>
    <message>
        <source>Backup made: %1</source>
        <translation>Cadangan dibuat: %1</translation>
    </message>
    <message>
        <source>The backup failed; the earlier backups are untouched.</source>
        <translation>Pencadangan gagal; cadangan sebelumnya tetap utuh.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Folder cadangan</translation>
    </message>
    <message>
        <source>Backups go to %1</source>
        <translation>Cadangan disimpan di %1</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Jumlah cadangan disimpan</translation>
    </message>
    <message>
        <source>How many backups to keep (the oldest are removed):</source>
        <translation>Berapa cadangan yang disimpan (yang tertua dihapus):</translation>
    </message>
    <message>
        <source>Choose a backup (a cadangan-… folder)</source>
        <translation>Pilih cadangan (folder cadangan-…)</translation>
    </message>
    <message>
        <source>This backup is damaged and cannot be restored: %1. Nothing was changed.</source>
        <translation>Cadangan ini rusak dan tidak dapat dipulihkan: %1. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Restore the backup of %1 (%2 assessments)?

The current workspace is kept aside, beside it, never overwritten; the app then opens the restored one.</source>
        <translation>Pulihkan cadangan tanggal %1 (%2 penilaian)?

Ruang kerja yang sekarang disimpan di sampingnya, tidak pernah ditimpa; lalu aplikasi membuka ruang kerja yang dipulihkan.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <source>Where your work is kept</source>
        <translation>Tempat hasil kerja Anda disimpan</translation>
    </message>
    <message>
        <source>Every answer and photo is saved at once in this folder. Choose a folder on this computer that is backed up, not a USB stick.</source>
        <translation>Setiap jawaban dan foto langsung disimpan di folder ini. Pilih folder di komputer ini yang dicadangkan, bukan di flashdisk.</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Pilih…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>&amp;Open a sample workspace to explore (demo data, kept apart from your work)</source>
        <translation>&amp;Buka ruang kerja contoh untuk dijelajahi (data demo, terpisah dari hasil kerja Anda)</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>Folder ruang kerja</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>Pilih folder.</translation>
    </message>
    <message>
        <source>Give the whole path of the folder.</source>
        <translation>Tuliskan path lengkap folder.</translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation>Ini berkas, bukan folder.</translation>
    </message>
</context>
<context>
    <name>_RatedBlock</name>
    <message>
        <source>Keys 0-3 choose the level</source>
        <translation>Tekan 0-3 untuk memilih level</translation>
    </message>
</context>
<context>
    <name>_RecallBlock</name>
    <message>
        <source>Tick each component the respondent named unprompted.</source>
        <translation>Centang setiap komponen yang disebut responden atas inisiatif sendiri.</translation>
    </message>
    <message>
        <source>Also counts: %1</source>
        <translation>Juga dihitung: %1</translation>
    </message>
    <message>
        <source>Named: %1 → level %2</source>
        <translation>Disebut: %1 → level %2</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Kesalahan</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing more was saved.</source>
        <translation>Terjadi kesalahan. Tidak ada perubahan lebih lanjut yang disimpan.</translation>
    </message>
    <message>
        <source>This cannot be left empty.</source>
        <translation>Isian ini tidak boleh kosong.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
</context>
<context>
    <name>conflicts</name>
    <message>
        <source>value</source>
        <translation>nilai</translation>
    </message>
    <message>
        <source>why not applicable</source>
        <translation>alasan tidak berlaku</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>tindak lanjut</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>electronic</source>
        <translation>elektronik</translation>
    </message>
    <message>
        <source>product %1, %2</source>
        <translation>produk %1, %2</translation>
    </message>
    <message>
        <source>a service user</source>
        <translation>pengguna layanan</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>catatan</translation>
    </message>
    <message>
        <source>(no value)</source>
        <translation>(tanpa nilai)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Belum lengkap</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Lengkap</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Does not know</source>
        <translation>Tidak tahu</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Something went wrong</source>
        <translation>Terjadi kesalahan</translation>
    </message>
    <message>
        <source>Something went wrong in Ombud Desktop. Answers saved before this are safe; you can go on working.</source>
        <translation>Terjadi kesalahan di Ombud Desktop. Jawaban yang tersimpan sebelumnya aman; Anda dapat terus bekerja.</translation>
    </message>
    <message>
        <source>The details are in the support log (%1). To send them to whoever helps you: Help › Save support bundle….</source>
        <translation>Rinciannya ada di log dukungan (%1). Untuk mengirimkannya kepada yang membantu Anda: Bantuan › Simpan berkas dukungan….</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation>id</translation>
    </message>
</context>
<context>
    <name>inbox</name>
    <message>
        <source>%n new package(s) imported</source>
        <translation>%n paket baru diimpor</translation>
    </message>
    <message>
        <source>%n conflict(s)</source>
        <translation>%n konflik</translation>
    </message>
    <message>
        <source>%n refused</source>
        <translation>%n ditolak</translation>
    </message>
    <message>
        <source>%n conflict copy(ies) not imported</source>
        <translation>%n salinan konflik tidak diimpor</translation>
    </message>
    <message>
        <source>%n not downloaded yet</source>
        <translation>%n belum diunduh</translation>
    </message>
    <message>
        <source>Conflict copy (not imported): %1</source>
        <translation>Salinan konflik (tidak diimpor): %1</translation>
    </message>
    <message>
        <source>Not downloaded yet (make the inbox available offline): %1</source>
        <translation>Belum diunduh (jadikan kotak masuk tersedia offline): %1</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>Returned for correction by %1, %2.</source>
        <translation>Dikembalikan untuk perbaikan oleh %1, %2.</translation>
    </message>
    <message>
        <source>Approved by %1, %2.</source>
        <translation>Disetujui oleh %1, %2.</translation>
    </message>
    <message>
        <source>(marked as fixed)</source>
        <translation>(ditandai sudah diperbaiki)</translation>
    </message>
    <message>
        <source>%n indicator(s) have a comment (marked ✎ in the list).</source>
        <translation>%n indikator diberi komentar (bertanda ✎ di daftar).</translation>
    </message>
</context>
<context>
    <name>support</name>
    <message>
        <source>Save support bundle</source>
        <translation>Simpan berkas dukungan</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Berkas zip (*.zip)</translation>
    </message>
    <message>
        <source>Support bundle</source>
        <translation>Berkas dukungan</translation>
    </message>
    <message>
        <source>Saved to %1.

It holds the support log, versions, settings and a summary of the workspace in numbers: no names, answers or phone numbers. Send it to whoever helps you.</source>
        <translation>Disimpan ke %1.

Berisi log dukungan, versi, pengaturan, dan ringkasan ruang kerja dalam angka: tanpa nama, jawaban, atau nomor telepon. Kirimkan kepada yang membantu Anda.</translation>
    </message>
</context>
</TS>
