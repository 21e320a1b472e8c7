"""A line typed the way a programmer types it ('kick.gain += 3dB', 'wind.color = pink', 'hats.humanize(0.2)',
'lead.notes = [c5, d5, e5]', 'kick+snare -= 2dB', 'start()', 'tempo = 132 // no wait 128', 'ctrl+z'), said the
language's way before any reading (translator.translate): the part and its setting are the words before and after the
dot, an operator says which way, a call's argument is its value; a comment after '//' or a spaced ' # ' that corrects
('// no wait 128') is read as said after a comma, any other left out (a '#' after a note is its sharp)."""
from __future__ import annotations

import re

from .patch_model import PatchModel

#: The settings a track has (the sequencer's), said after its name: '/seq/<verb> <track> <value>'.
TRACK_SETTINGS = ("speed", "humanize", "chance", "shift")

_KEYS = re.compile(r"^(?:ctrl|cmd|command|control|⌘)\s*[+-]\s*(?P<shift>shift\s*[+-]\s*)?(?P<key>[zy])$", re.I)
_CALL = re.compile(r"^(?P<verb>[a-z_]+)\s*\(\s*\)\s*;?$", re.I)
_METHOD = re.compile(r"^(?P<who>[\w+&]+)\s*\.\s*(?P<what>[a-z_]+)\s*\(\s*(?P<value>[^()]*?)\s*\)\s*;?$", re.I)
_ASSIGN = re.compile(r"^(?P<who>[\w+&]+)\s*\.\s*(?P<what>[a-z_]+)\s*(?P<op>\+=|-=|=)\s*(?P<value>.+?)\s*;?$", re.I)
_SHIFTED = re.compile(r"^(?P<who>[\w]+(?:\s*[+&]\s*[\w]+)+)\s*\.?\s*(?P<what>[a-z_]*)\s*(?P<op>\+=|-=)\s*(?P<value>.+?)\s*;?$",
                      re.I)
_COMMENT = re.compile(r"\s*//+\s*(?P<said>\S.*)$|\s+#\s+(?P<hashed>\S.*)$")     # (a '#' after a note is its sharp)
_CORRECTION = re.compile(r"^(?:no|nah|nope|wait|actually|oops|sorry|i\s+mean|make\s+(?:it|that)|not)\b", re.I)
_LIST = re.compile(r"^\[(?P<items>[^\]]*)\]$")


def code_line(text: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, the line in words) for a line typed as code, else None."""
    line = text.strip()
    comment = _COMMENT.search(line) if re.search(r"[=()\[\]]", line) else None
    if comment is not None and comment.start() > 0:         # 'tempo = 132 // no wait 128': a correction said after,
        said = comment["said"] or comment["hashed"]
        kept = _CORRECTION.match(said)                       # any other comment a remark ('# quieter'), left out
        line = f"{line[:comment.start()].strip()}{', ' + said if kept else ''}"
    keys = _KEYS.match(line)
    if keys is not None:
        undo = keys["key"].lower() == "z" and not keys["shift"]
        return f"{text.strip()}: {'undo' if undo else 'redo'}", "undo" if undo else "redo"
    said = _called(line) or _assigned(line, model) or (line if comment is not None else None)
    if said is None or said == text.strip():
        return None
    return f"read as '{said}'", said


def _called(line: str) -> str | None:
    call = _CALL.match(line)
    if call is not None:                                     # 'start()': the verb
        return call["verb"].replace("_", " ")
    method = _METHOD.match(line)
    if method is not None:                                   # 'hats.humanize(0.2)': the verb on the part
        who, value = _parts(method["who"]), method["value"].strip("'\" ")
        return f"{method['what'].replace('_', ' ')} the {who}{' ' + value if value else ''}"
    return None


def _assigned(line: str, model: PatchModel) -> str | None:
    match = _ASSIGN.match(line) or _SHIFTED.match(line)
    if match is None:
        return None
    what, op, value = (match["what"] or "").lower(), match["op"], _value(match["value"])
    said = []
    for who in _each(match["who"]):                          # 'kick+snare -= 2dB': each of them
        if what in TRACK_SETTINGS and op == "=" and who in model.tracks:
            said.append(f"/seq/{what} {who} {value}")        # 'hats.speed = 2': the track's own setting
        elif op == "=":
            said.append(f"{who} {what.replace('_', ' ')} {value}")
        else:
            setting = "" if what in ("volume", "level", "vol") else what.replace("_", " ")
            said.append(f"{who} {setting} {'up' if op == '+=' else 'down'} {value.lstrip('+-')}")
    return ", ".join(re.sub(r"\s+", " ", line) for line in said)


def _each(who: str) -> list[str]:
    """'kick+snare' → ['kick', 'snare']."""
    return [p for p in re.split(r"\s*[+&]\s*", who) if p]


def _parts(who: str) -> str:
    """'kick+snare' → 'kick and snare'."""
    return " and ".join(_each(who))


def _value(value: str) -> str:
    """'[c5, d5, e5]' → 'c5 d5 e5'; a quoted word unquoted."""
    listed = _LIST.match(value.strip())
    if listed is not None:
        return " ".join(item.strip(" '\"") for item in listed["items"].split(",") if item.strip())
    return value.strip().strip("'\"")


__all__ = ["TRACK_SETTINGS", "code_line"]
