"""A roll on the last beat: 'snare roll on the last beat into the chorus', 'the snare does a roll across the whole
last beat', 'a little drum roll at the end of each bar', 'snare roll at end of bar pf pf pf pf' — the part's bar as
it plays, its last beat four 16ths ('....x.......x...' → '....x.......xxxx'); a drum roll is the snare's. A roll in
32nds is left to the refusal (the dev sets disagree on what else it keeps). Every word must be the part's, the roll's
or one of these few: anything else leaves the line to the refusal. A bar of steps written out with it
('zabumba: a roll on the last beat, x..x....x..x.xxx') is the roll as the musician wrote it: that bar plays."""
from __future__ import annotations

import re

from .patch_model import PatchModel

_FILLER = frozenset("a an the roll rolls rolling on at across whole last beat end of each every bar does do play plays little could "
                    "you please would can some 16ths sixteenths quick short".split())   # (a roll 'into the chorus' is once: no)
_DRUMS = {"drum": "snare", "drums": "snare"}
_WRITTEN = re.compile(r"(?<![\w.*])[xX.-]*[xX][xX.-]*(?![\w*\[])")


def drum_roll(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(what was understood, the line that plays it) for a roll on a part's last beat, else None."""
    text = line.lower()
    if not re.search(r"\brolls?\b", text) or not re.search(r"\blast\s+beat\b|\bend\s+of\s+(?:the\s+|each\s+|every\s+)?bar\b", text):
        return None
    written = [w for w in _WRITTEN.findall(line) if len(w) == 16]
    if len(written) > 1:
        return None
    words = re.findall(r"[\w'-]+", _WRITTEN.sub(" ", text) if written else text)
    said = [w for w in words if w not in _FILLER and not (len(w) <= 3 and words.count(w) >= 3)]   # ('pf pf pf pf')
    if len(said) != 1:
        return None
    word = said[0]
    module = part_named(_DRUMS.get(word, word))
    if module is None or model.modules.get(module) not in ("snare", "kick", "hat"):
        return None
    track = next((name for name, t in model.tracks.items() if t.target == module), None)
    bar = model.tracks[track].pattern if track else "." * 16
    if len(bar) != 16 or not set(bar) <= set("xX.-"):
        return None                                   # (a bar of another length, a pattern with groups: not guessed)
    name = track or {"snare": "snare", "kick": "kick", "hat": "hats"}[model.modules[module]]
    rolled = written[0] if written else bar[:12] + "xxxx"
    return f"a roll on the last beat: {name} {rolled}", f"/seq/add {name} {module} {rolled}"


__all__ = ["drum_roll"]
