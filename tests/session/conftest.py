"""Shared fixtures: a small but complete acid patch state."""
import pytest


@pytest.fixture
def acid_state():
    return {
        "schema_version": 1,
        "modules": {
            "saw1": {"type": "saw", "params": {"freq": 110.0, "detune": 0.0, "gain": 0.5}},
            "acid_filter1": {"type": "acid_filter", "params": {"cutoff": 800.0, "resonance": 0.8}},
            "lfo1": {"type": "lfo", "params": {"rate": 0.25, "shape": "triangle"}},
            "master": {"type": "master", "params": {"gain": -3.0, "limiter": "on"}},
        },
        "edges": [["saw1", "acid_filter1"], ["acid_filter1", "master"]],
        "mod_edges": [["lfo1", "acid_filter1.cutoff"]],
        "sequencer": {
            "bpm": 126.0, "swing": 0.1, "running": True,
            "tracks": {"bass": {"target": "saw1", "pattern": "X.x-x..x", "notes": ["a2", "c3", 110.0]}},
        },
        "focus": "acid_filter1",
    }
