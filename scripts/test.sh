#!/usr/bin/env bash
# Run the whole test suite (the supervisor tests a second time under the spawn start method).
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python; [ -x "$PY" ] || PY=python3
export PROMPT_TOOLKIT_NO_CPR=1
# A test that fails fails the run: no reruns. The one that needed them (tests/gear/test_samples_live.py,
# bad and huge files) lost blocks because a refused 500 MB file was hashed whole before its header
# was read; refused from the header, it passed 45 runs of 45 (30 with four busy loops), and
# tests/supervisor, tests/gear and tests/repl passed their one run each without a rerun (session 15).
"$PY" -m pytest -q "$@"; status=$?
[ $status -eq 5 ] && status=0   # no tests collected is not a failure of the code
if [ $status -eq 0 ] && [ -d tests/supervisor ] && [ $# -eq 0 ]; then
  CHRONUS_START_METHOD=spawn "$PY" -m pytest -q tests/supervisor; status=$?
  [ $status -eq 5 ] && status=0
fi
exit $status
