"""Build checks over the fixture corpus with one file added or replaced, without touching the disk."""

from __future__ import annotations

from pathlib import Path

from explainer.check import CheckResult, check_documents
from explainer.source import Document, ReadError, parse_document, read_documents
from tests.conftest import CORPUS, FIXTURES, TODAY


def corpus_documents() -> list[Document]:
    documents, problems = read_documents(CORPUS, base=FIXTURES)
    assert not problems, problems
    return documents


def check_with(path: str, raw: bytes) -> CheckResult:
    """Check the fixture corpus with `raw` at `corpus/<path>` (replacing a file of that path)."""
    shown = f"corpus/{path}"
    documents = [d for d in corpus_documents() if d.path != shown]
    problems = []
    try:
        documents.append(parse_document(shown, raw))
    except ReadError as error:
        problems = error.diagnostics
    documents.sort(key=lambda d: d.path)
    return check_documents(documents, problems, today=TODAY)


def fixture_header(path: Path) -> tuple[str, list[str]]:
    """The `# target:` path and `# expect: CODE line:col` lines at the top of a bad fixture."""
    target, expected = "", []
    for line in path.read_bytes().decode("ascii", errors="replace").splitlines():
        if line.startswith("# target: "):
            target = line.removeprefix("# target: ").strip()
        elif line.startswith("# expect: "):
            expected.append(line.removeprefix("# expect: ").strip())
    return target, expected
