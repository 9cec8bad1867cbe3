"""`explainer check` and `explainer schema` as a contributor and CI run them: output and exit status."""

from __future__ import annotations

import json
import os
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


def test_warnings_fail_unless_lenient(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "topics" / "basics.yaml").write_text("name: Basics\norder: 1\n")
    (corpus / "industries" / "retail.yaml").write_text(
        "name: Retail\nsummary: Shops.\nreviewed: 2020-01-01\n"
    )
    assert main(["check"]) == 1
    assert main(["check", "--strict"]) == 1  # the default, spelled out as CI and the issues do
    assert main(["check", "--lenient"]) == 0
    with pytest.raises(SystemExit):
        main(["check", "--strict", "--lenient"])
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


def test_a_check_that_skips_teardown_still_reports_and_fails(corpus: Path) -> None:
    # The console script ends a check without Python's teardown: a report shorter than the buffer of
    # a pipe (fully buffered, unlike a terminal) must still arrive, with the check's exit status.
    (corpus / "faq" / "broken.yaml").write_text("question: [unclosed\n")
    explainer = Path(sys.executable).parent / "explainer"
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    finished = subprocess.run([explainer, "check"], capture_output=True, text=True, check=False, env=buffered)
    assert finished.returncode == 1, finished.stderr
    assert finished.stdout.startswith("content/faq/broken.yaml:2:1: error E103: YAML syntax error")
    assert finished.stderr.startswith("check failed: 1 error")


def test_schema_check_fails_when_a_schema_is_stale(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = corpus.parent / "schemas"
    assert main(["schema"]) == 0
    assert main(["schema", "--check"]) == 0
    (out / "faq.json").write_text("{}\n")
    assert main(["schema", "--check"]) == 1
    assert "faq.json: out of date" in capsys.readouterr().err
    assert main(["schema"]) == 0
    # The schemas follow the content: a new dimension is a key technologies must rate.
    (corpus / "dimensions" / "speed.yaml").write_text(
        "name: Speed\nquestion: How fast?\nkind: yes-no\nreviewed: 2026-01-15\n"
    )
    assert main(["schema", "--check"]) == 1


def test_committed_schemas_and_field_reference_are_up_to_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    assert main(["schema", "--check"]) == 0
    assert main(["reference", "--check"]) == 0


def test_check_reports_on_the_given_files_and_on_what_refers_to_them(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Break a glossary term that the FAQ links to, and a topic nobody uses.
    (corpus / "definitions" / "schema.yaml").write_text("term: Schema\n")
    (corpus / "topics" / "basics.yaml").write_text("name: Basics\norder: first\n")
    assert main(["check", "content/definitions/schema.yaml"]) == 1
    out = capsys.readouterr().out
    assert "content/definitions/schema.yaml" in out
    assert "content/topics/basics.yaml" not in out
    # A folder works too, from anywhere inside the project.
    assert main(["check", str(corpus / "topics")]) == 1
    assert "content/topics/basics.yaml" in capsys.readouterr().out


def test_check_of_one_folder_does_not_report_every_missing_kind(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "content/faq"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "check passed" in err


def test_check_changed_since_a_git_ref(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = corpus.parent
    for command in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.email=a@b", "-c", "user.name=a", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", *command], cwd=root, check=True)
    (corpus / "topics" / "basics.yaml").write_text("name: Basics\norder: first\n")
    (corpus / "faq" / "new-one.yaml").write_text("question: New?\n")
    assert main(["check", "--changed-since", "HEAD"]) == 1
    paths = {line.split(":")[0] for line in capsys.readouterr().out.splitlines()}
    assert paths == {"content/topics/basics.yaml", "content/faq/new-one.yaml"}


def test_hints_a_newcomer_can_act_on(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "faq" / "colon.yaml").write_text(
        "question: What is RAG: a model or a method?\nanswer: x: y\ntopics: [basics]\n"
    )
    (corpus / "faq" / "topic.yaml").write_text(
        "question: Which topic?\nanswer: Any.\ntopics: [nonsense]\nreviewed: 2026-01-15\n"
    )
    (corpus / "faq" / "term.yaml").write_text(
        "question: A term?\nanswer: See [x](term:brand-new-term).\ntopics: [basics]\nreviewed: 2026-01-15\n"
    )
    main(["check"])
    out = capsys.readouterr().out
    assert "E103" in out and "put the value in double quotes" in out
    assert "unknown FAQ topic 'nonsense' — use one of: basics, choosing" in out
    assert "explainer new definition brand-new-term" in out


def test_the_field_reference_names_option_types_as_readers_say_them() -> None:
    from explainer.render.reference import option_groups

    types = [option["type"] for group in option_groups() for option in group["options"]]
    assert types and not [t for t in types if "class" in t or "Annotated" in t or "typing" in t]
    assert "int or null" in types and any(t.startswith('one of "auto"') for t in types)
