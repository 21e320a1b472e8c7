"""A drummer's and a producer's words for a part: a metronome or a click is a hat on every beat of its own ('add a
metronome', 'click on', 'my student should hear a metronome'; 'metronome off' mutes it) — never the tempo ('add a
metronome' set 125 bpm) nor the kick's click; a '2-step kick' the garage kick on 1 and the and of 3 (it was a decay of
two steps); 'hats open on the offbeat', 'hats open, longer', 'hats closed' the open (or closed) hats said the other way round. A metronome with a number is the
tempo, as before ('set the metronome to 72')."""
from __future__ import annotations

import re

from .errors import LanguageError
from .patch_model import PatchModel

_CLICK_PATTERN = "x...x...x...x..."
_POLITE = r"(?:[\s,.!?]+(?:please|pls|now|thanks))*[\s,.!?]*$"
#: Asking for a click: a verb of having or hearing, or the word alone ('metronome', 'click on', 'a click track please').
_WANTED = re.compile(rf"^(?:(?:ok|now|and|so|please)[\s,]+)*(?:(?:add|start|use|give\s+(?:me|us)|turn\s+on|put\s+on|switch\s+on|i\s+(?:want|need)|"
                     rf"can\s+(?:i|we|you)\s+(?:have|get|hear|add)|(?:i|we)\s+would\s+like(?:\s+to\s+hear)?|let\s+(?:me|us)\s+hear)\s+)?"
                     rf"(?:an?\s+|the\s+)?(?:metronome(?:\s+click)?|click(?:\s+track)?)(?:\s+(?:on|please))?{_POLITE}", re.I)
_HEAR = re.compile(r"\b(?:hear|have|want|need|add|give|would\s+like)\b[^.?!]*\b(?:a|the)\s+metronome\b", re.I)
#: A click not wanted, or a part said with it ('the hats like a metronome'): no click track added.
_NOT_ADDED = re.compile(r"\b(?:no|not|don'?t|dont|without|never|off|stop|kick|snare|hats?|hi-?hats?|like\s+a)\b", re.I)
_OFF = re.compile(rf"^(?:(?:ok|now|and|so|please)[\s,]+)*(?:(?:turn|switch|shut|take)\s+(?:off\s+)?)?(?:stop|kill|mute|remove|no|lose|drop)?\s*"
                  rf"(?:an?\s+|the\s+)?(?:metronome|click(?:\s+track)?)(?:\s+(?:off|out|away))?{_POLITE}", re.I)
_TWO_STEP = re.compile(rf"^(?:(?:a|the|give\s+me\s+a|play\s+a)\s+)?(?:2|two)[\s-]?step(?:\s+(?:garage|style))?\s+kick(?:\s+pattern)?{_POLITE}|"
                       rf"^(?:the\s+)?kick\s+(?:2|two)[\s-]?step(?:\s+(?:style|pattern))?{_POLITE}", re.I)
_OPEN_HATS = re.compile(r"^(?:the\s+)?(?:hats?|hi-?hats?|hihats?)\s+(?P<way>open(?:ed)?|closed?|shut)(?P<rest>\s+on\s+(?:the\s+)?"
                        r"(?:off[\s-]?beats?|ands?|upbeats?)|\s*,\s*(?:longer|shorter|tighter)|)[\s.!]*$", re.I)


def drum_words(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a metronome, a 2-step kick or open hats said the
    other way round; LanguageError for a click to stop when none plays; else None."""
    text = line.strip()
    lowered = text.lower()
    if not any(word in lowered for word in ("metronome", "click", "step", "open", "close", "shut")):
        return None                                   # (most lines: none of these words — read every line, so cheap)
    if re.search(r"\d", text) and not _TWO_STEP.match(text):
        return None                                   # ('set the metronome to 72': the tempo)
    if _TWO_STEP.match(text):
        return f"{text.rstrip(' .!')}: the garage kick, on 1 and the and of 3", "kick x.........x....."
    opened = _OPEN_HATS.match(text)
    if opened:
        said = f"{'open hats' if opened['way'].lower().startswith('open') else 'close the hats'}{opened['rest']}"
        return f"{text.rstrip(' .!')}: {said}", said
    if not re.search(r"\b(?:metronome|click)\b", text, re.I):
        return None
    tracks = {name: track for name, track in model.tracks.items() if track.pattern.lower() == _CLICK_PATTERN
              and model.modules.get(track.target) == "hat"}
    clicks = [name for name, track in tracks.items() if not track.muted]
    if _OFF.match(text) and not _WANTED.match(text) or re.search(r"\bclick\s+off\b|\bmetronome\s+off\b", text, re.I):
        if len(clicks) != 1:
            raise LanguageError("no click plays here — a metronome is a hat on every beat ('add a metronome'); to stop a "
                                "part, 'mute' it by name", 0)
        return f"{text.rstrip(' .!')}: the click ({clicks[0]}) muted", f"mute {clicks[0]}"
    wanted = _WANTED.match(text) or _HEAR.search(text) and not _NOT_ADDED.search(text)
    if wanted and clicks:
        raise LanguageError(f"a click plays already: the {clicks[0]} track, a hat on every beat ('metronome off' mutes it)", 0)
    if wanted and tracks:
        return f"{text.rstrip(' .!')}: the click ({next(iter(tracks))}) back on", f"unmute {next(iter(tracks))}"
    if wanted:
        return f"{text.rstrip(' .!')}: a metronome, a hat of its own on every beat", \
            f"add a hat and play {_CLICK_PATTERN} on it"
    return None


__all__ = ["drum_words"]
