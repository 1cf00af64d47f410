"""Generate docs/cli.md from the commands' own ``--help`` (``make docs``)."""

from __future__ import annotations

import click

from memcon.cli.main import cli


def iter_commands(group: click.Group = cli, prefix: str = "memcon") -> list[tuple[str, click.Command]]:
    """Every command, depth first: (full name, command)."""
    out: list[tuple[str, click.Command]] = []
    with click.Context(group, info_name=prefix) as ctx:
        names = group.list_commands(ctx)
        commands = [(name, group.get_command(ctx, name)) for name in names]
    for name, command in commands:
        assert command is not None, name
        full = f"{prefix} {name}"
        out.append((full, command))
        if isinstance(command, click.Group):
            out.extend(iter_commands(command, full))
    return out


def help_text(full_name: str, command: click.Command) -> str:
    """The ``--help`` output of a command, at a fixed width."""
    with click.Context(command, info_name=full_name, terminal_width=100, **command.context_settings) as ctx:
        return command.get_help(ctx)


def cli_reference_markdown() -> str:
    parts = [
        "# Command-line reference",
        "",
        "Generated from each command's `--help` by `make docs`; a test keeps it in step.",
        "",
    ]
    with click.Context(cli, info_name="memcon", terminal_width=100, **cli.context_settings) as ctx:
        parts += ["## memcon", "", "```", cli.get_help(ctx), "```", ""]
    for full, command in iter_commands():
        parts += [f"## {full}", "", "```", help_text(full, command), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    print(cli_reference_markdown(), end="")
