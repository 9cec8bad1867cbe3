"""E001: the explainer plugin's options in mkdocs.yml, read strictly, every problem at its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from explainer.cli import main
from explainer.settings import BadSettings, read_site_config

HEAD = "site_name: Test\nplugins:\n  - search\n  - explainer:\n      content_dir: content\n"


def _config(tmp_path: Path, text: str) -> Path:
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    (tmp_path / "content").mkdir(exist_ok=True)
    return config


def _problems(config: Path) -> list[str]:
    with pytest.raises(BadSettings) as raised:
        read_site_config(config)
    return [f"{d.position.line}:{d.position.column} {d.code} {d.message}" for d in raised.value.diagnostics]


def test_a_block_written_twice_is_refused_at_the_second(tmp_path: Path) -> None:
    config = _config(
        tmp_path,
        HEAD
        + "      search:\n        engine: pagefind\n"
        + "      staleness:\n        after_days: 30\n"
        + "      search:\n        synonyms:\n          - [image, picture]\n",
    )
    (problem,) = _problems(config)
    assert problem.startswith("10:7 E001 'search' is set twice in the same block (first on line 6)")


def test_a_key_twice_anywhere_in_the_file_is_refused(tmp_path: Path) -> None:
    config = _config(tmp_path, HEAD + "theme:\n  name: material\n  name: readthedocs\n")
    assert [p.split(" E001")[0] for p in _problems(config)] == ["8:3"]


def test_the_same_key_in_two_blocks_is_fine(tmp_path: Path) -> None:
    config = _config(
        tmp_path, HEAD + "      search:\n        engine: lunr\n      paging:\n        engine: x\n"
    )
    with pytest.raises(BadSettings) as raised:  # 'paging.engine' is no option: one problem, not a duplicate
        read_site_config(config)
    assert [d.message for d in raised.value.diagnostics] == [
        "plugins.explainer.paging.engine: unknown option"
    ]


def test_an_unknown_option_and_a_bad_value_are_refused_where_they_are_written(tmp_path: Path) -> None:
    config = _config(tmp_path, HEAD + "      colour: blue\n      search:\n        engine: bing\n")
    problems = sorted(_problems(config))
    assert problems[0] == "6:7 E001 plugins.explainer.colour: unknown option"
    assert problems[1].startswith("8:9 E001 plugins.explainer.search.engine: Input should be")


def test_the_check_command_reports_them_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _config(tmp_path, HEAD + "      search:\n        engine: lunr\n      search:\n        engine: pagefind\n")
    assert main(["check", str(tmp_path)]) == 1
    out, _ = capsys.readouterr()
    assert "mkdocs.yml:8:7: error E001: 'search' is set twice" in out


def test_a_family_alias_given_twice_is_refused_where_it_is_written(tmp_path: Path) -> None:
    config = _config(
        tmp_path,
        HEAD + "      families:\n        compare:\n          aliases: [comparison table, Comparison-Table]\n",
    )
    (problem,) = _problems(config)
    assert problem.startswith("8:11 E001 plugins.explainer.families.compare.aliases: ")
    assert "alias 'Comparison-Table' is listed twice" in problem


TWO_FAMILIES_CLAIM_ONE_ALIAS = (
    "      families:\n"
    "        compare:\n          aliases: [overview]\n"
    "        technologies:\n          aliases: [Overview]\n"
)


def test_an_alias_two_families_claim_is_refused(tmp_path: Path) -> None:
    config = _config(tmp_path, HEAD + TWO_FAMILIES_CLAIM_ONE_ALIAS)
    (problem,) = _problems(config)
    assert problem.startswith("6:7 E001 plugins.explainer.families: ")
    assert "alias 'Overview' of technologies is also an alias of compare" in problem


def test_mkdocs_refuses_an_alias_two_families_claim_with_a_message_not_a_traceback(tmp_path: Path) -> None:
    # Each option is validated on its own by MkDocs; a rule across options is the plugin's to report.
    config = _config(tmp_path, HEAD + TWO_FAMILIES_CLAIM_ONE_ALIAS)
    (tmp_path / "docs").mkdir()
    mkdocs_config = load_config(str(config))
    with pytest.raises(PluginError) as raised:
        mkdocs_config.plugins["explainer"].on_config(mkdocs_config)
    assert str(raised.value) == (
        "explainer: plugins.explainer.families: Value error, "
        "alias 'Overview' of technologies is also an alias of compare"
    )
