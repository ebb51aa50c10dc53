"""The Turkish of the warnings (``warning:`` lines) whose English is written where the
problem is found: a small test part, files skipped in a folder, questions left out.
Warnings written through a task's message table are Turkish already and pass unchanged.
Kept apart from the ``tr_*.py`` error tables, whose test asks that each template be
raised as a ``UserError``; ``tests/test_warning_text.py`` makes each warning here."""

from __future__ import annotations

TR = {
    "the test part has only {} texts: its accuracy and F1 say little ({} texts or more give "
    "a rough figure)": (
        "test bölümünde yalnızca {} metin var: doğruluğu ve F1'i pek bir şey söylemez "
        "(kabaca bir değer için en az {} metin gerekir)"
    ),
    "the test part has only {} text: its accuracy and F1 say little ({} texts or more give "
    "a rough figure)": (
        "test bölümünde yalnızca {} metin var: doğruluğu ve F1'i pek bir şey söylemez "
        "(kabaca bir değer için en az {} metin gerekir)"
    ),
    "the data has only {} texts: its accuracy and F1 say little ({} texts or more give a "
    "rough figure)": (
        "veride yalnızca {} metin var: doğruluğu ve F1'i pek bir şey söylemez "
        "(kabaca bir değer için en az {} metin gerekir)"
    ),
    "the data has only {} text: its accuracy and F1 say little ({} texts or more give a "
    "rough figure)": (
        "veride yalnızca {} metin var: doğruluğu ve F1'i pek bir şey söylemez "
        "(kabaca bir değer için en az {} metin gerekir)"
    ),
    "the test part has no text labelled {}: the model is not scored on it": (
        "test bölümünde {} etiketli metin yok: model bu etikette puanlanmıyor"
    ),
    "the data has no text labelled {}: the model is not scored on it": (
        "veride {} etiketli metin yok: model bu etikette puanlanmıyor"
    ),
    "the test part has fewer than {} texts labelled {}: their per-label scores say little": (
        "test bölümünde {0} metinden azı olan etiketler: {1}; etiket başına puanları pek bir "
        "şey söylemez"
    ),
    "the data has fewer than {} texts labelled {}: their per-label scores say little": (
        "veride {0} metinden azı olan etiketler: {1}; etiket başına puanları pek bir şey söylemez"
    ),
    "skipped 1 file that is not a text file: {}": "metin dosyası olmayan 1 dosya atlandı: {}",
    "skipped {} files that are not text files: {}": ("metin dosyası olmayan {} dosya atlandı: {}"),
    "skipped 1 file that is not a label file: {}": "etiket dosyası olmayan 1 dosya atlandı: {}",
    "skipped {} files that are not label files: {}": (
        "etiket dosyası olmayan {} dosya atlandı: {}"
    ),
    "skipped {} files that are not .txt files: {}": ".txt olmayan {} dosya atlandı: {}",
    "{} train questions longer than the window: left out": (
        "pencereden uzun {} eğitim sorusu dışarıda bırakıldı"
    ),
    "{} validation questions longer than the window: left out": (
        "pencereden uzun {} doğrulama sorusu dışarıda bırakıldı"
    ),
}
