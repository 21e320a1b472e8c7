"""Translator: lines of English (or raw `/address args`) → messages, with context and undo.

Context carries from line to line: the patch model (modules, values, edges, tracks, tempo), the focus, and an undo
stack holding the inverse of each command that changed something. A transaction's `abort` takes the model back to its
`begin`; a line the engine refuses is forgotten (`rollback`): the context never describes a patch that does not exist.
"""
from __future__ import annotations

from dataclasses import replace
from itertools import chain

from ..protocol.addresses import parse_line
from ..protocol.message import Message
from .answers import answered, options_asked
from .code_lines import code_line
from .errors import LanguageError
from .intents import (BareValue, ChangeParam, Comparative, Fixed, Mute, PlayPattern, Redo, Scale, Sequence, SetParam, ShellVerb,
                      Show, Undo, Word, Words)
from .intents_rhythm import TrackFeel
from .mapper import Mapper
from .mapper_owners import named_part, new_parts
from .nicknames import nicknamed_line
from .effect_on_part import effect_on_part
from .corrections import corrected
from .misheard import misheard
from .late_readings import late_readings
from .unavailable import metal_triangle, not_here
from .follow_ups import refused_before
from .moved_effects import moved_effect
from .parser import as_question, parse
from .patch_model import PatchModel
from .sequence_messages import (changes_no_param, cues_taken_back, last_settings, net_mutes, one_owner, reasons_left_out,
                                touches_a_module)
from .undo_history import UndoHistory
from .undo_steps import UndoStep
from .described_parts import described_parts
from .dynamics_words import with_dynamics
from .interval_corrections import said_instead
from .line_corrections import glide_retargeted
from .studio_words import studio_words
from .filter_envelope import filter_envelope
from .grooves import groove_line
from .bar_tempo import in_beats
from .part_labels import labelled_chords, name_given, remember_label, with_labels
from .plain_talk import talk
from .plain_refusals import in_plain_words
from .pattern_sentences import pattern_sentence
from .read_again import ReadAgain
from .except_parts import everything_else
from .refused_adds import not_added, unadded
from .refusal_wording import naming_focus
from .scene_words import fixed_terms
from .early_readings import early_reading
from .shared_pan import shared_pan_note
from .swing_units import global_swing_note
from .mapper_tracks import unheard_rhythm
from .other_languages import in_english
from .pair_words import ramp_starts, step_from, both_parts, moved_together
from .part_naming import part_named
from .second_stage import sounds, takes_back
from .several_parts import names_part
from .sweeps import sweep_line
from .praise import nothing_asked
from .last_change import what_it_did
from .timed_lines import is_timed, translate_timed
from .timed_then import ramped, then_after_timed


class Translator(ReadAgain, UndoHistory):
    def __init__(self):
        self.model = PatchModel()
        self.mapper = Mapper(self.model)
        self.undo_stack: list[UndoStep] = []
        self.redo_stack: list[list[Message]] = []    # the lines' own messages: a fade redone fades again
        self._transaction: tuple[PatchModel, int] | None = None   # (model at begin, undo depth then)
        self._last_intent = None                # the last command that worked: "again", "more"
        self._last_text = ""                    # ... and how it was typed, for the echo
        self._nested = 0                        # a line's own command being timed (timed_lines.py): no default time
        self.remarking = False                  # a line read without its remarks (remarks.py): its clauses not again
        self._asked: tuple[str, ...] = ()       # the two ways the last refusal asked between (answers.py)
        self._asked_once = False                # ... and a refused line since
        self._refused: str | None = None        # the line just refused: 'more' after it is not of the line before
        self._unadded: tuple[str, ...] = ()     # parts whose add was refused: never another part by that name
        self._answering = False                 # inside a line's own translate (its clauses are no answers)
        self._before_line = self._state()

    def _state(self):
        return self.model.snapshot(), list(self.undo_stack), list(self.redo_stack), self._transaction

    def translate(self, line: str) -> list[Message]:
        """One line → messages (applied to the context), or LanguageError (context unchanged); the
        error's column always falls within the line as typed (a reading's longer text aside). A line
        that answers the question the refusal before asked ('one after another') is the way it picks."""
        if self._nested or self._answering:       # a clause read again inside a line: no answer to anything
            return self._said(line)
        if (nothing := nothing_asked(line, bool(self._asked))) is not None:   # 'tempo 90, no wait, forget it', 'big tune'
            raise LanguageError(nothing, 0, (), line)
        if (did := what_it_did(line, self.undo_stack, self.redo_stack)) is not None:   # 'what did you do?': said back
            self.mapper.understood[:] = [did]
            return []
        answer, last = answered(line, self._asked), (self._last_intent, self._last_text)
        try:
            self._answering = True
            refused_before(self._refused, line, self._last_text)    # 'darker' refused, 'more': never the line before
            not_added(self._unadded, line, self.model)              # 'add a drone' refused: 'the drone' is none
            self.mapper.context.after_refusal = self._refused is not None
            code = None if answer or line.lstrip().startswith("/") else code_line(line, self.model)   # 'kick.gain += 3dB'
            said = answer or (code[1] if code else line)   # (every reader sees it in English, a studio's words said plainly)
            messages = self._said_by_name(said if said.lstrip().startswith("/") else studio_words(
                in_english(said, self.model.tracks), self.model.tracks, self.model.running))
        except LanguageError as err:
            self._refused, (self._last_intent, self._last_text) = line.strip(), last   # (a clause read on the way: not done)
            self._unadded = unadded(line, self._unadded)
            asked = options_asked(str(err))           # a question stands through one more refused line
            self._asked, self._asked_once = (asked, False) if asked else \
                ((self._asked, True) if not self._asked_once else ((), False))
            plain = in_plain_words(err, line)         # the parser's wording said in the musician's
            if plain.column is not None and plain.column > len(line):
                plain.column = None                   # (a column of the line as rewritten, past the end of the one typed)
            if plain is err:
                raise
            raise plain from None
        finally:
            self._answering = False
        self._asked, self._refused = (), None
        self._unadded = () if any(m.address == "/patch/create" for m in messages) else self._unadded
        if answer or code:
            self.mapper.understood.insert(0, f"{line.strip()}: '{answer}'" if answer else code[0])
        return cues_taken_back(self.model, messages)

    def _said_by_name(self, line: str) -> list[Message]:
        """The line; refused, the line with each part it names by a nickname said by its name, an effect named by
        its part said as that effect, or a correction in it made, read again whole ('odaiko deeper, it is a big
        drum': a remark, a time, a follow-up read as for 'kick …'; 'the lfo on the filter: slower and deeper' as
        'the lfo: …'; 'tempo 100 no wait 120' as 'tempo 120'; dictated, 'the base' as 'the bass')."""
        try:
            return self._said(line)
        except LanguageError as err:
            if line.lstrip().startswith("/"):
                raise
            named = nicknamed_line(line, self.model)
            if named is not None and not any(f"'{word.split(' → ')[0]}" in str(err) for word in named[1].split(", ")) \
                    and not_here(line) is None:
                named = None                  # (a refusal about something else, or one that asks, stands)
            parts = lambda word: part_named(word, self.model)       # noqa: E731
            for text, said in chain([named] * bool(named) + effect_on_part(line, self.model, parts) + corrected(line, parts) +
                                    misheard(line), late_readings(line, self.model, self._last_text, parts, bool(self.redo_stack))):
                try:
                    messages = self._unless_over_chords(line, lambda: self._said(text))   # noqa: B023 (called at once)
                except LanguageError:
                    continue
                self.mapper.understood.insert(0, said)
                return messages
            raise err from None

    def _said(self, line: str) -> list[Message]:
        tracks_before = set(self.model.tracks)
        if not line.lstrip().startswith("/"):
            line = talk(line, self.model) or line      # 'play it back', 'what does cutoff mean' (plain_talk.py)
            labels = self.model.labels
            named = name_given(line, self.model)       # 'call the sine keys' (part_labels.py): a step to undo
            if named is not None:
                self.mapper.understood[:] = [named]
                self.named_step(labels)
                return []
        paired = None if line.lstrip().startswith("/") or self._nested else \
            both_parts(line, self.model, self.undo_stack[-1].forward if self.undo_stack else [],
                       lambda word: names_part(word, self.model))     # 'bring them both to the middle'
        if paired is None and not line.lstrip().startswith("/") and not self._nested:    # 'kick up, everything else down'
            paired = everything_else(line, sounds(self.model), lambda word: part_named(word, self.model))
        line = paired[1] if paired else line
        grooved = groove_line(self, line)            # 'a waltz, please': a whole kit's rhythm (grooves.py)
        if grooved is not None:
            return grooved
        termed = None if line.lstrip().startswith("/") else \
            glide_retargeted(line, self._last_text) or early_reading(line, self.model) or said_instead(line, self._last_text)
        said = termed[1] if termed else line
        marked = None if line.lstrip().startswith("/") else with_dynamics(said.strip(), self.model) or \
            moved_effect(said.strip(), self.model) or labelled_chords(said.strip(), self.model)   # 'put the filter on X', 'amen: Ab Eb'
        try:
            messages = self._translate_line(marked[1] if marked else said)   # 'at pianissimo': a level
        except LanguageError as err:
            patterned = None if self._nested else pattern_sentence(self, line)   # 'hats on x.x.xx.x. proper skippy'
            if patterned is not None:
                return patterned
            if err.column is not None and err.column > len(line):
                err.column = len(line)
            named = naming_focus(err, self.model)     # 'drop it': 'mute the bass' with the saw in focus
            if named is not err:
                raise named from None
            raise
        if marked:
            self.mapper.understood.insert(0, marked[0])
        if termed:
            self.mapper.understood.insert(0, termed[0])
        if paired:
            self.mapper.understood.insert(0, paired[0])
        raw = line.lstrip().startswith("/")               # (a script's track gets its notes on the next line)
        for note in (shared_pan_note(messages, self.model), None if raw else unheard_rhythm(messages, self.model),
                     None if raw else global_swing_note(line, messages, self.model, lambda w: part_named(w, self.model))):
            if note:
                self.mapper.understood.append(note)      # a pan or a rhythm that cannot be heard, said back
        if not line.lstrip().startswith("/"):
            remember_label(line, messages, self.model)
            if touches_a_module(messages):
                self.model.focus_raw = None
            self.model.just_added, self.model.just_written = new_parts(self.model, messages, tracks_before)
            self.model.just_named = named_part(self.model, line, messages)
            self.model.just_noted = next((str(m.args[0]) for m in messages if m.address == "/seq/notes"), None)
            self.model.moved_together = moved_together(messages, self._before_line[0])   # 'kick and snare louder', 'more': both
            self.model.step_from = step_from(self.model, self._before_line[0], messages)   # 'way too much': back there
            self.model.ramp_from = ramp_starts(self.model.ramp_from, self._before_line[0], messages)   # 'back up'
            self.model.line_moves = len({m.address.split("/", 2)[2] for m in messages if m.address.startswith(("/mod/", "/ramp/"))})
            if changes_no_param(messages):
                self.model.last_param = None     # 'humanize the drums', then 'less': not the param moved lines ago
        return messages

    def _cuts_short(self, rest: str) -> bool:
        """Whether `rest` sets what the last line is still ramping (its tempo glide, its fade): tried and put back."""
        before, last = self._state(), (self._last_intent, self._last_text)
        ramping = ramped(self.undo_stack[-1].forward if self.undo_stack else [])
        try:
            self._nested += 1
            return bool(ramping & ramped(self._translate_line(rest), every_set=True))
        except LanguageError:
            return False
        finally:
            self._nested -= 1
            self._restore(before)
            self._last_intent, self._last_text = last

    def _translate_line(self, line: str) -> list[Message]:
        if line.strip().startswith("/"):             # a raw message as written ('/seq/add baixo …': never 'bass')
            self.mapper.understood[:] = []
            self._before_line = self._state()
            messages = self.observe([_raw(line)])
            self.model.focus_raw = self.model.focus   # a script's or a controller's, not where the musician's ears are
            self.model.ramp_from = ramp_starts(self.model.ramp_from, self._before_line[0], messages)   # ('back up' after it)
            return messages
        line = filter_envelope(with_labels(described_parts(fixed_terms(line), self.model),   # (in English already: translate)
                                           self.model), self.model)   # 'sample and hold', 'la caja', 'the blip', …
        metal_triangle(line, self.model)               # 'triangle! the little metal one': no triangle wave added
        said, line = in_beats(line, self.model)        # 'Viennese waltz, 60 MPM': bars a minute, said in bpm
        text = line.strip()
        self.mapper.understood[:] = said
        if not text:
            return []
        self._before_line = self._state()
        cut_short = None if self._nested else then_after_timed(text, self._last_text)
        if cut_short and self._cuts_short(cut_short[1]):   # 'slow down to 60 over 8 bars', then 'then speed up to 90'
            raise LanguageError(cut_short[0], 0)
        text = cut_short[1] if cut_short else text
        text, swept = sweep_line(text, self.model) if not self._nested else (text, None)   # 'sweep the cutoff to 2k': over
        try:                                                                    # 4 bars (sweeps.py), said once
            self._nested += 1
            timed = translate_timed(self, text)      # "… over 8 bars", "at the next bar …" (timed_lines.py)
        except LanguageError:
            timed = self._as_placement(line)         # 'snare roll at the end of the bar': where, not when
            if timed is None and (meant := self._meant_instead(line)) is not None:
                return meant                         # 'no, over 4 bars': the last line as meant
            if timed is None:                        # (no second stage: a reading could change when it happens)
                raise
        finally:
            self._nested -= 1
        if timed is not None:
            self._last_text = text
            self.mapper.understood[:0] = [swept] if swept else []
            return timed
        if takes_back(text, self.model):             # 'too fast, back': the change taken back, not a step on
            return self._second_stage(line, LanguageError("a complaint, then 'back'", 0))
        try:
            last = self._last_intent
            messages = self._translate(line)
            if self._last_intent is not last:        # (a query is not what 'again' repeats, nor said as it)
                self._last_text = text
            return messages
        except LanguageError as err:
            question = as_question(line)              # "cutoff?": not a command, so a question
            if question is not None:
                try:
                    return self._translate(question)
                except LanguageError:
                    pass
            return self._second_stage(line, err)

    def _as_placement(self, line: str) -> list[Message] | None:
        """A line whose time words failed as timing, read as a place in the pattern instead — taken
        only when it changes nothing but patterns and notes (else the timing's error stands)."""
        before = self._state()
        try:
            messages = self._translate(line)
        except LanguageError:
            return None
        if messages and all(m.address in ("/seq/add", "/seq/notes") for m in messages):
            return messages
        self._restore(before)
        return None

    def _restore(self, state) -> None:
        model, undo, redo, self._transaction = state
        self.model.restore(model.snapshot())
        self.undo_stack[:], self.redo_stack[:] = undo, redo
        self.mapper.understood.clear()

    def _translate(self, line: str) -> list[Message]:
        self.mapper.context.line = line
        try:
            intent = parse(line)
            if isinstance(intent, Sequence) and isinstance(intent.items[-1], ShellVerb) and line.rstrip().endswith("?") \
                    and intent.items[-1].verb == "help" and intent.items[-1].arg is None:
                items = intent.items[:-1]                # '…, please?': a question mark, not a call for help
                intent = items[0] if len(items) == 1 else Sequence(items)
            intent = self._cancelled(self._that_pattern(intent))     # ('cancel that' with no change set: undo)
            if isinstance(intent, (Undo, Redo)):     # 'again' then undoes (redoes) one more
                self._last_intent = intent
                return self._repeat(self.undo if isinstance(intent, Undo) else self.redo, intent.times)
            if isinstance(intent, Sequence):
                return self._sequence(intent)
            focus = self.model.focus
            messages = self.observe(self.mapper.map(intent))
            if isinstance(intent, (PlayPattern, Fixed)) and focus in self.model.modules:   # ('start': drones back)
                self.model.focus = focus     # a drum added for a rhythm: the sound being shaped stays in focus
            if not isinstance(intent, (Show, ShellVerb)):
                self._last_intent = intent
            return messages
        except LanguageError as err:
            err.line = err.line or line
            raise

    def _that_pattern(self, intent):
        """'double that' right after a rhythm was played: that rhythm (its speed), not the sound
        in focus (a drum's rhythm line leaves the focus where it was)."""
        if isinstance(intent, Scale) and intent.ref is not None and intent.factor in (2, 0.5) and \
                intent.ref.texts in (("that",), ("this",), ("it",)) and self.model.last_track in self.model.tracks and \
                (isinstance(self._last_intent, PlayPattern) or isinstance(self._last_intent, TrackFeel)
                 and self._last_intent.kind in ("fill", "roll", "add_hits", "speed")):
            return replace(intent, ref=Words((Word(self.model.last_track, intent.ref.column),)))
        return intent

    def _sequence(self, intent: Sequence) -> list[Message]:
        """Several commands: each sees the context the one before left; all or nothing, one undo. The last is
        what 'same for …' and 'again' take up, as carried ('louder kick and snare': 'snare louder')."""
        snapshot = self.model.snapshot()
        muted_before = {name: track.muted for name, track in self.model.tracks.items()}
        soloed = False
        messages: list[Message] = []
        inverse: list[list[Message]] = []
        previous = None
        try:
            said_before = 0
            for item in one_owner(reasons_left_out(intent.items), self.model):
                if isinstance(item, (Undo, Redo)):
                    raise LanguageError("undo and redo go on a line of their own", 0)
                carried = self.mapper.carry(previous, item)
                if isinstance(item, BareValue) and isinstance(previous, (ChangeParam, Comparative)) and carried is not item:
                    del self.mapper.understood[said_before:]     # 'slower, like 80': the 80 is said, not 'tempo 106 → 101'
                said_before, item = len(self.mapper.understood), carried
                soloed = soloed or isinstance(item, Mute) and item.verb == "solo"
                produced = self.mapper.map(item)
                focus = self.model.focus
                inverse += [self._apply(message) for message in produced]
                if isinstance(item, PlayPattern) and focus in self.model.modules:
                    self.model.focus = focus     # a drum added for a rhythm: the sound being shaped stays in focus
                messages += produced
                previous = item
                self._focus_on_part(item)
        except LanguageError:
            self.model.restore(snapshot)
            raise
        sent = last_settings(net_mutes(messages, muted_before) if soloed else messages)
        self._push_undo(inverse, sent)
        self._last_intent = previous
        return sent

    def _focus_on_part(self, item) -> None:
        """'kick back on, softer': a part a command of the line brought back (or muted) is the one
        the next command on the line shapes."""
        words = item.target if isinstance(item, Mute) else None
        if isinstance(item, SetParam) and item.value.kind == "word" and item.value.text.lower() in ("on", "off"):
            words = item.ref                          # 'hats back on', 'kick off'
        if isinstance(words, Words) and words.texts not in ((p,) for p in ("it", "that", "this", "everything", "all")):
            try:
                self.model.focus = self.mapper.context.resolve.module(words, hints=False)
                self.model.focus_raw = None
            except LanguageError:
                pass

    @property
    def understood(self) -> list[str]:
        """What the last line was understood to mean where that was inferred (a bare adjective
        resolved to a module, a follow-up repeated): one line each, for the echo."""
        return list(self.mapper.understood)

    def parse_intent(self, line: str):
        """The intent of a line without mapping it (scripts use this to find `wait`); None for a line
        with time words (timed_lines.py: not one intent)."""
        return None if is_timed(line) else parse(line)


def _raw(line: str) -> Message:
    try:
        return parse_line(line)
    except ValueError as err:
        raise LanguageError(f"bad raw message: {err}", 0, (), line) from None


__all__ = ["Translator"]
