"""End to end in real terminals (tmux): two shells at once each own their autosave, a killed one is
offered back (and only then), debris of an interrupted save is cleaned at start, Ctrl-D while
recording says where the finished take is, and a shell's memory stays flat under an OSC flood."""
from __future__ import annotations

import os
import random
import socket
import time
from pathlib import Path

from pythonosc.osc_message_builder import OscMessageBuilder

from tests.repl.test_e2e_tmux import PROMPT, Run, processes_of, shell_pid, started, terminal_of

AUTOSAVE_WAIT_S = 20          # the autosave writes 15 s after the first change


def entered(shell, line: str) -> None:
    """Type a line and wait for the next prompt (a change is silent when it works)."""
    prompts = shell.screen().count(PROMPT)
    shell.enter(line)
    wait_until(lambda: shell.screen().count(PROMPT) > prompts, 10, f"the prompt after {line!r}")


def wait_until(check, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} did not happen in {timeout} s")


def test_two_shells_own_their_autosaves_and_only_a_killed_one_is_offered(chronus_home):
    sessions = chronus_home / "sessions"
    sessions.mkdir(parents=True)
    debris = sessions / ".night-drive.json.x7k2.tmp"             # a crash during a save left it
    debris.write_bytes(b"")
    os.utime(debris, (time.time() - 600, time.time() - 600))
    with terminal_of(chronus_home) as first:
        started(first)
        first_pid = shell_pid(first)
        assert not debris.exists()
        entered(first, "add a saw at 110 hz")
        mine = chronus_home / f"autosave-{first_pid}.json"
        wait_until(mine.is_file, AUTOSAVE_WAIT_S, "the first shell's autosave")
        with terminal_of(chronus_home) as second:
            screen = started(second)
            assert "did not exit cleanly" not in screen               # the first one is running
            entered(second, "add a square")
            second.keys("C-d")
            second.wait_dead()
        assert mine.is_file()                                         # a clean exit left it alone
        os.kill(first_pid, 9)                                         # the first one crashes
        first.wait_dead()
    wait_until(lambda: not processes_of(chronus_home), 10, "the killed shell's children exiting")
    with terminal_of(chronus_home) as third:
        third.wait_for("did not exit cleanly: restore its patch?", 30)
        third.enter("y")
        third.wait_for("restored 1 modules")
        third.wait_for(PROMPT)
        third.keys("C-d")
        third.wait_dead()
    assert not list(chronus_home.glob("autosave-*"))                 # all clean exits now


def test_ctrl_d_while_recording_says_where_the_finished_take_is(chronus_home, tmp_path):
    take = tmp_path / "take.wav"
    with terminal_of(chronus_home) as shell:
        started(shell)
        run = Run(shell)
        entered(shell, "add a saw at 110 hz")
        shell.enter(f"record to {take}")
        shell.wait_for(f"recording to {take}")
        time.sleep(0.5)
        shell.keys("C-d")
        screen = shell.wait_for("recording finalised")
        assert "recording finalised: recorded" in screen and str(take) in screen.replace("\n", "")
        shell.wait_dead()
        run.assert_all_gone(chronus_home)
    import soundfile
    assert soundfile.info(str(take)).frames > 0


def test_memory_stays_flat_under_an_osc_flood(chronus_home):
    port = _free_udp_port()
    with terminal_of(chronus_home, extra=f"--osc-port {port}") as shell:
        started(shell)
        entered(shell, "add a saw at 110 hz")
        pid = shell_pid(shell)
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        rnd = random.Random(7)
        packets = _flood_packets(rnd)
        _send(sock, port, packets, 3000)                              # warm up every path once
        before = _rss_mb(pid)
        _send(sock, port, packets, 15000)
        time.sleep(1.0)
        after = _rss_mb(pid)
        assert after - before < 10, f"{before:.1f} → {after:.1f} MB"
        screen = shell.screen()
        assert "Traceback" not in screen
        shell.keys("C-d")
        shell.wait_dead()


def _flood_packets(rnd: random.Random) -> list:
    def message(address, *args):
        builder = OscMessageBuilder(address)
        for arg in args:
            builder.add_arg(arg)
        return builder.build().dgram
    return [
        lambda: bytes(rnd.getrandbits(8) for _ in range(rnd.randint(1, 200))),            # garbage
        lambda: b"/mod/saw1/freq\0\0,f\0\0" + bytes(rnd.getrandbits(8) for _ in range(rnd.randint(0, 3))),
        lambda: b"#bundle\0" + bytes(rnd.getrandbits(8) for _ in range(rnd.randint(0, 60))),
        lambda: message("/mod/nosuch/freq", 1.0),                                          # refused
        lambda: message("/mod/saw1/freq", "abc"),
        lambda: message("/patch/create", "Bad Id", "saw"),
        lambda: message("/mod/saw1/freq", float(rnd.randint(50, 500))),                    # accepted
        lambda: message("/session/save", "/etc/evil.json"),                                # confined
        lambda: nested_bundles(2000),                                                      # the old leak
    ]


def nested_bundles(depth: int) -> bytes:
    packet = b"/a\0\0,\0\0\0"
    for _ in range(depth):
        packet = b"#bundle\0" + b"\0" * 7 + b"\1" + len(packet).to_bytes(4, "big") + packet
    return packet


def _send(sock, port: int, packets: list, count: int) -> None:
    for index in range(count):
        sock.sendto(random.choice(packets)(), ("127.0.0.1", port))
        if index % 100 == 0:
            time.sleep(0.02)


def _rss_mb(pid: int) -> float:
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_line_typed_at_the_restore_question_is_kept_and_runs_after_it(chronus_home):
    example = Path(__file__).resolve().parents[2] / "examples" / "sessions" / "acid-night.json"
    chronus_home.mkdir(parents=True, exist_ok=True)
    (chronus_home / f"autosave-{2 ** 22 + 3}.json").write_text(example.read_text())   # a dead shell's
    with terminal_of(chronus_home) as shell:
        shell.wait_for("restore its patch? [Y/n]", 30)
        shell.enter("tempo 93")                                      # typed without reading the question
        shell.wait_for("kept 'tempo 93': it runs once you have answered (y or n)")
        shell.enter("y")
        shell.wait_for("restored")
        shell.wait_for("♩ 93")                                       # then the kept line ran
        shell.keys("C-d")
        shell.wait_dead()


def test_a_session_saved_before_loads_when_said_in_other_words(chronus_home):
    example = Path(__file__).resolve().parents[2] / "examples" / "sessions" / "acid-night.json"
    sessions = chronus_home / "sessions"
    sessions.mkdir(parents=True, exist_ok=True)
    (sessions / "acid_night.json").write_text(example.read_text())
    with terminal_of(chronus_home) as shell:
        started(shell)
        shell.enter("load the acid night one")
        shell.wait_for("the session saved as 'acid_night'")
        shell.keys("C-d")
        shell.wait_dead()
