"""The command line: `explainer check | schema | build | serve | export | new`."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from explainer.check import BadPinnedDate, check_content, review_today
from explainer.diagnostics import OUTPUT_FORMATS, render_report, summary_line
from explainer.schema import schema_files

DEFAULT_CONTENT_DIR = Path("content")
DEFAULT_SCHEMA_DIR = Path("schemas")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command line that cannot be carried out as written (exit status 2)."""


def _existing_dir(path: Path, what: str) -> Path:
    if not path.is_dir():
        raise UsageError(f"{what} '{path}' is not a folder")
    return path


def today() -> date:
    try:
        return review_today()
    except BadPinnedDate as error:
        raise UsageError(str(error)) from None


def run_check(args: argparse.Namespace) -> int:
    content_dir = _existing_dir(Path(args.content_dir), "content folder")
    result = check_content(content_dir, today=today())
    sys.stdout.write(render_report(result.diagnostics, args.format))
    failed = result.failed(strict=args.strict)
    if args.format == "text":
        verdict = "failed" if failed else "passed"
        entities = sum(1 for _ in result.content.entities())
        print(
            f"check {verdict}: {summary_line(result.diagnostics)} in {entities} entries",
            file=sys.stderr,
        )
    return EXIT_FAILED if failed else EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    out = Path(args.out)
    files = schema_files()
    if args.check:
        stale = [
            name
            for name, text in files.items()
            if not (out / name).is_file() or (out / name).read_text(encoding="utf-8") != text
        ]
        extra = sorted(p.name for p in out.glob("*.json") if p.name not in files) if out.is_dir() else []
        for name in [*stale, *extra]:
            print(f"{out / name}: out of date; run 'explainer schema'", file=sys.stderr)
        return EXIT_FAILED if stale or extra else EXIT_OK
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        target = out / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target}", file=sys.stderr)
    return EXIT_OK


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
    config_file = _existing_file(Path(args.config), "MkDocs configuration")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config_file)]
    command += ["--dev-addr", args.dev_addr]
    os.execv(sys.executable, command)  # hands the terminal to MkDocs' live-reload server


def run_export(args: argparse.Namespace) -> int:
    from explainer.export import export_files
    from explainer.publish import publishable_files

    content_dir = _existing_dir(Path(args.content_dir), "content folder")
    result = check_content(content_dir, today=today())
    sys.stdout.write(render_report(result.diagnostics, "text"))
    if result.failed():
        print("export stopped: the content has errors; nothing was written", file=sys.stderr)
        return EXIT_FAILED
    files = publishable_files(result.content, Path(args.docs_dir))
    report = export_files(files, Path(args.out))
    print(
        f"exported to {args.out}: {len(report.written)} written, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed",
        file=sys.stderr,
    )
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    from explainer.model import ID_PATTERN, KIND_BY_NAME, KINDS
    from explainer.scaffold import skeleton
    from explainer.source import read_documents

    kind = KIND_BY_NAME.get(args.kind) or next((k for k in KINDS if args.kind in (k.folder, k.scheme)), None)
    if kind is None:
        raise UsageError(f"unknown kind '{args.kind}'; use one of: {', '.join(k.name for k in KINDS)}")
    if not re.match(ID_PATTERN, args.id):
        raise UsageError(f"'{args.id}' is not an id: use lowercase letters, digits and single hyphens")
    content_dir = _existing_dir(Path(args.content_dir), "content folder")
    target = content_dir / kind.folder / f"{args.id}.yaml"
    if target.exists() or target.with_suffix(".yml").exists():
        raise UsageError(f"{target} already exists")
    dimensions: list[str] = []
    if kind.name == "technology" and (content_dir / "dimensions").is_dir():
        documents, _ = read_documents(content_dir / "dimensions")
        dimensions = sorted(d.stem for d in documents)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(skeleton(kind, dimensions), encoding="utf-8")
    print(f"wrote {target}; replace every TODO, then run 'explainer check'", file=sys.stderr)
    return EXIT_OK


def _existing_file(path: Path, what: str) -> Path:
    if not path.is_file():
        raise UsageError(f"{what} '{path}' is not a file")
    return path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explainer",
        description="Validate explainer content and turn it into a static site.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate the content and print every problem")
    check.add_argument("content_dir", nargs="?", default=str(DEFAULT_CONTENT_DIR), metavar="CONTENT_DIR")
    check.add_argument("--format", choices=OUTPUT_FORMATS, default="text", help="how to print problems")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.set_defaults(run=run_check)

    schema = commands.add_parser("schema", help="write the JSON Schemas of every entity kind")
    schema.add_argument("--out", default=str(DEFAULT_SCHEMA_DIR), metavar="DIR")
    schema.add_argument("--check", action="store_true", help="only report schemas that are out of date")
    schema.set_defaults(run=run_schema)

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
    export.add_argument("--content-dir", default=str(DEFAULT_CONTENT_DIR), metavar="DIR")
    export.add_argument("--docs-dir", default="docs", metavar="DIR")
    export.set_defaults(run=run_export)

    new = commands.add_parser("new", help="start a new content file with every required field")
    new.add_argument(
        "kind",
        metavar="KIND",
        help="technology, dimension, definition, industry, use-case, topic, faq, source",
    )
    new.add_argument("id", metavar="ID", help="the new entry's id, which becomes its file name")
    new.add_argument("--content-dir", default=str(DEFAULT_CONTENT_DIR), metavar="DIR")
    new.set_defaults(run=run_new)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except UsageError as error:
        parser.error(str(error))  # prints usage and exits with status 2
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
