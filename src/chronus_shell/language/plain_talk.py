"""Lines that talk to the shell rather than play: a recording asked to be played back, a beginner's
'how do I make music', a question about a word ('what does cutoff mean'). The grammar would take some
for commands ('play it back' gates a note, 'how do i make music' is help on 'make'): they are read
here first, each answered by one line with the nearest working phrasing, or said as the help it asks (a line
that takes itself back at its end is remarks.taken_back's)."""
from __future__ import annotations

import re

from ..engine.catalogue import specs
from .errors import LanguageError
from .parser_harmony_changes import singers_range

#: The first steps, for a beginner who asks how to start.
FIRST_STEPS = ("start with a beat and a sound, a line at a time: 'four on the floor' (a kick), 'snare on 2 and 4', "
               "'add a saw at 110 hz', 'play c e g on the saw', then 'start' ('help' lists the areas)")

_PLAYBACK = re.compile(
    r"^(?:(?:can|could|would)\s+(?:you|i|we)\s+|please\s+|let\s+(?:me|us)\s+|let'?s\s+|now\s+|ok\s+|and\s+)*"
    r"(?:play\s*back|play\s+(?:it|that|this|them|the\s+(?:recording|take|record|file|wav|last\s+take)|my\s+(?:recording|take)|"
    r"what\s+(?:i|we)\s+(?:recorded|did|made))\s+back|play\s+(?:the|my|that)\s+(?:last\s+)?(?:recording|take|wav|file)|"
    r"(?:listen|hear)\s+(?:to\s+)?(?:it|that|this|the\s+(?:recording|take|result)|my\s+(?:recording|take)|what\s+(?:i|we)\s+(?:recorded|did|made))"
    r"(?:\s+(?:back|again|now))?)\b[\s\w,!?.]*$", re.I)
_GREETING = r"(?:(?:so|ok|um+|hi|hello|hey|right|well)[\s,.!]+)*"
_HOW_DO_I = r"how\s+(?:do|can|should|would)\s+(?:i|we|you|one)\s+|where\s+do\s+(?:i|we)\s+|help\s+me\s+"
_HOW_TO_START = re.compile(
    rf"^{_GREETING}(?:{_HOW_DO_I}|"
    r"what\s+(?:do|should)\s+(?:i|we)\s+do\s*(?:first|now)?\s*$)"
    r"(?:(?:start|begin|get\s+started)(?:\s+(?:making\s+music|with\s+this|here|out))?|(?:make|create|write|play|produce)\s+(?:some\s+|a\s+|my\s+first\s+)?"
    r"(?:music|a\s+song|song|a\s+tune|tune|sounds?|a\s+track|track|beats?|something|stuff|noise)\b.*|"
    r"(?:make|get)\s+(?:it|this|them|the\s+\w+|something|anything|music|sound)\s+(?:to\s+)?(?:play|go|start|sound|run)\b.*|"
    r"hear\s+(?:it|this|something|anything|them|the\s+\w+)\b.*)?[\s?!.]*$", re.I)
#: 'how do I open the lesson again next week', 'how can I keep this for tomorrow': the sessions.
_HOW_TO_KEEP = re.compile(
    rf"^{_GREETING}(?:{_HOW_DO_I})(?:open|load|reopen|resume|continue|get\s+back|come\s+back\s+to|find|keep|save|store|"
    r"pick\s+up)\b.*\b(?:again|later|tomorrow|next\s+\w+|lesson|song|session|piece|work|this|it|tune|track|project)\b[\s\w]*[?!.]*$", re.I)
#: 'what does cutoff mean', 'what's resonance do', 'explain the cutoff': help on that word.
_MEANING = re.compile(r"^(?:what(?:\s+(?:does|do|is)|'s|s)\s+(?:an?\s+|the\s+)?(?P<a>[\w\s-]+?)\s+(?:mean|do|for)|"
                      r"what\s+(?:does|do)\s+(?:an?\s+|the\s+)?(?P<b>[\w-]+)\s+(?:mean|do)|"
                      r"(?:explain|define)\s+(?:an?\s+|the\s+|what\s+)?(?P<c>[\w\s-]+?)(?:\s+(?:is|means|does))?|"
                      r"what(?:\s+is|'s)\s+an?\s+(?P<d>[\w-]+))\s*[?!.]*$", re.I)
#: 'what is cutoff?' with nothing in the patch that has one: what the word means, not its value.
_WHAT_IS = re.compile(r"^what(?:\s+is|'s)\s+(?P<word>[a-z]+(?:[\s_][a-z]+)?)\s*\??$", re.I)
#: 'the choir finds it too high, …', 'the bride says it's too loud': the complaint, whoever makes it.
_REPORTED = re.compile(r"^(?:the\s+|my\s+|our\s+|your\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:says|said|finds|found|thinks|thought|feels|felt|"
                       r"reckons|complains|complained|tells\s+me)\s+(?:that\s+)?(?:it'?s|it\s+is|it\s+was|it|this\s+is|this|"
                       r"that'?s|that\s+is|that)\s+(?=(?:a\s+bit\s+|a\s+little\s+|way\s+|much\s+|slightly\s+|still\s+)?(?:too|not)\b)", re.I)
#: 'what is muted', 'is the kick muted?': the tracks table says which are.
_MUTED = re.compile(r"^(?:what(?:'s|\s+is|\s+are)|which\s+(?:tracks?|parts?|ones?)\s+(?:is|are)|(?:is|are)\s+(?:the\s+)?[\w-]+"
                    r"(?:\s+[\w-]+)?)\s+(?:still\s+)?muted\s*\??$", re.I)
#: 'tune to 432', 'a = 415', 'retune everything to 442 hz': a concert pitch (the reference A), not one sound's pitch.
_CONCERT_PITCH = re.compile(
    r"^(?:(?:re)?tune|tuning|(?:concert|reference|baroque)\s+pitch)\s+(?:(?:everything|it\s+all|all|the\s+whole\s+\w+|us)\s+)?"
    r"(?:(?:up|down)\s+)?(?:to\s+|at\s+|of\s+)?(?:a\s*4?\s*=?\s*)?4[0-6]\d(?:\.\d+)?\s*(?:hz|hertz)?\b|"
    r"^a\s*4?\s*=\s*4[0-6]\d|"
    r"^(?:(?:re)?tune)\s+(?:the\s+|my\s+)?[\w-]+\s+to\s+a\s*4?\s*=?\s*(?!440\b)4[0-6]\d\b|"    # 'Tune the organ to A 442'
    r"^(?:(?:re)?tune)\s+(?:the\s+|my\s+)?[\w-]+\s+to\s+(?!440\b)4(?:1[5-9]|[23]\d|4[0-6])(?:\s+please)?\s*[.!]*$", re.I)
#     ('tune the guembri to 432 please': 432 with no unit is the A a band tunes to; '… to 432 hz' is its pitch)

_QUICK = re.compile(r"\b(?:play|listen|hear|how|where|what|explain|define|says|said|finds|found|thinks|thought|feels|felt|"
                    r"reckons|complain\w*|tells|muted|(?:re)?tun\w*|pitch|a\s*4?\s*=)", re.I)


def talk(line: str, model) -> str | None:
    """The line as the shell's help when it asks what a word means, or as the complaint someone made
    ('the choir finds it too high' → 'it is too high'); None when it is no such talk.
    Raises LanguageError (with the nearest working phrasing) for a playback or a how-to-start."""
    text = line.strip().replace("’", "'")
    if not _QUICK.search(text):
        return None
    reported = _REPORTED.match(text)
    if reported and singers_range(" ".join(text.lower().rstrip(".!?").split()), line):   # a singer's: the key moves
        reported = None
    if reported:
        return "it is " + text[reported.end():]
    if _CONCERT_PITCH.match(text):
        raise LanguageError("the notes are tuned to A = 440 Hz, and that reference can't change — to tune one sound say "
                            "'tune the triangle to 432 hz' (its pitch in Hz)", 0)
    if _MUTED.match(text):
        return "list tracks"                          # (the tracks table shows which parts are muted)
    if _PLAYBACK.match(text):
        raise LanguageError("I can't play a recording back: 'stop recording' names the .wav file it wrote (in the "
                            "folder the shell started in) — open it in any audio player; 'record' starts another take", 0)
    if _HOW_TO_START.match(text):
        raise LanguageError(FIRST_STEPS, 0)
    if _HOW_TO_KEEP.match(text):
        raise LanguageError("'save session as lesson one' keeps everything (the sounds, the parts, the tempo); next time "
                            "'load session lesson one' brings it back — 'list sessions' shows the saved ones", 0)
    meaning = _MEANING.match(text)
    if meaning:
        word = next(g for g in meaning.groups() if g)
        return f"help {word.strip()}"
    what = _WHAT_IS.match(text)
    name = what.group("word").lower().replace(" ", "_") if what else ""
    if name and any(s.has_param(name) for s in specs()) and \
            not any(model.spec(m).has_param(name) for m in model.modules):
        return f"help {name}"
    return None


__all__ = ["FIRST_STEPS", "talk"]
