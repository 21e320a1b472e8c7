"""The OSC server: real UDP packets from outside clients → canonical Messages → `submit`.

Every packet is decoded with python-osc, checked against the address table and handed to
`submit(msg, at_sample)` (the supervisor's entry point, the same one the REPL uses), which
returns None, an error text, or an outcome with `.ok`/`.text` (a refused one is an error).
Bundle timetags become a target sample through `clock(unix_seconds) -> sample` (the
supervisor's `sample_at`); an immediate timetag, a plain message or a missing clock means
"now" (`at_sample=None`). Timetags are read from the raw 64-bit NTP value (not python-osc's
float), and when `sample_rate` is given every timetag of one datagram is placed relative to
the first one's sample, so nested bundles keep their exact spacing however the clock moves
between two calls. We do not let python-osc's dispatcher handle bundles: it sleeps until
each timetag, whereas the engine wants the stamp at once to apply it at the exact sample.

Replies go back to the sender's address, from the server's port: `/error <text>` for anything
rejected, and `<address> <json>` for the queries (`/engine/status`, `/session/list`) answered
by `query(msg)` (`/engine/status` also carries the server's own counts under "osc"). Malformed
datagrams are counted in `.malformed` and dropped: nothing a client sends can stop the server.
What it drops or refuses is said through `report(line)`, at most one line a second per kind, so
a flood (a port scan, a misconfigured controller) cannot bury the prompt. A timetag more than
`MAX_AHEAD_S` ahead is refused. It binds 127.0.0.1 unless told otherwise.

`OscServer.for_supervisor(supervisor, ...)` wires all of that to a Supervisor.
"""
from __future__ import annotations

import contextlib
import json
import logging
import socket
import struct
import threading
import time
from collections import Counter
from typing import Callable

from pythonosc.osc_bundle import OscBundle
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.parsing import osc_types

from .addresses import QUERIES, ProtocolError, canonical
from .message import Message

__all__ = ["OscServer", "decode_packet", "supervisor_handlers"]

log = logging.getLogger("chronus.osc")

Submit = Callable[[Message, "int | None"], object]
Clock = Callable[[float], int]            # unix seconds (time.time()) → sample
Query = Callable[[Message], object]
Accepted = Callable[[Message, float], None]   # (message, seconds until it plays)
Vet = Callable[[Message], Message]            # the message to send, or raise with the refusal
_MAX_DATAGRAM = 65536
_NTP_UNIX_OFFSET = 2208988800             # seconds from 1900-01-01 (NTP) to 1970-01-01 (unix)
_IMMEDIATELY = 1                          # the OSC timetag 0x0000000000000001
_READABLE_TAGS = frozenset("ifdsbhtmrTFN[]")   # the type tags python-osc decodes
MAX_BUNDLE_DEPTH = 8                      # nested bundles; deeper is an attack, not a score
MAX_AHEAD_S = 600.0                       # a timetag further ahead is a wrong clock, not a plan
REPORT_INTERVAL_S = 1.0


class _Reporter:
    """`report` at most once per interval and kind; what was held back is summed up in the next
    line of that kind, or by `flush()` (called while the socket is idle) once the interval is over."""

    def __init__(self, report: Callable[[str], None], interval: float = REPORT_INTERVAL_S):
        self.report = report
        self.interval = interval
        self._last: dict[str, float] = {}
        self._held: Counter = Counter()

    def __call__(self, kind: str, line: str) -> None:
        now = time.monotonic()
        if now - self._last.get(kind, -self.interval) < self.interval:
            self._held[kind] += 1
            return
        held, self._held[kind] = self._held[kind], 0
        self._last[kind] = now
        self.report(line + (f" (and {held} more {kind} before it)" if held else ""))

    def flush(self) -> None:
        now = time.monotonic()
        for kind, held in list(self._held.items()):
            if held and now - self._last.get(kind, 0.0) >= self.interval:
                self._held[kind], self._last[kind] = 0, now
                self.report(f"OSC: {held} more {kind}")


def decode_packet(data: bytes) -> list[tuple[float | None, OscMessage]]:
    """(unix seconds or None for "now", message) for every message in a datagram, in order.

    Raises ValueError for anything that is not a well-formed OSC message or bundle.
    """
    try:
        if OscBundle.dgram_is_bundle(data):
            _check_bundle_layout(data)
            timed = _bundle_messages(OscBundle(data))
        elif OscMessage.dgram_is_message(data):
            timed = [(None, OscMessage(data))]
        else:
            raise ValueError("not an OSC packet")
        for _, osc in timed:
            _check_complete(osc)
    except ValueError:
        raise
    except Exception as err:                     # python-osc raises several kinds on bad bytes
        cause = err.args[-1] if err.args and isinstance(err.args[-1], Exception) else err
        raise ValueError(f"malformed OSC packet: {_one_line(cause)}") from None
    return timed


def _check_bundle_layout(data: bytes) -> None:
    """Every element of a bundle (nested too) must fit: python-osc would read a short one silently.

    Walked with offsets, never slices, and at most MAX_BUNDLE_DEPTH bundles deep, before python-osc
    (which recurses and copies at each level) sees it: a 64 KB datagram of 3,000 nested bundles
    once cost the shell hundreds of MB and seconds per packet."""
    if len(data) < 16:
        raise ValueError("malformed OSC packet: a bundle cut inside its timetag")
    stack = [(16, len(data), 1)]                 # (first element, end, depth) of each bundle
    while stack:
        index, end, depth = stack.pop()
        if depth > MAX_BUNDLE_DEPTH:
            raise ValueError(f"malformed OSC packet: bundles nested more than {MAX_BUNDLE_DEPTH} deep")
        while index < end:
            if index + 4 > end:
                raise ValueError("malformed OSC packet: a bundle element cut inside its size")
            (size,) = struct.unpack_from(">i", data, index)
            index += 4
            if size <= 0 or size % 4 or index + size > end:
                raise ValueError(f"malformed OSC packet: a bundle element of {size} bytes where "
                                 f"{end - index} are left")
            if data.startswith(b"#bundle\0", index):
                if size < 16:
                    raise ValueError("malformed OSC packet: a bundle cut inside its timetag")
                stack.append((index + 16, index + size, depth + 1))
            index += size


def _type_tags(osc: OscMessage) -> str:
    dgram = osc.dgram
    return osc_types.get_string(dgram, osc_types.get_string(dgram, 0)[1])[0]


def _check_complete(osc: OscMessage) -> None:
    """Refuse a message whose last argument is missing.

    python-osc pads a short final number with zero bytes (Reaktor drops trailing zero bytes),
    so a truncated packet would otherwise arrive as a 0. We rebuild the message from its type
    tags: up to 3 missing zero bytes are tolerated, a whole missing argument is not.
    """
    dgram = osc.dgram
    tags = _type_tags(osc)
    if "[" in tags or set(tags.lstrip(",")) - _READABLE_TAGS:
        return                                   # refused later as a wrong argument
    builder = OscMessageBuilder(osc.address)
    for arg, tag in zip(osc.params, tags.lstrip(",")):
        builder.add_arg(arg, tag)
    missing = len(builder.build().dgram) - len(dgram)
    if missing >= 4:
        raise ValueError(f"malformed OSC packet: {osc.address} is missing {missing // 4} argument bytes")


def timetag_seconds(raw: bytes) -> float | None:
    """An 8-byte OSC timetag as unix seconds (None for "immediately"), full 32-bit fraction."""
    (tag,) = struct.unpack(">Q", raw)
    if tag == _IMMEDIATELY:
        return None
    return ((tag >> 32) - _NTP_UNIX_OFFSET) + (tag & 0xFFFFFFFF) / 2.0 ** 32


def _bundle_messages(bundle: OscBundle) -> list[tuple[float | None, OscMessage]]:
    when = timetag_seconds(bundle.dgram[8:16])
    timed = []
    for content in bundle:
        if isinstance(content, OscBundle):
            timed.extend(_bundle_messages(content))
        else:
            timed.append((when, content))
    return timed


def to_message(osc: OscMessage) -> Message:
    """An OSC message as our Message: int/float/str args (bools as 0/1), nothing else."""
    unreadable = "".join(sorted(set(_type_tags(osc).lstrip(",")) - _READABLE_TAGS))
    if unreadable:                               # python-osc skips these, shifting the arguments
        raise ProtocolError(f"{osc.address}: OSC type '{unreadable}' is not supported "
                            "(send numbers as i, f or d and text as s)")
    args = []
    for arg in osc.params:
        if isinstance(arg, bool):
            args.append(int(arg))
        elif isinstance(arg, (int, float, str)):
            args.append(arg)
        else:
            raise ProtocolError(f"{osc.address}: argument {arg!r} is not a number or text")
    return canonical(Message(osc.address, tuple(args)))


class OscServer:
    """A UDP OSC server in a daemon thread; `.start()` binds (port 0 picks a free one), `.stop()`."""

    def __init__(self, submit: Submit, host: str = "127.0.0.1", port: int = 5005,
                 clock: Clock | None = None, query: Query | None = None, sample_rate: int | None = None,
                 report: Callable[[str], None] = log.warning, pace=None):
        self.submit = submit
        self.pace = pace   # `pace.handling(size)` around each datagram: supervisor/osc_realtime.py
        self._report = _Reporter(report)
        self.host = host
        self.port = port
        self.clock = clock
        self.query = query
        self.sample_rate = sample_rate
        self.received = 0                        # messages decoded (a bundle counts each one)
        self.malformed = 0                       # datagrams dropped as not OSC
        self.rejected = 0                        # messages answered with /error
        self.datagrams = 0                       # datagrams fully handled (counted last)
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._running = threading.Event()

    @classmethod
    def for_supervisor(cls, supervisor, host: str = "127.0.0.1", port: int = 5005,
                       accepted: Accepted | None = None, report: Callable[[str], None] = log.warning,
                       vet: Vet | None = None) -> "OscServer":
        """A server (not started) that feeds `supervisor` and replies from it; see `supervisor_handlers`."""
        submit, query = supervisor_handlers(supervisor, accepted, vet)
        return cls(submit, host, port, clock=supervisor.sample_at, query=query,
                   sample_rate=supervisor.config.sample_rate, report=report, pace=getattr(supervisor, "osc_pace", None))

    def counts(self) -> dict:
        """What the server has seen, for `/engine/status`."""
        return {"received": self.received, "malformed": self.malformed, "rejected": self.rejected,
                "datagrams": self.datagrams}

    def start(self) -> "OscServer":
        """Bind and start serving; raises OSError with a readable text if the port is taken."""
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_DGRAM)
        try:
            sock.bind((self.host, self.port))
        except OSError as err:
            sock.close()
            raise OSError(f"cannot start the OSC server on {self.host}:{self.port}: {err.strerror}") from None
        sock.settimeout(0.1)
        self._socket = sock
        self.port = sock.getsockname()[1]
        self._running.set()
        self._thread = threading.Thread(target=self._serve, name="chronus-osc", daemon=True)
        self._thread.start()
        log.info("OSC server listening on %s:%d", self.host, self.port)
        return self

    def stop(self) -> None:
        self._running.clear()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None

    def __enter__(self) -> "OscServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _serve(self) -> None:
        while self._running.is_set():
            try:
                data, sender = self._socket.recvfrom(_MAX_DATAGRAM)
            except socket.timeout:
                self._report.flush()
                continue
            except OSError:                      # e.g. ICMP port unreachable from a reply on Windows
                continue
            with self.pace.handling(len(data)) if self.pace is not None else contextlib.nullcontext():
                self.handle_datagram(data, sender)

    def handle_datagram(self, data: bytes, sender) -> None:
        """Decode one datagram and submit its messages; never raises."""
        try:
            self._handle_datagram(data, sender)
        finally:
            self.datagrams += 1

    def _handle_datagram(self, data: bytes, sender) -> None:
        try:
            timed = decode_packet(data)
        except ValueError as err:
            self.malformed += 1
            self._report("malformed packets dropped", f"OSC from {sender[0]}:{sender[1]} dropped: {err}")
            return
        anchor: list = []                        # (unix seconds, sample) of this datagram's first timetag
        for when, osc in timed:
            self.received += 1
            try:
                self._handle(to_message(osc), when, sender, anchor)
            except Exception as err:             # a bad submit or query must not stop the server
                self._reply_error(sender, _one_line(err))

    def _handle(self, msg: Message, when: float | None, sender, anchor: list) -> None:
        if msg.address in QUERIES:
            if self.query is None:
                raise ProtocolError(f"{msg.address}: no answer available in this shell")
            answer = self.query(msg)
            if msg.address == "/engine/status" and isinstance(answer, dict):
                answer = {**answer, "osc": self.counts()}
            self._reply(sender, msg.address, json.dumps(answer, sort_keys=True, default=str))
            return
        error = _refusal(self.submit(msg, self._sample_of(when, anchor)))
        if error:
            self._reply_error(sender, error)

    def _sample_of(self, when: float | None, anchor: list) -> int | None:
        """The target sample of a timetag; later timetags of a datagram are placed from its first."""
        if when is None or self.clock is None:
            return None
        if when - time.time() > MAX_AHEAD_S:
            raise ProtocolError(f"timetag {when - time.time():.0f} s ahead: at most {MAX_AHEAD_S:.0f} s "
                                "(is the sender's clock right?)")
        if self.sample_rate is None or not anchor:
            sample = int(self.clock(when))
            anchor[:] = [(when, sample)]
            return sample
        first_when, first_sample = anchor[0]
        return first_sample + round((when - first_when) * self.sample_rate)

    def _reply_error(self, sender, text: str) -> None:
        lines = text.strip().splitlines()
        text = lines[0] if lines else "refused"
        self.rejected += 1
        self._report("messages rejected", f"OSC from {sender[0]}:{sender[1]} rejected: {text}")
        self._reply(sender, "/error", text)

    def _reply(self, sender, address: str, text: str) -> None:
        builder = OscMessageBuilder(address)
        builder.add_arg(text)
        try:
            self._socket.sendto(builder.build().dgram, sender)
        except OSError as err:
            log.warning("cannot reply to %s:%s: %s", sender[0], sender[1], err)


def supervisor_handlers(supervisor, accepted: Accepted | None = None,
                        vet: Vet | None = None) -> tuple[Submit, Query]:
    """`submit` and `query` for a Supervisor: its refusals (exceptions or refused outcomes) become
    the `/error` text; `accepted(msg, seconds)` is called for every message it took, with the time
    until it plays (e.g. to update the REPL's model then, not before); the queries are answered with
    the outcome's data (status dict, session names). `vet(msg)` sees each message first and returns
    it (possibly rewritten) or raises with the refusal (e.g. a file path outside the shell's folders)."""

    def submit(msg: Message, at_sample: int | None) -> str | None:
        try:
            if vet is not None:
                msg = vet(msg)
            outcome = supervisor.send(msg, at=at_sample)
        except Exception as err:                 # noqa: BLE001 — the sender gets the line
            return _one_line(err)
        error = _refusal(outcome)
        if error is None and accepted is not None:
            accepted(msg, _seconds_until(supervisor, at_sample))
        return error

    def query(msg: Message):
        outcome = supervisor.send(msg)
        error = _refusal(outcome)
        if error:
            raise ProtocolError(error)
        return getattr(outcome, "data", outcome)

    return submit, query


def _seconds_until(supervisor, at_sample: int | None) -> float:
    if at_sample is None:
        return 0.0
    playing = supervisor.play_block * supervisor.config.block_size
    return max(0.0, (at_sample - playing) / supervisor.config.sample_rate)


def _refusal(result) -> str | None:
    """The error text of what `submit` returned: a text, a refused outcome (`.ok` False), or None."""
    if result is None:
        return None
    if isinstance(result, str):
        return result or None
    if getattr(result, "ok", True) is False:
        return _one_line(getattr(result, "text", "") or "refused")
    return None


def _one_line(err) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
