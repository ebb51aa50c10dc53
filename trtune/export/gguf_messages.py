"""Every sentence ``trtune export gguf`` shows, in Turkish (``tr``) and English (``en``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "loading": {
        "tr": "model yükleniyor: {folder}",
        "en": "loading the model: {folder}",
    },
    "merged": {
        "tr": "LoRA adaptörü tabana katıldı (merge)",
        "en": "merged the LoRA adapter into its base",
    },
    "writing": {
        "tr": "GGUF yazılıyor ({file_type}, {tensors} tensör)",
        "en": "writing the GGUF ({file_type}, {tensors} tensors)",
    },
    "checking": {
        "tr": "denetleniyor: GGUF transformers ile geri yükleniyor",
        "en": "checking: loading the GGUF back with transformers",
    },
    "figures": {
        "tr": (
            "denetim ({prompts} istem): aynı token kimlikleri {same_ids}; en büyük logit farkı "
            "{max_logit_diff:.2e} (f16 sınırı {tolerance:.0e}); aynı açgözlü devam "
            "{greedy_matches}/{prompts} (yakın eşitlikte ayrılan {near_ties})"
        ),
        "en": (
            "check ({prompts} prompts): same token ids {same_ids}; largest logit difference "
            "{max_logit_diff:.2e} (f16 limit {tolerance:.0e}); same greedy continuation "
            "{greedy_matches}/{prompts} (parting at a near tie: {near_ties})"
        ),
    },
    "yes": {"tr": "evet", "en": "yes"},
    "no": {"tr": "hayır", "en": "no"},
    "failed": {
        "tr": "GGUF denetimi geçmedi ({reason}); dosya silindi",
        "en": "the GGUF check failed ({reason}); the file was removed",
    },
    "written": {
        "tr": "yazıldı: {path} ({size_mb:.2f} MB, {seconds:.1f} sn) ve {modelfile}",
        "en": "wrote {path} ({size_mb:.2f} MB, {seconds:.1f} s) and {modelfile}",
    },
    "run_hint": {
        "tr": "çalıştırmak için: ollama create ADI -f {modelfile} && ollama run ADI",
        "en": "to run it: ollama create NAME -f {modelfile} && ollama run NAME",
    },
}
