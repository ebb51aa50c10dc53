"""Encoder-decoder fine-tuning (``trtune seq2seq``): summaries, translation, question generation."""
