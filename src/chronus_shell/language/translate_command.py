"""`chronus translate`: English → messages as JSON lines, with context carried line to line."""
from __future__ import annotations

import json
import sys

from .errors import LanguageError
from .translator import Translator


def translate_lines(lines, translator: Translator | None = None):
    """Yield one JSON-able dict per non-blank line: messages or an error with suggestions."""
    translator = translator or Translator()
    for line in lines:
        text = line.rstrip("\r\n")
        if not text.strip():
            continue
        try:
            messages = translator.translate(text)
            result = {"input": text, "messages": [m.to_list() for m in messages]}
            if translator.understood:             # inferred readings, as the REPL says them back
                result["understood"] = translator.understood
            yield result
        except LanguageError as err:
            yield {"input": text, "error": str(err), "column": err.column,
                   "suggestions": list(err.suggestions)}
        except Exception as err:                  # a bug must not end the run with a traceback
            yield {"input": text, "error": f"internal error ({type(err).__name__}: {err})",
                   "column": None, "suggestions": []}


def translate_command(texts: list[str]) -> int:
    """Print one JSON object per line; exit 0 only if every line was accepted."""
    lines = texts if texts else sys.stdin
    ok = True
    for result in translate_lines(lines):
        ok = ok and "error" not in result
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0 if ok else 1


__all__ = ["translate_command", "translate_lines"]
