"""Encoder text classifiers: frozen features + head, fine-tuning, LoRA, TF-IDF baseline."""
