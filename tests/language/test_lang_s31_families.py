"""Issue 13, session 31: families of phrasing the dev sets refused, made to work in the general case — each with
the near misses that must still be refused or asked."""
import pytest

from chronus_shell.language import LanguageError

from .test_phrasing_classes import last


# -- 'the Xs down' is 'the X down' for each X: a filter's cutoff, never the voices' level ----------------------------
@pytest.mark.parametrize("kind, word", [("filter", "filter"), ("acid filter", "acid filter"), ("distortion", "distortion"),
                                        ("reverb", "reverb"), ("delay", "delay"), ("adsr", "envelope"), ("lfo", "lfo")])
@pytest.mark.parametrize("way", ["down", "up"])
def test_the_plural_of_a_processor_type_is_the_singular_for_each_member(kind, word, way):
    one = ("add a saw", f"add a {kind}", "drive 4" if kind == "distortion" else "add a sine")
    two = ("add a saw", f"add a {kind}", "drive 4" if kind == "distortion" else "add a sine",
           "add a square", f"add a {kind}", "drive 4" if kind == "distortion" else "add a sine")
    single = last(*one, f"the {word} {way}")
    each = last(*two, f"the {word}s {way}")
    assert len(single) == 1 and len(each) == 2
    assert each[0] == single[0]
    other = single[0].replace("saw1/", "square1/") if "saw1/" in single[0] else single[0].replace("1/", "2/")
    assert each[1] == other


def test_a_filter_named_by_its_id_is_its_cutoff_as_the_word_filter_is():
    assert last("add a saw", "add a filter", "filter1 down") == last("add a saw", "add a filter", "the filter down")


# -- texture words: crunchy, grainy, fuzzy are drive; washy, roomy, shimmery are reverb ------------------------------
ACID = ("add a saw at 55 hz", "add acid filter", "add an adsr", "bass x.xX.x.xx.Xx.x.x", "kick x...x...x...x...")
PAD = ("add a triangle at 220 hz", "add a filter", "add a reverb")


@pytest.mark.parametrize("phrase", ["crunchier", "a bit crunchier", "crunchier bass", "the bass grainier", "fuzzier please",
                                    "make the bass crunchier", "more grainy", "give the bass some crunch"])
def test_a_crunchy_texture_is_more_drive_on_the_sound(phrase):
    assert last(*ACID, phrase) == ["/mod/acid_filter1/drive 1.4"]


def test_a_crunchy_texture_on_a_voice_without_drive_adds_a_distortion():
    assert last(*ACID, "the kick crunchier")[0] == "/patch/create distortion1 distortion"


@pytest.mark.parametrize("phrase", ["washier", "the triangle washier", "more shimmery", "give it some room",
                                    "give it some space to breathe", "a bit roomier"])
def test_a_washy_texture_is_more_reverb(phrase):
    assert last(*PAD, phrase) == ["/mod/reverb1/mix 0.35"]


@pytest.mark.parametrize("phrase", ["too washy", "it's too roomy", "the triangle is a bit too washy", "less shimmery"])
def test_too_washy_is_less_reverb(phrase):
    assert last(*PAD, phrase) == ["/mod/reverb1/mix 0.15"]


def test_give_it_some_room_with_no_reverb_adds_one_on_the_part():
    assert last(*ACID, "give the bass some room")[0] == "/patch/create reverb1 reverb"


@pytest.mark.parametrize("phrase", ["give it some room at bar 9", "the room is too big", "give the bass a name"])
def test_room_as_anything_else_is_not_a_texture(phrase):
    from chronus_shell.language.texture_words import texture_line
    from chronus_shell.language.patch_model import PatchModel
    assert texture_line(phrase, PatchModel()) is None


# -- a Spanish verb with its pronoun on it: súbele, bájale, ponle, dame, quítale ---------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("súbele", ["/mod/saw1/gain 0.6"]),
    ("bajale", ["/mod/saw1/gain 0.4"]),
    ("bájale al kick", ["/mod/kick1/gain 0.7"]),
    ("súbele a los platillos", None),
    ("sube el bajo", ["/mod/saw1/gain 0.6"]),
])
def test_spanish_up_and_down_said_of_it_or_of_the_part_after_al(phrase, expected):
    drums = ("add a hat", "hats x.x.x.x.x.x.x.x.")
    got = last(*ACID, *drums, "saw1 gain 0.5", phrase) if expected is None else last(*ACID, "saw1 gain 0.5", phrase)
    assert got == (["/mod/hat1/gain 0.9"] if expected is None else expected)


@pytest.mark.parametrize("phrase", ["ponle reverb", "ponle más reverb al bajo", "dame más reverb", "échale reverb"])
def test_spanish_put_and_give_an_effect(phrase):
    assert last(*ACID, phrase)[0] == "/patch/create reverb1 reverb"


def test_spanish_take_off_an_effect():
    assert last(*ACID, "quítale el filtro al bajo") == ["/patch/remove acid_filter1", "/patch/connect saw1 adsr1"]


def test_bajo_alone_is_not_the_bass():
    from chronus_shell.language.other_languages import in_english
    assert in_english("más bajo") == "more bajo"          # 'lower' or 'the bass': left to the readings as it was


# -- text-speak: 'n' for 'and', 'u' for 'you' -----------------------------------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("snare on 2 n 4", ["/seq/add snare snare1 ....x.......x..."]),
    ("kick on 1 n 3 pls", ["/seq/add kick kick1 x.......x......."]),
    ("can u make the kick louder", ["/mod/kick1/gain 0.9"]),
    ("kick n snare louder thx", ["/mod/kick1/gain 0.9", "/mod/snare1/gain 0.9"]),
])
def test_text_speak_is_read_as_the_words_it_stands_for(phrase, expected):
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, phrase) == expected


# -- a tune moved, then 'back down' / 'down another' -----------------------------------------------------------------
TUNE = ("add a sine", "/seq/add tune sine1 x.x.x.x.x.x.x.x.", "/seq/notes tune d5 e5 f#5 g5", "the tune up a fourth")


@pytest.mark.parametrize("phrase", ["back down", "and back down", "ok back down again"])
def test_back_down_after_the_tune_moved_up_takes_the_move_back(phrase):
    assert last(*TUNE, phrase) == ["/seq/notes tune d5 e5 f#5 g5"]


@pytest.mark.parametrize("phrase", ["up another", "and up another", "up another step please"])
def test_another_step_the_same_way_is_the_move_again(phrase):
    assert last(*TUNE, phrase) == ["/seq/notes tune c6 d6 e6 f6"]


@pytest.mark.parametrize("phrase", ["down another", "back up"])
def test_a_step_the_other_way_is_not_taken_as_again_or_back(phrase):
    with pytest.raises(LanguageError):
        last(*TUNE, phrase)


# -- a listener's ears, a headphone's channels: a side of the stereo field ------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("the sine in the left ear", ["/mod/sine1/pan -1.0"]),
    ("sine in the right ear only", ["/mod/sine1/pan 1.0"]),
    ("now the right ear", ["/mod/sine1/pan 1.0"]),
    ("put the sine in the left channel", ["/mod/sine1/pan -1.0"]),
    ("pan it to the right headphone", ["/mod/sine1/pan 1.0"]),
    ("the sine in both ears", ["/mod/sine1/pan 0.0"]),
])
def test_an_ear_or_a_channel_is_that_side_hard(phrase, expected):
    assert last("add a sine at 1000 hz", "sine pan 0.3", phrase) == expected


# -- a sound asked for instead of another: that voice replaced ------------------------------------------------------
@pytest.mark.parametrize("phrase", ["a square instead of the saw", "square wave instead of the saw for a fatter sound",
                                    "use a square for the bass instead", "ok, try a square instead"])
def test_a_source_instead_of_another_replaces_it_keeping_its_track(phrase):
    assert last(*ACID, phrase) == ["/patch/remove saw1", "/patch/create square1 square", "/patch/connect square1 acid_filter1",
                                   "/mod/square1/freq 55.0", "/seq/add bass square1 x.xX.x.xx.Xx.x.x"]


def test_a_source_instead_at_a_pitch_sets_the_new_voice_there():
    assert last("add a sine at 1000 hz", "a triangle wave at 1k instead, to test harmonics") == \
        ["/patch/remove sine1", "/patch/create triangle1 triangle", "/patch/connect triangle1 master", "/mod/triangle1/freq 1000.0"]


@pytest.mark.parametrize("lines", [("add a sine", "add a saw", "add a kick", "kick x...x...x...x...", "use a square instead"),
                                   ("add a sine", "a square instead of the kick"),
                                   ("add a sine", "a sine instead")])
def test_which_voice_an_instead_replaces_is_never_guessed(lines):
    with pytest.raises(LanguageError):
        last(*lines)


# -- an effect made of an LFO asked for with its pace: vibrato, tremolo (a warble, a pulsing tone) --------------------
@pytest.mark.parametrize("phrase, expected", [
    ("tremolo at 2 hz", ["/patch/create lfo1 lfo", "/patch/connect lfo1 sine1.gain", "/mod/lfo1/depth 0.5", "/mod/lfo1/rate 2.0"]),
    ("a tremolo, three times a second", ["/patch/create lfo1 lfo", "/patch/connect lfo1 sine1.gain", "/mod/lfo1/depth 0.5",
                                        "/mod/lfo1/rate 3.0"]),
    ("throbbing, on and off twice a second", ["/patch/create lfo1 lfo", "/patch/connect lfo1 sine1.gain", "/mod/lfo1/depth 0.5",
                                              "/mod/lfo1/rate 2.0"]),
    ("vibrato on the sine at 6 hz", ["/patch/create lfo1 lfo", "/patch/connect lfo1 sine1.freq", "/mod/lfo1/depth 0.01",
                                     "/mod/lfo1/rate 6.0"]),
    ("warble", ["/patch/create lfo1 lfo", "/patch/connect lfo1 sine1.freq", "/mod/lfo1/rate 5.0", "/mod/lfo1/depth 0.01"]),
    ("slow vibrato on the sine", ["/patch/create lfo1 lfo", "/patch/connect lfo1 sine1.freq", "/mod/lfo1/depth 0.01",
                                  "/mod/lfo1/rate 4.204482"]),
])
def test_an_lfo_effect_with_its_pace(phrase, expected):
    assert last("add a sine at 440 hz", phrase) == expected


def test_pulse_alone_is_still_the_square_wave():
    assert "/patch/create square1 square" in last("add a sine at 440 hz", "make it pulse")


def test_a_tremolo_moves_the_level_of_the_sound_never_a_reverbs_mix():
    pad = ("add a triangle at 220 hz", "add a reverb", "reverb mix 0.3")
    assert last(*pad, "add tremolo")[1] == "/patch/connect lfo1 triangle1.gain"
    assert last(*pad, "tremulant")[1] == "/patch/connect lfo1 triangle1.gain"     # (an organ's stop)


@pytest.mark.parametrize("phrase", ["dame reverb", "dame más reverb", "dame un poco más de reverb"])
def test_spanish_give_me(phrase):
    assert last(*ACID, phrase)[0] == "/patch/create reverb1 reverb"


@pytest.mark.parametrize("phrase, way", [
    ("crispier", "brighter"), ("more sparkly", "brighter"), ("add some top end", "brighter"),
    ("the triangle crispier", "brighter"), ("tame the highs", "darker"), ("murkier", "darker"),
    ("cut some of the top end on the triangle", "darker"),
])
def test_bright_and_dark_textures_move_the_cutoff(phrase, way):
    assert last(*PAD, phrase) == last(*PAD, way) == [f"/mod/filter1/cutoff {'1189.207115' if way == 'brighter' else '840.896415'}"]


def test_a_brilliant_hat_is_its_tone():
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, "the hats more brilliant") == ["/mod/hat1/tone 9513.65692"]


@pytest.mark.parametrize("phrase", ["more crack", "give the snare more crack", "snare more crack"])
def test_a_snares_crack_is_its_snap(phrase):
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, phrase) == ["/mod/snare1/snap 0.6"]


@pytest.mark.parametrize("phrase, rate", [("tremolo on it, medium speed", "/mod/lfo1/rate 4.0"),
                                          ("tremolo on the saw, fast", "/mod/lfo1/rate 4.756828")])
def test_an_lfo_effect_with_a_pace_said_after_it(phrase, rate):
    assert rate in last("add a saw at 110 hz", "add a distortion", phrase)


# -- an effect said with its size on a part: one added there, or the one it has made so ------------------------------
def test_a_big_reverb_on_a_part_without_one_adds_it_bigger():
    assert last(*ACID, "add a triangle", "big reverb on the triangle") == [
        "/patch/create reverb1 reverb", "/patch/disconnect triangle1 master", "/patch/connect triangle1 reverb1",
        "/patch/connect reverb1 master", "/mod/reverb1/room 0.7"]


@pytest.mark.parametrize("phrase, expected", [("big reverb on the triangle", ["/mod/reverb1/room 0.7"]),
                                              ("small reverb on the triangle", ["/mod/reverb1/room 0.5"])])
def test_a_sized_reverb_on_a_part_with_one_is_that_one_made_so(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("phrase, target", [("sine a bit of vibrato", "sine1.freq"), ("the sine some tremolo", "sine1.gain")])
def test_the_part_then_a_little_of_an_lfo_effect(phrase, target):
    assert last("add a triangle", "add a sine", "add a reverb", phrase)[1] == f"/patch/connect lfo1 {target}"


# -- a loop musician's words: 'the bass loop' is the bass, 'the loops' every track -----------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("the bass loop louder", ["/mod/saw1/gain 0.6"]),
    ("play the bass loop at 1.5x", ["/seq/speed bass 1.5"]),
    ("humanize the loops slightly", ["/seq/humanize bass 0.25", "/seq/humanize kick 0.25"]),
])
def test_a_loop_is_the_part_that_plays_it(phrase, expected):
    assert last(*ACID, "saw1 gain 0.5", phrase) == expected


def test_forwards_again_said_of_both_after_it():
    assert last(*ACID, "reverse the bass", "reverse the kick", "forwards again, both") == \
        ["/seq/reverse bass 0", "/seq/reverse kick 0"]


# -- a part named by its side or as 'the hiss' -----------------------------------------------------------------------
TWO_SINES = ("add a sine at 1000 hz", "add a sine at 1010 hz", "pan sine1 left", "pan sine2 right")


@pytest.mark.parametrize("phrase, expected", [("silence the right one", ["/mod/sine2/gain 0.0"]),
                                              ("the one on the left louder", ["/mod/sine1/gain 0.6"])])
def test_the_one_on_a_side_is_the_voice_panned_there(phrase, expected):
    assert last(*TWO_SINES, phrase) == expected


def test_a_side_with_no_single_voice_on_it_names_none():
    with pytest.raises(LanguageError):
        last("add a sine at 1000 hz", "add a sine at 1010 hz", "silence the right one")


def test_the_hiss_is_the_noise_voice():
    assert last(*ACID, "add a noise", "saw1 gain 0.5", "make the hiss brown") == ["/mod/noise1/color brown"]


@pytest.mark.parametrize("phrase, expected", [
    ("autopan it", ["/patch/create lfo1 lfo", "/patch/connect lfo1 noise1.pan"]),
    ("pan the hats back and forth", ["/patch/create lfo1 lfo", "/patch/connect lfo1 hat1.pan"]),
    ("auto pan the noise fast", ["/patch/create lfo1 lfo", "/patch/connect lfo1 noise1.pan", "/mod/lfo1/rate 1.189207"]),
])
def test_an_auto_pan_is_an_lfo_on_the_pan(phrase, expected):
    assert last("add a hat", "hats x.x.x.x.", "add a noise", phrase) == expected


@pytest.mark.parametrize("phrase, expected", [("half the volume while I talk", ["/mod/master/gain -6.0206"]),
                                              ("kick louder for energy", ["/mod/kick1/gain 0.9"])])
def test_what_a_change_is_for_or_while_is_left_out(phrase, expected):
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, phrase) == expected


# -- 'the bass back up' after it went down an octave: the move taken back, never its level up ------------------------
@pytest.mark.parametrize("before, phrase", [("the bass an octave down", "the bass back up"),
                                            ("the bass an octave down", "ok bring the bass back up"),
                                            ("the log drum an octave down", "log drum back up")])
def test_a_part_said_back_after_its_pitch_moved_takes_the_move_back(before, phrase):
    assert last(*ACID, "bass notes a1 a1 c2 a1", before, phrase) == ["/seq/notes bass a1 a1 c2 a1", "/mod/saw1/freq 55.0"]


@pytest.mark.parametrize("before, phrase, expected", [("the bass an octave up", "the bass back up", ["/mod/saw1/gain 0.6"]),
                                                      ("the bass down", "the bass back up", ["/mod/saw1/gain 0.5"])])
def test_a_part_back_the_same_way_or_after_a_level_is_the_grammars_as_before(before, phrase, expected):
    assert last(*ACID, before, phrase) == expected


def test_a_pace_alone_for_a_voice_an_lfo_moves_already_is_not_a_second_lfo():
    pad = ("add a triangle at 220 hz", "add a filter", "add an lfo", "connect lfo1 to filter1 cutoff")
    with pytest.raises(LanguageError):
        last(*pad, "tremolo on the triangle, quick")
    assert last(*pad, "tremolo on the triangle at 6 hz")[-1] == "/mod/lfo2/rate 6.0"     # (a rate said: a new one)


# -- a phone's autocorrect: real words standing for the language's -------------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("more residence", ["/mod/acid_filter1/resonance 0.595"]),
    ("less residence please", ["/mod/acid_filter1/resonance 0.405"]),
    ("pan the kick to the lest", ["/mod/kick1/pan -0.5"]),
])
def test_autocorrected_words_read_as_meant(phrase, expected):
    assert last(*ACID, "resonance 0.5", phrase) == expected


def test_add_some_revert_is_a_reverb_but_revert_that_is_not():
    assert last(*ACID, "add some revert")[0] == "/patch/create reverb1 reverb"
    from chronus_shell.language.misheard import misheard
    assert misheard("revert that") == []


@pytest.mark.parametrize("phrase, expected", [("faster, +10", ["/seq/bpm 130.0"]), ("slower, -10", ["/seq/bpm 110.0"]),
                                              ("a bit faster: +4", ["/seq/bpm 124.0"]), ("faster, 130", ["/seq/bpm 130.0"])])
def test_a_signed_number_after_faster_is_a_step_that_far(phrase, expected):
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, "tempo 120", phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("everything except the kick down 3 db", ["/mod/saw1/gain 0.353973", "/mod/hat1/gain 0.566357"]),
    ("everything but the kick quieter", ["/mod/saw1/gain 0.4", "/mod/hat1/gain 0.7"]),
    ("all except the kick and the hats quieter", ["/mod/saw1/gain 0.4"]),
])
def test_everything_except_a_part_then_the_change(phrase, expected):
    assert last(*ACID, "hats ..x...x...x...x.", "saw1 gain 0.5", phrase) == expected


