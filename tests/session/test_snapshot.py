"""Session snapshots: JSON on disk, atomic, never overwritten silently, one-line load errors."""
import json

import pytest

from chronus_shell.protocol.message import Message
from chronus_shell.session.paths import SessionError, sessions_dir
from chronus_shell.session.snapshot import (
    delete_session, list_sessions, load_session, save_session, state_to_messages,
)


def test_round_trip_is_readable_json_in_the_data_dir(acid_state, chronus_home):
    path = save_session("night-drive", acid_state)
    assert path == chronus_home / "sessions" / "night-drive.json"
    text = path.read_text()
    assert text.startswith('{\n  "edges"')          # indent 2, sorted keys
    assert json.loads(text)["schema_version"] == 1
    assert load_session("night-drive") == acid_state
    assert not [p for p in path.parent.iterdir() if p.suffix == ".tmp"]


def test_explicit_path_and_listing(acid_state, tmp_path):
    target = tmp_path / "elsewhere" / "mine.json"
    save_session(target, acid_state)
    assert load_session(str(target)) == acid_state
    save_session("b side", acid_state)
    save_session("a.side", acid_state)
    assert list_sessions() == ["a.side", "b side"]
    delete_session("b side")
    assert list_sessions() == ["a.side"]
    with pytest.raises(SessionError, match=r"no session b side \(saved: a.side\)"):
        delete_session("b side")


def test_never_overwrites_without_force(acid_state):
    save_session("night-drive", acid_state)
    changed = dict(acid_state, focus="saw1")
    with pytest.raises(SessionError) as err:
        save_session("night-drive", changed)
    assert str(err.value) == "session night-drive exists — use 'save session as night-drive overwrite'"
    assert load_session("night-drive")["focus"] == "acid_filter1"
    save_session("night-drive", changed, force=True)
    assert load_session("night-drive")["focus"] == "saw1"


@pytest.mark.parametrize("name", ["../escape", "..", ".hidden", "", "bad*name", "x" * 65, "trailing."])
def test_bad_names_are_refused(acid_state, name):
    with pytest.raises(SessionError):
        save_session(name, acid_state)
    assert list(sessions_dir().iterdir()) == []


def test_invalid_state_is_not_written(acid_state):
    save_session("keep", acid_state)
    broken = json.loads(json.dumps(acid_state))
    broken["modules"]["saw1"]["params"]["freq"] = float("nan")
    with pytest.raises(SessionError, match="saw1.params.freq"):
        save_session("keep", broken, force=True)
    assert load_session("keep") == acid_state


def _write(chronus_home, text):
    folder = chronus_home / "sessions"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hand.json").write_text(text)


def _load_error(chronus_home, text) -> str:
    _write(chronus_home, text)
    with pytest.raises(SessionError) as err:
        load_session("hand")
    message = str(err.value)
    assert "\n" not in message
    return message


def test_truncated_json_names_line_and_column(acid_state, chronus_home):
    text = json.dumps(acid_state, indent=2)
    message = _load_error(chronus_home, text[: len(text) // 2])
    assert "hand.json:" in message and "not valid JSON" in message and "truncated" in message
    line = text[: len(text) // 2].count("\n") + 1
    assert f":{line}:" in message


def test_future_schema_is_refused(chronus_home):
    message = _load_error(chronus_home, '{"schema_version": 9, "modules": {}}')
    assert message.endswith("written by a newer Chronus (schema 9, this one reads ≤ 1)")


def _edited(acid_state, edit) -> str:
    state = json.loads(json.dumps(acid_state))
    edit(state)
    return json.dumps(state)


def test_unknown_module_type_suggests(acid_state, chronus_home):
    text = _edited(acid_state, lambda s: s["modules"]["acid_filter1"].update(type="acid_filtr"))
    message = _load_error(chronus_home, text)
    assert "modules.acid_filter1.type: unknown module type 'acid_filtr' — did you mean acid_filter?" in message


def test_out_of_range_param_names_its_path(acid_state, chronus_home):
    text = _edited(acid_state, lambda s: s["modules"]["acid_filter1"]["params"].update(resonance=3))
    message = _load_error(chronus_home, text)
    assert message.endswith("modules.acid_filter1.params.resonance: resonance 3 is out of range 0–0.95")


def test_bad_edges_and_tracks(acid_state, chronus_home):
    message = _load_error(chronus_home, _edited(acid_state, lambda s: s["edges"].append(["saw2", "master"])))
    assert "edges[2]: unknown module 'saw2' — did you mean saw1?" in message
    message = _load_error(chronus_home, _edited(acid_state, lambda s: s["mod_edges"].append(["lfo1", "acid_filter1.cutof"])))
    assert "mod_edges[1]" in message and "did you mean" in message
    message = _load_error(chronus_home, _edited(
        acid_state, lambda s: s["sequencer"]["tracks"]["bass"].update(pattern="x.y.")))
    assert "sequencer.tracks.bass.pattern: pattern 'x.y.', position 3: 'y' is not a step" in message
    message = _load_error(chronus_home, _edited(acid_state, lambda s: s["sequencer"].update(bpm=900)))
    assert "sequencer.bpm: 900 is out of range 20–300" in message


def test_v0_files_migrate(chronus_home):
    seed_file = {
        "tempo": 100,
        "modules": {
            "osc1": {"type": "square", "params": {"frequency": 55, "pw": 0.3}},
            "filter1": {"type": "filter", "params": {"frequency": 900, "resonance": 4}},
        },
        "connections": [["osc1", "filter1"], ["filter1", "master"]],
        "patterns": {"bass": {"target": "osc1", "steps": "x.x.X..."}},
    }
    _write(chronus_home, json.dumps(seed_file))
    state = load_session("hand")
    assert state["schema_version"] == 1
    assert state["modules"]["osc1"]["params"] == {"freq": 55.0, "width": 0.3}
    assert state["modules"]["filter1"]["params"] == {"cutoff": 900.0, "q": 4.0}
    assert state["edges"] == [["osc1", "filter1"], ["filter1", "master"]]
    assert state["sequencer"]["bpm"] == 100.0
    assert state["sequencer"]["tracks"]["bass"] == {"target": "osc1", "pattern": "x.x.X...", "notes": []}


def test_state_becomes_rebuild_messages(acid_state):
    current = {"modules": {"old1": {"type": "sine", "params": {}}, "master": {"type": "master", "params": {}}}}
    messages = [str(m) for m in state_to_messages(acid_state, current)]
    assert messages[:4] == ["/at/clear", "/seq/stop", "/seq/clear", "/patch/remove old1"]   # (the last piece's timed lines dropped)
    assert "/patch/create acid_filter1 acid_filter" in messages
    assert "/mod/acid_filter1/resonance 0.8" in messages
    assert "/mod/lfo1/shape triangle" in messages
    assert messages.index("/patch/create saw1 saw") < messages.index("/patch/connect saw1 acid_filter1")
    assert "/patch/connect lfo1 acid_filter1.cutoff" in messages
    assert messages[-3:] == ["/seq/add bass saw1 X.x-x..x", "/seq/notes bass a2 c3 110.0", "/seq/start"]
    assert Message("/seq/bpm", (126.0,)) in state_to_messages(acid_state)


@pytest.mark.parametrize("asked", ["slow-drfit", "slow drfit"])
def test_a_missing_name_suggests_the_saved_one_it_resembles(acid_state, asked):
    save_session("slow-drift", acid_state)
    save_session("night-drive", acid_state)
    with pytest.raises(SessionError, match=r"did you mean slow-drift\? \(saved: night-drive, slow-drift\)"):
        load_session(asked)


@pytest.mark.parametrize("asked", ["slow drift", "Slow_Drift", "the slow drift", "SLOW.DRIFT", "slow  drift"])
def test_a_name_said_another_way_loads_the_one_session_it_means(acid_state, asked):
    save_session("slow-drift", acid_state)
    save_session("night-drive", acid_state)
    assert load_session(asked) == load_session("slow-drift")


@pytest.mark.parametrize("asked", ["slow drift session", "the slow drift song", "slow-drift tune"])
def test_a_name_said_with_session_or_song_after_it_loads_the_one_saved_without(acid_state, asked):
    save_session("slow-drift", acid_state)
    assert load_session(asked) == load_session("slow-drift")


def test_a_name_saved_with_song_in_it_loads_as_saved(acid_state):
    save_session("my first song", {**acid_state, "sequencer": {**acid_state["sequencer"], "bpm": 90.0}})
    save_session("my first", acid_state)
    assert load_session("my first song")["sequencer"]["bpm"] == 90.0


def test_a_name_said_loosely_that_fits_two_sessions_loads_neither(acid_state):
    save_session("slow-drift", acid_state)
    save_session("slow_drift", acid_state)
    with pytest.raises(SessionError, match="no session slow drift"):
        load_session("slow drift")


def test_an_article_said_is_kept_when_a_session_is_saved_with_it(acid_state):
    save_session("set", {**acid_state, "bpm": 90.0})
    save_session("my_set", acid_state)
    assert load_session("my set") == load_session("my_set")
    assert load_session("the set") == load_session("set")


def test_numbers_apart_stay_apart(acid_state):
    save_session("set_1_2", acid_state)
    with pytest.raises(SessionError, match="no session set 12"):
        load_session("set 12")
