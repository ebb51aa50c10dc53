"""A tiny NER tagger for the serve tests: `ner train` on templated sentences, once per
test session (about 10 s on an idle core)."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path


@functools.lru_cache(maxsize=1)
def tiny_ner() -> Path:
    """Train (once per process) and return the tagger's folder."""
    from tests.ner.ner_testdata import write_conll
    from trtune.tasks.ner.settings import NerSettings
    from trtune.tasks.ner.train import train_ner

    root = Path(tempfile.mkdtemp(prefix="trtune-serve-ner-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    data = write_conll(root / "train.conll", 80)
    train_ner(NerSettings(data=[str(data)], out=str(root / "ner"), model="tiny", epochs=12))
    return root / "ner"
