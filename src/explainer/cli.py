"""The command line: check, new, new-site, schema, reference, build, serve, export and diff.

Each command is a small function; `main` maps usage errors to exit status 2.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from explainer.cache import CheckCache
from explainer.check import BadPinnedDate, CheckResult, cached_check, check_content, review_today
from explainer.diagnostics import OUTPUT_FORMATS, Diagnostic, has_errors, render_report, summary_line
from explainer.kinds import KIND_BY_NAME, KINDS, Kind
from explainer.model import ID_PATTERN
from explainer.project import NoProject, Project, find_project
from explainer.settings import BadSettings
from explainer.snapshot import Snapshot, read_snapshot

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
SCHEMAS = "schemas"
FIELD_REFERENCE = "docs/contributing/fields.md"


class UsageError(Exception):
    """A command line that cannot be carried out as written (exit status 2)."""


def today() -> date:
    try:
        return review_today()
    except BadPinnedDate as error:
        raise UsageError(str(error)) from None


def project_at(path: Path) -> Project:
    try:
        return find_project(path)
    except NoProject as error:
        raise UsageError(str(error)) from None


def checked(project: Project, snapshot: Snapshot | None = None) -> CheckResult:
    return check_content(project.content_dir, today=today(), site=project.site, snapshot=snapshot)


# -- check --------------------------------------------------------------------------------------


def changed_paths(reference: str, project: Project) -> list[Path]:
    """Content files changed since a git ref (added, modified, renamed or deleted), and new ones."""
    import subprocess  # here: only --changed-since runs git

    root = project.content_dir
    try:
        listed = subprocess.run(
            ["git", "diff", "--name-only", "--no-renames", reference, "--", str(root)],
            capture_output=True, text=True, check=True, cwd=root,
        ).stdout.split()  # fmt: skip
        untracked = subprocess.run(
            ["git", "ls-files", "--others", "--exclude-standard", "--", str(root)],
            capture_output=True, text=True, check=True, cwd=root,
        ).stdout.split()  # fmt: skip
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True, cwd=root
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        raise UsageError(f"cannot list changes since '{reference}': {detail.strip()}") from None
    return [Path(top) / name for name in listed] + [root / name for name in untracked]


def _entity_key(path: Path, content_dir: Path) -> tuple[str, str] | None:
    try:
        relative = path.resolve().relative_to(content_dir.resolve())
    except ValueError:
        return None
    parts = relative.parts
    kind = next((k for k in KINDS if len(parts) == 2 and parts[0] == k.folder), None)
    return (kind.name, Path(parts[1]).stem) if kind else None


def focus(result: CheckResult, project: Project, paths: list[Path]) -> list[Diagnostic]:
    """Diagnostics in the given files or folders, and in the files that refer to entities in them."""
    from explainer.check import context_for
    from explainer.references import all_references

    targets = [p.resolve() for p in paths]
    keys = {key for p in targets if (key := _entity_key(p, project.content_dir)) is not None}
    referring: set[str] = set()
    analyser = context_for(project.site).analyser
    for reference in all_references(result.content, analyser):
        if (reference.kind, reference.target) in keys:
            referring.add(str(Path(reference.origin.document.path).resolve()))

    def wanted(diagnostic: Diagnostic) -> bool:
        where = Path(diagnostic.path).resolve()
        return str(where) in referring or any(where == t or t in where.parents for t in targets)

    return [d for d in result.diagnostics if wanted(d)]


def run_check(args: argparse.Namespace) -> int:
    from explainer.handwritten import page_problems

    paths = [Path(p) for p in args.paths] or [Path.cwd()]
    for path in paths:
        if not path.exists() and not args.changed_since:
            raise UsageError(f"'{path}' does not exist")
    project = project_at(paths[0] if paths[0].exists() else Path.cwd())
    roots = {project.content_dir, project.site.project_root}
    whole = not args.changed_since and all(p.resolve() in roots for p in paths)
    snapshot = None
    if args.no_cache:
        os.environ["EXPLAINER_CACHE"] = "0"
    elif whole and (cache := CheckCache.load(project.site.project_root)).result is not None:
        snapshot = read_snapshot(project.content_dir, known=cache.stats)
        kept = cached_check(project.content_dir, today=today(), site=project.site, snapshot=snapshot)
        if kept:
            return _report([*kept[0], *page_problems(project.site)], args, f"{kept[1]} entries")
    try:
        result = checked(project, snapshot)
    except BadSettings as error:
        sys.stdout.write(render_report(error.diagnostics, args.format))
        return EXIT_FAILED
    diagnostics = result.diagnostics
    if whole:
        diagnostics = [*diagnostics, *page_problems(project.site)]
    if args.changed_since:
        diagnostics = focus(result, project, changed_paths(args.changed_since, project))
    elif not whole:
        diagnostics = focus(result, project, paths)
    scope = f"{len(result.content)} entries" + ("" if whole else ", reporting on the given files")
    return _report(diagnostics, args, scope)


def _report(diagnostics: list[Diagnostic], args: argparse.Namespace, scope: str) -> int:
    sys.stdout.write(render_report(diagnostics, args.format))
    failed = has_errors(diagnostics, strict=not args.lenient)
    if args.format == "text":
        verdict = "failed" if failed else "passed"
        print(f"check {verdict}: {summary_line(diagnostics)} in {scope}", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


# -- generated files: schemas and the field reference ------------------------------------------------


def _write_or_check(files: dict[Path, str], check: bool, command: str) -> int:
    stale = [path for path, text in files.items() if not path.is_file() or path.read_text("utf-8") != text]
    if check:
        for path in stale:
            print(f"{path}: out of date; run '{command}'", file=sys.stderr)
        return EXIT_FAILED if stale else EXIT_OK
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[path], encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    from explainer.schema import schema_files

    project = project_at(Path(args.project))
    out = Path(args.out) if args.out else project.site.project_root / SCHEMAS
    content = checked(project).content
    files = {out / name: text for name, text in schema_files(content).items()}
    status = _write_or_check(files, args.check, "explainer schema")
    if args.check and out.is_dir():
        extra = sorted(p for p in out.glob("*.json") if p not in files)
        for path in extra:
            print(f"{path}: not a schema of any kind; delete it", file=sys.stderr)
        status = status or (EXIT_FAILED if extra else EXIT_OK)
    return status


def run_reference(args: argparse.Namespace) -> int:
    from explainer.check import context_for
    from explainer.render import RenderContext
    from explainer.render.page import Page
    from explainer.render.reference import field_reference_markdown

    project = project_at(Path(args.project))
    site = RenderContext(checked(project).content, project.site.settings, context_for(project.site).analyser)
    text = Page(
        "contributing/fields.md", "Field reference", field_reference_markdown(site), "reference"
    ).markdown
    target = Path(args.out) if args.out else project.site.project_root / FIELD_REFERENCE
    return _write_or_check({target: text}, args.check, "explainer reference")


# -- new entries and new sites -----------------------------------------------------------------


def slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.casefold()))[:80].strip("-")


def _kind(name: str) -> Kind:
    kind = KIND_BY_NAME.get(name) or next((k for k in KINDS if name in (k.folder, k.scheme)), None)
    if kind is None:
        raise UsageError(f"unknown kind '{name}'; use one of: {', '.join(k.name for k in KINDS)}")
    return kind


def run_new(args: argparse.Namespace) -> int:
    from explainer.scaffold import Scaffold, schema_modeline

    kind = _kind(args.kind)
    is_id = re.match(ID_PATTERN, args.title) is not None and args.id is None
    entity_id = args.id or (args.title if is_id else slug(args.title))
    if not entity_id or not re.match(ID_PATTERN, entity_id):
        raise UsageError(f"'{entity_id}' is not an id: use lowercase letters, digits and single hyphens")
    project = project_at(Path(args.content_dir) if args.content_dir else Path.cwd())
    target = project.content_dir / kind.folder / f"{entity_id}.yaml"
    if target.exists() or target.with_suffix(".yml").exists():
        raise UsageError(f"{target} already exists; edit it, or choose another id with --id")
    result = checked(project)
    scaffold = Scaffold(result.content, project.site.settings, today())
    schemas = project.site.project_root / SCHEMAS
    modeline = schema_modeline(target, schemas, kind) if schemas.is_dir() else None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(scaffold.skeleton(kind, None if is_id else args.title, modeline), encoding="utf-8")
    print(f"wrote {target}; replace each TODO, then run 'explainer check {target}'", file=sys.stderr)
    return EXIT_OK


def run_new_site(args: argparse.Namespace) -> int:
    from explainer.newsite import write_site

    target = Path(args.directory)
    if target.exists() and any(target.iterdir()):
        raise UsageError(f"'{target}' is not empty; choose a new folder")
    written = write_site(target, title=args.title, today=today())
    print(f"wrote {len(written)} files into {target}; try: cd {target} && explainer check && explainer build",
          file=sys.stderr)  # fmt: skip
    return EXIT_OK


# -- build, serve, export, diff ------------------------------------------------------------------


def _existing_file(path: Path, what: str) -> Path:
    if not path.is_file():
        raise UsageError(f"{what} '{path}' is not a file")
    return path


def run_build(args: argparse.Namespace) -> int:
    from explainer.build import BuildFailed, build_site_atomically

    config_file = _existing_file(Path(args.config), "MkDocs configuration")
    try:
        target = build_site_atomically(config_file, Path(args.out) if args.out else None)
    except BuildFailed as error:
        print(f"build failed: {error}; the previous site was left as it was", file=sys.stderr)
        return EXIT_FAILED
    print(f"built {target}", file=sys.stderr)
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    from explainer.serve import serve

    config_file = _existing_file(Path(args.config), "MkDocs configuration")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return serve(config_file, args.dev_addr)


def run_export(args: argparse.Namespace) -> int:
    from explainer.check import context_for
    from explainer.export import export_files
    from explainer.publish import publishable_files
    from explainer.render import RenderContext
    from explainer.render.snippets import SnippetError

    project = project_at(Path(args.project))
    result = checked(project)
    sys.stdout.write(render_report(result.diagnostics, "text"))
    if result.failed(strict=False):
        print("export stopped: the content has errors; nothing was written", file=sys.stderr)
        return EXIT_FAILED
    site = RenderContext(result.content, project.site.settings, context_for(project.site).analyser)
    docs = Path(args.docs_dir) if args.docs_dir else project.site.docs_path
    try:
        files = publishable_files(site, docs)
    except SnippetError as error:
        print(f"{error}\nexport stopped: nothing was written", file=sys.stderr)
        return EXIT_FAILED
    report = export_files(files, Path(args.out))
    print(
        f"exported to {args.out}: {len(report.written)} written, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed",
        file=sys.stderr,
    )
    return EXIT_OK


def run_diff(args: argparse.Namespace) -> int:
    from explainer.diff import DiffFailed, content_diff

    project = project_at(Path.cwd())
    try:
        print(content_diff(project, args.base, args.head), end="")
    except DiffFailed as error:
        raise UsageError(str(error)) from None
    return EXIT_OK


# -- the parser ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explainer",
        description="Validate explainer content and turn it into a static site.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate the content and print every problem (warnings fail too, unless --lenient)",
        description="Check the whole content folder the paths belong to, and report on the paths given "
        "(files or folders) and on whatever refers to them; with no path, report on everything.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="content files or folders to report on")
    check.add_argument("--format", choices=OUTPUT_FORMATS, default="text", help="how to print problems")
    strictness = check.add_mutually_exclusive_group()
    strictness.add_argument(
        "--strict", action="store_true", help="fail on warnings too (the default; CI spells it out)"
    )
    strictness.add_argument("--lenient", action="store_true", help="fail on errors only, not on warnings")
    check.add_argument("--changed-since", metavar="REF", help="report on files changed since a git ref")
    check.add_argument(
        "--no-cache", action="store_true", help="read everything afresh, ignoring .cache/explainer"
    )
    # A check's corpus can be a million objects: freeing them one by one at exit is skipped.
    check.set_defaults(run=run_check, leave_at_once=True)

    new = commands.add_parser(
        "new",
        help="start a new content file with a placeholder in every field",
        description="Kinds: " + "; ".join(f"{k.name} ({k.help})" for k in KINDS),
    )
    new.add_argument("kind", metavar="KIND", help=", ".join(k.name for k in KINDS))
    new.add_argument("title", metavar="TITLE", help="its name, term, title or question (or just an id)")
    new.add_argument("--id", help="the id (file name) to use instead of one made from TITLE")
    new.add_argument("--content-dir", metavar="DIR", help="the content folder (found from here by default)")
    new.set_defaults(run=run_new)

    new_site = commands.add_parser("new-site", help="scaffold a new explainer site that checks and builds")
    new_site.add_argument("directory", metavar="DIR")
    new_site.add_argument("--title", default="My explainer", help="the site's name")
    new_site.set_defaults(run=run_new_site)

    schema = commands.add_parser("schema", help="write the JSON Schemas of every entity kind")
    schema.add_argument("--project", default=".", metavar="DIR")
    schema.add_argument("--out", metavar="DIR", help="where to write them (default: schemas/)")
    schema.add_argument("--check", action="store_true", help="only report schemas that are out of date")
    schema.set_defaults(run=run_schema)

    reference = commands.add_parser("reference", help=f"write the field reference ({FIELD_REFERENCE})")
    reference.add_argument("--project", default=".", metavar="DIR")
    reference.add_argument("--out", metavar="FILE")
    reference.add_argument("--check", action="store_true", help="only report whether it is out of date")
    reference.set_defaults(run=run_reference)

    build = commands.add_parser("build", help="check the content and build the site, all or nothing")
    build.add_argument("--out", metavar="DIR", help="where to put the site (default: site_dir, site/)")
    build.add_argument("--config", default="mkdocs.yml", metavar="FILE")
    build.set_defaults(run=run_build)

    serve = commands.add_parser("serve", help="preview the site, rebuilding when content changes")
    serve.add_argument("--config", default="mkdocs.yml", metavar="FILE")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT")
    serve.set_defaults(run=run_serve)

    export = commands.add_parser("export", help="write the rendered pages as plain Markdown files")
    export.add_argument("out", metavar="DIR")
    export.add_argument("--project", default=".", metavar="DIR")
    export.add_argument(
        "--docs-dir", metavar="DIR", help="the hand-written pages to export (default: mkdocs.yml's docs_dir)"
    )
    export.set_defaults(run=run_export)

    diff = commands.add_parser("diff", help="summarize content changes between two git refs, as Markdown")
    diff.add_argument("base", metavar="BASE")
    diff.add_argument("head", nargs="?", metavar="HEAD", help="default: the working tree")
    diff.set_defaults(run=run_diff)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        # The command itself (not a test calling in): one short run, which the cycle collector
        # would only slow down, walking the whole corpus in memory to find next to nothing.
        gc.disable()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = int(args.run(args))
    except UsageError as error:
        parser.error(str(error))  # prints usage and exits with status 2
    except BadSettings as error:
        sys.stdout.write(render_report(error.diagnostics, "text"))
        return EXIT_FAILED
    if argv is None and getattr(args, "leave_at_once", False):
        leave_at_once(code)
    return code


def leave_at_once(code: int) -> None:
    """End the process now, its output flushed, without Python's teardown: at 10,000 entries the
    teardown frees every object of the corpus one by one, a tenth of a repeat check (as mypy's
    hard_exit does). Only once all work is done and saved: nothing waits for exit handlers."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
