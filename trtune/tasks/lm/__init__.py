"""Causal-LM fine-tuning on Turkish data: formats, templates, LoRA/QLoRA/full, generate.

Entry points: :func:`trtune.tasks.lm.train.train_lm`, :func:`trtune.infer.generate.load_trained`,
:func:`trtune.infer.generate.merge_adapter`, :func:`bench.lm_pack.pack_vs_pad`.
"""
