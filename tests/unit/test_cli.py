"""`explainer check` and `explainer schema` as a contributor and CI run them: output and exit status."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.cli import main
from tests.conftest import CORPUS, REPO


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the fixture corpus as ./content, with the working directory beside it."""
    shutil.copytree(CORPUS, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EXPLAINER_TODAY", "2026-06-01")
    return tmp_path / "content"


def test_check_passes_on_clean_content_with_exit_0(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "check passed: 0 errors, 0 warnings" in err


def test_check_fails_with_exit_1_and_a_positioned_line(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "topics" / "basics.yaml").write_text("name: Basics\norder: first\n")
    assert main(["check"]) == 1
    out, _ = capsys.readouterr()
    assert (
        out
        == "content/topics/basics.yaml:2:1: error E203: 'order' must be a whole number, not the text 'first'\n"
    )


def test_warnings_fail_only_with_strict(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "topics" / "basics.yaml").write_text("name: Basics\norder: 1\n")
    (corpus / "industries" / "retail.yaml").write_text(
        "name: Retail\nsummary: Shops.\nreviewed: 2020-01-01\n"
    )
    assert main(["check"]) == 0
    assert main(["check", "--strict"]) == 1
    out, _ = capsys.readouterr()
    assert "warning W502" in out


def test_content_dir_argument_and_json_format(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.move(corpus, corpus.parent / "elsewhere")
    (corpus.parent / "elsewhere" / "faq" / "which-should-i-choose.yaml").write_text("question: Which?\n")
    assert main(["check", "elsewhere", "--format", "json"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert {"code": "E202", "path": "elsewhere/faq/which-should-i-choose.yaml"}.items() <= records[0].items()


def test_github_format_prints_annotations(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "topics" / "basics.yaml").write_text("name: Basics\nname: Again\n")
    assert main(["check", "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith(
        "::error file=content/topics/basics.yaml,line=2,col=1,title=E104::"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "no-such-folder"],
        ["check", "--format", "xml"],
        ["frobnicate"],
        [],
        ["check", "--nope"],
    ],
)
def test_usage_errors_exit_2(corpus: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2


def test_no_traceback_for_hostile_content(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = {
        "faq/a.yaml": b"\xff\xfe\x00",
        "faq/b.yaml": b"a: &x [*x]\n",
        "faq/c.yaml": b"!!python/object:os.system {}\n",
        "faq/d.yaml": b"[" * 100_000,
        "faq/e.yaml": b"question: " + "\u202e".encode() + b"?\n",
        "faq/f.yaml": b"- 1\n- 2\n",
        "faq/g.yaml": b"question: [a, {b: c}]\nanswer: {x: [1]}\ntopics: 7\nreviewed: [2026]\n",
        "faq/h.yaml": b"\x00",
        "technologies/x.yaml": b"ratings: {joins: {value: {a: b}, note: [1]}}\n",
    }
    for name, raw in hostile.items():
        (corpus / name).write_bytes(raw)
    assert main(["check"]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert {line.split(":")[0] for line in out.splitlines()} == {f"content/{n}" for n in hostile}


def test_console_script_runs_as_a_separate_process(corpus: Path) -> None:
    explainer = Path(sys.executable).parent / "explainer"
    finished = subprocess.run([explainer, "check"], capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr


def test_schema_check_fails_when_a_schema_is_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "schemas"
    assert main(["schema", "--out", str(out)]) == 0
    assert main(["schema", "--out", str(out), "--check"]) == 0
    (out / "faq.json").write_text("{}\n")
    assert main(["schema", "--out", str(out), "--check"]) == 1
    assert "faq.json: out of date" in capsys.readouterr().err


def test_committed_schemas_are_up_to_date() -> None:
    assert main(["schema", "--out", str(REPO / "schemas"), "--check"]) == 0
