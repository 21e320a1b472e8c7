"""`chronus translate`: English → messages as JSON lines, no audio."""
from __future__ import annotations

import json
import sys

from ..language.translate_lines import translate_lines


def translate_command(texts: list[str]) -> int:
    """Print one JSON object per line; exit 0 only if every line was accepted."""
    lines = texts if texts else sys.stdin
    ok = True
    for result in translate_lines(lines):
        ok = ok and "error" not in result
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0 if ok else 1
