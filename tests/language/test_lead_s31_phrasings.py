"""What the blind trials of sessions 30 and 31 heard go wrong or refused, by class (session 31): a part told to play
the chords' roots ('the bass follows the chords'); a running fade stopped or called off; 'back to how it was' after
a correction; a param said with a plain quality; notes never on a noise source; a tritone sub on a chord not there;
new changes that keep a skank's rhythm or a track's sevenths; 'the lfo' that is there; a session said in other words;
a flat or sharp sign in a key is a note's, never an emoji left out."""
import pytest

from chronus_shell.language.chords import token_pitches

from .test_time_harmony_classes import echo, last, refused

CHORDS = ("add a triangle", "chords G D Em C on the triangle", "add a saw called bass")


def _after_a_refusal(lines, refused_line: str, line: str) -> str:
    """What `line` is refused with, typed right after `refused_line` was refused (the lines before it done)."""
    from chronus_shell.language import Translator
    from chronus_shell.language.errors import LanguageError
    translator = Translator()
    for done in lines:
        translator.translate(done)
    with pytest.raises(LanguageError):
        translator.translate(refused_line)
    with pytest.raises(LanguageError) as err:
        translator.translate(line)
    return str(err.value)


def _notes(out: list[str], track: str) -> list[str]:
    return next(m.split()[2:] for m in out if m.startswith(f"/seq/notes {track} "))


def _pattern(out: list[str], track: str) -> str:
    return next(m.split()[3] for m in out if m.startswith(f"/seq/add {track} "))


@pytest.mark.parametrize("phrase", ["bass plays the roots", "the bass follows the chords", "have the bass play the root notes",
                                    "make the bass follow the changes", "root notes on the bass", "bass: just the roots please",
                                    "the bass plays the root of each chord"])
def test_the_bass_plays_each_chords_root_held_as_long_as_the_chord(phrase):
    out = last(*CHORDS, phrase)
    notes = [n for n in _notes(out, "bass") if n != "-"]
    assert [token_pitches(n)[0] % 12 for n in notes] == [7, 2, 4, 0]          # G D E C
    assert all(token_pitches(n)[0] < 48 for n in notes)                       # low: a bass
    assert _pattern(out, "bass") == _pattern(last(*CHORDS[:2]), "chords")     # each as long as its chord


def test_an_inverted_chord_gives_its_root_not_its_lowest_note():
    out = last("add a triangle", "chords c/e g/b am f on the triangle", "add a saw called bass", "bass plays the roots")
    assert [token_pitches(n)[0] % 12 for n in _notes(out, "bass") if n != "-"] == [0, 7, 9, 5]


def test_a_bass_line_keeps_its_rhythm_rests_and_register_and_each_chord_starts_at_its_bar():
    out = last("add a triangle called pad", "add a saw called bass at 55 hz", "chords am7 dm7 em7 am7 on the pad",
               "play the chords on the offbeats", "bass notes a1 . a1 a2 . a1 . g1", "bass follows the chords")
    notes = _notes(out, "bass")
    assert _pattern(out, "bass") == "x.xx.x.x" * 8 and notes[1] == "."
    assert {notes[s] for s in range(0, 16) if notes[s] != "."} == {"a1"} and notes[16] == "d2" and notes[48] == "a1"


@pytest.mark.parametrize("setup, part", [(("add a kick", "kick x...x...x...x..."), "kick"),
                                         (("add a sine called lead", "lead notes e5 g5 a5 c6"), "lead")])
def test_the_roots_never_replace_a_drum_or_a_tune(setup, part):
    with pytest.raises(Exception):
        last(*CHORDS, *setup, f"the {part} follows the chords")


def test_a_bass_with_a_rhythm_of_its_own_keeps_it_and_each_hit_takes_the_root_then():
    out = last(*CHORDS, "play x.x.x.x. on the bass", "bass plays the roots")
    notes = _notes(out, "bass")
    assert not any(m.startswith("/seq/add bass") for m in out)                # the rhythm kept
    assert len(notes) == 64 and {token_pitches(notes[s])[0] % 12 for s in range(16)} == {7}
    assert token_pitches(notes[16])[0] % 12 == 2 and token_pitches(notes[63])[0] % 12 == 0


def test_the_roots_are_said_back():
    assert "g2 d2 e2 c2" in echo(*CHORDS, "bass follows the chords")


def test_roots_with_no_chords_playing_say_how_to_give_some():
    said = refused("add a saw called bass", "the bass plays the roots")
    assert "chords" in said and "'bass plays the roots'" in said


def test_the_voice_that_plays_the_chords_cannot_also_play_their_roots():
    assert "another voice" in refused(*CHORDS, "the triangle follows the chords")


def test_a_part_that_is_not_there_is_not_given_the_roots():
    with pytest.raises(Exception):
        last("add a triangle", "chords G D Em C on the triangle", "the bass plays the roots")


@pytest.mark.parametrize("phrase, key", [("Key is E♭ major", "eb major"), ("key of F♯ minor", "f# minor"),
                                         ("in B♭ please 🙏", "bb major")])
def test_a_flat_or_sharp_sign_is_a_notes_not_an_emoji(phrase, key):
    assert last("add a sine", phrase) == [f"/seq/key {key}"]


def _mid_ramps(*lines):
    """A translator whose master fades out (at -23.5 dB now) and whose filter sweeps up (at 1200 Hz now), as the shell's
    RampWatch tells it."""
    from chronus_shell.language import Translator
    translator = Translator()
    for line in ("add a saw", "add an acid filter at 500 hz", "fade out over 8 bars", "open the filter to 3000 over 8 bars",
                 *lines):
        translator.translate(line)
    translator.model.values["master"] = {**translator.model.values["master"], "gain": -23.5}
    translator.model.values["acid_filter1"] = {**translator.model.values["acid_filter1"], "cutoff": 1200.0}
    translator.model.going_to = {"master.gain": -60.0, "acid_filter1.cutoff": 3000.0}
    return translator


@pytest.mark.parametrize("phrase", ["stop the fade", "hold the fade there", "freeze the fade", "ok stop the fade out"])
def test_stopping_a_fade_keeps_the_level_where_it_plays(phrase):
    translator = _mid_ramps()
    assert [str(m) for m in translator.translate(phrase)] == ["/mod/master/gain -23.5"]
    assert "'cancel the fade'" in " ".join(translator.understood)


@pytest.mark.parametrize("phrase", ["cancel the fade", "never mind the fade", "scrap that fade", "abort the fade"])
def test_cancelling_a_fade_puts_the_level_back_where_it_started(phrase):
    assert [str(m) for m in _mid_ramps().translate(phrase)] == ["/mod/master/gain 0.0"]


@pytest.mark.parametrize("phrase, out", [("stop the filter sweep", "/mod/acid_filter1/cutoff 1200.0"),
                                         ("cancel the sweep", "/mod/acid_filter1/cutoff 500.0")])
def test_a_sweep_is_the_cutoff_not_the_fade(phrase, out):
    assert [str(m) for m in _mid_ramps().translate(phrase)] == [out]


def test_stopping_a_fade_when_none_runs_says_so():
    said = refused("add a saw", "stop the fade")
    assert "no fade is running" in said


@pytest.mark.parametrize("correction", ["too much", "a bit less", "less", "not so much"])
def test_back_to_how_it_was_after_a_correction_goes_back_before_the_step_it_corrected(correction):
    lines = ("add a saw", "add a delay", "feedback 70%", "more feedback", correction)
    assert last(*lines, "back to how it was") == ["/mod/delay1/feedback 0.7"]
    assert "both undone" in echo(*lines, "back to how it was")


def test_back_to_how_it_was_after_a_plain_step_is_still_its_undo():
    assert last("add a saw", "add a delay", "feedback 70%", "more feedback", "back to how it was") == \
        ["/mod/delay1/feedback 0.7"]


@pytest.mark.parametrize("phrase, out", [("reverb size small", "/mod/reverb1/room 0.25"), ("room big", "/mod/reverb1/room 0.75"),
                                         ("depth small", "/mod/lfo1/depth 0.25"), ("depth high", "/mod/lfo1/depth 0.75")])
def test_a_param_said_with_a_plain_quality_goes_into_that_region(phrase, out):
    assert last("add a saw", "add a reverb", "add an lfo to the saw's pitch", phrase) == [out]


def test_a_quality_the_param_already_has_is_a_step_that_way():
    out = last("add a saw", "add a reverb", "room 0.1", "room small")
    assert float(out[0].split()[1]) < 0.1


def test_notes_for_a_noise_source_go_to_the_one_pitched_voice_or_are_asked():
    with pytest.raises(Exception) as err:
        last("add a saw", "add a square", "add noise", "sequencer: c2 c2 eb2 g2")
    assert "no pitch" in str(err.value) and "saw1" in str(err.value)
    assert "no pitch" in refused("add a saw", "add noise", "noise notes c2 eb2")


WALK = ("add a triangle called piano", "chords Dm7 G7 Cmaj7 Cmaj7 on the piano", "add a saw called bass")


def test_a_line_of_many_notes_under_chords_keeps_its_16ths_and_says_how_long_the_chords_are():
    line = "bass notes d2 f2 a2 c3 g1 b1 d2 f2 c2 e2 g2 b2 c2 e2 g2 e2"
    assert _pattern(last(*WALK, line), "bass") == "x" * 16            # (a riff, or a walk: said, never guessed)
    assert "16 notes, a 16th each (the chords change every 16 steps)" in echo(*WALK, line)


def test_a_tritone_sub_on_a_chord_that_is_not_there_is_refused_with_the_chords():
    said = refused("add a triangle", "chords Fmaj7 Bbmaj7 Ebmaj7 Abmaj7", "tritone substitution on the G7")
    assert "no G7" in said and "Fmaj7 Bbmaj7 Ebmaj7 Abmaj7" in said


def test_a_tritone_sub_on_the_chord_named_moves_only_it():
    out = last("add a triangle", "chords Dm7 G7 Cmaj7 Cmaj7", "tritone substitution on the G7")
    notes = [n for n in _notes(out, "chords") if n != "-"]
    assert [token_pitches(n)[0] % 12 for n in notes] == [2, 1, 0, 0]          # D, Db (for G), C, C


def test_a_major_seventh_chord_is_never_read_as_the_dominant():
    assert "dominant" in refused("add a triangle", "chords Fmaj7 Bbmaj7 Ebmaj7 Abmaj7", "tritone sub on the 5")


def test_a_param_line_right_after_a_refusal_asks_where_the_new_effect_goes():
    said = _after_a_refusal(("add a kick", "add a snare", "add a square called skank"), "add a warped delay on the snare",
                            "delay time dotted eighth")
    assert "no delay yet" in said and "add a delay to" in said


@pytest.mark.parametrize("gear", ["tape delay", "analog delay", "tape echo"])
def test_a_delay_named_by_its_gear_is_a_delay(gear):
    out = last("add a kick", "add a snare", f"add a {gear} on the snare")
    assert "/patch/create delay1 delay" in out and "/patch/connect snare1 delay1" in out


def test_new_changes_for_a_one_chord_skank_keep_its_offbeats():
    out = last("add a square called skank", "skank plays Gm on the offbeats", "chords gm cm gm d7")
    assert _pattern(out, "chords") == "..x." * 16
    notes = _notes(out, "chords")
    assert [token_pitches(notes[s])[0] % 12 for s in (2, 18, 34, 50)] == [7, 0, 7, 2]


@pytest.mark.parametrize("focus", ["hats up", "bass notes d2 g1 c2 c2"])
def test_chords_with_the_bass_or_a_drum_in_focus_change_the_one_chord_track(focus):
    lines = ("add a hat", "add a triangle called piano", "add a saw called bass", "chords Dm7 G7 Cmaj7 Cmaj7 on the piano",
             focus)
    out = last(*lines, "chords Em7b5 A7b9 Dm7 Dm7")
    assert _pattern(out, "chords") == "x" + "-" * 15 + ("x" + "-" * 15) * 3 and "/seq/add chords piano" in out[0]
    assert "where the chords play" in echo(*lines, "chords Em7b5 A7b9 Dm7 Dm7")


@pytest.mark.parametrize("numerals, roots", [("ii V I I", [2, 7, 0, 0]), ("I I IV V", [0, 0, 5, 7])])
def test_a_numeral_said_twice_is_a_chord_held_twice(numerals, roots):
    out = last("add a triangle", "in c major", f"chords {numerals}")
    assert [token_pitches(n)[0] % 12 for n in _notes(out, "chords") if n != "-"] == roots


def test_numerals_over_seventh_chords_keep_the_sevenths():
    out = last("add a triangle", "chords Dm7 G7 Cmaj7 Cmaj7", "make it a ii-V-I in C")
    assert all(len(n.split("+")) == 4 for n in _notes(out, "chords") if n != "-")
    triads = last("add a triangle", "chords am f c g", "chords ii V I in C")
    assert all(len(n.split("+")) == 3 for n in _notes(triads, "chords") if n != "-")


def test_the_lfo_said_with_one_there_is_that_one_on_one_more_target():
    lines = ("add a saw", "add a delay", "add an lfo to the saw's pitch")
    assert last(*lines, "modulate the delay time with the lfo") == ["/patch/connect lfo1 delay1.time"]
    assert "stays on saw1 freq" in echo(*lines, "modulate the delay time with the lfo")


def test_the_lfo_said_with_several_busy_asks_which():
    said = refused("add a saw", "add a filter", "add a delay", "add an lfo to the saw's pitch", "add an lfo to the cutoff",
                   "modulate the delay time with the lfo")
    assert said.startswith("which lfo?") and "lfo1 on saw1 freq" in said


def test_an_lfo_said_with_one_busy_is_a_new_one():
    out = last("add a saw", "add a delay", "add an lfo to the saw's pitch", "modulate the delay time with an lfo")
    assert out == ["/patch/create lfo2 lfo", "/patch/connect lfo2 delay1.time"]


def test_a_second_sound_of_a_type_added_unasked_is_said():
    assert "a second kick: kick2 (kick1 is there already" in echo("yo add a kik", "add a kick")
    assert "second" not in echo("add a kick", "add another kick")


def test_a_word_corrected_as_a_typo_never_saves_a_session():
    out = last("add a sine", "fade everything out over 8 bars, the story is told")
    assert not any(m.startswith("/session/") for m in out) and out[0].startswith("/ramp/master/gain -60")


def test_a_grooves_tempo_is_a_tempo_only():
    assert last("add a kick", "add a snare", "kick x...x...x...x...", "waltz tempo 90") == ["/seq/bpm 90.0"]


@pytest.mark.parametrize("line, there, back", [
    ("open the filter to 3k over 4 bars and back", "/ramp/acid_filter1/cutoff 3000.0 16",
     "/at 16 beat /ramp/acid_filter1/cutoff 500.0 16"),
    ("fade the saw out over 2 bars and back in", "/ramp/saw1/gain 0.0 8", "/at 8 beat /ramp/saw1/gain 0.5 8")])
def test_a_change_over_time_and_back_goes_back_over_as_long(line, there, back):
    assert last("add a saw", "add an acid filter at 500 hz", line) == [there, back]


@pytest.mark.parametrize("said", ["load the friday night one", "load friday night", "load the friday night session"])
def test_a_session_said_in_other_words_loads_the_one_saved_here(said):
    assert last("add a kick", "save as friday_night", said)[0] == "/session/load friday_night"


def test_a_session_name_saved_nowhere_here_is_loaded_as_said():
    assert last("add a kick", "load tuesday") == ["/session/load tuesday"]


@pytest.mark.parametrize("phrase", ["kick back in", "unmute the kick", "kick in"])
def test_a_part_dropped_for_a_while_comes_back_in_now(phrase):
    assert last("add a kick", "add a snare", "kick x...x...x...x...", "snare ....x.......x...", "drop the kick for 2 bars",
                phrase) == ["/seq/mute kick 0"]


KIT3 = ("add a kick", "add a hat", "kick x...x...x...x...", "hats x.x.x.x.x.x.x.x.")


@pytest.mark.parametrize("lines, out", [(("triplet hats", "back to 16ths"), "/seq/speed hats 1.0"),
                                        (("double time the kick", "hats up", "back to normal on the kick"), "/seq/speed kick 1.0"),
                                        (("triplet hats", "kick up", "back to straight 8ths"), "/seq/speed hats 1.0")])
def test_back_to_the_grid_puts_the_track_off_its_speed_back(lines, out):
    assert last(*KIT3, *lines) == [out]


@pytest.mark.parametrize("line, out", [("no, 72 again", "/seq/bpm 72.0"), ("72 again", "/seq/bpm 72.0")])
def test_a_value_said_again_is_back_to_it(line, out):
    assert last(*KIT3, "tempo 72", "tempo 90", line) == [out]


@pytest.mark.parametrize("line, out", [("tune the sine 20 cents flat", "/mod/sine1/detune -20.0"),
                                       ("tune the sine 15 cents sharp", "/mod/sine1/detune 15.0")])
def test_cents_said_flat_or_sharp_tune_that_way(line, out):
    assert last("add a sine", line) == [out]


def test_a_part_said_to_be_cents_sharp_is_tuned_down():
    out = last("add a sine at 440 hz", "the sine is 20 cents sharp")
    assert out[0].startswith("/mod/sine1/") and float(out[0].split()[1]) < (440 if "freq" in out[0] else 0)


@pytest.mark.parametrize("line", ["swell the sine from silent over 2 bars", "swell the sine up from nothing over 2 bars"])
def test_a_swell_from_silence_is_a_fade_in(line):
    assert last("add a sine", line) == ["/mod/sine1/gain 0.0", "/ramp/sine1/gain 0.5 8"]


@pytest.mark.parametrize("back", ["no, back", "back to how it was", "ugh, undo that"])
def test_back_right_after_a_refused_line_takes_back_nothing_and_says_what_undo_would(back):
    said = _after_a_refusal(("add a kick", "add a snare", "the snare is too loud"), "make a bass with sound of saw", back)
    assert "was not done" in said and "'the snare is too loud'" in said


def test_a_grid_said_for_a_track_off_its_speed_puts_it_back_on_the_grid():
    out = last(*KIT3, "double time hats", "hats in 16ths")
    assert out == ["/seq/add hats hat1 " + "x" * 16, "/seq/speed hats 1.0"]


@pytest.mark.parametrize("step, depth", [("less vibrato", 0.005), ("more vibrato", 0.02)])
def test_a_small_amount_steps_by_halves_and_doubles_never_off(step, depth):
    out = last("add a sine", "vibrato on the sine", step)
    assert out == [f"/mod/lfo1/depth {depth}"]


def test_a_level_raised_on_a_muted_track_says_it_is_still_muted():
    assert "its track is muted" in echo("add a triangle called fiddle", "fiddle notes c4 d4 e4", "mute the fiddle",
                                        "fiddle louder")


# -- the review of session 31's first merge ----------------------------------------------------------------------
def test_remove_the_tracks_never_removes_every_module():
    with pytest.raises(Exception):
        last(*KIT3, "remove the tracks")


def test_a_drum_said_flat_is_no_tuning_in_cents():
    with pytest.raises(Exception):
        last(*KIT3, "the kick is a bit flat")


def test_air_on_a_part_is_its_top_end_and_room_on_a_kick_is_no_reverb():
    assert last(*KIT3, "give the hats some air")[0].startswith("/mod/hat1/tone")
    with pytest.raises(Exception):
        last(*KIT3, "give the kick some room")


def test_a_sign_against_the_word_is_refused():
    assert "opposite ways" in refused(*KIT3, "faster, -10")


def test_a_session_name_keeps_its_words_and_a_deleted_one_is_forgotten():
    assert last("add a kick", "save as song_2", "load version 2") == ["/session/load 'version 2'"]
    assert last("add a kick", "save as friday_night", "delete session friday_night",
                "load the friday night one") == ["/session/load 'the friday night one'"]


def test_a_name_after_my_that_is_a_command_word_names_nothing():
    from chronus_shell.language import Translator
    translator = Translator()
    for line in ("add a kick", "tempo 120"):
        translator.translate(line)
    try:
        translator.translate("the kick is my tempo")
    except Exception:
        pass
    assert [str(m) for m in translator.translate("tempo 130")] == ["/seq/bpm 130.0"]


@pytest.mark.parametrize("line", ["transpose up 2", "transpose up 2 semitones"])
def test_transpose_with_a_drum_in_focus_moves_the_note_tracks_never_the_drum(line):
    out = last("add a kick", "add a snare", "add a triangle called pad", "chords am f c g on the pad", "snare up", line)
    assert out[0].startswith("/seq/notes chords b3+") and not any("snare1" in m for m in out)
