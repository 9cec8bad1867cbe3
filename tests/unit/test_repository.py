"""The repository's promises: the README's two commands, CI calling the same test command, valid workflows."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import REPO


def test_readme_starts_with_the_serve_and_test_commands() -> None:
    lines = (REPO / "README.md").read_text().splitlines()
    block = lines[lines.index("```sh") + 1 : lines.index("```")]
    assert [line.split()[0] for line in block] == ["scripts/serve", "scripts/test"]
    assert lines.index("```sh") <= 3


def test_ci_runs_exactly_the_readme_test_command() -> None:
    run = (REPO / ".ci/run").read_text()
    assert "exec scripts/test\n" in run
    for script in ("scripts/test", "scripts/serve", "scripts/bootstrap", ".ci/run"):
        assert (REPO / script).stat().st_mode & 0o111, f"{script} is not executable"


def test_test_command_runs_every_test_layer() -> None:
    script = (REPO / "scripts/test").read_text()
    assert "bootstrap --browser" in script
    # Everything runs: all of tests/ in parallel, then Lighthouse alone (it times the page).
    assert ".venv/bin/pytest -n 2 --ignore=tests/browser/test_lighthouse.py\n" in script
    assert ".venv/bin/pytest tests/browser/test_lighthouse.py\n" in script


def test_workflows_and_issue_forms_are_valid() -> None:
    checker = Path(sys.executable).parent / "check-jsonschema"
    for schema, pattern in (
        ("vendor.github-workflows", ".github/workflows/*.yml"),
        ("vendor.github-issue-forms", ".github/ISSUE_TEMPLATE/*.yml"),
    ):
        files = sorted(str(p) for p in REPO.glob(pattern) if p.name != "config.yml")
        assert files
        done = subprocess.run(
            [checker, "--builtin-schema", schema, *files], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_published_site_points_to_its_own_addresses_not_the_placeholders() -> None:
    # mkdocs.yml falls back to placeholder addresses (example.org, github.com/example) so that a
    # clone builds as it is; a published site that kept them would send search engines' canonical
    # links, the sitemap and every "Report an error" to addresses nobody owns.
    config = (REPO / "mkdocs.yml").read_text()
    placeholders = {
        name
        for name, default in re.findall(r'!ENV \[(\w+), "([^"]*)"\]', config)
        if re.search(r"//(?:[\w.-]+\.)?example\.(?:org|com|net)\b|//github\.com/example/", default)
    }
    assert {"SITE_URL", "EDIT_URI", "REPORT_URL"} <= placeholders
    # Any other placeholder left as a literal would be published as it is.
    literal = re.findall(
        r"^[^#\n]*:\s+(https://(?:[\w.-]+\.)?example\.org\S*|https://github\.com/example/\S*)", config, re.M
    )
    assert literal == [], literal
    workflow = yaml.safe_load((REPO / ".github/workflows/pages.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    build = next(step for step in steps if step.get("run", "").startswith("scripts/serve --build"))
    env = build.get("env", {})
    for name in sorted(placeholders):
        assert "${{" in env.get(name, ""), f"the Pages build leaves {name} at its placeholder"
    configure = [
        i for i, step in enumerate(steps) if str(step.get("uses", "")).startswith("actions/configure-pages@")
    ]
    assert configure and configure[0] < steps.index(build), "SITE_URL must come from actions/configure-pages"


def test_lock_files_are_committed_and_tools_pinned() -> None:
    assert (REPO / "uv.lock").is_file() and (REPO / "package-lock.json").is_file()
    assert '"lighthouse": "' in (REPO / "package.json").read_text()
    assert (REPO / ".python-version").read_text().strip() == "3.11"


def test_every_content_file_names_its_schema_for_editors() -> None:
    from explainer.kinds import KIND_BY_FOLDER

    sites = [REPO, *(p.parent for p in (REPO / "examples").glob("*/mkdocs.yml"))]
    missing = []
    for site in sites:
        for path in sorted((site / "content").glob("*/*.yaml")):
            kind = KIND_BY_FOLDER[path.parent.name]
            first = path.read_text().split("\n", 1)[0]
            expected = f"# yaml-language-server: $schema=../../schemas/{kind.schema_name}"
            if first != expected or not (site / "schemas" / kind.schema_name).is_file():
                missing.append(str(path.relative_to(REPO)))
    assert missing == []


def test_editor_settings_map_every_content_folder_to_its_schema() -> None:
    import json

    from explainer.newsite import editor_settings

    assert json.loads((REPO / ".vscode/settings.json").read_text()) == json.loads(editor_settings())
