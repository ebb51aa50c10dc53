"""trtune: understand and fine-tune language models in Turkish."""

from __future__ import annotations

__version__ = "0.1.0"

from trtune.errors import UserError

__all__ = ["UserError", "__version__"]
