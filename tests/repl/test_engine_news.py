"""What the shell prints on its own from the engine's status: each failover once, dropouts from an
overloaded machine in one short line at most once per DROPOUT_NEWS_EVERY_S. Fed with status dicts as the supervisor
returns them (the live path is covered by test_e2e_live_parts.py's killed slot)."""
from __future__ import annotations

import asyncio

from chronus_shell.repl import engine_link
from chronus_shell.repl.engine_link import EngineLink


def _status(lost=0, portaudio=0, failovers=0, cpu=40.0) -> dict:
    return {"lost_blocks": lost, "xruns": {"portaudio": portaudio, "jack": 0}, "failovers": failovers,
            "slots": [{"cpu_percent": cpu}, {"cpu_percent": cpu - 1}]}


def test_dropouts_are_told_once_then_throttled(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(engine_link.time, "monotonic", lambda: clock[0])
    link = EngineLink(supervisor=None)
    assert link._news(_status()) == []
    [line] = link._news(_status(lost=3, portaudio=1, cpu=93.0))
    assert line == "audio dropped out: 4 blocks — the patch needs 93% of each block (fewer voices)"
    clock[0] += 2
    assert link._news(_status(lost=9, portaudio=1, cpu=94.0)) == []            # within the quiet time
    clock[0] += engine_link.DROPOUT_NEWS_EVERY_S
    [line] = link._news(_status(lost=9, portaudio=1, cpu=94.0))
    assert line == "audio dropped out: 6 blocks more (10 in all; status has the counts)"   # the cause said once
    clock[0] += 60
    assert link._news(_status(lost=9, portaudio=1)) == []                      # nothing new: silence
    clock[0] += 60
    [line] = link._news(_status(lost=10, portaudio=1, cpu=3.0))
    assert line == "audio dropped out: 1 block — a busy machine kept it waiting (docs/tuning.md)"   # a new cause
    assert len(line) <= 80


def test_a_failover_is_one_line_and_its_lost_blocks_are_not_told_twice():
    link = EngineLink(supervisor=None)
    [line] = link._news(_status(lost=1, failovers=1))
    assert line.startswith("an audio process died or hung: its standby took over") and "1 block lost" in line
    assert link._news(_status(lost=1, failovers=1)) == []


def test_a_hung_module_is_the_line_not_advice_about_voices():
    """The blocks lost while a user module hung are explained by its fault line alone."""
    link = EngineLink(supervisor=None)
    fault = "latehang1 hung in process() for 0.25 s at sample 153600: bypassed until a fixed version is saved"
    assert link._news(_status(lost=48, cpu=3.0) | {"faults": [fault]}) == [fault]
    assert link._news(_status(lost=48, cpu=3.0) | {"faults": [fault]}) == []


def test_a_slow_module_or_a_restore_is_the_line_not_advice_about_voices():
    """A module that takes longer than a block, or both slots restored: the supervisor's line says
    why the audio dropped out; the generic advice about voices is not added."""
    link = EngineLink(supervisor=None)
    slow = "sleepy1 (sleepy) takes 10.1 ms of each 5.3 ms block: the audio cannot keep up"
    assert link._news(_status(lost=40, cpu=190.0) | {"problems": [slow], "problem_count": 1}) == [slow]
    assert link._news(_status(lost=40, cpu=190.0) | {"problems": [slow], "problem_count": 1}) == []


def test_dropouts_at_a_light_engine_load_blame_the_busy_machine_not_the_voices():
    """At 1 % of each block the patch is not the cause: fewer voices would not help."""
    link = EngineLink(supervisor=None)
    [line] = link._news(_status(lost=5, cpu=1.0))
    assert line == "audio dropped out: 5 blocks — a busy machine kept it waiting (docs/tuning.md)"


def test_a_loaded_sample_is_news_not_a_problem():
    """`smp plays loop.wav (…)` is printed plainly, never in the problems' red, and `status` does
    not list it as a problem."""
    line = "smp plays loop.wav (2.00 s, stereo, 44100 Hz file)"
    news = []

    class Supervisor:
        def start(self):
            pass

        def status(self):
            return _status() | {"news_lines": news[-3:], "news_line_count": len(news)}

    shown = []

    async def play():
        link = EngineLink(Supervisor(), on_news=lambda text: shown.append(("problem", text)),
                          on_info=lambda text: shown.append(("info", text)))
        await link.ready()
        news.append(line)
        await link.status()
        link._poller.cancel()

    asyncio.run(play())
    assert shown == [("info", line)]


def test_the_status_poll_waits_for_a_pause_in_typing_but_not_for_ever(monkeypatch):
    """A poll takes the GIL in another thread: while a line is typed it waits for a pause (its Enter key
    must not wait for it), but at most STATUS_HELD_S, so a failover is told to a musician who types on."""
    import concurrent.futures

    monkeypatch.setattr(engine_link, "STATUS_INTERVAL_S", 0.02)
    monkeypatch.setattr(engine_link, "STATUS_HELD_S", 1.0)

    class Engine:
        """The supervisor's status() as the poll calls it, counted."""
        polls = 0

        def status(self) -> dict:
            Engine.polls += 1
            return _status()

        def stop(self) -> None:
            pass

    async def main():
        link = EngineLink(Engine())
        started = concurrent.futures.Future()
        started.set_result(None)
        link.begin(started)
        await link.ready()
        link.typing = lambda: True
        polls = Engine.polls
        await asyncio.sleep(0.3)
        assert Engine.polls == polls, "typing: held"
        for _ in range(100):
            if Engine.polls > polls:
                break
            await asyncio.sleep(0.05)
        assert Engine.polls > polls, "typing on: polled after STATUS_HELD_S all the same"
        link.typing = lambda: False
        polls = Engine.polls
        await asyncio.sleep(0.3)
        assert Engine.polls > polls + 2, "a pause: polled every STATUS_INTERVAL_S"
        await link.stop()

    asyncio.run(main())
