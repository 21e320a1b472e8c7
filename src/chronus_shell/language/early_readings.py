"""Whole lines said in a musician's terms that the grammar would read otherwise (or not at all), read before it: a
score's Italian ('staccato', 'più mosso'), a number after 'faster' that is the tempo to go to ('faster 140') or after a
tempo complained of ('too fast, drop it to 110'), a drummer's words for a part ('add a metronome', '2-step kick'), a
part's pitch move taken back ('the bass back up'), a part out of tune ('the drone is flat'), notes held as a drone
('hold a drone on the lead: E and B'), one part alone for a time ('everybody out 1 bar, only the clave'), a chord of the progression made another by its
degree ('make the five a dominant seventh'), a part's hits left out by a share ('leave out 20% of the hats'), a tremolo said after its part ('rhodes tremolo, slow'), what is said after a dash ('piano — too loud'), a session saved in other words ('save it again'), a level said
after a complaint or a pan as a side and how far ('the claps too much, down 6db'), transport said otherwise ('recording off'), a rhythm added
so ('add the hats in 16ths', 'add snare on 2n4'), a texter's word order ('kik 4 bars mute'), an LFO's rate
counted ('lfo on the bass filter, one every quarter').
Each gives how it was read and the grammar's words."""
from __future__ import annotations

from .back_words import part_back
from .bar_entries import entry_now, waited_entry
from .dash_remarks import remark_after
from .degree_words import degree_made
from .drum_words import drum_words
from .except_parts import all_out_but
from .held_notes import held_notes
from .hit_chances import hit_chance
from .level_said import level_said
from .lfo_rates import lfo_rate
from .modulation_words import modulation_said
from .part_naming import part_named
from .patch_model import PatchModel
from .rhythm_adds import rhythm_added
from .score_terms import score_terms
from .session_saves import session_saved
from .tempo_complaints import tempo_complaint
from .tempo_numbers import tempo_number
from .texter_words import texter_line
from .transport_words import transport_said
from .tuning_words import out_of_tune


def early_reading(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words), or None for a line none of these readers takes."""
    return score_terms(line) or tempo_number(line, model) or tempo_complaint(line, model) or drum_words(line, model) or part_back(line, model) or \
        out_of_tune(line, model) or held_notes(line, model) or all_out_but(line, lambda word: part_named(word, model)) or \
        degree_made(line, model) or hit_chance(line, model) or modulation_said(line, model) or \
        remark_after(line, model, lambda word: part_named(word, model)) or session_saved(line, model) or \
        level_said(line, lambda word: part_named(word, model)) or transport_said(line) or \
        rhythm_added(line, lambda word: part_named(word, model), lambda word: _own_name(word, model)) or \
        texter_line(line, lambda word: part_named(word, model)) or lfo_rate(line, model) or \
        waited_entry(line, model, lambda word: part_named(word, model)) or \
        entry_now(line, model, lambda word: part_named(word, model))


def _own_name(word: str, model: PatchModel) -> bool:
    """The word is a part's own name: a track, a label, a sounding module or its type ('hats', 'piano', 'hat1', 'saw') —
    never an effect's ('add the delay in 8ths' gives no rhythm to the delay, nor to the part it treats)."""
    def sounding(module_id: str | None) -> bool:
        spec = model.spec(module_id) if module_id in model.modules else None
        return spec is not None and spec.role in ("source", "drum")
    return any(w in model.tracks or sounding(model.labels.get(w)) or sounding(w) or
               any(sounding(m) for m, kind in model.modules.items() if kind == w) for w in (word, word.removesuffix("s")))


__all__ = ["early_reading"]
