"""The shortcuts past the parser (plain text, prose with simple links) give exactly its analysis.

Every Markdown field of the real content and of a generated corpus, and text generated to sit on
the shortcut's edges, is analysed both ways with the site's own extensions and the defaults.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from explainer.markdown import ANALYSERS, DEFAULT_EXTENSIONS, Analyser, is_plain, simple_analysis
from explainer.project import find_project
from tests.conftest import REPO

SITE_EXTENSIONS = find_project(REPO).site.markdown_extensions
ANALYSERS_UNDER_TEST = [ANALYSERS.get(()), ANALYSERS.get(SITE_EXTENSIONS)]


def _markdown_fields(content_dir: str) -> list[str]:
    from explainer.check import check_content

    content = check_content(REPO / content_dir).content
    return [f.text for e in content.entries for f in e.texts if f.markdown is not None]


@pytest.fixture(scope="module")
def real_fields() -> list[str]:
    return _markdown_fields("content")


def _agree(analyser: Analyser, text: str) -> None:
    shortcut = simple_analysis(text)
    if shortcut is not None:
        assert shortcut == analyser.parsed(text), text
    elif is_plain(text):
        parsed = analyser.parsed(text)
        assert parsed.links == () and parsed.headings == (), text
        assert [f.code for f in parsed.findings] == [], text


@pytest.mark.parametrize("analyser", ANALYSERS_UNDER_TEST, ids=["defaults", "site"])
def test_every_real_field_the_shortcut_takes_gets_the_parsers_analysis(
    analyser: Analyser, real_fields: list[str]
) -> None:
    taken = [text for text in real_fields if simple_analysis(text) is not None]
    assert len(taken) > 100  # the shortcut is used, or this test tests nothing
    for text in taken:
        _agree(analyser, text)


WORD = st.text(alphabet="abcdeABC xyz,.;?'\"()-/%$0123456789éß", min_size=0, max_size=12)
TARGET = st.sampled_from(
    ["term:acid", "faq:why-x", "tech:llm#ratings", "https://example.org/a", "https://a.example/b?c=d&e=f",
     "https://xn--bcher-kva.example/", "https://arxiv.org%2Eevil.example/x", "http://x.org", "javascript:x",
     "https://example.org/a_b", "source:x-1"]
)  # fmt: skip
LINK = st.builds(lambda label, target: f"[{label}]({target})", WORD, TARGET)
EDGE = st.sampled_from(
    ["\n", "\n\n", "\n- ", "\n1. ", "\n    ", "\n# ", "\n> ", "*", "_", "`", "<b>", "&amp;", "![", "[",
     "]", ":smile:", "\t", "{: .x }", "==", "~~", "|", " www.x.org ", "<https://x.org>", "\\", "---", "\n===\n",
     "\n2020)", "\n2020).", "\n3) ", "\n12.\t", "\n1.", "\n\n7. "]
)  # fmt: skip
TEXT = st.lists(st.one_of(WORD, LINK, EDGE, LINK), min_size=1, max_size=12).map("".join)


@pytest.mark.parametrize("analyser", ANALYSERS_UNDER_TEST, ids=["defaults", "site"])
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
@example(text=" \t[](term:acid)")  # a space and a tab indent a code block, as four spaces do
def test_generated_text_gets_the_same_analysis_either_way(analyser: Analyser, text: str) -> None:
    _agree(analyser, text)


def test_the_shortcut_refuses_what_it_cannot_read_exactly() -> None:
    assert simple_analysis("See [a](term:x)\n- a list") is None
    assert simple_analysis("A [**bold**](term:x) label") is None
    assert simple_analysis("A [label](term:x) and `code`") is None
    assert simple_analysis("A [label](https://x.org/a(b)) link") is None
    assert simple_analysis("No link at all") is None
    assert simple_analysis("A [label](term:x) link") is not None
    assert DEFAULT_EXTENSIONS  # the defaults are a real parser set-up, not an empty one


@pytest.mark.parametrize("analyser", ANALYSERS_UNDER_TEST, ids=["defaults", "site"])
def test_a_number_opens_a_list_only_with_a_space_after_it(analyser: Analyser) -> None:
    # A citation wrapped before its year is prose: the shortcut takes it.
    wrapped = "Diffusion overtook GANs ([Dhariwal and Nichol,\n2021](source:dhariwal-2021)), first in\n2021."
    assert simple_analysis(wrapped) is not None
    _agree(analyser, wrapped)
    # With a space after the number it looks like a list (W402), so the parser reads it.
    for listed in ("Ranked by year (Smith,\n2020) and more", "Steps:\n1. one\n2. two"):
        assert not is_plain(listed)
        assert "W402" in [f.code for f in analyser.parsed(listed).findings]
