"""Samples for the slots: decoded in the shell (a loader thread), handed over in shared memory.

`/mod/<id>/sample <name or path>` is held back until the file is decoded off every audio path,
then each slot (and each spare, and every later worker) attaches the frames *between* blocks
(`("sample", ref, block name, frames, channels)` on its pipe, ahead of the message that uses it),
and only then is the message stamped and fanned out: both slots switch at the same sample and
no slot ever opens a file. A file that cannot be used is one line; the music goes on unchanged.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np

from ..engine.samples import (SAMPLES, SampleData, SampleError, names_a_sample, register, resolve_messages, sample_message,
                              split_ref, usable_file)
from ..protocol.message import Message
from .rings import SharedBlock, shm_name


class SampleShelf:
    """The shell's loaded samples, each in one shared block that every worker attaches."""

    def __init__(self, sample_rate: int, say: Callable[[str], None], workers: Callable[[], list],
                 tell: Callable[[str], None]):
        self.sample_rate = sample_rate
        self.say = say                        # a problem for the user (the supervisor's problems)
        self.tell = tell                      # a line that is not trouble (the supervisor's news)
        self.workers = workers                # the live slots and spares
        self.blocks: dict[str, SharedBlock] = {}
        self.loaders: list[threading.Thread] = []
        self._lock = threading.Lock()

    def load_later(self, msg: Message, send: Callable[[Message], object]) -> str:
        """Decode in a thread, then `send` the message naming the loaded sample; a line for now.
        A file that can't be loaded at all is refused here (SampleError), before anything waits on it."""
        name = split_ref(str(msg.args[0]))[0]
        usable_file(str(msg.args[0]), self.sample_rate)
        loader = threading.Thread(target=self._load, args=(msg, send), name="chronus-sample", daemon=True)
        self.loaders = [t for t in self.loaders if t.is_alive()] + [loader]   # joined before the blocks close
        loader.start()
        return f"loading {name} into {msg.parts[1]}…"

    def _load(self, msg: Message, send) -> None:
        try:
            ready = self.prepare([msg])[0]
            send(ready)
        except Exception as err:  # noqa: BLE001 — one line, the music goes on
            self.say(f"{split_ref(str(msg.args[0]))[0]}: {err}")
            return
        data = SAMPLES[str(ready.args[0])]
        channels = "stereo" if data.frames.shape[1] == 2 else f"{data.frames.shape[1]} channels" \
            if data.frames.shape[1] > 2 else "mono"
        self.tell(f"{msg.parts[1]} plays {split_ref(data.ref)[0]} ({data.length / self.sample_rate:.2f} s, "
                 f"{channels}, {data.source_rate} Hz file)")

    def prepare(self, messages: list[Message]) -> list[Message]:
        """Every sample these messages name decoded and shared (SampleError, one line, if one
        can't be): the messages naming them by reference. Blocks the caller: a session load."""
        ready = resolve_messages(messages, self.sample_rate, self.say)
        for msg in ready:
            if sample_message(msg):
                self.share(str(msg.args[0]))
        return ready

    def share(self, ref: str) -> None:
        """Put a registered sample in a shared block once (its frames then live there)."""
        if ref in self.blocks or ref not in SAMPLES:
            return
        with self._lock:
            data = SAMPLES[ref]
            block = SharedBlock(shm_name(f"smp{len(self.blocks)}"), max(4, data.frames.nbytes))
            view = block.view(np.float32, data.frames.shape)
            view[:] = data.frames
            self.blocks[ref] = block
            for worker in self.workers():
                worker.send(self.offer(ref))

    def offer(self, ref: str) -> tuple:
        data = SAMPLES[ref]
        return ("sample", ref, self.blocks[ref].name, data.frames.shape[0], data.frames.shape[1],
                data.source_rate, data.onsets.tolist())

    def offers(self) -> list[tuple]:
        """What a new worker must attach before it can play (or unpickle) what is loaded."""
        return [self.offer(ref) for ref in self.blocks]

    def close(self) -> None:
        for block in self.blocks.values():
            block.close()
        self.blocks.clear()


def attach_sample(ref: str, block_name: str, frames: int, channels: int, source_rate: int, onsets) -> None:
    """In a slot or spare, between blocks: the shell's decoded frames become playable here."""
    if ref in SAMPLES:
        return
    block = SharedBlock(block_name)
    view = block.view(np.float32, (frames, channels))
    data = SampleData(ref, view, source_rate, np.asarray(onsets, dtype=np.int64))
    data.block = block                       # keeps the mapping alive as long as the sample
    register(data)


__all__ = ["SampleShelf", "attach_sample", "names_a_sample", "SampleError"]
