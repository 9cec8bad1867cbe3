"""What a check may keep between runs: results keyed by everything they were computed from.

Four things are kept, in `.cache/explainer/` beside mkdocs.yml:

- the analysis of each Markdown field (links, findings), keyed by a hash of the field's text and of
  the parser's configuration;
- what each content file gave (see explainer.kept), keyed by a hash of its path and bytes;
- the whole result of the last complete check, keyed by a hash of every content file's path and
  bytes, the site's settings, the review date and the Markdown configuration;
- the settled status of each content file when it was last hashed, which saves reading it again
  while the status stays the same (see explainer.snapshot for why that is safe).

Every key also carries a fingerprint of the code that computed the value: this package's source
and the versions of the libraries that parse (PyYAML, Python-Markdown, pymdown-extensions,
pydantic). A key can only match inputs that give the same value, so an edited, renamed or deleted
file, a changed setting or a new version of the tool simply misses: the cache can make a check
faster, never different. A cache that cannot be read is ignored, and one that cannot be written
is skipped. `explainer check --no-cache` and EXPLAINER_CACHE=0 turn it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import metadata
from pathlib import Path
from typing import Any

CACHE_FOLDER = Path(".cache") / "explainer"
FORMAT = 3  # bump when what is stored changes shape
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
    """The kept values of one project: the last whole result (small, read by every repeat check),
    the status of content files (read by every repeat check), the records of content files (read
    when a check runs), and the analyses of Markdown fields (read only when a check parses). The
    records and analyses are kept in a base file and the few values added since (see
    _write_layered); saving keeps only those this run used, so those of deleted or edited files
    go once the base is written again."""

    folder: Path | None
    result: tuple[bytes, Any] | None = None
    _analyses: dict[bytes, Any] | None = None  # read on first use
    _used: dict[bytes, Any] = field(default_factory=dict)
    _analyses_changed: bool = False
    _result_changed: bool = False
    _files: dict[bytes, Any] | None = None  # read on first use
    _files_base: dict[bytes, Any] = field(default_factory=dict)  # the records of its base file
    _file_parts: list[tuple[tuple[bytes, ...], bytes]] = field(default_factory=list)  # see _read_files
    _in_parts: dict[bytes, Any] = field(default_factory=dict)  # records as their parts hold them
    _analyses_base: frozenset[bytes] = frozenset()
    _new_parts: list[bytes] = field(default_factory=list)  # pickled analyses added this run
    _files_used: dict[bytes, Any] = field(default_factory=dict)
    _files_changed: bool = False
    _every_field_used: bool = False
    _stats: dict[str, Any] | None = None  # read on first use
    _stats_changed: bool = False

    @classmethod
    def load(cls, project_root: Path | None) -> CheckCache:
        if project_root is None or not enabled():
            return cls(None)
        folder = project_root / CACHE_FOLDER
        return cls(folder, _read(folder / RESULT_FILE))

    @property
    def path(self) -> Path | None:
        """Where the whole result is kept (None: this run keeps nothing)."""
        return None if self.folder is None else self.folder / RESULT_FILE

    # -- Markdown analyses -------------------------------------------------------------------

    @property
    def analyses(self) -> dict[bytes, Any]:
        if self._analyses is None:
            self._analyses, self._analyses_base = _read_layered(self.folder, ANALYSES_FILE)
            for part in [*self._stored_parts, *self._new_parts]:
                self._analyses.update(pickle.loads(part))
        return self._analyses

    def add_analyses(self, part: bytes) -> None:
        """Analyses made elsewhere, as one pickled dict by key (see KeptFiles.make_missing): kept
        as they came, and unpickled only if this run asks for an analysis."""
        self._new_parts.append(part)
        if self._analyses is not None:
            self._analyses.update(pickle.loads(part))

    @cached_property
    def _stored_parts(self) -> list[bytes]:
        found = _read(self.folder / (ANALYSES_FILE + PARTS)) if self.folder is not None else None
        return found if isinstance(found, list) else []

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
        self._analyses_changed = True

    # -- content files -----------------------------------------------------------------------

    def file(self, key: bytes) -> Any | None:
        """The record kept for this key: the object, or its pickle (explainer.kept reads both)."""
        if self._files is None:
            self._files, self._files_base, self._file_parts, self._in_parts = _read_files(self.folder)
        return self._files.get(key)

    def holds_files(self) -> bool:
        """Whether any file's record is kept (none: a first check, or the cache off)."""
        self.file(b"")
        return bool(self._files)

    def add_files(self, keys: tuple[bytes, ...], part: bytes) -> list[Any]:
        """Records made this run before the check looks them up (see KeptFiles.make_missing), as
        one pickled list in the order of `keys`: returned unpickled, and kept as they came."""
        self.file(b"")  # the stored records are read first, so they do not replace these
        assert self._files is not None
        records: list[Any] = pickle.loads(part)
        self._files.update(zip(keys, records, strict=True))
        self._in_parts.update(zip(keys, records, strict=True))
        self._file_parts.append((keys, part))
        self._files_changed = True
        return records

    def remember_file(self, key: bytes, record: Any, *, changed: bool = True) -> None:
        """A file record this run used (`changed`: one it made or completed): the object as
        `file` gave it, or its pickle."""
        self._files_used[key] = record
        self._files_changed = self._files_changed or changed

    # -- file status ---------------------------------------------------------------------------

    @property
    def stats(self) -> dict[str, Any]:
        """The settled status of each file when it was last hashed, and its key (explainer.snapshot)."""
        if self._stats is None:
            found = _read(self.folder / STATS_FILE) if self.folder is not None else None
            self._stats = found if isinstance(found, dict) else {}
        return self._stats

    def remember_stats(self, stats: dict[str, Any]) -> None:
        if self.folder is not None and stats != self.stats:
            self._stats, self._stats_changed = stats, True

    # -- whole results -----------------------------------------------------------------------

    def whole_result(self, key: bytes) -> Any | None:
        if self.result is not None and self.result[0] == key:
            return self.result[1]
        return None

    def remember_result(self, key: bytes, value: Any) -> None:
        self.result = (key, value)
        self._result_changed = True

    def save(self) -> None:
        if self.folder is None:
            return
        if self._result_changed:
            _write(self.folder / RESULT_FILE, self.result)
        if self._stats_changed:
            _write(self.folder / STATS_FILE, self._stats)
        files_went = self._files_used.keys() != (self._files or {}).keys()
        if self._files_used and (self._files_changed or files_went):
            _write_files(self.folder, self._files_used, self._files_base, self._file_parts, self._in_parts)
        rewritten = False  # the analyses' base, which then holds every part too
        if self._every_field_used:
            # Every field of the corpus was looked up: what was not is text no file holds any more.
            if self._used and (self._analyses_changed or self._used.keys() != self.analyses.keys()):
                rewritten = _write_layered(self.folder, ANALYSES_FILE, self._used, self._analyses_base)
        elif self._used and (self._analyses_changed or not self._used.keys() <= self.analyses.keys()):
            # A check reads only new and changed files: the fields of the others stay known.
            values = {**self.analyses, **self._used}
            rewritten = _write_layered(self.folder, ANALYSES_FILE, values, self._analyses_base)
        parts = self.folder / (ANALYSES_FILE + PARTS)
        if rewritten:
            with contextlib.suppress(OSError):
                parts.unlink(missing_ok=True)
        elif self._new_parts:
            _write(parts, [*self._stored_parts, *self._new_parts])

    def every_field_used(self) -> None:
        """Say that this run looked up every Markdown field of the corpus, so saving may prune."""
        self._every_field_used = True


RESULT_FILE = "result.pickle"
ANALYSES_FILE = "analyses.pickle"
FILES_FILE = "files.pickle"
STATS_FILE = "stats.pickle"


# The records and analyses of 10,000 files fill 35 MB. Rewriting that after every edit would cost a
# repeat check a tenth of a second, so each is kept in two files: a base, rewritten whole only once it
# is an eighth out of date, and the values added since. Every value is what its key always gives, so
# any mix of the two files read back is right; an out-of-date base only holds values no longer used.
LAYER = ".new"
PARTS = ".parts"  # analyses made by a first check's workers, each part one pickled dict
OUT_OF_DATE = 8


def _beside_the_base(kept: int, changed: int) -> bool:
    """Whether what changed is written beside a base of `kept` values, not the base again."""
    return kept > 0 and changed * OUT_OF_DATE <= kept


def _read_layered(folder: Path | None, name: str) -> tuple[dict[bytes, Any], frozenset[bytes]]:
    """The values kept under `name` (its base and what was added since), and the base's keys."""
    if folder is None:
        return {}, frozenset()
    base, added = _read(folder / name), _read(folder / (name + LAYER))
    base = base if isinstance(base, dict) else {}
    return {**base, **(added if isinstance(added, dict) else {})}, frozenset(base)


def _write_layered(folder: Path, name: str, values: dict[bytes, Any], base: frozenset[bytes]) -> bool:
    """Keep `values` under `name`: only what the base lacks, unless the base is too far out of date
    (then it is rewritten whole, and True returned)."""
    added = {key: value for key, value in values.items() if key not in base}
    unused = len(base) - (len(values) - len(added))
    if _beside_the_base(len(base), len(added) + unused):
        _write(folder / (name + LAYER), added)
        return False
    _write(folder / name, values)
    with contextlib.suppress(OSError):
        (folder / (name + LAYER)).unlink(missing_ok=True)
    return True


# File records are kept the same way, and their base holds most of them in parts: the pickled
# list of records one worker of a first check made, with their keys. One large pickle loads in
# about half the time of the same records pickled one by one (a repeat check at 10,000 files
# loads them all), and a worker's part is written as it came. The rest are pickled one by one.
Parts = list[tuple[tuple[bytes, ...], bytes]]


def _read_files(folder: Path | None) -> tuple[dict[bytes, Any], dict[bytes, Any], Parts, dict[bytes, Any]]:
    """Every kept record by key (objects from parts, pickles otherwise); those of the base alone;
    the base's parts; and the records as their parts hold them."""
    if folder is None:
        return {}, {}, [], {}
    base, added = _read(folder / FILES_FILE), _read(folder / (FILES_FILE + LAYER))
    parts, loose = base if isinstance(base, tuple) and len(base) == 2 else ([], {})
    in_parts: dict[bytes, Any] = {}
    for keys, part in parts:
        in_parts.update(zip(keys, pickle.loads(part), strict=True))
    in_base = {**in_parts, **loose}
    return {**in_base, **(added if isinstance(added, dict) else {})}, in_base, list(parts), in_parts


def _write_files(
    folder: Path, used: dict[bytes, Any], base: dict[bytes, Any], parts: Parts, in_parts: dict[bytes, Any]
) -> None:
    """Keep the `used` records: those the base does not hold as they are (new ones, and ones this
    run completed, say with findings under other settings) beside it, unless the base is too far
    out of date; then the base again, with every part whose records are all used as it holds
    them, as it was."""

    def pickled(record: Any) -> bytes:
        return record if isinstance(record, bytes) else pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)

    fresh = [key for key, record in used.items() if key not in base or record is not base[key]]
    unused = len(base) - (len(used) - len(fresh))
    if _beside_the_base(len(base), len(fresh) + unused):
        _write(folder / (FILES_FILE + LAYER), {key: pickled(used[key]) for key in fresh})
        return
    whole = [(keys, part) for keys, part in parts if all(used.get(key) is in_parts[key] for key in keys)]
    covered = {key for keys, _ in whole for key in keys}
    loose = {key: pickled(record) for key, record in used.items() if key not in covered}
    _write(folder / FILES_FILE, (whole, loose))
    with contextlib.suppress(OSError):
        (folder / (FILES_FILE + LAYER)).unlink(missing_ok=True)


def _read(path: Path) -> Any:
    """What `_write` stored there by this very code, or None (missing, damaged, other code)."""
    try:
        with path.open("rb") as stream:
            code, value = pickle.load(stream)
    except Exception:  # a missing, truncated or foreign file is only a cache miss
        return None
    return value if code == code_fingerprint() else None


def _write(path: Path, value: Any) -> None:
    import tempfile  # here: a repeat check that changes nothing writes nothing

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole, then renamed: a reader never sees half a file.
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as stream:
            try:
                pickle.dump((code_fingerprint(), value), stream, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                Path(stream.name).unlink()
                raise
        Path(stream.name).replace(path)
    except OSError:
        return
