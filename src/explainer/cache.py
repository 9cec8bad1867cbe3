"""What a check may keep between runs: results keyed by everything they were computed from.

Two things are kept, in `.cache/explainer/` beside mkdocs.yml:

- the analysis of each Markdown field (links, findings), keyed by a hash of the field's text and of
  the parser's configuration;
- the whole result of the last complete check, keyed by a hash of every content file's path and
  bytes, the site's settings, the review date and the Markdown configuration.

Every key also carries a fingerprint of the code that computed the value: this package's source
and the versions of the libraries that parse (PyYAML, Python-Markdown, pymdown-extensions,
pydantic). A key can only match inputs that give the same value, so an edited, renamed or deleted
file, a changed setting or a new version of the tool simply misses: the cache can make a check
faster, never different. A cache that cannot be read is ignored, and one that cannot be written
is skipped. `explainer check --no-cache` and EXPLAINER_CACHE=0 turn it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

CACHE_FOLDER = Path(".cache") / "explainer"
FORMAT = 1  # bump when what is stored changes shape
LIBRARIES = ("PyYAML", "Markdown", "pymdown-extensions", "pydantic", "pydantic-core")


def enabled() -> bool:
    return os.environ.get("EXPLAINER_CACHE", "1") not in {"0", "false", "no", "off"}


def digest(*parts: bytes | str) -> bytes:
    """A short hash of several parts, unambiguous however they are split."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.digest()


@cache
def code_fingerprint() -> bytes:
    """This package's source files and the versions of the libraries it reads content with."""
    package = Path(__file__).parent
    parts: list[bytes | str] = [str(FORMAT), sys.version]
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".j2", ".json"} and path.is_file():
            parts += [path.relative_to(package).as_posix(), path.read_bytes()]
    for name in LIBRARIES:
        try:
            parts += [name, metadata.version(name)]
        except metadata.PackageNotFoundError:
            parts += [name, "absent"]
    return digest(*parts)


@dataclass
class CheckCache:
    """The kept values of one project; `save` writes only what this run used (old entries go)."""

    path: Path | None
    analyses: dict[bytes, Any] = field(default_factory=dict)
    result: tuple[bytes, Any] | None = None
    _used: dict[bytes, Any] = field(default_factory=dict)
    _changed: bool = False

    @classmethod
    def load(cls, project_root: Path | None) -> CheckCache:
        if project_root is None or not enabled():
            return cls(None)
        path = project_root / CACHE_FOLDER / "check.pickle"
        try:
            with path.open("rb") as stream:
                stored = pickle.load(stream)
            if stored["code"] != code_fingerprint():
                return cls(path)
            return cls(path, stored["analyses"], stored["result"])
        except Exception:  # a missing, truncated or foreign file is only a cache miss
            return cls(path)

    # -- Markdown analyses -------------------------------------------------------------------

    def analysis(self, key: bytes) -> Any | None:
        found = self.analyses.get(key)
        if found is not None:
            self._used[key] = found
        return found

    def keep(self, key: bytes, value: Any) -> None:
        """A value this run used that was already known (in memory): keep it in the saved cache."""
        self._used[key] = value

    def remember_analysis(self, key: bytes, value: Any) -> None:
        self._used[key] = value
        self._changed = True

    # -- whole results -----------------------------------------------------------------------

    def whole_result(self, key: bytes) -> Any | None:
        if self.result is not None and self.result[0] == key:
            return self.result[1]
        return None

    def remember_result(self, key: bytes, value: Any) -> None:
        self.result = (key, value)
        self._changed = True

    def save(self) -> None:
        if self.path is None or not (self._changed or len(self._used) != len(self.analyses)):
            return
        stored = {"code": code_fingerprint(), "analyses": self._used, "result": self.result}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Written whole, then renamed: a reader never sees half a file.
            with tempfile.NamedTemporaryFile("wb", dir=self.path.parent, delete=False) as stream:
                try:
                    pickle.dump(stored, stream, protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException:
                    Path(stream.name).unlink()
                    raise
            Path(stream.name).replace(self.path)
        except OSError:
            return
