"""What `trtune export onnx` says, in Turkish and English."""

from __future__ import annotations

MESSAGES = {
    "exporting": {
        "tr": "ONNX'e aktarılıyor: {task} ({kind})",
        "en": "exporting to ONNX: {task} ({kind})",
    },
    "quantizing": {"tr": "int8'e nicemleniyor ({method})", "en": "quantising to int8 ({method})"},
    "checked": {
        "tr": "kontrol: {texts} metin ({source}), en büyük olasılık farkı {diff:.2e}, "
        "değişen etiket {changed}/{compared} (%{share:.2f})",
        "en": "check: {texts} texts ({source}), largest probability difference {diff:.2e}, "
        "changed labels {changed}/{compared} ({share:.2f} %)",
    },
    "saved": {
        "tr": "ONNX klasörü yazıldı: {out} (görev {task}{quant}); onnxruntime ile çalışır",
        "en": "ONNX folder written: {out} (task {task}{quant}); runs with onnxruntime",
    },
}
