"""`python -m corroborate.cli`: the command line without the installed `corroborate` script
(a virtual environment whose scripts are not on PATH, or a checkout run in place)."""

from corroborate.cli import main

main(prog_name="corroborate")
