"""A tempo said with the style it is for: 'slow air, 60', 'gabber! 180', 'strathspey tempo, 128', 'bpm 180 dnb
style', 'Allegro moderato, please. 112.', 'disco tempo 120 and open the hats up' — the style's name is a word the
language does not know (nor a slip of one it does: 'snair 60' is no tempo), the number one a tempo can be.
"""
from __future__ import annotations

import re
from difflib import get_close_matches

from .lead_words import TAKE_BACK
from .nicknames import NICKNAMES, STAND_INS, nickname
from .patch_model import PatchModel
from .scene_words import TEMPO_MARKINGS
from .typo_words import typo
from .musician_words import GROUPS
from .vocabulary import closest_words, is_known_word, module_words

#: Words said around a tempo that name nothing to change.
_AROUND = frozenset("tempo bpm speed at of is to like about around roughly say maybe so ok okay now please pls a an the my "
                    "our this that for very quite really proper slow slowish slower fast faster quick quicker moderate "
                    "moderately steady style vibe feel mode groove time music song tune number piece dance beat loop blues "
                    "then just nah yeah hey back".split())      # (a style's name is a word none of these: 'a beat: bpm 90' names none)
_SAID_TEMPO = re.compile(r"\b(?:tempo|bpm)\W{0,3}\d|\d\s*bpm\b", re.I)
#: A number set apart from the style's name ('slow air, 60', 'gabber! 180'): 'rum 90' is no style and its tempo.
_SET_APART = re.compile(r"[,!:;.]\s*(?:(?:like|about|around|say|maybe|at|so)\s+)*\d", re.I)
_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|[^\W\d_][\w'-]*")
_LABEL_FIRST = re.compile(r"^(?P<label>(?:[^\W\d_][\w'-]*[\s,:;!.-]+){1,4}?)(?P<rest>(?:tempo|bpm)\b.*)$", re.I)


def style_tempo(text: str, model: PatchModel) -> list[tuple[str, str]]:
    """(how it was read, the line) for a tempo said with its style: the tempo alone, or the line without the
    style's name before 'tempo'; none when a word could name something to change."""
    tokens = _TOKEN.findall(text)
    words = [t.lower() for t in tokens if t[0] not in "0123456789"]
    numbers = [t for t in tokens if t[0] in "0123456789"]
    styles = [w for w in words if w not in _AROUND]
    said = _SAID_TEMPO.search(text) is not None          # 'bpm 180', '128 bpm', 'tempo, 128': a style word only unknown
    if len(numbers) == 1 and 40 <= float(numbers[0]) <= 300 and re.search(r"\d\s*(?:bpm)?(?:[\s,.!?;:]|$)", text, re.I) \
            and styles and (said or _SET_APART.search(text) or set(styles) & TEMPO_MARKINGS.keys()) \
            and all(_a_style(w, model, said) for w in styles):
        return [(f"'{', '.join(styles)}': the tempo, {numbers[0]}", f"tempo {numbers[0]}")]
    label = _LABEL_FIRST.match(text.strip())
    named = [w.lower() for w in _TOKEN.findall(label.group("label"))] if label else []
    said = label is not None and _SAID_TEMPO.match(label.group("rest")) is not None
    if named and said and any(w not in _AROUND for w in named) and all(w in _AROUND or _a_style(w, model, said) for w in named):
        return [(f"'{label.group('label').strip(' ,:;!.-')}' left out (a style)", label.group("rest"))]
    return []


#: Words for a setting or a sound the shell has not (a studio's, a kit's): never a style a tempo is for ('velocity,
#: 100', 'compressor, 60' — the number is that setting's, not the tempo).
_NOT_STYLES = frozenset("velocity velocities compressor compression comp eq equalizer equaliser quantize quantise quantized "
                        "quantization limiter gate sidechain latency buffer midi channel bus send aux headroom loudness lufs "
                        "metronome click count countin count-in ratio threshold makeup knee cowbell cowbells ride crash "
                        "toms tom cymbal cymbals clap claps shaker conga congas bongo bongos tambourine".split())


def _a_style(word: str, model: PatchModel, said: bool) -> bool:
    """A word that names nothing to change here: not the language's, nor a slip of a word of it — nor, unless the
    tempo is said as one, like a name of it ('snair 60', 'boom 90': the snare's, the room's, never a tempo) — nor a
    setting or a sound the shell has not ('velocity, 100', 'cowbell, 120') — nor a word taking back the last line
    ('nao, 140': its value corrected)."""
    names = tuple(model.modules) + tuple(model.tracks)
    if word in TEMPO_MARKINGS:                            # ('Largo. 50.': the marking, its tempo said; never 'large')
        return True
    if word in _NOT_STYLES or re.fullmatch(TAKE_BACK, word) or is_known_word(word, names) or nickname(word, model) or typo(word, names):
        return False
    content = module_words() | set(names) | NICKNAMES.keys() | STAND_INS.keys()
    return said or not (get_close_matches(word, content, 1, 0.75) or set(closest_words(word, names)) & (content | GROUPS.keys()))


__all__ = ["style_tempo"]
