"""Messages of scaffold, schema, form, import and init."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- scaffold
    "scaffold.refused": (
        "{path} was not changed: {reason}",
        "{path} tidak diubah: {reason}",
    ),
    "scaffold.not_answers_file": (
        "it is not an answers file (it must hold `ministry:` and a list `answers:`); "
        "fix it first, then run scaffold again",
        "berkas ini bukan berkas jawaban (harus memuat `ministry:` dan daftar `answers:`); "
        "perbaiki dahulu, lalu jalankan scaffold lagi",
    ),
    "scaffold.not_appendable": (
        "new records cannot be added at the end of this file without changing what is "
        "already there; `answers:` must be the last part of the file, written as a list of "
        "`- question: ...` records (not `answers: []`)",
        "entri baru tidak dapat ditambahkan di akhir berkas ini tanpa mengubah isi yang "
        "sudah ada; `answers:` harus menjadi bagian terakhir berkas, ditulis sebagai daftar "
        "entri `- question: ...` (bukan `answers: []`)",
    ),
    "scaffold.where_paragraph": ("paragraph {paragraph}", "paragraf {paragraph}"),
    "scaffold.where_item": (
        "paragraph {paragraph}, item ({item})",
        "paragraf {paragraph}, butir ({item})",
    ),
    "scaffold.record_head_lead": (
        "{unit} · {where} · you are the lead",
        "{unit} · {where} · Anda penanggung jawab",
    ),
    "scaffold.record_head_contributor": (
        "{unit} · {where} · you contribute (lead: {lead})",
        "{unit} · {where} · Anda kontributor (penanggung jawab: {lead})",
    ),
    "scaffold.data_hint": (
        "Statistics asked for: {data}. Add them under `tables:` (see docs/workflow.md).",
        "Data statistik yang diminta: {data}. Tambahkan di bawah `tables:` "
        "(lihat docs/workflow.md).",
    ),
    "scaffold.type_here": (
        "Type the answer on the empty line under each language code; keep that indentation.",
        "Ketik jawaban pada baris kosong di bawah setiap kode bahasa, dengan spasi di awal "
        "baris seperti yang sudah ada.",
    ),
    "scaffold.header_title": (
        "Answers of {body} to the list of issues {symbol}.",
        "Jawaban {body} atas daftar pertanyaan {symbol}.",
    ),
    "scaffold.header_1": (
        "Each record below answers one question; the question is quoted in the comment "
        "lines (starting with #) above it.",
        "Setiap entri di bawah ini menjawab satu pertanyaan; teks pertanyaannya dikutip pada "
        "baris komentar (diawali tanda #) di atasnya.",
    ),
    "scaffold.header_2": (
        "Write the answer under {where}, indented deeper than the language code. Leave a "
        "blank line between paragraphs.",
        "Tulis jawaban di bawah {where}, menjorok ke dalam melebihi kode bahasanya. Pisahkan "
        "paragraf dengan satu baris kosong.",
    ),
    "scaffold.header_3": (
        "Set `status:` to submitted when the text is ready for the coordinators. "
        "An empty answer does not count. After saving, check the file with:",
        "Ubah `status:` menjadi submitted bila teks sudah siap diserahkan kepada "
        "koordinator. Jawaban kosong belum dihitung. Setelah menyimpan, periksa berkas "
        "dengan perintah:",
    ),
    "scaffold.header_guide": (
        "Step-by-step guide: docs/workflow.md",
        "Panduan langkah demi langkah: docs/workflow.md",
    ),
    "scaffold.created": (
        "created {path} with {count} skeleton answer(s): {units}",
        "{path} dibuat dengan {count} kerangka jawaban: {units}",
    ),
    "scaffold.appended": (
        "added {count} skeleton answer(s) at the end of {path}: {units}",
        "{count} kerangka jawaban ditambahkan di akhir {path}: {units}",
    ),
    "scaffold.nothing": (
        "{path}: nothing to add; {code} already has a record for each of its {assigned} "
        "assigned question(s)",
        "{path}: tidak ada yang perlu ditambahkan; {code} sudah memiliki entri jawaban untuk "
        "semua pertanyaan yang ditugaskan kepadanya ({assigned} pertanyaan)",
    ),
    "scaffold.none_assigned": (
        "{code} is not lead or contributor of any question in questions/loipr.yaml; nothing to add",
        "{code} bukan penanggung jawab maupun kontributor pertanyaan mana pun di "
        "questions/loipr.yaml; tidak ada yang perlu ditambahkan",
    ),
    "scaffold.next": (
        "next: open the file, type the answers, then run `cmwreport check --ministry {code}`",
        "selanjutnya: buka berkas, ketik jawaban, lalu jalankan "
        "`cmwreport check --ministry {code}`",
    ),
    "scaffold.schema_hint": (
        "tip: {path} is missing, so your editor cannot complete or check {file} yet; run "
        "`cmwreport schema --output schemas` once in the workspace (and commit the schemas/ "
        "folder)",
        "saran: {path} belum ada, sehingga editor belum dapat melengkapi dan memeriksa "
        "{file}; jalankan `cmwreport schema --output schemas` satu kali di ruang kerja (lalu "
        "commit folder schemas/)",
    ),
    # ---- schema
    "schema.written": ("schema written to {path}", "skema ditulis ke {path}"),
    "schema.title.answers": (
        "cmwreport answers file (answers/<CODE>.yaml)",
        "Berkas jawaban cmwreport (answers/<KODE>.yaml)",
    ),
    "schema.title.loipr": (
        "cmwreport list of issues (questions/loipr.yaml)",
        "Daftar pertanyaan cmwreport (questions/loipr.yaml)",
    ),
    "schema.title.ministries": (
        "cmwreport contributing bodies (questions/ministries.yaml)",
        "Instansi kontributor cmwreport (questions/ministries.yaml)",
    ),
    "schema.AnswersFile": (
        "One body's answers to the list of issues.",
        "Jawaban satu instansi atas daftar pertanyaan.",
    ),
    "schema.AnswersFile.ministry": (
        "The body's code; must equal the file name (answers/KEMNAKER.yaml → KEMNAKER).",
        "Kode instansi; harus sama dengan nama berkas (answers/KEMNAKER.yaml → KEMNAKER).",
    ),
    "schema.AnswersFile.answers": (
        "One record per question answered.",
        "Satu entri untuk setiap pertanyaan yang dijawab.",
    ),
    "schema.Answer": (
        "One answer to a paragraph or to one of its items.",
        "Satu jawaban atas sebuah paragraf atau salah satu butirnya.",
    ),
    "schema.Answer.question": (
        'The question answered: "7" for a paragraph, "7(a)" for one item. Keep the quotes.',
        'Pertanyaan yang dijawab: "7" untuk paragraf, "7(a)" untuk satu butir. '
        "Pertahankan tanda kutipnya.",
    ),
    "schema.Answer.status": (
        "draft while writing; submitted when ready for the coordinators; approved once "
        "the coordinators have accepted it (only approved answers go into the final report).",
        "draft selama ditulis; submitted bila siap diserahkan kepada koordinator; approved "
        "setelah diterima koordinator (hanya jawaban approved yang masuk laporan final).",
    ),
    "schema.Answer.updated": (
        "Date of the last change, YYYY-MM-DD.",
        "Tanggal perubahan terakhir, YYYY-MM-DD.",
    ),
    "schema.Answer.text": (
        "The answer in Markdown, by language (id: …, en: …). A blank line starts a new "
        "paragraph; each paragraph becomes one numbered paragraph of the report.",
        "Jawaban dalam format Markdown, per bahasa (id: …, en: …). Baris kosong memulai "
        "paragraf baru; setiap paragraf menjadi satu paragraf bernomor dalam laporan.",
    ),
    "schema.Answer.tables": (
        "Statistics as tables: title, columns, rows, source.",
        "Data statistik dalam bentuk tabel: judul, kolom, baris, sumber.",
    ),
    "schema.Answer.sources": (
        "Laws, reports or data the answer relies on.",
        "Peraturan, laporan, atau data yang menjadi dasar jawaban.",
    ),
    "schema.Answer.consolidated": (
        "true: this text replaces every other body's input for the question in the report "
        "(used by the coordinators).",
        "true: teks ini menggantikan masukan semua instansi lain untuk pertanyaan tersebut "
        "dalam laporan (dipakai oleh koordinator).",
    ),
    "schema.Answer.note": (
        "An internal remark for the coordinators; never printed in the report.",
        "Catatan internal untuk koordinator; tidak pernah dicetak dalam laporan.",
    ),
    "schema.Table": (
        "A statistics table; every row has as many cells as there are columns.",
        "Tabel statistik; setiap baris memiliki jumlah sel yang sama dengan jumlah kolom.",
    ),
    "schema.Table.title": ("Title of the table.", "Judul tabel."),
    "schema.Table.columns": ("Column headings.", "Judul kolom."),
    "schema.Table.rows": (
        "The rows, each a list of cells: [2024, 110, 220].",
        "Baris-baris tabel, masing-masing berupa daftar sel: [2024, 110, 220].",
    ),
    "schema.Table.source": ("Where the figures come from.", "Sumber angka."),
    "schema.Loipr": (
        "The list of issues prior to reporting and the report that answers it.",
        "Daftar pertanyaan sebelum pelaporan (LOIPR) dan laporan yang menjawabnya.",
    ),
    "schema.Loipr.committee": ("The committee (CMW).", "Komite (CMW)."),
    "schema.Loipr.state": ("The reporting State.", "Negara pihak yang melapor."),
    "schema.Loipr.symbol": (
        "UN symbol of the list of issues, e.g. CMW/C/IDN/QPR/2.",
        "Nomor dokumen PBB untuk daftar pertanyaan, mis. CMW/C/IDN/QPR/2.",
    ),
    "schema.Loipr.adopted": (
        "Date the list was adopted, YYYY-MM-DD.",
        "Tanggal daftar pertanyaan diadopsi, YYYY-MM-DD.",
    ),
    "schema.Loipr.report": ("The report being drafted.", "Laporan yang sedang disusun."),
    "schema.Loipr.sections": (
        "Sections of the list, in order; sections may nest.",
        "Bagian-bagian daftar pertanyaan secara berurutan; bagian boleh bertingkat.",
    ),
    "schema.ReportMeta.title": ("Title of the report.", "Judul laporan."),
    "schema.ReportMeta.symbol": (
        "UN symbol of the report, once assigned (e.g. CMW/C/IDN/2).",
        "Nomor dokumen PBB untuk laporan, setelah ditetapkan (mis. CMW/C/IDN/2).",
    ),
    "schema.ReportMeta.due": ("Year the report is due.", "Tahun jatuh tempo laporan."),
    "schema.ReportMeta.kind": (
        "periodic (21,200-word limit) or initial (31,800).",
        "periodic (batas 21.200 kata) atau initial (31.800).",
    ),
    "schema.ReportMeta.word_limit": (
        "Overrides the word limit.",
        "Mengganti batas jumlah kata.",
    ),
    "schema.ReportMeta.language": (
        "Language the report is submitted in (en).",
        "Bahasa penyampaian laporan (en).",
    ),
    "schema.ReportMeta.drafting_languages": (
        "Languages answers may be written in; the first is that of a plain text.",
        "Bahasa yang boleh dipakai untuk menulis jawaban; bahasa pertama berlaku untuk teks "
        "biasa tanpa kode bahasa.",
    ),
    "schema.ReportMeta.date_received": (
        "Date the UN received the report.",
        "Tanggal laporan diterima PBB.",
    ),
    "schema.Section.id": ("Short unique id, e.g. I-A.", "Id singkat yang unik, mis. I-A."),
    "schema.Section.title": ("Heading of the section.", "Judul bagian."),
    "schema.Section.paragraphs": ("Numbered paragraphs.", "Paragraf bernomor."),
    "schema.Section.sections": ("Sub-sections.", "Subbagian."),
    "schema.Paragraph.number": (
        "Paragraph number, unique in the whole list.",
        "Nomor paragraf, unik dalam seluruh daftar.",
    ),
    "schema.Paragraph.text": ("The question's text.", "Teks pertanyaan."),
    "schema.Paragraph.articles": (
        "Articles of the Convention concerned.",
        "Pasal Konvensi yang terkait.",
    ),
    "schema.Paragraph.lead": (
        "Code of the body responsible for the answer.",
        "Kode instansi penanggung jawab jawaban.",
    ),
    "schema.Paragraph.contributors": (
        "Codes of the bodies that contribute.",
        "Kode instansi yang berkontribusi.",
    ),
    "schema.Paragraph.data": (
        "Statistics asked for (free words, e.g. sex, age).",
        "Data statistik yang diminta (bebas, mis. jenis kelamin, umur).",
    ),
    "schema.Paragraph.items": ("Lettered items (a), (b), …", "Butir berhuruf (a), (b), …"),
    "schema.Item.letter": ("The item's letter: a, b, c …", "Huruf butir: a, b, c …"),
    "schema.Item.text": ("The item's text.", "Teks butir."),
    "schema.Item.lead": (
        "Lead of this item, if not the paragraph's.",
        "Penanggung jawab butir ini, bila berbeda dari paragrafnya.",
    ),
    "schema.Item.contributors": (
        "Contributors of this item, if not the paragraph's.",
        "Kontributor butir ini, bila berbeda dari paragrafnya.",
    ),
    "schema.Item.data": ("Statistics asked for.", "Data statistik yang diminta."),
    "schema.MinistriesFile.ministries": (
        "The contributing bodies.",
        "Instansi-instansi kontributor.",
    ),
    "schema.Ministry.code": (
        "Upper-case letters, digits and '-'; also the answer file's name.",
        "Huruf kapital, angka dan '-'; juga menjadi nama berkas jawaban.",
    ),
    "schema.Ministry.name": (
        "Full name, by language: {en: …, id: …}.",
        "Nama lengkap per bahasa: {en: …, id: …}.",
    ),
    "schema.Ministry.abbreviation": ("Short form, by language.", "Singkatan per bahasa."),
    "schema.Ministry.coordinator": (
        "true for the team that consolidates the report.",
        "true untuk tim yang mengonsolidasikan laporan.",
    ),
    # ---- init
    "init.not_empty": (
        "{path} exists and is not empty; init writes only into a new or empty folder "
        "(nothing was changed)",
        "{path} sudah ada dan tidak kosong; init hanya menulis ke folder baru atau kosong "
        "(tidak ada yang diubah)",
    ),
    "init.done": (
        "new workspace in {path} ({count} files). Next: edit questions/loipr.yaml and "
        "questions/ministries.yaml, then run `cmwreport check --root {path}`",
        "ruang kerja baru dibuat di {path} ({count} berkas). Selanjutnya: sunting "
        "questions/loipr.yaml dan questions/ministries.yaml, lalu jalankan "
        "`cmwreport check --root {path}`",
    ),
    "init.loipr.1": (
        "The list of issues prior to reporting (LOIPR). Replace the example values below "
        "with those of your list.",
        "Daftar pertanyaan sebelum pelaporan (LOIPR). Ganti nilai contoh di bawah dengan "
        "data daftar pertanyaan Anda.",
    ),
    "init.loipr.2": (
        "Copy the Committee's official text into each `text:`. Guide: docs/workflow.md",
        "Salin teks resmi Komite ke setiap `text:`. Panduan: docs/workflow.md",
    ),
    "init.loipr.3": ("the Committee", "Komite"),
    "init.loipr.4": ("the reporting State", "negara pihak yang melapor"),
    "init.loipr.5": ("UN symbol of the list of issues", "nomor dokumen PBB daftar pertanyaan"),
    "init.loipr.6": ("date adopted, YYYY-MM-DD", "tanggal diadopsi, YYYY-MM-DD"),
    "init.loipr.7": (
        "symbol of the report, once the UN assigns it",
        "nomor dokumen laporan, setelah ditetapkan PBB",
    ),
    "init.loipr.8": ("year the report is due", "tahun jatuh tempo laporan"),
    "init.loipr.9": (
        "periodic (limit 21,200 words) or initial (31,800)",
        "periodic (batas 21.200 kata) atau initial (31.800)",
    ),
    "init.loipr.10": ("language of the submitted report", "bahasa laporan yang disampaikan"),
    "init.loipr.11": (
        "languages the answers are written in",
        "bahasa yang dipakai untuk menulis jawaban",
    ),
    "init.loipr.12": (
        "Sections and numbered paragraphs in the list's order; a paragraph may have "
        "`items:` (a), (b) … each with `letter:` and `text:`.",
        "Bagian dan paragraf bernomor sesuai urutan daftar; paragraf boleh memiliki "
        "`items:` (a), (b) … masing-masing dengan `letter:` dan `text:`.",
    ),
    "init.loipr.13": ("unique across the whole list", "unik dalam seluruh daftar"),
    "init.loipr.14": (
        "body responsible (a code of ministries.yaml)",
        "instansi penanggung jawab (kode dari ministries.yaml)",
    ),
    "init.loipr.15": ("other bodies that contribute", "instansi lain yang berkontribusi"),
    "init.loipr.16": (
        "the question, by language",
        "teks pertanyaan, per bahasa",
    ),
    "init.ministries.1": (
        "The contributing bodies. Each writes its answers in answers/<code>.yaml.",
        "Instansi kontributor. Setiap instansi menulis jawabannya di answers/<kode>.yaml.",
    ),
    "init.ministries.2": (
        "upper-case letters, digits and '-'",
        "huruf kapital, angka dan '-'",
    ),
    "init.ministries.3": ("full name by language", "nama lengkap per bahasa"),
    "init.ministries.4": ("short form", "singkatan"),
    "init.ministries.5": (
        "true for the consolidating team",
        "true untuk tim konsolidasi",
    ),
    "init.readme": (
        "# Report workspace\n\n"
        "This folder holds the drafting of a report to the UN Committee on Migrant Workers "
        "with cmwreport.\n\n"
        "- `questions/loipr.yaml`: the list of issues (paragraphs, items, who answers what)\n"
        "- `questions/ministries.yaml`: the contributing bodies\n"
        "- `{answers}/<CODE>.yaml`: one answers file per body — one file per body keeps "
        "merges clean\n"
        "- `templates/`: the report's templates, to customise\n"
        "- `schemas/`: JSON Schemas for editors (VS Code reads them automatically)\n"
        "- `build/`: everything generated (not versioned)\n\n"
        "First steps:\n\n"
        "    cmwreport check                 # is everything valid?\n"
        "    cmwreport scaffold KEMENHAM     # skeleton answers for one body\n"
        "    cmwreport coverage              # who still owes what\n"
        "    cmwreport form KEMENHAM --format xlsx   # a form for a body that will not edit YAML\n",
        "# Ruang kerja laporan\n\n"
        "Folder ini berisi penyusunan laporan kepada Komite PBB tentang Pekerja Migran "
        "dengan cmwreport.\n\n"
        "- `questions/loipr.yaml`: daftar pertanyaan (paragraf, butir, pembagian tugas)\n"
        "- `questions/ministries.yaml`: instansi kontributor\n"
        "- `{answers}/<KODE>.yaml`: satu berkas jawaban untuk setiap instansi — satu berkas "
        "per instansi menghindari konflik penggabungan\n"
        "- `templates/`: templat laporan, dapat disesuaikan\n"
        "- `schemas/`: JSON Schema untuk editor (dibaca otomatis oleh VS Code)\n"
        "- `build/`: semua hasil olahan (tidak disimpan dalam riwayat versi)\n\n"
        "Langkah pertama:\n\n"
        "    cmwreport check                 # apakah semua berkas sudah benar?\n"
        "    cmwreport scaffold KEMENHAM     # kerangka jawaban untuk satu instansi\n"
        "    cmwreport coverage              # instansi mana yang belum menyampaikan jawaban\n"
        "    cmwreport form KEMENHAM --format xlsx   # formulir bagi instansi yang tidak "
        "menyunting YAML\n",
    ),
    "init.templates_readme": (
        "# Templates\n\nPut templates here to override the packaged defaults by name.\n",
        "# Templat\n\nLetakkan templat di sini untuk menggantikan templat bawaan "
        "dengan nama yang sama.\n",
    ),
}

MESSAGES.update(
    {
        # ---- form (labels on the form itself are shown in both languages)
        "form.title": (
            "Answer form — {code}",
            "Formulir jawaban — {code}",
        ),
        "form.issued": ("issued {date}", "diterbitkan {date}"),
        "form.howto.1": (
            "Type your answer to each question in the yellow cells, in {langs}. "
            "Leave a cell empty to keep the current answer as it is.",
            "Ketik jawaban untuk setiap pertanyaan pada sel berwarna kuning, dalam {langs}. "
            "Biarkan sel kosong bila jawaban saat ini tidak diubah.",
        ),
        "form.howto.2": (
            "What you type replaces the current answer in that language: to amend it, copy "
            "the current answer (grey) into the yellow cell and edit it there.",
            "Isian Anda menggantikan jawaban saat ini dalam bahasa tersebut. Untuk "
            "memperbaikinya, salin jawaban saat ini (sel abu-abu) ke sel kuning, lalu sunting "
            "di sana.",
        ),
        "form.howto.3": (
            "Start each paragraph on a new line. Bold, italic, bullets, numbered lists and "
            "footnotes are kept; Track Changes may stay on (changes count as accepted). "
            "Pictures, charts, text boxes and tables cannot be imported: send them to the "
            "coordinators separately. Status: draft (still in progress), submitted (ready for "
            "the coordinators); approval is given by the coordinators.",
            "Mulai setiap paragraf pada baris baru. Huruf tebal, huruf miring, butir, daftar "
            "bernomor, dan catatan kaki tetap terbawa; Lacak Perubahan (Track Changes) boleh "
            "tetap aktif (perubahan dianggap diterima). Gambar, bagan, kotak teks, dan tabel "
            "tidak dapat diimpor: kirimkan terpisah kepada koordinator. Status: draf (masih "
            "dikerjakan), diajukan (siap diserahkan kepada koordinator); persetujuan diberikan "
            "oleh koordinator.",
        ),
        "form.howto.xlsx_newline": (
            "In Excel, press Alt+Enter to start a new line inside a cell.",
            "Di Excel, tekan Alt+Enter untuk memulai baris baru di dalam sel.",
        ),
        "form.howto.4": (
            "Do not change the question numbers, the grey parts or the file's layout; save it "
            "in the same format and send it back to the coordinators.",
            "Jangan mengubah nomor pertanyaan, bagian abu-abu, atau tata letak berkas; simpan "
            "dalam format yang sama dan kirim kembali kepada koordinator.",
        ),
        "form.col.question_id": ("No.", "No."),
        "form.col.question": ("Question", "Pertanyaan"),
        "form.col.current": ("Current answer", "Jawaban saat ini"),
        "form.col.answer_in": ("Your answer in {lang}", "Jawaban Anda dalam {lang}"),
        "form.col.status": (
            "Status (choose: draft / submitted)",
            "Status (pilih: draf / diajukan)",
        ),
        "form.no_answer": ("no answer yet", "belum ada jawaban"),
        "form.current_status": ("status: {status}", "status: {status}"),
        "form.data_hint": (
            "Statistics asked for: {data} (send tables to the coordinators)",
            "Data statistik yang diminta: {data} (kirim tabelnya kepada koordinator)",
        ),
        "form.status_error": (
            "choose draft or submitted (approval is given by the coordinators)",
            "pilih draf atau diajukan (persetujuan diberikan oleh koordinator)",
        ),
        "form.hidden_note": (
            "Data for cmwreport import: do not edit.",
            "Data untuk impor cmwreport: jangan diubah.",
        ),
        "form.written": (
            "form for {code} written to {path} ({count} question(s)); send it to the body, "
            "then read it back with `cmwreport import FILE`",
            "formulir untuk {code} ditulis ke {path} ({count} pertanyaan); kirim ke instansi "
            "tersebut, lalu baca kembali dengan `cmwreport import BERKAS`",
        ),
        "form.file_broken": (
            "the answers file cannot be read safely, so nothing was done: {problem}",
            "berkas jawaban tidak dapat dibaca dengan aman, sehingga tidak ada yang dilakukan: "
            "{problem}",
        ),
        # ---- import: the file itself
        "form.too_big": (
            "the file is {size}, more than the {limit} a form may have",
            "ukuran berkas {size}, melebihi batas {limit} untuk formulir",
        ),
        "form.not_office": (
            "this is not a Word (.docx) or Excel (.xlsx) file, or it is damaged; send back the "
            "form made by `cmwreport form`, saved in the same format",
            "berkas ini bukan berkas Word (.docx) atau Excel (.xlsx), atau berkasnya rusak; "
            "kirim kembali formulir buatan `cmwreport form` yang disimpan dalam format yang sama",
        ),
        "form.too_many_entries": (
            "the file holds {count} internal parts, more than a form can have; it was not opened",
            "berkas memuat {count} bagian internal, melebihi jumlah yang wajar untuk sebuah "
            "formulir; berkas tidak dibuka",
        ),
        "form.bomb": (
            "once unpacked, the file would expand to {size} (the limit is {limit}); it was not "
            "opened",
            "bila dibuka, isi berkas akan membesar menjadi {size} (batasnya {limit}); berkas "
            "tidak dibuka",
        ),
        "form.doctype": (
            "the file contains XML declarations (DOCTYPE/ENTITY) that a form never has; "
            "it was not opened",
            "berkas memuat deklarasi XML (DOCTYPE/ENTITY) yang tidak pernah ada dalam "
            "formulir; berkas tidak dibuka",
        ),
        "form.foreign": (
            "this file is not a form made by `cmwreport form` (its hidden data is missing); "
            "answers typed into another document must be copied into a form or the YAML file",
            "berkas ini bukan formulir buatan `cmwreport form` (data tersembunyinya tidak ada); "
            "jawaban yang diketik di dokumen lain harus disalin ke formulir atau ke berkas YAML",
        ),
        "form.bytes": ("{count} bytes", "{count} byte"),
        "form.missing": (
            "there is no such file; check the name and the folder",
            "berkas tersebut tidak ditemukan; periksa nama dan foldernya",
        ),
        "form.unknown_body": (
            "this form is for {code}, which is not in questions/ministries.yaml of this "
            "workspace (listed: {known}); was it issued from another workspace? Nothing was "
            "imported",
            "formulir ini untuk {code}, yang tidak terdaftar di questions/ministries.yaml ruang "
            "kerja ini (yang terdaftar: {known}); apakah formulir diterbitkan dari ruang kerja "
            "lain? Tidak ada yang diimpor",
        ),
        "form.version": (
            "this form was made by another version of cmwreport (form version {version}); "
            "issue a new form",
            "formulir ini dibuat oleh versi cmwreport yang lain (versi formulir {version}); "
            "terbitkan formulir baru",
        ),
        "form.other_list": (
            "this form of {code} was issued for the list of issues {form}, but the workspace "
            "holds {workspace}; nothing was imported",
            "formulir {code} ini diterbitkan untuk daftar pertanyaan {form}, sedangkan ruang "
            "kerja memuat {workspace}; tidak ada yang diimpor",
        ),
        "form.place_row": ("row {row}", "baris {row}"),
        "form.place_table": (
            "table {number} (question {question})",
            "tabel {number} (pertanyaan {question})",
        ),
        "form.place_rows": ("rows {rows}", "baris {rows}"),
        "form.unknown_rows": (
            "question number not on the form as issued; {count} row(s) skipped",
            "nomor pertanyaan tidak ada pada formulir saat diterbitkan; {count} baris dilewati",
        ),
        "form.too_many_rows": (
            "the sheet “{sheet}” has more than {limit} rows, far more than a form has (one row "
            "per question), so it was not read and nothing was imported. Issue a new form with "
            "`cmwreport form`, copy the answers into it, and import that one",
            "lembar “{sheet}” memuat lebih dari {limit} baris, jauh melebihi isi sebuah "
            "formulir (satu baris per pertanyaan), sehingga lembar tidak dibaca dan tidak ada "
            "yang diimpor. Terbitkan formulir baru dengan `cmwreport form`, salin jawabannya "
            "ke formulir tersebut, lalu impor formulir itu",
        ),
        "form.bad_status": (
            "{place}: status {value!r} is not draft or submitted; the row was skipped",
            "{place}: status {value!r} bukan draf atau diajukan; baris dilewati",
        ),
        "form.conflict": (
            "the answer to {question} was changed in the answers file after this form was "
            "issued; it was NOT imported, so that neither version is lost. Compare the two, "
            "or import again with --force to let the form win",
            "jawaban atas {question} telah diubah di berkas jawaban setelah formulir ini "
            "diterbitkan; jawaban TIDAK diimpor agar tidak ada versi yang hilang. Bandingkan "
            "keduanya, atau impor ulang dengan --force agar isi formulir yang dipakai",
        ),
        "form.conflict_removed": (
            "the answer to {question} was removed from the answers file after this form was "
            "issued; it was NOT imported. Import again with --force to add it back",
            "jawaban atas {question} telah dihapus dari berkas jawaban setelah formulir ini "
            "diterbitkan; jawaban TIDAK diimpor. Impor ulang dengan --force untuk "
            "menambahkannya kembali",
        ),
        "form.would_break": (
            "importing would add errors to the workspace, so nothing was written to {path}:\n"
            "  {problems}",
            "impor akan menambah galat pada ruang kerja, sehingga tidak ada yang ditulis ke "
            "{path}:\n  {problems}",
        ),
        "form.questions_gone": (
            "the form answers {questions}, which the list of issues no longer has (it was "
            "revised after the form was issued); nothing was written to {path}. Issue a new "
            "form with `cmwreport form` and copy the answers into it",
            "formulir menjawab {questions}, yang tidak lagi ada dalam daftar pertanyaan "
            "(daftar direvisi setelah formulir diterbitkan); tidak ada yang ditulis ke {path}. "
            "Terbitkan formulir baru dengan `cmwreport form` dan salin jawabannya ke sana",
        ),
        "form.cannot_carry": (
            "the answer to {question} holds {what}, which cannot be carried into the report's "
            "text; it was NOT imported. Remove it from the yellow cell (send it to the "
            "coordinators separately, or type its content as text) and import again",
            "jawaban atas {question} memuat {what}, yang tidak dapat dibawa ke teks laporan; "
            "jawaban TIDAK diimpor. Hapus dari sel kuning (kirimkan terpisah kepada koordinator, "
            "atau ketik isinya sebagai teks), lalu impor ulang",
        ),
        "form.kind.image": ("a picture", "gambar"),
        "form.kind.chart": ("a chart", "bagan"),
        "form.kind.textbox": ("a text box", "kotak teks"),
        "form.kind.table": ("a table", "tabel"),
        "form.kind.object": ("an embedded object", "objek sisipan"),
        "form.kind.equation": ("an equation", "persamaan"),
        "form.grey_edited": (
            "the grey “current answer” of {question} was edited, but that part is never "
            "imported; it was NOT imported, so that the edit is not lost silently. Type the "
            "answer (or copy the current answer and edit it) in the yellow cell, and import "
            "again",
            "bagian abu-abu “jawaban saat ini” pada {question} diubah, padahal bagian itu tidak "
            "pernah diimpor; jawaban TIDAK diimpor agar perubahan tersebut tidak hilang tanpa "
            "pemberitahuan. Ketik jawaban (atau salin jawaban saat ini lalu sunting) di sel "
            "kuning, lalu impor ulang",
        ),
        "form.approved_refused": (
            "the form gives {question} the status approved, which only the coordinators give "
            "(`cmwreport import --approve`); it was NOT imported. Choose draft or submitted",
            "formulir memberi {question} status approved (disetujui), yang hanya diberikan oleh "
            "koordinator (`cmwreport import --approve`); jawaban TIDAK diimpor. Pilih draf atau "
            "diajukan",
        ),
        "form.approved_now_submitted": (
            "{question} was approved; its text changed, so it is now submitted and needs "
            "the coordinators' approval again",
            "{question} sebelumnya disetujui; teksnya berubah, sehingga statusnya kini diajukan "
            "(submitted) dan perlu disetujui lagi oleh koordinator",
        ),
        "form.alias_split": (
            "the text of {question} was shared through a YAML alias with {others}; "
            "{question} now has its own text and {others} keep(s) the previous one",
            "teks {question} dipakai bersama melalui alias YAML dengan {others}; {question} "
            "kini memiliki teks sendiri dan {others} tetap memakai teks sebelumnya",
        ),
        "form.meta_edited": (
            "the hidden data of this form was changed (the body it belongs to, or its list of "
            "questions), so it cannot be trusted; nothing was imported. Issue a new form",
            "data tersembunyi formulir ini telah diubah (instansi pemiliknya atau daftar "
            "pertanyaannya), sehingga tidak dapat dipercaya; tidak ada yang diimpor. Terbitkan "
            "formulir baru",
        ),
        "form.other_body_file": (
            "the file {file} is named after {other}, but the form inside was issued to "
            "{code}; a form can only be imported into the answers of the body it was issued "
            "to. Nothing was imported",
            "berkas {file} dinamai untuk {other}, tetapi formulir di dalamnya diterbitkan untuk "
            "{code}; formulir hanya dapat diimpor ke jawaban instansi penerimanya. Tidak ada "
            "yang diimpor",
        ),
        "form.file_of_other_body": (
            "{path} says `ministry: {other}`, but this form belongs to {code}; nothing was "
            "imported. Was the answers file renamed?",
            "{path} menyatakan `ministry: {other}`, sedangkan formulir ini milik {code}; tidak "
            "ada yang diimpor. Apakah berkas jawaban diganti namanya?",
        ),
        "form.column_missing": (
            "the column “{column}” is missing from the form's sheet (its heading was changed or "
            "the column deleted); nothing was imported. Put the heading back as issued",
            "kolom “{column}” tidak ada pada lembar formulir (judul kolomnya diubah atau "
            "kolomnya dihapus); tidak ada yang diimpor. Kembalikan judul kolom seperti semula",
        ),
        "form.column_twice": (
            "the column “{column}” appears twice in the form's sheet; nothing was imported. "
            "Keep one of them",
            "kolom “{column}” muncul dua kali pada lembar formulir; tidak ada yang diimpor. "
            "Sisakan salah satu",
        ),
        "form.format_mismatch": (
            "--format {format} does not match the file name {path} (.{ext}); give one of them "
            "or make them agree",
            "--format {format} tidak sesuai dengan nama berkas {path} (.{ext}); berikan salah "
            "satunya saja atau samakan keduanya",
        ),
        # ---- editing an answers file in place (scaffold, import)
        "edit.lock_waiting": (
            "{path} is being changed by another cmwreport command; waiting for it to finish…",
            "{path} sedang diubah oleh perintah cmwreport lain; menunggu hingga selesai…",
        ),
        "edit.lock_timeout": (
            "{path} has been locked by another cmwreport command for {seconds} s; nothing was "
            "written. Try again when it has finished",
            "{path} dikunci oleh perintah cmwreport lain selama {seconds} detik; tidak ada yang "
            "ditulis. Coba lagi setelah perintah itu selesai",
        ),
        "edit.lock_failed": (
            "{path} cannot be locked for writing ({reason}); nothing was written",
            "{path} tidak dapat dikunci untuk ditulis ({reason}); tidak ada yang ditulis",
        ),
        "edit.changed_on_disk": (
            "{path} was changed on disk while this command was running; nothing was written, "
            "so that change is kept. Run the command again",
            "{path} diubah di disk selama perintah ini berjalan; tidak ada yang ditulis, "
            "sehingga perubahan itu tetap utuh. Jalankan perintah ini lagi",
        ),
        # ---- import: what happened
        "import.added": ("{question}: new answer added", "{question}: jawaban baru ditambahkan"),
        "import.updated": ("{question}: answer updated", "{question}: jawaban diperbarui"),
        "import.refused": ("{question}: refused — {message}", "{question}: ditolak — {message}"),
        "import.invalid": ("{question}: {message}", "{question}: {message}"),
        "import.summary": (
            "{path}: {added} added, {updated} updated, {unchanged} unchanged, "
            "{refused} refused, {invalid} skipped",
            "{path}: {added} ditambahkan, {updated} diperbarui, {unchanged} tidak berubah, "
            "{refused} ditolak, {invalid} dilewati",
        ),
        "import.backup": (
            "the previous file was kept as {path}",
            "berkas sebelumnya disimpan sebagai {path}",
        ),
        "import.nothing": (
            "nothing to import: the form holds no new or changed answer; {path} was not touched",
            "tidak ada yang diimpor: formulir tidak memuat jawaban baru atau yang berubah; "
            "{path} tidak diubah",
        ),
        "import.none_written": (
            "nothing was written; {path} was not touched",
            "tidak ada yang ditulis; {path} tidak diubah",
        ),
        "import.check": (
            "check of {code}: {errors} error(s), {warnings} warning(s) — details: "
            "`cmwreport check --ministry {code}`",
            "hasil pemeriksaan {code}: {errors} galat, {warnings} peringatan — rinciannya: "
            "`cmwreport check --ministry {code}`",
        ),
        # ---- command-line help
        "cli.scaffold": (
            "Add a skeleton answer to answers/CODE.yaml for every question assigned to CODE "
            "that it has not answered yet (existing content is never changed).",
            "Menambahkan kerangka jawaban ke answers/KODE.yaml untuk setiap pertanyaan yang "
            "ditugaskan kepada KODE dan belum dijawab (isi yang sudah ada tidak pernah diubah).",
        ),
        "cli.scaffold.code": (
            "The body's code, as in questions/ministries.yaml.",
            "Kode instansi, sesuai questions/ministries.yaml.",
        ),
        "cli.schema": (
            "Print the JSON Schema of a workspace file, or write all of them with --output, "
            "for editors such as VS Code.",
            "Menampilkan JSON Schema berkas ruang kerja, atau menulis semuanya dengan --output, "
            "untuk editor seperti VS Code.",
        ),
        "cli.schema.kind": (
            "Which file: answers, loipr or ministries.",
            "Berkas yang dimaksud: answers, loipr, atau ministries.",
        ),
        "cli.schema.output": (
            "Write every schema into this folder (e.g. schemas).",
            "Tulis semua skema ke folder ini (mis. schemas).",
        ),
        "cli.form": (
            "Write a Word or Excel answer form for a body that will not edit YAML.",
            "Membuat formulir jawaban Word atau Excel bagi instansi yang tidak menyunting YAML.",
        ),
        "cli.form.format": (
            "docx (Word) or xlsx (Excel); default: the extension of --output, else xlsx.",
            "docx (Word) atau xlsx (Excel); bawaan: ekstensi --output, atau xlsx.",
        ),
        "cli.form.output": (
            "Where to write the form (default: build/forms/CODE-DATE.FORMAT).",
            "Lokasi penulisan formulir (bawaan: build/forms/KODE-TANGGAL.FORMAT).",
        ),
        "cli.import": (
            "Read a filled form back into answers/CODE.yaml (a backup is kept in build/backups).",
            "Membaca kembali formulir yang sudah diisi ke answers/KODE.yaml (cadangan disimpan "
            "di build/backups).",
        ),
        "cli.import.file": (
            "The filled form (.docx or .xlsx).",
            "Formulir yang sudah diisi (.docx atau .xlsx).",
        ),
        "cli.import.approve": (
            "Accept the status approved from the form (for the coordinators).",
            "Terima status approved (disetujui) dari formulir (bagi koordinator).",
        ),
        "cli.import.force": (
            "Import answers even where the YAML changed since the form was issued.",
            "Impor jawaban walaupun YAML telah berubah sejak formulir diterbitkan.",
        ),
        "cli.init": (
            "Create a new workspace in DIR (questions, ministries, answers, templates).",
            "Membuat ruang kerja baru di DIR (pertanyaan, instansi, jawaban, templat).",
        ),
        "cli.init.dir": (
            "The new workspace's folder; it must not exist or be empty.",
            "Folder ruang kerja baru; harus belum ada atau masih kosong.",
        ),
    }
)
