"""Words → module ids, types and params, using the patch model and the catalogue.

Rules (documented in docs/commands.md):
- "it", "that", "this" → the focus (the last module touched).
- an id ("saw1", "acid_filter1") → that module; "saw1.cutoff" → module and param.
- a type or alias ("the saw", "303", "hats") → the single instance of that type, else the
  focused one, else the one in the focused voice; a family word ("filter", "osc", "drum") also
  matches types whose name contains it or whose role it names.
- "the bass" → a module or track named bass; else the voice with an acid filter (the focused
  one first); else the voice whose oscillator is tuned lowest.
- a bare param ("resonance") → the focus if it has it, else the unique module with it in the
  focused voice, else the unique module with it in the patch; otherwise an error listing them.
"""
from __future__ import annotations

import re

from functools import lru_cache

from ..engine.catalogue import CATALOGUE
from ..engine.params import ParamSpec, did_you_mean
from .slips import slips
from .errors import LanguageError, with_hint
from .intents import Word, Words
from .param_words import LFO_EFFECTS
from .patch_model import PatchModel
from .units import is_note, note_to_hz
from .type_words import CHOICE_SYNONYMS, GENERIC_NOUNS, joined, normalize_words, plural_of_type, type_and_presets, type_named

_PATTERN_LIKE = re.compile(r"^(?=.*[xX])[xXoO0.\-|_*]{4,}$")  # a rhythm typed with other symbols

PRONOUNS = ("it", "that", "this", "them", "focus", "current")
#: The newest module ("remove the last one").
LAST_WORDS = {("last",), ("last", "one"), ("last", "module"), ("latest",), ("newest",),
              ("new", "one"), ("latest", "one"), ("newest", "one")}
#: The whole patch ("mute everything", "remove everything").
EVERYTHING = {("everything",), ("all",), ("it", "all"), ("all", "modules"), ("every", "module"),
              ("whole", "patch"), ("whole", "thing"), ("all", "of", "it"), ("music",), ("mix",), ("whole", "mix"),
              ("whole", "song"), ("song",)}
#: Nouns that only restate a param ("the cutoff frequency", "the feedback amount").
PARAM_NOUNS = ("frequency", "freq", "level", "amount", "value", "setting", "knob", "control", "param")
ROLE_WORDS = {"osc": "source", "oscillator": "source", "synth": "source", "source": "source",
              "oscs": "source", "oscillators": "source", "synths": "source", "sounds": "source", "voices": "source",
              "drum": "drum", "drums": "drum", "effect": "processor", "fx": "processor"}
BASS = "bass"
#: "the bass" with no bass track nor 303: the only oscillator, or the lowest if tuned low enough to be one.
BASS_BELOW_HZ = 200.0
#: Words naming several parts at once: never one of them picked by the focus.
PLURAL_GROUPS = ("drums", "oscillators", "oscs", "synths", "sounds", "voices", "effects", "fx")
#: A level named without a module means the whole mix ("volume down", "volume to 50%").
OVERALL_LEVEL = ("volume", "vol")


class Resolver:
    def __init__(self, model: PatchModel, said: list[str] | None = None):
        self.model = model
        self.said = said          # the mapper's echo: one of several picked by the focus is said back

    # -- modules -----------------------------------------------------------------------------
    def focus(self, column: int) -> str:
        if self.model.focus is None or self.model.focus not in self.model.modules:
            raise LanguageError("nothing is in focus yet — name a module, e.g. 'add a saw'", column)
        return self.model.focus

    def focused_voice(self) -> list[str]:
        """The focus's voice, else the newest voice of an oscillator (not a drum), else none."""
        voice = self.model.voice_of(self.model.focus)
        if voice:
            return voice
        voices = self.model.voices()
        pitched = [v for v in voices if self.model.spec(v[0]).role == "source"]
        return (pitched or voices or [[]])[-1]

    def module(self, words: Words, hints: bool = True) -> str:
        """The module id a phrase names, or LanguageError with did-you-mean."""
        texts, column = words.texts, words.column
        if texts in ((p,) for p in PRONOUNS):
            return self.focus(column)
        if texts in LAST_WORDS:
            return self.last(column)
        joined = "_".join(texts)
        if joined in self.model.modules:
            return joined
        track = self.model.tracks.get(self.model.scale_run if joined in ("scale", "scale_track") else joined)
        if track is not None and track.target in self.model.modules and not self.model.of_type(joined):
            return track.target                           # "the kick" after 'use 909kick.wav for the kick'
        effect = self._effect_lfos(texts)
        if effect:                                        # "remove the vibrato": the lfo on a pitch
            return self.pick(effect, texts[0], column)
        typed = type_and_presets(texts)
        type_name = typed[0] if typed else None
        if type_name is not None and len(self.model.of_type(type_name)) > 1 and plural_of_type(texts[-1]):
            several = self.model.of_type(type_name)       # 'sweep the filters': all of them, never the focus alone
            raise LanguageError(f"the {texts[-1]} are {', '.join(several)}: name one, or say it for each",
                                column, tuple(several))
        if type_name is not None and self.model.of_type(type_name):
            return self.pick(self._in_mode(self.model.of_type(type_name), typed[1]), type_name, column)
        family = self._family(texts)
        if type_name is not None and len(texts) > 1 and texts[-1] in ROLE_WORDS:
            family = []                                   # 'the sine osc' with no sine: not the saw, an osc too
        if len(family) > 1 and texts[-1] in PLURAL_GROUPS:   # "the drums": all of them, not one
            raise LanguageError(f"the {texts[-1]} are {', '.join(family)}: name one, or say it for each",
                                column, tuple(family))
        if len(family) > 1 and texts[-1] == "drum" and type_name is None and \
                all(self.model.spec(m).role == "drum" for m in family):      # 'the drum' with three: never the focus
            raise LanguageError(f"which drum? {', '.join(family)} — or 'the drums' for all of them", column,
                                tuple(family))
        if family or type_name is not None:
            return self.pick(family, type_name or joined, column)
        if joined == BASS:
            return self.bass(column)
        in_voice = self._type_in_voice(words)
        if in_voice is not None:
            return in_voice
        for word in words.items:
            if _PATTERN_LIKE.match(word.text):            # "play xoxoxoxo on the kick"
                raise LanguageError(f"{word.text!r} is not a pattern: use x (hit), X (accent), . (rest) "
                                    f"and - (tie), e.g. x..x..x.", word.column)
        close = tuple(c for c in slips(joined, did_you_mean(joined, self._module_vocabulary())) if c != joined) if hints else ()
        if joined in ("everything", "all"):                   # 'the volume of everything', not a module
            raise LanguageError(f"'{words.text}' names no one module: name a part (e.g. 'the saw'), or for the whole "
                                f"mix say 'master -6 db' or 'mute everything'", column)
        raise LanguageError(with_hint(f"no module called {words.text!r}", close), column, close)

    def _in_mode(self, candidates: list[str], presets) -> list[str]:
        """'the lowpass' with a highpass and a lowpass filter: the one in that mode (a mode word
        names a module by its setting); all of them when none or every one is in it."""
        matching = [m for m in candidates if all(self.model.value(m, p) == v for p, v in presets)]
        return matching or candidates

    def _effect_lfos(self, texts: tuple[str, ...]) -> list[str]:
        """The LFOs making a named effect (vibrato, tremolo, wobble): those on its params."""
        if len(texts) != 1 or texts[0] not in LFO_EFFECTS:
            return []
        names, found = LFO_EFFECTS[texts[0]][0], []
        for src, dst in self.model.mod_edges:
            target, param = dst.split(".", 1)
            spec = self.model.spec(target)
            if spec and src not in found and any(spec.has_param(n) and spec.param(n).name == param for n in names):
                found.append(src)
        return found

    def _type_in_voice(self, words: Words) -> str | None:
        """'the lead filter', 'the bass delay': a module of a type in a named module's voice ('the rhodes lfo': or moving
        one there)."""
        items = words.items
        for split in range(1, len(items)):
            head, tail = Words(items[:split]), Words(items[split:])
            type_name = type_named(tail.texts)
            if type_name is None:
                continue
            try:
                owner = self.module(head, hints=False)
            except LanguageError:
                continue
            voice = self.model.voice_of(owner) or [owner]
            found = [m for m in voice if self.model.modules.get(m) == type_name]
            if not found:
                family = [m for m in voice if tail.texts[-1].rstrip("s") in self.model.modules[m].split("_")]
                found = family or [source for source, param in self.model.mod_edges   # 'the rhodes lfo': moving its filter
                                   if self.model.modules.get(source) == type_name and param.split(".")[0] in voice
                                   and self.model.spec(owner).role in ("source", "drum")]   # (never 'the filter lfo')
            if len(found) >= 1:
                return found[0]
        return None

    def last(self, column: int) -> str:
        """The newest module (the last one created)."""
        created = [m for m in self.model.modules if m != "master"]
        if not created:
            raise LanguageError("there is nothing to pick yet — add a module first", column)
        return created[-1]

    def pick(self, candidates: list[str], what: str, column: int) -> str:
        """One of several instances: the only one, the focused one, or the one in the focused voice."""
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            raise LanguageError(f"there is no {what.replace('_', ' ')} yet — add one with "
                                f"'add a {what.replace('_', ' ')}'", column)
        if self.model.focus in candidates:
            return self._picked(self.model.focus, candidates, what, "in focus")
        in_voice = [c for c in candidates if c in self.focused_voice()]
        if len(in_voice) == 1:
            return self._picked(in_voice[0], candidates, what, "of the part in focus")
        raise LanguageError(f"which {what.replace('_', ' ')}? {', '.join(candidates)}",
                            column, tuple(candidates))

    def _picked(self, chosen: str, candidates: list[str], what: str, why: str) -> str:
        """'open the filter' with two: the one taken, said back with the others (never a silent guess)."""
        note = f"{chosen}, the {what.replace('_', ' ')} {why} (not {', '.join(c for c in candidates if c != chosen)})"
        if self.said is not None and note not in self.said:
            self.said.append(note)
        return chosen

    def _family(self, texts: tuple[str, ...]) -> list[str]:
        word = "_".join(texts).rstrip("s") if len(texts) == 1 else "_".join(texts)
        role = ROLE_WORDS.get(texts[-1])
        found = []
        for module_id, type_name in self.model.modules.items():
            spec = self.model.spec(module_id)
            if (word in type_name.split("_")) or (role and spec and spec.role == role):
                found.append(module_id)
        return found

    def bass(self, column: int) -> str:
        """The bass voice's first module (see the module docstring for the rule); a part the musician called the bass
        ('the saw is the bass') before any other."""
        named = self.model.labels.get(BASS)
        if named in self.model.modules:
            return (self.model.voice_of(named) or [named])[0]
        track = self.model.tracks.get(BASS)
        if track and track.target in self.model.modules:
            return track.target
        voices = [self.model.voice_of(self.model.focus)] + self.model.voices()
        for voice in voices:
            if any(self.model.modules[m] == "acid_filter" for m in voice):
                return voice[0]
        chordal = {t.target for t in self.model.tracks.values() if any("+" in str(n) for n in t.notes)}
        pitched = [(self.model.value(v[0], "freq"), v[0]) for v in voices[1:]
                   if self.model.spec(v[0]).role == "source" and self.model.spec(v[0]).has_param("freq")
                   and v[0] not in chordal and not self._up_high(v[0])]   # chords, or a lead up high: no bass line
        if pitched and (len(pitched) == 1 or min(pitched)[0] < BASS_BELOW_HZ):
            return min(pitched)[1]
        high = [v[0] for v in voices[1:] if self.model.spec(v[0]).role == "source" and self._up_high(v[0])]
        raise LanguageError("no bass yet — add an oscillator or an acid filter"
                            + (" (the chords' voice stays theirs: e.g. 'add a saw called bass at 55 hz')" if chordal else "")
                            + (f" ({high[0]} plays higher up: 'call {high[0]} bass' if it is the bass)" if high else ""),
                            column)

    def _up_high(self, voice: str) -> bool:
        """A voice the musician named for another part ('lead', 'flute') or whose notes all sit above the bass's
        register ('solo the bass' with only a lead playing e4–c5 soloed the lead: trial)."""
        named = [label for label, module in self.model.labels.items() if module == voice]
        if named and not any("bass" in label for label in named):
            return True
        notes = [n for t in self.model.tracks.values() if t.target == voice for n in t.notes if is_note(str(n))]
        return bool(notes) and min(note_to_hz(str(n)) for n in notes) >= BASS_BELOW_HZ

    def _module_vocabulary(self) -> list[str]:
        words = list(self.model.modules) + list(CATALOGUE) + [BASS, *PRONOUNS, "last", "everything"]
        for cls in CATALOGUE.values():
            words.extend(cls.spec.aliases)
        return words

    # -- params ------------------------------------------------------------------------------
    def param(self, words: Words, hints: bool = True) -> tuple[str, ParamSpec]:
        """(module id, ParamSpec) for 'cutoff', 'saw1 detune', 'cutoff filter', 'lfo1.rate'."""
        texts, column = words.texts, words.column
        if len(texts) > 1 and texts[-1] in PARAM_NOUNS and self._param_exists(texts[-2]):
            try:                                        # "cutoff frequency", "feedback amount"
                return self.param(Words(words.items[:-1]), hints=False)
            except LanguageError:
                pass
        if len(texts) == 1 and "." in texts[0]:
            module_word, param_word = texts[0].split(".", 1)
            return self._param_of(self.module(Words((Word(module_word, column),)), hints), param_word, column)
        if "_".join(texts) in self.model.modules:    # 'tone louder' with a sound called tone: the sound
            raise LanguageError(f"{words.text!r} is a part of the patch, not a param", column)
        if self._param_exists("_".join(texts)):
            return self.bare_param("_".join(texts), column)
        items = words.items
        first_error = None
        for split in range(1, len(items)):
            for module_part, param_part in ((items[:split], items[split:]), (items[split:], items[:split])):
                param_name = "_".join(Words(param_part).texts)
                if Words(module_part).texts in EVERYTHING and param_name in _level_words():
                    return "master", self.model.spec("master").param("gain")     # 'the volume of everything'
                if self._param_exists(param_name):
                    try:
                        found = self._param_of(self.module(Words(module_part), hints), param_name, column,
                                               named=not set(Words(module_part).texts) <= set(PRONOUNS))
                    except LanguageError as err:          # "bass delay time": try another split
                        first_error = first_error or err
                        continue
                    self._amp_gain(Words(module_part), param_name, found[0], column)
                    return found
        if first_error is not None:
            raise first_error
        if len(items) > 1:
            self.module(Words(items[:-1]), hints)  # names the module part's problem, if any
        close = slips("_".join(texts), did_you_mean("_".join(texts), self._param_vocabulary())) if hints else ()
        raise LanguageError(with_hint(f"no module has a param {words.text!r}", close), column, close)

    def _amp_gain(self, part: Words, name: str, module_id: str, column: int) -> None:
        """'more gain on the guitar' with a distortion after it: a guitarist's gain is the amp's drive, a mixer's the
        level — both readings said (the sound named by its id, 'saw1 gain', is the level). No part said ('more gain'):
        only where the musician called the sound a guitar or the distortion an amp."""
        drives = [m for m in self.model.voice_of(module_id) if self.model.modules[m] == "distortion"]
        if name != "gain" or not drives or self.model.spec(module_id).role != "source" or \
                part.text.lower() == module_id:
            return
        if not part.items and not any(re.search(r"guitar|gtr" if said == module_id else r"\bamp|pedal|fuzz|overdrive", label)
                                      for label, said in self.model.labels.items() if said in (module_id, drives[0])):
            return
        raise LanguageError(f"'gain' on {module_id} could mean {drives[0]}'s drive (an amp's gain) or {module_id}'s level: "
                            f"say '{drives[0]} drive …' or '{module_id} volume …'", column)

    def bare_param(self, name: str, column: int) -> tuple[str, ParamSpec]:
        if name in OVERALL_LEVEL and self.model.spec("master") is not None:   # "volume down": the whole mix
            return "master", self.model.spec("master").param("gain")
        focus = self.model.focus
        if focus in self.model.modules and self.model.spec(focus).has_param(name):
            self._amp_gain(Words(()), name, focus, column)     # 'more gain' on a guitar into an amp: drive or level
            said = self.model.spec(focus).param(name).name
            own = [m for m in self.focused_voice() if m != focus and self.model.spec(m).has_param(name)
                   and self.model.spec(m).param(name).name not in (said,)]
            if own and said != name:                  # 'freq 440' with a filter in focus: its pitch or the cutoff
                other = self.model.spec(own[0]).param(name).name
                raise LanguageError(f"'{name}' could mean {own[0]}'s {other} or {focus}'s {said}: say "
                                    f"'{own[0]} {other} …' or '{focus} {said} …'", column)
            return focus, self.model.spec(focus).param(name)
        owners = [m for m in self.model.modules if self.model.spec(m) and self.model.spec(m).has_param(name)]
        in_voice = [m for m in owners if m in self.focused_voice()]
        if name == "gain" and self.model.modules.get(focus) == "distortion" \
                and len(in_voice) == 1:                   # a guitarist's gain is the drive
            raise LanguageError(f"'gain' with {focus} in focus could mean its drive (an amp's gain) or "
                                f"{in_voice[0]}'s level: say '{focus} drive …' or '{in_voice[0]} gain …'", column)
        for group in (in_voice, owners):
            if len(group) == 1:
                if group is in_voice:
                    self._amp_gain(Words(()), name, group[0], column)   # (the guitar's voice in focus: drive or level)
                return group[0], self.model.spec(group[0]).param(name)
        if not owners:
            types = sorted(c.spec.type for c in CATALOGUE.values() if c.spec.has_param(name))
            raise LanguageError(f"no module in the patch has {name!r} (add one: {', '.join(types)})",
                                column)
        raise LanguageError(f"which {name}? {', '.join(f'{m} {name}' for m in owners)}",
                            column, tuple(owners))

    def _param_of(self, module_id: str, name: str, column: int, named: bool = False) -> tuple[str, ParamSpec]:
        """The module's param, or its voice's: the one after it ('the bass drive': its filter), or before it when the
        module is not an effect said by name ('fade it out' on a filter: the noise's level; 'reverb decay': no)."""
        spec = self.model.spec(module_id)
        if spec is None:
            raise LanguageError(f"{module_id} has an unknown type", column)
        if not spec.has_param(name) and name in _level_words() and spec.has_param("mix"):
            if spec.has_param("drive") and name == "gain":    # a guitarist's gain is the drive
                raise LanguageError(f"'{module_id} gain' could mean its drive (an amp's gain) or its mix: "
                                    f"say '{module_id} drive …' or '{module_id} mix …'", column)
            return module_id, spec.param("mix")          # "distortion level to max": the effect's own level
        if not spec.has_param(name):
            voice = self.model.voice_of(module_id)
            owners = [m for m in voice if self.model.spec(m).has_param(name)]
            after = [m for m in owners if voice.index(m) > voice.index(module_id)]
            if after or owners and not (named and spec.role == "processor"):
                owner = (after or owners)[0]
                return owner, self.model.spec(owner).param(name)
            hints = slips(name, did_you_mean(name, spec.names()))
            valid = ", ".join(p.name for p in spec.params)
            raise LanguageError(with_hint(f"{module_id} has no param {name!r}", hints)
                                + f" (params: {valid})", column, hints)
        return module_id, spec.param(name)

    def _param_exists(self, name: str) -> bool:
        return any(cls.spec.has_param(name) for cls in CATALOGUE.values())

    def _param_vocabulary(self) -> list[str]:
        return sorted({n for cls in CATALOGUE.values() for n in cls.spec.names()})


@lru_cache(maxsize=1)
def _level_words() -> frozenset[str]:
    """The words of a voice's level ('gain', 'level', 'volume', 'amp', 'vol'): on an effect, its mix."""
    return frozenset({"gain", *OVERALL_LEVEL, *(a for cls in CATALOGUE.values() for p in cls.spec.params
                                                 if p.name == "gain" for a in p.aliases)})


__all__ = ["Resolver", "joined", "type_named", "type_and_presets", "normalize_words", "PRONOUNS", "BASS",
           "EVERYTHING", "LAST_WORDS", "CHOICE_SYNONYMS", "GENERIC_NOUNS"]
