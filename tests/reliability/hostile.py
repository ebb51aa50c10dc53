"""Bad dataset files, written by the tests: each must give a clean run or a one-line error."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

# Ten distinct texts per label: the files that must train keep 30 texts, so the test part
# holds every label (a test part without one is refused).
GOOD_ROWS = [
    (f"{text} ({i}. sipariş)", label)
    for i in range(1, 11)
    for text, label in [
        ("Ürün çok güzel, tavsiye ederim", "olumlu"),
        ("Berbat, iade ettim", "olumsuz"),
        ("Fena değil, idare eder", "nötr"),
    ]
]


def _csv(rows) -> str:
    return "yorum,duygu\n" + "".join(f'"{t}",{label}\n' for t, label in rows)


def _xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def write_hostile_files(folder: Path) -> dict[str, Path]:
    """Write every hostile file into ``folder``; return name -> path (some paths do not exist)."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "empty.csv": b"",
        "header_only.csv": b"yorum,duygu\n",
        "random_binary.csv": os.urandom(4096),
        "nul_bytes.csv": b"yorum,duygu\nbir\x00iki,olumlu\n\x00\x00\x00,olumsuz\n",
        "huge_single_line.csv": b"yorum,duygu\n" + b"a" * 3_000_000 + b",olumlu\n",
        "mixed_encodings.csv": _csv(GOOD_ROWS).encode() + "Şahane ürün,olumlu\n".encode("cp1254"),
        "windows_1254.csv": _csv(GOOD_ROWS + [("“Şık” ürün…", "olumlu")]).encode("cp1254"),
        "utf16_no_bom.csv": _csv(GOOD_ROWS).encode("utf-16-le"),
        "excel_named.csv": _xlsx_bytes(),
        "broken.jsonl": b'{"text": "iyi", "label": "olumlu"}\n{"text": "kot\n',
        "labels_blank.csv": _csv([(t, "") for t, _ in GOOD_ROWS]).encode(),
        "fourth_class.csv": _csv(GOOD_ROWS + [("Karışık duygular", "karışık")] * 3).encode(),
        "single_class.csv": _csv([(f"yorum {i}", "olumlu") for i in range(20)]).encode(),
        "two_rows.csv": _csv(GOOD_ROWS[:2]).encode(),
        "whitespace_emoji.csv": _csv(
            [("   ", "olumlu"), ("😀😀", "olumlu"), ("🙁", "olumsuz")] * 5
        ).encode(),
        "unbalanced_quotes.csv": (
            'yorum,duygu\n"açık kalan tırnak,olumlu\n' + _csv(GOOD_ROWS).split("\n", 1)[1]
        ).encode(),
        "numbers_only.csv": b"a,b\n" + b"".join(f"{i},{i * 7}\n".encode() for i in range(30)),
        "no_delimiter.csv": "tek sütunlu bir dosya\nbaşka bir satır\n".encode(),
        "latin_garbage.csv": bytes(range(128, 256)) * 20,
        "json_not_records.json": b'{"a": 1, "b": 2}',
    }
    paths = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths[name] = path
    (folder / "a_directory").mkdir(exist_ok=True)
    paths["a_directory"] = folder / "a_directory"
    paths["missing_path.csv"] = folder / "does_not_exist.csv"
    return paths
