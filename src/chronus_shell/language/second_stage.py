"""The second stage: a line the grammar or the mapper refused, read again the way musicians talk.

Deterministic, no model: it proposes *readings* of the line — the words tidied (a typo one letter
off a known word, scene slang, chatter dropped), one command per part named together ("kick and
hats up a bit", "the drums down"), a follow-up of the last command ("more", "again", "same for
the snare", "too much") — and the translator takes a reading only when exactly one of them
works; several that work differently are named back in one line. Each reading says how the line
was read, for the echo.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..engine.catalogue import CATALOGUE
from . import intents as it
from .intents_rhythm import TrackFeel
from .errors import LanguageError
from .asides import (described_then_asked, label_names_part, without_asides, without_label, without_purpose, without_simile,
                     without_reason)
from .dance_counts import dance_counts
from .described_modules import described_module
from .except_parts import all_but
from .file_names_said import named_file_line
from .follow_ups import follow_up, is_again
from .missing_effects import absent_effect, distorted_part
from .modulation_phrases import aimed
from .nicknames import named_here, one_part_twice
from .rephrasings import QUALITIES, rephrasings
from .param_verbs import verb_readings
from .part_labels import new_named
from .part_naming import part_named
from .param_words import LFO_EFFECTS
from .part_lines import addressed_readings, part_readings
from .instead_words import instead_line
from .learner_words import learner_english
from .lfo_effect_words import lfo_effect_line
from .loop_words import loop_line
from .loose_times import loosely_timed
from .patch_model import PatchModel
from .politeness import polite
from .praise import after_praise
from .qualities import quality_request
from .resolve import type_named
from .side_words import side_line
from .several_parts import names_part, own_names_kept, part_names, plural_here, several
from .same_for_lines import whole_line_again
from .wah_words import wah_reading
from .scene_words import scene_words
from .shorthands import shorthand
from .stretched_words import unstretched
from .style_tempo import style_tempo
from .texture_words import texture_line
from .tidal_lines import tidal_line
from .timed_lines import is_timed
from .track_nouns import track_said
from .typo_words import rival_comparatives, typo
from .word_order import reordered
from .musician_words import GROUPS, NOISE, NOT_TYPOS, RHYTHM_WORDS, SLANG
from .vocabulary import is_known_word, module_words


@dataclass(frozen=True)
class Reading:
    """One way to read a refused line: a new line of text, or an intent built here."""

    said: str                      # how it was read, for the echo ("cutof → cutoff")
    text: str | None = None
    intent: object = None
    sure: bool = False             # every word changed is a known synonym ('rm' → remove), none a guess
    typo: bool = False             # a word in it was corrected as a typo, whatever the echo says ('read as …')

    @property
    def guessed(self) -> bool:
        """A word in it was guessed (a typo, a nickname): such a reading may not throw work away."""
        return self.typo or " → " in self.said and not self.sure


_NEVER_MIND = re.compile(r"^(?:never\s*mind|forget (?:it|that)|scratch that|cancel(?: that)?|hold on|wait|"
                         r"(?:hmm+|um+|uh+)?,?\s*not sure|actually no|no wait|leave (?:it|the \w+)(?: alone| as (?:it is|they are))?|"
                         r"keep (?:it|the \w+) as (?:it is|they are)|(?:the \w+|it|that) (?:is|are|sounds?) (?:fine|good|ok|okay|perfect|great))$",
                         re.I)
_BACK = re.compile(r"^(?:(?:and|now|ok|okay|actually|no|nah|oh|so|hmm+|ugh|sorry|oops|please)[,!]?\s+)*(?:(?:can|could|would) (?:we|you)\s+)?"
                   r"(?:put it |put that |put everything |go |take it |set it |bring it |change it )?back (?:to )?(?:how|the way|what|as) it was\b"
                   r"|^(?:put it )?back$", re.I)
#: 'back to normal' with no track's speed changed: the last change of a setting taken back (never a 'start' or an 'add').
_NORMAL = re.compile(r"^(?:(?:go|put it|set it|bring it)\s+)?(?:back\s+(?:to\s+)?)?normal(?:\s+again)?(?:\s+please)?$", re.I)
#: 'too much, undo that', 'ugh no, take it back': a complaint, then the undo it asks for.
_COMPLAINT_THEN_UNDO = re.compile(r"^(?:(?:nah|no|ugh|oops|hmm+|(?:way\s+)?too\s+\w+|that(?:'?s|\s+was)\s+(?:way\s+)?(?:too\s+)?\w+|not\s+(?:good|great|that|it|so\s+much)|please|sorry)"
                                  r"[\s,.!]+)+(?:undo(?:\s+(?:that|it))?|take\s+(?:that|it)\s+back|go\s+back|back(?:\s+(?:down|up))?(?:\s+again)?|(?:put\s+it\s+)?back\s+(?:to\s+)?(?:how|the way|as)\s+it\s+was|"
                                  r"(?:back\s+to\s+)?normal(?:\s+again)?)"
                                  r"[\s.!]*$", re.I)
#: What a complaint is about ('too fast, back' after 'hats up' is no undo of the hats): the params it can take back.
_COMPLAINED_OF = {("fast", "slow", "quick", "rushed", "rushing", "dragging"): ("bpm", "speed"),
                  ("loud", "quiet", "soft", "noisy", "much"): ("gain", "mix", "level", "depth", "drive")}


def is_back(text: str) -> bool:
    """'back to how it was', 'put it back the way it was', 'no, back', 'ugh, take that back'."""
    return bool(_BACK.match(text.strip().rstrip("?!.")) or _COMPLAINT_THEN_UNDO.match(text.strip()))


def takes_back(text: str, model: PatchModel) -> bool:
    """A complaint then 'back' / 'undo' that is about the last change (a complaint of another thing: not an undo)."""
    if not _COMPLAINT_THEN_UNDO.match(text):
        return False
    said = re.search(r"\btoo\s+(\w+)", text, re.I)
    params = next((p for words, p in _COMPLAINED_OF.items() if said and said.group(1).lower() in words), None)
    return params is None or model.last_param is not None and model.last_param[1] in params


_ONLY_AFTER = re.compile(r"^(?:the\s+)?(.+?)\s+only(?:\s+please)?$", re.I)
_ONLY = re.compile(r"^(?:only|just)\s+(?:the\s+)?(.+?)(?:\s+(?:please|pls|now))?$", re.I)
#: 'same for the bass' after a timed line whose change no one part's follow-up repeats: that line said again for it.
_SAME_FOR_TIMED = re.compile(r"^(?:(?:and|now|do|then)\s+)?(?:the\s+)?same\s+(?:thing\s+)?(?:for|on|with)\s+(?P<target>.+?)[.!]*$", re.I)
_FULL_STOP = re.compile(r"(?<=[A-Za-z]{2})\.$")


def readings(line: str, model: PatchModel, last, last_text: str = "", depth: int = 0) -> list[Reading]:
    """The readings worth trying for a refused `line`, most literal first (a part left out — a
    reason, a label — is read again the same way, once)."""
    found: list[Reading] = []
    tidal = tidal_line(line)                              # 'd1 $ s "bd*4"': Tidal's quoted cycle
    if tidal:
        return [Reading(*tidal)]
    kind = polite(unstretched(_FULL_STOP.sub("", line.strip().rstrip("?!")).strip()))
    learned = learner_english(kind)
    text = shorthand(own_names_kept(learned, scene_words(learned), model))
    follow = follow_up(text, model, last, last_text)
    same = _SAME_FOR_TIMED.match(text) if not follow and last_text and is_timed(last_text) else None
    if same:                                              # ('Drums tacet for eight bars.', 'Same for the bass.')
        whole = whole_line_again(f"the same for {same['target']}", last_text, model,
                                 lambda w: part_names(model).get(w) or part_named(w, model), line)
        return [Reading(*whole)] if whole else []
    if follow:
        if is_again(text) and last_text and is_timed(last_text):   # 'drop the kick for a bar', 'again':
            return [Reading(f"again: {last_text}", last_text)]            # timed again, not for good
        whole = whole_line_again(follow[0][0], last_text, model, part_names(model).get, line)
        if whole is not None:                             # after a timed line or one of several changes: all of it
            return [Reading(*whole)]
        return [Reading(said, intent=intent) for said, intent in follow]
    alone = _ONLY_AFTER.match(line.strip().rstrip("?!."))
    if alone and names_part(alone.group(1), model):      # "bass only": solo it
        return [Reading(f"{alone.group(1)} only: solo", f"solo {alone.group(1)}")]
    if _NEVER_MIND.match(text):
        raise LanguageError("ok — nothing changed", 0, (), line)
    if (wah := wah_reading(text, model)) is not None:     # 'add a wah to the clav': a filter swept, never the pitch
        return [Reading(*wah)]
    tidied, said = tidy_words(text, model)
    twice = one_part_twice(said, model, text)
    if twice:
        raise LanguageError(twice, 0, (), line)
    if tidied != text and follow_up(tidied, model, last, last_text):      # 'agian', 'do that agian': a follow-up
        return [Reading(f"{', '.join(said)}; {how}", intent=intent) for how, intent in follow_up(tidied, model, last, last_text)]
    guesses = sum(" → " in s and not s.startswith(tuple(SLANG)) for s in said)
    if guesses >= 2 and 2 * guesses >= len(text.split()):
        tidied, said = text, []                           # "never mind" is not "noise min": too many guesses
    if _BACK.match(tidied) and isinstance(last, it.Mute) and last.verb in ("unsolo", "unmute"):
        raise LanguageError(f"it is: '{last_text or last.verb}' brought it back as it was ('undo' would take that "
                            f"back)", 0, (), line)       # after 'solo …', 'unsolo': never the solo again
    if _BACK.match(tidied) or _COMPLAINT_THEN_UNDO.match(text) or _NORMAL.match(tidied) and isinstance(
            last, (it.ChangeParam, it.Comparative, it.SetParam, it.Drop, it.Extreme, it.OpenClose, it.Mute, TrackFeel,
                   it.Transpose)):
        return [Reading("back to how it was: undo", "undo")]
    but = _all_but(tidied, model)
    if but is not None:
        return [but]
    only = _ONLY.match(tidied)
    if only and names_part(only.group(1), model):
        found.append(Reading(f"only {only.group(1)}: solo", f"solo {only.group(1)}"))
    each = [Reading(f"each of them: {expanded}", expanded) for expanded in several(tidied, model) or several(text, model)]
    if each and re.search(r"\b(?:both|each|all)\b", text, re.I):
        return each                                       # "kick and hats both at 0.3": each one
    if tidied.lower() != line.strip().lower():
        sure = all(" → " not in s or s.split(" → ")[0] in SLANG for s in said)
        found.append(Reading(", ".join(said) if said and learned == kind else f"read as '{tidied}'", tidied, sure=sure,
                             typo=not sure))          # ('the story is told' read as 'store …': never a save)
    found += each
    for how, new in rephrasings(tidied, model) or (rephrasings(text, model) if text != tidied else []):
        found.append(Reading(how, new))
        head, comma, tail = new.partition(", ")               # 'bitcrush the drums': one distortion for them all
        found += [Reading(f"{how}; each: {each}", each + comma + tail) for each in several(head, model)]
    found += [Reading(how, new) for how, new in part_readings(text, model)]
    found += [Reading(how, new, sure=True) for how, new in addressed_readings(text, model) if depth == 0]   # the part named
    found += [Reading(*praise, sure=True)] if (praise := after_praise(text)) else []    # 'nice, now more reverb'
    found += [Reading(*named, sure=True)] if (named := named_file_line(text)) else []   # 'load the one of yesterday, x'
    found += [Reading(how, new, sure=": a " in how and new.startswith("set "))       # 'room huge': the region, not 'huger'
              for how, new in reordered(tidied, model, line) + (reordered(text, model) if text != tidied else [])]
    found += [Reading(how, new) for how, new in verb_readings(text) + (verb_readings(tidied) if tidied != text else [])]
    found += [Reading(how, new) for how, new in style_tempo(text, model)]      # 'slow air, 60', 'gabber! 180'
    asked = new_named(line, model) or aimed(text, model) or absent_effect(tidied, model) \
        or distorted_part(text, model, lambda w: part_named(w, model)) or described_module(tidied, model) or (
        described_module(text, model) if text != tidied else None) or quality_request(text, model) or (
        quality_request(tidied, model) if tidied != text else None)
    if asked:
        found.append(Reading(*asked))
    for wording in dict.fromkeys((tidied, text)):         # ('roomy', 'pulsed' are no typos there)
        sound = texture_line(wording, model) or instead_line(wording, model, lambda w: part_named(w, model)) or \
            lfo_effect_line(wording, model) or loop_line(wording, model) or side_line(wording, model) or dance_counts(wording)
        if sound:     # 'crunchier', 'a square instead of the sine', 'tremolo at 2 hz', 'the bass loop', 'the right one'
            found.append(Reading(*sound))
            break
    for how, new in _equivalents(tidied, model):
        found.append(Reading(how, new))
    tracked = track_said(text, model, lambda w: part_named(w, model))   # 'the harmonium melody': its track
    if tracked:
        found.append(Reading(*tracked))
    labelled = label_names_part(text, model, lambda: part_names(model))
    if labelled:
        found.append(Reading(*labelled))
    left_out = (without_asides(text, model) or without_reason(text, model) or without_purpose(text, model) or without_label(text, model, lambda: part_names(model))
                or described_then_asked(text) or (without_reason(kind, model) if kind != text else None)   # (', its a ballad' as typed)
                or without_simile(text))                 # 'the triangle brighter, like a metal bar': the colour of it
    aside = Reading(*left_out) if left_out else None
    if aside:
        found.append(aside)
        if depth == 0:
            found += [Reading(f"{aside.said}; {r.said}", r.text, r.intent)
                      for r in readings(aside.text, model, last, last_text, 1)]
    loose = loosely_timed(tidied)                         # 'kick come back', 'hats out for 2 bars and back'
    if loose != tidied:
        found.append(Reading(f"read as '{loose}'", loose))
    same = _and_same_for(tidied, model)
    if same:
        found.append(same)
    return _typos_marked(found, said, text)


def _typos_marked(found: list[Reading], said: list[str], text: str) -> list[Reading]:
    """Each reading that uses a word a typo was corrected to (and the line did not say) marked so: such a reading never
    saves, loads or deletes ('the story is told' read on as 'store too told')."""
    guesses = {s.split(" → ")[1].split()[0].lower() for s in said if " → " in s and s.split(" → ")[0] not in SLANG}
    typed = set(text.lower().split())
    return [replace(r, typo=True) if r.text and (guesses - typed) & set(r.text.lower().split()) else r for r in found]


def _all_but(text: str, model: PatchModel) -> Reading | None:
    """'every part louder except the hats': the change for each other sound ('all drums …': each other drum)."""
    drums_only = re.search(r"\bdrums?\b.*\b(?:except|but|apart|other|save)\b", text, re.I) is not None   # ('all drums …
    # but the kick': each other drum; '… except the drums': every other sound)
    drums = sounds(model, True)
    but = all_but(text, sounds(model, drums_only),
                  lambda word: drums if word in ("drums", "drum", "kit") and drums else part_named(word, model))
    return Reading(*but) if but else None


def sounds(model: PatchModel, drums_only: bool = False) -> list[str]:
    """The sounds of the patch, each voice's first module (the drums alone with `drums_only`)."""
    return [v[0] for v in model.voices() if model.spec(v[0]) is not None
            and model.spec(v[0]).role in (("drum",) if drums_only else ("source", "drum"))]


_SAME_FOR = re.compile(r"^(?P<first>(?:the\s+)?(?P<part>\w+)\s+.+?)(?:,\s*|\s+)(?:and\s+|then\s+)?(?:the\s+)?same\s+"
                       r"(?:for|on|with)\s+(?:the\s+)?(?P<other>\w+)$", re.I)


def _and_same_for(text: str, model: PatchModel) -> Reading | None:
    """'kick decay 250 and same for the hats': the first command, then it again on the other part."""
    match = _SAME_FOR.match(text)
    if match is None:
        return None
    names = part_names(model)
    if match.group("part").lower() not in names or match.group("other").lower() not in names:
        return None
    first = match.group("first")
    again = re.sub(rf"^(?:the\s+)?{re.escape(match.group('part'))}\b", match.group("other"), first, flags=re.I)
    return Reading(f"the same for {match.group('other')}", f"{first}, {again}")


#: Params that mean the same on another module type (a filter's q is a 303's resonance).
EQUIVALENT_PARAMS = {"resonance": "q", "reso": "q", "res": "q", "q": "resonance", "pitch": "freq", "tune": "freq"}


def _equivalents(text: str, model: PatchModel) -> list[tuple[str, str]]:
    """'reso up' with only a plain filter: its q."""
    found = []
    words = text.split()
    if not any(word.lower() in EQUIVALENT_PARAMS for word in words):
        return found
    present = {p.name for m in model.modules.values() if m in CATALOGUE for p in CATALOGUE[m].spec.params}
    for index, word in enumerate(words):
        other = EQUIVALENT_PARAMS.get(word.lower())
        if other and other in present and word.lower() not in present:   # (one with a param of that name: not a q)
            new = " ".join(words[:index] + [other] + words[index + 1:])
            found.append((f"{word} → {other}", new))
    return found


# -- the words --------------------------------------------------------------------------------
_REVERB = re.compile(r"\b(?:reverb|verb|reverberation|hall|plate)\b", re.I)


def tidy_words(text: str, model: PatchModel) -> tuple[str, list[str]]:
    """Slang to the language's words, chatter dropped, a typo one letter off a known word
    corrected (only when exactly one known word is that close)."""
    out, said = [], []
    extra = tuple(model.modules) + tuple(model.tracks)
    words = text.split()
    compared = _compared_part(words, model)
    for index, word in enumerate(words):
        core = word.strip(",;:").lower()
        tail = word[len(word.rstrip(",;:")):]
        if compared and index in compared:
            if index == compared[-1]:
                said.append(f"'{' '.join(words[i].strip(',;:') for i in compared)}' left out (a comparison, not a part)")
            continue                                      # (its comma too: 'the bass like the surdo, on 2 and 4')
        if core == "tail" and (_REVERB.search(text) or model.modules.get(model.focus) == "reverb"):
            out.append("room" + tail)                     # 'reverb on the snare, long tail': the reverb's, not the drum's
            said.append("tail → room (the reverb's)")
            continue
        if core in ("envelope", "env") and re.search(r"\bfilter\b", text, re.I):
            out.append(word)                              # 'the bass filter: more envelope': its env_amount, no adsr
            continue
        if core in SLANG:
            out.append(SLANG[core] + tail)
            if SLANG[core] != core:
                said.append(f"{core} → {SLANG[core]}")
            continue
        if core in ("that", "this", "those", "these") and index + 1 < len(words) and \
                (words[index + 1].strip(",;:").lower() in part_names(model) or _effect_named(words[index + 1], model)):
            out.append("the")                             # "turn that bass up": the bass; 'slow that tremolo down'
            continue
        named = named_here(core, words[index - 1].lower() if index else "", model)   # "the pad's too bright"
        if named:
            out.append(named + tail)
            said.append(f"{core} → {named}")
            continue
        if core == "too" and not tail and index + 1 < len(words) and _SAYS_WHICH_WAY.fullmatch(words[index + 1].lower()) \
                and words[index + 1].lower() not in part_names(model):
            out.append(word)                              # 'too quiet' says which way; 'the kick too' only adds
            continue
        side = core == "right" and index > 0 and _a_side(words, index, model)       # ('hats right': a side)
        simile = core == "like" and index > 0 and words[index - 1].lower() in ("sound", "sounds", "sounding")   # ('sound like
        if not simile and ((core in NOISE and index > 0 and not side) or core in ("nah", "yeah", "ok", "okay", "like", "so", "even")):  # 1986')
            if tail and out:
                out[-1] += tail
            said.append(f"'{core}' ignored")
            continue
        rivals = rival_comparatives(core) if _LETTERS.fullmatch(core) else None
        if rivals:                                        # 'kick a bit lowder': louder or lower? asked
            ways = [" ".join(out + [rival + tail] + words[index + 1:]) for rival in rivals]
            raise LanguageError(f"that could mean '{ways[0]}' — or — '{ways[1]}': say which", 0, (), text)
        if _LETTERS.fullmatch(core) and core not in GROUPS and core not in RHYTHM_WORDS \
                and core not in QUALITIES and core not in NOT_TYPOS and not plural_here(core, words[index - 1].lower() if index else "", model) \
                and not is_known_word(core, extra):
            fixed = typo(core, extra)
            if fixed:
                out.append(fixed + tail)
                said.append(f"{core} → {fixed}")
                continue
        out.append(word)
    deduped = [w for i, w in enumerate(out)                   # "spring reverb" → "reverb reverb" → "reverb"
               if i == 0 or w.lower() != out[i - 1].lower() or w.lower() not in module_words()]
    return " ".join(deduped), said


def _effect_named(word: str, model: PatchModel) -> bool:
    """A word naming a modulation the patch has ('that tremolo', 'this wobble'): an LFO, said by what it does."""
    return word.strip(",;:.!?").lower() in LFO_EFFECTS and "lfo" in model.modules.values()


def _compared_part(words: list[str], model: PatchModel) -> range | None:
    """'the bass like the surdo, on 2 and 4': the word places of 'like the surdo' — a part named after
    'like' and an article, with a part named before it, is what the first is compared to, never a
    second target."""
    for index, word in enumerate(words[:-2]):
        if word.lower() == "like" and index > 0 and words[index + 1].lower() in ("a", "an", "the"):
            compared = words[index + 2].strip(",;:.").lower()
            named = [w.strip(",;:.").lower() for w in words[:index]]
            if _names_a_part(compared, model) and any(_names_a_part(w, model) for w in named):
                return range(index, index + 3)
    return None


def _names_a_part(word: str, model: PatchModel) -> bool:
    word = SLANG.get(word, word)
    return part_named(word, model) is not None or type_named((word,)) is not None


_SAYS_WHICH_WAY = re.compile(r"[a-z]+(?:er|y|d|t|p|w|h)")
_LETTERS = re.compile(r"[a-z]{3,}")


def _a_side(words: list[str], index: int, model: PatchModel) -> bool:
    """'right' at `index` is a side of the stereo field, not chatter: after 'the', 'to', 'hard', an amount… or a
    part's name (chatter between left out: 'to di right'), or in a line that pans ('sine left, triangle
    kinda right')."""
    before = [SLANG.get(w, w) for w in (w.strip(",").lower() for w in words[:index]) if w not in NOISE]
    return bool((before and (before[-1] in ("the", "to", "on", "hard", "far", "pan", "fully") or before[-1] in part_names(model)
                             or re.fullmatch(r"\d+(?:\.\d+)?%?|percent", before[-1])))      # ('30% right': how far)
                or any(w.strip(",.").lower() in ("left", "pan", "panned", "stereo") for w in words))


__all__ = ["readings", "tidy_words", "sounds", "Reading", "takes_back"]
