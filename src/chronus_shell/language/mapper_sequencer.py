"""Gates, tracks and the sequencer: notes, patterns, tempo, swing, stop and clear.

A track plays a voice, named by the track, a module of that voice, or the focus; a drum type
nobody has added yet is added when a pattern is given to it.
"""
from __future__ import annotations

import re
from ..engine.sequencer_verbs import SWING, TEMPO
from ..protocol.message import Message
from . import intents as it
from .bar_fit import in_bar, past_the_bar
from .chord_rhythms import one_a_hit, restruck, struck_on_each_hit
from .errors import LanguageError
from .mapper_chain import module_type, place_module
from .mapper_changes import set_message
from .mapper_messages import checked, message, playable
from .mapper_tracks import drones, existing_track, set_track_muted, voice_head
from .param_words import SWING_FEELS, seq_param
from .patch_model import MASTER
from .resolve import type_named
from .said_way import against_the_way
from .swing_units import swing_message, swing_said
from .target_words import PRONOUN_REFS, SCREEN_WORDS, SEQUENCER_WORDS, TRACK_NAMES, track_name, track_words
from .units import note_to_hz, quantity, tidy


def gate(ctx, intent: it.Gate) -> list[Message]:
    target = voice_head(ctx, intent.target, intent.column)
    if not intent.on:
        if not any(ctx.model.modules[m] == "adsr" for m in ctx.model.voice_of(target) or [target]):
            ctx.understood.append(f"released {target}: with no envelope it goes on sounding — 'mute {target}' "
                                  f"silences it, 'add an adsr to {target}' lets its notes end")
        return [message(f"/gate/{target}", 0)]
    if intent.cue and ctx.model.tracks and not ctx.model.running:
        raise LanguageError("that could mean 'start' — or — 'trigger': say which (the parts from the top, or "
                            f"{target} struck once)", intent.column)     # 'hit it!': a band's count-in
    if intent.note is None:
        return [message(f"/gate/{target}", 1)]
    if intent.target is None and intent.note.kind == "number" and not intent.note.unit and ctx.model.spec(target).role == "drum":
        raise LanguageError(f"'{intent.note.text}' alone is no note for {target} (a drum in focus): the tempo is "
                            f"'tempo {intent.note.text}', a note on a voice 'play {intent.note.text} hz on <voice>'", intent.note.column)
    return [message(f"/gate/{target}", 1, _pitch(intent.note))]


def track_and_target(ctx, words: it.Words | None, column: int) -> tuple[str, str, list[Message]]:
    """(track name, target id, messages creating the target if a drum type is missing)."""
    if words is None:
        head = voice_head(ctx, None, column)
        return _new_track_name(ctx, head), head, []
    words = track_words(words)
    type_name = type_named(words.texts)
    said = ctx.model.tracks.get("_".join(words.texts))
    if said is not None and said.target in ctx.model.modules and type_name not in (None, ctx.model.modules[said.target]):
        return "_".join(words.texts), said.target, []   # a track called 'pulse' on a sine: that one (never a new square's)
    playing = ctx.model.tracks.get(type_name or "")
    if playing is not None and playing.target in ctx.model.modules and not ctx.model.of_type(type_name):
        return type_name, playing.target, []          # the kick track plays a sample now
    if type_name and not ctx.model.of_type(type_name):
        spec, _ = module_type(ctx, words)
        module_id = ctx.model.next_id(spec.type)
        return TRACK_NAMES.get(spec.type, spec.type), module_id, [message("/patch/create", module_id, spec.type),
                                      *place_module(ctx, module_id, spec)]
    name = TRACK_NAMES.get(type_name, type_name) or "_".join(words.texts)
    if name in ctx.model.tracks and ctx.model.tracks[name].target in ctx.model.modules and not type_name:
        return name, ctx.model.tracks[name].target, []
    target = voice_head(ctx, words, column)
    playing = ctx.model.tracks.get(name)
    if playing is not None and playing.target != target and playing.target in ctx.model.modules:
        name = target          # a second snare ("clap on the backbeat"): its own track, the first plays on
    return name, target, []


def _new_track_name(ctx, head: str) -> str:
    """A drum's track is named after the drum ('snare', 'hats'); a voice's after its id."""
    type_name = ctx.model.modules.get(head, "")
    spec = ctx.model.spec(head)
    name = TRACK_NAMES.get(type_name, type_name) if spec is not None and spec.role == "drum" else head
    return name if name not in ctx.model.tracks else head


def play_pattern(ctx, intent: it.PlayPattern) -> list[Message]:
    messages = _pattern_played(ctx, intent)
    if intent.beats != "every":
        return messages
    sped = [str(m.args[0]) for m in messages if m.address == "/seq/add" and str(m.args[0]) in ctx.model.tracks
            and ctx.model.tracks[str(m.args[0])].style.get("speed", 1.0) != 1.0]
    for track in sped:                                 # 'hats in 16ths' after 'double time hats': 16ths, not 32nds
        ctx.understood.append(f"the {track} at their own speed again (they played "
                              f"×{ctx.model.tracks[track].style['speed']:g}): the grid said is the grid heard")
    return messages + [message("/seq/speed", track, 1.0) for track in sped]


def _pattern_played(ctx, intent: it.PlayPattern) -> list[Message]:
    named = None if intent.target is None or intent.target.texts in PRONOUN_REFS[:4] else intent.target
    existing = _voice_track(ctx, named, intent.column)
    if existing is not None:                          # "play x..x", "x.xX on saw1" after "bass notes":
        track, target, messages = existing, ctx.model.tracks[existing].target, []   # the voice's track
        held = ctx.model.tracks[existing]
        struck = restruck(tuple(held.notes), held.pattern, intent.pattern) if not intent.now else None
        if struck is not None:                        # 'play the chords on every beat': each chord struck in its span
            ctx.understood.append(f"each chord of {track} struck on {intent.pattern}, in its own span")
            return [message("/seq/add", track, target, struck[0]), message("/seq/notes", track, *struck[1])]
        moved = struck_on_each_hit(tuple(held.notes), held.pattern, intent.pattern) if not intent.now else None
        if moved is not None:                         # 'skank on the off beat': the rests under the moved hits
            ctx.understood.append(f"each note of {track} on the hits of {intent.pattern} in its own span")
            return [message("/seq/add", track, target, moved[0]), message("/seq/notes", track, *moved[1])]
        laid = one_a_hit(tuple(held.notes), held.pattern, intent.pattern) if intent.beats and not intent.now else None
        if laid is not None:                          # 'play the bass in quarters': each of its notes on a hit
            ctx.understood.append(f"the {len(held.notes)} notes of {track} one a hit of {intent.pattern}, in turn "
                                  f"({len(laid[0]) / 16:g} bars)")
            return [message("/seq/add", track, target, laid[0]), message("/seq/notes", track, *laid[1])]
    else:
        track, target, messages = track_and_target(ctx, named, intent.column)
    if named is not None and any(w.lower().startswith("clap") for w in named.texts) and ctx.model.modules.get(target) == "snare":
        ctx.understood.append(f"the clap is the snare here ({target}): its rhythm is the snare's")   # (no clap of its own)
    now = ("now",) if intent.now else ()
    pattern = in_the_bar(ctx, intent.pattern, intent.column, intent.beats == "said") if intent.beats else intent.pattern
    return messages + [message("/seq/add", track, target, pattern, *now)]


def in_the_bar(ctx, pattern: str, column: int, one_by_one: bool = False) -> str:
    """Beats said ('the snare on 2 and 3') in the bar the parts play — the bar a groove line says, else
    the one the part written last plays ('kick x...........', then the snare: a waltz's 12 steps, 5/4's
    20); 4/4's 16 when that part plays 4/4 (or a rhythm not in steps); a beat past the bar's end is refused."""
    last = ctx.model.tracks.get(ctx.model.last_track or "")
    bar = ctx.model.bar_said or (len(last.pattern) if last is not None and not last.notes and _PLAIN.fullmatch(last.pattern)
                                 else 16)                 # (a line of notes is no bar: 12 notes are no waltz)
    if len(pattern) != 16 or bar % 4 or not 4 < bar <= 32 or 16 % bar == 0 or bar % 16 == 0:
        return pattern
    if past_the_bar(pattern, bar) or one_by_one and "x" in pattern[bar:].lower():
        raise LanguageError(f"that rhythm hits beat {pattern.lower().rindex('x') // 4 + 1}, past the end of the bar the "
                            f"parts play ({bar // 4} beats, {bar} steps): say its beats in the bar, e.g. 'on 2 and 3'", column)
    return in_bar(pattern, bar)


_PLAIN = re.compile(r"[xX.]+")


def _voice_track(ctx, words: it.Words | None, column: int) -> str | None:
    """The track already playing the voice a phrase names (a rhythm and notes for one voice
    are one track); None for a drum type not yet added or a voice without a track."""
    if words is None:
        try:
            return existing_track(ctx, None, column)
        except LanguageError:
            return None
    words = track_words(words)
    type_name = type_named(words.texts)
    if type_name and not ctx.model.of_type(type_name):
        return None
    try:
        module_id = ctx.resolve.module(words, hints=False)
    except LanguageError:
        name = track_name(words, ctx.model.tracks)
        return name if name in ctx.model.tracks else None
    voice = [module_id] + ctx.model.voice_of(module_id)
    return next((n for m in voice for n, t in ctx.model.tracks.items() if t.target == m), None)


def tempo(ctx, intent: it.Tempo) -> list[Message]:
    value = intent.value
    amount, unit = quantity(value) if value.kind == "number" else (None, None)
    if amount is None or unit not in (None, "bpm"):
        raise LanguageError("tempo takes beats per minute, e.g. tempo 128", value.column)
    now = ("now",) if intent.now else ()
    if value.text.startswith("-"):
        raise LanguageError(f"tempo {value.text} is out of range 20–300 bpm — to slow down by that much, "
                            f"say 'tempo down {value.text[1:]}'", value.column)
    if value.text.startswith("+"):
        return [message("/seq/bpm", checked(TEMPO, ctx.model.bpm + amount, value.column), *now)]
    against_the_way(intent.way, ctx.model.bpm, amount, "tempo", "bpm", value)   # 'slow it down to 140' at 120
    return [message("/seq/bpm", checked(TEMPO, amount, value.column), *now)]


def swing(ctx, intent: it.Swing) -> list[Message]:
    value = intent.value
    if value.kind == "word" and value.text in ("off", "none", "min", "minimum"):
        return [message("/seq/swing", 0.0)]
    if value.kind == "word" and value.text in SWING_FEELS:      # 'swing it' on a swing already as much: kept
        amount = max(SWING_FEELS[value.text], ctx.model.swing) if value.text == "medium" else SWING_FEELS[value.text]
        said = swing_message(ctx, amount, intent.unit)
        ctx.understood.append(f"{value.text} swing: {swing_said(ctx, said)}")
        return [said]
    amount, unit = quantity(value) if value.kind == "number" else (None, None)
    if amount is None or unit not in (None, "%"):
        raise LanguageError("swing takes a fraction of a step, e.g. swing 20%", value.column)
    percent = amount if unit == "%" or amount > 1 else None
    if percent is not None and _MACHINE_LOW <= percent <= _MACHINE_HIGH:
        return _machine_swing(ctx, intent, percent)
    if unit is None and amount > SWING.high and amount <= 60:
        raise LanguageError(f"swing {value.text} is out of range 0–0.6 of a step — did you mean "
                            f"{value.text}%?", value.column, (f"{value.text}%",))
    if percent is not None and percent > _MACHINE_HIGH:
        raise LanguageError(f"swing {value.text}{unit or ''} is out of range: 0–60% of a step late, or a drum machine's "
                            f"50–75% (50 straight, 66 a triplet, 75 a dotted note)", value.column)
    said = swing_message(ctx, checked(SWING, amount / 100 if unit == "%" else amount, value.column), intent.unit)
    if len(said.args) > 1 and intent.unit is None:      # the note value chosen from the tracks: said
        ctx.understood.append(f"swing {value.text}{unit or ''}: {swing_said(ctx, said)}")
    return [said]


#: A drum machine's swing (an MPC's, Logic's): where the second note of a pair lands, in percent of the pair —
#: 50 straight, 66 a triplet, 75 a dotted note. Above 60 only that reading is in range; from 50 to 60 both are.
_MACHINE_LOW, _MACHINE_HIGH = 50, 75


def _machine_swing(ctx, intent: it.Swing, percent: float) -> list[Message]:
    """'swing 66%': a drum machine's swing, the second note 2 × 66 % − 1 of a step late (a triplet feel);
    from 50 % to 60 %, where 'that much of a step late' also fits, both readings are asked."""
    machine = round(2 * percent / 100 - 1, 6)
    if percent <= SWING.high * 100:
        amount = round(percent / 100, 6)
        swung = f"swing the {intent.unit}ths" if intent.unit else "swing"
        raise LanguageError(f"that could mean '{swung} {amount:g}' — or — '{swung} {machine:g}': say which (every second note "
                            f"{amount:g} of a step late — or — a drum machine's {percent:g}%, where 50 is straight and "
                            f"66 a triplet)", intent.value.column)
    said = swing_message(ctx, machine, intent.unit)
    ctx.understood.append(f"swing {percent:g}% as a drum machine counts it (50 straight, 66 a triplet): {swing_said(ctx, said)}")
    return [said]




def stop(ctx, intent: it.Stop) -> list[Message]:
    """'stop', 'stop it', 'stop everything': silence — the transport, and every drone (an oscillator with no
    envelope sounds without it) set to nothing, named in the echo; 'start' brings them back."""
    pointed = intent.target is not None and intent.target.texts in PRONOUN_REFS[:3]
    spec = ctx.model.spec(ctx.model.focus) if ctx.model.focus in ctx.model.modules else None
    if pointed and spec is not None and spec.role == "modulator":
        raise LanguageError(f"stop what? the music ('stop') or what {ctx.model.focus} does (e.g. 'remove "
                            f"{ctx.model.focus}')", intent.target.column)   # 'wobble the cutoff', 'stop it': the wobble
    if intent.target is None or _the_music(ctx, intent.target) or pointed:
        droning = [d for d in drones(ctx.model) if ctx.model.value(d, "gain") != 0]
        if not droning:
            return [message("/seq/stop")]
        ctx.understood.append(f"stopped the transport and silenced {', '.join(droning)} (no envelope: droning on "
                              f"{'its' if len(droning) == 1 else 'their'} own; 'start' brings "
                              f"{'it' if len(droning) == 1 else 'them'} back)")
        ctx.model.stopped_drones = tuple(droning)
        return [message("/seq/stop"), *(message(f"/mod/{d}/gain", 0.0) for d in droning)]
    if intent.target.texts in (("note",), ("notes",), ("the", "note")):    # "stop the note"
        return ctx.map(it.Gate(None, False, None, intent.target.column))
    try:
        return set_track_muted(ctx, intent.target, True)
    except LanguageError:
        drone = _drone_named(ctx, intent.target)
        if drone is None:
            raise
        ctx.understood.append(f"muted {drone} (it has no track: it drones on its own)")
        return ctx.map(it.Mute("mute", it.Words((it.Word(drone, intent.target.column),)), intent.target.column))


def _the_music(ctx, words: it.Words) -> bool:
    """Words for the whole music ('the song', 'the beat', 'everything') — unless the musician gave a part or a track
    that name ('stop the tune' with a track called tune mutes it)."""
    name = "_".join(words.texts).removeprefix("the_")
    return words.text in SEQUENCER_WORDS and name not in ctx.model.tracks and name not in ctx.model.labels and \
        name not in ctx.model.modules


def _drone_named(ctx, words: it.Words) -> str | None:
    """'stop the sine' when the sine plays no track but drones: that oscillator."""
    try:
        module_id = ctx.resolve.module(words)
    except LanguageError:
        return None
    return module_id if module_id in drones(ctx.model) else None


def clear(ctx, intent: it.Clear) -> list[Message]:
    """'clear' (the screen), 'clear the sequencer', 'clear the kick' (its track), 'reset the cutoff'."""
    what = intent.what
    if what is None or what.text in SCREEN_WORDS:
        return [message("/shell/clear")]
    if intent.verb == "reset" and what.text in _ALL_WORDS:
        raise LanguageError("'reset everything' could mean every setting back to its default or every pattern "
                            "wiped: say 'reset the filter' (a module's settings) or 'clear the sequencer'", what.column)
    if _the_music(ctx, what):
        if what.text in _ALL_WORDS and any(m != MASTER for m in ctx.model.modules):
            ctx.understood.append("every track cleared; the sounds stay ('remove everything' takes them out too)")
        return [message("/seq/clear")]
    if intent.verb == "clear":
        track = track_name(what, ctx.model.tracks)
        if track in ctx.model.tracks:
            return [message("/seq/remove", track)]
    seq = seq_param(what)
    if seq is not None:
        return [set_message(ctx, None, seq, seq.default)]
    try:
        module_id, spec = ctx.resolve.param(what, hints=False)
        return [message(f"/mod/{module_id}/{spec.name}", spec.default)]
    except LanguageError:
        pass
    try:
        module_id = ctx.resolve.module(what)
    except LanguageError:
        raise LanguageError(f"{intent.verb} what? '{intent.verb}' (the screen), '{intent.verb} the "
                            f"sequencer', a track, a param or a module", what.column) from None
    spec = ctx.model.spec(module_id)
    changed = [p for p, v in ctx.model.values.get(module_id, {}).items() if spec.param(p).default != v]
    if not changed:
        raise LanguageError(f"{module_id} is already at its defaults", what.column)
    return [message(f"/mod/{module_id}/{p}", spec.param(p).default) for p in changed]


#: What names the whole set: 'reset' of it has two readings (the settings, the patterns).
_ALL_WORDS = {"everything", "all", "it all", "the lot", "all of it"}


def _pitch(note: it.Value) -> float:
    """A note's frequency (a note name or Hz), within what the engine takes with a gate."""
    if note.kind == "note":
        return playable(note_to_hz(note.text), note.text, note.column)
    amount, unit = quantity(note)
    if unit not in (None, "hz"):
        raise LanguageError(f"a note needs a pitch (a2, c#3 or Hz), not {unit}", note.column)
    return playable(tidy(amount), None, note.column)


#: The intents this family maps.
HANDLERS = {it.Gate: gate, it.PlayPattern: play_pattern, it.Tempo: tempo,
            it.Swing: swing, it.Stop: stop, it.Clear: clear}
