"""English lines → JSON-able results (messages, or an error with suggestions), context carried line to line."""
from __future__ import annotations

import gc

from .errors import LanguageError
from .translator import Translator

#: Lines that load, on a translator thrown away, what the first line of each kind would load: the
#: grammar, the rhythm forms' words, the harmony readers, the second stage's word lists.
WARM_UP = ("add a saw", "add a filter", "cutoff 800", "play x..x on kick", "reverse the kick", "chords am f c g",
           "cutof 800", "add a sqaure")


def ready_translator() -> Translator:
    """A translator once start-up is over: everything a line needs is loaded, and the objects
    start-up made are frozen out of the garbage collector's scans, so a collection during a line
    walks that line's young objects only (gc.freeze), not the whole language."""
    warm = Translator()
    for line in WARM_UP:
        try:
            warm.translate(line)
        except LanguageError:
            pass
    gc.collect()
    gc.freeze()
    return Translator()


def translate_lines(lines, translator: Translator | None = None):
    """Yield one JSON-able dict per non-blank line: messages or an error with suggestions."""
    translator = translator or ready_translator()
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


__all__ = ["translate_lines", "ready_translator"]
