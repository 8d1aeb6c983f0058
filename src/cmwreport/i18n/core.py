"""Messages of loading, checking and of the command line itself."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- errors that stop a command
    "err.no_workspace": (
        "no workspace at {root}: questions/loipr.yaml was not found. "
        "Run the command inside a workspace, name one with --root DIR, "
        "or create one with `cmwreport init DIR`.",
        "tidak ada ruang kerja di {root}: berkas questions/loipr.yaml tidak ditemukan. "
        "Jalankan perintah di dalam ruang kerja, sebutkan foldernya dengan --root DIR, "
        "atau buat ruang kerja baru dengan `cmwreport init DIR`.",
    ),
    "err.unknown_ministry_option": (
        "{option} {code}: no such body in questions/ministries.yaml (known: {known})",
        "{option} {code}: instansi ini tidak ada di questions/ministries.yaml "
        "(yang terdaftar: {known})",
    ),
    "err.workspace_invalid": (
        "the workspace has {errors} error(s); run `cmwreport check` and fix them first",
        "ruang kerja masih memiliki {errors} galat; jalankan `cmwreport check` "
        "dan perbaiki terlebih dahulu",
    ),
    "err.output": (
        "cannot write {path}: {reason}",
        "tidak dapat menulis {path}: {reason}",
    ),
    "err.input_file": (
        "cannot use {path}: {reason}",
        "tidak dapat menggunakan {path}: {reason}",
    ),
    "err.bad_option": (
        "{option}: {value!r} is not allowed; choose one of {choices}",
        "{option}: {value!r} tidak diperbolehkan; pilih salah satu dari {choices}",
    ),
    "err.internal": (
        "internal error in cmwreport (this is a bug, not a problem in your files): {detail}",
        "kesalahan internal cmwreport (ini kesalahan program, bukan kesalahan pada berkas Anda): "
        "{detail}",
    ),
    # ---- reading YAML
    "yaml.too_big": (
        "the file is {size} bytes, more than the limit of {limit} bytes; "
        "split it or remove pasted content",
        "ukuran berkas {size} byte, melebihi batas {limit} byte; "
        "pisahkan isinya ke beberapa berkas atau hapus teks tempelan yang tidak perlu",
    ),
    "yaml.unreadable": (
        "the file cannot be read: {reason}",
        "berkas tidak dapat dibaca: {reason}",
    ),
    "yaml.empty": (
        "the file is empty; it must hold a YAML mapping (see docs/formats.md)",
        "berkas kosong; berkas harus berisi data YAML berupa baris `nama: nilai` "
        "(lihat docs/formats.md)",
    ),
    "yaml.not_utf8": (
        "the file is not UTF-8 text (byte 0x{byte} on this line); "
        "save it again as UTF-8 (in Notepad: Save as, Encoding: UTF-8)",
        "berkas bukan teks UTF-8 (byte 0x{byte} pada baris ini); "
        "simpan ulang sebagai UTF-8 (di Notepad: Save as, Encoding: UTF-8)",
    ),
    "yaml.syntax": (
        "the YAML cannot be read here: {detail}",
        "YAML tidak dapat dibaca di sini: {detail}",
    ),
    "yaml.tab": (
        "a tab character is used for indentation; YAML needs spaces: replace the tab with spaces",
        "karakter tab dipakai untuk indentasi; YAML memerlukan spasi: ganti tab dengan spasi",
    ),
    "yaml.unclosed_quote": (
        "a quotation mark opened on this line is never closed; "
        "close it, or use a `|` block for long text",
        "tanda kutip yang dibuka pada baris ini tidak pernah ditutup; "
        "tutup tanda kutipnya, atau gunakan blok `|` untuk teks panjang",
    ),
    "yaml.tag": (
        "the tag {tag} is not allowed (only plain data is read; nothing was executed)",
        "tag {tag} tidak diperbolehkan (hanya data biasa yang dibaca; tidak ada yang dijalankan)",
    ),
    "yaml.too_deep": (
        "lists and mappings are nested more than {limit} levels deep; the file was not read",
        "daftar dan pemetaan bersarang lebih dari {limit} tingkat; berkas tidak dibaca",
    ),
    "yaml.complex_key": (
        "a mapping key must be a plain name (like `text:`), not a list or mapping",
        "kunci pemetaan harus berupa nama biasa (seperti `text:`), bukan daftar atau pemetaan",
    ),
    "yaml.many_documents": (
        "the file holds more than one YAML document (a second `---`); keep one",
        "berkas berisi lebih dari satu dokumen YAML (ada `---` kedua); sisakan satu saja",
    ),
    "yaml.too_many_nodes": (
        "the file expands to more than {limit} values (aliases?); the file was not read",
        "berkas mengembang menjadi lebih dari {limit} nilai (alias?); berkas tidak dibaca",
    ),
    "yaml.too_many_aliases": (
        "the file uses more than {limit} aliases (*name); the file was not read",
        "berkas memakai lebih dari {limit} alias (*nama); berkas tidak dibaca",
    ),
    "yaml.duplicate_key": (
        "the key `{key}` appears twice in the same mapping (first on line {first}); "
        "keep one of them — nothing is silently overwritten",
        "kunci `{key}` muncul dua kali dalam pemetaan yang sama (pertama di baris {first}); "
        "sisakan salah satunya — tidak ada yang ditimpa diam-diam",
    ),
    # ---- records
    "ws.no_ministries": (
        "questions/ministries.yaml is missing: every body code used must be listed there",
        "questions/ministries.yaml tidak ada: setiap kode instansi yang dipakai harus "
        "terdaftar di sana",
    ),
    "ws.entry_not_mapping": (
        "each entry here must be a mapping of fields (`name: value` lines under `- `), not {value}",
        "setiap entri di sini harus berupa pemetaan kolom (baris `nama: nilai` di bawah `- `), "
        "bukan {value}",
    ),
    "yaml.escape": (
        "a backslash inside double quotes starts an escape sequence (like \\n); "
        "for Windows paths or other backslashes use single quotes or a `|` block",
        "garis miring terbalik di dalam tanda kutip ganda memulai urutan escape (seperti \\n); "
        "untuk path Windows atau garis miring terbalik lainnya gunakan tanda kutip tunggal "
        "atau blok `|`",
    ),
    "ws.yml_suffix": (
        "answers files are named CODE.yaml: rename this file to answers/{name}.yaml "
        "(it was not read)",
        "berkas jawaban diberi nama KODE.yaml: ganti nama berkas ini menjadi "
        "answers/{name}.yaml (berkas ini tidak dibaca)",
    ),
    "ws.not_mapping": (
        "this must be a mapping with the fields {fields}",
        "bagian ini harus berupa pemetaan dengan kolom {fields}",
    ),
    "invalid.missing": (
        "the required field `{field}` is missing",
        "kolom wajib `{field}` belum diisi",
    ),
    "invalid.extra": (
        "unknown field `{field}`{suggest}; allowed here: {allowed}",
        "kolom `{field}` tidak dikenal{suggest}; yang diperbolehkan di sini: {allowed}",
    ),
    "hint.did_you_mean": (" (did you mean `{name}`?)", " (maksud Anda `{name}`?)"),
    "hint.quote": (
        ' — YAML read `{raw}` as a number, true/false or empty; put it in quotes: "{raw}"',
        ' — YAML membaca `{raw}` sebagai angka, true/false atau kosong; beri tanda kutip: "{raw}"',
    ),
    "invalid.choice": (
        "`{field}` must be one of {expected}, not {value}{hint}",
        "`{field}` harus salah satu dari {expected}, bukan {value}{hint}",
    ),
    "invalid.question_id": (
        '`{field}`: {value} is not a question id; write "7" for a paragraph '
        'or "7(a)" for one of its items{hint}',
        '`{field}`: {value} bukan nomor pertanyaan; tulis "7" untuk paragraf '
        'atau "7(a)" untuk butirnya{hint}',
    ),
    "invalid.code": (
        "`{field}`: {value} is not a body code (upper-case letters, digits and '-', "
        "e.g. KEMNAKER){hint}",
        "`{field}`: {value} bukan kode instansi (huruf kapital, angka dan '-', "
        "mis. KEMNAKER){hint}",
    ),
    "invalid.letter": (
        "`{field}`: {value} is not an item letter (a, b, c …){hint}",
        "`{field}`: {value} bukan huruf butir (a, b, c …){hint}",
    ),
    "invalid.pattern": (
        "`{field}`: {value} is not in the expected form{hint}",
        "`{field}`: {value} tidak sesuai format yang diharapkan{hint}",
    ),
    "invalid.date": (
        "`{field}` must be a date written YYYY-MM-DD (e.g. 2025-07-15), not {value}{hint}",
        "`{field}` harus berupa tanggal dengan format YYYY-MM-DD (mis. 2025-07-15), "
        "bukan {value}{hint}",
    ),
    "invalid.text_language": (
        "text in `{lang}:` is not in a language of this report ({known}), so it would never "
        "appear; write it under one of them",
        "teks pada `{lang}:` bukan dalam bahasa laporan ini ({known}), sehingga tidak akan "
        "pernah tampil; tuliskan di bawah salah satu bahasa tersebut",
    ),
    "invalid.table_row": (
        "row {row} of the table has {cells} cells but the table has {columns} columns",
        "baris {row} pada tabel memiliki {cells} sel, padahal tabel memiliki {columns} kolom",
    ),
    "invalid.type": (
        "`{field}` must be {expected}, not {value}{hint}",
        "`{field}` harus berupa {expected}, bukan {value}{hint}",
    ),
    "invalid.type_simple": (
        "`{field}` must be a list (lines starting with `- `)",
        "`{field}` harus berupa daftar (baris yang diawali `- `)",
    ),
    "invalid.other": (
        "`{field}`: {detail}{hint}",
        "`{field}`: {detail}{hint}",
    ),
    "type.text": ("text", "teks"),
    "type.number": ("a number", "angka"),
    "type.bool": ("true or false", "true atau false"),
    "type.list": ("a list (lines starting with `- `)", "daftar (baris yang diawali `- `)"),
    "type.mapping": ("a mapping (`name: value` lines)", "pemetaan (baris `nama: nilai`)"),
    "type.date": ("a date YYYY-MM-DD", "tanggal YYYY-MM-DD"),
    "type.local_text": (
        "text, or a mapping by language (`en: …`, `id: …`)",
        "teks, atau pemetaan per bahasa (`en: …`, `id: …`)",
    ),
    # ---- cross-checks
    "dup.paragraph": (
        "paragraph {id} appears twice (first on line {first}); paragraph numbers must be unique",
        "paragraf {id} muncul dua kali (pertama di baris {first}); nomor paragraf harus unik",
    ),
    "dup.item": (
        "item {id} appears twice in its paragraph (first on line {first})",
        "butir {id} muncul dua kali dalam paragrafnya (pertama di baris {first})",
    ),
    "dup.section": (
        "section id {id} appears twice (first on line {first})",
        "id bagian {id} muncul dua kali (pertama di baris {first})",
    ),
    "dup.ministry": (
        "body code {id} appears twice (first on line {first})",
        "kode instansi {id} muncul dua kali (pertama di baris {first})",
    ),
    "dup.answer": (
        'this body already answered {unit} on line {first} (question "{earlier}"); '
        "merge the two answers into one",
        'instansi ini sudah menjawab {unit} di baris {first} (pertanyaan "{earlier}"); '
        "gabungkan kedua jawaban menjadi satu",
    ),
    "unknown_ministry.lead": (
        "lead {code} is not in questions/ministries.yaml (known: {known})",
        "penanggung jawab {code} tidak ada di questions/ministries.yaml (terdaftar: {known})",
    ),
    "unknown_ministry.contributor": (
        "contributor {code} is not in questions/ministries.yaml (known: {known})",
        "kontributor {code} tidak ada di questions/ministries.yaml (terdaftar: {known})",
    ),
    "unknown_ministry.file": (
        "the file name says body {code}, which is not in questions/ministries.yaml; "
        "name the file after a listed code",
        "nama berkas menyebut instansi {code}, yang tidak ada di questions/ministries.yaml; "
        "beri nama berkas sesuai kode yang terdaftar",
    ),
    "unknown_ministry.ministry": (
        "ministry {code} is not in questions/ministries.yaml (known: {known})",
        "instansi {code} tidak ada di questions/ministries.yaml (terdaftar: {known})",
    ),
    "unknown_ministry.mismatch": (
        "`ministry: {code}` differs from the file name ({other}.yaml); "
        "the file must be named after its body",
        "`ministry: {code}` berbeda dengan nama berkas ({other}.yaml); "
        "nama berkas harus sama dengan kode instansinya",
    ),
    "unknown_question.paragraph": (
        'question "{question}" is not in the list of issues',
        'pertanyaan "{question}" tidak ada dalam daftar pertanyaan (LOIPR)',
    ),
    "unknown_question.item": (
        'question "{question}" is not in the list of issues (that paragraph has: {known})',
        'pertanyaan "{question}" tidak ada dalam daftar pertanyaan (paragraf itu memuat: {known})',
    ),
    "unknown_question.no_items": (
        'question "{question}" is not in the list of issues: paragraph {known} has no '
        'lettered items; answer "{known}"',
        'pertanyaan "{question}" tidak ada dalam daftar pertanyaan: paragraf {known} tidak '
        'memiliki butir berhuruf; jawab "{known}"',
    ),
    "check.unanswered": (
        "{unit} has no answer yet (lead: {lead})",
        "{unit} belum dijawab (penanggung jawab: {lead})",
    ),
    "check.lead_missing": (
        "{unit} was answered by {others} but not yet by its lead {lead}",
        "{unit} sudah dijawab oleh {others}, tetapi penanggung jawabnya {lead} belum menjawab",
    ),
    "check.not_assigned": (
        "{code} answers {units} but is neither its lead nor a contributor; "
        "check the question number, or ask the coordinators to add {code}",
        "{code} menjawab {units}, padahal bukan penanggung jawab maupun kontributor; "
        "periksa nomor pertanyaan, atau minta koordinator menambahkan {code}",
    ),
    "check.missing_translation": (
        'the answer to "{question}" is approved but has no text in the report\'s language '
        "({lang}); it has: {have}",
        'jawaban atas "{question}" sudah disetujui tetapi belum ada teks dalam bahasa laporan '
        "({lang}); yang ada: {have}",
    ),
    "check.missing_data": (
        "{unit} asks for statistics ({data}) and no answer has a table yet",
        "{unit} meminta data statistik ({data}) dan belum ada jawaban yang memuat tabel",
    ),
    "check.empty_answer": (
        'the answer to "{question}" has no text yet; it does not count until it is filled in',
        'jawaban atas "{question}" belum berisi teks; jawaban ini belum dihitung sampai diisi',
    ),
    "check.control_character": (
        "the text holds a control character ({char}) that cannot go into a Word document, "
        "probably pasted from Word or PDF; it is left out when rendering — retype that spot",
        "teks memuat karakter kontrol ({char}) yang tidak dapat masuk ke dokumen Word, "
        "kemungkinan tersalin dari Word atau PDF; karakter ini dihapus saat laporan dibuat — "
        "ketik ulang bagian itu",
    ),
    "check.control_character_raw": (
        "this line holds a control character ({char}) that YAML cannot read, probably pasted "
        "from Word or PDF; it was read as a space — retype that spot",
        "baris ini memuat karakter kontrol ({char}) yang tidak dapat dibaca YAML, kemungkinan "
        "tersalin dari Word atau PDF; karakter itu dibaca sebagai spasi — ketik ulang "
        "bagian itu",
    ),
    "check.over_word_limit": (
        "the report's text in {lang} has {words} words, over the limit of {limit}",
        "teks laporan dalam bahasa {lang} berjumlah {words} kata, melebihi batas {limit} kata",
    ),
    "check.near_word_limit": (
        "the report's text in {lang} has {words} words, {percent} % of the limit of {limit}",
        "teks laporan dalam bahasa {lang} berjumlah {words} kata, {percent} % dari batas "
        "{limit} kata",
    ),
    "check.summary": (
        "{errors} error(s), {warnings} warning(s) in {files} file(s)",
        "{errors} galat, {warnings} peringatan dalam {files} berkas",
    ),
    "check.summary_ok": (
        "no problems in {files} file(s)",
        "tidak ada masalah dalam {files} berkas",
    ),
    "check.hidden": (
        "({hidden} problem(s) of other bodies not shown)",
        "({hidden} masalah milik instansi lain tidak ditampilkan)",
    ),
}

MESSAGES.update(
    {
        # ---- command-line help (chosen from CMWREPORT_LANG when the program starts)
        "cli.app": (
            "Draft the periodic report to the UN Committee on Migrant Workers from YAML answers.",
            "Menyusun laporan berkala kepada Komite PBB tentang Pekerja Migran dari jawaban YAML.",
        ),
        "cli.root": (
            "The workspace folder (default: the current folder).",
            "Folder ruang kerja (bawaan: folder saat ini).",
        ),
        "cli.ui_lang": (
            "Language of messages and labels: en or id (default: CMWREPORT_LANG, else en).",
            "Bahasa pesan dan label: en atau id "
            "(bawaan: nilai CMWREPORT_LANG; bila tidak diatur, en).",
        ),
        "cli.check": (
            "Check every file of the workspace and list all problems at once.",
            "Memeriksa semua berkas ruang kerja dan menampilkan semua masalah sekaligus.",
        ),
        "cli.check.ministry": (
            "Only what this body owes and wrote.",
            "Tampilkan hanya pertanyaan yang menjadi tugas instansi ini dan berkas jawabannya.",
        ),
        "cli.check.strict": (
            "Fail (exit 1) on warnings too.",
            "Anggap gagal (kode keluar 1) walaupun hanya ada peringatan.",
        ),
        "cli.format": ("Output format.", "Format keluaran."),
        "cli.output": (
            "Write to this file instead of the screen.",
            "Tulis ke berkas ini, bukan ke layar.",
        ),
        "cli.coverage": (
            "Summarise who still owes what, by section and body (for coordination meetings).",
            "Merangkum jawaban yang belum masuk, per bagian dan per instansi (untuk rakor).",
        ),
        "cli.coverage.ministry": (
            "Only this body's units and figures.",
            "Hanya pertanyaan dan angka milik instansi ini.",
        ),
        "cli.coverage.since": (
            "A JSON snapshot of an earlier meeting: show what moved since then.",
            "Snapshot JSON dari rakor sebelumnya: tampilkan perubahan sejak rakor itu.",
        ),
        "cli.version": ("Show the version and exit.", "Tampilkan versi lalu keluar."),
    }
)

MESSAGES.update(
    {
        # ---- the common YAML mistakes, told at the line to edit (issue 10)
        "yaml.starts_with": (
            "the text after `{field}:` starts with `{char}`, which YAML reads as a sign, not as "
            "text; put the text on the next lines under `{field}: |` (indented), or in quotes",
            "teks setelah `{field}:` diawali `{char}`, yang dibaca YAML sebagai tanda khusus, "
            "bukan teks; tulis teksnya di baris berikutnya di bawah `{field}: |` (menjorok), "
            "atau beri tanda kutip",
        ),
        "yaml.item_starts_with": (
            "this list item starts with `{char}`, which YAML reads as a sign, not as text; "
            "write `- |` and put the text on the next line, indented",
            "butir daftar ini diawali `{char}`, yang dibaca YAML sebagai tanda khusus, bukan "
            "teks; tulis `- |` lalu letakkan teksnya di baris berikutnya, menjorok",
        ),
        "yaml.anchor_text": (
            "the text here starts with `&{name}`, which YAML reads as a label and leaves out "
            "of the text; put the text on the next lines under `|`, or in quotes",
            "teks di sini diawali `&{name}`, yang dibaca YAML sebagai label dan tidak "
            "dimasukkan ke dalam teks; tulis teksnya di baris berikutnya di bawah `|`, atau "
            "beri tanda kutip",
        ),
        "yaml.line_starts_with": (
            "this line starts with `{char}`, which YAML reads as a sign, not as text; if it is "
            "text, put it, indented, under the `text: |` it belongs to; if it is a note, start "
            "it with `#`",
            "baris ini diawali `{char}`, yang dibaca YAML sebagai tanda khusus, bukan teks; jika "
            "ini teks, letakkan (menjorok) di bawah `text: |` tempatnya; jika ini catatan, "
            "awali dengan `#`",
        ),
        "yaml.cell_starts_with": (
            "a value inside `[...]` starts with `{char}`, which YAML cannot read there; "
            "put that value in quotes",
            "ada nilai di dalam `[...]` yang diawali `{char}`, yang tidak dapat dibaca YAML di "
            "sana; beri tanda kutip pada nilai itu",
        ),
        "yaml.root_text": (
            "this line is text outside any field (at the top of the file); "
            "start it with `#` to make it a comment, or remove it",
            "baris ini berisi teks di luar kolom mana pun (di awal berkas); "
            "awali dengan `#` agar menjadi komentar, atau hapus",
        ),
        "yaml.stray_text": (
            "this line is text outside any field; put it, indented, under the `text: |` it "
            "belongs to, or start it with `#` to make it a comment",
            "baris ini berisi teks di luar kolom mana pun; letakkan (menjorok) di bawah "
            "`text: |` tempatnya, atau awali dengan `#` agar menjadi komentar",
        ),
        "yaml.unknown_alias": (
            "`*{name}` at the start of a value is read by YAML as a reference to something "
            "marked `&{name}`, and there is none; if this is text (like *bold*), put it on the "
            "next lines under `|`, or in quotes",
            "`*{name}` di awal nilai dibaca YAML sebagai rujukan ke bagian bertanda `&{name}`, "
            "padahal tidak ada; jika ini teks (seperti *tebal*), tulis di baris berikutnya di "
            "bawah `|`, atau beri tanda kutip",
        ),
        "yaml.colon_in_text": (
            "this text contains `: ` (a colon and a space), which YAML reads as a new field; "
            "put the text on the next lines under `{field}: |` (indented), or in quotes",
            "teks ini memuat `: ` (titik dua diikuti spasi), yang dibaca YAML sebagai kolom "
            "baru; tulis teksnya di baris berikutnya di bawah `{field}: |` (menjorok), atau "
            "beri tanda kutip",
        ),
        "yaml.field_indented": (
            "`{field}:` is indented further than `{other}:` on line {first}, so YAML reads it as "
            "part of that line's value; line `{field}:` up with the fields above it",
            "`{field}:` menjorok lebih dalam daripada `{other}:` di baris {first}, sehingga YAML "
            "membacanya sebagai bagian dari nilai baris itu; sejajarkan `{field}:` dengan "
            "kolom-kolom di atasnya",
        ),
        "yaml.unclosed_bracket": (
            "the `{char}` opened on this line is never closed, or a value inside it holds a "
            "comma or `: `; close it, and put text with commas in quotes",
            "tanda `{char}` yang dibuka pada baris ini tidak pernah ditutup, atau ada nilai di "
            "dalamnya yang memuat koma atau `: `; tutup tandanya, dan beri tanda kutip pada "
            "teks yang memuat koma",
        ),
        "yaml.missing_colon": (
            "`{written}` has no colon; write `{fixed}`",
            "`{written}` tidak memiliki titik dua; tulis `{fixed}`",
        ),
        "yaml.no_colon": (
            "this line (`{written}`) has no `name: value` colon; add the colon, or if the line "
            "continues the text above, put that text under `|` and indent this line like it",
            "baris ini (`{written}`) tidak memiliki titik dua `nama: nilai`; tambahkan titik "
            "duanya, atau jika baris ini lanjutan teks di atasnya, tulis teks itu di bawah `|` "
            "dan jorokkan baris ini seperti teks tersebut",
        ),
        "yaml.dedented_text": (
            "this line belongs to the text under `{field}:` (line {first}) but is indented less "
            "than that text, so YAML ends the text before it; indent it by {spaces} spaces like "
            "the lines above",
            "baris ini bagian dari teks di bawah `{field}:` (baris {first}) tetapi kurang "
            "menjorok dibanding teks itu, sehingga YAML mengakhiri teks sebelum baris ini; "
            "jorokkan {spaces} spasi seperti baris-baris di atasnya",
        ),
        "yaml.dedented_plain": (
            "this line seems to continue the text of `{field}:` (line {first}) but is not "
            "indented under it; put the whole text on the lines after `{field}: |`, indented "
            "further than `{field}:`",
            "baris ini tampaknya lanjutan teks `{field}:` (baris {first}) tetapi tidak menjorok "
            "di bawahnya; tulis seluruh teks di baris-baris setelah `{field}: |`, lebih "
            "menjorok daripada `{field}:`",
        ),
        "yaml.item_misaligned": (
            "this line starts a list item (`- `) whose dash is not under the one on line "
            "{first}: if it is a new entry, start it with {spaces} spaces like that one; if it is "
            "a bullet of the text above, put that text under `|`",
            "baris ini memulai butir daftar (`- `) yang tandanya tidak sejajar dengan tanda di "
            "baris {first}: jika ini entri baru, awali dengan {spaces} spasi seperti baris itu; "
            "jika ini butir dari teks di atasnya, tulis teks itu di bawah `|`",
        ),
        "yaml.item_unexpected": (
            "this line starts a list item (`- `) where a field (`name: value`) is expected; "
            "if it is a bullet of the text above, put that text under `|`; if it is a new "
            "entry, indent it under the list it belongs to",
            "baris ini memulai butir daftar (`- `) di tempat yang seharusnya berisi kolom "
            "(`nama: nilai`); jika ini butir dari teks di atasnya, tulis teks itu di bawah `|`; "
            "jika ini entri baru, jorokkan di bawah daftar tempatnya",
        ),
        "yaml.line_misaligned": (
            "`{field}:` is not lined up with what it belongs to: it stands in the column of the "
            "list on line {first}; indent it under the field or entry it belongs to",
            "`{field}:` tidak sejajar dengan bagian tempatnya: posisinya sejajar dengan daftar "
            "di baris {first}; jorokkan di bawah kolom atau entri tempatnya",
        ),
        "yaml.field_misaligned": (
            "`{field}:` is not lined up with `{other}:` on line {first}; start it with {spaces} "
            "spaces like that one",
            "`{field}:` tidak sejajar dengan `{other}:` di baris {first}; awali dengan {spaces} "
            "spasi seperti baris itu",
        ),
        "yaml.answers_unread": (
            " — because of this, none of {code}'s answers could be read; "
            "they count again once it is fixed",
            " — karena itu, tidak satu pun jawaban {code} dapat dibaca; jawaban "
            "tersebut dihitung kembali setelah ini diperbaiki",
        ),
        # ---- precise hints on values
        "invalid.choice_empty": (
            "`{field}` is empty; write one of {expected}",
            "`{field}` masih kosong; isi dengan salah satu dari {expected}",
        ),
        "invalid.date_impossible": (
            "`{field}`: {value} is not a date: {reason}",
            "`{field}`: {value} bukan tanggal yang ada: {reason}",
        ),
        "date.no_month": ("there is no month {month}", "tidak ada bulan ke-{month}"),
        "date.no_day_zero": ("days start at 01", "tanggal dimulai dari 01"),
        "date.no_such_day": (
            "{month} has no {nth} (it has {days} days)",
            "{month} tidak memiliki tanggal {nth} (hanya {days} hari)",
        ),
        "ordinal.st": ("{day}st", "{day}"),
        "ordinal.nd": ("{day}nd", "{day}"),
        "ordinal.rd": ("{day}rd", "{day}"),
        "ordinal.th": ("{day}th", "{day}"),
        "date.not_leap": (
            "{year} is not a leap year, so February has no 29th",
            "{year} bukan tahun kabisat, sehingga Februari tidak memiliki tanggal 29",
        ),
        "count.2": ("two", "dua"),
        "count.3": ("three", "tiga"),
        "count.4": ("four", "empat"),
        "count.5": ("five", "lima"),
        "count.6": ("six", "enam"),
        "count.7": ("seven", "tujuh"),
        "count.8": ("eight", "delapan"),
        "count.9": ("nine", "sembilan"),
        "month.1": ("January", "Januari"),
        "month.2": ("February", "Februari"),
        "month.3": ("March", "Maret"),
        "month.4": ("April", "April"),
        "month.5": ("May", "Mei"),
        "month.6": ("June", "Juni"),
        "month.7": ("July", "Juli"),
        "month.8": ("August", "Agustus"),
        "month.9": ("September", "September"),
        "month.10": ("October", "Oktober"),
        "month.11": ("November", "November"),
        "month.12": ("December", "Desember"),
        "invalid.table_row_comma": (
            "row {row} of the table has {cells} cells but the table has {columns} columns: "
            "the comma in {written} split it into {count} cells; {advice}",
            "baris {row} pada tabel memiliki {cells} sel, padahal tabel memiliki {columns} "
            "kolom: koma pada {written} memecahnya menjadi {count} sel; {advice}",
        ),
        "hint.comma_two": (
            "write a decimal with a point ({decimal}), a whole number without separators ({whole})",
            "tulis bilangan desimal dengan titik ({decimal}), bilangan bulat tanpa pemisah "
            "ribuan ({whole})",
        ),
        "hint.comma_many": (
            "write the number without separators ({whole})",
            "tulis angkanya tanpa pemisah ribuan ({whole})",
        ),
        "invalid.row_not_list": (
            "row {row} is written `{value}`, which YAML reads as one piece of text; "
            "put the row in brackets: `- {fixed}`",
            "baris {row} ditulis `{value}`, yang dibaca YAML sebagai satu teks; "
            "beri tanda kurung siku: `- {fixed}`",
        ),
        # ---- how YAML read what was written
        "check.ambiguous_float": (
            "YAML read `{written}` as the number {read}; if you mean {fixed}, write {fixed} "
            "(no dots between thousands); if you mean the decimal, write {read}",
            "YAML membaca `{written}` sebagai angka {read}; jika maksudnya {fixed}, tulis "
            "{fixed} (tanpa titik pemisah ribuan); jika maksudnya desimal, tulis {read}",
        ),
        "check.ambiguous_text": (
            "YAML read `{written}` as text, not as a number; write {fixed} "
            "(no dots between thousands, a point for decimals)",
            "YAML membaca `{written}` sebagai teks, bukan angka; tulis {fixed} "
            "(tanpa titik pemisah ribuan, titik untuk desimal)",
        ),
        "check.ambiguous_split": (
            "the comma in {written} split it into {count} cells ({cells}); {advice}",
            "koma pada {written} memecahnya menjadi {count} sel ({cells}); {advice}",
        ),
        "check.cut_by_comment": (
            "YAML read this text only up to ` #` and dropped the rest as a comment (it kept "
            "{kept}); put the text on the next lines under `{field}: |`, or in quotes",
            "YAML hanya membaca teks ini sampai ` #` dan membuang sisanya sebagai komentar "
            "(yang tersisa {kept}); tulis teksnya di baris berikutnya di bawah `{field}: |`, "
            "atau beri tanda kutip",
        ),
        "check.cut_item": (
            "YAML read this text only up to ` #` and dropped the rest as a comment (it kept "
            "{kept}); put the whole text in quotes",
            "YAML hanya membaca teks ini sampai ` #` dan membuang sisanya sebagai komentar "
            "(yang tersisa {kept}); beri tanda kutip pada seluruh teksnya",
        ),
        "check.merged_folded": (
            "this text is written with `>`, which joins its lines: its paragraphs (or list "
            "items) become one paragraph of the report; write `|` instead of `>`",
            "teks ini ditulis dengan `>`, yang menggabungkan baris-barisnya: paragraf (atau "
            "butir daftar) di dalamnya menjadi satu paragraf laporan; tulis `|` sebagai ganti `>`",
        ),
        "check.merged_plain": (
            "this text is written without `|`, so YAML joins its lines: its paragraphs (or list "
            "items) become one paragraph of the report; write `{field}: |` and the text on the "
            "lines below it",
            "teks ini ditulis tanpa `|`, sehingga YAML menggabungkan baris-barisnya: paragraf "
            "(atau butir daftar) di dalamnya menjadi satu paragraf laporan; tulis `{field}: |` "
            "dan teksnya di baris-baris di bawahnya",
        ),
        # ---- unsupported-markdown: what the report shows as typed (markdown.Fallback kinds)
        "check.unsupported_markdown.more": (
            " (and {count} more place(s) in this text)",
            " (dan {count} tempat lain dalam teks ini)",
        ),
        "check.unsupported_markdown.html": (
            'the answer to "{question}" holds HTML tags{more}; the report cannot use them and '
            "shows them as typed, tags included — write plain text (use **bold**, *italic*)",
            'jawaban atas "{question}" memuat tag HTML{more}; laporan tidak dapat memakainya '
            "dan menampilkannya apa adanya, termasuk tagnya — tulis teks biasa (gunakan "
            "**tebal**, *miring*)",
        ),
        "check.unsupported_markdown.image": (
            'the answer to "{question}" holds an image (![…](…)){more}; the report cannot show '
            "it and prints the characters typed — describe it in words, or send the picture "
            "to the coordinators",
            'jawaban atas "{question}" memuat gambar (![…](…)){more}; laporan tidak dapat '
            "menampilkannya dan mencetak karakter yang diketik — uraikan dengan kata-kata, "
            "atau kirim gambarnya kepada koordinator",
        ),
        "check.unsupported_markdown.link-definition": (
            'the answer to "{question}" has a line like "[1]: https://…"{more}: in Markdown it '
            "is a link definition and would vanish; the report shows it as typed — to cite "
            "a source, use a footnote ([^1] in the text, [^1]: … below) or sources:",
            'jawaban atas "{question}" memuat baris seperti "[1]: https://…"{more}: dalam '
            "Markdown baris itu definisi tautan dan akan hilang; laporan menampilkannya apa "
            "adanya — untuk mengutip sumber, gunakan catatan kaki ([^1] di teks, [^1]: … di "
            "bawah) atau sources:",
        ),
        "check.unsupported_markdown.footnote": (
            'the answer to "{question}" defines a footnote ("[^…]: …") that the text never '
            "refers to, or defines it twice{more}; the report shows the definition as typed "
            "— put [^…] where the note belongs, once per definition",
            'jawaban atas "{question}" mendefinisikan catatan kaki ("[^…]: …") yang tidak '
            "pernah dirujuk di teks, atau mendefinisikannya dua kali{more}; laporan "
            "menampilkan definisinya apa adanya — letakkan [^…] di tempat catatan itu berlaku, "
            "satu kali untuk setiap definisi",
        ),
        "check.unsupported_markdown.table": (
            'a row of the table in the answer to "{question}" has more cells than its '
            "heading{more}; the report shows the table as typed lines — give every row as "
            "many cells as the heading, or put the figures under tables:",
            'sebuah baris tabel dalam jawaban atas "{question}" memiliki sel lebih banyak '
            "daripada judul kolomnya{more}; laporan menampilkan tabel itu sebagai baris teks "
            "apa adanya — samakan jumlah sel setiap baris dengan judulnya, atau tulis "
            "angkanya di bawah tables:",
        ),
        "check.unsupported_markdown.nesting": (
            'quotes or lists in the answer to "{question}" are nested deeper than the report '
            "can show{more}; the deeper part is shown as typed — nest less",
            'kutipan atau daftar dalam jawaban atas "{question}" bersarang lebih dalam daripada '
            "yang dapat ditampilkan laporan{more}; bagian yang lebih dalam ditampilkan apa "
            "adanya — kurangi tingkatannya",
        ),
        "check.unsupported_markdown.list-depth": (
            'a list in the answer to "{question}" has more than three levels{more}; the '
            "report shows the deeper items at the third level, with the marker typed — use "
            "at most three levels",
            'daftar dalam jawaban atas "{question}" memiliki lebih dari tiga tingkat{more}; '
            "laporan menampilkan butir yang lebih dalam pada tingkat ketiga, dengan tanda yang "
            "diketik — gunakan paling banyak tiga tingkat",
        ),
    }
)
