"""user_modules: the folder rule, loading as chronus_user.<name>, pickling, catalogue and hot swap."""
from __future__ import annotations

import pickle
import sys

import numpy as np
import pytest

from chronus_shell.engine.catalogue import CATALOGUE
from chronus_shell.engine.engine import Engine
from chronus_shell.engine.timeline import Timeline
from chronus_shell.engine.user_modules.loading import (
    ModuleLoadError, check_module_path, load_module_source, module_files, modules_folder, spec_from_data, spec_to_data,
)
from chronus_shell.engine.user_modules.install import (
    install_all, install_user_module, register_user_module, spec_class, swap_module_type, unregister_user_module,
)
from chronus_shell.protocol.message import Message

from .conftest import EXAMPLES

V1 = """
import numpy as np
from chronus_shell.engine.modules.base import Module
from chronus_shell.engine.params import ModuleSpec, choice, number

class Tilt(Module):
    spec = ModuleSpec("tilt", "processor", (
        number("amount", "ratio", 0.5, 0, 1, "level", ("amt",)),
        choice("shape", ("soft", "hard"), "soft", "curve"),
    ), "a test tilt")

    def __init__(self, sample_rate):
        super().__init__(sample_rate)
        self.memory = np.zeros(4)

    def process(self, audio_in, params):
        return audio_in * params["amount"] * VERSION

VERSION = 1.0
"""
V2 = V1.replace("VERSION = 1.0", "VERSION = 0.5").replace(
    'choice("shape", ("soft", "hard"), "soft", "curve"),',
    'number("bias", "ratio", 0, 0, 1, "new in v2"),')


@pytest.fixture
def tilt(folder):
    path = folder / "tilt.py"
    path.write_text(V1)
    yield path
    unregister_user_module("tilt")


def test_modules_folder_defaults_to_the_data_dir(chronus_home, tmp_path):
    assert modules_folder() == (chronus_home / "modules").resolve()
    custom = modules_folder(tmp_path / "mine")
    assert custom.is_dir() and custom == (tmp_path / "mine").resolve()


def test_check_module_path(folder, tmp_path):
    (folder / "okay.py").write_text("x")
    assert check_module_path(folder / "okay.py", folder) == ("okay", folder / "okay.py")
    assert check_module_path("okay.py", folder)[1] == folder / "okay.py"  # relative to the folder
    with pytest.raises(ModuleLoadError, match="not directly inside"):
        check_module_path(tmp_path / "x.py", folder)
    with pytest.raises(ModuleLoadError, match="not directly inside"):
        check_module_path(folder / "sub" / "x.py", folder)
    with pytest.raises(ModuleLoadError, match="not a Python file"):
        check_module_path(folder / "notes.txt", folder)
    with pytest.raises(ModuleLoadError, match="built-in module name"):
        check_module_path(folder / "acid.py", folder)  # an alias of acid_filter
    (folder / "okay.py").unlink()


def test_module_files_skips_dot_files(folder):
    (folder / ".hidden.py").write_text("x")
    assert folder / ".hidden.py" not in module_files(folder)
    (folder / ".hidden.py").unlink()


def test_load_registers_an_importable_picklable_class(tilt):
    cls = load_module_source("tilt", V1, tilt)
    assert cls.__module__ == "chronus_user.tilt" and sys.modules["chronus_user.tilt"].Tilt is cls
    instance = cls(48000)
    instance.memory[:] = 7.0
    clone = pickle.loads(pickle.dumps(instance))
    assert type(clone) is cls and clone.memory.tolist() == [7.0] * 4
    assert "tilt" not in CATALOGUE
    register_user_module(cls)
    assert CATALOGUE["tilt"] is cls


def test_a_failed_load_keeps_the_previous_version(tilt):
    good = load_module_source("tilt", V1, tilt)
    with pytest.raises(ZeroDivisionError):
        load_module_source("tilt", V1 + "\n1 / 0\n", tilt)
    assert sys.modules["chronus_user.tilt"].Tilt is good
    with pytest.raises(ModuleLoadError, match="must equal the file name"):
        load_module_source("tilt", V1.replace('"tilt"', '"tilted"'), tilt)
    assert sys.modules["chronus_user.tilt"].Tilt is good


def test_traceback_lines_come_from_the_validated_source(tilt):
    tilt.write_text("# the file changed on disk since\n" * 50)
    source = V1 + "\nraise RuntimeError('here')\n"
    with pytest.raises(RuntimeError) as info:
        load_module_source("tilt", source, tilt)
    import traceback
    text = "".join(traceback.format_exception(info.value))
    assert "raise RuntimeError('here')" in text


def test_register_refuses_builtin_names():
    fake = spec_class(CATALOGUE["saw"].spec)
    with pytest.raises(ModuleLoadError, match="built-in"):
        register_user_module(fake)
    assert CATALOGUE["saw"] is not fake


def test_spec_round_trips_as_plain_data(tilt):
    cls = load_module_source("tilt", V1, tilt)
    data = spec_to_data(cls.spec)
    assert pickle.loads(pickle.dumps(data)) == data
    assert spec_from_data(data) == cls.spec
    stub = spec_class(spec_from_data(data), "Tilt")
    assert stub.spec.param("amt").name == "amount" and stub.spec_only
    with pytest.raises(RuntimeError, match="renders in the audio slots only"):
        stub(48000).process(np.zeros(4), {})


def test_swap_keeps_param_values_in_every_engine_of_a_timeline(tilt):
    install_user_module("tilt", V1, tilt)
    timeline = Timeline(48000, 256)
    for msg in (Message("/patch/create", ("saw1", "saw")), Message("/patch/create", ("tilt1", "tilt")),
                Message("/patch/connect", ("saw1", "tilt1")), Message("/patch/connect", ("tilt1", "master")),
                Message("/mod/tilt1/amount", (0.8,)), Message("/mod/tilt1/shape", ("hard",)),
                Message("/gate/saw1", (1, 110.0))):
        timeline.schedule(msg, 0)
    timeline.render_block()
    timeline.schedule(Message("/patch/begin"), timeline.position)
    before = timeline.render_block()
    assert timeline.pending is not None
    old = timeline.engine.modules["tilt1"]
    v2 = install_user_module("tilt", V2, tilt, timeline)
    for engine in (timeline.engine, timeline.pending):
        new = engine.modules["tilt1"]
        assert type(new) is v2 and new is not old
        assert new.targets == {"amount": 0.8, "bias": 0.0}  # 'shape' is gone, 'bias' new
        assert new.current["amount"] == pytest.approx(old.current["amount"])
    fade = timeline.render_block()  # the old version fades into the new (EDGE_FADE_MS), no click
    assert np.abs(fade[0] - before[-1]).max() < 0.05                 # the first frame after the swap, both sides
    after = timeline.render_block()
    assert np.abs(after).max() < 0.7 * np.abs(before).max()  # VERSION 0.5: quieter, same amount
    blob = pickle.dumps(timeline)  # a standby slot's snapshot after the swap
    assert pickle.loads(blob).engine.modules["tilt1"].targets["amount"] == 0.8
    assert swap_module_type(timeline, v2) == []  # already the current version


def test_modulation_of_a_param_the_new_version_lost_is_dropped_and_said(tilt):
    """Kept, an lfo → tilt1.amount edge would make the patch impossible to save (the session file
    would name a param the module no longer has)."""
    install_user_module("tilt", V1, tilt)
    timeline = Timeline(48000, 256)
    for line in ("/patch/create saw1 saw", "/patch/create tilt1 tilt", "/patch/create lfo1 lfo",
                 "/patch/connect saw1 tilt1", "/patch/connect tilt1 master", "/patch/connect lfo1 tilt1.amount"):
        timeline.schedule(Message.parse(line), 0)
    timeline.render_block()
    install_user_module("tilt", V1.replace('number("amount"', 'number("level"'), tilt, timeline)
    engine = timeline.engine
    assert engine.mod_edges == [] and engine.shape.mod_edges == set() and timeline._live_shape.mod_edges == set()
    assert engine.faults == ["the new tilt has no param amount: lfo1 no longer modulates tilt1.amount"]
    assert np.isfinite(timeline.render_block()).all()
    assert engine.patch_state()["mod_edges"] == []


def test_install_all_loads_a_payload_in_order(folder):
    sources = {name: (EXAMPLES / f"{name}.py").read_text() for name in ("bitwarp", "fm")}
    try:
        classes = install_all([(name, text, str(folder / f"{name}.py")) for name, text in sources.items()])
        assert [c.spec.type for c in classes] == ["bitwarp", "fm"]
        engine = Engine(48000, 256)
        for msg in (Message("/patch/create", ("fm1", "fm")), Message("/patch/create", ("bw1", "bitwarp")),
                    Message("/patch/connect", ("fm1", "bw1")), Message("/patch/connect", ("bw1", "master")),
                    Message("/gate/fm1", (1, 220.0))):
            engine.schedule(msg, 0)
        out = engine.render(4096)
        assert np.isfinite(out).all() and 0.05 < np.abs(out).max() <= 1.0
    finally:
        unregister_user_module("bitwarp")
        unregister_user_module("fm")


def test_module_swaps_keep_two_slots_in_lockstep(tilt):
    """Slot A hears of the new version three blocks before slot B; both switch at the stamp."""
    from chronus_shell.engine.user_modules.install import ModuleSwaps

    install_user_module("tilt", V1, tilt)
    slots = [Timeline(48000, 256), Timeline(48000, 256)]
    for timeline in slots:
        for msg in (Message("/patch/create", ("saw1", "saw")), Message("/patch/create", ("tilt1", "tilt")),
                    Message("/patch/connect", ("saw1", "tilt1")), Message("/patch/connect", ("tilt1", "master")),
                    Message("/mod/tilt1/amount", (0.9,)), Message("/gate/saw1", (1, 110.0))):
            timeline.schedule(msg, 0)
    swaps = [ModuleSwaps(), ModuleSwaps()]
    at = 10 * 256 + 100  # mid-block: takes effect at the next block boundary (block 11)
    outputs: list[list[np.ndarray]] = [[], []]
    for block in range(16):
        for index, timeline in enumerate(slots):
            if block == (4 if index == 0 else 7):
                swaps[index].receive("tilt", V2, tilt, at)
                assert CATALOGUE["tilt"].spec.has_param("shape")  # the old version until `at`
                pickle.loads(pickle.dumps(timeline))  # a snapshot still pickles in between
            swaps[index].apply_due(timeline)
            outputs[index].append(timeline.render_block())
    assert swaps[0].pending() == swaps[1].pending() == 0
    assert all(np.array_equal(a, b) for a, b in zip(*outputs))
    assert CATALOGUE["tilt"].spec.has_param("bias")
    before, after = (float(np.abs(np.concatenate(outputs[0][a:b])).max()) for a, b in ((5, 11), (11, 16)))
    assert after == pytest.approx(before / 2, rel=0.05)  # VERSION 0.5 from block 11 on
    for timeline in slots:
        assert timeline.engine.modules["tilt1"].targets["amount"] == 0.9
    # (real slots are separate processes; here both share one sys.modules, and B activated last)
    pickle.loads(pickle.dumps(slots[1]))


def test_module_swaps_register_a_new_type_at_once(folder):
    from chronus_shell.engine.user_modules.install import ModuleSwaps

    source = V1.replace('"tilt"', '"fresh_type"')
    swaps = ModuleSwaps()
    try:
        swaps.receive("fresh_type", source, folder / "fresh_type.py", at=10**9)
        assert "fresh_type" in CATALOGUE
        timeline = Timeline(48000, 256)
        timeline.schedule(Message("/patch/create", ("f1", "fresh_type")), 0)
        timeline.render_block()
        pickle.loads(pickle.dumps(timeline))
    finally:
        unregister_user_module("fresh_type")
