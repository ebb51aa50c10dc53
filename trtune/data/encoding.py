"""Detect the text encoding of a user's file from its bytes.

Handles UTF-8 (with or without BOM), UTF-16 LE/BE (with or without BOM), Windows-1254 and
ISO-8859-9 (the two Turkish 8-bit code pages), and UTF-8 files with some lines in
Windows-1254 (``mixed``, decoded line by line). Binary files are refused with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trtune.errors import UserError

# Magic numbers of formats people save under a .csv name by mistake.
_BINARY_MAGIC = {
    b"PK\x03\x04": "a zip archive (an .xlsx workbook is one): save it as CSV first",
    b"\xd0\xcf\x11\xe0": "an old Excel/Office file: save it as CSV first",
    b"%PDF": "a PDF file",
    b"\x1f\x8b": "a gzip archive: decompress it first",
    b"\x89PNG": "a PNG image",
    b"PAR1": "a Parquet file",
}
# Bytes 0x80-0x9f are printable in Windows-1254 (’ “ ” … € Ş-free punctuation) and
# control codes in ISO-8859-9; the two code pages agree everywhere else.
_CP1254_ONLY = set(range(0x80, 0xA0))
EMPTY_FILE = "the file is empty"


@dataclass(frozen=True)
class Decoded:
    """Text decoded from a file and the encoding that was used."""

    text: str
    encoding: str


def _utf16_without_bom(raw: bytes) -> str | None:
    """Return ``utf-16-le``/``utf-16-be`` when the NUL pattern says so, else None."""
    sample = raw[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _decode_8bit(raw: bytes) -> Decoded:
    encoding = "windows-1254" if _CP1254_ONLY.intersection(raw) else "iso-8859-9"
    try:
        return Decoded(raw.decode(encoding), encoding)
    except UnicodeDecodeError:  # the five bytes undefined in Windows-1254
        return Decoded(raw.decode("iso-8859-9"), "iso-8859-9")


def _decode_mixed(raw: bytes) -> Decoded | None:
    """Decode line by line when most lines are UTF-8 and some are Windows-1254."""
    lines = raw.split(b"\n")
    utf8_multibyte = 0
    bad = 0
    out = []
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
            utf8_multibyte += any(b >= 0x80 for b in line)
        except UnicodeDecodeError:
            bad += 1
            out.append(_decode_8bit(line).text)
    if utf8_multibyte == 0:
        return None
    return Decoded("\n".join(out), f"mixed (utf-8, windows-1254 in {bad} of {len(lines)} lines)")


def decode_bytes(raw: bytes, path: str | Path) -> Decoded:
    """Decode a file's bytes, detecting its encoding.

    Raises:
        UserError: the file is empty or binary.
    """
    if not raw.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise UserError(EMPTY_FILE, path)
    for magic, what in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise UserError(f"not a text file: this is {what}", path)
    if raw.startswith(b"\xef\xbb\xbf"):
        return _strict(raw[3:], "utf-8", "utf-8-sig", path)
    if raw.startswith(b"\xff\xfe"):
        return _strict(raw[2:], "utf-16-le", "utf-16-le (BOM)", path)
    if raw.startswith(b"\xfe\xff"):
        return _strict(raw[2:], "utf-16-be", "utf-16-be (BOM)", path)
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return _strict(raw, utf16, utf16, path)
    if b"\x00" in raw[:65536]:
        row = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise UserError("NUL bytes in a text file: this looks like a binary file", path, row)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(raw)
    if mixed is not None:
        return mixed
    decoded = _decode_8bit(raw)
    control = sum(1 for ch in decoded.text[:20000] if ord(ch) < 32 and ch not in "\t\r\n")
    if control > 0.01 * min(len(decoded.text), 20000):
        raise UserError("the file holds binary data, not text", path)
    return decoded


def _strict(raw: bytes, codec: str, name: str, path: str | Path) -> Decoded:
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as exc:
        row = raw[: exc.start].count(b"\n" if "16" not in codec else "\n".encode(codec)) + 1
        raise UserError(f"invalid {name} bytes at offset {exc.start}", path, row) from None
    if "\x00" in text:
        row = text[: text.index("\x00")].count("\n") + 1
        raise UserError("NUL characters in the text: this looks like a binary file", path, row)
    return Decoded(text, name)
