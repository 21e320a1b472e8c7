"""The harmony forms docs/commands.md shows (scripts/gen_commands_doc.py runs every example)."""
from __future__ import annotations

#: The harmony forms docs/commands.md shows: (form, examples, lines typed before the examples).
HARMONY_FORMS = (
    ("notes <notes without octave, . rest> [on <voice>]", ("notes a c e g", "bass notes a c . e", "notes e f# g a on the saw"), ()),
    ("<voice>[:] <notes with octaves, . ~ or rest for a rest> (a rhythm written apart is kept; a rest silences its step)",
     ("bass: a1 ~ c2 ~", "bass notes a1 rest c2 e2"), ("play x.xX.x.x on the saw",)),
    ("play <notes> together / <note>+<note>+… / stack <notes> / release the chord",
     ("play c e g together", "c+e+g", "release the chord"), ()),
    ("capo <n> with chords (the chords its shapes sound)", ("capo 2, play G", "capo 3: C Am F G"), ()),
    ("tune <oscillator> to <note> / play <note>", ("tune the saw to e", "tune it to e flat", "play f sharp"), ()),
    ("play <chord> chord [on <voice>] / play <chord symbol>", ("play an A minor chord", "play a C major 7 chord",
     "play am7", "play c/e", "strum an e flat major chord"), ()),
    ("chords <chords> [every <n> beats / <n> bars each] [on <voice>] / <voice> plays <chords>",
     ("chords am7 f c g", "chords am f c g every 2 beats", "chords a minor, f major, c, g", "notes am7 f c g",
      "bass plays am f c g"), ()),
    ("voice it wide / open voicing / close voicing / drop 2 (drop 3) voicing / rootless voicings / invert it / second "
     "inversion / root position / add the bass note an octave lower",
     ("voice it wide", "drop 2 voicing", "rootless voicings", "invert it", "add the bass note an octave lower"),
     ("play an A minor 7 chord",)),
    ("in <key> / key of <note> [<scale>]", ("in d minor", "key of e flat", "in a dorian", "we're in g major"), ()),
    ("no key (clears it)", ("no key",), ("in d minor",)),
    ("notes <degrees> (in the key) / chords <degrees or roman numerals>",
     ("notes 1 3 5 8", "chords i iv V7 i", "chords 1 4 5 1"), ("in d minor",)),
    ("random notes in the scale / random notes in <key>", ("random notes in the scale", "random notes in e minor"),
     ("in d minor",)),
    ("transpose to the relative/parallel major/minor / transpose to <key> / relative major / modulate to the "
     "dominant/subdominant / change the mode to <mode> (the tonic kept)",
     ("transpose to the relative major", "transpose to g minor", "relative major", "modulate to the dominant",
      "change the mode to dorian"), ("in d minor", "notes 1 3 5 8")),
    ("arpeggiate/arp [<chords> / <notes with octaves>] [up/down/up-down] [in 16ths/8ths/quarters] [over <n> octaves]",
     ("arpeggiate am7 up in 16ths", "arp c major over two octaves down", "arp up-down", "arp a3 c4 e4 a4 in 16ths"),
     ("chords am f",)),
    ("<notes> in quarter notes/8ths/16ths [on <voice>] (a hit each value, each note held to the next)",
     ("melody on the sine in 8ths: g5 f5 d5 bb4", "sine notes e4 g4 a4 c5, quarter notes"), ("add a sine",)),
    ("<chords> among a few words / <numerals> in <key> / 12 bar blues in <key>",
     ("dark minor chords, Cm Ab Eb Bb, bar each", "Ebmaj7 to Dm7 lofi loop", "vi–ii–V–I in C",
      "loop a ii-V-I in C, 7th chords, a bar each", "12 bar blues in A with 7ths"), ()),
    ("<quality> on <root> / <chord symbol> [on <voice>] / the <name> chord / <nth> inversion <chord> / rootless <chord>",
     ("minor 9 on D", "a diminished seventh on B", "Csus2", "Fm7 over Bb", "the Tristan chord", "German augmented sixth in C minor",
      "second-inversion C major", "rootless Dm9"), ()),
    ("add a 7th/9th/6th [on the <root>] / make it minor/major/sus4 / tritone sub it / drop the root",
     ("add a 7th on the D", "make it minor"), ("chords g c d",)),
    ("capo <n> / capo on the <n>th fret instead / capo off (a place, not a step: every note track sounds <n> semitones "
     "above the shapes as given; a capo already on moves by the difference)",
     ("capo 3", "capo on the 4th fret instead", "capo off"), ("chords g c d", "capo 2")),
    ("capo <n> before any chords (the chords named while it is on are its shapes: 'play Em C G D' under capo 2 sounds "
     "F#m D A E, until 'capo off')", ("capo 2", "capo 2 so the key is really A"), ("add a triangle",)),
    ("the <chord> should be <chord> / make the <chord> a <chord> / <chord> instead of the <chord> / <chord> instead / the "
     "second (third, last) chord should be <chord> (one chord replaced on its root; the rest stay)",
     ("the F should be Fmaj7", "make the Am an Am7", "Fmaj7 instead of the F", "the second chord should be plain A",
      "the last one should be G7"), ("chords c am f g",)),
    ("too high/low for the choir / the singer finds it too high (the song a whole step down/up, never an octave)",
     ("it's too high for the choir", "the sopranos find it too low"), ("chords g c d",)),
    ("play the <key> scale / the <scale> scale of <note> [up/down/up and down] / run up the scale / pedal point on <note> "
     "(a seven-note scale up to its octave, a pentatonic or blues scale its own notes)",
     ("play the d minor scale", "play the c major scale up and down", "play the pentatonic scale of g major",
      "pedal point on e"), ()),
    ("play a pentatonic / blues / dorian scale (on the key's tonic; a minor key's pentatonic is minor)",
     ("play a pentatonic scale", "play a blues scale"), ("key of e minor",)),
    ("the interval of a <interval> above/below <note with octave> (both notes at once)",
     ("play the interval of a major sixth above c4", "a perfect fifth below e4"), ()),
    ("chord <letters> / <voice> chord <letters> (one chord of those notes)", ("chord c e g", "the saw chord d f a"),
     ("add a saw",)),
    ("poly <n> on <voice> / <n> voices [on <voice>] / make <voice> polyphonic / make <voice> mono",
     ("poly 4 on the saw", "6 voices on the saw", "make the saw polyphonic", "make the saw mono"), ()),
    ("<the song / we / it> <is / are / 's / stays> in <key> (a key stated, any order)",
     ("the song is in e minor", "we're gonna be in f# minor", "key = e minor", "the key's d dorian"), ()),
    ("switch to <key> / put it in <key> / Camelot keys / modes / <scale>, <note> / <key>, harmonic",
     ("switch to d minor", "we're 4A", "Phrygian mode on E", "key Bb mixo", "lydian, f", "g minor, harmonic"), ()),
    ("key change / modulate up/down <interval> (the key and every note track)",
     ("modulate up a half step", "key change down a whole step"), ("in d minor",)),
    ("Tidal: <voice> n \"<notes, degrees from 0, chords>\" / <voice> |+ n <semitones>",
     ('saw |+ n 12', "n \"d'min7 g'dom7 c'maj7 c'maj7\""), ('saw n "a c e g"',)),
    ("transpose/move the melody/chords/<voice>/the song up/down <interval> / an octave lower / drop/raise it <interval> "
     "(in any order; a step alone is asked: whole or half?)",
     ("transpose the chords up 2 semitones", "transpose the melody down a fifth", "an octave lower",
      "drop it a whole step", "raise it a minor third", "the bass line, a 5th higher"), ("chords am f",)),
    ("<voice> <degrees> (in the key)", ("bass 1 5 6 4",), ("in c major", "add a saw at 55 hz")),
    ("chords, notes, a key, a length and a voice in any order, among words like hold, loop, let it ring "
     "(one chord: played; several: a progression; letters alone: say notes or chord)",
     ("give me a Cmaj7 on the organ", "csus4 drifting into c over 8 bars", "sus4 to 7 on G, 2 beats each",
      "root note G, scale mixolydian", "melody on the sine: e5 d5 c5 . a4", "drone on a"), ()),
    ("solfège: do re mi fa sol la si (ti), with sostenido/bemol, mayor/menor — a note where it can only be one: with "
     "its accidental or mode, in a run of syllables, after notes/acorde/key", ("notes do re mi fa sol", "acorde de la menor",
     "tonalidad Si bemol mayor", "progression la menor, fa, do, sol, uno por compás"), ()),
    ("<chord or key name> alone ('now g major': the chord after a chord played or on a voice that plays nothing, the key "
     "over a playing line or after a key; asked after both) / the same chord in <nth> inversion / resolve it to <chord> / "
     "now a sad chord", ("now f major", "the same chord in second inversion", "resolve it to C", "now a sad chord"),
     ("play a d major chord",)),
    ("<chord> first inversion / in root position / the 6/9 on <root> / <chord> for a bar then <chord>",
     ("Abmaj7 first inversion", "a C triad in root position", "the 6/9 on Ab", "Eb7sus4 for a bar then Eb7"), ()),
    ("a 2-5-1 in <key> (sevenths) / tritone sub on the 5 / just vamp on the 1 chord / put the 2 5 1 in <key> / "
     "back to <key>", ("tritone sub on the 5", "put the 2 5 1 in C", "back down to G", "just vamp on the 1 chord"),
     ("gimme a 2 5 1 in Ab, a bar each",)),
    ("a <key> scale [in <note value>] [one octave up/down from middle C / from <note> to <note> / over two octaves]",
     ("play a C major scale in sixteenth notes, one octave up from middle C", "a chromatic scale from C4 to C5",
      "the g minor scale over two octaves in eighth notes"), ()),
    ("descending / ascending / the arp going down instead / (no key set, after a scale run) now in <key>",
     ("descending now", "now in a minor, the harmonic form"), ("play the c major scale",)),
    ("<n> flats/sharps [, but minor] / walk the bass up chromatic from <note> to <note> / an Alberti bass in <key> [: <notes>]",
     ("three flats, but minor", "walk the bass up chromatic from Ab to C on the saw", "an Alberti bass in C: C G E G"), ()),
    ("put the bassline/melody in <key> / transpose all to <key> (no key set: from the key the line fits)",
     ("put the bassline in F minor", "transpose all to C#"), ("bass notes a2 c3 e3 g3",)),
    ("chord symbols with tensions in brackets and Brazilian 7M / roman numerals as lead sheets write them (an upper-case "
     "numeral's 7: the dominant; bVII, bIII: from the major scale)",
     ("Dm7(b5) G7(b9) Cm7", "Am7(9) D7(9) G7M, a bar each", "I7 IV7 V7 in A", "i bVI bIII bVII in E minor"), ()),
    ("progressions by name: royal road, just the two of us, komuro, canon, pachelbel, pop, doo-wop, andalusian, backdoor, "
     "minor 2-5-1, jazz turnaround, 12 bar blues, cadences (in the key said, else the session's)",
     ("royal road progression in C, 1 bar each", "just the two of us progression in F", "the backdoor progression in G"),
     ()),
    ("Nashville numbers (a number alone is a major chord, 6m minor) / <label>: <chords> (vamp, intro, chorus, the changes "
     "of a song) / same with 7th chords (each chord the seventh its key gives it)",
     ("1 6m 2m 5", "nashville numbers in D: 1 5 6m 4", "vamp: Bb, Gm7, Cm7, F7, one bar each, till ready",
      "same with 7th chords"), ("key of G", "chords G Em C D")),
    ("sargam on its Sa (sa re ga ma pa dha ni, komal/tivra) / a thaat or raag that is a scale / a drone of <notes>",
     ("Sa is C#, play sa re ga ma pa on the sine", "scale is Kafi thaat, Sa is D", "raag Yaman, Sa is C",
      "drone of Sa and Pa on the triangle, Sa is C#"), ("add a sine", "add a triangle")),
    ("bare letters that spell one chord are its notes, climbing: arp A C E A / a drone on <note> (at or below the "
     "voice) / a low <note> (the second octave) / the <note> above/below it (from the note just played)",
     ("arp A C E A going up, 16th, on the sine", "a drone on D", "hold a low G on the sine"), ("add a sine at 440 hz",)),
    ("chords in a rhythm: <chords> on the offbeats / on 2 and 4 / every beat / rhythm <steps> / skank chords <chords> "
     "/ <chords> but with <chord> (the chord on its root swapped)",
     ("dub chord Cm7 on the offbeats", "skank chords Am Dm, one bar each", "Em C G D but with Em7 and Cadd9"), ()),
    ("maqamat that fit twelve semitones as scales (hijaz, hijazkar, nahawand, kurd, nikriz, ajam; phrygian dominant, "
     "double harmonic, hungarian minor, whole tone) / a chord a bar: whole notes, one to a bar / 2 minor to 5 to 1",
     ("maqam hijaz on D", "play scale of hijaz from D on the sine, 8th notes, going up", "key of A, 1 5 6 4, whole notes",
      "2 minor to 5 to 1 in G"), ("add a sine at 440 hz",)),
    ("one chord by its number in the key: the <n> chord / the <n> minor / <quality> on the <n> / go to the <n> / "
     "chart <numbers> in <key> / a chord letter alone (F, now an F)",
     ("the 5 chord", "the 6 minor", "minor 7 on the 6", "go to the 4", "chart 1 1 4 5 in A", "F"), ("key of Bb",)),
    ("a band's moves: take it up/down a step (chords: a whole step; a melody's step is asked) / up to <key> / "
     "walk it down a half step / … for the singer", ("take it up a step", "up to E for the next tune",
     "walk it down a half step for the singer"), ("chords d c d a",)),
    ("<a move>, to <key> / …, so we're in <key> / …, the singer wants <key> (where the move lands, checked: elsewhere "
     "it is refused with where it would land)", ("up a fourth, to G", "take it up a whole step, the horns want E"),
     ("chords d c d a",)),
    ("add a third/fifth/octave (to the one note held) / a low <note> on <voice> / drone down an octave (from the note "
     "it holds)", ("add a fifth", "drone down an octave", "a low Ab on the sine"), ("add a sine", "drone on a")),
)


__all__ = ["HARMONY_FORMS"]
