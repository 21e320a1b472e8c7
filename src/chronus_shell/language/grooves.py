"""Grooves known by name — a whole kit's rhythm in a word ('a waltz, please', 'rhythm maqsum', 'one drop
riddim', 'straight rock beat') — and additive meters ('7/8, 2+2+3', 'kick 3+3+2').

A groove plays its parts on the kit's kick, snare and hats (a part the patch lacks is added, as typing its
pattern adds it). Parts said after the name are the groove as the musician plays it ('waltz time: kick on
1, snare on 2 and 3'): they replace the table, and the name gives their bar (a waltz's is three beats).
Anything else beside the name must be chatter, or the line is left to the grammar.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .asides import without_purpose
from .bar_fit import in_bar, past_the_bar
from .errors import LanguageError
from .type_words import type_named


@dataclass(frozen=True)
class Groove:
    """One bar of each part, in 16th steps (a waltz's bar is 12)."""

    kick: str = ""
    snare: str = ""
    hats: str = ""

    @property
    def steps(self) -> int:
        return max(len(p) for p in (self.kick, self.snare, self.hats))

    @property
    def parts(self) -> dict[str, str]:
        return {role: steps for role, steps in (("kick", self.kick), ("snare", self.snare), ("hats", self.hats)) if steps}


_ROCK = Groove("x.......x.......", "....x.......x...", "x.x.x.x.x.x.x.x.")
#: Each groove once; the doum of the Arab iqa'at is the kick, the tek the snare.
GROOVES = {
    "waltz": Groove("x...........", "....x...x...", "x.x.x.x.x.x."),
    "rock": _ROCK,
    "8 beat": _ROCK,
    "16 beat": Groove(hats="xxxxxxxxxxxxxxxx"),
    "train beat": Groove("x.......x.......", "x.x.x.x.x.x.x.x."),
    "one drop": Groove("........x.......", "........x......."),
    "rockers": Groove("x.......x.......", "........x......."),
    "bossa nova": Groove("x.....x.x.....x.", "x..x..x...x..x..", "xxxxxxxxxxxxxxxx"),
    "dembow": Groove("x...x...x...x...", "...x..x....x..x."),
    "maqsum": Groove("x.......x.......", "..x...x.....x..."),
    "baladi": Groove("x.x.....x.......", "......x.....x..."),
    "saidi": Groove("x.....x.x.......", "..x.........x..."),
    "malfuf": Groove("x.......", "...x..x."),
    "jig": Groove("x.....x.....", "." * 12, "x.x.x.x.x.x."),             # 6/8: two dotted quarters
    "slip jig": Groove("x.....x.....x.....", "." * 18, "x.x.x.x.x.x.x.x.x."),   # 9/8: three
    "reel": Groove("x.......x.......", hats="x.x.x.x.x.x.x.x."),           # 4/4 felt in two, straight eighths
    "polka": Groove("x...x...", "..x...x.", "x.x.x.x."),                   # 2/4: oom-pah
    "2/4": Groove("x.......", "....x...", "x.x.x.x."),                     # a march's two beats
    "6/8": Groove("x.....x.....", "." * 12, "x.x.x.x.x.x."),               # two dotted quarters, eighths between
}
#: Other names for them ('bossa' alone, 'reggaeton', 'eight beat'). A genre's beat ('a trap beat') is
#: not one: too many beats go by that name to guess one.
_ALIASES = {"bossa": "bossa nova", "reggaeton": "dembow", "valse": "waltz", "valse musette": "waltz", "vals": "waltz",
            "walzer": "waltz", "eight beat": "8 beat", "8-beat": "8 beat", "sixteen beat": "16 beat", "16-beat": "16 beat",
            "maksum": "maqsum", "masmoudi saghir": "baladi", "sa'idi": "saidi", "3/4": "waltz", "three four": "waltz",
            "basic rock": "rock", "straight rock": "rock", "double jig": "jig", "slipjig": "slip jig", "slip-jig": "slip jig",
            "two four": "2/4", "six eight": "6/8"}
#: Names that are grooves only beside a word saying so ('a rock beat', not 'rock the filter').
_NEEDS_NOUN = {"rock", "3/4", "three four", "basic rock", "straight rock", "reggaeton", "2/4", "two four", "6/8", "six eight"}
_METERS = {"2/4", "two four", "6/8", "six eight"}
#: Grooves counted in dotted quarters (a beat of three eighths).
_COMPOUND = {"jig", "slip jig", "6/8"}
_NOUN = r"(?:beat|groove|rhythm|riddim|time|feel|pattern|style|drums?)"
_NAMES = sorted(list(GROOVES) + list(_ALIASES), key=len, reverse=True)
_NAME = re.compile(r"(?<![\w/])(?:(?:rhythm|riddim|iqa'?a?)\s+)?(?P<name>" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _NAMES)
                   + rf")(?![\w/])(?P<noun>(?:\s+{_NOUN})*)", re.I)
#: What may stand beside a groove's name and say nothing more ('yalla, rhythm maqsum please', 'I should like a waltz').
_CHATTER = set("""i i'd should would like love want wanna a an the some please pls give gimme me us play put on in for now
yalla ok okay let's lets have can could you we just do drums drum kit rhythm beat groove riddim time feel pattern style
with nice good classic old typical standard basic simple straight proper and then start go make it this that bit of
turkish arabic egyptian brazilian jamaican latin old-school oldschool proper little one new too also big grand small gentle
aksak kopanitsa rachenitsa ruchenitsa gankino lesnoto daychovo kalamatianos paidushko balkan bulgarian macedonian greek
odd meter bulgar bulgarish freylekhs tresillo grouping groups group""".split())
#: A groove named by no name, its parts after it ('gimme a groove, kick on 1 and 3', 'new beat: kick x…, bpm 80').
_LABEL = re.compile(r"^(?P<label>(?:[\w']+\s+){0,4}(?:groove|beat|rhythm|pattern|drums|kit))\s*[:,-]\s*(?P<parts>.+)$", re.I)
#: A tempo said with its feel ('tempo 140 half time', '140 bpm half-time').
_TEMPO_FEEL = re.compile(r"(?:(?:tempo|bpm)\s+)?(?P<bpm>\d{2,3})(?:\s*bpm)?\s+(?P<feel>half|double)[- ]?time(?:\s+feel)?", re.I)
#: A part's rhythm in a groove's bar or an eighths meter's ('hats every eighth in the 7', '… of the jig').
_WITHIN = re.compile(r"^(?P<parts>.+?)\s+(?:of|in|for)\s+the\s+(?P<name>" + "|".join(
    re.escape(n) for n in _NAMES if GROOVES.get(_ALIASES.get(n, n), _ROCK).steps != 16) + r"|[5-9]|1[0-5])$", re.I)
#: A tempo after a groove's name: 'at 180', ', 120', '160 bpm', 'tempo 126' (40–300).
_AT_TEMPO = re.compile(r"(?:\s*,\s*|\s+at\s+|\s+(?:tempo|bpm)\s+|\s+)(?P<bpm>[4-9]\d|[12]\d\d|300)(?:\s*bpm)?(?=\s*(?:[,.!;]|$))",
                       re.I)
#: The tempo said as the groove's ('waltz tempo 90', 'polka bpm 120'): the name is an adjective.
_TEMPO_OF = re.compile(r"\s+(?:tempo|bpm)\s+(?P<bpm>\d{2,3})(?:\s*bpm)?[\s.!]*", re.I)
_SPEED_WORD = re.compile(r",?\s*\b(?:fast|slow|quick|brisk|lively|moderate|steady)\b", re.I)
#: 'make it feel like a waltz': a likeness of the whole piece, not the kit's rhythm.
_LIKENESS = re.compile(r"\b(?:feel|feels|sound|sounds|more|bit|kind\s+of|sort\s+of)\s+like\s+(?:an?\s+|the\s+)?$", re.I)
_ADDITIVE = re.compile(r"(?<![\w+./-])(?P<groups>[1-9](?:\s*\+\s*[1-9]){1,7})(?![\w+./])")
_METER = re.compile(r"(?<![\w/])(?P<top>[2-9]|1[0-5])\s*/\s*8(?![\w/])")
#: Groups said with spaces after a meter ('kopanitsa 11/8 on the kick: 2 2 3 2 2'), summing to it.
_SPACED = re.compile(r"(?<![\w+./-])(?P<groups>[2-4](?:\s+[2-4]){2,7})(?![\w+./])")
#: Groups said with spaces or dashes and no meter ('the 3 3 2 on the kick', 'now 3-2-2'): three or more.
_GROUPS = re.compile(r"(?<![\w+./-])(?P<groups>[2-4](?:(?:\s+|\s*-\s*)[2-4]){2,7})(?![\w+./-])")
#: Which group comes first, said before the groups ('the 7/8 with 3 first: 3+2+2').
_FIRST = re.compile(r"\bwith\s+(?:the\s+)?[2-4]\s+first\b", re.I)


_COMMON_TIME = re.compile(r"(?:(?:go\s+)?back\s+(?:to|in)\s+)?(?:4\s*/\s*4|four[\s-]four|common\s+time)(?:\s+(?:time|again|please))*"
                          r"[\s.!]*", re.I)


def groove_line(translator, line: str):
    """The messages of a line that asks for a groove by name or an additive meter, or None (not such a
    line: the grammar reads it)."""
    text = line.strip()
    if text.startswith("/") or translator._nested:
        return None
    odd = sorted({len(t.pattern) for t in translator.model.tracks.values() if _drum_track(translator.model, t)} - {16})
    if odd and _COMMON_TIME.fullmatch(text):            # after 'waltz time', '4/4' was 'four on the floor': the kick
        raise LanguageError(f"the drums play a bar of {odd[0]} steps: say the 4/4 groove — 'four on the floor' (the kick), "
                            f"'rock beat', or a part at a time ('snare on 2 and 4', 'hats on every 8th')", 0, (), line)
    feel = _TEMPO_FEEL.fullmatch(text)
    if feel:                                             # '140 half time': a dubstep tempo, the kit at half speed
        if any(_drum_track(translator.model, t) for t in translator.model.tracks.values()):
            return translator.translate(f"tempo {feel['bpm']}, {feel['feel'].lower()} time the drums")
        felt = int(feel["bpm"]) * (0.5 if feel["feel"].lower() == "half" else 2)     # no drums to play it: the tempo felt
        messages = translator.translate(f"tempo {felt:g}")
        translator.mapper.understood.append(f"{feel['bpm']} {feel['feel'].lower()} time with no drums: tempo {felt:g}")
        return messages
    within = _WITHIN.match(text)
    if within:                                           # 'hats on every eighth of the jig': in the jig's bar
        name = within["name"].lower()
        bar = GROOVES[_canonical(name)].steps if not name.isdigit() else 2 * int(name)
        return _as_played(translator, within["parts"], Groove("x" * bar), f"in the {name}'s bar of {bar} sixteenths",
                          parts_only=True)
    named = _NAME.search(text)
    if named and (_says_groove(named) or re.sub(r"\s+", " ", named["name"].lower()) not in _NEEDS_NOUN or
                  re.search(r"\bin\s+$", text[:named.start()]) or _AT_TEMPO.match(text[named.end():])):   # 'in 6/8', '2/4 at 104'
        return _named(translator, text, named)
    labelled = _LABEL.match(text)
    if labelled and _chatter(labelled["label"]):         # 'gimme a groove, kick on 1 and 3, snare on 2 and 4'
        return _as_played(translator, labelled["parts"], Groove("x" * 16), f"'{labelled['label'].strip()}'", parts_only=True)
    return _additive(translator, text)


def _says_groove(named) -> bool:
    """A word beside the name says it is a groove; for 2/4 and 6/8 'time' is not one ('6/8 time' sets a
    time signature, which the sequencer does not keep: 'in 6/8' or '6/8 feel' is the kit's bar)."""
    nouns = named["noun"].split()
    meter = re.sub(r"\s+", " ", named["name"].lower()) in _METERS
    return bool(nouns) and not (meter and set(nouns) <= {"time"})


def _canonical(name: str) -> str:
    key = re.sub(r"\s+", " ", name.lower())
    return _ALIASES.get(key, key)


def _named(translator, text: str, named) -> list | None:
    groove = GROOVES[_canonical(named["name"])]
    before, after = text[:named.start()], text[named.end():]
    tempo_of = _TEMPO_OF.fullmatch(after)
    if tempo_of and _chatter(before):                   # 'waltz tempo 90': a waltz's tempo, the kit left as it plays
        messages = translator.translate(f"tempo {tempo_of['bpm']}")
        translator.mapper.understood.append(f"a {_canonical(named['name'])} tempo: {tempo_of['bpm']} bpm (the drums keep "
                                            f"their bar: 'a {_canonical(named['name'])}' plays one)")
        return messages
    purpose = without_purpose(after, translator.model) if after.strip() else None
    after = _tempo_said(f" {purpose[1]}" if purpose else after)     # 'waltz at 180 for the fouettés'
    if purpose:
        translator.mapper.understood.append(purpose[0])
    if not _chatter(before) or _LIKENESS.search(before):
        return None
    name = _canonical(named["name"])
    beats = f"{groove.steps // 6} dotted beats" if name in _COMPOUND else f"{groove.steps // 4} beats"
    said = f"{name}: {beats} to the bar" + \
        ("" if groove.steps == 16 or not _other_parts(translator.model) else " on the drums (the other parts keep theirs)")
    if _chatter(after):
        return _play(translator, groove.parts, said)
    parts = re.sub(r"^(?:[\s:,.;-]|(?:now|then|and|ok|okay)\b)+|\s+$", "",
                   re.sub(r"(?<![\w/])\d{1,2}/(?:2|4|8)(?![\w/]),?", " ", after))    # its meter, 'now,' said
    if not re.search(r"(?:^|\s)[xX.~\-\[\]()*]+$", parts):
        parts = parts.rstrip(".!")              # a full stop, not a pattern's rests
    return _as_played(translator, parts, groove, said)


def _tempo_said(after: str) -> str:
    """What follows a groove's name with its tempo said as the grammar says it ('at 180', ', 120', '160 bpm'
    → 'tempo 180'); a speed word beside the number says nothing more ('polka 2/4, fast, 120')."""
    said = _AT_TEMPO.sub(lambda m: f", tempo {m['bpm']}", after)
    return _SPEED_WORD.sub("", said) if said != after else after


def _other_parts(model) -> bool:
    """A track that plays no drum (a bass line, chords): a waltz's bar of 3 is the drums' alone."""
    return not all(_drum_track(model, t) for t in model.tracks.values())


def _drum_track(model, track) -> bool:
    return model.modules.get(track.target) in _KINDS.values()


def _chatter(words: str) -> bool:
    return all(w in _CHATTER for w in re.findall(r"[\w'/-]+", words.lower()))


def _as_played(translator, parts: str, groove: Groove, said: str, parts_only: bool = False) -> list | None:
    """'waltz time: kick on 1, snare on 2 and 3': the parts as said, in the groove's bar; other commands
    said beside the name ('8 beat, bpm 130') come with the groove's own parts. `parts_only`: a groove
    with no name, whose parts must be said."""
    before = translator._state()
    try:
        translator.model.bar_said = 16               # the parts in steps of 4/4, cut to the groove's bar below
        messages = translator.translate(parts)
    except LanguageError:
        return None
    finally:
        translator.model.bar_said = None
    played = {str(m.args[0]): str(m.args[2]) for m in messages if m.address == "/seq/add"}
    if not played and parts_only:
        translator._restore(before)
        return None
    if not played and all(m.address in ("/seq/bpm", "/seq/key", "/seq/swing", "/seq/start") for m in messages):
        translator._restore(before)
        return _play(translator, groove.parts, said, parts)   # '8 beat, bpm 130': the tempo with the groove
    if not played:
        translator._restore(before)
        return None                                           # 'make the waltz louder': not the groove's business
    if groove.steps == 16:
        translator.mapper.understood.insert(0, said)
        return messages
    cut = {track: in_bar(steps, groove.steps) for track, steps in played.items()}
    if any(past_the_bar(steps, groove.steps) for steps in played.values()):
        translator._restore(before)
        raise LanguageError(f"{said}: a beat past the bar's last is not in it", 0, (), parts)
    if any(m.address not in ("/seq/add", "/patch/create", "/patch/connect", "/patch/disconnect") for m in messages):
        translator._restore(before)
        return None
    translator._restore(before)
    return _play(translator, cut, said, said_parts=True)


def _play(translator, parts: dict[str, str], said: str, also: str = "", said_parts: bool = False) -> list:
    """Each part's steps on its track: the kit's kick, snare or hats, or a track already named so. With no
    drum in the patch the groove is refused (a kit is not added unasked: 'a waltz' over chords may mean their time)."""
    model = translator.model
    if not said_parts and not any(kind in _KINDS.values() for kind in model.modules.values()):
        raise LanguageError(f"{said.split(':')[0]} is a drum groove and no drum plays: add a kick (and a snare, a hat) "
                            f"first — the sequencer keeps no time signature for other parts", 0, (), said)
    tracks = {kit_track(model, role): steps for role, steps in parts.items()}
    changed = {track: steps for track, steps in tracks.items()
               if track not in model.tracks or model.tracks[track].pattern != steps or model.tracks[track].muted}
    if also and not changed:                            # the groove plays already: 'waltz at 180' is its tempo
        messages = translator.translate(also)
        translator.mapper.understood.insert(0, f"{said.split(':')[0]} plays already")
        return messages
    clauses = [_clause(model, track, steps) for track, steps in tracks.items()]
    messages = translator.translate(", ".join(clauses + ([also] if also else [])))
    added = [str(m.args[0]) for m in messages if m.address == "/patch/create"]
    translator.mapper.understood.insert(0, f"{said} — {'; '.join(clauses)}" + (f" ({' and '.join(added)} added: "
                                                                                f"'undo' takes the groove back)" if added else ""))
    return messages


_KINDS = {"kick": "kick", "snare": "snare", "hats": "hat"}


def _clause(model, track: str, steps: str) -> str:
    """A part's pattern as typed: 'kick x…', or 'play x… on chords' for a voice's track (whose
    name before a pattern would read as chords or notes)."""
    voice = track in model.tracks and not _drum_track(model, model.tracks[track])
    return f"play {steps} on {track}" if voice else f"{track} {steps}"


def kit_track(model, part: str) -> str:
    """The track that plays a part ('kick', 'snare', 'hats' or a drum kind): one by that name, else the one
    whose module is that drum, else the part's name (typing its pattern adds the drum)."""
    if part in model.tracks:
        return part
    kind = _KINDS.get(part, part)
    for name, track in model.tracks.items():
        if model.modules.get(track.target) == kind:
            return name
    return {"hat": "hats"}.get(part, part)


def _additive(translator, text: str) -> list | None:
    """'give me 7/8 rhythm, the turkish one, 2+2+3', 'kick pattern 3+3+2 feel': a hit at each group's start
    (in 16ths when the groups fill half a bar or a bar, else in eighths, as an aksak meter counts)."""
    meter, adding = _METER.search(text), _ADDITIVE.search(text)
    if not adding and meter:
        adding = _SPACED.search(text)
        if adding and sum(int(g) for g in adding["groups"].split()) != int(meter["top"]):
            adding = None
    elif not adding:
        adding = _GROUPS.search(text)                   # (the rest of the line must be chatter: below)
    if not adding:                  # '6/8 time' alone: a time signature, which the sequencer does not keep
        return None
    groups = tuple(int(g) for g in re.findall(r"[1-9]", adding["groups"]))
    if re.search(r"\bon\s+(?:the\s+)?(?:beats?\s+)?$", text[:adding.start()], re.I) and len(set(groups)) == len(groups):
        return None                 # 'snare on 2+3+4': beats (a list of beats never says one twice, as 2+2+3 does)
    if min(groups) < 2 or len(groups) < 3 and not meter:
        return None                 # 'snare on 2+4': beats; a group is 2 or 3 (or 4) eighths, and three of them or a meter
    if meter and sum(groups) != int(meter["top"]):
        raise LanguageError(f"{'+'.join(map(str, groups))} is {sum(groups)} eighths, not {meter['top']}/8", 0, (), text)
    rest = _FIRST.sub(" ", text)
    for found in (meter, adding):
        if found:
            rest = rest.replace(found.group(0), " ")
    names = "|".join(sorted(map(re.escape, translator.model.tracks), key=len, reverse=True))
    track = re.search(rf"\b(kick|snare|hats?|hihat|hi-hat|clap|rim{'|' + names if names else ''})\b", rest, re.I)
    if track:
        rest = rest.replace(track.group(0), " ")
    if not _chatter(rest) or not (meter or "+" in adding["groups"] or track) and \
            (translator.model.key or re.search(r"\bplay\b", text, re.I)):
        return None                 # ('play 2 3 4' in a key: degrees, not groups)
    unit = 1 if sum(groups) in (8, 16) and not meter else 2
    steps = "".join("x" + "." * (g * unit - 1) for g in groups) * (2 if sum(groups) == 8 and not meter else 1)   # a bar
    said = f"{'+'.join(map(str, groups))}: a hit at each group's start, in {'16ths' if unit == 1 else 'eighths'}"
    said_track = track.group(1).lower() if track else "kick"
    if said_track in translator.model.tracks:
        return _play(translator, {said_track: steps}, said, said_parts=True)     # 'the chords on the 2+2+3 too'
    role = type_named((said_track,)) or said_track                                 # a drum's kind
    return _play(translator, {role: steps}, said)
