"""The harmony forms docs/commands.md shows (scripts/gen_commands_doc.py runs every example)."""
from __future__ import annotations

#: The harmony forms docs/commands.md shows: (form, examples, lines typed before the examples).
HARMONY_FORMS = (
    ("notes <notes without octave, . rest> [on <voice>]", ("notes a c e g", "bass notes a c . e", "notes e f# g a on the saw"), ()),
    ("tune <oscillator> to <note> / play <note>", ("tune the saw to e", "tune it to e flat", "play f sharp"), ()),
    ("play <chord> chord [on <voice>] / play <chord symbol>", ("play an A minor chord", "play a C major 7 chord",
     "play am7", "play c/e", "strum an e flat major chord"), ()),
    ("chords <chords> [every <n> beats / <n> bars each] [on <voice>] / <voice> plays <chords>",
     ("chords am7 f c g", "chords am f c g every 2 beats", "chords a minor, f major, c, g", "notes am7 f c g",
      "bass plays am f c g"), ()),
    ("voice it wide / open voicing / close voicing / invert it / second inversion / root position / add the bass "
     "note an octave lower", ("voice it wide", "invert it", "add the bass note an octave lower"), ("play an A minor chord",)),
    ("in <key> / key of <note> [<scale>]", ("in d minor", "key of e flat", "in a dorian", "we're in g major"), ()),
    ("no key (clears it)", ("no key",), ("in d minor",)),
    ("notes <degrees> (in the key) / chords <degrees or roman numerals>",
     ("notes 1 3 5 8", "chords i iv V7 i", "chords 1 4 5 1"), ("in d minor",)),
    ("random notes in the scale / random notes in <key>", ("random notes in the scale", "random notes in e minor"),
     ("in d minor",)),
    ("transpose to the relative/parallel major/minor / transpose to <key>",
     ("transpose to the relative major", "transpose to g minor"), ("in d minor", "notes 1 3 5 8")),
    ("arpeggiate/arp [<chords>] [up/down/up-down] [in 16ths/8ths/quarters] [over <n> octaves]",
     ("arpeggiate am7 up in 16ths", "arp c major over two octaves down", "arp up-down"), ("chords am f",)),
    ("transpose the melody/chords up/down <interval> / an octave lower",
     ("transpose the chords up 2 semitones", "transpose the melody down a fifth", "an octave lower"), ("chords am f",)),
)


__all__ = ["HARMONY_FORMS"]
