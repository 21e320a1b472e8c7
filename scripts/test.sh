#!/usr/bin/env bash
# Run the whole test suite (the supervisor tests a second time under the spawn start method).
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python; [ -x "$PY" ] || PY=python3
export PROMPT_TOOLKIT_NO_CPR=1
# A real-time test that fails is run again (twice at most) before it counts: on a shared 2-core
# machine one late wake-up is the machine; a real fault fails every time. Reruns are listed (R).
# Session 14, under `flock /tmp/chronus-rt.lock`: tests/supervisor passed 2 runs of 2 without a rerun
# (41 tests, the loaded minute with 20 kills among them); tests/repl + tests/gear 1 of 2, and
# tests/gear/test_samples_live.py::test_bad_and_huge_files_are_one_line_and_the_music_goes_on
# failed 2 runs of 8 alone (another line came before the huge file's; 3 blocks lost on the null
# device) — the one test that still needs a rerun.
"$PY" -m pytest -q --reruns 2 "$@"; status=$?
[ $status -eq 5 ] && status=0   # no tests collected is not a failure of the code
if [ $status -eq 0 ] && [ -d tests/supervisor ] && [ $# -eq 0 ]; then
  CHRONUS_START_METHOD=spawn "$PY" -m pytest -q --reruns 2 tests/supervisor; status=$?
  [ $status -eq 5 ] && status=0
fi
exit $status
