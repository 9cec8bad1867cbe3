"""axe-core on one page of every family, light and dark: no serious or critical violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

FAMILIES = {
    "home": "",
    "technologies": "technologies/",
    "technology": "technologies/large-language-models/",
    "matrix": "compare/",
    "matrix-two-chosen": "compare/?tech=generative-ai,large-language-models&diff=1",
    "pair": "compare/generative-ai-vs-large-language-models/",
    "pros-and-cons": "pros-and-cons/",
    "industries": "industries/",
    "industry": "industries/healthcare/",
    "use-cases": "use-cases/",
    "use-case": "use-cases/clinical-documentation/",
    "glossary": "glossary/",
    "faq": "faq/",
    "faq-filtered": "faq/?q=LLM",
    "faq-entry": "faq/why-do-llms-hallucinate/",
    "sources": "sources/",
    "contributing": "contributing/",
    "field-reference": "contributing/fields/",
    "not-found": "no-such-page/",
}
AXE = Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("family", FAMILIES)
def test_no_serious_accessibility_violation(
    browser: Browser, base_url: str, family: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + FAMILIES[family])
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    result = AXE.run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    context.close()
    assert serious == []
