"""Build the site with MkDocs into a fresh folder and swap it into place only when the build succeeded.

MkDocs writes pages as it goes and, in strict mode, fails only at the end;
building into a temporary sibling folder and renaming it over the old site
means readers see either the old site or the new one, never a mixture. A
lock file serialises concurrent builds into the same folder.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException


class BuildFailed(Exception):
    """The build stopped; the previous site (if any) is untouched."""


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    with lock_path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _log_to_stderr() -> logging.Handler:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def build_site_atomically(config_file: Path, out: Path | None = None) -> Path:
    """Run a strict MkDocs build of `config_file` into `out` (default: its `site_dir`), all or nothing."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(config_file))
    target = (out or Path(config.site_dir)).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    handler = _log_to_stderr()
    try:
        with _exclusive(target.parent / f".{target.name}.lock"):
            staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
            try:
                config = load_config(str(config_file), site_dir=str(staging), strict=True)
                mkdocs_build(config)
            except MkDocsException as error:
                shutil.rmtree(staging, ignore_errors=True)
                raise BuildFailed(str(error) or type(error).__name__) from None
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            staging.chmod(0o755)
            _swap(staging, target)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return target


def _swap(new: Path, target: Path) -> None:
    """Put `new` where `target` is; the old folder is removed only after the new one is in place."""
    if not target.exists():
        new.rename(target)
        return
    retired = target.with_name(f".{target.name}-old-{os.getpid()}")
    target.rename(retired)
    try:
        new.rename(target)
    except OSError:
        retired.rename(target)
        raise
    shutil.rmtree(retired, ignore_errors=True)
