"""English lines → JSON-able results (messages, or an error with suggestions), context carried line to line."""
from __future__ import annotations

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


__all__ = ["translate_lines"]
