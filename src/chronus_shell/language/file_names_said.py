"""A session's or a recording's name said after words about it ('load the session of yesterday, turbo_love',
'record please, name derdeba.wav'): read again as the plain command with that name, for the second stage.

The grammar takes what follows 'load' as the name ('of yesterday') and a name after a comma as a word of its own;
the musician's name is the one word set apart at the end."""
from __future__ import annotations

import re

_WHEN = (r"(?:yesterday|today|tonight|last\s+\w+|this\s+\w+|earlier|before|the\s+other\s+day|"
         r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|ayer|hoy|hier|ontem|ieri)")   # (Spanish, French, Portuguese, Italian)
_SAVE = r"guarda|guardar|salva|salvar|sauve|sauvegarde"   # (Spanish, Portuguese, French, Italian: the loads below)
_SESSION = re.compile(
    rf"^(?P<verb>load|open|reload|save|{_SAVE}|carga|cargar|abre|abrir|carrega|charge|ouvre|carica|apri)\s+(?:up\s+)?(?:the\s+|my\s+|our\s+|la\s+|le\s+|a\s+)?(?:{_WHEN}'?s?\s+)?"
    rf"(?:session|sesi[oó]n|sess[aã]o|song|project|jam|set|one)(?:\s+(?:of|from|the|de|del|d[ae]|di)\s+{_WHEN})?"
    rf"(?:\s*[,:]\s*|\s+(?:as|en|como|comme|come)\s+)(?:(?:it'?s\s+|the\s+one\s+)?(?:called|named|name)\s+)?"
    rf"(?P<name>[\w.-]+)[.!]?$", re.I)
_RECORDING = re.compile(
    r"^(?:(?:start|begin)\s+)?record(?:ing)?(?:\s+(?:now|please|it|this))*\s*[,:]?\s*(?:(?:the\s+)?(?:file\s*)?(?:name|named|called|nome|nombre|nom)|"
    r"call\s+(?:it|the\s+file)|save\s+(?:it\s+)?as)[:\s]+(?P<name>[\w.-]+)[.!]?$", re.I)


def when_off(name: str) -> str:
    """'from yesterday turbo_love' (after 'load the session'), 'the tape from yesterday': the name without when it was
    made."""
    bare = re.sub(rf"^(?:of|from)\s+{_WHEN}\s*[,:]?\s+(?=\S)|\s+(?:of|from|the|de|del|d[ae]|di)\s+{_WHEN}$", "", name, flags=re.I)
    return bare or name


def named_file_line(text: str) -> tuple[str, str] | None:
    """(how it was read, the plain command) for a load, save or recording with its name said apart, else None."""
    session = _SESSION.match(text.strip())
    if session:
        verb = "save as" if re.fullmatch(f"save|{_SAVE}", session["verb"], re.I) else "load"
        return f"the session named '{session['name']}'", f"{verb} {session['name']}"
    recording = _RECORDING.match(text.strip())
    if recording:
        name = recording["name"] if "." in recording["name"] else recording["name"] + ".wav"
        return f"the recording named '{name}'", f"record to {name}"
    return None


__all__ = ["named_file_line", "when_off"]
