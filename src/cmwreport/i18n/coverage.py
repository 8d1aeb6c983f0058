"""Labels of the coverage outputs (terminal, Markdown, CSV, HTML, XLSX)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cov.title": ("Coverage of the replies", "Cakupan jawaban"),
    "cov.title_ministry": ("Coverage of the replies — {code}", "Cakupan jawaban — {code}"),
    "cov.subtitle": (
        "{state} · list of issues {symbol} · as of {date}",
        "{state} · daftar pertanyaan {symbol} · per {date}",
    ),
    "cov.units": ("units", "unit"),
    "cov.unit": ("Unit", "Unit"),
    "cov.overall": ("Overall", "Keseluruhan"),
    "cov.words": (
        "Words ({lang}): {words} of {limit} ({percent} %)",
        "Jumlah kata ({lang}): {words} dari {limit} ({percent} %)",
    ),
    "cov.by_section": ("By section", "Per bagian"),
    "cov.by_body": ("By body", "Per instansi"),
    "cov.section": ("Section", "Bagian"),
    "cov.body": ("Body", "Instansi"),
    "cov.assigned": ("Assigned", "Ditugaskan"),
    "cov.answered": ("Answered", "Dijawab"),
    "cov.approved_col": ("Approved", "Disetujui"),
    "cov.owes": ("Still owes", "Belum dijawab"),
    "cov.nothing_owed": ("nothing", "nihil"),
    "cov.all_units": ("All units", "Semua unit"),
    "cov.paragraph": ("Paragraph", "Paragraf"),
    "cov.item": ("Item", "Butir"),
    "cov.question": ("Question", "Pertanyaan"),
    "cov.lead": ("Lead", "Penanggung jawab"),
    "cov.contributors": ("Contributors", "Kontributor"),
    "cov.state": ("State", "Status"),
    "cov.answered_by": ("Answered by", "Dijawab oleh"),
    "cov.missing": ("Missing", "Belum menjawab"),
    "cov.percent_done": ("{percent} % answered", "{percent} % terjawab"),
    "state.unanswered": ("unanswered", "belum dijawab"),
    "state.draft": ("draft", "draf"),
    "state.submitted": ("submitted", "diajukan"),
    "state.approved": ("approved", "disetujui"),
    "cov.written": ("coverage written to {path}", "rekapitulasi disimpan ke {path}"),
    # ---- snapshots (--since)
    "snap.not_found": (
        "there is no such file; give the JSON file saved at the last meeting "
        "(`cmwreport coverage --format json --output build/rakor/DATE.json`)",
        "berkas tersebut tidak ada; sebutkan berkas JSON yang disimpan pada rakor sebelumnya "
        "(`cmwreport coverage --format json --output build/rakor/TANGGAL.json`)",
    ),
    "snap.too_big": (
        "the file is {size} bytes, far too large for a coverage snapshot",
        "ukuran berkas {size} byte, terlalu besar untuk sebuah snapshot rekapitulasi",
    ),
    "snap.not_text": (
        "it is not a text file; a snapshot is the JSON file written by "
        "`cmwreport coverage --format json --output FILE`",
        "berkas ini bukan berkas teks; snapshot adalah berkas JSON yang ditulis oleh "
        "`cmwreport coverage --format json --output BERKAS`",
    ),
    "snap.not_json": (
        "it is not valid JSON (line {line}, column {column}); a snapshot is the file written "
        "by `cmwreport coverage --format json --output FILE` and must not be edited by hand",
        "isinya bukan JSON yang sah (baris {line}, kolom {column}); snapshot adalah berkas yang "
        "ditulis oleh `cmwreport coverage --format json --output BERKAS` dan tidak boleh "
        "diubah secara manual",
    ),
    "snap.not_snapshot": (
        'it is not a coverage snapshot (it has no "units" list); save one with '
        "`cmwreport coverage --format json --output FILE`",
        'berkas ini bukan snapshot rekapitulasi (tidak ada daftar "units"); simpan snapshot '
        "dengan `cmwreport coverage --format json --output BERKAS`",
    ),
    "snap.bad_unit": (
        'unit number {number} of its "units" list has no valid "id" and "state" '
        "(unanswered, draft, submitted or approved)",
        'unit ke-{number} dalam daftar "units" tidak memiliki "id" dan "state" '
        "yang sah (unanswered, draft, submitted, atau approved)",
    ),
    "snap.duplicate_unit": (
        'unit {id} appears twice in its "units" list',
        'unit {id} muncul dua kali dalam daftar "units"',
    ),
    "snap.other_loipr": (
        "it was saved for the list of issues {theirs}, but this workspace answers {ours}",
        "snapshot ini disimpan untuk daftar pertanyaan {theirs}, sedangkan ruang kerja ini "
        "menjawab {ours}",
    ),
    "snap.other_body": (
        "it covers only {code}; use it with --ministry {code}, or compare with a snapshot "
        "of the whole workspace",
        "snapshot ini hanya mencakup {code}; gunakan bersama --ministry {code}, atau "
        "bandingkan dengan snapshot seluruh ruang kerja",
    ),
    # ---- since the last meeting
    "since.title": ("Since the last meeting", "Sejak rakor sebelumnya"),
    "since.snapshot": ("snapshot of {date} ({file})", "snapshot per {date} ({file})"),
    "since.snapshot_nodate": ("snapshot {file}", "snapshot {file}"),
    "since.moved": (
        "{count} unit(s) changed state: {forward} moved forward, {back} moved back",
        "{count} unit berubah status: {forward} maju, {back} mundur",
    ),
    "since.nothing": ("Nothing moved since the snapshot.", "Tidak ada perubahan sejak snapshot."),
    "since.then_now": ("Then → now", "Sebelumnya → sekarang"),
    "since.then": ("Then", "Sebelumnya"),
    "since.now": ("Now", "Sekarang"),
    "since.change": ("Change", "Perubahan"),
    "since.changes": ("Units that moved", "Unit yang berubah"),
    "since.newly_answered": ("Newly answered", "Baru dijawab"),
    "since.newly_approved": ("Newly approved", "Baru disetujui"),
    "since.went_back": ("Went back", "Mundur"),
    "since.by_body": ("Per body", "Per instansi"),
    "since.no_body_moved": (
        "No body answered or had an answer approved since the snapshot.",
        "Belum ada instansi yang menjawab atau jawabannya disetujui sejak snapshot.",
    ),
    "since.added": (
        "New in the list of issues since the snapshot: {ids}",
        "Baru dalam daftar pertanyaan sejak snapshot: {ids}",
    ),
    "since.removed": (
        "No longer in the list of issues (the list was revised): {ids}",
        "Tidak lagi ada dalam daftar pertanyaan (daftar telah direvisi): {ids}",
    ),
    "since.snapshot_date": ("Snapshot taken on", "Tanggal snapshot"),
    "since.new_unit": ("new unit", "unit baru"),
    "since.removed_unit": ("removed", "dihapus"),
    # ---- HTML dashboard and XLSX matrix
    "cov.dashboard": ("Coordination dashboard", "Dasbor koordinasi"),
    "cov.words_title": ("Words against the limit", "Jumlah kata terhadap batas"),
    "cov.words_short": (
        "{words} of {limit} words ({percent} %)",
        "{words} dari {limit} kata ({percent} %)",
    ),
    "cov.words_over": (
        "{over} words over the limit",
        "melebihi batas {over} kata",
    ),
    "cov.words_left": ("{left} words left", "sisa {left} kata"),
    "cov.words_note": (
        "Counted in the report language ({lang}), all answers that go into the draft.",
        "Dihitung dalam bahasa laporan ({lang}), semua jawaban yang masuk ke draf.",
    ),
    "cov.grid": (
        "Every unit, in the order of the list of issues",
        "Semua unit, sesuai urutan daftar pertanyaan",
    ),
    "cov.legend": ("Legend", "Keterangan"),
    "cov.owed_title": ("Still owed, by body", "Yang masih terutang, per instansi"),
    "cov.owes_nothing": ("Nothing owed.", "Semua sudah dijawab."),
    "cov.owes_count": ("owes {count}", "{count} belum dijawab"),
    "cov.given_title": ("Given by this body", "Jawaban yang sudah disampaikan instansi ini"),
    "cov.given_none": ("Nothing given yet.", "Belum ada jawaban."),
    "cov.its_status": ("Its answer", "Status jawabannya"),
    "cov.unit_state": ("Unit state", "Status unit"),
    "cov.role": ("Role", "Peran"),
    "cov.role_lead": ("lead", "penanggung jawab"),
    "cov.role_contributor": ("contributor", "kontributor"),
    "cov.role_other": ("not assigned", "tidak ditugaskan"),
    "cov.body_bar_note": (
        "Each bar shows the body's own answers to the units assigned to it; "
        "figures: answered / assigned.",
        "Setiap batang menunjukkan jawaban instansi itu sendiri atas unit yang ditugaskan "
        "kepadanya; angka: dijawab / ditugaskan.",
    ),
    "cov.body_tiles_note": (
        "{code}'s own answers to the units assigned to it (lead or contributor). The grid "
        "below shows each unit's state with every body's answers.",
        "Jawaban {code} sendiri atas unit yang ditugaskan kepadanya (sebagai penanggung jawab "
        "atau kontributor). Kisi di bawah menunjukkan status setiap unit dengan jawaban "
        "semua instansi.",
    ),
    "cov.generated_on": ("As of", "Per tanggal"),
    "cov.list_of_issues": ("List of issues", "Daftar pertanyaan"),
    "cov.report_symbol": ("Report", "Laporan"),
    "cov.state_of": ("State party", "Negara pihak"),
    "cov.name": ("Name", "Nama"),
    "cov.abbreviation": ("Abbreviation", "Singkatan"),
    "cov.percent_col": ("% answered", "% terjawab"),
    "cov.owes_count_col": ("Units owed", "Jumlah belum dijawab"),
    "cov.count": ("Count", "Jumlah"),
    "cov.share": ("Share", "Persentase"),
    "cov.words_total": ("Words (report language)", "Jumlah kata (bahasa laporan)"),
    "cov.word_limit": ("Word limit", "Batas kata"),
    "cov.footer": (
        "Made with cmwreport from the workspace's files. States: unanswered < draft < "
        "submitted < approved (the best answer counts).",
        "Dibuat dengan cmwreport dari berkas ruang kerja. Urutan status: belum dijawab < "
        "draf < diajukan < disetujui (jawaban terbaik yang dihitung).",
    ),
    "sheet.summary": ("Summary", "Ringkasan"),
    "sheet.units": ("Units", "Unit"),
    "sheet.bodies": ("Bodies", "Instansi"),
    "sheet.since": ("Since last meeting", "Sejak rakor lalu"),
}
