"""Toolbar text from a status dict; rich output; help and list topics."""
from __future__ import annotations

import pytest

from chronus_shell.repl.output import Output, status_table
from chronus_shell.repl.toolbar import Toolbar, meter
from chronus_shell.repl.topics import TopicError, help_renderables, list_renderables

STATUS = {
    "backend": "null", "device": "clock", "latency_ms": 16.0, "xruns": {"portaudio": 0, "jack": 2},
    "failovers": [], "level_db": -12.0, "recording": True,
    "slots": [{"name": "A", "pid": 101, "role": "active", "cpu": 0.031},
              {"name": "B", "pid": 102, "role": "standby", "cpu": 0.029}],
}


def toolbar_text(status, model) -> str:
    return "".join(text for _, text in Toolbar(lambda: status, model)())


def test_toolbar_shows_the_engine_at_a_glance(translator):
    translator.translate("tempo 128")
    translator.translate("start")
    text = toolbar_text(STATUS, translator.model)
    for part in ("null · clock", "♩ 128", "▶ playing", "slot A", "xruns 2", "failovers 0",
                 "cpu A 3% B 3%", "▮▮▮▮▮▮▮▮▯▯  -12 dB", "● REC"):
        assert part in text


def test_toolbar_before_the_first_status(translator):
    assert "engine starting" in toolbar_text({}, translator.model)
    assert "▶ playing" in toolbar_text({"backend": "null"}, translator.model)  # "play x.x. on hats" started it
    translator.translate("stop")
    assert "■ stopped" in toolbar_text({"backend": "null"}, translator.model)


def test_meter_edges():
    assert meter(0.0).startswith("▮" * 10)
    assert meter(-90.0).startswith("▯" * 10)
    assert meter(None).endswith("-- dB")


def test_status_table_lists_scalars_and_slots():
    text = Output(color=False).render(status_table(STATUS))
    assert "latency ms" in text and "16" in text
    assert "101" in text and "standby" in text


def test_caret_error_lines_up_under_the_word():
    import io
    stream = io.StringIO()
    Output(color=False, stream=stream).caret_error("I don't know 'sawz'", 6, indent=4)
    assert stream.getvalue().splitlines() == ["          ^ I don't know 'sawz'"]


@pytest.mark.parametrize("topic, expected", [
    (None, "add <type>"), ("saw", "band-limited sawtooth"), ("acid filter", "resonance"),
    ("acid_filter1", "ladder cutoff"), ("cutoff", "param cutoff"), ("create", "add a saw at 110 hz"),
])
def test_help_topics(translator, topic, expected):
    assert expected in Output(color=False).render(*help_renderables(topic, translator.model))


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
