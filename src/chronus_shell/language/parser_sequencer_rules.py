"""Grammar rules → intents for playing: gates, notes, patterns (named rhythms too) and the sequencer.

One small method per command rule of grammar/chronus.lark; named rhythms ('four on the
floor', 'every other beat') are spelled out into steps here.
"""
from __future__ import annotations

import re

from lark import Token

from . import intents as it
from .errors import LanguageError
from .parser_values import first_of, word_of
from .target_words import SEQUENCER_WORDS


class SequencerRules:
    """Part of the parse-tree Transformer: gates, notes, patterns."""

    def trigger(self, kw, target=None):
        if str(kw).lower() != "trigger" and target is None:
            raise LanguageError(f"{str(kw).lower()} what? name the voice ('{str(kw).lower()} the kick'), or say 'trigger' "
                                "for the one in focus",
                                kw.start_pos)     # 'hit and stop': a band's cue, not the hat in focus
        cue = str(kw).lower() == "hit" and target.texts in (("it",), ("this",), ("that",))
        return it.Gate(target, True, None, kw.start_pos, cue)

    def release(self, kw, target=None):
        if target is not None and target.texts[-1] in ("note", "notes", "it"):   # "let go of the note"
            target = None if len(target.items) == 1 else it.Words(target.items[:-1])
        return it.Gate(target, False, None, kw.start_pos)

    def gate(self, kw, state, target=None):
        if state.type == "GATE":                  # "play a note": the focused voice
            return it.Gate(None, True, None, kw.start_pos)
        return it.Gate(target, state.type == "ON", None, kw.start_pos)

    def trigger_note(self, kw, note, *rest):
        return it.Gate(first_of(rest, it.Words), True, it.Value("note", str(note), note.start_pos), kw.start_pos)

    def play_note(self, kw, *rest):
        notes = [c for c in rest if isinstance(c, Token) and c.type == "NOTE"]
        target = first_of(rest, it.Words)
        if len(notes) > 1:                # "play a2 c3 e3": a note per step
            return it.SetNotes(target, tuple(word_of(n) for n in notes), notes[0].start_pos)
        note = it.Value("note", str(notes[0]), notes[0].start_pos)
        return it.Gate(target, True, note, kw.start_pos)

    def play_number(self, kw, *rest):
        number = next(c for c in rest if isinstance(c, Token) and c.type == "NUMBER")
        unit = next((c for c in rest if isinstance(c, Token) and c.type == "UNIT"), None)
        return it.Gate(first_of(rest, it.Words), True, self.quantity(number, unit), kw.start_pos)

    def play_ref(self, kw, target):
        if str(kw).lower() == "hold" and target.texts in (("it",), ("that",), ("this",), ("up",), ("on",)):
            _hold_what(kw)
        if len(target.items) > 1 and target.texts[-1] in ("again", "back", "in"):   # "play the hats again"
            if target.texts[:-1] in (("it",), ("that",), ("everything",), ("all",)):
                return it.Fixed("/seq/start")                               # "play it again"
            return it.MuteTrack(it.Words(target.items[:-1]), False)
        return it.Gate(target, True, None, kw.start_pos)

    def play_notes_on(self, kw, target, *notes):
        return it.SetNotes(target, tuple(word_of(n) for n in notes), notes[0].start_pos)

    def play_bare(self, kw):
        if str(kw).lower() == "hold":
            _hold_what(kw)
        return it.Fixed("/seq/start")

    def play_pattern(self, kw, *rest):
        steps = [c for c in rest if isinstance(c, Token) and c.type == "PATTERN"]
        return it.PlayPattern(_steps(steps), first_of(rest, it.Words), steps[0].start_pos)

    def pattern_on(self, *children):
        steps = [c for c in children if isinstance(c, Token) and c.type == "PATTERN"]
        return it.PlayPattern(_steps(steps), first_of(children, it.Words), steps[0].start_pos)

    track_pattern = pattern_on

    def named_pattern(self, *children):
        """'four on the floor on the kick', 'play the kick on every beat'."""
        name = next(c for c in children if isinstance(c, Token) and c.type == "PATNAME")
        target = first_of(children, it.Words)
        if target is None and "floor" in str(name).lower():      # "play four on the floor": the kick
            target = it.Words((it.Word("kick", name.start_pos),))
        return it.PlayPattern(pattern_named(str(name)), target, name.start_pos,
                              beats="said" if _BEATS.fullmatch(str(name).strip()) else "every")

    def notes(self, *children):
        steps = [c for c in children if isinstance(c, Token) and c.type in ("NOTE", "REST")]
        if not any(c.type == "NOTE" for c in steps):
            raise LanguageError("notes and rests, but no note: e.g. 'bass notes a2 . c3 .'", steps[0].start_pos)
        notes = tuple(word_of(c) if c.type == "NOTE" else it.Word(".", c.start_pos) for c in steps)
        return it.SetNotes(first_of(children, it.Words), notes, notes[0].column)

    def stop(self, _kw, target=None):
        if target is not None:                    # "stop playing the hats"
            kept = tuple(w for w in target.items if w.text.lower() != "playing")
            target = it.Words(kept) if kept else None
        return it.Stop(target)

    def pause(self, _kw):
        return it.Stop(None)

    def start_seq(self, kw, what=None):
        if what is not None and what.texts[0] in ("to", "into", "towards"):   # "go to night-drive"
            place = " ".join(what.texts[1:]) or "<name>"
            raise LanguageError(f"'{str(kw).lower()} to' what? the sequencer starts with '{str(kw).lower()}' "
                                f"alone; a session opens with 'load {place}'", what.column)
        if what is not None and what.texts[0] in _COMPARATIVE_WORDS:    # "go faster"
            return it.Comparative(what.texts[0], None, None, None, what.column)
        if what is not None and "transaction" in what.texts:          # "start a transaction"
            return it.Fixed("/patch/begin")
        if what is not None and what.texts in (("over",), ("fresh",), ("from", "scratch"), ("afresh",)):
            return it.RemoveModule(it.Words((it.Word("everything", what.column),)), fresh=True)   # "start over"
        kept = tuple(w for w in what.items if w.text.lower() not in _TRANSPORT_FILLER) if what else ()
        if kept and " ".join(w.text.lower() for w in kept) not in SEQUENCER_WORDS:
            return it.MuteTrack(it.Words(kept), False)                  # "start the hats (again)"
        if str(kw).lower() in ("resume", "continue", "unpause"):          # on from where it stopped
            return it.Fixed("/seq/continue")
        return it.Fixed("/seq/start")

    def clear(self, kw, what=None):
        return it.Clear(what, "reset" if str(kw).lower() == "reset" else "clear")


#: Words after start/play that say nothing about what ("start playing", "start it up again").
_TRANSPORT_FILLER = {"playing", "it", "up", "again", "the", "back", "this", "things", "off", "everything"}
def _steps(tokens) -> str:
    """The steps of a typed rhythm, without the spaces and bars ('x..x x..x | x.x.')."""
    return "".join(str(t) for t in tokens).replace(" ", "").replace("\t", "").replace("|", "")


_COMPARATIVE_WORDS = ("faster", "slower", "quicker", "louder", "quieter", "softer", "brighter", "darker")

#: Named rhythms, in 16th steps: "every <length>" hits once per length ("every other" per two).
_STEPS = {"sixteenth": 1, "step": 1, "eighth": 2, "beat": 4, "quarter": 4, "bar": 16}
PATTERN_NAMES = {"four on the floor": "x...x...x...x...", "offbeat": "..x...x...x...x.",
                 "backbeat": "....x.......x...", "two and four": "....x.......x...",
                 "one and three": "x.......x......."}
for _name, _length in _STEPS.items():
    for _other in (1, 2):
        _every = _length * _other
        PATTERN_NAMES[f"every {'other ' if _other == 2 else ''}{_name}"] = "".join(
            "x" if i % _every == 0 else "." for i in range(max(16, _every)))


def pattern_named(text: str) -> str:
    """The steps of a named rhythm ('on the offbeat', 'four on the floor', 'on 2 and 4')."""
    beats = _BEATS.fullmatch(text.strip())
    if beats:                                                            # "on 1", "on beats 1 and 3"
        hits = {_BEAT_NUMBERS[b.lower()] for b in re.findall(r"one|two|three|four|[1-4]", beats.group(1), re.I)}
        return "".join("x" if i % 4 == 0 and i // 4 + 1 in hits else "." for i in range(16))
    words = [{"2": "two", "4": "four", "1": "one", "3": "three"}.get(w, w) for w in text.lower().split()]
    while words and words[0] in ("on", "the"):
        words = words[1:]
    key = " ".join(_ORDINALS.get(w, w) for w in words).replace("off beat", "offbeat")
    key = key.replace("four to the floor", "four on the floor")
    key = re.sub(r"^(offbeat|backbeat)s$", r"\1", key)
    key = re.sub(r"^(eighth|sixteenth|quarter)s$", r"every \1", key)       # "hats on eighths"
    return PATTERN_NAMES[key]


_BEAT_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_BEATS = re.compile(r"(?:on (?:the )?(?:beats? )?|beats? )((?:one|two|three|four|[1-4])(?:(?: ?,| and| &) "
                    r"(?:one|two|three|four|[1-4]))*)", re.I)
_ORDINALS = {"8th": "eighth", "16th": "sixteenth", "4th": "quarter", "8ths": "eighths", "16ths": "sixteenths"}


def _hold_what(kw) -> None:
    """'hold', 'hold it': a band's fermata or a wait, not a note on whatever is in focus nor a start."""
    raise LanguageError("hold what? a note or a chord ('hold a C minor chord', 'hold an A1 on the bass'); to stop "
                        "the music: 'stop at the end of the bar'", kw.start_pos)

