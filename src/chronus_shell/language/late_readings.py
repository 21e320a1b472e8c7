"""Readings tried last, for a line refused as typed and by every reading before them: an interval corrected after a
move ('no, a fourth'), a part's notes made shorter or longer ('bass staccato'), a part that comes in at a bar ('brass
hits at bar 17') or plays its bar every 4 bars, notes left out at random ('the hats random 80 percent'), a roll on the
last beat ('snare roll on the last beat'), a part told to play the chords' roots ('the bass follows the chords'), a
running fade stopped or called off ('stop the fade', 'cancel the fade'), a track back at its own speed ('back to 16ths')
or in phase, a sound back in tune, a value said again ('no, 72 again'), a change said to happen 'straight away', the
next chord said short while one is held ('change to B flat'), how long a sound is held or where it sits ('… the whole
time', '… under everything'), parts taken out with what is left said ('hats and kick out, bass alone'), a little swing
said so ('swing un poco, like 10%'), a drum made drier with nothing on it to dry ('the snare more dry': shorter), a
question about what plays or where a part is ('is it playing?', 'where did my piano go?'), a section's name before
the line ('verse 2: hats quieter'), a fade or a tempo glide said otherwise ('guitarra fade away in 4 bars', 'poco accelerando to 76 over
four bars'), a part tuned by a note and its Hz ('guitar to G, 392 hz'), a timed line with a remark after it ('mute the kumbengo
for 2 bars, I will sing alone'), a level's step after its way ('vibes a bit quieter, 3 db'), the last line again with a change ('again but to 300'), a feel's amount after
its part ('humanize the krakebs, 0.3'), every voice let go ('release all gates'), an effect's settings typed with no commas ('distortion on bass
drive 10'), a change said with 'too' ('release longer too'). Each is a line in the
grammar's words with how it was read; a reading that cannot be (a voice with no envelope, a part that is not there)
refuses with the way to it."""
from __future__ import annotations

from collections.abc import Iterator

from .again_changed import again_changed
from .all_released import all_released
from .as_well import as_well
from .at_once import at_once
from .bar_entries import bar_entry, bar_every
from .back_readings import back_in, grid_back, value_again
from .bass_roots import bass_roots
from .chance_words import chance_words
from .chord_changes import held_chord_change
from .drum_rolls import drum_roll
from .fade_phrasings import faded
from .tempo_glides import tempo_glide
from .terse_settings import terse_settings
from .timed_remarks import timed_remark
from .tuned_parts import tuned_part
from .dry_drums import dry_drum
from .hold_asides import without_hold_aside
from .interval_corrections import corrected_interval
from .level_steps import level_step
from .little_swing import little_swing
from .note_lengths import note_length
from .part_then_value import part_then_value
from .parts_out import parts_out
from .patch_model import PatchModel
from .ramp_stops import ramp_stop
from .section_labels import section_label
from .state_questions import state_question
from .swing_units import swing_on_a_part


def late_readings(line: str, model: PatchModel, last_text: str, part_named, redo: bool) -> Iterator[tuple[str, str]]:
    """(the line in the grammar's words, how it was read), each in turn — read only as far as the first that works."""
    yield from corrected_interval(line, last_text)
    if (changed := again_changed(line, last_text)) is not None:
        yield changed[1], changed[0]
    readers = (lambda: bar_every(line), lambda: at_once(line, model), lambda: note_length(line, model, part_named),
               lambda: bar_entry(line, model, part_named), lambda: chance_words(line, model, part_named),
               lambda: drum_roll(line, model, part_named), lambda: bass_roots(line, model, part_named),
               lambda: ramp_stop(line, model, part_named), lambda: grid_back(line, model), lambda: value_again(line),
               lambda: back_in(line, model),
               lambda: state_question(line, model, part_named, redo), lambda: held_chord_change(line, model),
               lambda: without_hold_aside(line, part_named), lambda: parts_out(line, model, part_named),
               lambda: little_swing(line), lambda: dry_drum(line, model, part_named), lambda: section_label(line),
               lambda: faded(line), lambda: tempo_glide(line), lambda: tuned_part(line, model, part_named),
               lambda: timed_remark(line), lambda: level_step(line), lambda: swing_on_a_part(line, model, part_named),
               lambda: part_then_value(line, part_named), lambda: all_released(line, model),
               lambda: terse_settings(line), lambda: as_well(line))
    for read in readers:
        found = read()
        if found is not None:
            yield found[1], found[0]


__all__ = ["late_readings"]
