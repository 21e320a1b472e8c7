"""Record the master output to a float32 WAV without ever blocking the audio path.

`write()` only copies the block into a queue; a writer thread puts it on disk and rewrites the
WAV header every ~0.5 s, so the file stays playable even if the process is killed (and
`repair_wav` fixes the rest on the next start). Errors (unwritable path, disk full) never
raise into the caller: they end the recording and leave one readable line in `.error`, while
the music goes on; after a failed write the file is cut back to the last whole block and its
header matches, so what was recorded stays a valid WAV.

The WAV is written here with plain file writes, so a failure is an OSError with its errno
(ENOSPC, EFBIG, EACCES, …), not libsndfile's bare "System error"; the samples are written
exactly as given (float32, little-endian). The header has libsndfile's own layout for float
WAVs (`fmt ` IEEE float, `fact`, `PEAK`, `data`: 80 bytes for mono), so libsndfile can also
open the file read-write (e.g. to trim it) and rewrite its header in place.

While a file is being recorded its path is listed in `recordings-in-progress.json` in the data
dir; `repair_interrupted_recordings()` at the next start repairs whatever a crash left there.

An existing file is never overwritten unless `overwrite=True`: the recorder picks the next free
name instead (`take1.wav` → `take1-2.wav`, `take1-3.wav`, …) and reports it in `.path`.
"""
from __future__ import annotations

import errno
import json
import os
import queue
import struct
import threading
import time
from pathlib import Path

import numpy as np

from .paths import SessionError, data_dir
from .snapshot import write_json_atomic

__all__ = ["Recorder", "repair_wav", "repair_interrupted_recordings", "free_path"]

HEADER_INTERVAL_S = 0.5
MAX_QUEUED_BLOCKS = 4096          # ~22 s at 256 frames / 48 kHz before blocks are dropped
_STOP = object()
IN_PROGRESS_NAME = "recordings-in-progress.json"
_in_progress_lock = threading.Lock()

_WAVE_FORMAT_IEEE_FLOAT = 3
MAX_DATA_BYTES = 0xFFFFFFFF - 128  # a RIFF size is 32 bits (~6 h of 48 kHz mono)


def free_path(path: Path) -> Path:
    """`path` if nothing is there, else the first free `stem-N.suffix` (N = 2, 3, …)."""
    if not path.exists():
        return path
    n = 2
    while (candidate := path.with_name(f"{path.stem}-{n}{path.suffix}")).exists():
        n += 1
    return candidate


def header_bytes(channels: int) -> int:
    """RIFF(12) + fmt(8+16) + fact(8+4) + PEAK(8+8+8 per channel) + data(8)."""
    return 72 + 8 * channels


def wav_header(sample_rate: int, channels: int, frames: int, peaks=None) -> bytes:
    """The header of a float32 WAV holding `frames` frames; `peaks` [(value, frame)] per channel.

    The PEAK chunk's timestamp is 0, not the clock: the bytes depend on the samples alone, so a
    render and a live recording of one script are identical files."""
    frame_bytes = 4 * channels
    data_bytes = frames * frame_bytes
    fmt = struct.pack("<HHIIHH", _WAVE_FORMAT_IEEE_FLOAT, channels, sample_rate,
                      sample_rate * frame_bytes, frame_bytes, 32)
    peak = struct.pack("<II", 1, 0) + b"".join(
        struct.pack("<fI", value, position) for value, position in (peaks or [(0.0, 0)] * channels))
    return b"".join([
        b"RIFF", struct.pack("<I", header_bytes(channels) - 8 + data_bytes), b"WAVE",
        b"fmt ", struct.pack("<I", len(fmt)), fmt,
        b"fact", struct.pack("<I", 4), struct.pack("<I", frames),
        b"PEAK", struct.pack("<I", len(peak)), peak,
        b"data", struct.pack("<I", data_bytes),
    ])


def write_wav(path: Path, audio: np.ndarray, sample_rate: int) -> None:
    """A float32 WAV of `audio` ((frames,) mono or (frames, channels)); bytes that depend on the samples alone."""
    samples = np.ascontiguousarray(audio, dtype="<f4")
    frames = samples.reshape(len(samples), -1)
    magnitude = np.abs(frames)
    where = magnitude.argmax(axis=0) if len(frames) else np.zeros(frames.shape[1], dtype=int)
    peaks = [(float(magnitude[i, c]) if len(frames) else 0.0, int(i)) for c, i in enumerate(where)]
    with open(path, "wb") as file:
        file.write(wav_header(sample_rate, frames.shape[1], len(frames), peaks))
        file.write(samples.tobytes())


class Recorder:
    """A WAV writer fed block by block from the audio side; see the module docstring."""

    def __init__(self, path, sample_rate: int, channels: int = 1, overwrite: bool = False):
        requested = Path(path).expanduser().absolute()
        self.path = requested if overwrite else free_path(requested)
        self.sample_rate = sample_rate
        self.channels = channels
        self.error: str | None = None
        self.frames_written = 0
        self.dropped_blocks = 0
        self._frame_bytes = 4 * channels
        self._data_bytes = 0
        self._header_bytes = header_bytes(channels)
        self._peaks = [(0.0, 0)] * channels
        self._queue: queue.Queue = queue.Queue(maxsize=MAX_QUEUED_BLOCKS)
        self._file = None
        self._thread: threading.Thread | None = None
        try:
            _make_folder(self.path.parent)
            self._file = self._create(overwrite)
            self._file.write(wav_header(sample_rate, channels, 0, self._peaks))
        except OSError as err:
            self.error = f"cannot record to {self.path}: {_reason(err, self.path)}"
            self._close_file()
            return
        _mark_in_progress(self.path, True)
        self._thread = threading.Thread(target=self._write_loop, name="chronus-recorder", daemon=True)
        self._thread.start()

    def _create(self, overwrite: bool):
        """Open the file unbuffered (errors show at the write that fails), never replacing one
        that appeared since `free_path` looked unless `overwrite`."""
        while True:
            try:
                return open(self.path, "wb" if overwrite else "xb", buffering=0)
            except FileExistsError:
                if self.path.is_dir():
                    raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(self.path)) from None
                self.path = free_path(self.path)

    @property
    def recording(self) -> bool:
        return self._thread is not None and self.error is None

    def write(self, block: np.ndarray) -> None:
        """Queue a copy of one block ((n,) mono or (n, channels)); never blocks, never raises."""
        if not self.recording:
            return
        try:
            self._queue.put_nowait(np.array(block, dtype=np.float32, copy=True))
        except queue.Full:
            self.dropped_blocks += 1

    def close(self) -> None:
        """Write what is queued, finish the header and close the file (safe to call twice)."""
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join()
            self._thread = None
        if self._file is not None:
            _mark_in_progress(self.path, False)
        self._close_file()

    def _close_file(self) -> None:
        if self._file is not None:
            try:
                self._file.close()
            except OSError as err:
                self.error = self.error or f"recording to {self.path} failed: {_reason(err, self.path)}"
            self._file = None

    def __enter__(self) -> "Recorder":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writer thread -------------------------------------------------------
    def _write_loop(self) -> None:
        last_header = time.monotonic()
        while True:
            batch, stop = self._next_batch()
            for block in batch:
                if self.error is None:
                    self._write(block)
            if self.error is None and (stop or time.monotonic() - last_header >= HEADER_INTERVAL_S):
                try:
                    self._update_header()
                except OSError as err:
                    self._fail(err)
                last_header = time.monotonic()
            if stop:
                return

    def _next_batch(self) -> tuple[list[np.ndarray], bool]:
        """Wait up to one header interval for a block, then take everything queued."""
        batch = []
        try:
            item = self._queue.get(timeout=HEADER_INTERVAL_S)
            while True:
                if item is _STOP:
                    return batch, True
                batch.append(item)
                item = self._queue.get_nowait()
        except queue.Empty:
            return batch, False

    def _write(self, frames: np.ndarray) -> None:
        """One block per call; after a failure `frames_written` is exact to the block."""
        data = memoryview(np.ascontiguousarray(frames, dtype="<f4").tobytes())
        if self._data_bytes + len(data) > MAX_DATA_BYTES:
            self._stop_with("the WAV format's 4 GB limit is reached")
            return
        done = 0
        try:
            while done < len(data):
                done += self._file.write(data[done:]) or 0
        except OSError as err:
            self._fail(err)
            return
        self._note_peaks(frames)
        self._data_bytes += len(data)
        self.frames_written = self._data_bytes // self._frame_bytes

    def _note_peaks(self, frames: np.ndarray) -> None:
        magnitude = np.abs(np.asarray(frames, dtype=np.float32).reshape(-1, self.channels))
        if not len(magnitude):
            return
        where = magnitude.argmax(axis=0)
        for channel, index in enumerate(where):
            value = float(magnitude[index, channel])
            if value > self._peaks[channel][0]:
                self._peaks[channel] = (value, self.frames_written + int(index))

    def _update_header(self) -> None:
        """Make the header match the data on disk (one write at offset 0; the write position stays)."""
        header = wav_header(self.sample_rate, self.channels, self.frames_written, self._peaks)
        os.pwrite(self._file.fileno(), header, 0)

    def _fail(self, err: OSError) -> None:
        self._stop_with(_reason(err, self.path))

    def _stop_with(self, reason: str) -> None:
        """End the recording: keep the whole blocks written so far as a valid WAV, one line in `.error`."""
        seconds = self.frames_written / self.sample_rate
        self.error = f"recording to {self.path} stopped after {seconds:.1f} s: {reason} (the file so far is kept)"
        try:
            os.ftruncate(self._file.fileno(), self._header_bytes + self._data_bytes)   # a torn last block
            self._update_header()
        except OSError:
            pass                                  # repair_wav fixes the sizes at the next start


def _make_folder(folder: Path) -> None:
    """mkdir -p, with a readable error when something on the way is a file."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in [folder, *folder.parents] if p.exists() and not p.is_dir()), folder)
        raise NotADirectoryError(errno.ENOTDIR, f"{blocker} is a file, not a folder") from None


def _in_progress_file() -> Path:
    return data_dir() / IN_PROGRESS_NAME


def _read_in_progress() -> list[str]:
    try:
        paths = json.loads(_in_progress_file().read_text(encoding="utf-8"))
        return [p for p in paths if isinstance(p, str)] if isinstance(paths, list) else []
    except (OSError, ValueError):
        return []


def _mark_in_progress(path: Path, recording: bool) -> None:
    """Add or remove a file in the in-progress list; best effort, never stops a recording."""
    with _in_progress_lock:
        paths = [p for p in _read_in_progress() if p != str(path.resolve())]
        if recording:
            paths.append(str(path.resolve()))
        try:
            write_json_atomic(_in_progress_file(), paths)
        except SessionError:
            pass


def repair_interrupted_recordings() -> list[str]:
    """Repair the WAVs a crashed run was still writing; one line per file for the user."""
    report = []
    for name in _read_in_progress():
        path = Path(name)
        try:
            frames = repair_wav(path)
            if frames is not None:
                report.append(f"repaired {path} from an interrupted recording ({frames} frames)")
        except (OSError, ValueError) as err:
            report.append(f"cannot repair {path}: {_reason(err, path)}")
        _mark_in_progress(path, False)
    return report


def _reason(err: Exception, path: Path) -> str:
    """A short human reason: 'disk full' for ENOSPC, else the system's own words."""
    code = getattr(err, "errno", None)
    if code == errno.ENOSPC:
        return "disk full"
    if code == errno.EDQUOT:
        return "disk quota exceeded"
    if code == errno.EFBIG:
        return "file too large (the file system's or the process's size limit)"
    if code == errno.ENOENT and path.parent.is_dir():
        return f"{path.parent} does not accept new files"
    text = getattr(err, "strerror", None) or str(err) or type(err).__name__
    return text.strip().splitlines()[0]


def repair_wav(path) -> int | None:
    """Fix the RIFF, fact and data sizes of a WAV cut short by a crash; return its frame count.

    Returns None when the header was already right. Only sizes are rewritten, never samples;
    a trailing partial frame is cut off.
    """
    path = Path(path)
    with open(path, "r+b") as wav:
        head = wav.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise ValueError(f"{path} is not a WAV file")
        file_size = os.fstat(wav.fileno()).st_size
        frame_bytes = fact_at = None
        while True:
            chunk_at = wav.tell()
            chunk = wav.read(8)
            if len(chunk) < 8:
                raise ValueError(f"{path} has no data chunk")
            chunk_id, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
            if chunk_id == b"fmt ":
                frame_bytes = struct.unpack("<HHIIH", wav.read(14))[4]    # block align
                wav.seek(chunk_at + 8 + size + (size & 1))
            elif chunk_id == b"fact":
                fact_at = chunk_at + 8
                wav.seek(fact_at + size + (size & 1))
            elif chunk_id == b"data":
                break
            else:
                wav.seek(chunk_at + 8 + size + (size & 1))
        if not frame_bytes:
            raise ValueError(f"{path} has no fmt chunk before its data")
        data_at = chunk_at + 8
        frames = (file_size - data_at) // frame_bytes
        data_size = frames * frame_bytes
        if size == data_size and struct.unpack("<I", head[4:8])[0] == data_at + data_size - 8:
            return None
        wav.truncate(data_at + data_size)
        wav.seek(4)
        wav.write(struct.pack("<I", data_at + data_size - 8))
        wav.seek(chunk_at + 4)
        wav.write(struct.pack("<I", data_size))
        if fact_at is not None:
            wav.seek(fact_at)
            wav.write(struct.pack("<I", frames))
    return frames
