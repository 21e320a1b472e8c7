"""Entry point `chronus`: repl | run | render | translate | modules (one file a sub-command here).

Each sub-command is a thin call into its layer; imports are lazy so `chronus translate` and
`chronus modules` start fast and never touch audio.
"""
from __future__ import annotations

import argparse
import os
import sys

from .. import __version__


def _add_audio_options(parser: argparse.ArgumentParser, output: bool = True, top: bool = False) -> None:
    """The audio options, before the sub-command (`chronus --backend null run …`) or after it: a
    sub-command's own copies default to SUPPRESS, so they never undo what was given before it."""
    def default(value):
        return value if top else argparse.SUPPRESS

    if output:
        parser.add_argument("--backend", choices=("auto", "sounddevice", "null"), default=default("auto"),
                            help="audio output: a device via PortAudio, the clock-paced null backend, or auto")
        parser.add_argument("--device", default=default(None), help="output device name (PortAudio)")
    parser.add_argument("--samplerate", type=int, default=default(None), help="sample rate in Hz (default 48000)")
    parser.add_argument("--blocksize", type=int, default=default(None), help="block size in samples (default 128; run and render: 256)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chronus", description="Chronus Shell: a live-coding music shell.")
    parser.add_argument("--version", action="version", version=f"chronus {__version__}")
    _add_audio_options(parser, top=True)
    parser.add_argument("--osc-port", type=int, default=None, help="start the OSC UDP server on this port")
    parser.add_argument("--osc-host", default="127.0.0.1", help="address the OSC server binds (default 127.0.0.1)")
    parser.add_argument("--osc-allow-any-path", action="store_true",
                        help="let OSC save sessions and recordings anywhere (default: only in the shell's "
                             "sessions and recordings folders)")
    parser.add_argument("--modules", default=None, help="folder of user modules")
    parser.add_argument("--samples", default=None, help="folder of sample files (default: <data dir>/samples)")
    parser.add_argument("--midi-in", default=None, metavar="NAME|auto", help="play from this MIDI input")
    parser.add_argument("--link", action="store_true", help="join the Ableton Link session (tempo and bars)")
    parser.add_argument("--vi", action="store_true", help="vi key bindings")
    parser.add_argument("--no-popups", action="store_true", help="no completion pop-ups while typing")
    sub = parser.add_subparsers(dest="command")

    run = sub.add_parser("run", help="run a script in real time against the live engine")
    run.add_argument("script", help="a .chr script, or - to read it from standard input")
    _add_audio_options(run)
    run.add_argument("--record", default=None, help="write exactly what was sent to the device to this WAV")
    run.add_argument("--stats-json", default=None, help="write blocks, xruns, failovers, commits as JSON")
    run.add_argument("--seconds", type=float, default=None, help="length (default: the script's end + 1 s)")

    render = sub.add_parser("render", help="render a script offline, deterministic")
    render.add_argument("script", help="a .chr script, or - to read it from standard input")
    render.add_argument("-o", "--output", required=True, help="output WAV path")
    render.add_argument("--seconds", type=float, default=None, help="length (default: the script's end + 1 s)")
    _add_audio_options(render, output=False)

    translate = sub.add_parser("translate", help="English → messages as JSON lines (no audio)")
    translate.add_argument("text", nargs="*", help="commands (default: one per stdin line)")

    modules = sub.add_parser("modules", help="the module catalogue")
    modules.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.samples:
        os.environ["CHRONUS_SAMPLES"] = args.samples     # every layer and child finds the samples there
    try:
        if args.command == "modules":
            from .modules import show_modules
            return show_modules(as_json=args.json)
        if args.command == "translate":
            from .translate import translate_command
            return translate_command(args.text)
        if args.command == "render":
            from .render import render_command
            return render_command(args)
        if args.command == "run":
            from .run import run_command
            return run_command(args)
        from ..repl.launch import start_engine
        starting = start_engine(args)          # the engine boots while the shell's modules load
        from ..repl.app import repl_command
        return repl_command(args, starting)
    except KeyboardInterrupt:                   # before the shell holds Ctrl-C for its prompt, or in `run`
        print("chronus: stopped (Ctrl-C)", file=sys.stderr)
        return 130

