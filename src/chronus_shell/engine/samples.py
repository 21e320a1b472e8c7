"""Sample files: decode (soundfile), band-limited resampling to the engine rate, a content hash,
onsets, and the per-process table of loaded samples that sampler modules play from.

A sample is named in messages by its *reference* `"<absolute path>#<content hash>"`, so a session
saves both and a changed file is noticed. Decoding happens only where a file may be read — the
shell's loader thread (supervisor/samples.py) or an offline render before it starts — never in a
slot: slots receive the decoded frames through shared memory and `register` them between blocks.
Frames keep the file's channels (a stereo engine can use them as they are); the engine renders
mono today and mixes them down once, at registration.
"""
from __future__ import annotations

import hashlib
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..paths import data_dir

MAX_DECODED_BYTES = 512 * 2**20   # float32 frames held in memory; longer files are refused, not streamed
SINC_ZEROS = 24                   # taps each side of the band-limited interpolation kernel
KAISER_BETA = 8.6                 # ~ -90 dB stop band
ONSET_HOP = 256
ONSET_MIN_GAP_S = 0.05
EXTENSIONS = (".wav", ".flac", ".aif", ".aiff", ".ogg")


class SampleError(ValueError):
    """A sample that cannot be used; the text is one line for the user (nothing changed)."""


@dataclass(eq=False)
class SampleData:
    """Decoded frames (n, channels) float32 at the engine rate, and what was learnt at load."""

    ref: str
    frames: np.ndarray
    source_rate: int
    onsets: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    mono: np.ndarray = field(init=False, repr=False)

    def __post_init__(self):
        self.mono = self.frames.mean(axis=1, dtype=np.float64) if self.frames.shape[1] > 1 \
            else self.frames[:, 0].astype(np.float64)

    @property
    def length(self) -> int:
        return len(self.frames)

    def __reduce__(self):
        # an engine snapshot (a new standby) names its samples; the receiving slot already has them
        return (registered, (self.ref,))


#: ref → SampleData for this process (the shell, an offline render, or one slot).
SAMPLES: dict[str, SampleData] = {}


def registered(ref: str) -> SampleData:
    try:
        return SAMPLES[ref]
    except KeyError:
        raise SampleError(f"sample {split_ref(ref)[0]} is not loaded") from None


def register(data: SampleData) -> SampleData:
    SAMPLES[data.ref] = data
    return data


def split_ref(ref: str) -> tuple[str, str]:
    """'/x/amen.wav#3fa2…' → ('/x/amen.wav', '3fa2…'); a bare path has no hash ('')."""
    path, sep, digest = str(ref).rpartition("#")
    return (path, digest) if sep and len(digest) == 16 else (str(ref), "")


def content_hash(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha1").hexdigest()[:16]


def find_sample(name: str, folder: Path | None) -> Path:
    """A path as given (~ expanded), else the same name in the samples folder, with or without an
    extension; SampleError naming the folder when there is none."""
    given = Path(name).expanduser()
    candidates = [given] + ([folder / name] if folder is not None and not given.is_absolute() else [])
    if not given.suffix and folder is not None:
        candidates += [folder / f"{name}{ext}" for ext in EXTENSIONS]
    for candidate in candidates:
        if candidate.is_file():
            return candidate.resolve()
    where = f" (nor in the samples folder {folder})" if folder is not None else ""
    raise SampleError(f"no sample file {name}{where}")


def samples_folder() -> Path:
    """The user's samples folder: `--samples DIR` (CHRONUS_SAMPLES) or `<data dir>/samples`; created."""
    override = os.environ.get("CHRONUS_SAMPLES")
    if override:
        folder = Path(override).expanduser()
    else:
        folder = data_dir() / "samples"
    folder.mkdir(parents=True, exist_ok=True)
    return folder.resolve()


def usable_file(value: str, sample_rate: int, folder: Path | None = None) -> Path:
    """The file a sample names, or SampleError (one line) for one that could never load — no such
    file, not sound, too big — told from the file system and the header alone (no decode): the
    shell refuses such a message at once, so nothing of its line stays (a sampler with no sample)."""
    found = find_sample(split_ref(value)[0], samples_folder() if folder is None else folder)
    probe(found, sample_rate)            # from the header, before the whole file is read to hash it
    return found


def resolve(value: str, sample_rate: int, folder: Path | None = None) -> tuple[str, str | None]:
    """A sample named in a message (a name, a path, or a saved `path#hash`) → its registered
    reference, decoding it unless that content is loaded already, and a line to tell when the
    file changed since it was saved. Runs where files may be read (the shell's loader thread, an
    offline render, a session load); SampleError (one line) if it can't."""
    if value in ("", "none"):
        return value, None
    saved_hash = split_ref(value)[1]
    found = usable_file(value, sample_rate, folder)
    try:
        fresh_hash = content_hash(found)
    except OSError as err:
        raise SampleError(f"cannot read {found.name}: {err.strerror or err}") from None
    ref = f"{found}#{fresh_hash}"
    if ref not in SAMPLES:
        ref = register(load_sample(found, sample_rate, fresh_hash)).ref
    changed = None
    if saved_hash and saved_hash != fresh_hash:
        changed = f"{found.name} changed since it was saved (content {saved_hash} → {fresh_hash}): playing it as it is now"
    return ref, changed


def sample_message(msg) -> bool:
    """`/mod/<id>/sample <something>`."""
    parts = msg.parts
    return len(parts) == 3 and parts[0] == "mod" and parts[2] == "sample" and len(msg.args) == 1


def names_a_sample(msg) -> bool:
    """A `/mod/<id>/sample` message whose sample is not loaded yet in this process."""
    return sample_message(msg) and str(msg.args[0]) not in SAMPLES and str(msg.args[0]) not in ("", "none")


def resolve_messages(messages, sample_rate: int, say=lambda line: None) -> list:
    """The messages with every sample they name loaded (again if its file changed) and named by
    reference: a script before an offline render or a run, a session load; SampleError (one line)
    when one can't be loaded."""
    from ..protocol.message import Message

    ready = []
    for msg in messages:
        if sample_message(msg) and str(msg.args[0]) not in ("", "none"):
            ref, changed = resolve(str(msg.args[0]), sample_rate)
            if changed:
                say(changed)
            msg = Message(msg.address, (ref,))
        ready.append(msg)
    return ready


def sample_names(folder: Path | None) -> list[str]:
    """The sample files in the folder (its subfolders too), as names relative to it: Tab completion."""
    if folder is None or not folder.is_dir():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.suffix.lower() in EXTENSIONS)


def probe(path: Path, sample_rate: int) -> None:
    """SampleError (one line) for a file that is not sound or holds too much to keep in memory,
    told from its header alone: a refused file is never read whole (hashing 500 MB took a core
    for seconds while the music played)."""
    import soundfile

    try:
        info = soundfile.info(str(path))
    except (RuntimeError, OSError, soundfile.LibsndfileError) as err:
        raise SampleError(f"{path.name} is not a sound file soundfile can read ({_reason(err)})") from None
    if info.frames <= 0:
        raise SampleError(f"{path.name} holds no audio")
    decoded = info.frames * max(1, math.ceil(sample_rate / info.samplerate)) * info.channels * 4
    if decoded > MAX_DECODED_BYTES:
        minutes = MAX_DECODED_BYTES / (4 * 2 * sample_rate * 60)
        raise SampleError(f"{path.name} is {decoded / 2**20:.0f} MB decoded: samples are held in memory "
                          f"up to {MAX_DECODED_BYTES // 2**20} MB (about {minutes:.0f} min of stereo); "
                          "it was not loaded")


def load_sample(path: Path, sample_rate: int, digest: str | None = None) -> SampleData:
    """Decode, resample to `sample_rate`, hash (unless the caller has: `digest`) and find onsets;
    SampleError (one line) if it can't."""
    import soundfile

    probe(path, sample_rate)
    try:
        frames, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    except (RuntimeError, OSError, soundfile.LibsndfileError) as err:
        raise SampleError(f"{path.name} could not be decoded ({_reason(err)})") from None
    if rate != sample_rate:
        frames = resample(frames, rate, sample_rate)
    frames = np.ascontiguousarray(np.nan_to_num(frames, nan=0.0, posinf=0.0, neginf=0.0), dtype=np.float32)
    ref = f"{path}#{digest or content_hash(path)}"
    data = SampleData(ref, frames, int(rate))
    data.onsets = detect_onsets(data.mono, sample_rate)
    return data


def _reason(err: Exception) -> str:
    return str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__


def resample(frames: np.ndarray, source_rate: int, target_rate: int, chunk: int = 32768) -> np.ndarray:
    """Band-limited resampling (Kaiser-windowed sinc, cut-off below the lower Nyquist), per channel."""
    ratio = target_rate / source_rate
    cutoff = min(1.0, ratio)
    count = int(round(len(frames) * ratio))
    reach = int(math.ceil(SINC_ZEROS / cutoff))
    taps = np.arange(-reach + 1, reach + 1)
    padded = np.concatenate([np.zeros((reach, frames.shape[1]), np.float32), frames,
                             np.zeros((reach + 1, frames.shape[1]), np.float32)])
    out = np.empty((count, frames.shape[1]), dtype=np.float32)
    window_norm = np.i0(KAISER_BETA)
    for begin in range(0, count, chunk):
        where = np.arange(begin, min(count, begin + chunk)) / ratio
        base = np.floor(where).astype(np.int64)
        offset = (base[:, None] + taps[None, :]) - where[:, None]          # tap time − wanted time
        x = np.clip(offset / reach, -1.0, 1.0)
        kernel = cutoff * np.sinc(cutoff * offset) * np.i0(KAISER_BETA * np.sqrt(1.0 - x * x)) / window_norm
        rows = padded[base[:, None] + taps[None, :] + reach]                # (chunk, taps, channels)
        out[begin:begin + len(where)] = np.einsum("ct,ctk->ck", kernel, rows)
    return out


def detect_onsets(mono: np.ndarray, sample_rate: int) -> np.ndarray:
    """Frame indices where the level jumps (rectified energy flux, adaptive threshold), first at 0."""
    hops = len(mono) // ONSET_HOP
    if hops < 3:
        return np.zeros(1, dtype=np.int64)
    energy = np.sqrt((mono[:hops * ONSET_HOP].reshape(hops, ONSET_HOP) ** 2).mean(axis=1)) + 1e-9
    level = 20.0 * np.log10(energy)
    flux = np.maximum(0.0, np.diff(level, prepend=level[0]))
    threshold = 6.0 + np.median(flux)
    gap = max(1, int(ONSET_MIN_GAP_S * sample_rate / ONSET_HOP))
    onsets, last = [0], -gap
    for hop in np.flatnonzero((flux > threshold) & (level > level.max() - 50.0)):
        if hop - last >= gap and hop > 0:
            start = max(0, (hop - 1) * ONSET_HOP)
            segment = np.abs(mono[start:(hop + 1) * ONSET_HOP])
            first = start + int(np.argmax(segment > 0.5 * segment.max()))  # the attack inside the hop
            if first - onsets[-1] >= gap * ONSET_HOP:
                onsets.append(first)
            last = hop
    return np.array(onsets, dtype=np.int64)


__all__ = ["SampleData", "SampleError", "SAMPLES", "register", "registered", "split_ref", "load_sample",
           "find_sample", "usable_file", "sample_names", "names_a_sample", "sample_message", "resolve_messages", "samples_folder", "resolve", "resample", "detect_onsets", "content_hash",
           "probe"]
