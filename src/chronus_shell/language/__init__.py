"""The English command language: text → intents → messages (pure: no audio, no processes).

`Translator().translate(line)` is the entry point; `load_script` reads run/render scripts;
`vocabulary` lists the words for completion and highlighting.
"""
from .errors import LanguageError
from .script import ScriptError, load_script
from .translator import Translator

__all__ = ["Translator", "LanguageError", "load_script", "ScriptError"]
