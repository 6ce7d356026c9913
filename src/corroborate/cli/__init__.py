"""The command line: thin wrappers that parse, call the library, and print.

Exit status (documented in the README):
  0  a report was made (some inputs may have been skipped; each is named on stderr)
  1  nothing could be read from any input, or the run failed
  2  usage error (bad option, missing argument)
"""

from __future__ import annotations

import os

# onnxruntime (1.32) queues usage telemetry (a device id, the program's path, the machine) in
# ~/.cache/Microsoft for upload to Microsoft, and warns on stderr when it cannot write there.
# An offline tool should not: its own switch turns both off, read when onnxruntime is imported.
# A user who wants it on can still say ORT_DISABLE_TELEMETRY=0.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

import click

from corroborate import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="corroborate")
def main() -> None:
    """Read many outlets' coverage of a story; show what independent sources agree on.

    \b
    One story:   corroborate report a.html b.txt -o report.html
    A corpus:    corroborate ingest crawl/ --db news.db, then stories, show, export
    First look:  corroborate demo
    """


def _register() -> None:
    import importlib

    for name in ("report", "corpus"):
        try:
            module = importlib.import_module(f"corroborate.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"corroborate.cli.{name}":
                raise
            continue
        module.register(main)


_register()
