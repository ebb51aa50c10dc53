from trtune.data import turkish


def test_lower_handles_dotted_and_dotless_i():
    assert turkish.lower("IŞIK İSTANBUL") == "ışık istanbul"
    assert "IŞIK İSTANBUL".lower() != "ışık istanbul"  # why the helper exists


def test_upper_is_the_inverse_on_turkish_letters():
    assert turkish.upper("ışık istanbul") == "IŞIK İSTANBUL"
    assert turkish.upper(turkish.lower("ÇĞİÖŞÜI")) == "ÇĞİÖŞÜI"


def test_normalize_nfc_and_whitespace():
    decomposed = "gu\u0308zel\t\n  yorum "  # ü as u + combining diaeresis
    assert turkish.normalize(decomposed) == "güzel yorum"
    assert turkish.normalize("  İYİ  ", casefold=True) == "iyi"
