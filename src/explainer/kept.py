"""What a check keeps of each content file between runs, so a repeat check redoes only what changed.

A file is known by its path and its bytes. For a file seen before, a check takes from the cache:

- what reading it gave: read errors, or a document that is parsed again only if something asks
  for its data or positions (a corpus rule reporting in it, a page being rendered);
- what validating it gave: the entity, or the schema errors;
- what the per-entry rules found in it, and the references it makes, when the context they ran in
  (settings, parser) is also the same. No per-entry rule reads the day, so a new
  day does not make a check read every file again; the rules about review dates run whole.

Rules that look across files (unknown references, duplicates, missing ratings) always run on the
whole corpus, over kept entities and kept references: they are cheap once nothing is parsed. A
record of a file that changed, moved or went simply stops being looked up, and is not saved again.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from explainer.analysis import markdown_texts
from explainer.cache import CheckCache, digest
from explainer.content import Entry
from explainer.cores import in_chunks, on_all_cores, parallel_pays
from explainer.diagnostics import Diagnostic
from explainer.kinds import Kind
from explainer.lint import EntryLint, lint_entry
from explainer.lint.registry import Context
from explainer.model import Entity
from explainer.source import Document, ReadError, parse_document, read_bytes
from explainer.validate import kind_of_path, validate_document

if TYPE_CHECKING:
    from explainer.snapshot import Snapshot

# From this many entries to lint, the per-entry rules run on every core.
LINT_ON_ALL_CORES = 400
# From this many files without a record, their records are all made on every core before the check.
RECORDS_ON_ALL_CORES = 400


@dataclass(frozen=True)
class FileRecord:
    """One file's results, keyed by its path and bytes."""

    read_problems: tuple[Diagnostic, ...] = ()  # when it could not be read, nothing else is kept
    validated: tuple[Entity | None, tuple[Diagnostic, ...]] | None = None  # entity, schema errors
    lint: tuple[bytes, EntryLint] | None = None  # the context key the findings hold for, and them


class StoredDocument(Document):
    """A document whose file is unchanged since it was last read: read and parsed again on first
    use only."""

    def __init__(self, path: str, load: Callable[[str], bytes]) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "_load", load)

    @cached_property
    def _parsed(self) -> Document:
        return parse_document(self.path, self._load(self.path))  # type: ignore[attr-defined]

    @cached_property
    def text(self) -> str:
        return self._parsed.text

    @cached_property
    def data(self) -> dict[str, Any]:
        return self._parsed.data

    @cached_property
    def keys(self) -> Any:
        return self._parsed.keys

    @cached_property
    def spans(self) -> Any:
        return self._parsed.spans


@dataclass
class KeptFiles:
    """The per-file records of a check cache (or none: everything is computed, nothing kept)."""

    cache: CheckCache | None = None
    keys: dict[str, bytes] = field(default_factory=dict)  # each file's key, when already computed
    # Each file's bytes, by path, for files known by their key alone (see explainer.snapshot).
    load: Callable[[str], bytes] | None = None
    # By path, this run's record of each file, and its stored form (the cache's object or pickle)
    # while it is the one read.
    _records: dict[str, tuple[bytes, FileRecord, Any]] = field(default_factory=dict)

    def stored(self, path: str) -> Document | None:
        """The remembered outcome of reading this file, when its key is known and the cache has it
        (ReadError when it could not be read); None sends the check to read it."""
        key = self.keys.get(path)
        stored = self.cache.file(key) if key is not None and self.cache is not None else None
        if stored is None or self.load is None:
            return None
        return self._restore(path, key, stored, self.load)  # type: ignore[arg-type]

    def parse(self, path: str, raw: bytes) -> Document:
        """`parse_document`, or the same outcome remembered for these bytes at this path."""
        key = self._key(path, raw)
        stored = self.cache.file(key) if self.cache is not None else None
        if stored is None:
            try:
                document = parse_document(path, raw)
            except ReadError as error:
                self.keep(path, key, FileRecord(read_problems=tuple(error.diagnostics)))
                raise
            self.keep(path, key, FileRecord())
            return document
        return self._restore(path, key, stored, lambda _: raw)

    def _restore(self, path: str, key: bytes, stored: Any, load: Callable[[str], bytes]) -> Document:
        record: FileRecord = pickle.loads(stored) if isinstance(stored, bytes) else stored
        self._records[path] = (key, record, stored)
        if record.read_problems:
            raise ReadError(list(record.read_problems))
        return StoredDocument(path, load)

    def validate(self, document: Document, kind: Kind) -> tuple[Entity | None, list[Diagnostic]]:
        """`validate_document`, or its remembered outcome for an unchanged file."""
        key, record = self.record(document.path)
        if record is not None and record.validated is not None:
            entity, problems = record.validated
            return entity, list(problems)
        entity, found = validate_document(document, kind)
        if record is not None:
            self.keep(document.path, key, replace(record, validated=(entity, tuple(found))))
        return entity, found

    def linter(self, context: Context) -> EntryLinter:
        """`lint_entry` for `lint`, answered from the records of unchanged files where it can be."""
        return EntryLinter(self, context, context_key(context))

    def record(self, path: str) -> tuple[bytes, FileRecord | None]:
        key, record, _ = self._records.get(path, (b"", None, None))
        return key, record

    def keep(self, path: str, key: bytes, record: FileRecord) -> None:
        self._records[path] = (key, record, None)

    def make_missing(self, context: Context, snapshot: Snapshot | None = None) -> int:
        """Make the record of every file the cache has none of, on every core when there are
        enough; returns how many were made (0: there were too few, and the check computes them
        as it goes). The workers read and hash the files `snapshot` has not read yet.

        A record holds everything the check would otherwise work out from the file on its own:
        reading, validating, the per-entry rules and the Markdown analyses they leave behind. So
        a first check at 10,000 files does nearly all its work on both cores, and then reads the
        corpus as a repeat check does. Only the records and analyses come back from the workers,
        pickled, which costs far less than the parsed documents would.
        """
        if self.cache is None or self.load is None:
            return 0
        known = self.cache.file  # reads the stored records
        missing = [path for path, key in self.keys.items() if known(key) is None]
        pending = snapshot.pending if snapshot is not None else []
        if not parallel_pays(len(missing) + len(pending), minimum=RECORDS_ON_ALL_CORES):
            return 0
        read: dict[str, bytes] = {}
        for path in missing:
            try:
                read[path] = self.load(path)
            except OSError:
                continue  # gone since it was listed: the check reports it (E101)
        paths = [*read, *pending]
        opened = {path: snapshot.path_of(path) for path in pending} if snapshot is not None else {}
        context.analyser.prepare()  # once here, not once in every worker
        settled, configuration = context_key(context), context.analyser.configuration

        def make(indices: range) -> tuple[list[bytes | None], bytes, bytes]:
            """The key of each of these files (None: unreadable), one pickle of the records of
            those read and one of every analysis they left: the cache keeps both as they are."""
            keys: list[bytes | None] = []
            records: list[FileRecord] = []
            analyses: dict[bytes, Any] = {}
            for index in indices:
                path = paths[index]
                raw = read.get(path)
                if raw is None:
                    try:
                        raw = read_bytes(opened[path])
                    except OSError:
                        keys.append(None)
                        continue
                keys.append(self._key(path, raw))  # hashed here only if the snapshot had not
                record, found = _record_of(path, raw, context, settled, configuration)
                records.append(record)
                analyses.update(found)
            return keys, _pickled(records), pickle.dumps(analyses, protocol=pickle.HIGHEST_PROTOCOL)

        start = 0
        for keys, records, analyses in in_chunks(make, len(paths), minimum=RECORDS_ON_ALL_CORES):
            for path, key in zip(paths[start : start + len(keys)], keys, strict=True):
                if snapshot is not None and path in opened:
                    snapshot.hashed(path, key)
            start += len(keys)
            self.cache.add_files(tuple(key for key in keys if key is not None), records)
            self.cache.add_analyses(analyses)
        if snapshot is not None:
            snapshot.pending = []
        return len(paths)

    def _key(self, path: str, raw: bytes) -> bytes:
        return self.keys.get(path) or digest(path, raw)

    def store(self) -> None:
        """Hand this run's records to the cache: those read as they were, the rest pickled anew."""
        if self.cache is None or self.cache.folder is None:
            return
        for key, record, stored in self._records.values():
            if stored is None:
                self.cache.remember_file(key, _pickled(record))
            else:
                self.cache.remember_file(key, stored, changed=False)


@dataclass
class EntryLinter:
    """Per-entry lint findings of a run: kept ones for unchanged files, fresh ones for the rest."""

    files: KeptFiles
    context: Context
    settled: bytes  # the context's key
    _fresh: dict[int, EntryLint] = field(default_factory=dict)  # by id() of the entry
    _kept: dict[int, EntryLint] = field(default_factory=dict)  # by id() of the entry

    def kept(self, entry: Entry) -> EntryLint | None:
        found = self._kept.get(id(entry))
        if found is None:
            _, record = self.files.record(entry.document.path)
            if record is not None and record.lint is not None and record.lint[0] == self.settled:
                found = self._kept[id(entry)] = record.lint[1]
        return found

    def fresh(self, entry: Entry) -> bool:
        """Whether the rules must read this entry (its file, or the context, changed)."""
        return self.kept(entry) is None

    def prepare(self, entries: list[Entry]) -> None:
        """Run the per-entry rules on these entries now, on all cores when there are enough."""
        found = on_all_cores(
            lambda index: lint_entry(entries[index], self.context), len(entries), minimum=LINT_ON_ALL_CORES
        )
        for entry, linted in zip(entries, found, strict=True):
            self._remember(entry, linted)

    def __call__(self, entry: Entry) -> EntryLint:
        found = self.kept(entry) or self._fresh.get(id(entry))
        if found is None:
            found = lint_entry(entry, self.context)
            self._remember(entry, found)
        return found

    def _remember(self, entry: Entry, found: EntryLint) -> None:
        self._fresh[id(entry)] = found
        key, record = self.files.record(entry.document.path)
        if record is not None:
            self.files.keep(entry.document.path, key, replace(record, lint=(self.settled, found)))


def _record_of(
    path: str, raw: bytes, context: Context, settled: bytes, configuration: str
) -> tuple[FileRecord, dict[bytes, Any]]:
    """One file's record, as a check working through it would leave it, and the
    analyses of its Markdown fields, keyed as the check cache keeps them. `settled` is the
    context's key and `configuration` its parser's, worked out once for all files."""
    try:
        document = parse_document(path, raw)
    except ReadError as error:
        return FileRecord(read_problems=tuple(error.diagnostics)), {}
    kind = kind_of_path(path)
    if kind is None:  # the check reports the file (E211) and reads nothing in it
        return FileRecord(), {}
    entity, found = validate_document(document, kind)
    entry = Entry(kind, document.stem, document, entity)
    linted = lint_entry(entry, context)
    record = FileRecord(validated=(entity, tuple(found)), lint=(settled, linted))
    texts = markdown_texts([entry])
    return record, {digest(configuration, t): context.analyser.parse(t) for t in texts}


def _pickled(record: Any) -> bytes:
    return pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)


def context_key(context: Context) -> bytes:
    """Everything besides an entry's file that per-entry rules read: they agree when this does.
    Never the day (tests/unit/test_incremental_check.py changes it between runs) nor the page
    families, which depend on other files."""
    return digest(context.settings.model_dump_json(), context.analyser.configuration)
