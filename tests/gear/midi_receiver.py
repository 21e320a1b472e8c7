"""A JACK MIDI input port ('<name>:in') in a process of its own: the external synth the MIDI out
tests send to. Its JACK process callback records every event with its frame (the cycle's first
frame + the event's offset), so timing is measured to the frame, not to the period.

It is a process, not a client of the test process, for the reason a synth is a device: in the
test process its Python callback shares the GIL with the shell's threads, and on a loaded machine
it missed JACK cycles (events lost, a period read twice) that the MIDI out process had written
on time. Run as a script it is that process: it answers `events` and `connections` on stdin (one
JSON line each) until `close` or the end of its stdin.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys


class JackMidiReceiver:
    """The test's side: `events` is every (frame, bytes) received so far, in order."""

    def __init__(self, name: str):
        self.name = f"{name}:in"
        self._events: list[tuple[int, list[int]]] = []
        # outside gear, not the shell's: the tests find the shell's orphans by its CHRONUS_HOME
        gear = {key: value for key, value in os.environ.items() if key != "CHRONUS_HOME"}
        self._process = subprocess.Popen([sys.executable, __file__, name], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, text=True, env=gear)
        if self._process.stdout.readline().strip() != "ready":
            self._process.kill()
            raise RuntimeError(f"the JACK MIDI receiver {name} did not start")

    def _ask(self, what: str):
        self._process.stdin.write(what + "\n")
        self._process.stdin.flush()
        return json.loads(self._process.stdout.readline())

    @property
    def events(self) -> list[tuple[int, list[int]]]:
        self._events += [(frame, data) for frame, data in self._ask("events")]
        return self._events

    def connections(self) -> list[str]:
        """The ports connected to ours."""
        return self._ask("connections")

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.stdin.write("close\n")
            self._process.stdin.flush()
        self._process.wait(10)


def serve(name: str) -> None:
    import jack

    # the JACK callback must get the GIL within a period while the main thread serialises the events
    # (Python's default switch interval, 5 ms, is about a 256-frame period: a missed cycle, ticks lost)
    sys.setswitchinterval(0.0002)
    client = jack.Client(name, no_start_server=True)
    port = client.midi_inports.register("in")
    cycles: list[tuple[int, list]] = []          # (first frame, [(offset, bytes)]): the callback only appends

    def process(frames: int) -> None:
        received = [(offset, bytes(data)) for offset, data in port.incoming_midi_events()]
        if received:
            cycles.append((client.last_frame_time, received))

    client.set_process_callback(process)
    client.activate()
    print("ready", flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "events":
            taken = cycles[:]
            del cycles[:len(taken)]
            reply = [(base + offset, list(data)) for base, received in taken for offset, data in received]
        elif command == "connections":
            reply = [p.name for p in client.get_all_connections(port)]
        else:
            break
        print(json.dumps(reply), flush=True)
    client.deactivate()
    client.close()


if __name__ == "__main__":
    serve(sys.argv[1])
