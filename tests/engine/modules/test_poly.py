"""Polyphonic voices, measured on offline renders: a chord's pitches and levels, chord changes at
their exact bar samples, release tails under the next note, click-free stealing, and a mono voice
that plays exactly as before."""
import numpy as np
import pytest

from chronus_shell.engine.engine import Engine, EngineError
from chronus_shell.engine.notes import note_to_hz
from chronus_shell.protocol.message import Message

RATE, BLOCK = 48000, 256
C_MAJOR = [note_to_hz(n) for n in ("c4", "e4", "g4")]


def _engine(lines: str, settle: bool = False) -> Engine:
    """The patch of `lines`; settled: its params done gliding from their defaults (20 blocks)."""
    engine = Engine(RATE, BLOCK)
    for line in lines.strip().splitlines():
        engine.schedule(Message.parse(line.strip()), at=0)
    if settle:
        _render(engine, 20 * BLOCK / RATE)
    return engine


def _render(engine: Engine, seconds: float, events=()) -> np.ndarray:
    """`seconds` from where the engine is; events at samples counted from there."""
    for at, line in events:
        engine.schedule(Message.parse(line), at=engine.position + at)
    blocks = int(seconds * RATE) // BLOCK
    return np.concatenate([engine.render(BLOCK) for _ in range(blocks)]).astype(np.float64)


def _peak(spectrum: np.ndarray, hz: float, n: int) -> tuple[float, float]:
    """(frequency, dB) of the spectral peak nearest `hz` (Hann window, parabolic interpolation)."""
    k = int(round(hz * n / RATE))
    k += int(np.argmax(spectrum[k - 3:k + 4])) - 3
    a, b, c = np.log(spectrum[k - 1:k + 2])
    offset = 0.5 * (a - c) / (a - 2 * b + c)
    return (k + offset) * RATE / n, 20 / np.log(10) * (b - 0.25 * (a - c) * offset)


def _cents(hz: float, reference: float) -> float:
    return 1200 * np.log2(hz / reference)


def _max_step_of_sines(freqs, gain) -> float:
    """The largest sample-to-sample step a sum of sines at `gain` can make (no click goes beyond)."""
    return sum(2 * np.pi * f / RATE * gain for f in freqs)


SAW = """/patch/create saw1 saw
/patch/connect saw1 master"""

SINE_ADSR = """/patch/create sine1 sine
/patch/create adsr1 adsr
/patch/connect sine1 adsr1
/patch/connect adsr1 master
/mod/sine1/gain 0.15
/mod/adsr1/attack 5
/mod/adsr1/release 300"""


def test_a_c_major_chord_on_a_saw_sounds_c_e_and_g_in_tune_and_level():
    engine = _engine(SAW)
    audio = _render(engine, 2.5, [(0, "/gate/saw1 1 " + " ".join(map(str, C_MAJOR)))])[RATE // 2:]
    n = len(audio)
    spectrum = np.abs(np.fft.rfft(audio * np.hanning(n)))
    peaks = [_peak(spectrum, hz, n) for hz in C_MAJOR]
    for (hz, _), reference in zip(peaks, C_MAJOR):
        assert abs(_cents(hz, reference)) < 1.0
    levels = [db for _, db in peaks]
    assert max(levels) - min(levels) < 1.0
    assert engine.poly.count(engine.voice("saw1")) == 3     # the mono saw grew to play the chord


def test_a_mono_voice_plays_as_before_and_a_chord_says_it_grew_once():
    lines = SINE_ADSR + "\n/gate/sine1 1 220\n"
    mono, poly_one = _engine(lines), _engine(lines + "/patch/poly sine1 1")
    assert np.array_equal(_render(mono, 0.5), _render(poly_one, 0.5))
    engine = _engine(SINE_ADSR)
    chord = Message.parse("/gate/sine1 1 220 277.18 329.63")
    assert engine.validate(chord, engine.shape) == ("sine1 now plays up to 3 notes at once "
                                                    "(a chord; /patch/poly sine1 n to change)")
    assert engine.validate(chord, engine.shape) is None
    assert engine.validate(Message.parse("/gate/sine1 1 220 0.5"), engine.shape) is None   # a note and its accent
    sequenced = _engine(SINE_ADSR)
    for line, said in (("/seq/add pad sine1 x...", None), ("/seq/notes pad a3+c4+e4+g4 c4", "up to 4 notes"),
                       ("/seq/notes pad a3+c4", None)):
        reply = sequenced.validate(Message.parse(line), sequenced.shape)
        assert reply is said is None or said in reply


def _progression(chords: str) -> np.ndarray:
    """One chord a bar: a 64-step pattern of whole-bar hits, each step's note a chord or a hold."""
    notes = " ".join(chord + " -" * 15 for chord in chords.split())
    engine = _engine(SINE_ADSR + f"""
/seq/bpm 120
/seq/add chords sine1 {"x---------------" * 4}
/seq/notes chords {notes}
/seq/start""")
    return _render(engine, 8.2)


def test_a_progression_changes_chord_at_the_exact_bar_samples():
    bar = 2 * RATE      # 120 bpm: a bar is 2 s
    full = _progression("a3+c4+e4 f3+a3+c4 c4+e4+g4 g3+b3+d4")
    for changed, at in (("a3+c4+e4 a3+c4+e4 a3+c4+e4 a3+c4+e4", bar), ("a3+c4+e4 f3+a3+c4 f3+a3+c4 f3+a3+c4", 2 * bar),
                        ("a3+c4+e4 f3+a3+c4 c4+e4+g4 c4+e4+g4", 3 * bar)):
        other = _progression(changed)
        first = int(np.flatnonzero(full != other)[0])
        assert first in (at, at + 1)       # a new note's first sample is sin(0) = 0 whatever its pitch
    spectrum = np.abs(np.fft.rfft(full[bar + RATE // 4: bar + RATE] * np.hanning(3 * RATE // 4)))
    n = 3 * RATE // 4
    for note in ("f3", "a3", "c4"):
        assert abs(_cents(_peak(spectrum, note_to_hz(note), n)[0], note_to_hz(note))) < 5


def test_a_released_note_rings_on_under_the_next_one_without_a_click():
    engine = _engine(SINE_ADSR + "\n/patch/poly sine1 2", settle=True)
    a, e = 220.0, 329.63
    audio = _render(engine, 1.0, [(0, f"/gate/sine1 1 {a}"), (RATE // 4, "/gate/sine1 0"),
                                  (RATE // 4 + 480, f"/gate/sine1 1 {e}")])
    start = RATE // 4 + 480
    window = audio[start:start + 4800]             # 100 ms after the next note started
    t = np.arange(len(window)) / RATE
    tail = np.abs(np.sum(window * np.exp(-2j * np.pi * a * t))) * 2 / len(window)
    assert 0.01 < tail < 0.15                       # the first note's release still sounds
    assert np.abs(np.diff(audio)).max() <= 1.05 * _max_step_of_sines((a, e), 0.15)


def test_stealing_the_oldest_note_at_two_notes_with_a_three_note_chord_is_click_free():
    engine = _engine(SINE_ADSR + "\n/mod/adsr1/release 2000\n/patch/poly sine1 2", settle=True)
    first, second = (220.0, 277.18), (330.0, 415.3, 493.88)
    audio = _render(engine, 1.0, [(0, "/gate/sine1 1 " + " ".join(map(str, first))),
                                  (RATE // 2, "/gate/sine1 1 " + " ".join(map(str, second)))])
    assert np.abs(np.diff(audio)).max() <= 1.05 * _max_step_of_sines(first + second, 0.15)
    late = audio[RATE // 2 + 2400:]                   # after the steal fades: the chord's two newest notes
    n = len(late)
    spectrum = np.abs(np.fft.rfft(late * np.hanning(n)))
    heard = {hz: _peak(spectrum, hz, n)[1] for hz in first + second}
    assert heard[415.3] - heard[220.0] > 30 and heard[493.88] - heard[277.18] > 30 and heard[415.3] - heard[330.0] > 30


def test_a_chord_reaches_its_shared_effects_once():
    """saw → adsr → delay: the notes are summed into the voice's output, the delay is not copied."""
    engine = _engine("""/patch/create saw1 saw
/patch/create adsr1 adsr
/patch/create delay1 delay
/patch/connect saw1 adsr1
/patch/connect adsr1 delay1
/patch/connect delay1 master
/patch/poly saw1 4""")
    audio = _render(engine, 0.5, [(0, "/gate/saw1 1 " + " ".join(map(str, C_MAJOR)))])
    assert np.isfinite(audio).all() and np.sqrt(np.mean(audio ** 2)) > 0.05
    assert "delay1" not in engine.poly.copies and len(engine.poly.copies["saw1"]) == 7


@pytest.mark.parametrize("line, error", [
    ("/seq/notes t h3", "'h3' is not a note"),
    ("/patch/poly saw1 40", "/patch/poly saw1 40: a voice plays 1–16 notes at once"),
    ("/patch/poly saw1 2.5", "a voice plays 1–16 notes at once"),
    ("/patch/poly master 2", "the master plays no notes"),
    ("/seq/key h minor", "'h' is not a tonic"),
    ("/seq/key d mixolidian", "did you mean mixolydian"),
    ("/gate/saw1 1 220 5", "out of range"),
])
def test_bad_harmony_input_is_one_line_and_changes_nothing(line, error):
    engine = _engine(SAW + "\n/seq/add t saw1 x...")
    engine.render(BLOCK)
    before = engine.patch_state()
    with pytest.raises(EngineError, match=error) as caught:
        engine.schedule(Message.parse(line))
    assert "\n" not in str(caught.value)
    engine.render(BLOCK)
    assert engine.patch_state() == before


def test_chords_rests_and_the_key_are_in_the_state():
    engine = _engine(SAW + """
/seq/add t saw1 x.x.
/seq/notes t a3+c4+e4 . - e3
/seq/key d minor
/patch/poly saw1 4""")
    engine.render(BLOCK)
    state = engine.patch_state()
    assert state["sequencer"]["key"] == "d minor" and state["poly"] == {"saw1": 4}
    assert state["sequencer"]["tracks"]["t"]["notes"] == [[220.0, 261.625565, 329.627557], ".", "-", 164.813778]
    engine.schedule(Message.parse("/seq/key Eb harmonic minor"))
    engine.render(BLOCK)
    assert engine.patch_state()["sequencer"]["key"] == "eb harmonic_minor"
    engine.schedule(Message.parse("/seq/key none"))
    engine.render(BLOCK)
    assert "key" not in engine.patch_state()["sequencer"]


def test_a_chord_on_a_drum_plays_it_once_and_says_nothing():
    engine = _engine("/patch/create kick1 kick\n/patch/connect kick1 master")
    chord = Message.parse("/gate/kick1 1 220 277.18")
    assert engine.validate(chord, engine.shape) is None
    audio = _render(engine, 0.2, [(0, str(chord))])
    assert np.abs(audio).max() > 0.1 and engine.poly.counts == {}


def test_fewer_notes_or_mono_again_fades_the_extra_notes_out_without_a_click():
    engine = _engine(SINE_ADSR + "\n/mod/adsr1/release 2000", settle=True)
    chord = (220.0, 277.18, 330.0, 415.3)
    audio = _render(engine, 0.6, [(0, "/gate/sine1 1 " + " ".join(map(str, chord))), (RATE // 4, "/patch/poly sine1 2"),
                                  (RATE // 2, "/patch/poly sine1 1")])
    assert np.abs(np.diff(audio)).max() <= 1.05 * _max_step_of_sines(chord, 0.15)
    assert engine.poly.copies == {} and not engine.poly.fading_out
    assert np.sqrt(np.mean(audio[-2400:] ** 2)) > 0.01          # the voice's own note plays on, mono


def test_a_snapshot_of_a_sounding_poly_voice_goes_on_identically():
    """A standby slot is brought to lockstep with a pickled engine: notes, copies, gates and all."""
    import pickle
    engine = _engine(SINE_ADSR + "\n/patch/poly sine1 2", settle=True)
    _render(engine, 0.1, [(0, "/gate/sine1 1 220 277.18 330"), (2400, "/gate/sine1 0 220")])
    twin = pickle.loads(pickle.dumps(engine))
    later = [(100, "/gate/sine1 1 415.3"), (4000, "/gate/sine1 0")]
    assert np.array_equal(_render(engine, 0.3, later), _render(twin, 0.3, later))


def test_the_shell_hears_once_that_a_chord_made_a_voice_polyphonic():
    """The supervisor admits every message to a Timeline that is never rendered; its line is the reply."""
    from chronus_shell.engine.timeline import Timeline
    plan = Timeline(RATE, BLOCK)
    for line in SINE_ADSR.splitlines() + ["/seq/add pad sine1 x..."]:
        assert plan.admit(Message.parse(line)) is None
    assert "sine1 now plays up to 3 notes" in plan.admit(Message.parse("/seq/notes pad a3+c4+e4"))
    assert plan.admit(Message.parse("/gate/sine1 1 220 261.63 329.63 392")) is None    # said once


@pytest.mark.parametrize("notes", [3, 8])
def test_a_poly_voice_renders_what_as_many_mono_voices_render(notes):
    """N notes in one voice (bank rows; 8 notes take the vectorised ladder lanes) sound as N voices,
    bit for bit (the rows are summed in the same order)."""
    pitches = [round(110.0 * 2 ** (k / 5), 6) for k in range(notes)]

    def chain(i):
        return f"""/patch/create saw{i} saw
/patch/create acid{i} acid_filter
/patch/create adsr{i} adsr
/patch/connect saw{i} acid{i}
/patch/connect acid{i} adsr{i}
/patch/connect adsr{i} master"""
    poly = _engine(chain(0) + f"\n/patch/poly saw0 {notes}")         # defaults: nothing glides, and every
    separate = _engine("\n".join(chain(i) for i in range(notes)))   # oscillator starts with its note
    one = _render(poly, 0.5, [(0, "/gate/saw0 1 " + " ".join(map(str, pitches))), (RATE // 4, "/gate/saw0 0")])
    many = _render(separate, 0.5, [(0, f"/gate/saw{i} 1 {hz}") for i, hz in enumerate(pitches)]
                   + [(RATE // 4, f"/gate/saw{i} 0") for i in range(notes)])
    assert np.sqrt(np.mean(many ** 2)) > 0.01
    assert np.array_equal(one, many)


def test_a_poly_voice_that_goes_nan_is_silenced_and_plays_again():
    engine = _engine(SINE_ADSR + "\n/patch/poly sine1 3", settle=True)
    _render(engine, 0.05, [(0, "/gate/sine1 1 220 277.18 330")])
    engine.poly.copies["sine1"][0].state[0] = np.nan       # one note's oscillator breaks
    audio = _render(engine, 0.3, [(RATE // 10, "/gate/sine1 1 440 554.37")])
    assert np.isfinite(audio).all() and any("NaN/Inf" in fault for fault in engine.faults)
    assert np.sqrt(np.mean(audio[-RATE // 10:] ** 2)) > 0.01
