"""A reader uses the comparison matrix: choose columns, differences only, order, share by URL."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import PHONE, Traffic

pytestmark = pytest.mark.browser
# Two rated technologies (not the umbrella, whose cells are ranges) with a pair page of their own.
A, B = "large-language-models", "diffusion-models"
A_LABEL, B_LABEL = "LLM", "Diffusion models"


def visible_columns(page: Page) -> list[str]:
    """Technologies whose column the reader sees: headers with a box on screen, not an attribute."""
    return page.eval_on_selector_all(
        ".ex-matrix-table thead th[data-tech]",
        "cells => cells.filter(c => c.checkVisibility()).map(c => c.dataset.tech)",
    )


def visible_rows(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".ex-matrix-table tr[data-dimension]",
        "rows => rows.filter(r => r.checkVisibility()).map(r => r.dataset.dimension)",
    )


def differing(site_dir: Path, first: str, second: str) -> list[str]:
    data = json.loads((site_dir / "data/content.json").read_text())
    ratings = {t["id"]: t["ratings"] for t in data["technologies"]}

    def key(value: object) -> object:
        return tuple(sorted(value)) if isinstance(value, list) else str(value).casefold()

    return [
        d["id"]
        for d in data["dimensions"]
        if key(ratings[first][d["id"]]["value"]) != key(ratings[second][d["id"]]["value"])
    ]


def test_reader_picks_two_technologies_and_sees_only_their_differences_in_two_clicks(
    page: Page, base_url: str, site_dir: Path, traffic: Traffic
) -> None:
    page.goto(base_url + "compare/")
    page.get_by_role("checkbox", name=A_LABEL, exact=True).check()
    page.get_by_role("checkbox", name=B_LABEL, exact=True).check()
    assert visible_columns(page) == [A, B]
    expect(page.get_by_role("checkbox", name="Differences only")).to_be_checked()
    assert visible_rows(page) == differing(site_dir, A, B)
    assert f"tech={A},{B}" in page.url and "diff=1" in page.url
    expect(page.locator("[data-ex-compare-two] a")).to_have_attribute(
        "href", re.compile(f"/compare/{A}-vs-{B}/$")
    )
    traffic.assert_clean()


def test_shared_url_restores_the_view(page: Page, base_url: str, site_dir: Path, traffic: Traffic) -> None:
    page.goto(base_url + f"compare/?tech={A},{B}&diff=1")
    assert visible_columns(page) == [A, B]
    assert visible_rows(page) == differing(site_dir, A, B)
    expect(page.get_by_role("checkbox", name=A_LABEL, exact=True)).to_be_checked()
    expect(page.get_by_role("status").first).to_contain_text("Showing 2 of")
    traffic.assert_clean()


def test_choosing_columns_without_differences_only_keeps_every_row(page: Page, base_url: str) -> None:
    page.goto(base_url + "compare/")
    all_rows = visible_rows(page)
    page.get_by_role("checkbox", name="Diffusion models").check()
    page.get_by_role("checkbox", name="GAN", exact=True).check()
    page.get_by_role("checkbox", name="VAE", exact=True).check()
    assert visible_columns(page) == [
        "diffusion-models",
        "generative-adversarial-networks",
        "variational-autoencoders",
    ]
    assert visible_rows(page) == all_rows
    page.get_by_role("button", name="Show everything").click()
    assert len(visible_columns(page)) >= 7
    assert "tech=" not in page.url


def test_rows_can_be_ordered_by_name_and_back_by_group(page: Page, base_url: str) -> None:
    page.goto(base_url + "compare/")
    grouped = visible_rows(page)
    page.get_by_label("Order rows").select_option("name")
    names = page.eval_on_selector_all(
        ".ex-matrix-table tr[data-dimension] th",
        "cells => cells.map(c => c.querySelector('strong').textContent)",
    )
    assert names == sorted(names, key=str.casefold)
    expect(page.locator(".ex-group-row").first).to_be_hidden()
    assert "sort=name" in page.url
    page.get_by_label("Order rows").select_option("group")
    assert visible_rows(page) == grouped
    expect(page.locator(".ex-group-row").first).to_be_visible()


def test_controls_work_from_the_keyboard(page: Page, base_url: str) -> None:
    page.goto(base_url + "compare/")
    page.get_by_role("checkbox", name=A_LABEL, exact=True).focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert len(visible_columns(page)) == 2


def test_without_javascript_the_matrix_is_a_complete_table(
    browser: Browser, base_url: str, site_dir: Path
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "compare/")
    data = json.loads((site_dir / "data/content.json").read_text())
    assert len(visible_columns(page)) == len(data["technologies"])
    assert len(visible_rows(page)) == len(data["dimensions"])
    expect(page.locator("[data-ex-matrix-controls]")).to_be_hidden()
    notes = page.locator(".ex-matrix-table details.ex-note")
    assert notes.count() == len(data["technologies"]) * len(data["dimensions"])
    context.close()


def test_matrix_is_readable_on_a_375_pixel_phone(browser: Browser, base_url: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base_url + "compare/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]
    scroller = page.locator(".ex-matrix-scroll")
    assert scroller.evaluate("el => el.scrollWidth > el.clientWidth")
    first = page.locator(".ex-matrix-table tbody th[scope=row]").first
    left = first.bounding_box()["x"]
    scroller.evaluate("el => el.scrollBy(400, 0)")
    assert abs(first.bounding_box()["x"] - left) < 1
    assert first.evaluate("el => getComputedStyle(el).position") == "sticky"
    context.close()


def test_scale_values_are_written_out_not_only_drawn(page: Page, base_url: str) -> None:
    page.goto(base_url + "compare/")
    badges = page.locator(".ex-matrix-table .ex-value.ex-scaled")
    assert badges.count() > 10
    texts = badges.all_inner_texts()
    assert all(text.strip() for text in texts)
    assert page.locator(".ex-meter").first.get_attribute("aria-hidden") == "true"


def test_two_chosen_technologies_lead_to_their_pair_page_and_it_links_back(page: Page, base_url: str) -> None:
    page.goto(base_url + f"compare/?tech={A},{B}")
    page.locator("[data-ex-compare-two] a").click()
    expect(page).to_have_url(base_url + f"compare/{A}-vs-{B}/")
    expect(page.locator("h2#differ")).to_be_visible()
    page.goto(base_url + f"technologies/{B}/")
    expect(page.locator(f'a[href$="compare/{A}-vs-{B}/"]').first).to_be_visible()


def test_matrix_prints_every_column_and_every_note_without_controls(page: Page, base_url: str) -> None:
    page.goto(base_url + f"compare/?tech={A},{B}&diff=1")
    page.emulate_media(media="print")
    expect(page.locator("[data-ex-matrix-controls]")).to_be_hidden()
    notes = page.locator(".ex-matrix-table details.ex-note")
    first_shown = notes.evaluate_all("notes => notes.findIndex(n => n.parentElement.checkVisibility())")
    assert first_shown >= 0
    note = notes.nth(first_shown)
    assert note.get_attribute("open") is None
    expect(note.locator("p").first).to_be_visible()
    table = page.locator(".ex-matrix-table").bounding_box()
    article = page.locator("article").bounding_box()
    assert table and article and table["width"] <= article["width"] + 1


def test_a_box_ticked_before_the_script_runs_is_kept(page: Page, base_url: str) -> None:
    """On a slow connection the controls show before the matrix script has run; a reader's tick then
    must not be undone when it starts."""
    held = []
    page.route("**/assets/explainer/matrix.js", lambda route: held.append(route))
    # Deferred scripts hold DOMContentLoaded back: wait for the parsed page, not for that event.
    page.goto(base_url + "compare/", wait_until="commit")
    box = page.get_by_role("checkbox", name=A_LABEL, exact=True)
    box.check()
    assert held, "the matrix script was not requested"
    expect(page.locator("[data-ex-matrix]")).not_to_have_attribute("data-ex-ready", "")
    for route in held:
        route.continue_()
    expect(page.locator("[data-ex-matrix]")).to_have_attribute("data-ex-ready", "")
    expect(box).to_be_checked()
    assert visible_columns(page) == [A]
    assert f"tech={A}" in page.url
