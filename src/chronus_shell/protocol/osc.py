"""The OSC server: real UDP packets from outside clients → canonical Messages → `submit`.

Every packet is decoded with python-osc, checked against the address table and handed to
`submit(msg, at_sample) -> error text | None` (the supervisor's entry point, the same one the
REPL uses). Bundle timetags become a target sample through `clock(ntp_seconds) -> sample`
(provided by the supervisor); an immediate timetag, a plain message or a missing clock means
"now" (`at_sample=None`). We do not let python-osc's dispatcher handle bundles: it sleeps until
each timetag, whereas the engine wants the stamp at once to apply it at the exact sample.

Replies go back to the sender's address, from the server's port: `/error <text>` for anything
rejected, and `<address> <json>` for the queries (`/engine/status`, `/session/list`) answered
by `query(msg)`. Malformed datagrams are counted in `.malformed` and dropped: nothing a client
sends can stop the server. It binds 127.0.0.1 unless told otherwise.
"""
from __future__ import annotations

import json
import logging
import socket
import threading
from typing import Callable

from pythonosc.osc_bundle import OscBundle
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.parsing import ntp, osc_types

from .addresses import ProtocolError, canonical
from .message import Message

__all__ = ["OscServer", "QUERY_ADDRESSES", "decode_packet"]

log = logging.getLogger("chronus.osc")

Submit = Callable[[Message, "int | None"], "str | None"]
Clock = Callable[[float], int]
Query = Callable[[Message], object]
QUERY_ADDRESSES = frozenset({"/engine/status", "/session/list"})
_MAX_DATAGRAM = 65536


def decode_packet(data: bytes) -> list[tuple[float | None, OscMessage]]:
    """(ntp_seconds or None for "now", message) for every message in a datagram, in order.

    Raises ValueError for anything that is not a well-formed OSC message or bundle.
    """
    try:
        if OscBundle.dgram_is_bundle(data):
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
        raise ValueError(f"malformed OSC packet: {err}") from None
    return timed


def _check_complete(osc: OscMessage) -> None:
    """Refuse a message whose last argument is missing.

    python-osc pads a short final number with zero bytes (Reaktor drops trailing zero bytes),
    so a truncated packet would otherwise arrive as a 0. We rebuild the message from its type
    tags: up to 3 missing zero bytes are tolerated, a whole missing argument is not.
    """
    dgram = osc.dgram
    tags, _ = osc_types.get_string(dgram, osc_types.get_string(dgram, 0)[1])
    if "[" in tags:
        return                                   # arrays are refused later as a wrong argument
    builder = OscMessageBuilder(osc.address)
    for arg, tag in zip(osc.params, tags.lstrip(",")):
        builder.add_arg(arg, tag)
    missing = len(builder.build().dgram) - len(dgram)
    if missing >= 4:
        raise ValueError(f"malformed OSC packet: {osc.address} is missing {missing // 4} argument bytes")


def _bundle_messages(bundle: OscBundle) -> list[tuple[float | None, OscMessage]]:
    when = None if bundle.timestamp == osc_types.IMMEDIATELY else ntp.system_time_to_ntp_epoch(bundle.timestamp)
    timed = []
    for content in bundle:
        if isinstance(content, OscBundle):
            timed.extend(_bundle_messages(content))
        else:
            timed.append((when, content))
    return timed


def to_message(osc: OscMessage) -> Message:
    """An OSC message as our Message: int/float/str args (bools as 0/1), nothing else."""
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
                 clock: Clock | None = None, query: Query | None = None):
        self.submit = submit
        self.host = host
        self.port = port
        self.clock = clock
        self.query = query
        self.received = 0
        self.malformed = 0
        self.rejected = 0
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._running = threading.Event()

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
                continue
            except OSError:                      # e.g. ICMP port unreachable from a reply on Windows
                continue
            self.handle_datagram(data, sender)

    def handle_datagram(self, data: bytes, sender) -> None:
        """Decode one datagram and submit its messages; never raises."""
        try:
            timed = decode_packet(data)
        except ValueError as err:
            self.malformed += 1
            log.warning("OSC from %s:%s dropped: %s", sender[0], sender[1], err)
            return
        for when, osc in timed:
            self.received += 1
            try:
                self._handle(to_message(osc), when, sender)
            except Exception as err:             # a bad submit or query must not stop the server
                self._reply_error(sender, str(err).splitlines()[0] if str(err) else type(err).__name__)

    def _handle(self, msg: Message, when: float | None, sender) -> None:
        if msg.address in QUERY_ADDRESSES:
            if self.query is None:
                raise ProtocolError(f"{msg.address}: no answer available in this shell")
            self._reply(sender, msg.address, json.dumps(self.query(msg), sort_keys=True, default=str))
            return
        at_sample = None if when is None or self.clock is None else self.clock(when)
        error = self.submit(msg, at_sample)
        if error:
            self._reply_error(sender, error)

    def _reply_error(self, sender, text: str) -> None:
        self.rejected += 1
        log.warning("OSC from %s:%s rejected: %s", sender[0], sender[1], text)
        self._reply(sender, "/error", text)

    def _reply(self, sender, address: str, text: str) -> None:
        builder = OscMessageBuilder(address)
        builder.add_arg(text)
        try:
            self._socket.sendto(builder.build().dgram, sender)
        except OSError as err:
            log.warning("cannot reply to %s:%s: %s", sender[0], sender[1], err)
