"""Every `explainer` command that a script, workflow or page tells someone to run must parse.

CI once failed on `explainer check --strict` after strictness became the default and the
flag went away: the CLI's tests passed and the script that CI runs did not. This reads the
command lines where people and machines find them and parses each with the real parser.
"""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from explainer.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]

# A command starts at `explainer` (bare, or as .venv/bin/explainer) and runs to the end of the
# line, a shell separator, a comment or the closing backtick of inline code.
COMMAND = re.compile(r"(?:^|[\s`(])(?:\S*/)?explainer((?:\s+[^\s`#|;&)\\]+)+)")
PLACEHOLDER = re.compile(r"[A-Z]{2,}|…|\[|\{|\$|<")


def _sources() -> list[Path]:
    scripts = [p for p in (ROOT / "scripts").iterdir() if p.is_file()]
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    pages = [ROOT / "README.md", *sorted((ROOT / "docs" / "contributing").glob("*.md"))]
    return [*scripts, ROOT / ".ci" / "run", *workflows, *pages]


def _shell_lines(path: Path) -> list[tuple[int, str, bool]]:
    """(line number, text, runnable) for lines that are run or shown as something to type.

    Script lines and fenced shell blocks are commands to run whole. An inline code span in
    prose often just names a command (`explainer export`), so only its options are checked.
    """
    lines = path.read_text("utf-8").splitlines()
    if path.suffix != ".md":
        return [(n, line.split(" #")[0], True) for n, line in enumerate(lines, 1) if not _comment(line)]
    shown, fenced = [], False
    for n, line in enumerate(lines, 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif fenced:
            shown.append((n, line, True))
        else:
            shown.extend((n, span, False) for span in re.findall(r"`([^`]+)`", line))
    return shown


def _comment(line: str) -> bool:
    return line.lstrip().startswith(("#", "echo"))


def _joined(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """Lines with their `\\` continuations joined, numbered by their first line."""
    joined: list[tuple[int, str, bool]] = []
    pending: tuple[int, str, bool] | None = None
    for number, line, runnable in lines:
        start, text, _ = pending if pending else (number, "", runnable)
        text += line.rstrip().removesuffix("\\") + " "
        pending = (start, text, runnable) if line.rstrip().endswith("\\") else None
        if pending is None:
            joined.append((start, text, runnable))
    return joined


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    (commands,) = (a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(commands.choices)


def _commands() -> list[tuple[str, list[str], bool]]:
    found = []
    for path in _sources():
        for number, line, runnable in _joined(_shell_lines(path)):
            for match in COMMAND.finditer(line):
                words = [w for w in shlex.split(match.group(1)) if w != "$@"]
                if not words or words[0] not in SUBCOMMANDS:
                    continue  # prose such as "explainer sites from …"
                before = line[: match.start(1)].rsplit("explainer", 1)[0].strip()
                whole = runnable and (path.suffix == ".md" or before.split("/")[0] in LAUNCHERS)
                if any(PLACEHOLDER.search(word) for word in words):
                    whole = False  # a usage synopsis (KIND, [--lenient], …): check its options only
                found.append((f"{path.relative_to(ROOT)}:{number}", words, whole))
    return found


# What may come before the command on a line that runs it (`exec .venv/bin/explainer …`).
LAUNCHERS = {"", ".venv", "exec", "run:", "- run:", "exec .venv"}
SUBCOMMANDS = _subparsers()
COMMANDS = _commands()


def test_the_scripts_ci_runs_are_among_the_commands_read() -> None:
    run = {place.split(":")[0] for place, _, runnable in COMMANDS if runnable}
    assert {"scripts/test", "scripts/serve", "README.md"} <= run


@pytest.mark.parametrize(("place", "words", "runnable"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_documented_command_is_valid(place: str, words: list[str], runnable: bool) -> None:
    if runnable:
        try:
            build_parser().parse_args(words)
        except SystemExit as error:  # argparse's way of refusing a command line
            pytest.fail(
                f"{place}: `explainer {shlex.join(words)}` is not a valid command (exit {error.code})"
            )
    known = set(SUBCOMMANDS[words[0]]._option_string_actions)
    named = {word.split("=")[0] for word in words[1:] if re.match(r"--?[a-z]", word)}
    assert named <= known, f"{place}: `explainer {words[0]}` has no option {sorted(named - known)}"
