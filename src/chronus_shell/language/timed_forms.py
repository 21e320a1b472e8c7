"""The forms of changes over time that docs/commands.md shows (scripts/gen_commands_doc.py runs every
example) and the words that open their help page; the lines are read by timed_lines.py."""
from __future__ import annotations

#: The forms docs/commands.md lists (scripts/gen_commands_doc.py), each with examples that must work.
DOC_FORMS = (
    ("<change> over/during <n> bars/beats/measures (a ramp, sample by sample)",
     ["open the filter to 3k over 8 bars", "resonance 80% over 16 beats", "sweep the cutoff from 200 to 2k over 4 bars",
      "close the filter down to 300 over 8 bars, exponential", "open the filter over 2 bars to 3k", "cutoff to 2k over 16",
      "cutoff to 2k over a minute", "the resonance creeps up to 0.8 over 4 bars"]),
    ("<what> [from <a> / <a>] to <b> over <n> bars — any motion word around it (ramps, glides, automate, swells); "
     "the start is set first unless the param or the tempo is there already",
     ["cutoff ramps up to 3k over 4 bars", "tempo: 128 -> 140 over 8 bars", "automate the resonance from 0.2 to 0.8 over 2 bars",
      "exponentially close the filter to 300 over 8 bars"]),
    ("sweep <what> [from <a>] to <b> / up / down [over <n> bars] — one rule: a ramp of the param named (a filter's: "
     "its cutoff) from where it is, over 4 bars when no time is said (said in the echo); a sweep with no target is "
     "asked about; one that repeats is an lfo ('lfo on the cutoff')",
     ["sweep the cutoff to 2k", "sweep the cutoff from 200 to 2k", "filter sweep up to 8k over 16 bars",
      "sweep down to 300"]),
    ("slowly/gradually <change> (over 4 bars, said in the echo)", ["slowly close the filter", "gradually open the filter"]),
    ("fade out/in <voice or track> [over <n> bars] (default 4 bars; a part its track plays fades in only 'from nothing')",
     ["fade out the saw over 4 bars", "fade in the saw", "fade the saw to 20% over 2 bars", "fade out"]),
    ("<change> in <n> bars/beats — after a change that can move: how long it takes; said first, with 'time' or "
     "after drop/mute/stop: when", ["cutoff to 800 in 4 beats", "fade out the saw in 8 bars", "mute the hats in 2 bars",
                                    "cutoff to 700 in 2 bars' time"]),
    ("speed up/slow down to <bpm> over <n> bars (a tempo ramp)",
     ["speed up to 140 over 16 bars", "slow down to 90 over 8 bars", "ritardando to 100 over 2 bars"]),
    ("mute/drop <track> for <n> bars (it comes back by itself)",
     ["mute the kick for 2 bars", "drop the kick for a bar", "no hats for 2 bars", "kick out 2 bars"]),
    ("stop at the end of the bar", ["stop at the end of the bar", "stop on the bar", "stop in 2 bars"]),
    ("at the next bar/beat …, in <n> bars … (any change to what plays)",
     ["at the next bar, cutoff 500", "in 2 bars mute the kick", "on the next beat, tempo 130",
      "at the next bar fade out the saw over 2 bars"]),
)
HELP_TOPICS = frozenset({"time", "timing", "ramp", "ramps", "fade", "fades", "sweep", "bars", "later"})
