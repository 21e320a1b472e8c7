"""Toolbar text from a status dict; rich output; help and list topics."""
from __future__ import annotations

import pytest

from chronus_shell.repl.printing import Output, caret_line, status_table
from chronus_shell.repl.toolbar import Toolbar, meter, meter_style
from chronus_shell.repl.topics import TopicError, help_renderables, list_renderables

STATUS = {
    "backend": "null", "device": "clock", "latency_ms": 16.0, "xruns": {"portaudio": 0, "jack": 2},
    "failovers": [], "level_db": -12.0, "recording": True,
    "slots": [{"name": "A", "pid": 101, "role": "active", "cpu": 0.031},
              {"name": "B", "pid": 102, "role": "standby", "cpu": 0.029}],
}


#: What the supervisor's status() really returns (supervisor/status.py), as the toolbar sees it.
SUPERVISOR_STATUS = {
    "backend": "null", "device": "null (clock-paced)", "notice": None, "sample_rate": 48000, "block_size": 256,
    "latency_ms": 26.7, "blocks": 7286, "seconds": 38.86, "active_slot": "B", "spares": 1, "recording": None,
    "problems": [], "in_transaction": False, "commits_at_block": [], "faults": [],
    "xruns": {"portaudio": 0, "jack": 0}, "failovers": 1, "lost_blocks": 0, "level": 0.5,
    "slots": [{"slot": "A", "role": "standby", "pid": 11, "alive": True, "blocks": 7289, "ring_fill": 3,
               "cpu_percent": 2.4, "late_commands": 0},
              {"slot": "B", "role": "active", "pid": 12, "alive": True, "blocks": 7289, "ring_fill": 3,
               "cpu_percent": 12.6, "late_commands": 0}],
}


def toolbar_text(status, model, width: int = 200) -> str:
    return "".join(text for _, text in Toolbar(lambda: status, model, width=lambda: width)())


def test_toolbar_shows_the_engine_at_a_glance(translator):
    translator.translate("tempo 128")
    translator.translate("start")
    text = toolbar_text(STATUS, translator.model)
    for part in ("null · clock", "♩ 128", "▶ playing", "slot A", "xruns 2", "failovers 0",
                 "cpu A 3% B 3%", "▮▮▮▮▮▮▮▮▯▯  -12 dB", "● REC"):
        assert part in text


def test_toolbar_from_the_supervisors_status(translator):
    text = toolbar_text(SUPERVISOR_STATUS, translator.model)
    for part in (" null (clock-paced) │", "slot B", "xruns 0", "failovers 1", "cpu A 2% B 13%", "▮▮▮▮▮▮▮▮▮▯   -6 dB"):
        assert part in text
    assert "null (null" not in text and "REC" not in text


def test_during_a_tempo_glide_the_toolbar_shows_the_tempo_now_and_where_it_goes(translator):
    translator.translate("tempo 120")
    assert "♩ 104.4→120 " in toolbar_text(dict(SUPERVISOR_STATUS, tempo=104.3729), translator.model)
    assert "♩ 120 " in toolbar_text(dict(SUPERVISOR_STATUS, tempo=120.0), translator.model)
    assert "♩ 120 " in toolbar_text(dict(SUPERVISOR_STATUS, tempo=None), translator.model)


def test_a_narrow_toolbar_leaves_out_the_least_useful_first(translator):
    status = dict(SUPERVISOR_STATUS, device="system via JACK Audio Connection Kit", backend="sounddevice",
                  failovers=0, recording="/tmp/take.wav")
    wide = toolbar_text(status, translator.model)
    assert "sounddevice · system via JACK" in wide and "failovers 0" in wide
    for width in (100, 80, 60):
        text = toolbar_text(status, translator.model, width)
        assert len(text) <= width - 1
        for part in ("♩ 120", "▶ playing", " dB", "● REC"):
            assert part in text
    assert "JACK" not in toolbar_text(status, translator.model, 100)
    assert "failovers" not in toolbar_text(status, translator.model, 80)


def test_an_open_transaction_is_shown(translator):
    assert "held: commit/abort" in toolbar_text(dict(SUPERVISOR_STATUS, in_transaction=True), translator.model, 80)
    assert "held" not in toolbar_text(SUPERVISOR_STATUS, translator.model)


def test_meter_turns_yellow_then_red():
    assert meter_style(-20.0) == "class:toolbar.meter"
    assert meter_style(-3.0) == "class:toolbar.meter.hot"
    assert meter_style(0.0) == "class:toolbar.meter.clip"


def test_toolbar_before_the_first_status(translator):
    assert "engine starting" in toolbar_text({}, translator.model)
    assert "▶ playing" in toolbar_text({"backend": "null"}, translator.model)  # "… and start" started it
    translator.translate("stop")
    assert "■ stopped" in toolbar_text({"backend": "null"}, translator.model)


def test_meter_edges():
    assert meter(0.0).startswith("▮" * 10)
    assert meter(-90.0).startswith("▯" * 10)
    assert meter(None).endswith("-- dB")


def test_status_table_lists_scalars_and_slots():
    text = Output(color=False).render(status_table(STATUS))
    assert "latency" in text and "16 ms" in text
    assert "101" in text and "standby" in text


def test_status_table_reads_well_for_the_supervisors_status():
    text = Output(color=False).render(status_table(SUPERVISOR_STATUS))
    for part in ("engine status", "null (clock-paced) · 48000 Hz · 256 samples a block", "26.7 ms",
                 "38.9 s (7286 blocks)", "B · 1 spare ready", "recording", "portaudio 0, jack 0",
                 "failovers", "-6 dB", "slots", "cpu %", "12.6"):
        assert part in text
    for hidden in ("notice", "problems", "faults", "transaction", "None", "False"):
        assert hidden not in text


def test_status_table_shows_the_notice_and_the_recording():
    status = dict(SUPERVISOR_STATUS, notice="no audio device (x): using the null backend", recording="/t/a.wav")
    text = Output(color=False).render(status_table(status))
    assert "no audio device (x)" in text and "● /t/a.wav" in text


def test_a_long_error_wraps_and_keeps_every_word():
    message = "unknown module type 'sawz' — did you mean saw? (types: acid_filter, adsr, delay, hat, kick)"
    lines = caret_line(message, 15, 70).splitlines()
    assert lines[0].startswith(" " * 15 + "^ unknown") and all(len(line) < 70 for line in lines)
    assert all(line.startswith(" " * 17) for line in lines[1:]) and " ".join(" ".join(lines).split()[1:]) == message
    far = caret_line("I don't know 'x' — did you mean y?", 70, 80)
    assert far.endswith("did you mean y? ^") and far.index("^") == 70
    narrow = caret_line("word " * 30, 50, 60).splitlines()
    assert narrow[0] == " " * 50 + "^" and all(len(line) < 60 for line in narrow) and len(narrow) > 2


def test_caret_error_lines_up_under_the_word():
    import io
    stream = io.StringIO()
    Output(color=False, stream=stream).caret_error("I don't know 'sawz'", 6, indent=4)
    assert stream.getvalue().splitlines() == ["          ^ I don't know 'sawz'"]


@pytest.mark.parametrize("topic, expected", [
    (None, "help <area>"), ("all", "add <type>"), ("sessions", "save session as"), ("chords", "chords <chords>"),
    ("saw", "band-limited sawtooth"), ("acid filter", "resonance"),
    ("acid_filter1", "ladder cutoff"), ("cutoff", "param cutoff"), ("create", "add a saw at 110 hz"),
])
def test_help_topics(translator, topic, expected):
    assert expected in Output(color=False).render(*help_renderables(topic, translator.model))


def test_help_alone_fits_a_screen_and_names_every_area_with_its_forms(translator):
    """The areas table is one screen; each area it names is a topic of its own, and `help all`
    holds every documented form (the grammar's, harmony's, time's)."""
    from chronus_shell.language.command_forms import FOLLOW_UP_FORMS, command_forms, form_areas
    from chronus_shell.language.harmony_forms import HARMONY_FORMS
    overview = Output(color=False).render(*help_renderables(None, translator.model))
    assert len(overview.splitlines()) <= 40
    for name, _, forms in form_areas():
        assert f"│ {name} " in overview and forms
        assert forms[0][1][0] in Output(color=False).render(*help_renderables(name, translator.model))
    every = [form for _, _, forms in form_areas() for form, _ in forms]
    assert sorted(every) == sorted([form for form, _ in command_forms() + FOLLOW_UP_FORMS] + [form for form, _, _ in HARMONY_FORMS])


def test_help_on_a_typo_suggests():
    from chronus_shell.language import Translator
    with pytest.raises(TopicError, match="did you mean cutoff"):
        help_renderables("cutof", Translator().model)


@pytest.mark.parametrize("what, expected", [
    (None, "acid_filter1"), ("types", "acid_filter"), ("params", "drive"), ("tracks", "x.x."),
    ("sessions", "no saved sessions"),
])
def test_list_topics(translator, what, expected):
    assert expected in Output(color=False).render(*list_renderables(what, translator.model))


def test_whats_playing_says_which_tracks_are_muted(translator):
    translator.translate("play x...x... on kick")
    translator.translate("play ..x...x. on snare")
    translator.translate("mute the snare")
    rows = Output(color=False).render(*list_renderables("tracks", translator.model)).splitlines()
    assert [r for r in rows if "muted" in r] == [r for r in rows if "..x...x." in r]


def test_a_loaded_pattern_lists_as_written():
    """A session comes back as the engine keeps it (notes in Hz): `what's playing` still reads
    as the musician wrote it (a1 c2, a chord c3+e3), with how the track plays."""
    from chronus_shell.engine.engine import Engine
    from chronus_shell.language import Translator
    from chronus_shell.protocol.message import Message
    from chronus_shell.session import state_to_messages

    engine = Engine(48000, 256)
    for address, args in [("/patch/create", ("bass", "saw")), ("/seq/add", ("bass", "bass", "x.x.")),
                          ("/seq/notes", ("bass", "a1", "c2", "c3+e3", ".", 100.0)), ("/seq/speed", ("bass", 2.0))]:
        engine.schedule(Message(address, args))
    engine.render(256)
    translator = Translator()
    translator.observe(state_to_messages(engine.patch_state()))
    table = Output(color=False).render(*list_renderables("tracks", translator.model))
    assert "a1 c2 c3+e3 . 100" in table and "speed 2" in table
