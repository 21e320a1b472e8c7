"""The one-pole glide every param follows: a Module's smoothing and the voice kernels use one table."""
from __future__ import annotations

from functools import lru_cache

import numpy as np


@lru_cache(maxsize=8)
def decay_table(pole: float, n: int) -> np.ndarray:
    """pole^1 … pole^n: the closed-form one-pole glide of every param over n samples (the voice
    kernels glide with the same table). Shared: never written."""
    return pole ** np.arange(1, n + 1)
