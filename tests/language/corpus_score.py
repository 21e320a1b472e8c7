"""Score the musician corpus: each case's phrase, in its starting patch, through the translator.

    python tests/language/corpus_score.py DIR [--show right|wrong|refused] [--persona P]

A case (JSON lines, see tests/language/corpus/README.md) names a starting patch, the phrases
typed just before (`before`), the phrase, and the messages a musician expects. Classes:
- RIGHT: no error and every expected message matched (address exact; numbers within 1 %, or
  ">"/"<" against the value before the phrase (a track's chance or speed too; a ramp's against the value the line set
  first, if it did: 'fade in from nothing' is gain 0, then a ramp up); patterns ignoring spaces and "|"; a track's notes
  and the same list gone round whole (the sequencer cycles them); "*" anything — a missing optional last argument too;
  "any_of" alternatives; a pattern's held steps ("-") as rests where the pattern expected holds none (the same
  hits); a chord — `a3+c4+e4` or a gate's several Hz, timed by /at too — by its set of pitch
  classes, since the voicing is the shell's choice; a recording name with or without `.wav`; a session's name as
  the session layer finds it — case, separators and a leading 'the' aside (loading, a 'session' after it too); a last argument the protocol defaults
  left out), every other
  message only wiring, a /mod of a module the phrase created, or the `freq` of a voice whose
  expected `/seq/notes` moved (its oscillator moves with its notes: the same sound), or the level a mute or an (now or timed)
  unmute sets on the drone its track plays (a voice with no envelope) and a start gives back (taking back the silencing
  a stop at the bar had queued), or the silence a fade-in starts from; a stop expected N bars on is the stop 4N beats
  on that the end of an N-bar fade gives; the mute of a part's track when a chord is held on the part (its next
  note would end the chord); the notes of a track whose new rhythm was expected, a note on each new hit and a
  rest elsewhere (its notes were a hit each: the old steps' rests would silence the moved hits); or "refuse"
  expected and the shell refused or asked.
- WRONG: messages produced that are not RIGHT (a refusal expected but something done included).
- REFUSED: an error where messages were expected.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from chronus_shell.engine.catalogue import CATALOGUE
from chronus_shell.language import Translator
from chronus_shell.language.errors import LanguageError
from chronus_shell.language.sequencer_model import STYLE_DEFAULTS
from chronus_shell.protocol.message import Message

try:                                             # (imported from the package by the tests, run as a script by hand)
    from .corpus_judge import judge
except ImportError:
    from corpus_judge import judge

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
CLASSES = ("RIGHT", "WRONG", "REFUSED")


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
