"""Score the musician corpus: each case's phrase, in its starting patch, through the translator.

    python tests/language/corpus_score.py DIR [--show right|wrong|refused] [--persona P]

A case (JSON lines, see tests/language/corpus/README.md) names a starting patch, the phrases
typed just before (`before`), the phrase, and the messages a musician expects. Classes:
- RIGHT: no error and every expected message matched (address exact; numbers within 1 %, or
  ">"/"<" against the value before the phrase (a track's chance or speed too; a ramp's against the value the line set
  first, if it did: 'fade in from nothing' is gain 0, then a ramp up); patterns ignoring spaces and "|"; "*" anything;
  "any_of" alternatives; a pattern's held steps ("-") as rests where the pattern expected holds none (the same
  hits); a chord — `a3+c4+e4` or a gate's several Hz, timed by /at too — by its set of pitch
  classes, since the voicing is the shell's choice; a recording name with or without `.wav`; a session's name as
  the session layer finds it — case, separators and a leading 'the' aside; a last argument the protocol defaults
  left out), every other
  message only wiring, a /mod of a module the phrase created, or the `freq` of a voice whose
  expected `/seq/notes` moved (its oscillator moves with its notes: the same sound), or the level a mute or an (now or timed)
  unmute sets on the drone its track plays (a voice with no envelope) and a start gives back (taking back the silencing
  a stop at the bar had queued), or the silence a fade-in starts from; a stop expected N bars on is the stop 4N beats
  on that the end of an N-bar fade gives; the mute of a part's track when a chord is held on the part (its next
  note would end the chord); or "refuse" expected and the shell refused or asked.
- WRONG: messages produced that are not RIGHT (a refusal expected but something done included).
- REFUSED: an error where messages were expected.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from chronus_shell.engine.catalogue import CATALOGUE
from chronus_shell.engine.scales import pitch_class
from chronus_shell.language import Translator
from chronus_shell.language.errors import LanguageError
from chronus_shell.language.sequencer_model import STYLE_DEFAULTS
from chronus_shell.language.units import is_note, note_name, note_to_hz
from chronus_shell.protocol.message import Message

#: The starting patches of the corpus brief, as raw message lines; the last line sets the focus.
PATCHES = {
    "empty": [],
    "acid": [
        "/patch/create saw1 saw", "/patch/create acid_filter1 acid_filter", "/patch/create adsr1 adsr",
        "/patch/connect saw1 acid_filter1", "/patch/connect acid_filter1 adsr1", "/patch/connect adsr1 master",
        "/patch/create kick1 kick", "/patch/connect kick1 master",
        "/patch/create hat1 hat", "/patch/connect hat1 master",
        "/mod/saw1/freq 55", "/seq/bpm 128",
        "/seq/add bass saw1 x.xX.x.xx.Xx.x.x", "/seq/notes bass a1 a1 c2 a1 e2 a1 g1 a1",
        "/seq/add kick kick1 x...x...x...x...", "/seq/add hats hat1 ..x...x...x...x.",
        "/seq/start", "/mod/acid_filter1/cutoff 500", "/mod/acid_filter1/resonance 0.5",
    ],
    "drums": [
        "/patch/create kick1 kick", "/patch/connect kick1 master",
        "/patch/create snare1 snare", "/patch/connect snare1 master",
        "/patch/create hat1 hat", "/patch/connect hat1 master",
        "/seq/bpm 120", "/seq/add kick kick1 x...x...x...x...", "/seq/add snare snare1 ....x.......x...",
        "/seq/add hats hat1 x.x.x.x.x.x.x.x.", "/seq/start", "/mod/hat1/decay 50",
    ],
    "pad": [
        "/patch/create triangle1 triangle", "/patch/create filter1 filter", "/patch/create reverb1 reverb",
        "/patch/connect triangle1 filter1", "/patch/connect filter1 reverb1", "/patch/connect reverb1 master",
        "/patch/create sine1 sine", "/patch/create delay1 delay",
        "/patch/connect sine1 delay1", "/patch/connect delay1 master",
        "/patch/create lfo1 lfo", "/patch/connect lfo1 filter1.cutoff",
        "/mod/triangle1/freq 220", "/mod/filter1/mode lowpass", "/mod/filter1/cutoff 2000",
        "/mod/sine1/freq 440", "/mod/reverb1/mix 0.25",
    ],
}
WIRING = ("/patch/connect", "/patch/disconnect", "/patch/begin", "/patch/commit")
#: The shell answering (a value, help, a list): no change to the music.
REPLIES = ("/shell/show", "/shell/help", "/shell/list")
#: Bookkeeping the sequencer keeps for the language (a capo's fret), and room for a chord's notes (a voice made to
#: play as many at once): no sound of their own; the notes are checked.
BOOKKEEPING = ("/seq/capo", "/patch/poly")
CLASSES = ("RIGHT", "WRONG", "REFUSED")
#: A last argument the protocol takes by default (docs/protocol.md): said or not, the same message.
DEFAULT_LAST = {"/seq/reverse": 1}
#: Messages whose first argument is a session's name.
SESSION_NAMED = ("/session/load", "/session/save")


@dataclass
class Result:
    case: dict
    verdict: str
    produced: list[Message]
    error: str = ""


def start(patch: str) -> Translator:
    translator = Translator()
    for line in PATCHES[patch]:
        translator.translate(line)
    return translator


def current(translator: Translator, address: str):
    """The value an address holds before the phrase (None when unknown)."""
    model = translator.model
    parts = [p for p in address.split("/") if p]
    if address == "/seq/bpm":
        return model.bpm
    if address == "/seq/swing":
        return model.swing
    if len(parts) == 3 and parts[0] in ("mod", "ramp") and model.spec(parts[1]) is not None:   # a ramp moves from it
        spec = model.spec(parts[1])
        if spec.has_param(parts[2]):
            return model.value(parts[1], spec.param(parts[2]).name)
    return None


def track_style(translator: Translator, address: str, track) -> float | None:
    """A track's transform before the phrase ('/seq/chance hats' → 1.0 unless set); None otherwise."""
    verb = address.removeprefix("/seq/")
    found = translator.model.tracks.get(str(track))
    if verb not in STYLE_DEFAULTS or found is None:
        return None
    return found.style.get(verb, STYLE_DEFAULTS[verb])


def _same_arg(expected, actual, before) -> bool:
    if expected == "*":
        return True
    if expected in (">", "<"):
        if not isinstance(actual, (int, float)) or not isinstance(before, (int, float)):
            return False
        return actual > before if expected == ">" else actual < before
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        if not isinstance(actual, (int, float)):
            return False
        return abs(actual - expected) <= 0.01 * max(abs(expected), 1e-9) or actual == expected
    if isinstance(expected, str) and isinstance(actual, str):
        if "+" in expected or "+" in actual:
            return _chord_classes(expected) == _chord_classes(actual)
        if is_note(expected) and is_note(actual):
            return _same_note(expected, actual)
        squash = str.maketrans("", "", " |")
        if "-" in actual and re.fullmatch(r"[xX. |]+", expected) and re.fullmatch(r"[xX.\- |]+", actual):
            actual = actual.replace("-", ".")                 # a held step is no new hit: the same hits
        if actual.lower().endswith(".wav") and not expected.lower().endswith(".wav"):
            actual = actual[:-4]                          # a take named 'jam1' is written as jam1.wav
        return expected.lower().translate(squash) == actual.lower().translate(squash)
    return False


def _same_note(expected: str, actual: str) -> bool:
    """bb1 is a#1 (the same key); a note without an octave by its name."""
    try:
        return abs(note_to_hz(expected) - note_to_hz(actual)) < 0.01
    except ValueError:
        return note_name(expected) == note_name(actual)


def _chord_classes(token: str) -> frozenset | None:
    """'a3+c4+e4' → {9, 0, 4}; None when a part is not a note."""
    parts = token.lower().split("+")
    if not all(is_note(p) for p in parts):
        return None
    return frozenset(pitch_class(note_name(p).rstrip("-0123456789")) for p in parts)


def _hz_classes(values) -> frozenset | None:
    if not all(isinstance(v, (int, float)) and v > 0 for v in values):
        return None
    return frozenset((round(12 * math.log2(v / 440.0)) + 9) % 12 for v in values)   # C = 0


def _matches(expected: list, message: Message, before) -> bool:
    address, *args = expected
    if address == message.address == "/seq/notes":       # '-' holds a step's chord: not a new note
        args, message = [a for a in args if a != "-"], Message(address, tuple(a for a in message.args if a != "-"))
    if address != message.address:
        return False
    actual = list(message.args)
    if address == "/at" and args[1:] == [("bar"), "/seq/stop"] and actual[1:] == ["beat", "/seq/stop"] and \
            isinstance(args[0], (int, float)) and float(actual[0]) == 4 * float(args[0]):
        return True                                       # a stop when a fade of N bars has ended: 4N beats on
    if address == "/at" and len(args) > 5 and len(actual) > 5 and str(args[2]).startswith("/gate/"):   # a timed chord
        return _matches(args[2:], Message(str(actual[2]), tuple(actual[3:])), before) and \
            all(_same_arg(e, a, before) for e, a in zip(args[:2], actual[:2]))
    if address.startswith("/gate/") and len(args) > 2 and len(actual) > 2:
        return _same_arg(args[0], actual[0], before) and _hz_classes(args[1:]) == _hz_classes(actual[1:])
    if actual and actual[-1] == "now" and len(actual) == len(args) + 1:
        actual = actual[:-1]                              # "/seq/add … now": the same track
    if address == "/seq/swing" and len(actual) == len(args) + 1 == 2 and actual[-1] in (8, 16):
        actual = actual[:-1]                              # the note value swung: the one the tracks play
    if address.startswith("/ramp/") and len(actual) + 1 == len(args) == 3 and args[-1] == "*":
        args = args[:-1]                                  # a ramp's curve is optional (docs/protocol.md): 'any' is none too
    if address in DEFAULT_LAST and len(actual) + 1 == len(args) and args[-1] == DEFAULT_LAST[address]:
        actual = actual + [args[-1]]                      # '/seq/reverse snare' is '/seq/reverse snare 1'
    if address in SESSION_NAMED and len(actual) >= 1 and len(args) >= 1 and isinstance(args[0], str):
        if _session_name(str(actual[0])) != _session_name(args[0]):
            return False                                  # the session layer finds a name said another way
        args, actual = args[1:], actual[1:]
    if len(actual) != len(args):
        return False
    return all(_same_arg(e, a, before) for e, a in zip(args, actual))


def _session_name(name: str) -> str:
    """A session's name as the session layer finds it (session/snapshot.py `_saved_as`): case, the
    separators (space, '_', '-', '.') and a leading 'the'/'my'/'our' aside."""
    said = re.sub(r"[\s_.-]+", "_", name.strip().lower())
    return re.sub(r"^(?:the|my|our)_", "", said)


def judge(expected: list[list], produced: list[Message], befores: dict, is_undo: bool,
          voices: dict[str, str] | None = None, rhythms: dict[str, str] | None = None) -> bool:
    """Every expected message matched once; everything else only wiring, a new module's setting, the
    pitch of a voice whose notes were expected to move (`voices`: track → the voice it plays), or a track's
    rhythm written again as it was, repeated (`rhythms`: track → pattern; notes are per step, so new notes
    a hit each of a rhythm may need it longer)."""
    left = list(range(len(produced)))
    moved = {(voices or {}).get(str(m[1])) for m in expected if m[0] == "/seq/notes" and len(m) > 1}
    if any(m[0] == "/seq/notes" and len(m) > 1 and m[1] == "*" for m in expected):     # any track: the ones given notes
        moved |= {(voices or {}).get(str(p.args[0])) for p in produced if p.address == "/seq/notes" and p.args}
    for wanted in expected:
        if wanted[0] == "/shell/undo":
            if not is_undo:
                return False
            left = []
            continue
        before = befores.get((wanted[0], wanted[1]) if len(wanted) > 1 else wanted[0], befores.get(wanted[0]))
        hit = next((i for i in left if _matches(wanted, produced[i], before)), None)
        if hit is None:
            return False
        left.remove(hit)
    created = {m.args[0] for m in produced if m.address == "/patch/create"}
    stopped = any(m.address == "/seq/stop" or m.address == "/at" and len(m.args) > 2 and str(m.args[2]) == "/seq/stop"
                  for m in produced)
    started = any(m.address == "/seq/start" for m in produced)
    mutes = [_inner(m) for m in produced if _inner(m).address == "/seq/mute"]      # now or timed ('/at 2 bar …')
    muted = {(voices or {}).get(str(m.args[0])) for m in mutes if len(m.args) > 1 and str(m.args[1]) not in ("0", "0.0")}
    unmuted = {(voices or {}).get(str(m.args[0])) for m in mutes if len(m.args) > 1 and str(m.args[1]) in ("0", "0.0")}
    muted_for_a_while = {(voices or {}).get(str(m.args[0])) for m in produced if m.address == "/seq/mute" and len(m.args) > 2} - {None}
    faded = {float(m.args[1]) for m in produced if m.address == "/ramp/master/gain" and len(m.args) > 1
             and float(m.args[0]) <= -60}
    for i in left:
        message = produced[i]
        if message.address in WIRING or message.address in REPLIES or message.address in BOOKKEEPING:
            continue
        if _stop_after(message, faded):
            continue                               # a stop once the music has faded to nothing: nothing more is heard
        if stopped and _silenced(message):
            continue                               # a stop silences the drones the transport does not (docs/commands.md)
        if started and message.address == "/at/cancel" and _silenced(Message(str(message.args[0]), tuple(message.args[1:]))):
            continue                               # a start takes back the silencing a stop at the bar still had queued
        if started and message.address.startswith("/mod/") and message.parts[2] == "gain" and \
                (message.parts[1] in set((voices or {}).values()) or _a_source(message.parts[1])):
            continue                               # and a start gives the drones a stop silenced their level back
        if _silenced(message) and _inner(message).parts[1] in muted:
            continue                               # so does a mute the drone its track plays (docs/commands.md)
        if message.address.startswith("/mod/") and message.parts[1] in unmuted and message.parts[2] == "gain":
            continue                               # and an unmute gives that drone its level back
        if _back_with(message) in muted_for_a_while:
            continue                               # ... and, muted for a while, its level comes back with the track
        if message.address == "/seq/mute" and message.args[1:] == (1,) and \
                f"/gate/{(voices or {}).get(str(message.args[0]))}" in {m.address for m in produced if m.args[:1] == (1,)}:
            continue                               # a chord held on a part: its track muted, or its next note ends it
        if _fade_in_start(message, produced):
            continue                               # a fade-in starts from silence: the ramp expected goes up from there
        if message.address.startswith("/mod/") and message.parts[1] in created:
            continue
        if message.address.startswith("/mod/") and message.parts[1] in moved and message.parts[2] == "freq":
            continue                               # a transposed voice's oscillator moves with its notes
        if _same_rhythm(message, voices or {}, rhythms or {}):
            continue
        return False
    return True


def _fade_in_start(message: Message, produced: list[Message]) -> bool:
    """'/mod/triangle1/gain 0' (the master at −60 dB or under) just before a '/ramp/triangle1/gain' up: where it fades in from."""
    if not (message.address.startswith("/mod/") and message.address.endswith("/gain") and message.args):
        return False
    silent = float(message.args[0]) <= (-60 if message.parts[1] == "master" else 0)
    ramp = "/ramp/" + message.address.removeprefix("/mod/")
    return silent and any(m.address == ramp and m.args and float(m.args[0]) > float(message.args[0])
                          for m in produced[produced.index(message) + 1:])


def _a_source(module_id: str) -> bool:
    """An oscillator of the catalogue ('triangle1'): a drone when nothing gates it."""
    kind = CATALOGUE.get(module_id.rstrip("0123456789"))
    return kind is not None and kind.spec.role == "source"


def _inner(message: Message) -> Message:
    """The message an '/at' carries ('/at 2 bar /mod/triangle1/gain 0' → '/mod/triangle1/gain 0'), else the message."""
    args = message.args
    return Message(str(args[2]), tuple(args[3:])) if message.address == "/at" and len(args) > 2 else message


def _stop_after(message: Message, faded: set[float]) -> bool:
    """'/at 32 beat /seq/stop' when the master fades out over those 32 beats ('end it, fade out 8 bars')."""
    args = list(message.args)
    return message.address == "/at" and len(args) == 3 and args[1] == "beat" and str(args[2]) == "/seq/stop" \
        and float(args[0]) in faded


def _same_rhythm(message: Message, voices: dict, rhythms: dict) -> bool:
    if message.address != "/seq/add" or len(message.args) < 3 or str(message.args[0]) not in rhythms:
        return False
    track, target, pattern = (str(a) for a in message.args[:3])
    return voices.get(track) == target and _cycle(pattern) == _cycle(rhythms[track])


def _cycle(pattern: str) -> str:
    return next(pattern[:n] for n in range(1, len(pattern) + 1)
                if len(pattern) % n == 0 and pattern[:n] * (len(pattern) // n) == pattern)


def _back_with(message: Message) -> str | None:
    """The voice whose level a timed line sets again later ('/at 9 beat /mod/sine1/gain 0.5'), else None."""
    inner = str(message.args[2]) if message.address == "/at" and len(message.args) == 4 else ""
    return inner.split("/")[2] if inner.startswith("/mod/") and inner.endswith("/gain") else None


def _silenced(message: Message) -> bool:
    """A level set to nothing, now or at a time ('/at 1 bar /mod/sine1/gain 0')."""
    address, args = message.address, list(message.args)
    if address == "/at" and len(args) > 3:
        address, args = str(args[2]), args[3:]
    return address.startswith("/mod/") and address.endswith("/gain") and args == [0.0]


def prepared(case: dict) -> Translator:
    """The case's starting patch, then the phrases typed before (a refused one changes nothing)."""
    translator = start(case["patch"])
    for line in case.get("before", []):
        try:
            translator.translate(line)
        except LanguageError:
            pass
    return translator


def score_case(case: dict) -> Result:
    translator = prepared(case)
    expect = case["expect"]
    alternatives = expect["any_of"] if isinstance(expect, dict) else [expect]
    addresses = {m[0] for alt in alternatives if alt != "refuse" for m in alt}
    befores = {a: current(translator, a) for a in addresses}
    for alt in alternatives:
        for m in alt if alt != "refuse" else ():
            if len(m) > 1 and track_style(translator, m[0], m[1]) is not None:
                befores[(m[0], m[1])] = track_style(translator, m[0], m[1])
    voices = {name: track.target for name, track in translator.model.tracks.items()}
    rhythms = {name: track.pattern for name, track in translator.model.tracks.items()}
    phrase = case["phrase"]
    try:
        produced = translator.translate(phrase)
    except LanguageError as err:
        return Result(case, "RIGHT" if "refuse" in alternatives else "REFUSED", [], str(err))
    except Exception as err:                       # a bug is a wrong answer, not a crash of the scorer
        return Result(case, "WRONG", [], f"internal error {type(err).__name__}: {err}")
    if not produced:
        return Result(case, "RIGHT" if "refuse" in alternatives else "REFUSED", [], "(nothing)")
    if all(m.address.startswith("/shell/") and m.address != "/shell/undo" for m in produced) and \
            "refuse" in alternatives and not any(m.address == "/shell/clear" for m in produced):
        return Result(case, "RIGHT", produced)     # the shell answered (a question) and changed nothing
    undos = max((sum(m[0] == "/shell/undo" for m in alt) for alt in alternatives if alt != "refuse"), default=0)
    is_undo = bool(undos) and produced == _undo_of(case, undos)
    for at, message in enumerate(produced):        # a ramp moves from where the line put it first ('fade in from
        start = [m for m in produced[:at] if message.address.startswith("/ramp/")   # nothing': gain 0, then up)
                 and m.address == "/mod/" + message.address.removeprefix("/ramp/") and m.args]
        if start:
            befores[message.address] = start[-1].args[0]
    for message in produced:                       # a module the phrase created starts at its defaults
        if message.address == "/patch/create":
            spec = CATALOGUE[str(message.args[1])].spec if str(message.args[1]) in CATALOGUE else None
            for param in spec.params if spec else ():
                if befores.get(f"/mod/{message.args[0]}/{param.name}") is None:
                    befores[f"/mod/{message.args[0]}/{param.name}"] = param.default
    for alternative in alternatives:
        if alternative != "refuse" and judge(alternative, produced, befores, is_undo, voices, rhythms):
            return Result(case, "RIGHT", produced)
    return Result(case, "WRONG", produced)


def _undo_of(case: dict, times: int) -> list[Message] | None:
    """What plain 'undo's send after the case's set-up (to recognise an undo however phrased)."""
    translator, sent = prepared(case), []
    try:
        for _ in range(times):
            sent += translator.translate("undo")
    except LanguageError:
        return sent or None
    return sent


def load_cases(directory: Path) -> list[dict]:
    cases = []
    for path in sorted(directory.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    cases.append(json.loads(line))
                except json.JSONDecodeError as err:
                    print(f"{path.name}:{number}: skipped, not JSON ({err})", file=sys.stderr)
    return [c for c in cases if c.get("patch") in PATCHES and "phrase" in c and "expect" in c]


def score(directory: Path) -> list[Result]:
    return [score_case(case) for case in load_cases(directory)]


def totals(results: list[Result]) -> dict[str, float]:
    counts = Counter(r.verdict for r in results)
    n = max(len(results), 1)
    return {verdict: 100.0 * counts[verdict] / n for verdict in CLASSES}


def report(results: list[Result], show: str = "WRONG", persona: str | None = None) -> str:
    by_persona: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        by_persona[result.case.get("persona", "?")].append(result)
    lines = [f"{'persona':<12} {'cases':>5} {'right':>7} {'wrong':>7} {'refused':>8}"]
    for name, group in sorted(by_persona.items()) + [("TOTAL", results)]:
        t = totals(group)
        lines.append(f"{name:<12} {len(group):>5} {t['RIGHT']:>6.1f}% {t['WRONG']:>6.1f}% {t['REFUSED']:>7.1f}%")
    shown = [r for r in results if r.verdict == show and (persona is None or r.case.get("persona") == persona)]
    lines.append(f"\n{show} ({len(shown)}):")
    for r in shown:
        got = "; ".join(str(m) for m in r.produced) or r.error
        lines.append(f"  {r.case.get('id')} [{r.case['patch']}] {r.case.get('before', [])} {r.case['phrase']!r}"
                     f"\n      expected {json.dumps(r.case['expect'])}\n      got      {got}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--show", default="wrong", choices=("right", "wrong", "refused"))
    parser.add_argument("--persona")
    args = parser.parse_args(argv)
    print(report(score(args.directory), args.show.upper(), args.persona))
    return 0


if __name__ == "__main__":
    sys.exit(main())
