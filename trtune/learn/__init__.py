"""The report's worked examples, from scratch in plain PyTorch (no ``transformers``).

- :mod:`trtune.learn.attention`: the self-attention example, step by step.
- :mod:`trtune.learn.blocks`: embeddings, LayerNorm, attention, MLP, residual blocks.
- :mod:`trtune.learn.types`: encoder-only, decoder-only and encoder-decoder models.
- :mod:`trtune.learn.embedding`: word embeddings from a tiny next-word network.
- :mod:`trtune.learn.rnn`: RNN, GRU and LSTM cells; :mod:`trtune.learn.rnn_compare`: the
  four models (with a Transformer) on a long-range recall task, accuracy and speed.
"""
