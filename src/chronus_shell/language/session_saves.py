"""A session saved in a musician's words: what is saved named ('Save this arrangement as moonlight_chart', 'save this
mix as take_2'), or saved again ('save it again', 'save again eurobeat_night, overwrite', 'Save it again over the old
one'): over the session named, or, with none named, over the one last saved from here — never a session called
'again'. With nothing saved from here and no name said, which session is meant is asked."""
from __future__ import annotations

import re

from .errors import LanguageError
from .lead_words import LEAD
from .patch_model import PatchModel

_SAVE = rf"^{LEAD}(?:let'?s\s+)?(?:please\s+)?save\s+"
#: What is saved, named before the name ('this arrangement', 'the mix', 'our groove').
_WHAT_AS = re.compile(_SAVE + r"(?:this|the|my|our|that)\s+(?:whole\s+|current\s+|new\s+)?(?:arrangement|mix|groove|song|tune|chart|"
                      r"set|beat|jam|patch|take|version|piece|track|loop|thing|sound|one)\s+(?:as|called|named|under)\s+(?P<name>\S.*)$", re.I)


def session_saved(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, the save in the grammar's words) for a save said so, else None."""
    named = _WHAT_AS.match(line.strip())
    if named is not None:
        return f"saved as '{named['name'].rstrip(' .!')}'", f"save as {named['name']}"
    return _saved_again(line, model)


#: A save said again, and what follows it (a name, 'over the old one').
_AGAIN = re.compile(_SAVE + r"(?:(?:it|this|that|everything|the\s+(?:session|song|arrangement|set))\s+)?"
                    r"(?:again|once\s+more|one\s+more\s+time)\b[\s,]*(?P<rest>.*?)[\s.!]*$", re.I)
#: What says the old one is replaced, not a name ('over the old one', 'overwrite', 'on top of it'), then the name itself.
_OVER = re.compile(r"(?:,?\s*(?:over(?:write|writing)?(?:\s+(?:it|that|the\s+(?:old|last|saved|same)(?:\s+(?:one|version|session|file))?))?|"
                   r"replace(?:\s+(?:it|the\s+old\s+one))?|on\s+top\s+of\s+(?:it|the\s+old\s+one)|(?:the\s+)?same\s+name|please))+$", re.I)
_NAME = re.compile(r"(?:(?:as|to|called|named)\s+)?(?P<name>[\w-]*[\d_-][\w-]*|[a-z]\w*)", re.I)


_WHEN = frozenset("later now today tonight tomorrow soon first then".split())


def _saved_again(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, 'save NAME overwrite') for a save said again, else None."""
    match = _AGAIN.match(line.strip())
    if match is None:
        return None
    rest = _OVER.sub("", match["rest"]).strip(" ,")
    over = rest != match["rest"].strip(" ,")           # ('over the old one', 'overwrite' said)
    named = _NAME.fullmatch(rest) if rest else None
    if rest and named is None or named is not None and named["name"].lower() in _WHEN:
        return None                                   # ('save it again later': when, never a session called 'later')
    if named is not None and not over and named["name"] not in model.sessions_saved:
        return f"saved as '{named['name']}'", f"save as {named['name']}"   # a new name: a new session, nothing overwritten
    if named is not None:
        name = named["name"]
    elif model.sessions_saved:
        name = model.sessions_saved[-1]
    else:
        raise LanguageError("save again as what? nothing was saved from here yet — say 'save as <name>' "
                            "('sessions' lists the saved ones)", 0)
    return f"saved again: over '{name}'", f"save {name} overwrite"


__all__ = ["session_saved"]
