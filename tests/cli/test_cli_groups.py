"""Every command group is listed, and calling one without a command shows help, not a traceback."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

GROUPS = ["data", "learn", "nanogpt", "classify", "lm", "serve", "demo"]


def test_root_help_lists_every_group():
    result = run_cli("--help")
    assert result.returncode == 0
    for group in GROUPS:
        assert group in result.stdout


@pytest.mark.parametrize("group", ["data", "learn", "nanogpt", "classify", "lm"])
def test_group_without_command_prints_help_without_traceback(group):
    result = run_cli(group)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert f"trtune {group}" in output and "Commands" in output
    assert result.returncode == 2


def test_unknown_option_is_a_usage_error():
    result = run_cli("data", "inspect", "--bogus")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--bogus" in result.stderr
