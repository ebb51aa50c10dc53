"""Causal-LM fine-tuning on Turkish data: formats, templates, LoRA/QLoRA/full, generate.

Entry points: :func:`trtune.lm.train.train_lm`, :func:`trtune.lm.generate.load_trained`,
:func:`trtune.lm.generate.merge_adapter`, :func:`trtune.lm.bench.pack_vs_pad`.
"""
