"""Audio backends for the output process: a PortAudio device (sounddevice) or the null clock.

Both drive the same `next_block` function, so the null backend exercises the same code path on a
machine without a sound card. `choose_backend` runs in the shell: it decides `auto` and gives the
one-line notice when it falls back to null (PortAudio missing, or no output device).
"""
from __future__ import annotations

import sys
import threading
import time

PORTAUDIO_HINT = "install PortAudio (Debian/Ubuntu: sudo apt-get install libportaudio2)"


def choose_backend(requested: str, device: str | None) -> tuple[str, str | None]:
    """('sounddevice' | 'null', notice or None). An explicit 'sounddevice' that cannot open raises."""
    if requested == "null":
        return "null", None
    problem = _device_problem(device)
    if problem is None:
        return "sounddevice", None
    if requested == "sounddevice":
        raise RuntimeError(problem)
    return "null", f"no audio device ({problem}): using the null backend, paced by the clock"


def _device_problem(device: str | None) -> str | None:
    try:
        import sounddevice as sd
    except OSError:
        return f"PortAudio library not found — {PORTAUDIO_HINT}"
    except ImportError:
        return "the sounddevice package is missing — pip install sounddevice"
    try:
        info = sd.query_devices(device, kind="output")
    except (ValueError, sd.PortAudioError) as err:
        return str(err).splitlines()[0]
    if info["max_output_channels"] < 1:
        return f"{info['name']} has no outputs"
    return None


class NullStream:
    """Calls next_block once per block period of wall-clock time (absolute deadlines, no drift)."""

    description = "null (clock-paced)"
    latency = 0.0  # seconds from a block handed over to its sound: none, nothing plays

    def __init__(self, next_block, sample_rate: int, block_size: int):
        self._next_block = next_block
        self._period = block_size / sample_rate
        self._running = True
        self._thread = threading.Thread(target=self._loop, name="chronus-null-output", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        deadline = time.perf_counter()
        while self._running:
            self._next_block()
            deadline += self._period
            delay = deadline - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            elif delay < -0.5:
                deadline = time.perf_counter()  # the machine was suspended: don't burst to catch up

    def alive(self) -> bool:
        return self._thread.is_alive()

    def close(self) -> None:
        self._running = False
        self._thread.join(timeout=1.0)


class DeviceStream:
    """A PortAudio output stream whose callback copies ring blocks (stereo frames) to the device's
    two channels, any period size."""

    def __init__(self, next_block, sample_rate: int, block_size: int, device, on_underflow,
                 on_jack_xrun, wasapi_exclusive: bool):
        import sounddevice as sd

        self._next_block = next_block
        self._block = next_block  # replaced by the first real block
        self._carry = None
        self._carry_pos = block_size
        self._block_size = block_size
        self._on_underflow = on_underflow
        settings = sd.WasapiSettings(exclusive=True) if (wasapi_exclusive and sys.platform == "win32") else None
        self._stream = sd.OutputStream(
            samplerate=sample_rate, blocksize=block_size, channels=2, dtype="float32",
            latency="low", device=device, callback=self._callback, extra_settings=settings,
        )
        hostapi = sd.query_hostapis(sd.query_devices(self._stream.device)["hostapi"])["name"]
        self.description = f"{sd.query_devices(self._stream.device)['name']} via {hostapi}"
        self.latency = float(self._stream.latency)  # the device's buffer after our callback
        self._jack = _jack_xrun_monitor(on_jack_xrun) if "JACK" in hostapi else None
        self._stream.start()

    def _callback(self, outdata, frames, time_info, status) -> None:
        if status.output_underflow:
            self._on_underflow()
        filled = 0
        while filled < frames:
            if self._carry_pos >= self._block_size:
                self._carry = self._next_block()
                self._carry_pos = 0
            count = min(frames - filled, self._block_size - self._carry_pos)
            outdata[filled:filled + count] = self._carry[self._carry_pos:self._carry_pos + count]
            filled += count
            self._carry_pos += count

    def alive(self) -> bool:
        return self._stream.active

    def close(self) -> None:
        """Called as the output process ends. PortAudio is terminated here: its JACK client lives until
        then, and a child process ends without atexit (multiprocessing's os._exit), so JACK saw the
        client vanish mid-cycle and logged an xrun ("PortAudio was not finished") at every exit."""
        import sounddevice as sd

        self._stream.close()
        if self._jack is not None:
            self._jack.deactivate()
            self._jack.close()
        sd._terminate()


def _jack_xrun_monitor(on_xrun):
    """A JACK client that only counts xruns (JACK reports some that PortAudio never flags)."""
    try:
        import jack

        client = jack.Client("chronus-xruns", no_start_server=True)
        client.set_xrun_callback(lambda delay_usecs: on_xrun())
        client.activate()
        return client
    except Exception:  # JACK-Client missing or the server refused: PortAudio's count remains
        return None


def open_backend(kind: str, device, sample_rate: int, block_size: int, next_block, on_underflow,
                 on_jack_xrun, wasapi_exclusive: bool):
    if kind == "null":
        return NullStream(next_block, sample_rate, block_size)
    return DeviceStream(next_block, sample_rate, block_size, device, on_underflow, on_jack_xrun, wasapi_exclusive)
