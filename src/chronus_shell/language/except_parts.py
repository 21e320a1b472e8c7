"""'every part louder except the hats', 'everything a little quieter but the flute', 'all drums down apart from
the kick', 'everything except the kick down 3 db': the change said for each sound of the patch but the ones named (the
second stage reads it so)."""
from __future__ import annotations

import re
from collections.abc import Callable

_EXCEPT = re.compile(r"^(?:(?:make|turn|bring|put|set)\s+)?(?P<all>every\s+(?:part|voice|sound|track|instrument|drum)|everything|"
                     r"everyone|everybody|all(?:\s+the)?\s+(?:parts|voices|sounds|tracks|instruments|drums)|all|the\s+rest)"
                     r"\s+(?P<change>.+?)\s*,?\s+(?:except|but(?:\s+not)?|apart\s+from|other\s+than|save)\s+(?:for\s+)?"
                     r"(?P<kept>.+?)[.!]*$", re.I)


#: The parts kept out said before the change: 'everything except the kick down 3 db', 'all but the hats quieter'.
_EXCEPT_FIRST = re.compile(r"^(?:(?:make|turn|bring|put|set)\s+)?(?P<all>everything|everyone|everybody|all(?:\s+the)?\s+(?:parts|"
                           r"voices|sounds|tracks|instruments)|all)\s*,?\s+(?:except|but(?:\s+not)?|apart\s+from|other\s+than|"
                           r"save)\s+(?:for\s+)?(?P<rest>.+?)[.!]*$", re.I)
_JOINERS = {"the", "and", "&", "or", "my"}


def _kept_then_change(rest: str, part: Callable[[str], str | list[str] | None]) -> tuple[str, str] | None:
    """'the kick and snare down 3 db' → ('the kick and snare', 'down 3 db'): the words naming parts, then the rest."""
    words = rest.split()
    at = 0
    while at < len(words) and (words[at].strip(",").lower() in _JOINERS or part(words[at].strip(",").lower()) is not None):
        at += 1
    while at and words[at - 1].strip(",").lower() in _JOINERS:
        at -= 1
    if not at or at == len(words):
        return None
    return " ".join(words[:at]).rstrip(","), " ".join(words[at:])


_IN_OR_OUT = re.compile(r"^(?:out|off|in|muted|silent|stop|drop\s+out)\b", re.I)


def all_but(text: str, sounds: list[str], part: Callable[[str], str | list[str] | None]) -> tuple[str, str] | None:
    """(how it was read, the line for each other sound) — `sounds` the patch's (drums only when the line says
    'all drums'), `part` a word's module or None; None when the line is no such request or names no sound."""
    said = _EXCEPT.match(text.strip())
    first = _EXCEPT_FIRST.match(text.strip()) if said is None else None
    split = _kept_then_change(first["rest"], part) if first else None
    if split is not None:                                 # 'everything except the kick down 3 db'
        said = {"kept": split[0], "change": split[1]}
    if said is None or _IN_OR_OUT.match(said["change"]):
        return None                                       # ('everything out except the kick': the kick alone, a solo)
    kept_words = [w for w in re.split(r"\s*(?:,|&|\band\b|\bthe\b|\bor\b|\s)\s*", said["kept"].lower()) if w]
    found = [part(w) for w in kept_words]
    if not kept_words or None in found:
        return None
    kept = {m for named in found for m in ([named] if isinstance(named, str) else named)}   # ('the drums': each)
    others = [s for s in sounds if s not in kept]
    if not others or len(others) == len(sounds):
        return None
    return (f"every part but {said['kept']}: {', '.join(others)} {said['change']}",
            ", ".join(f"{other} {said['change']}" for other in others))


#: 'everybody out 1 bar, only the clave', 'all out for two bars except the kick': the one part alone for that time (read
#: as two commands, every part muted for the bar and the part soloed for good: it was muted with the rest, and the
#: others stayed muted after the bar).
_ALL_OUT_BUT = re.compile(r"^(?:\w+[!.]\s+)?(?:(?:mute|kill|silence|drop)\s+(?:everything|everybody|everyone|all)|(?:everything|"
                          r"everybody|everyone|all|the\s+band)\s+out)\s+(?:for\s+)?(?P<time>(?:a|an|one|two|three|four|\d+)\s+"
                          r"(?:bars?|beats?|measures?))\s*[,;:-]?\s+(?:but|except|only|just|leave|leaving)\s+(?:for\s+)?(?:the\s+|my\s+)?"
                          r"(?P<part>[\w-]+)(?:\s+(?:in|on|playing))?[.!]*$", re.I)


def all_out_but(line: str, part: Callable[[str], str | None]) -> tuple[str, str] | None:
    """(how it was read, 'solo <part> for <time>') for every part but one out for a time; None otherwise."""
    match = _ALL_OUT_BUT.match(line.strip())
    if match is None or part(match["part"].lower()) is None:
        return None
    return f"every part but the {match['part']} out for {match['time']}", f"solo {match['part']} for {match['time']}"


#: 'kick louder, everything else down', '… and the rest a bit quieter': the parts not named before it.
_ELSE = re.compile(r"^(?P<before>.+?)(?:,|;|\band\b)\s*(?:and\s+)?(?:(?:every(?:thing|one|body)|all)\s+else|all\s+(?:the\s+)?(?:others|rest)|"
                   r"the\s+rest(?:\s+of\s+(?:it|them|the\s+(?:band|kit|mix|parts|drums)))?|rest(?=\s+(?:out|off|muted|tacet)\b)|"
                   r"the\s+others)\s+(?P<change>[^,;]+?)[.!]*$", re.I)


#: 'only guembri and krakebs now, the rest out', 'the others out, just the kick': the parts named alone (a solo).
_ONLY = re.compile(r"^(?:(?:ok|okay|now|and|so)[\s,]+)*(?:(?:only|just)\s+(?P<parts>.+?)|(?P<after>.+?)\s+only)"
                   r"(?:\s+(?:now|please|playing|left))?$", re.I)
_OUT = re.compile(r"^(?:out|off|muted|silent|tacet|quiet|stops?|drop\s+out)(?:\s+(?:now|please))?$", re.I)
_REST_OUT_FIRST = re.compile(r"^(?:(?:every(?:thing|one|body)|all)\s+else|(?:all\s+)?the\s+(?:rest|others))\s+(?:out|off|muted|tacet)\s*"
                             r"[,;:.]\s*(?:only|just)\s+(?P<parts>.+?)(?:\s+(?:now|please|playing|left))?[.!]*$", re.I)


def _alone(parts: str, part: Callable[[str], str | None]) -> tuple[str, str] | None:
    """(how it was read, 'solo …') when every word of `parts` names a part (or joins them), else None."""
    words = [w for w in re.split(r"\s*(?:,|&|\band\b|\bthe\b|\bmy\b|\s)\s*", parts.lower()) if w]
    if not words or any(part(w) is None for w in words):
        return None
    return f"only {parts}: the rest out (a solo)", f"solo {parts}"


def everything_else(line: str, sounds: list[str], part: Callable[[str], str | None]) -> tuple[str, str] | None:
    """(how it was read, the line with the parts it means) for 'the kick the loudest, everything else down': each
    sound the line did not name before takes the change; None when it names none before, or leaves none after. The
    rest out, with only some said ('only guembri and krakebs now, the rest out'): those parts alone."""
    first = _REST_OUT_FIRST.match(line.strip())
    if first is not None:
        return _alone(first["parts"], part)
    said = _ELSE.match(line.strip())
    if said is None:
        return None
    only = _ONLY.match(said["before"].strip(" ,;"))
    if only is not None and _OUT.match(said["change"]):
        return _alone(only["parts"] or only["after"], part)
    words = re.findall(r"[\w'-]+", said["before"].lower())
    if _OUT.match(said["change"]) and words and all(w in ("and", "the", "my", "both") or part(w) for w in words):
        return _alone(said["before"], part)           # 'kick and hats, rest out': those alone, never all out
    named = {part(w) for w in re.findall(r"[\w'-]+", said["before"].lower())} - {None}
    others = [s for s in sounds if s not in named]
    if not named or not others:
        return None
    return (f"everything else: {', '.join(others)} {said['change']}",
            said["before"].rstrip(" ,;") + ", " + ", ".join(f"{other} {said['change']}" for other in others))


__all__ = ["all_out_but", "all_but", "everything_else"]
