"""Record the master output to a float32 WAV (stereo) without ever blocking the audio path.

`write()` only copies the block into a queue; a writer thread hands it to libsndfile (soundfile)
and has it rewrite the WAV header every ~0.5 s, so the file stays playable even if the process is
killed (and `repair_wav` fixes the rest on the next start). Errors (unwritable path, disk full)
never raise into the caller: they end the recording and leave one readable line in `.error`,
while the music goes on; after a failed write the file is cut back to the last whole block and
its header matches, so what was recorded stays a valid WAV.

The file is opened here (exclusive create, so a file that appeared meanwhile is never replaced)
and libsndfile writes through that descriptor; its "System error" is turned back into the
system's reason (disk full, quota, size limit). libsndfile's PEAK chunk is left out: it carries
the clock, and a render and a live recording of one script must be the same bytes.

While a file is being recorded its path is listed in `recordings-in-progress.json` in the data
dir, and the recorder holds an OS lock on `recording-<hash of the path>.lock` next to it;
`repair_interrupted_recordings()` at the next start repairs the files whose lock nobody holds
(what a crash left there) and leaves another running shell's recordings alone.

An existing file is never overwritten unless `overwrite=True`: the recorder picks the next free
name instead (`take1.wav` → `take1-2.wav`, `take1-3.wav`, …) and reports it in `.path`.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import queue
import struct
import threading
import time
from pathlib import Path

import numpy as np
import soundfile as sf

from .autosave import FileLock
from .paths import SessionError, data_dir
from .snapshot import write_json_atomic

__all__ = ["Recorder", "repair_wav", "repair_interrupted_recordings", "free_path", "write_wav"]

HEADER_INTERVAL_S = 0.5
MAX_QUEUED_BLOCKS = 4096          # ~22 s at 256 frames / 48 kHz before blocks are dropped
_STOP = object()
IN_PROGRESS_NAME = "recordings-in-progress.json"
IN_PROGRESS_LOCK_NAME = "recordings-in-progress.lock"
LIST_LOCK_WAIT_S = 10.0       # off the audio path; a shell starved on a busy machine may hold it a while
_in_progress_lock = threading.Lock()

MAX_DATA_BYTES = 0xFFFFFFFF - 128  # a RIFF size is 32 bits (~3 h of 48 kHz stereo)
# libsndfile commands soundfile does not wrap (sndfile.h)
SFC_SET_ADD_PEAK_CHUNK, SFC_UPDATE_HEADER_NOW, SF_FALSE = 0x1050, 0x1060, 0


def free_path(path: Path) -> Path:
    """`path` if nothing is there, else the first free `stem-N.suffix` (N = 2, 3, …)."""
    if not path.exists():
        return path
    n = 2
    while (candidate := path.with_name(f"{path.stem}-{n}{path.suffix}")).exists():
        n += 1
    return candidate


def open_wav(fd: int, sample_rate: int, channels: int) -> sf.SoundFile:
    """A float32 WAV written by libsndfile on an open descriptor (which stays ours to close),
    without the PEAK chunk (its timestamp would make the bytes depend on the clock)."""
    wav = sf.SoundFile(fd, "w", sample_rate, channels, "FLOAT", format="WAV", closefd=False)
    sf._snd.sf_command(wav._file, SFC_SET_ADD_PEAK_CHUNK, sf._ffi.NULL, SF_FALSE)
    return wav


def write_wav(path: Path, audio: np.ndarray, sample_rate: int) -> None:
    """A float32 WAV of `audio` ((frames,) mono or (frames, channels)); bytes that depend on the samples alone."""
    frames = np.ascontiguousarray(audio, dtype=np.float32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with open_wav(fd, sample_rate, 1 if frames.ndim == 1 else frames.shape[1]) as wav:
            wav.write(frames)
    except sf.LibsndfileError as err:
        raise OSError(_sndfile_reason(err)) from None
    finally:
        os.close(fd)


class Recorder:
    """A WAV writer fed block by block from the audio side; see the module docstring."""

    def __init__(self, path, sample_rate: int, channels: int = 2, overwrite: bool = False):
        requested = Path(path).expanduser().absolute()
        self.path = requested if overwrite else free_path(requested)
        self.sample_rate = sample_rate
        self.channels = channels
        self.error: str | None = None
        self.frames_written = 0
        self.dropped_blocks = 0
        self._frame_bytes = 4 * channels
        self._queue: queue.Queue = queue.Queue(maxsize=MAX_QUEUED_BLOCKS)
        self._fd: int | None = None
        self._wav: sf.SoundFile | None = None
        self._thread: threading.Thread | None = None
        self._owner: FileLock | None = None
        try:
            _make_folder(self.path.parent)
            self._fd = self._create(overwrite)
            self._wav = open_wav(self._fd, sample_rate, channels)
        except (OSError, sf.LibsndfileError) as err:
            self.error = f"cannot record to {self.path}: {_reason(err, self.path)}"
            self._close_file()
            return
        self._owner = _owner_lock(self.path)
        self._owner.acquire()
        _mark_in_progress(self.path, True)
        self._thread = threading.Thread(target=self._write_loop, name="chronus-recorder", daemon=True)
        self._thread.start()

    def _create(self, overwrite: bool) -> int:
        """Open the file, never replacing one that appeared since `free_path` looked unless `overwrite`."""
        flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0) | (os.O_TRUNC if overwrite else os.O_EXCL)
        while True:
            try:
                return os.open(self.path, flags, 0o666)
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
        if self._fd is not None:
            _mark_in_progress(self.path, False)
        self._close_file()
        if self._owner is not None:
            self._owner.release()

    def _close_file(self) -> None:
        """Finish the header (libsndfile's close) and close the descriptor."""
        wav, fd = self._wav, self._fd
        self._wav = self._fd = None
        try:
            if wav is not None:
                wav.close()
        except (OSError, sf.LibsndfileError) as err:
            self.error = self.error or f"recording to {self.path} failed: {_reason(err, self.path)}"
        if fd is not None:
            try:
                os.close(fd)
            except OSError as err:
                self.error = self.error or f"recording to {self.path} failed: {_reason(err, self.path)}"

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
        frames = frames.reshape(len(frames), -1) if self.channels > 1 else frames
        if (self.frames_written + len(frames)) * self._frame_bytes > MAX_DATA_BYTES:
            self._stop_with("the WAV format's 4 GB limit is reached")
            return
        try:
            self._wav.write(frames)
        except (OSError, sf.LibsndfileError) as err:
            self._fail(err)
            return
        self.frames_written += len(frames)

    def _update_header(self) -> None:
        """Have libsndfile make the header match the data written so far (the file stays playable)."""
        sf._snd.sf_command(self._wav._file, SFC_UPDATE_HEADER_NOW, sf._ffi.NULL, 0)

    def _fail(self, err: Exception) -> None:
        if isinstance(err, sf.LibsndfileError):     # its own text is a bare "System error": ask the file
            err = sf.LibsndfileError(err.code, sf._ffi.string(sf._snd.sf_strerror(self._wav._file)).decode())
        self._stop_with(_reason(err, self.path))

    def _stop_with(self, reason: str) -> None:
        """End the recording: keep the whole blocks written so far as a valid WAV, one line in `.error`."""
        seconds = self.frames_written / self.sample_rate
        self.error = f"recording to {self.path} stopped after {seconds:.1f} s: {reason} (the file so far is kept)"
        try:
            self._wav.truncate(self.frames_written)     # a torn last block; the header follows
        except (OSError, sf.LibsndfileError, RuntimeError):
            pass                                      # repair_wav fixes the sizes at the next start


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
    """Add or remove a file in the in-progress list; best effort, never stops a recording. Two
    shells may record at once: the read-modify-write holds an OS lock (at most LIST_LOCK_WAIT_S)
    so neither drops the other's entry."""
    guard = FileLock(data_dir() / IN_PROGRESS_LOCK_NAME)
    with _in_progress_lock:
        deadline = time.monotonic() + LIST_LOCK_WAIT_S
        while not guard.acquire() and time.monotonic() < deadline:
            time.sleep(0.002)
        try:
            paths = [p for p in _read_in_progress() if p != str(path.resolve())]
            if recording:
                paths.append(str(path.resolve()))
            write_json_atomic(_in_progress_file(), paths)
        except SessionError:
            pass
        finally:
            guard.release(remove=False)      # removing it would let a waiter lock a vanished file


def _owner_lock(path: Path) -> FileLock:
    """The lock the recorder of `path` holds while it writes: free once that process is gone."""
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    return FileLock(data_dir() / f"recording-{digest}.lock")


def repair_interrupted_recordings() -> list[str]:
    """Repair the WAVs a crashed run was still writing; one line per file for the user. A file
    whose recorder still runs (another shell's, its lock held) is neither touched nor unlisted."""
    report = []
    for name in _read_in_progress():
        path = Path(name)
        owner = _owner_lock(path)
        if not owner.acquire():
            continue
        try:
            frames = repair_wav(path)
            if frames is not None:
                report.append(f"repaired {path} from an interrupted recording ({frames} frames)")
        except (OSError, ValueError) as err:
            report.append(f"cannot repair {path}: {_reason(err, path)}")
        _mark_in_progress(path, False)
        owner.release()
    return report


_SYSTEM_REASONS = {os.strerror(code).lower(): code for code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)}


def _sndfile_reason(err: Exception) -> str:
    """libsndfile's words for a failed call ('System error : No space left on device.'), as the OS said them."""
    text = " ".join(a for a in err.args if isinstance(a, str)) or getattr(err, "error_string", "") or str(err)
    return text.split(" : ", 1)[-1].strip().rstrip(".") or "write failed"


def _reason(err: Exception, path: Path) -> str:
    """A short human reason: 'disk full' for ENOSPC, else the system's own words."""
    code = getattr(err, "errno", None)
    if isinstance(err, sf.LibsndfileError):
        text = _sndfile_reason(err)
        code = _SYSTEM_REASONS.get(text.lower(), code)
        err = OSError(code, text) if code else OSError(text)
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
