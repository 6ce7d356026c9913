"""The README documents every command and every option the CLI has."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from corroborate.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, click.Command]]:
    return sorted(main.commands.items())


@pytest.mark.parametrize(("name", "command"), _commands(), ids=[n for n, _ in _commands()])
def test_every_command_and_option_is_in_the_readme(name: str, command: click.Command) -> None:
    assert f"corroborate {name}" in README or f"`{name}" in README, f"command {name} undocumented"
    for param in command.params:
        if not isinstance(param, click.Option):
            continue
        longest = max(param.opts, key=len)
        assert longest in README, f"{name} {longest} is not documented in README.md"
