"""What `trtune serve` prints, in Turkish and English (see ``trtune/i18n.py``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "loading": {"tr": "modeller yükleniyor...", "en": "loading models..."},
    "serving": {
        "tr": "trtune serve: http://{host}:{port}/  (API belgeleri: /docs)",
        "en": "trtune serve: http://{host}:{port}/  (API docs: /docs)",
    },
}
