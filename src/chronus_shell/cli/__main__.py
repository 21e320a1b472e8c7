"""`python -m chronus_shell.cli`: the same as the `chronus` command."""
import sys

from . import main

sys.exit(main())
