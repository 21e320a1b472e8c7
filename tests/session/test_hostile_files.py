"""Hostile session files: refused fast, in one line naming the file and the field, nothing applied."""
import json
import time

import pytest

from chronus_shell.engine.limits import MAX_MODULES, MAX_SESSION_BYTES, MAX_TEXT
from chronus_shell.protocol.message import Message
from chronus_shell.session.commands import SessionCommands
from chronus_shell.session.paths import SessionError
from chronus_shell.session.snapshot import load_session


def refusal(tmp_path, text: str | bytes, seconds: float = 1.0) -> str:
    path = tmp_path / "hostile.json"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    started = time.perf_counter()
    with pytest.raises(SessionError) as err:
        load_session(str(path))
    assert time.perf_counter() - started < seconds
    line = str(err.value)
    assert "\n" not in line and line.startswith(f"{path}:") and len(line) < 400, line
    outcome = SessionCommands(48000).handle(Message("/session/load", (str(path),)), {})
    assert not outcome.ok and outcome.messages == []                   # nothing is applied
    return line


def test_a_json_bomb(tmp_path):
    assert "nested deeper than a session ever is" in refusal(tmp_path, "[" * 200000 + "]" * 200000)
    deep = '{"modules": {}, "focus": ' + "[" * 100 + "]" * 100 + "}"
    assert "focus" in refusal(tmp_path, deep) and "nested deeper than 32 levels" in refusal(tmp_path, deep)


def test_a_v0_pattern_without_a_target(tmp_path):
    line = refusal(tmp_path, '{"patterns": {"a": "x.x."}, "modules": {}}')
    assert line.endswith("patterns.a: 'x.x.' has no target — a v0 pattern is {\"target\": \"saw1\", \"steps\": \"x.x.\"}")


@pytest.mark.parametrize("version", ["true", "1.0", '"1"', "-1"])
def test_schema_version_must_be_a_number(tmp_path, version):
    assert "schema_version:" in refusal(tmp_path, f'{{"schema_version": {version}, "modules": {{}}}}')


def test_a_50_mb_focus_is_refused_before_it_is_read(tmp_path):
    line = refusal(tmp_path, '{"schema_version": 1, "modules": {}, "focus": "' + "a" * 50_000_000 + '"}', 0.5)
    assert f"a session is at most {MAX_SESSION_BYTES / 1e6:.0f} MB" in line


def test_a_long_text_inside_the_size_limit_is_named_never_printed_whole(tmp_path):
    line = refusal(tmp_path, '{"schema_version": 1, "modules": {}, "focus": "' + "a" * 2_000_000 + '"}')
    assert line.endswith(f"focus: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…' (2,000,000 characters) is too long "
                         f"(at most {MAX_TEXT} characters)")


def test_640k_modules_refused_fast(tmp_path):
    modules = {f"saw{i}": {"type": "saw", "params": {}} for i in range(640_000)}
    text = json.dumps({"schema_version": 1, "modules": modules})
    assert "MB: a session is at most" in refusal(tmp_path, text, 0.5)           # 20 MB: by its size
    few = {f"saw{i}": {"type": "saw"} for i in range(MAX_MODULES + 1)}
    line = refusal(tmp_path, json.dumps({"schema_version": 1, "modules": few}))
    assert f"modules: {MAX_MODULES + 1:,} modules, at most {MAX_MODULES:,}" in line


def test_too_many_edges_and_tracks(tmp_path):
    edges = [["a", "b"]] * 5000
    assert "edges: 5,000 edges, at most" in refusal(tmp_path, json.dumps({"modules": {}, "edges": edges}))
    tracks = {f"t{i}": {"target": "master", "pattern": "x"} for i in range(500)}
    line = refusal(tmp_path, json.dumps({"schema_version": 1, "sequencer": {"tracks": tracks}}))
    assert "sequencer.tracks: 500 tracks, at most" in line


def test_an_unknown_long_id_is_shortened(tmp_path):
    state = {"schema_version": 1, "modules": {}, "edges": [["x" * 900, "master"]]}
    line = refusal(tmp_path, json.dumps(state))
    assert "edges[0]: unknown module 'xxxxxxxx" in line and "(900 characters)" in line


def test_a_number_of_thousands_of_digits(tmp_path):
    line = refusal(tmp_path, '{"modules": {}, "x": ' + "9" * 5000 + "}")
    assert line.endswith("not a session: Exceeds the limit (4300 digits) for integer string conversion")
