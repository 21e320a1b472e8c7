"""Follow-ups: a line that builds on the last command ("again", "more", "a bit less", "subtler", "too
much", "same for the snare", "and the kick too"), as the intent it means now.

The second stage asks here first; each reading is (how it was read, the intent).
"""
from __future__ import annotations

import math
import re
from dataclasses import fields, replace
from fractions import Fraction

from ..engine.catalogue import CATALOGUE
from ..engine.params import format_number
from . import intents as it
from .errors import LanguageError
from .lead_words import TAKE_BACK
from .param_words import COMPARATIVES
from .parser import parse
from .patch_model import PatchModel
from .resolve import type_named
from .reversals import reversal
from .timed_lines import is_timed
from .vocabulary import is_known_word

_MORE = re.compile(r"^(?:(?:a\s+)?(?:little|lil|bit|tad|touch|lot|tiny bit|way|much|wee bit|slightly)\s+)*(?:even\s+)?(more(?:[\s,!]+more)*|further|harder|"
                   r"again but more|more please|keep going)\b", re.I)
_LESS = re.compile(r"^(?:(?:nah|no|ok|hm+|uh+|oh)[,.!]?\s+)*(?:(?:a\s+)?(?:little|lil|bit|tad|touch|lot|way|much|wee bit|slightly)\s+)*(less|too much|"
                   r"not (?:so|that) (?:much|[a-z]+(?=[\s,.!]*$))|back (?:it |that )?off|pull (?:it )?back|tone it down|"
                   r"(?:that|this|it)(?:'?s|\s+is|\s+was)\s+(?:(?:way|far|a bit|rather|just|much)\s+)?(?:too much|2 much)|"
                   r"(?:way|far) too much|(?:way\s+)?2 much)\b", re.I)
#: 'subtler', 'a bit more subtle': less of it, said as a quality.
_SUBTLER = re.compile(r"^(?:(?:a\s+)?(?:little|lil|bit|tad|touch|lot|way|much|slightly)\s+)*(subtler|more\s+subtle)\b", re.I)
#: Overshot by far ('way too much', 'far too much'): back where the last step started, not three steps below it.
_OVERSHOT = re.compile(r"\b(?:way|far|much|a lot|massively)\s+(?:too much|2 much)\b", re.I)
#: 'too much, return', 'too much - go back': where the last line moved the setting from ('back off' is less).
_TOO_MUCH_BACK = re.compile(r"^(?:way\s+|far\s+)?(too\s+much)\s*[,.;:!-]*\s*(?:(?:go|put\s+it|take\s+it|bring\s+it)\s+)?"
                            r"(?:back(?!\s+off)|return)(?:\s+(?:it|that|again))?$", re.I)
#: 'too much, back off', 'too much - less', 'too much, half that': one 'less' said twice, read once (half way back).
_LESS_AGAIN = re.compile(r"(?<=much)\s*[,;:-]*\s+(?:back\s+(?:it\s+|that\s+)?off|less|pull\s+(?:it\s+)?back|tone\s+it\s+down|bring\s+it\s+down|"
                         r"half\s+that|half\s*way(?:\s+back)?|split\s+the\s+difference)"
                         r"(?=[\s,.!]*$)", re.I)
#: Half the last change taken back, said alone ('halfway back', 'split the difference').
#: After a complaint ('too much, take back half', 'little too hot, back it off half'), or said as taking half of it back.
_HALFWAY_BACK = re.compile(r"^(?:(?:(?:ok(?:ay)?|oh|hmm+|nah|yeah)[,!]?\s+)?(?:(?:that'?s|thats|it'?s|its)\s+)?(?:(?:a\s+)?(?:little|lil|bit|"
                           r"tad)\s+|way\s+|far\s+)?(?:too?\s+(?:much|(?P<loud>hot|loud)|far)|overdid\s+it)\s*[,.;:!-]*\s+)?"
                           r"(?:(?:(?:go|come|bring\s+it|take\s+it|put\s+it|move\s+it)\s+)?half\s*-?\s*way\s+back|"
                           r"(?:let'?s\s+)?split\s+the\s+difference|take\s+(?:back\s+)?(?:the\s+)?half(?:\s+of\s+(?:it|that))?(?:\s+back)?|"
                           r"half\s+(?:of\s+)?(?:it\s+|that\s+)?back|(?:back|pull|dial)\s+(?:it\s+|that\s+)?(?:off|back)\s+(?:by\s+)?half|"
                           r"undo\s+half(?:\s+of\s+(?:it|that))?)(?:\s+please)?$", re.I)
#: 'louder', then 'a bit less': back part of the way (the whole step back is what 'undo' does).
_A_LITTLE_LESS = re.compile(r"\b(?:little|lil|bit|tad|touch|slightly)\s+(?:less|too much)\b", re.I)
#: A line that asked for less itself ('less reverb', 'too much'): a 'less' after it goes on the same way.
_SAID_LESS = re.compile(r"\b(?:less|too much|2 much|subtler|subtle)\b", re.I)
_MORE_WAY = re.compile(r"^(?:(?:a\s+)?(?:little|bit|tad|touch|lot)\s+)?(?:even\s+)?more\s+(up|down)[\s,.!]*$", re.I)
#: The words a follow-up is said with, for the second stage's typo pool ('agian' is 'again', never 'main').
FOLLOW_UP_WORDS = frozenset({"again", "same", "repeat", "further", "more", "less"})
_AGAIN = re.compile(r"^(?:(?:do|say|try)\s+(?:that|it)\s+)?(again|once more|one more time|repeat(?: that)?)\b", re.I)
_BACK_TO = re.compile(r"^(?:and\s+|now\s+|ok,?\s+|nah,?\s+)?(?:go\s+|(?:put|take|bring|set|pull|get)\s+it\s+)?back\s+"
                      r"(?:down\s+|up\s+)?to\s+(-?\d[\d.]*\s*(?:k|hz|khz|ms|s|%|db|bpm)?)(?P<now>\s+now)?(?:\s+please)?$", re.I)
#: 'too much, 0.2', 'less - back to 30%': the setting just moved, back to that value.
_LESS_TO = re.compile(r"^(?:(?:nah|no|ok|hm+)[,.!]?\s+)*(?:(?:way\s+|far\s+|a\s+bit\s+)?too\s+much|less|not\s+so\s+much)\s*[,.;:!-]+\s*"
                      r"(?:(?:go\s+)?back\s+(?:down\s+)?to\s+|like\s+|maybe\s+|about\s+|try\s+|make\s+it\s+)?"
                      r"(\d[\d.]*\s*(?:k|hz|khz|ms|s|%|db)?)(?P<now>\s+now)?$", re.I)
#: A number a tempo can be (no unit, or bpm): 'back to 140' with nothing moved before is the tempo.
_TEMPO_LIKE = re.compile(r"^(\d{2,3}(?:\.\d+)?)\s*(?:bpm)?$", re.I)
#: 'I meant 80', 'no, 80, sorry', 'make that 6k': the value the line before set, said again (a correction).
_MEANT = re.compile(rf"^(?:(?:{TAKE_BACK}[,.!]*\s+)+(?:i\s+meant?\s+|make\s+(?:it|that)\s+)?|"
                    r"(?:(?:ah|hm+|oh)[,.!]*\s+)?(?:i\s+meant?|make\s+(?:it|that))\s*,?\s*)"
                    r"(?P<value>-?\d[\d.]*\s*(?:k|hz|khz|ms|s|%|db|bpm)?)(?:[\s,.!]+(?:sorry|please|thanks|not\s+\d+))*[\s,.!]*$", re.I)
#: 'twice as fast', 'half as fast' said alone: of the track the line before played.
_AS_FAST = re.compile(r"^(?:now\s+|and\s+|ok\s+)?(?:play\s+(?:it\s+)?)?((?:twice|half|three\s+times)\s+as\s+(?:fast|slow|quick))"
                      r"(?:\s+(?:please|now))*$", re.I)
#: 'a tempo', 'tempo primo', 'back to the original tempo': the tempo before the last change of it.
_A_TEMPO = re.compile(r"^(?:and\s+|now\s+|then\s+)?(?:a\s+tempo|tempo\s+primo|(?:go\s+)?back\s+to\s+(?:the\s+)?"
                      r"(?:original|first|old|previous|earlier|normal)\s+(?:tempo|speed|bpm))(?:\s+(?:please|now))*$", re.I)
#: 'back to lowpass', 'go back to the saw wave': a choice (a mode, a shape) said again.
_BACK_TO_CHOICE = re.compile(r"^(?:and\s+|now\s+|ok,?\s+)?(?:go\s+|switch\s+(?:it\s+)?|put\s+it\s+|set\s+it\s+)?back\s+to\s+"
                             r"(?:the\s+|a\s+)?(" + "|".join(sorted({c for entry in CATALOGUE.values() for p in entry.spec.params
                                                                     for c in p.choices}, key=len, reverse=True)) +
                             r")(?:\s+(?:mode|wave|shape))?$", re.I)
#: 'same for the chords', 'do the same on the snare': the last change on another part, said as such.
_SAME_THING = re.compile(r"^(?:(?:and|now|do)\s+)?(?:the\s+)?same\s+(?:thing\s+)?(?:for|on|with|to)\s+", re.I)
_SAME_FOR = re.compile(r"^(?:(?:and|now|do)\s+)?(?:the\s+)?(?:same|that)\s+(?:thing\s+)?(?:for|on|with|to)\s+(.+)$|"
                       r"^(?:and|now)\s+(.+?)(?:\s+too|\s+as well)?$|^(.+?)\s+(?:too|as well|also)$|^(?:and\s+)?(?:also|plus)\s+(.+)$",
                       re.I)


def follow_up(text: str, model: PatchModel, last, last_text: str) -> list[tuple[str, object]]:
    """'again', 'more', 'a bit less', 'too much', 'back to 120', 'same for the snare', 'and the kick too'."""
    if _A_TEMPO.match(text.strip(" .!")) and not (re.search(r"\bnormal\b", text, re.I) and any(
            t.style.get("speed", 1.0) != 1.0 for t in model.tracks.values())):   # ('back to normal speed' after 'melody
        #                                                                          twice as fast': the track's, back_readings)
        if model.tempo_before is None:
            raise LanguageError(f"'a tempo' goes back to the tempo before a change, and the tempo has not changed "
                                f"(it is {model.bpm:g} bpm)", 0)
        return [(f"a tempo: back to {model.tempo_before:g} bpm", parse(f"tempo {model.tempo_before:g}"))]
    if (halfway := _HALFWAY_BACK.match(text.strip(" .!"))) and not (halfway["loud"] and (model.last_param or ("", ""))[1] != "gain"):
        return _halfway_said(last, model)             # ('too loud, take back half' after a tempo: not a level's)
    turned = reversal(text, model, last)          # 'back down' after up an octave, 'unreverse'
    if turned:
        return turned
    back = _BACK_TO.match(text.strip(" .!")) or _LESS_TO.match(text.strip(" .!"))
    tempo = _TEMPO_LIKE.match(back.group(1)) if back and (last is None or model.last_param is None) else None
    if tempo and 20 <= float(tempo.group(1)) <= 300:     # 'back to 140', nothing said before it: the tempo
        if model.last_param is not None and model.last_param[0] != "seq":     # (a value a script or a knob set: which?)
            module_id, name = model.last_param
            raise LanguageError(f"'back to {tempo.group(1)}': the tempo ('tempo {tempo.group(1)}') or {module_id} {name} "
                                f"('{module_id} {name} {tempo.group(1)}')? say which", 0)
        said = f"tempo {tempo.group(1)}{' now' if back.group('now') else ''}"
        return [(f"back to {tempo.group(1)}: the tempo", parse(said))]
    if last is None and not (back and back.re is _LESS_TO and model.last_param is not None):   # ('too much, 0.2' after
        said = _whole(_MORE, text) or _whole(_LESS, text) or _whole(_SUBTLER, text)            # a knob: that knob)
        if said:                                          # 'too much' as the first line: of nothing yet
            _of_what(said.group(1).lower(), _whole(_MORE, text) is not None, "nothing has moved yet")
        return []
    as_fast = _AS_FAST.match(text.strip(" .!"))
    if as_fast and model.last_param is None and model.last_track in model.tracks:   # the line before played notes
        return [(f"{as_fast.group(1)}: the {model.last_track} track just played",
                 parse(f"{model.last_track} {as_fast.group(1)}"))]
    if as_fast:
        raise LanguageError(f"'{as_fast.group(1)}' of what? the tempo ('double the tempo') or a part's rhythm "
                            f"('the hats {as_fast.group(1)}')", 0)
    if is_again(text):                                    # 'again, an octave up' is not the same again
        return [(f"again: {last_text}" if last_text else "again", _for_each_moved(last, model) or _signed_again(last, model)
                 or last)]
    way = _MORE_WAY.match(text)
    if way and model.last_param is not None:              # 'more down' after 'down it': that way again
        ref = _step_of(last, model)[0]
        direction = 1 if way.group(1).lower() == "up" else -1
        return [(f"more: {ref.text} {way.group(1).lower()}", it.ChangeParam(ref, direction, None, None, 0))]
    more, less = _whole(_MORE, text), _whole(_LESS, _LESS_AGAIN.sub("", text)) or _whole(_SUBTLER, text) or \
        _TOO_MUCH_BACK.match(text.strip(" .!"))
    added = _effect_added(last)
    if (more or less) and added is not None:            # 'add reverb', then 'more': more of that reverb
        word = "more" if more else "less"
        return [(f"{word}: the {added.text} just added", it.ChangeParam(added, 1 if more else -1, None, _intensity(text), 0))]
    if more or less:
        step = _amount_of_modulation(last, model) or _step_of(last, model)
        if step is not None:
            ref, direction = step
            again = less and _SAID_LESS.search(last_text)   # 'less (reverb)', then 'less': further, not back up
            if again and isinstance(last, it.SetParam) and model.step_from is not None and model.last_param[0] != "seq":
                direction = 1 if float(model.value(*model.last_param)) > model.step_from else -1   # (half way back: on down)
            direction = direction if more or again else -direction
            word = "more" if more else "less"
            way = 'up' if direction > 0 else 'down'
            if more and _SAID_AMOUNT.match(text.strip(" .!")) and isinstance(last, it.ChangeParam) \
                    and last.amount is not None and last.amount.unit:   # 'snare down 6 db', 'more': 6 dB more
                return [(f"{word}: {ref.text} {way} {last.amount.text} {last.amount.unit} again", last)]
            if less and not again and model.step_from is not None and ref.items[0].text != "tempo" and \
                    (_OVERSHOT.search(text) or less.re is _TOO_MUCH_BACK):
                back = f"{ref.text} {format_number(model.step_from)}"       # 'more', 'way too much': where it was
                return [(f"{'way ' * bool(_OVERSHOT.search(text))}too much: {ref.text} back to {format_number(model.step_from)}",
                         parse(back))]
            size = "little" if less and not again and _A_LITTLE_LESS.search(text) else _intensity(text)
            several = _moved(model)                       # 'kick and snare louder', 'too much': both back
            signed = isinstance(last, it.SetParam) and last.value.text.startswith(("+", "-"))   # ('bass +2db': a step)
            halfway = _halfway_back(model) if less and not again and size is None and not several and \
                (isinstance(last, (it.ChangeParam, it.Comparative)) or signed) else None
            if halfway is not None:                       # 'bass up 2 db', 'too much': half of it back, never past
                return [(f"{word}: {ref.text} half way back, to {format_number(halfway)}",     # where it was
                         parse(f"{ref.text} {format_number(halfway)}"))]
            if several:
                return [(f"{word}: {' and '.join(r.text for r in several)} {way}",
                         it.Sequence(tuple(it.ChangeParam(r, direction, None, size, 0) for r in several)))]
            return [(f"{word}: {ref.text} {way}", it.ChangeParam(ref, direction, _fine_step(model), size, 0))]
        if less is not None and less.re is _TOO_MUCH_BACK:
            return []                                     # ('too much, take it back' after a rhythm: undo reads it)
        _of_what((more or less).group(1).lower(), more is not None, "the last line moved no setting")
    choice = _BACK_TO_CHOICE.match(text.strip(" .!"))
    if choice:                                            # 'back to lowpass' after 'highpass the pad': that mode
        return [(f"back to {choice.group(1)}", parse(f"switch to {choice.group(1)}"))]
    meant = _MEANT.match(text.strip()) if not is_timed(last_text) else None   # (a timed line's value corrected:
    step = _step_of(last, model) if back or meant and isinstance(last, it.SetParam) else None   # line_corrections.py)
    if meant and step is not None:                        # 'tempo 90', 'I meant 80': the value said again
        intent = parse(f"{step[0].text} {meant['value']}")
        return [(f"meant {meant['value']}: {step[0].text} {meant['value']}", intent)] if isinstance(intent, it.SetParam) else []
    if step is not None:                                  # 'back to 120' after moving the tempo: the tempo
        ref = step[0]
        intent = parse(f"{ref.text} {back.group(1)}{' now' if back.group('now') and ref.text == 'tempo' else ''}")
        return [(f"back to {back.group(1)}: {ref.text}", intent)] if isinstance(intent, it.SetParam) else []
    same = _SAME_FOR.match(text)
    if same:
        target = next(g for g in same.groups() if g)
        retargeted = _retarget(last, target, model)
        if retargeted is not None:
            done = f" as '{last_text}' did" if last_text else ""      # (which change: a line refused since is not it)
            return [(f"the same for {target}{done}", retargeted)]
    return []


def _of_what(word: str, more: bool, why: str) -> None:
    """'more' or 'too much' with no setting to move: the refusal that says how to name one."""
    raise LanguageError(f"'{word}' of what? {why} — name it, e.g. '{word} reverb', "
                        f"'hats {'louder' if more else 'quieter'}', 'humanize the drums 0.2'", 0)


def _moved(model: PatchModel) -> list[it.Words]:
    """Each (module, param) the last line moved together, as refs — none unless the last param is one of them."""
    if model.last_param not in model.moved_together:
        return []
    return [it.Words((it.Word(module, 0), it.Word(param, 0))) for module, param in model.moved_together]


def _for_each_moved(last, model: PatchModel):
    """'again' after 'kick and snare louder': the change on each part it moved (else None)."""
    several = _moved(model)
    cut = isinstance(last, it.SetParam) and last.bare and last.value.number is not None and last.value.number < 0 and \
        len(last.ref.items) == 1 and all(param == "gain" for _, param in model.moved_together)
    if not several or not (isinstance(last, (it.Comparative, it.ChangeParam)) or cut):   # ('kick and snare -2': a cut)
        return None
    refs = [r if isinstance(last, it.ChangeParam) else it.Words(r.items[:1]) for r in several]
    return it.Sequence(tuple(replace(last, ref=ref) for ref in refs))


#: 'more' as the same step again (after a step said with its size, 'down 6 db'); 'a bit more' stays a small step.
_SAID_AMOUNT = re.compile(r"^(?:(?:even|some|a\s+lot|lots|much|way)\s+)?more(?:\s+(?:please|again|still))?$", re.I)


def _intensity(text: str) -> str | None:
    """'way more', 'a lot less', 'much more': three steps ("big"); else one."""
    return "big" if re.match(r"^(?!too\s)(?:\w+\s+)?(?:way|lot|much)\s", text, re.I) else None    # ('too much - less': one)


def refused_before(refused: str | None, text: str, last_text: str) -> None:
    """'darker' refused, then 'more' (or 'same for the chords'): of the refused line, never quietly of the last that
    worked (it raised the tempo; it wrote a scale over the chords: trials) — said back instead."""
    def bare(line: str) -> bool:                      # ('again' after a refused line: the last that worked, as ever)
        return bool(_whole(_MORE, line) or _whole(_LESS, line) or _SAME_THING.match(line.strip()))

    if refused and bare(text):
        done = f"; the last change done was '{last_text}'" if last_text else ""
        what = "the line before" if bare(refused) else f"'{refused}'"
        raise LanguageError(f"'{text.strip()}' of what? {what} was not done{done} — say the change whole", 0)


def is_correction(text: str) -> bool:
    """'too much', 'a bit less', 'back off': a line that takes part of the last change back."""
    return bool(_LESS.match(text.strip()) or _SUBTLER.match(text.strip()))


def is_again(text: str) -> bool:
    """'again', 'do that again', 'one more time': the last line as it was."""
    return bool(_whole(_AGAIN, text)) and len(text.split()) <= 4


def _whole(pattern: re.Pattern, text: str):
    """The match when the follow-up is the whole line (politeness aside), else None."""
    match = pattern.match(text)
    if match and re.fullmatch(r"[\s,.!]*(?:(?:please|pls|then|now|thanks)[\s,.!]*)*", text[match.end():], re.I):
        return match
    return None


def _step_of(last, model: PatchModel):
    """The param the last command moved and its direction (a set counts as up)."""
    if model.last_param is None:
        return None
    module_id, name = model.last_param
    ref = it.Words((it.Word("tempo" if name == "bpm" else name, 0),)) if module_id == "seq" else \
        it.Words((it.Word(module_id, 0), it.Word(name, 0)))
    direction = 1
    if isinstance(last, it.ChangeParam):
        direction = last.direction
    elif isinstance(last, it.Comparative):            # the way it moved ('slower attack': a longer one, up)
        moved = float(model.value(module_id, name)) - model.step_from if model.step_from is not None and \
            module_id != "seq" else 0.0
        direction = (1 if moved > 0 else -1) if moved else COMPARATIVES.get(re.sub(r"[\s-]+", "-", last.word), (1,))[0]
    elif isinstance(last, (it.Drop, it.Extreme)):
        direction = -1 if isinstance(last, it.Drop) or not last.top else 1
    elif isinstance(last, it.OpenClose):
        direction = last.direction
    return ref, direction


def _halfway_said(last, model: PatchModel) -> list[tuple[str, object]]:
    """'halfway back' alone: the setting the last line moved, half way back to where it was (in dB for a level, in pitch
    for Hz, the tempo by bpm) — refused after an undo, a move of several parts or of a voice's pitch (half an octave is
    no way back)."""
    if model.last_param == ("seq", "bpm") and model.tempo_before is not None and not isinstance(last, (it.Undo, it.Redo)):
        halfway = (model.bpm + model.tempo_before) / 2
        return [(f"halfway back: the tempo to {format_number(halfway)}", parse(f"tempo {format_number(halfway)}"))]
    halfway = _halfway_back(model) if model.last_param is not None and model.last_param[0] != "seq" else None
    if halfway is None or isinstance(last, (it.Undo, it.Redo)) or len(_moved(model)) > 1 or \
            model.last_param[1] in ("freq", "detune"):
        raise LanguageError("'halfway back' of what? it takes back half of the last change of one setting (a level, a "
                            "cutoff, a pan, the tempo) — here say the value, e.g. 'kick down 1 db'", 0)
    module_id, name = model.last_param
    return [(f"halfway back: {module_id} {name} to {format_number(halfway)}", parse(f"{module_id} {name} {format_number(halfway)}"))]


def _signed_again(last, model: PatchModel):
    """'master -3db', then 'again': the same step once more (-6 dB), never the same value set again — a level said bare
    with its sign, that moved the way of its sign, is a step ('bass +2db'); None for anything else (a level set: 'kick
    gain -6 db')."""
    if not (isinstance(last, it.SetParam) and len(last.ref.items) == 1 and last.value.text.startswith(("+", "-")) and
            model.step_from is not None and model.last_param is not None and model.last_param[1] == "gain" and
            model.spec(model.last_param[0]) is not None):
        return None
    now, was = float(model.value(*model.last_param)), model.step_from
    ratio = model.spec(model.last_param[0]).param("gain").unit == "ratio"
    if ratio and (now <= 0 or was <= 0):
        return None
    step = 20 * math.log10(now / was) if ratio else now - was
    if not step or (step > 0) != last.value.text.startswith("+"):
        return None                                   # ('master -3db' from -6: a level set, not a step down)
    return parse(f"{model.last_param[0]} gain {'up' if step > 0 else 'down'} {format_number(round(abs(step), 3))} db")


def _halfway_back(model: PatchModel) -> float | None:
    """Half way from the setting's value back to where the last line moved it from — in dB for a level, in pitch for
    Hz ('too much' after 'bass up 2 db' is 1 dB up, never below where it was); None with no move to halve."""
    if model.last_param is None or model.step_from is None or model.spec(model.last_param[0]) is None:
        return None
    spec = model.spec(model.last_param[0]).param(model.last_param[1])
    now, was = float(model.value(*model.last_param)), model.step_from
    if spec.is_enum or now == was:
        return None
    geometric = (spec.unit == "Hz" or spec.name == "gain") and now > 0 and was > 0
    return math.sqrt(now * was) if geometric else (now + was) / 2


def _fine_step(model: PatchModel) -> it.Value | None:
    """'detune the saw by 15 cents', 'more': 15 cents more (a detune's own step is a semitone: 15 → 115 left it out
    of tune), the size of the move the line made — for a setting in cents only; None (the param's own step) else."""
    if model.last_param is None or model.step_from is None or model.spec(model.last_param[0]) is None:
        return None
    spec = model.spec(model.last_param[0]).param(model.last_param[1])
    moved = abs(float(model.value(*model.last_param)) - model.step_from)
    if spec.unit != "cents" or not 0 < moved < 100:
        return None
    return it.Value("number", f"{moved:g}", 0, Fraction(str(round(moved, 3))), "cents")


def _amount_of_modulation(last, model: PatchModel):
    """'lfo on the pad gain at 4 hz' (or a tremolo added), then 'less': less of the wobble — its depth, not its pace
    (a rate said is where it was put, not a way it was moved)."""
    if model.last_param is None or model.last_param[1] != "rate" or isinstance(last, (it.ChangeParam, it.Comparative)):
        return None
    module_id = model.last_param[0]
    spec = model.spec(module_id)
    if spec is None or spec.role != "modulator" or not spec.has_param("depth"):
        return None
    return it.Words((it.Word(module_id, 0), it.Word("depth", 0))), 1


def _effect_added(last) -> it.Words | None:
    """The effect with a wet mix the last command added ('add reverb', 'put distortion on the kick'),
    else None (more of a filter could be either way)."""
    if not isinstance(last, (it.AddModule, it.AddTo)) or last.value is not None:
        return None
    type_name = type_named(last.type_name.texts)
    return last.type_name if type_name in CATALOGUE and CATALOGUE[type_name].spec.has_param("mix") else None


_TARGET_FIELDS = ("target", "ref", "what")


def _retarget(last, target: str, model: PatchModel):
    """The last command aimed at other words ('kick decay 400' → 'same on the hats': hats decay)."""
    words = it.Words(tuple(it.Word(w, 0) for w in target.replace(",", " ").split() if w.lower() != "the"))
    if not words.items or not all(is_known_word(w, tuple(model.modules) + tuple(model.tracks)) for w in words.texts):
        return None
    if any(w.lower() in COMPARATIVES for w in words.texts):
        return None                                   # 'kick louder too': a change of its own, not the last one again
    slot = next((f.name for f in fields(last) if f.name in _TARGET_FIELDS), None)
    if slot is None:
        return None
    old = getattr(last, slot)
    if isinstance(old, it.Words) and model.last_param is not None and model.last_param[0] != "seq" and \
            not type_named(words.texts) is None and isinstance(last, (it.SetParam, it.ChangeParam, it.Scale, it.Extreme)):
        param = model.last_param[1]
        if any(w.text.lower() == param or w.text.lower() in _aliases(param) for w in old.items):
            words = it.Words(words.items + (it.Word(param, 0),))
    return replace(last, **{slot: words})


def _aliases(param: str) -> set[str]:
    return {a for cls in CATALOGUE.values() for p in cls.spec.params if p.name == param for a in p.aliases}


__all__ = ["FOLLOW_UP_WORDS", "follow_up", "is_again"]
