"""The patch model's shortcuts (edge index, next free id, shared values) answer exactly what a full
scan would, whatever the order of connects, removes, undo, restore and rollback."""
import random

from chronus_shell.language import Translator
from chronus_shell.language.patch_model import PatchModel
from chronus_shell.protocol.message import Message


def scan_inputs(model, module_id):
    return [a for a, b in model.edges if b == module_id]


def scan_outputs(model, module_id):
    return [b for a, b in model.edges if a == module_id]


def scan_next_id(model, type_name):
    n = 1
    while f"{type_name}{n}" in model.modules:
        n += 1
    return f"{type_name}{n}"


def test_random_edits_agree_with_a_full_scan():
    rnd = random.Random(20)
    translator = Translator()
    for step in range(600):
        model = translator.model
        ids = [m for m in model.modules if m != "master"]
        choice = rnd.random()
        if choice < 0.3 or not ids:
            line = rnd.choice(["add a saw", "add a filter", "add a distortion", "clone saw1"])
        elif choice < 0.5:
            line = f"/patch/connect {rnd.choice(ids)} {rnd.choice(ids + ['master'])}"
        elif choice < 0.6:
            line = f"/patch/disconnect {rnd.choice(ids)} master"
        elif choice < 0.75:
            line = f"remove {rnd.choice(ids)}"
        elif choice < 0.85:
            line = "undo"
        else:
            line = f"{rnd.choice(ids)} gain {rnd.choice([0.1, 0.5])}" if ids else "add a saw"
        try:
            translator.translate(line)
        except Exception:                                   # noqa: BLE001 — refusals are fine here
            pass
        if step % 7 == 0 and translator.model.edges:
            translator.rollback([])                         # the engine refused the last line
        model = translator.model
        for module_id in model.modules:
            assert model.inputs(module_id) == scan_inputs(model, module_id), line
            assert model.outputs(module_id) == scan_outputs(model, module_id), line
        for type_name in ("saw", "filter", "distortion"):
            assert model.next_id(type_name) == scan_next_id(model, type_name), line


def test_a_snapshot_keeps_its_values_when_the_model_changes():
    model = PatchModel()
    model.apply(Message("/patch/create", ("saw1", "saw")))
    model.apply(Message("/mod/saw1/freq", (110.0,)))
    before = model.snapshot()
    model.apply(Message("/mod/saw1/freq", (220.0,)))
    assert before.values["saw1"]["freq"] == 110.0 and model.values["saw1"]["freq"] == 220.0
    model.restore(before)
    assert model.value("saw1", "freq") == 110.0


def test_the_undo_history_is_bounded():
    from chronus_shell.language.undo_history import MAX_UNDO
    translator = Translator()
    translator.translate("add a saw")
    for index in range(MAX_UNDO + 50):
        translator.observe([Message("/mod/saw1/freq", (100.0 + index,))])    # an OSC controller
    assert len(translator.undo_stack) == MAX_UNDO
