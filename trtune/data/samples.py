"""Where the bundled sample data and the real datasets beside a source checkout are."""

from __future__ import annotations

from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
SAMPLE_REVIEWS = REPOSITORY / "examples" / "data" / "yorumlar.csv"


def shared_data(*parts: str) -> Path:
    """A path under ``../shared/data`` beside the checkout (it may not exist)."""
    return REPOSITORY.parent.joinpath("shared", "data", *parts)
