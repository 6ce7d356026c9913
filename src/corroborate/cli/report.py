"""`corroborate report` and `corroborate demo`. (Placeholder.)"""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    group.add_command(report_command)


@click.command("report")
@click.argument("inputs", nargs=-1, required=True)
def report_command(inputs: tuple[str, ...]) -> None:
    """Build one story's report from INPUTS."""
    from corroborate import report

    result = report(list(inputs))
    click.echo(f"{result.story.article_count} articles")
