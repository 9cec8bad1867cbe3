"""A content folder read once per check: its listing, and each file's key (a hash of its path and bytes).

A repeat check at 10,000 files would spend a fifth of its time reading and hashing files that have
not changed. So a file whose status (size, modification and change times in nanoseconds, inode,
device) equals the one recorded when it was last hashed keeps that hash, unread. Its bytes are read
only if something asks for them (a rule reporting in it, a page rendering it).

This is the rule git relies on, with its guard against racy timestamps. Any write to a file sets its
change time to the current time, and no program can set that time back. A status is recorded only
when both times were at least SETTLED_NS old when it was taken, so a write in the same clock tick
as the one recorded cannot look unchanged. An edit, rename, copy or deletion always misses.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from explainer.cache import digest
from explainer.source import Listing, list_content, read_bytes

# How old a file's times must be before its status vouches for its bytes: coarser than any clock a
# file system keeps (FAT's two seconds included).
SETTLED_NS = 3_000_000_000

Status = tuple[int, int, int, int, int]  # size, mtime_ns, ctime_ns, inode, device
Known = Mapping[str, tuple[Status, bytes]]  # by path shown: a settled status and the key it vouches for


@dataclass
class Snapshot:
    listing: Listing
    read: dict[str, bytes]  # the bytes read this run, by path shown
    keys: dict[str, bytes]  # every readable file's key, by path shown
    unreadable: set[str] = field(default_factory=set)
    # Files listed but not read yet: a first check hashes them where it reads them (on all cores).
    pending: list[str] = field(default_factory=list)
    statuses: dict[str, Status] = field(default_factory=dict)  # by path shown, as this run found it
    taken: int = 0  # when, in ns

    def bytes_of(self, shown: str) -> bytes:
        """The file's bytes, read now if this run has not read them (OSError if it went)."""
        raw = self.read.get(shown)
        if raw is None:
            raw = self.read[shown] = read_bytes(self.path_of(shown))
        return raw

    def path_of(self, shown: str) -> str:
        return self._paths[shown]

    def hashed(self, shown: str, key: bytes | None) -> None:
        """A pending file's key, worked out where it was read (None: it could not be read)."""
        if key is None:
            self.unreadable.add(shown)
        else:
            self.keys[shown] = key

    def complete(self) -> None:
        """Read and hash the files still pending."""
        for shown in self.pending:
            try:
                self.hashed(shown, digest(shown, self.bytes_of(shown)))
            except OSError:
                self.hashed(shown, None)  # reading it again reports it (E101)
        self.pending = []

    @property
    def settled(self) -> dict[str, tuple[Status, bytes]]:
        """What a later run may trust: the status and key of each file whose times were settled."""
        return {
            shown: (status, self.keys[shown])
            for shown, status in self.statuses.items()
            if shown in self.keys and self.taken - max(status[1], status[2]) >= SETTLED_NS
        }

    @cached_property
    def fingerprint(self) -> bytes:
        """A hash of every file's path and key, and of the strays: equal exactly when the folder's
        content is (worked out once, for the whole-result lookup and for storing the result)."""
        self.complete()
        files = [part for path in sorted(self.keys) for part in (path, self.keys[path])]
        return digest(*files, "strays", *sorted(self.listing.strays))

    @cached_property
    def _paths(self) -> dict[str, str]:
        return dict(self.listing.files)


def read_snapshot(
    content_dir: Path, base: Path | None = None, known: Known | None = None, *, hash_now: bool = True
) -> Snapshot:
    """Every content file's key: from `known` when its status is the one recorded there, else by
    reading and hashing it, now or (`hash_now` off) when the check reads it (`pending`)."""
    listing = list_content(content_dir, base)
    known = known or {}
    snapshot = Snapshot(listing, {}, {}, taken=time.time_ns())
    for shown, path in listing.files:
        try:
            found = os.stat(path)  # noqa: PTH116 - a string path, as Listing gives it
        except OSError:
            snapshot.unreadable.add(shown)  # reading it again reports it (E101)
            continue
        status = (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev)
        snapshot.statuses[shown] = status
        recorded = known.get(shown)
        if recorded is not None and recorded[0] == status:
            snapshot.keys[shown] = recorded[1]
        else:
            snapshot.pending.append(shown)
    if hash_now:
        snapshot.complete()
    return snapshot
