"""The command line: audio options count wherever they are written, before or after the sub-command."""
from chronus_shell.cli import build_parser


def test_options_before_the_sub_command_are_kept():
    args = build_parser().parse_args(["--backend", "null", "--blocksize", "64", "run", "song.chr"])
    assert (args.backend, args.blocksize, args.script) == ("null", 64, "song.chr")
    args = build_parser().parse_args(["--samplerate", "44100", "render", "song.chr", "-o", "out.wav"])
    assert args.samplerate == 44100


def test_options_after_the_sub_command_win_and_defaults_stay_unset():
    args = build_parser().parse_args(["--backend", "sounddevice", "run", "song.chr", "--backend", "null"])
    assert args.backend == "null"
    args = build_parser().parse_args(["render", "song.chr", "-o", "out.wav"])
    assert args.samplerate is None and args.blocksize is None      # render picks 48000 / 256 itself
    assert build_parser().parse_args([]).backend == "auto"
