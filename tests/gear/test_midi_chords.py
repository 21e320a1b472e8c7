"""A chord step sent out over MIDI: every pitch of it on, and all of them off at the next note."""
from chronus_shell.gear.midi_out import midi_note
from chronus_shell.gear.out_process import EventQueue


def test_a_chord_is_one_note_on_per_pitch_and_the_next_note_ends_them_all():
    queue = EventQueue()
    chord = midi_note((220.0, 261.625565, 329.627557))
    assert chord == (57, 60, 64)
    assert queue._bytes("on", "saw1", "out", chord, 100) == [[0x90, 57, 100], [0x90, 60, 100], [0x90, 64, 100]]
    assert queue._bytes("on", "saw1", "out", midi_note(293.664768), 90) == \
        [[0x80, 57, 0], [0x80, 60, 0], [0x80, 64, 0], [0x90, 62, 90]]
    assert queue.silence("out") == [[0x80, 62, 0]]
