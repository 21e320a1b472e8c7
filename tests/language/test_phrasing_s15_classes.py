"""Issue 13, session 15: classes of musicians' phrasing that did the wrong thing (each test a
family, several wordings): now the right thing, or a refusal that says the working phrasing."""
import pytest

from chronus_shell.language import LanguageError

from .test_musicians import refused
from .test_phrasing_classes import ACID, DRUMS, PAD, last


@pytest.mark.parametrize("lines", [
    ("add a saw", "add an adsr", "release: 0.1"),
    ("add a saw", "add an adsr", "attack 0.05"),
    ("add a saw", "add an adsr", "set the release to .5"),
    ("kick x...", "kick decay 0.4"),
])
def test_a_fraction_on_a_time_in_ms_is_refused_with_the_seconds_reading(lines):
    """Live coders type seconds: '0.1' on a param in ms is never taken as 0.1 ms, nor guessed."""
    error = refused(*lines)
    assert "in ms" in error and "did you mean" in error and " ms'" in error


@pytest.mark.parametrize("rhythm", ["snare roll, straight 16ths", "snare x.x.x.x.x.x.x.x."])
@pytest.mark.parametrize("phrase, factor", [("now double that", "2.0"), ("double it", "2.0"), ("halve that", "0.5")])
def test_double_that_after_a_rhythm_is_that_rhythm(rhythm, phrase, factor):
    """'that' right after a rhythm line is the rhythm (its speed), not the drum last tweaked."""
    assert last(*DRUMS, "hats decay 50", rhythm, phrase) == [f"/seq/speed snare {factor}"]


def test_double_it_after_a_setting_is_still_that_setting():
    assert last(*ACID, "cutoff 400", "double it") == ["/mod/acid_filter1/cutoff 800.0"]


@pytest.mark.parametrize("phrase", ["reset everything", "reset all", "set everything back to default"])
def test_resetting_everything_is_never_a_guess_between_settings_and_patterns(phrase):
    """Two plausible readings (every setting to its default, every pattern wiped): refused, nothing wiped."""
    refused(*ACID, phrase)


@pytest.mark.parametrize("phrase, hz", [
    ("add a second saw an octave up", "110.0"),
    ("another saw a fifth up", "82.41"),
    ("layer a square an octave below", "27.5"),
])
def test_an_interval_for_a_new_oscillator_counts_from_an_oscillator(phrase, hz):
    """The focus is the filter (its cutoff was set last): the interval counts from the voice's
    oscillator, never from a cutoff."""
    out = last("add a saw at 55 hz", "add acid filter", "cutoff 800", phrase)
    assert out[-1].endswith(f"/freq {hz}") and "acid_filter1" not in out[-1]


@pytest.mark.parametrize("phrase, expected", [
    ("lose the kick", ["/seq/mute kick 1"]),
    ("lose the hats", ["/seq/mute hats 1"]),
])
def test_losing_a_part_mutes_it_and_keeps_it(phrase, expected):
    """'lose' is 'drop': a part that plays is muted (its track kept); only remove/delete removes."""
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase", ["chuck some distortion on it", "whack a distortion on the bass",
                                    "bung a distortion on the bass"])
def test_slang_verbs_for_putting_an_effect_on(phrase):
    assert last(*ACID, phrase)[0] == "/patch/create distortion1 distortion"


@pytest.mark.parametrize("phrase, expected", [
    ("knock the tempo down to 120", "/seq/bpm 120.0"),
    ("wind the cutoff down to 300", "/mod/acid_filter1/cutoff 300.0"),
    ("ease the resonance up to 0.6", "/mod/acid_filter1/resonance 0.6"),
])
def test_more_verbs_for_turning_a_knob(phrase, expected):
    assert last(*ACID, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("add a saw at 110 through the filter", ["/patch/create saw1 saw", "/patch/connect saw1 filter1", "/mod/saw1/freq 110.0"]),
    ("saw into the reverb", ["/patch/create saw1 saw", "/patch/connect saw1 reverb1"]),
])
def test_a_new_source_through_the_effect_there_goes_into_it(phrase, expected):
    """'the filter' names the one there: no second filter is added."""
    assert last("add a triangle", "add a filter", "add a reverb", phrase) == expected


@pytest.mark.parametrize("phrase", ["all the drums down 3db", "mute all the drums", "my drums louder",
                                    "bring all the drums up a bit"])
def test_a_group_word_after_all_the_is_each_drum(phrase):
    out = last("kick x...", "snare ....x...", "hats x.x.", phrase)
    assert [m.split()[0].split("/")[2] if m.startswith("/mod/") else m.split()[1] for m in out] in (
        ["kick1", "snare1", "hat1"], ["kick", "snare", "hats"])


@pytest.mark.parametrize("phrase, expected", [
    ("kick's a bit long", "/mod/kick1/decay"),
    ("the snare is a bit loud", "/mod/snare1/gain 0.7"),
    ("the kick is a little quiet", "/mod/kick1/gain 0.9"),
    ("snare sounds a bit loud", "/mod/snare1/gain 0.7"),
    ("the hats are rather loud", "/mod/hat1/gain 0.7"),
])
def test_a_part_described_with_an_adjective_is_a_complaint_about_that_part(phrase, expected):
    """'the kick is a little quiet' is the kick too quiet (was: 'the kick is a little' left out and
    the hats, in focus, turned down)."""
    (message,) = last(*DRUMS, "hats decay 50", phrase)
    assert message.startswith(expected)


def test_a_description_then_a_command_without_it_or_a_part_is_refused():
    """'the kick is a bit dull, brighter': the command names nobody, so the described part is not
    dropped for the focus."""
    refused(*DRUMS, "hats decay 50", "the kick is a bit dull, brighter")


@pytest.mark.parametrize("phrase, expected", [
    ("filter highpass 300", ["/mod/filter1/mode highpass", "/mod/filter1/cutoff 300.0"]),
    ("filter highpass at 300", ["/mod/filter1/mode highpass", "/mod/filter1/cutoff 300.0"]),
    ("the bandpass filter q 4", ["/mod/filter1/mode bandpass", "/mod/filter1/q 4.0"]),
])
def test_a_choice_among_the_words_naming_a_module_is_set_not_dropped(phrase, expected):
    """'highpass' also names the filter type: it was read as the module's name and the mode lost."""
    assert last("add a triangle", "add a filter", phrase) == expected


@pytest.mark.parametrize("phrase, mode", [
    ("low cut on the hats", "highpass"), ("roll off the low end of the hats", "highpass"),
    ("cut the lows on the hats", "highpass"), ("hats highpass 300", "highpass"),
    ("high cut on the hats at 5k", "lowpass"), ("tame the highs on the hats", "lowpass"),
])
def test_a_mixing_engineers_cut_is_a_filter_on_that_part(phrase, mode):
    out = last(*DRUMS, phrase)
    assert "/patch/connect hat1 filter1" in out and f"/mod/filter1/mode {mode}" in out


@pytest.mark.parametrize("phrase, expected", [
    ("crush the hats", "/mod/distortion1/mode bitcrush"), ("fold the hats", "/mod/distortion1/mode foldback"),
    ("filter the hats", "/patch/connect filter1 master"), ("reverb the hats", "/patch/connect reverb1 master"),
])
def test_an_effect_said_as_a_verb_puts_it_on_that_part(phrase, expected):
    out = last(*DRUMS, phrase)
    assert out[1] == "/patch/disconnect hat1 master" and expected in out


@pytest.mark.parametrize("phrase", ["apply some reverb to the bass", "cancel the delay", "discard the hats",
                                    "roll back the cutoff", "exit the reverb", "quit the hats", "bye bye hats"])
def test_a_transaction_or_quit_verb_never_swallows_the_words_after_it(phrase):
    """'apply …', 'discard the hats', 'exit the reverb': the words after a transaction or quit verb
    were ignored (a commit, an abort, the shell closed). Now they are read or refused."""
    try:
        out = last(*ACID, phrase)
    except LanguageError:
        return                                            # refused: nothing done
    assert not any(m.startswith(("/patch/commit", "/patch/abort", "/shell/quit")) for m in out)


@pytest.mark.parametrize("phrase, expected", [
    ("Please begin playback.", ["/seq/start"]), ("begin the song", ["/seq/start"]),
    ("begin a transaction", ["/patch/begin"]), ("commit the changes", ["/patch/commit"]), ("bye for now", ["/shell/quit"]),
])
def test_transaction_playback_and_quit_words_still_work(phrase, expected):
    assert last(*ACID, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("save the beat like dembow_01", ["/session/save dembow_01"]),
    ("list my saves", ["/session/list"]), ("list sessions", ["/session/list"]),
])
def test_session_names_and_lists(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase", ["MORE GAIN", "gain up", "gain 0.5"])
def test_gain_with_a_distortion_in_focus_names_both_readings(phrase):
    """A guitarist's gain is the drive; a mixer's is the level: both said, nothing done."""
    assert "could mean" in refused(*ACID, "add a distortion", phrase)


@pytest.mark.parametrize("phrase", ["bass +6", "saw +12"])
def test_a_signed_number_on_a_part_names_semitones_and_hz(phrase):
    error = refused(*ACID, phrase)
    assert "semitones" in error and "hz" in error


def test_a_signed_number_on_a_named_pitch_param_is_hz():
    assert last(*ACID, "saw freq +10") == ["/mod/saw1/freq 65.0"]


@pytest.mark.parametrize("phrase, expected", [
    ("bass 2 octaves up", "/mod/saw1/freq 220.0"), ("the bass one octave more down", "/mod/saw1/freq 27.5"),
    ("saw octave up", "/mod/saw1/freq 110.0"),
])
def test_an_interval_before_its_direction_on_a_pitched_part(phrase, expected):
    assert last(*ACID, phrase)[0] == expected


def test_an_interval_before_its_direction_on_a_filter_is_not_reordered_into_a_cutoff():
    """'acid 2 octaves down': the acid line's pitch or the filter? Not guessed."""
    refused(*ACID, "acid 2 octaves down")


@pytest.mark.parametrize("phrase, expected", [
    ("reverb 40% wet", ["/mod/reverb1/mix 0.4"]), ("reverb to 40 percent wet", ["/mod/reverb1/mix 0.4"]),
    ("Place the triangle slightly to the left.", ["/mod/triangle1/pan -0.25"]),
    ("dly 13ms", ["/mod/delay1/time 0.013"]), ("bp 3k", ["/mod/filter1/mode bandpass", "/mod/filter1/cutoff 3000.0"]),
])
def test_shorthands_and_word_orders_of_settings(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("reverb in the snare", "/patch/connect snare1 reverb1"),
    ("put a delay in the hats 1/8", "/mod/delay1/time 0.25"),
    ("hats a little to the left side", "/mod/hat1/pan -0.25"),
    ("Jamie wants the whole thing louder", "/mod/master/gain 3.0"),
    ("can we hear the hats twice as fast?", "/seq/speed hats 2.0"),
    ("the volume general up 2 db", "/mod/master/gain 2.0"),
    ("Set the metronome to 72.", "/seq/bpm 72.0"),
])
def test_a_learners_or_a_classrooms_word_order(phrase, expected):
    assert expected in last(*DRUMS, "tempo 120", phrase)


def test_an_effect_with_a_part_and_a_value_adds_one_effect():
    out = last(*DRUMS, "tempo 120", "add a delay to the hats 1/8")
    assert sum(m.startswith("/patch/create") for m in out) == 1


@pytest.mark.parametrize("before, phrase, expected", [
    ("solo the kick", "bring the others back", ["/seq/mute snare 0", "/seq/mute hats 0"]),
    ("kick louder", "not so loud", ["/mod/kick1/gain 0.848528"]),     # half way back, in dB
    ("pause", "carry on", ["/seq/continue"]),
])
def test_classroom_follow_ups(before, phrase, expected):
    assert last(*DRUMS, before, phrase) == expected


@pytest.mark.parametrize("phrase, effect", [
    ("add distortion to kick and hats", "distortion1"), ("delay on the kick and snare", "delay1"),
    ("add a reverb to the snare and the hats", "reverb1"), ("reverb on all the drums", "reverb1"),
])
def test_an_effect_put_on_several_parts_is_one_effect_they_all_go_into(phrase, effect):
    """Was: one effect per part, or a new hat ('add distortion to kick and hats' made hat2)."""
    out = last(*DRUMS, phrase)
    assert sum(m.startswith("/patch/create") for m in out) == 1 and out[0].startswith(f"/patch/create {effect}")
    named = [p for p in ("kick1", "snare1", "hat1") if p.split("1")[0] in phrase or "drums" in phrase]
    assert all(f"/patch/connect {p} {effect}" in out for p in named)


@pytest.mark.parametrize("phrase, expected", [
    ("Fortissimo.", ["/mod/master/gain 6.0"]),               # a marking is a level: ff full scale; two parts heard: the mix
    ("Lower the vibrato.", ["/mod/lfo1/depth 0.4"]),
    ("Tune the triangle a quarter tone sharp.", ["/mod/triangle1/detune 50.0"]),
    ("Lower the sine by a cent or two", ["/mod/sine1/detune -2.0"]),
])
def test_a_players_terms_for_loudness_vibrato_and_tuning(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("phrase, longer", [("Staccato bass", False), ("legato bass", True),
                                            ("More legato on the bass: longer release.", True)])
def test_articulation_is_the_release_of_that_voice(phrase, longer):
    (message,) = last(*ACID, phrase)
    assert message.startswith("/mod/adsr1/release") and (float(message.split()[1]) > 200) == longer


@pytest.mark.parametrize("before, phrase, expected", [
    ("pause", "start it again from the beginning", ["/seq/start"]),
    ("kick down", "more down", ["/mod/kick1/gain 0.6"]),
    (None, "now let's hear only the kick drum", ["/seq/mute bass 1", "/seq/mute hats 1"]),
    (None, "let's try a shuffle feel", ["/seq/swing 0.2"]),
    (None, "bpm 95 for reggaeton", ["/seq/bpm 95.0"]),
    (None, "quit the hats", ["/seq/mute hats 1"]),
])
def test_a_teachers_and_a_learners_follow_ups(before, phrase, expected):
    assert last(*ACID, *((before,) if before else ()), phrase) == expected


def test_and_back_to_how_it_was_is_undo():
    assert last(*ACID, "bass up 2 semitones", "and back to how it was")[0] == "/seq/notes bass a1 a1 c2 a1"


@pytest.mark.parametrize("phrase, expected", [
    ("cut the hats", ["/seq/mute hats 1"]), ("cut the hats, this is a battle cue not a club", ["/seq/mute hats 1"]),
])
def test_cutting_a_drum_mutes_its_track(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_cutting_the_bass_is_not_guessed():
    """'cut the bass' could be its track or its low end: refused."""
    refused(*ACID, "cut the bass")


@pytest.mark.parametrize("phrase", ["Darker tone, please.", "darker tone", "warmer sound"])
def test_a_tone_word_after_a_comparative_with_no_tone_param_is_the_voice_brightness(phrase):
    (message,) = last(*PAD, phrase)
    assert message.startswith("/mod/filter1/cutoff") and float(message.split()[1]) < 2000


@pytest.mark.parametrize("phrase, expected", [
    ("blend it 50/50", "/mod/distortion1/mix 0.5"), ("mix 30/70", "/mod/distortion1/mix 0.3"),
])
def test_a_wet_dry_split_is_the_wet_share(phrase, expected):
    """'50/50' on a mix was the fraction 1 (fully wet)."""
    assert last(*ACID, "add a distortion", phrase) == [expected]


def test_a_fraction_on_a_time_is_still_a_note_length():
    assert last(*PAD, "tempo 120", "delay 1/8") == ["/mod/delay1/time 0.25"]


@pytest.mark.parametrize("phrase, expected", [
    ("play the bass louder", ["/mod/saw1/gain 0.6"]),
    ("status of the bass", ["/shell/show saw1"]), ("info on the filter", ["/shell/show acid_filter1"]),
])
def test_play_with_a_comparative_and_status_of_a_part(phrase, expected):
    assert last(*ACID, phrase) == expected


@pytest.mark.parametrize("phrase", ["undo that last thing", "take back my last edit"])
def test_undo_the_last_thing(phrase):
    assert last(*ACID, "cutoff 900", phrase) == ["/mod/acid_filter1/cutoff 800.0"]
