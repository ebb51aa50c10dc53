import pytest

from trtune.data.encoding import decode_bytes
from trtune.errors import UserError

TEXT = "yorum;durum\nÇok güzel, ışık gibi;olumlu\nİğrenç ürün;olumsuz\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le (BOM)"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be (BOM)"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("iso-8859-9"), "iso-8859-9"),
        ((TEXT + "“harika” … ürün;olumlu\n").encode("cp1254"), "windows-1254"),
    ],
)
def test_each_encoding_is_detected_and_decoded(raw, expected):
    decoded = decode_bytes(raw, "f.csv")
    assert decoded.encoding == expected
    assert "Çok güzel, ışık gibi" in decoded.text
    assert "İğrenç" in decoded.text


def test_mixed_utf8_and_cp1254_lines_are_decoded_line_by_line():
    raw = "metin;etiket\nÇok güzel;olumlu\n".encode() + "Şahane ürün;olumlu\n".encode("cp1254")
    decoded = decode_bytes(raw, "m.csv")
    assert decoded.encoding.startswith("mixed")
    assert "Çok güzel" in decoded.text and "Şahane ürün" in decoded.text


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"PK\x03\x04\x14\x00rest-of-zip", "zip"),
        (b"a,b\n1,\x00\x00\x01\x02\x03garbage", "NUL"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(raw, reason):
    with pytest.raises(UserError) as info:
        decode_bytes(raw, "bad.csv")
    assert reason in info.value.message()
    assert info.value.message().startswith("bad.csv:")
