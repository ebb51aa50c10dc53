"""The run layer every training task shares: settings, models, LoRA, training, output folders.

Import the modules themselves (``trtune.run.outdir``, ``trtune.run.models``, ...): this
package imports nothing at load time, so that the teaching half can use ``outdir`` and
``guard`` without loading ``transformers``.
"""
