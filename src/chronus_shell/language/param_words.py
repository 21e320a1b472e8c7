"""Words that name params: by what they do ("brighter", "louder", "vibrato", "how loud") and the
sequencer's two by name ("tempo", "bpm", "swing", "shuffle").

One table each, read by the mapper (which param a comparative moves), the second stage and
follow-ups (which words are comparatives) and resolve (the effects made of an LFO).
"""
from __future__ import annotations

from ..engine.params import ParamSpec
from ..engine.sequencer_verbs import SWING, TEMPO
from . import intents as it

LEVEL = ("gain", "mix")
#: A module's level when it is named instead of a param ("more lfo", "mute the lfo").
LEVEL_OF_MODULE = ("gain", "mix", "depth")
#: What "more distortion" moves: a distortion's drive (its mix starts at full, so more of it is more drive).
AMOUNT_OF_EFFECT = ("drive",)
PITCH = ("pitch",)
#: "brighter" → (direction, params tried in order); "@tempo" is the sequencer's tempo.
COMPARATIVES: dict[str, tuple[int, tuple[str, ...]]] = {}
for _words, _direction, _params in (
    ("brighter", 1, ("cutoff", "tone")), ("darker duller warmer mellower", -1, ("cutoff", "tone")),
    ("louder stronger", 1, LEVEL), ("quieter softer weaker", -1, LEVEL),
    ("faster quicker speed-up", 1, ("rate", "@tempo")),
    ("slower slow slow-down", -1, ("rate", "@tempo")),
    ("wetter", 1, ("mix",)), ("drier dryer", -1, ("mix",)),
    ("bigger larger huger", 1, ("room",)), ("smaller", -1, ("room",)),
    ("higher", 1, PITCH), ("lower", -1, PITCH),
    ("longer", 1, ("decay", "release", "time")), ("shorter", -1, ("decay", "release", "time")),
    ("dirtier grittier harder heavier", 1, ("drive",)), ("cleaner", -1, ("drive",)),
    ("fatter thicker beefier", 1, ("drive", "decay")),
    ("pluckier", -1, ("sustain", "decay")),                # an envelope's held level; a drum's shorter body     # a saturated voice; a drum's longer body
    ("wider", 1, ("stereo_width",)), ("narrower", -1, ("stereo_width",)),   # never a pulse width
    ("thinner", -1, ("pulse_width",)),                     # a square's narrower pulse
    ("deeper", 1, ("depth",)), ("shallower", -1, ("depth",)),
    ("punchier", 1, ("punch",)), ("snappier", 1, ("snap",)), ("squelchier", 1, ("resonance", "q")),
):
    for _word in _words.split():
        COMPARATIVES[_word] = (_direction, _params)
#: Comparatives that say only a direction, so they move any param named with them ('attack longer',
#: 'decay shorter'); the others name a quality, moved only on the params in their entry.
DIRECTION_WORDS = frozenset("higher lower longer shorter bigger larger smaller faster quicker speed-up slower slow "
                            "slow-down deeper shallower wider narrower".split())
#: Effects made of an LFO: (target param names, rate Hz, depth).
LFO_EFFECTS = {"vibrato": (PITCH, 5.0, 0.01), "tremolo": (("gain",), 4.0, 0.5),   # (a sound's level: never a reverb's mix)
               "wobble": (("cutoff", "tone") + PITCH, 2.0, 0.5)}
QUERY_PARAMS = {"how loud": LEVEL, "how fast": ("rate", "@tempo"), "how high": PITCH}
#: The sequencer's params by name (the ParamSpecs are the sequencer's own).
SEQ_PARAMS = {"tempo": TEMPO, "bpm": TEMPO, "swing": SWING, "shuffle": SWING}
#: A swing feel by name, as a fraction of a step every second 16th is late ('triplet': the 8ths' triplet, 1/3);
#: 'more swing' from none is the medium one.
SWING_FEELS = {"medium": 0.2, "heavy": 0.3, "triplet": round(1 / 3, 6)}


def seq_param(words: it.Words | None) -> ParamSpec | None:
    """TEMPO or SWING when the words name one ('swing', 'swing it', 'the tempo of it')."""
    if words is None:
        return None
    texts = [t for t in words.texts if t not in _THE_MUSIC]
    return SEQ_PARAMS.get(texts[0]) if len(texts) == 1 else None


_THE_MUSIC = {"it", "this", "things", "everything", "music", "of"}
