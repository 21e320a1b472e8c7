"""A refused line read again (the translator's second stage): the readings second_stage.py proposes
are each tried on the context and put back; one is taken only when every reading that works means
the same, else the refusal names the readings (or says the nearest phrasing).
"""
from __future__ import annotations

import re

from ..protocol.message import Message
from .clause_lines import clause_by_clause
from .corrections import corrected
from .errors import LanguageError, UnknownWord
from .follow_ups import is_again, is_correction
from .interval_corrections import corrected_interval
from .intents import Redo, Sequence, Undo
from .line_corrections import INSTEAD, correction_of_last
from .nearest import missing_part
from .nicknames import nicknamed_line
from .refusal_wording import nickname_unread, with_nearest
from .remarks import without_remarks
from .part_naming import part_named
from .earlier_patterns import earlier_pattern
from .second_stage import Reading, is_back, readings
from .sequence_messages import chord_tracks, last_settings, single_notes_over, what_it_sets
from .sentences import sentence_by_sentence, topic_first
from .timed_lines import is_timed, translate_timed


class ReadAgain:
    """The Translator's second reading of a line (a mix-in: it uses the translator's state)."""

    _hinting = False                              # a did-you-mean being tried (read_again._works)

    def _second_stage(self, line: str, err: LanguageError) -> list[Message]:
        return self._unless_over_chords(line, lambda: self._read_again(line, err), err)

    def _unless_over_chords(self, line: str, read, err: LanguageError | None = None) -> list[Message]:
        """The messages of a line read again — never single notes written over chords the line does not name
        ('continuo: d2 c2 bb1 a1' with only the harpsichord, playing chords): refused as the line was."""
        said = set(re.findall(r"[\w-]+", line.lower()))
        chordal = {n for n in chord_tracks(self.model) if not ({n, self.model.tracks[n].target} |
                   {w for w, m in self.model.labels.items() if m == self.model.tracks[n].target}) & said}
        before = self._state()
        messages = read()
        if single_notes_over(messages, chordal):
            self._restore(before)
            raise err or LanguageError(f"that would write over the {', '.join(sorted(chordal))} chords", 0, (), line)
        return messages

    def _read_again(self, line: str, err: LanguageError) -> list[Message]:
        """The line read again as musicians talk (second_stage.readings); taken only when the
        readings that work all mean the same, else the error names them."""
        if not isinstance(err, UnknownWord) and _FINAL.search(str(err)) and "/" not in line and not _SETTING_ON.search(line):
            raise err                             # a value out of range: no other wording changes that
        if is_back(line) and self._refused is not None:    # ('one octave down' refused, then 'no, back')
            raise LanguageError(f"'{self._refused}' was not done, so nothing to take back from it — 'undo' takes back "
                                f"{repr(self._last_text) + ', ' if self._last_text else ''}the last line done", 0, (), line)
        if is_back(line) and self._corrected_step():
            return self._back_past_correction(line)
        if INSTEAD.match(line.strip()) and (meant := self._meant_instead(line)) is not None:
            return meant                          # ('up a whole step instead': the last line as meant, all it moved)
        try:
            for text, said in corrected_interval(line, self._last_text):   # 'Actually, a whole tone down' after a move:
                messages = self._said(text)                             # that move corrected, never a second one
                self.mapper.understood.insert(0, said)
                return messages
        except LanguageError:
            pass                                  # (no move before it: the line read as it is)
        for text, said in corrected(line, lambda word: part_named(word, self.model)):   # 'a4 b4 c5 e5... sorry, a4 b4
            try:                                                                         # c5 d5 e5': what was meant,
                messages = self._said(text)                                              # before a reading that drops
            except LanguageError:                                                        # the 'sorry' and keeps both
                break
            self.mapper.understood.insert(0, said)
            return messages
        candidates = readings(line, self.model, self._last_intent, self._last_text)
        worked = self._try_readings(line, candidates)
        if not worked and (meant := self._meant_instead(line)) is not None:
            return meant                          # 'no, I meant 0.5 hz': the last line, as meant, in its place
        if not worked and (back := earlier_pattern(line, self.undo_stack, self.model.tracks,
                                                   lambda word: part_named(word, self.model))) is not None:
            worked = self._try_readings(line, [Reading(back[1], back[0])])    # 'no, back to the swing pattern'
        if not worked and self._refused_reading and (len(candidates) == 1 and candidates[0].intent is not None
                                                     or _SAYS_WHY.search(str(self._refused_reading))):
            raise self._refused_reading           # 'again' that cannot be done again: why
        if not worked and not self._nested and (sentences := sentence_by_sentence(self, line)) is not None:
            return sentences                      # 'Could you turn it down? My hearing aid whistles.'
        if not worked and not self._nested and (topic := topic_first(self, line)) is not None:
            return topic                          # 'the filter, open it'
        if not worked and (clauses := clause_by_clause(self, line)) is not None:
            return clauses
        if not worked and not self._nested and (kept := without_remarks(self, line)) is not None:
            return kept                           # 'softer, the clients are lying down'
        if not worked:
            tripped = re.match(r"'[^']+' needs a value|incomplete command|no module has a param", str(err))   # what it tripped on, not the cause
            raise (tripped and missing_part(line, self.model)) or nickname_unread(err, line, self.model) or \
                with_nearest(err, line, self._works)
        sure = [w for w in worked if w[0].sure]
        if len(worked) > 1 and len(sure) == 1:
            worked = sure                         # the line with only chatter left out or slang said plainly
        if len(worked) > 1:
            worked = _all_words_read(worked)      # 'add a reverb, make it huge': not only 'add a reverb'
        if len(worked) > 1:
            said = " — or — ".join(f"'{r.text or r.said}'" for r, _, _ in worked[:2])
            raise LanguageError(f"that could mean {said}: say which", 0, (), line)
        reading, messages, (after, last_intent, understood) = worked[0]
        named = nicknamed_line(line, self.model)    # ('detune the lead a little' read as 'the saw1 detune up': lead → saw1)
        if named and not all(n.split(" → ")[1].removesuffix("'s") in (reading.text or "") for n in named[1].split(", ")):
            named = None                          # (a reading that took the word another way: 'a saw for the pads')
        self._restore(after)
        self._last_intent = last_intent
        self.mapper.understood[:] = [reading.said] + ([named[1]] if named and named[1] not in reading.said else []) + understood
        if not is_again(line):                    # 'again' twice: still said as what it repeats; as read ('tempo 130
            self._last_text = (reading.text or line).strip()      # ovr 8 bars', then 'no 132': the glide's target corrected)
        return messages

    def _works(self, text: str) -> bool:
        """Whether `text` would be done (tried and put back), or refused only for a sound the patch lacks ('cutoff 800'
        with no filter yet: 'add one'): a did-you-mean is said only when it makes the line read."""
        if self._hinting:
            return False                          # (the hint's own refusal asks no hint of its own)
        before, last = self._state(), (self._last_intent, self._last_text)
        try:
            self._nested, self._hinting = self._nested + 1, True
            self._translate(text)                 # (the grammar's reading: one the second stage finds it tried already)
            return True
        except LanguageError as err:
            return bool(_LACKS.search(str(err)))
        finally:
            self._nested, self._hinting = self._nested - 1, False
            self._restore(before)
            self._last_intent, self._last_text = last

    def _meant_instead(self, line: str) -> list[Message] | None:
        """'no, I meant 0.5 hz', 'no, over 4 bars': the last line undone and said again as meant (line_corrections.py)."""
        if self._refused is not None or not self.undo_stack:
            return None                           # (after a refused line, 'no, down' is of that line, not the one before)
        meant = correction_of_last(line, self._last_text, lambda word: part_named(word, self.model), self._sound_named)
        return self._said_again(*meant) if meant is not None else None

    def _sound_named(self, word: str) -> str | None:
        """The voice or drum a word names ('flute', 'kick', 'sine1'), never an effect ('reverb')."""
        module = part_named(word, self.model)
        spec = self.model.spec(module) if module in self.model.modules else None
        return (self.model.voice_of(module) or [module])[0] if spec is not None and spec.role in ("source", "drum") else None

    def _said_again(self, text: str, said: str, whole: bool) -> list[Message] | None:
        """The last change undone and `text` said in its place (None, nothing changed: `text` is refused, or, a `whole`
        command, sets nothing the last change set — 'no, I meant tempo 98' after a save takes the tempo change back)."""
        before, last = self._state(), (self._last_intent, self._last_text)
        try:
            undone, meant = self._translate("undo"), self._translate_line(text)
            resets = {what_it_sets(m) for m in meant} - {None}    # (a setting the line meant sets again is not put
            if whole and not resets & {what_it_sets(m) for m in undone}:            # back first: a glide goes on)
                raise LanguageError("no correction of the last change", 0)
            messages = last_settings([m for m in undone if what_it_sets(m) not in resets] + meant)
        except LanguageError:
            self._restore(before)
            self._last_intent, self._last_text = last
            return None
        self.mapper.understood[:] = [said] + [u for u in self.mapper.understood if u != said]
        self._last_text = text
        return messages

    def _corrected_step(self) -> bool:
        """The last line took back part of the step before it ('more feedback', 'too much'): both moved the same
        settings and nothing else."""
        if len(self.undo_stack) < 2 or not is_correction(self._last_text):
            return False
        moved = [{m.address for m in step.forward} for step in self.undo_stack[-2:]]
        return moved[0] == moved[1] and bool(moved[0]) and \
            all(m.address.startswith(("/mod/", "/ramp/")) for step in self.undo_stack[-2:] for m in step.forward)

    def _back_past_correction(self, line: str) -> list[Message]:
        """'more feedback', 'too much', 'back to how it was': before the step the correction was about, not the step
        again (undoing only 'too much' would bring back what was just called too much)."""
        corrected = self._last_text
        messages = last_settings(self._translate("undo 2"))
        self.mapper.understood[:] = [f"back to how it was before the change '{corrected}' was about: both undone"]
        self._last_text = line.strip()
        return messages

    def _try_readings(self, line: str, candidates) -> list[tuple]:
        """The readings that work, each with its messages and the state it leaves (the state is
        put back after each: the caller takes one, or none)."""
        before, last = self._state(), (self._last_intent, self._last_text)
        worked: list[tuple] = []
        tried: set[str] = set()
        self._refused_reading = None
        for reading in candidates:
            if reading.text is not None and (reading.text in tried or reading.text == line.strip()):
                continue
            tried.add(reading.text or "")
            self.mapper.understood.clear()        # what the refused line's attempt inferred is no part of it
            try:
                messages = self._reading(reading)
                if reading.guessed and any(m.address in _NOT_GUESSED for m in messages):
                    continue                      # a guessed word never discards or deletes ('roll' ≠ rollback)
                if all(messages != m for _, m, _ in worked):
                    worked.append((reading, messages, (self._state(), self._last_intent, self.understood)))
            except LanguageError as err:
                self._refused_reading = err
            finally:
                self._restore(before)
                self._last_intent, self._last_text = last     # a reading tried is not what 'again' repeats
        return worked

    def _reading(self, reading) -> list[Message]:
        if reading.text is not None:             # a reading with time words is timed ('… for 4 takts' → bars)
            timed = translate_timed(self, reading.text) if is_timed(reading.text) else None
            return self._translate(reading.text) if timed is None else timed
        if isinstance(reading.intent, (Undo, Redo)):   # 'again' after an undo: one more
            self._last_intent = reading.intent
            return self._repeat(self.undo if isinstance(reading.intent, Undo) else self.redo, reading.intent.times)
        if isinstance(reading.intent, Sequence):        # 'more' after 'kick and snare louder': each, one undo
            return self._sequence(reading.intent)
        messages = self.observe(self.mapper.map(reading.intent))
        self._last_intent = reading.intent
        return messages


def _all_words_read(worked: list[tuple]) -> list[tuple]:
    """Of readings that agree but one leaves words out, the one that reads them all when those words only
    shape what the line adds ('add a reverb, make it huge': the new reverb's room)."""
    whole = [w for w in worked if "left out" not in w[0].said]
    if len(whole) != 1:
        return worked
    messages = whole[0][1]
    for reading in (w for w in worked if w is not whole[0]):
        added = {str(m.args[0]) for m in reading[1] if m.address == "/patch/create"}
        extra = messages[len(reading[1]):]
        if messages[:len(reading[1])] != reading[1] or not added or \
                not all(m.address.startswith("/mod/") and m.parts[1] in added for m in extra):
            return worked
    return whole


#: A refusal of a line that reads, for a sound the patch has not ('no module in the patch has cutoff (add one: …)').
_LACKS = re.compile(r"\(add one: |^no module in the patch has |^there is no \w+ yet|^\w+ has no param '")
#: Refusals about a value or a state, not the words, or two readings named: the second stage has nothing to add.
_FINAL = re.compile(r"out of range|plays there already|too short to hear|is already|^there is no \w+ sound|already goes through|nothing to (undo|redo)|already at its|is not muted|is muted already|no notes to move|scale on which note|^that move lands in|"
                    r"^that could mean |^nothing else is playing to mute around ")
#: A reading's refusal that says more than the line's own: what the musician asked for cannot be done as is.
_SAYS_WHY = re.compile(r"^a wobble bass moves a filter|.* now: .* is not (?:up|down) from there")   # (said_way.py)
#: What a reading built on a guessed word may not do: a wrong guess must not throw work away, nor
#: write, load or delete a session or a recording ('the stone walls' is not 'store walls').
_NOT_GUESSED = ("/patch/abort", "/patch/remove", "/seq/remove", "/seq/clear", "/shell/clear", "/session/load",
                "/session/save", "/session/delete", "/record/start", "/record/stop")
#: Lines the grammar misread into a final refusal, read again: a setting said before its part
#: ('... 500ms on the bass', taken for 'bass on'), a decimal said in words ('one point two k'), a part
#: named by a number ('808 louder': the 808, not 808 of something).
_SETTING_ON = re.compile(r"\d\S*(?:\s+[a-z]+)?\s+on\s+(?:the\s+)?\w+$|\bpoint\s+\w+|\b(?:808s?)\b", re.I)
