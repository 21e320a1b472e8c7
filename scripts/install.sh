#!/usr/bin/env bash
# Set up Chronus Shell on a fresh Debian/Ubuntu machine: system audio libraries, a venv, the package.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # libportaudio2: real audio; jackd2: the dummy device used by tests; the rest are test tools.
  $SUDO apt-get install -y -qq python3-venv libportaudio2 jackd2 liblo-tools aubio-tools sox tmux >/dev/null
fi
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
echo "Chronus Shell installed: start it with .venv/bin/chronus"
