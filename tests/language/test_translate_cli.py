"""`chronus translate` through a real subprocess: JSON lines, context across lines, exit codes."""
import json
import subprocess
import sys


def run(*args, stdin=None):
    result = subprocess.run([sys.executable, "-m", "chronus_shell.cli", "translate", *args],
                            input=stdin, capture_output=True, text=True, timeout=60)
    return result.returncode, [json.loads(line) for line in result.stdout.splitlines()], result.stderr


def test_arguments_carry_context_and_exit_zero():
    code, lines, stderr = run("add a saw at 110 hz", "add acid filter at 800hz", "resonance 80%")
    assert code == 0 and stderr == ""
    assert lines[2] == {"input": "resonance 80%", "messages": [["/mod/acid_filter1/resonance", 0.8]]}
    assert lines[0]["messages"][0] == ["/patch/create", "saw1", "saw"]


def test_stdin_lines_and_an_error_exit_one():
    code, lines, _ = run(stdin="add a saw\n\ncutof 800\ntempo 128\n")
    assert code == 1
    assert [line["input"] for line in lines] == ["add a saw", "cutof 800", "tempo 128"]
    assert lines[1]["error"] == "I don't know the word 'cutof' — did you mean cutoff?"
    assert lines[1]["suggestions"][0] == "cutoff"
    assert lines[2]["messages"] == [["/seq/bpm", 128.0]]


def test_no_audio_modules_are_imported():
    probe = ("import sys; from chronus_shell.cli.translate import translate_command;"
             "translate_command(['add a saw']);"
             "print(sorted(m for m in ('sounddevice', 'soundfile', 'numba') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.stdout.splitlines()[-1] == "[]"
