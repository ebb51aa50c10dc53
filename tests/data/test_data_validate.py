def test_load_texts_reads_a_one_column_file(tmp_path):
    from trtune.data.validate import load_texts

    path = tmp_path / "yeni_yorumlar.csv"
    path.write_bytes("yorum\nKargo hızlı geldi\n\nÜrün kırık çıktı\n".encode("cp1254"))
    assert load_texts(path) == ["Kargo hızlı geldi", "Ürün kırık çıktı"]
    headless = tmp_path / "texts.csv"
    headless.write_text("Güzel\nKötü\n", encoding="utf-8")
    assert load_texts(headless) == ["Güzel", "Kötü"]
