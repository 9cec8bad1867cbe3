"""The site search worker run with Node, as Material drives it: the results the theme would render."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ASSETS = Path(__file__).resolve().parents[2] / "src" / "explainer" / "assets"
HARNESS = Path(__file__).with_name("run_search_worker.js")


def search_worker(index_file: Path, queries: Sequence[str]) -> list[list[list[dict[str, Any]]]]:
    """For each query, the worker's result groups (each a list of items: location, title, text, score)."""
    done = _node(
        str(HARNESS),
        str(ASSETS),
        str(index_file),
        input="".join(f"{query}\n" for query in queries),
        timeout=_seconds_for(len(queries)),
    )
    return [json.loads(line) for line in done.splitlines()]


def script_normalise(texts: Sequence[str]) -> list[str]:
    """Each text as search-words.js normalises it, run in Node."""
    found: list[str] = _words_script(
        "JSON.parse(fs.readFileSync(0, 'utf8')).map(words.normalise)", input=json.dumps(list(texts))
    )
    return found


def script_connecting_words() -> frozenset[str]:
    """The words search-words.js sets aside as connecting or padding ("vs", "what is", "really"), run in Node."""
    return frozenset(_words_script("Array.from(words.CONNECTING)"))


def script_variants(pairs: Sequence[tuple[str, str]]) -> list[bool]:
    """For each pair of words, whether search-words.js reads them as two forms of one word, run in Node."""
    found: list[bool] = _words_script(
        "JSON.parse(fs.readFileSync(0, 'utf8')).map(([a, b]) => words.variant(a, b))", input=json.dumps(pairs)
    )
    return found


def _words_script(result: str, input: str = "") -> Any:
    """The JSON value of the JavaScript expression `result`, evaluated in Node after search-words.js
    (its exports as `words`; the text on standard input readable as `fs.readFileSync(0)`)."""
    script = (
        "const vm = require('vm'), fs = require('fs'); const c = {}; c.self = c; vm.createContext(c);"
        "vm.runInContext(fs.readFileSync(process.argv[1], 'utf8'), c); const words = c.ExplainerWords;"
        f"process.stdout.write(JSON.stringify({result}));"
    )
    return json.loads(_node("-e", script, str(ASSETS / "search-words.js"), input=input))


def _seconds_for(queries: int) -> float:
    """How long a batch of queries may take: a whole query set (a thousand wordings) takes about a
    minute on an idle machine and several times that on a busy one, so the limit grows with the
    batch and only catches a worker that hangs."""
    return 120 + 0.5 * queries


def _node(*args: str, input: str, timeout: float = 120) -> str:
    node = shutil.which("node")
    assert node, "the search script tests need Node.js 20 (apt-get install nodejs, or scripts/bootstrap)"
    return subprocess.run(
        [node, *args], input=input, capture_output=True, text=True, check=True, timeout=timeout
    ).stdout
