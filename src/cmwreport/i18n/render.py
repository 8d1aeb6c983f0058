"""Words of the rendered report and of render messages.

The report's own wording (headings, title block, table labels) comes from the templates
(``cmwreport/templates/en``, ``.../id``) so that coordinators can change it; what is here
are the words a template does not own: month names and "and" for the template filters,
the working-draft markers (body and status tags, placeholders, "untranslated"), and every
message of ``cmwreport render``.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- words used by template filters
    "rpt.month.1": ("January", "Januari"),
    "rpt.month.2": ("February", "Februari"),
    "rpt.month.3": ("March", "Maret"),
    "rpt.month.4": ("April", "April"),
    "rpt.month.5": ("May", "Mei"),
    "rpt.month.6": ("June", "Juni"),
    "rpt.month.7": ("July", "Juli"),
    "rpt.month.8": ("August", "Agustus"),
    "rpt.month.9": ("September", "September"),
    "rpt.month.10": ("October", "Oktober"),
    "rpt.month.11": ("November", "November"),
    "rpt.month.12": ("December", "Desember"),
    "rpt.and": ("and", "dan"),
    "rpt.lang.en": ("English", "bahasa Inggris"),
    "rpt.lang.id": ("Indonesian", "bahasa Indonesia"),
    "rpt.lang.fr": ("French", "bahasa Prancis"),
    "rpt.lang.es": ("Spanish", "bahasa Spanyol"),
    "rpt.lang.ar": ("Arabic", "bahasa Arab"),
    "rpt.lang.ru": ("Russian", "bahasa Rusia"),
    "rpt.lang.zh": ("Chinese", "bahasa Tionghoa"),
    # ---- working-draft markers (drafts only, except the final placeholders)
    "rpt.draft_notice": (
        "WORKING DRAFT — not for submission. Each contribution is preceded by a grey tag "
        "naming its body and status; highlighted lines mark replies still missing.",
        "DRAF KERJA — bukan untuk disampaikan. Setiap masukan diawali tanda abu-abu yang "
        "menyebutkan instansi dan statusnya; baris yang disorot menandai jawaban yang "
        "belum ada.",
    ),
    "rpt.tag": ("{body} · {status}", "{body} · {status}"),
    "rpt.tag_consolidated": (
        "consolidated text (replaces the other contributions)",
        "teks konsolidasi (menggantikan masukan lain)",
    ),
    "rpt.tag_untranslated": (
        "UNTRANSLATED: no {language} text yet, shown in {source}",
        "BELUM DITERJEMAHKAN: belum ada teks dalam {language}, ditampilkan dalam {source}",
    ),
    "rpt.tag_sources": ("sources: {sources}", "sumber: {sources}"),
    "rpt.placeholder": (
        "[No reply yet to {unit} — lead: {lead}]",
        "[Belum ada jawaban atas {unit} — penanggung jawab: {lead}]",
    ),
    "rpt.placeholder_final": (
        "[No approved reply to {unit} — lead: {lead}]",
        "[Belum ada jawaban yang disetujui atas {unit} — penanggung jawab: {lead}]",
    ),
    "rpt.placeholder_untranslated": (
        "[The approved reply to {unit} has no text in {language} yet — lead: {lead}]",
        "[Jawaban yang disetujui atas {unit} belum memiliki teks dalam {language} — "
        "penanggung jawab: {lead}]",
    ),
    # ---- messages of cmwreport render
    "render.written": (
        "report written to {path} ({mode}, {language})",
        "laporan ditulis ke {path} ({mode}, {language})",
    ),
    "render.mode.draft": ("working draft", "draf kerja"),
    "render.mode.final": ("final", "final"),
    "render.words": (
        "words ({language}): {words} of {limit} ({percent} %); introduction {intro} more",
        "jumlah kata ({language}): {words} dari {limit} ({percent} %); "
        "ditambah {intro} kata pendahuluan",
    ),
    "render.over_limit": (
        "the replies exceed the word limit by {over} words",
        "jawaban melebihi batas jumlah kata sebanyak {over} kata",
    ),
    "render.counts": (
        "gaps: {gaps} unit(s); untranslated: {untranslated} unit(s); "
        "{paragraphs} numbered paragraphs, {footnotes} footnotes, {tables} tables",
        "kekosongan: {gaps} unit; belum diterjemahkan: {untranslated} unit; "
        "{paragraphs} paragraf bernomor, {footnotes} catatan kaki, {tables} tabel",
    ),
    "render.gaps_allowed": (
        "rendered despite {count} gap(s) (--allow-gaps); each is marked in the document:",
        "laporan tetap dibuat walaupun ada {count} kekosongan (--allow-gaps); "
        "masing-masing ditandai di dokumen:",
    ),
    "render.gate": (
        "final report not written: {count} unit(s) have no approved reply in the report's "
        "language. Approve or translate them, or add --allow-gaps to render anyway:",
        "laporan final tidak ditulis: {count} unit belum memiliki jawaban yang disetujui "
        "dalam bahasa laporan. Setujui atau terjemahkan jawabannya, atau tambahkan "
        "--allow-gaps untuk tetap membuatnya:",
    ),
    "render.gap.unanswered": (
        "{unit}: no reply from anyone (lead {lead})",
        "{unit}: belum ada jawaban dari instansi mana pun (penanggung jawab {lead})",
    ),
    "render.gap.not-approved": (
        "{unit}: no approved reply yet (lead {lead})",
        "{unit}: belum ada jawaban yang disetujui (penanggung jawab {lead})",
    ),
    "render.gap.untranslated": (
        "{unit}: the approved reply of {bodies} has no text in {language} (lead {lead})",
        "{unit}: jawaban {bodies} yang disetujui belum memiliki teks dalam {language} "
        "(penanggung jawab {lead})",
    ),
    "render.bad_lang": (
        "--lang: {value!r} is not a language code such as en or id",
        "--lang: {value!r} bukan kode bahasa seperti en atau id",
    ),
    "render.unknown_lang": (
        "--lang {value}: the report is written in {known} (questions/loipr.yaml, "
        "report.language and report.drafting_languages)",
        "--lang {value}: laporan ini disusun dalam {known} (questions/loipr.yaml, "
        "report.language dan report.drafting_languages)",
    ),
    "render.no_loipr": (
        "questions/loipr.yaml could not be read; run `cmwreport check`",
        "questions/loipr.yaml tidak dapat dibaca; jalankan `cmwreport check`",
    ),
    "render.layout_unknown": (
        "templates/layout.j2: unknown part {part!r}; the parts are {parts}",
        "templates/layout.j2: bagian {part!r} tidak dikenal; bagian yang tersedia: {parts}",
    ),
    "render.template_error": (
        "template {where}: {detail}",
        "templat {where}: {detail}",
    ),
    "render.template_missing": (
        "no such template in the workspace's templates/ folder or among the defaults",
        "templat ini tidak ada di folder templates/ ruang kerja maupun di templat bawaan",
    ),
    "render.reference_error": (
        "the reference document {path} cannot be used: {reason}. Save it again from Word "
        "as a .docx document, or delete it to use the default one",
        "dokumen referensi {path} tidak dapat digunakan: {reason}. Simpan ulang dari Word "
        "sebagai dokumen .docx, atau hapus agar dokumen bawaan yang digunakan",
    ),
    # ---- help of the render command
    "cli.render": (
        "Render the consolidated report as a Word document (DOCX) in the UN's layout.",
        "Render laporan konsolidasi sebagai dokumen Word (DOCX) dengan tata letak PBB.",
    ),
    "cli.render.final": (
        "Final version: approved replies only, no markers; refuses to write while a unit "
        "has no approved reply.",
        "Versi final: hanya jawaban yang disetujui, tanpa penanda; tidak ditulis selama "
        "masih ada unit tanpa jawaban yang disetujui.",
    ),
    "cli.render.allow_gaps": (
        "With --final: write the report even with gaps (each gap is marked in it).",
        "Dengan --final: tetap tulis laporan walaupun ada kekosongan (setiap kekosongan ditandai).",
    ),
    "cli.render.lang": (
        "Language of the report (default: report.language of questions/loipr.yaml).",
        "Bahasa laporan (bawaan: report.language di questions/loipr.yaml).",
    ),
    "cli.render.output": (
        "Write the DOCX here (default: build/<report symbol>-<lang>.docx).",
        "Tulis DOCX ke sini (bawaan: build/<simbol laporan>-<bahasa>.docx).",
    ),
}
