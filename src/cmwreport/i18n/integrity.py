"""Messages about a workspace that cannot be read whole: ignored files, broken files in
coverage and render, output targets that cannot be replaced, bounded templates."""

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
        "this file is not read: body codes are written in capitals; rename it to "
        "answers/{target}",
        "berkas ini tidak dibaca: kode instansi ditulis dengan huruf kapital; ganti namanya "
        "menjadi answers/{target}",
    ),
    "ignored.name": (
        "this file is not read: an answers file is named after its body's code, like "
        "answers/{example}.yaml (codes: {known})",
        "berkas ini tidak dibaca: berkas jawaban diberi nama sesuai kode instansinya, misalnya "
        "answers/{example}.yaml (kode yang terdaftar: {known})",
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
}
