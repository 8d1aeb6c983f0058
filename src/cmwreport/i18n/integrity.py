"""Messages about what cannot be read or written as it is.

Ignored answers files, broken files in coverage and render, output targets that are not
regular files, templates over their budget and unsafe reference documents.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- ignored-file
    "ignored.extension": (
        "this file is not read: answers files are named CODE.yaml, and this one is spelled "
        "{name}; rename it to answers/{target}",
        "berkas ini tidak dibaca: berkas jawaban diberi nama KODE.yaml, sedangkan berkas ini "
        "bernama {name}; ganti namanya menjadi answers/{target}",
    ),
    "ignored.extension_merge": (
        "this file is not read: answers files are named CODE.yaml, and answers/{target} "
        "already exists; move what this file holds into answers/{target}, then delete it",
        "berkas ini tidak dibaca: berkas jawaban diberi nama KODE.yaml, dan answers/{target} "
        "sudah ada; pindahkan isi berkas ini ke answers/{target}, lalu hapus berkas ini",
    ),
    "ignored.copy": (
        "this file looks like a copy of answers/{target} and is not read; rename it to "
        "answers/{target}",
        "berkas ini tampaknya salinan dari answers/{target} dan tidak dibaca; ganti namanya "
        "menjadi answers/{target}",
    ),
    "ignored.copy_merge": (
        "this file looks like a copy of answers/{target} and is not read; move what it holds "
        "that answers/{target} lacks into answers/{target}, then delete the copy",
        "berkas ini tampaknya salinan dari answers/{target} dan tidak dibaca; pindahkan isi "
        "yang belum ada di answers/{target} ke berkas itu, lalu hapus salinan ini",
    ),
    "ignored.case": (
        "this file is not read: body codes are written in capitals; rename it to answers/{target}",
        "berkas ini tidak dibaca: kode instansi ditulis dengan huruf kapital; ganti namanya "
        "menjadi answers/{target}",
    ),
    "ignored.name": (
        "this file is not read: an answers file is named after its body's code, like "
        "answers/{example}.yaml (codes: {known})",
        "berkas ini tidak dibaca: berkas jawaban diberi nama sesuai kode instansinya, misalnya "
        "answers/{example}.yaml (kode yang terdaftar: {known})",
    ),
    "ignored.dangling": (
        "this file is a link to {target}, which cannot be found (a shared folder not "
        "connected?); the answers it points to are not read",
        "berkas ini adalah tautan ke {target}, yang tidak ditemukan (folder bersama belum "
        "tersambung?); jawaban yang ditautkannya tidak dibaca",
    ),
    "dup.answer_file": (
        'this body already answered {unit} in {first_file}:{first} (question "{earlier}"); '
        "merge the two answers into one",
        'instansi ini sudah menjawab {unit} di {first_file}:{first} (pertanyaan "{earlier}"); '
        "gabungkan kedua jawaban menjadi satu",
    ),
    # ---- output files
    "out.not_regular": (
        "it is {kind}, not a regular file, and is never replaced; name a file to write "
        "(for example build/report.docx)",
        "tujuan itu adalah {kind}, bukan berkas biasa, dan tidak akan ditimpa; sebutkan "
        "berkas yang akan ditulis (misalnya build/report.docx)",
    ),
    "out.system": (
        "{folder} is a system path, not a file for a report; name a file to write "
        "(for example build/report.docx)",
        "{folder} adalah jalur sistem, bukan berkas untuk laporan; sebutkan berkas yang "
        "akan ditulis (misalnya build/report.docx)",
    ),
    "out.kind.folder": ("a folder", "sebuah folder"),
    "out.kind.pipe": ("a pipe (FIFO)", "sebuah pipa (FIFO)"),
    "out.kind.device": ("a device", "sebuah perangkat"),
    "out.kind.other": ("a special file", "sebuah berkas khusus"),
    # ---- coverage of a workspace with errors
    "cov.errors_stderr": (
        "the workspace has {count} error(s); the summary leaves out what could not be read:",
        "ruang kerja memiliki {count} galat; ringkasan ini tidak memuat bagian yang tidak "
        "dapat dibaca:",
    ),
    "cov.errors_title": (
        "WARNING: these files could not be read or hold errors; the figures leave out what "
        "could not be read (a body marked ⚠ may look as if it answered nothing):",
        "PERHATIAN: berkas berikut tidak dapat dibaca atau mengandung galat; angka-angka di "
        "sini tidak memuat bagian yang tidak terbaca (instansi bertanda ⚠ bisa tampak belum "
        "menjawab apa pun):",
    ),
    "cov.errors_file": ("{file}: {count} error(s)", "{file}: {count} galat"),
    "cov.errors_count": ("{count} error(s)", "{count} galat"),
    "cov.errors_more": (
        "… and {count} more; run `cmwreport check` for all of them",
        "… dan {count} lagi; jalankan `cmwreport check` untuk melihat semuanya",
    ),
    "cov.errors_sheet": ("Errors", "Galat"),
    "cov.errors_see_sheet": (
        '{count} file(s) could not be read or hold errors: see the sheet "{sheet}"',
        '{count} berkas tidak dapat dibaca atau mengandung galat: lihat lembar "{sheet}"',
    ),
    "cov.errors_col_file": ("File", "Berkas"),
    "cov.errors_col_line": ("Line", "Baris"),
    "cov.errors_col_code": ("Code", "Kode"),
    "cov.errors_col_message": ("Message", "Pesan"),
    "since.not_counted": (
        "not counted as progress: {ids} (the answers file of {bodies} could not be read at "
        "the last meeting or now)",
        "tidak dihitung sebagai kemajuan: {ids} (berkas jawaban {bodies} tidak dapat dibaca "
        "pada rakor sebelumnya atau saat ini)",
    ),
    # ---- render of a workspace with errors
    "rpt.broken_notice": (
        "INCOMPLETE DRAFT: {count} file(s) could not be read or hold errors, so what they "
        "hold is missing from this draft. Fix them (run `cmwreport check`) and render again:",
        "DRAF TIDAK LENGKAP: {count} berkas tidak dapat dibaca atau mengandung galat, sehingga "
        "isinya tidak ada dalam draf ini. Perbaiki berkas tersebut (jalankan `cmwreport "
        "check`) lalu buat ulang laporan:",
    ),
    "rpt.broken_file": (
        "{file}: {count} error(s); the first, on line {line}: {message}",
        "{file}: {count} galat; yang pertama, di baris {line}: {message}",
    ),
    "rpt.broken_placeholder": (
        "[The reply of {bodies} to {unit} could not be read: {files} holds errors]",
        "[Jawaban {bodies} atas {unit} tidak dapat dibaca: {files} mengandung galat]",
    ),
    "render.broken": (
        "the draft was written from what could be read, but the workspace has {count} "
        "error(s); what these files hold is missing from it:",
        "draf ditulis dari bagian yang dapat dibaca, tetapi ruang kerja memiliki {count} "
        "galat; isi berkas berikut tidak ada dalam draf:",
    ),
    # ---- bounded templates and a safe reference DOCX
    "render.template_steps": (
        "the template was stopped after {limit} steps (a loop too long, or without end); "
        "simplify its loops",
        "templat dihentikan setelah {limit} langkah (perulangan terlalu panjang atau tanpa "
        "akhir); sederhanakan perulangannya",
    ),
    "render.template_time": (
        "the template was stopped after {seconds} seconds (a loop too long, or without end); "
        "simplify its loops",
        "templat dihentikan setelah {seconds} detik (perulangan terlalu panjang atau tanpa "
        "akhir); sederhanakan perulangannya",
    ),
    "render.template_size": (
        "the template would write more than {limit} characters; it was stopped",
        "templat akan menulis lebih dari {limit} karakter; templat dihentikan",
    ),
    "render.reference_too_big": (
        "the reference document is {size} bytes, too big to be a document of styles; save it "
        "again from Word without embedded media",
        "dokumen referensi berukuran {size} byte, terlalu besar untuk dokumen gaya; simpan ulang "
        "dari Word tanpa media tertanam",
    ),
    "render.reference_not_docx": (
        "the reference document is not a Word document (.docx); save it again from Word as "
        '"Word Document (*.docx)"',
        "dokumen referensi bukan dokumen Word (.docx); simpan ulang dari Word sebagai "
        '"Word Document (*.docx)"',
    ),
    "render.reference_unreadable": (
        "the reference document cannot be read: {reason}",
        "dokumen referensi tidak dapat dibaca: {reason}",
    ),
    "render.reference_entries": (
        "the reference document holds {count} parts, far more than a Word document; it was not "
        "opened",
        "dokumen referensi memuat {count} bagian, jauh lebih banyak daripada dokumen Word; "
        "berkas itu tidak dibuka",
    ),
    "render.reference_bomb": (
        "the reference document would unpack to {size} bytes (a zip bomb, or a damaged file); "
        "it was not opened: replace it with a copy saved from Word",
        "dokumen referensi akan membengkak menjadi {size} byte saat dibuka (bom zip atau berkas "
        "rusak); berkas itu tidak dibuka: ganti dengan salinan yang disimpan dari Word",
    ),
}
