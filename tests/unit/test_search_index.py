"""The explainer search engine: the index the build writes, and the worker that ranks it.

The worker is run with Node as Material runs it (SETUP, then QUERY messages), on a small index
written by `compact_index`, so these tests read the same results the theme would render.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from explainer.chunked_search import other_names_by_page
from explainer.content import Content
from explainer.markdown import normalise_words
from explainer.render import RenderContext, render_pages
from explainer.render.expansions import synonym_groups
from explainer.render.page import SECONDARY_SEARCH_BOOST
from explainer.search_index import (
    INDEX,
    SearchExtras,
    SearchIndexFailed,
    compact_index,
    index_bytes,
    search_extras,
    write_search_index,
)
from explainer.settings import validate_settings
from explainer.validate import build_content
from tests.conftest import REPO
from tests.support.search_worker import script_normalise, script_variants, search_worker
from tests.unit.corpus import corpus_documents

LUNR: dict[str, Any] = {
    "config": {"lang": ["en"]},
    "docs": [
        {"location": "", "title": "Home", "text": "<p>Welcome to the explainer.</p>"},
        {
            "location": "faq/gans-vs-diffusion/",
            "title": "What is the difference between GANs and diffusion models?",
            "text": "<p>A GAN trains a generator against a critic; a diffusion model learns to remove noise.</p>",
            "boost": 2.0,
        },
        {
            "location": "faq/what-is-an-llm/",
            "title": "What is a large language model?",
            "text": "<p>A network trained on text to predict the next token.</p>",
            "boost": 2.0,
        },
        {"location": "glossary/", "title": "Glossary", "text": ""},
        {"location": "glossary/#t", "title": "T", "text": ""},
        {
            "location": "glossary/#token",
            "title": "Token",
            "text": "<p>A piece of text &amp; a unit of cost.</p>",
        },
        {
            "location": "glossary/#probe",
            "title": "&lt;img src=x onerror=alert(1)&gt;",
            "text": "<p>&lt;script&gt;alert(2)&lt;/script&gt; probe</p>",
        },
    ],
}
EXTRAS = SearchExtras(
    names={"faq/what-is-an-llm/": ["llm meaning"], "glossary/#token": ["tokens"]},
    entries=frozenset({"glossary/#token", "glossary/#probe"}),
    synonyms=[["large language model", "llm"]],
)


def test_pages_keep_their_order_and_sections_follow_their_page() -> None:
    index = compact_index(LUNR, EXTRAS)
    assert [page["u"] for page in index["pages"]] == [
        "",
        "faq/gans-vs-diffusion/",
        "faq/what-is-an-llm/",
        "glossary/",
    ]
    glossary = index["pages"][3]
    assert [section["a"] for section in glossary["s"]] == ["token", "probe"]  # the lone letter "T" is gone


def test_text_is_plain_boosts_names_and_entries_are_kept() -> None:
    index = compact_index(LUNR, EXTRAS)
    faq, llm, glossary = index["pages"][1], index["pages"][2], index["pages"][3]
    assert faq["b"] == 2.0 and "b" not in index["pages"][0]
    assert llm["n"] == ["llm meaning"]
    token = glossary["s"][0]
    assert token == {
        "a": "token",
        "t": "Token",
        "x": "A piece of text & a unit of cost.",
        "n": ["tokens"],
        "e": 1,
    }
    assert index["synonyms"] == [["large language model", "llm"]]


def test_the_index_bytes_are_the_same_for_the_same_site() -> None:
    assert index_bytes(compact_index(LUNR, EXTRAS)) == index_bytes(
        compact_index(json.loads(json.dumps(LUNR)), EXTRAS)
    )


def test_writing_the_index_replaces_the_lunr_index(tmp_path: Path) -> None:
    lunr = tmp_path / "search" / "search_index.json"
    lunr.parent.mkdir()
    lunr.write_text(json.dumps(LUNR), encoding="utf-8")
    write_search_index(tmp_path, lunr, EXTRAS)
    assert not lunr.exists()
    assert json.loads((tmp_path / INDEX).read_text(encoding="utf-8"))["format"] == 1


def test_a_site_without_a_lunr_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexFailed, match="search plugin"):
        write_search_index(tmp_path, tmp_path / "search" / "search_index.json", EXTRAS)


# -- the worker, as the theme drives it --------------------------------------------------------


@pytest.fixture(scope="module")
def search(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _searcher(tmp_path_factory.mktemp("search"), LUNR, EXTRAS)


def _searcher(folder: Path, lunr: dict[str, Any], extras: SearchExtras) -> Any:
    """Site search over `lunr`'s documents and `extras`, through the worker as the theme drives it."""
    index_file = folder / "explainer.json"
    index_file.write_bytes(index_bytes(compact_index(lunr, extras)))
    return lambda *queries: search_worker(index_file, queries)


def _locations(groups: list[list[dict[str, Any]]]) -> list[str]:
    return [group[0]["location"] for group in groups]


def test_connecting_words_and_a_typo_still_find_the_question(search: Any) -> None:
    for results in search("gan vs diffusion", "difference between gans and difusion"):
        assert _locations(results)[0] == "faq/gans-vs-diffusion/"


def test_a_synonym_finds_what_the_reader_named_differently(search: Any) -> None:
    (results,) = search("llm")
    assert _locations(results)[0] == "faq/what-is-an-llm/"


def test_a_glossary_entry_is_a_result_of_its_own_with_its_page(search: Any) -> None:
    (results,) = search("tokens")
    first = results[0]
    assert first[0]["location"] == "glossary/#token"
    # The theme shows a section under its page's title, so the page travels with it (score 0).
    assert first[-1]["location"] == "glossary/" and first[-1]["score"] == 0


def test_what_a_page_names_itself_counts_more_than_what_its_text_holds_in_passing(tmp_path: Path) -> None:
    # Both questions have other phrasings, so each says what it is about in its title and names. The
    # cost question holds every word typed, two of them only in passing in its answer; the question
    # about spotting fakes asks about two of the three, and is what the reader is after.
    search = _searcher_with(
        tmp_path,
        [
            _doc(
                "faq/spot-a-fake-photo/",
                "How can I spot a fake photo?",
                "<p>Look for odd hands and garbled lettering, and check where the picture came from.</p>",
                boost=2.0,
            ),
            _doc(
                "faq/photo-model-cost/",
                "What does a photo model cost to train?",
                "<p>A fake benchmark can mislead, and every computer of the cluster draws power.</p>",
                boost=2.0,
            ),
        ],
        names={
            "faq/spot-a-fake-photo/": ["is this picture real"],
            "faq/photo-model-cost/": ["training cost"],
        },
    )
    (results,) = search("fake photo computer")
    assert _locations(results)[:2] == ["faq/spot-a-fake-photo/", "faq/photo-model-cost/"]


def test_a_term_named_what_was_asked_is_not_outranked_for_the_faqs_boost(tmp_path: Path) -> None:
    # FAQ pages are boosted (answers first), and this one says "TTS model" more often than the term.
    # But the reader named the term ("TTS", with a word more), so its definition comes first.
    search = _searcher_with(
        tmp_path,
        [
            _doc(
                "glossary/#text-to-speech",
                "Text-to-speech",
                "<p>A model that turns written text into spoken audio.</p>",
            ),
            _doc(
                "faq/how-does-voice-cloning-work/",
                "How does voice cloning work?",
                "<p>A TTS model learns a voice from a few minutes of recorded speech; the TTS model "
                "then reads any text aloud in it.</p>",
                boost=2.0,
            ),
        ],
        names={
            "glossary/#text-to-speech": ["tts"],
            "faq/how-does-voice-cloning-work/": ["tts model for cloning a voice", "tts voice cloning"],
        },
        entries=frozenset({"glossary/#text-to-speech"}),
        synonyms=(["text to speech", "tts"],),
    )
    (results,) = search("tts model")
    assert _locations(results)[:2] == ["glossary/#text-to-speech", "faq/how-does-voice-cloning-work/"]


def test_a_listing_named_what_was_asked_stays_after_the_page_it_lists(tmp_path: Path) -> None:
    # The technologies' index repeats each technology's name and summary as a section, and weighs half
    # (a listing). Named what was asked, it gains like the technology's own page, but keeps its lower
    # weight: it does not come before the page it lists.
    search = _searcher_with(
        tmp_path,
        [
            _doc("technologies/", "Technologies", "<p>Every technology.</p>", boost=0.5),
            _doc(
                "technologies/#sharding",
                "Sharding",
                "<p>Sharding: splitting one database across machines, shard by shard.</p>",
                boost=0.5,
            ),
            _doc(
                "technologies/sharding/",
                "Sharding",
                "<p>This splits one database across many machines by a key. Each part holds some "
                "of the rows, a router sends each query to the parts that hold its rows, and adding a "
                "machine moves some rows to it. Choosing the key decides how evenly the load spreads.</p>",
            ),
        ],
        names={"technologies/sharding/": ["horizontal partitioning"]},
    )
    (results,) = search("sharding setup")
    found = _locations(results)
    assert found.index("technologies/sharding/") < found.index("technologies/#sharding")


def test_a_word_that_names_a_kind_is_not_set_aside_as_a_connecting_word(tmp_path: Path) -> None:
    # "only" in "encoder-only" names a kind of model: set aside, the query would read "encoder decoder",
    # the name of a third kind, and find that one first.
    terms = {"encoder-decoder": "Encoder-decoder", "encoder-only-model": "Encoder-only model",
             "decoder-only-model": "Decoder-only model"}  # fmt: skip
    search = _searcher_with(
        tmp_path,
        [
            _doc(f"glossary/#{anchor}", title, f"<p>{title}: a transformer layout.</p>")
            for anchor, title in terms.items()
        ],
        names={},
        entries=frozenset(f"glossary/#{anchor}" for anchor in terms),
        synonyms=(
            ["encoder decoder", "encoder decoder model"],
            ["encoder only model", "encoder only"],
            ["decoder only model", "decoder only"],
        ),
    )
    (results,) = search("encoder-only vs decoder-only")
    assert set(_locations(results)[:2]) == {"glossary/#encoder-only-model", "glossary/#decoder-only-model"}


def test_a_word_finds_pages_that_spell_it_the_other_way(tmp_path: Path) -> None:
    # Each word is spelled both ways on the site, so neither spelling is a typo of a word the index
    # lacks: only reading them as one word finds both pages, whichever spelling is typed, in any form.
    pages = {
        "quantization": "<p>Quantization shrinks weights.</p>",
        "quantisation": "<p>Quantised weights take less memory.</p>",
        "color": "<p>Color grading of old films.</p>",
        "colour": "<p>Colours of a palette.</p>",
        "labeling": "<p>Labeling examples by hand.</p>",
        "labelling": "<p>Labelled data for training.</p>",
    }
    search = _searcher_with(
        tmp_path, [_doc(f"notes/{key}/", key.title(), text) for key, text in pages.items()], names={}
    )
    both = {"quantisation": ("quantization", "quantisation"), "quantized": ("quantization", "quantisation"),
            "colour": ("color", "colour"), "colors": ("color", "colour"),
            "labelling": ("labeling", "labelling"), "labeled": ("labeling", "labelling")}  # fmt: skip
    for (query, spellings), results in zip(both.items(), search(*both), strict=True):
        assert set(_locations(results)[:2]) == {f"notes/{key}/" for key in spellings}, query


def test_an_irregular_form_of_a_verb_finds_the_page_that_uses_another(tmp_path: Path) -> None:
    pages = {"drawing": "<p>Each sketch is drawn in steps.</p>", "lessons": "<p>What the tutor taught.</p>"}
    search = _searcher_with(
        tmp_path, [_doc(f"notes/{key}/", key.title(), text) for key, text in pages.items()], names={}
    )
    for query, key in {"draw": "drawing", "teach": "lessons"}.items():
        assert _locations(search(query)[0])[:1] == [f"notes/{key}/"], query


def test_a_superlative_is_a_form_of_its_word_and_a_small_word_starts_none() -> None:
    # "do I need the biggest model" is about big and large models; "for" is not the start of "forest".
    forms = [
        ("biggest", "big"),
        ("largest", "large"),
        ("cheapest", "cheap"),
        ("images", "image"),
        ("running", "run"),
    ]
    others = [("forest", "for"), ("protest", "pro"), ("format", "for")]
    assert script_variants(forms + others) == [True] * len(forms) + [False] * len(others)


def _doc(location: str, title: str, text: str, boost: float | None = None) -> dict[str, Any]:
    """A document as Material's lunr index writes it: location, title, text as HTML, boost if any."""
    return {"location": location, "title": title, "text": text} | ({"boost": boost} if boost else {})


def _searcher_with(
    folder: Path,
    docs: list[dict[str, Any]],
    names: dict[str, list[str]],
    entries: frozenset[str] = frozenset(),
    synonyms: tuple[list[str], ...] = (),
) -> Any:
    """Site search over the module's small site with `docs` added, and their names, entries, synonyms."""
    lunr = {**LUNR, "docs": [*LUNR["docs"], *docs]}
    extras = SearchExtras(
        names={**EXTRAS.names, **names},
        entries=EXTRAS.entries | entries,
        synonyms=[*EXTRAS.synonyms, *synonyms],
    )
    return _searcher(folder, lunr, extras)


def test_titles_and_teasers_reach_the_theme_escaped(search: Any) -> None:
    (results,) = search("probe")
    (entry,) = [group[0] for group in results if group[0]["location"] == "glossary/#probe"]
    for markup in (entry["title"], entry["text"]):
        assert "<img" not in markup and "<script" not in markup
        assert "&lt;" in markup
    assert "<mark>probe</mark>" in entry["text"]


def test_an_empty_query_answers_with_nothing(search: Any) -> None:
    (results,) = search(" ")
    assert results == []


# -- the site's own search synonyms (mkdocs.yml: plugins.explainer.search.synonyms) ----------------


@pytest.fixture(scope="module")
def content() -> Content:
    built, problems = build_content(corpus_documents())
    assert problems == []
    return built


def test_site_synonyms_join_the_glossary_names_they_share_a_word_with(content: Content) -> None:
    settings = validate_settings({"search": {"synonyms": [["schema", "table layout", "blueprint"]]}})
    groups = synonym_groups(RenderContext(content, settings))
    (joined,) = [group for group in groups if "blueprint" in group]
    # The glossary's "Schema" with its alias, and the everyday words, are one group now.
    assert {"schema", "data definition language", "table layout", "blueprint"} <= set(joined)


def test_an_industry_s_aliases_lead_to_it_and_stand_for_its_name_a_use_case_s_only_lead_to_it(
    content: Content,
) -> None:
    site = RenderContext(content, validate_settings({}))
    names = search_extras(site).names
    assert names["industries/retail/"] == ["shops", "merchants"]
    assert names["use-cases/order-processing/"] == ["order handling", "order fulfilment"]
    groups = synonym_groups(site)
    assert ["merchants", "retail", "shops"] in groups
    assert not any("order fulfilment" in group for group in groups)


def test_a_family_s_aliases_lead_to_its_main_page_while_the_site_builds_it(content: Content) -> None:
    families = {
        "technologies": {"aliases": ["list of model types", "all the models"]},
        "glossary": {"enabled": False, "aliases": ["dictionary of terms"]},
    }
    site = RenderContext(content, validate_settings({"families": families}))
    names = search_extras(site).names
    assert names["technologies/"] == ["list of model types", "all the models"]
    assert not any("dictionary of terms" in found for found in names.values())
    # Pagefind, which knows only titles and text, gets them as it gets an FAQ entry's phrasings.
    assert other_names_by_page(site)["technologies/"] == ["list of model types", "all the models"]


@pytest.mark.parametrize(
    "synonyms",
    [[["alone"]], [["one", "two\nlines"]], [["one", ""]], [["x" * 61, "y"]], "not a list"],
)
def test_a_malformed_synonym_group_is_refused(synonyms: Any) -> None:
    with pytest.raises(ValidationError):
        validate_settings({"search": {"synonyms": synonyms}})


# -- products that name a technology (explainer.render.expansions.instance_groups) --------------------------

PRODUCTS = {
    "docs": [
        {
            "location": "faq/gans-vs-diffusion/",
            "title": "What is the difference between GANs and diffusion models?",
            "text": "<p>A GAN trains a generator against a critic.</p>",
        },
        {"location": "gallery/", "title": "Portraits", "text": "<p>Faces made with StyleGAN.</p>"},
    ]
}
GAN = ["generative adversarial networks", "gans", "gan"]


@pytest.fixture(scope="module")
def product_search(tmp_path_factory: pytest.TempPathFactory) -> Any:
    # As search_groups orders them: the technology's own group, then the product's.
    extras = SearchExtras(synonyms=[GAN, ["stylegan", *GAN]])
    return _searcher(tmp_path_factory.mktemp("products"), PRODUCTS, extras)


def test_a_product_finds_what_is_written_about_its_kind_and_not_the_reverse(product_search: Any) -> None:
    product, kind = product_search("stylegan", "gan")
    assert set(_locations(product)) == {"faq/gans-vs-diffusion/", "gallery/"}
    # "GAN" is matched by the technology's own group, so it does not expand to the products.
    assert _locations(kind) == ["faq/gans-vs-diffusion/"]


# -- what the reader asks about most specifically, and what they compare -----------------------------

SPECIFIC = {
    "docs": [
        {
            "location": "faq/fine-tune-or-prompt/",
            "title": "Should I fine-tune or write better prompts?",
            "text": "<p>Fine-tune when prompts are not enough. LoRA makes a fine-tune cheap: LoRA trains small "
            "matrices. (LoRA stands for low-rank adaptation; the name means what it does.)</p>",
            "boost": 2.0,
        },
        {"location": "glossary/", "title": "Glossary", "text": ""},
        {
            "location": "glossary/#lora",
            "title": "LoRA",
            "text": "<p>Low-rank adaptation, a cheap way to fine-tune: small matrices trained beside frozen weights.</p>",
        },
        {
            "location": "glossary/#gpu",
            "title": "GPU",
            "text": "<p>The chip that runs training and fine-tuning.</p>",
        },
        {
            "location": "faq/what-is-a-vae/",
            "title": "What is a VAE?",
            "text": "<p>A VAE encodes faces into a latent space; unlike a GAN it has no critic. VAE faces are blurry.</p>",
            "boost": 2.0,
        },
        {
            "location": "compare/gans-vs-vaes/",
            "title": "GANs vs VAEs",
            "text": "<p>Both make faces: a GAN sharp ones, a VAE blurry ones.</p>",
        },
        {
            "location": "faq/what-is-a-gan/",
            "title": "What is a GAN?",
            "text": "<p>A generator and a critic.</p>",
            "boost": 2.0,
        },
    ]
}


@pytest.fixture(scope="module")
def specific_search(tmp_path_factory: pytest.TempPathFactory) -> Any:
    extras = SearchExtras(
        names={"faq/fine-tune-or-prompt/": ["fine tune or prompt"], "faq/what-is-a-gan/": ["gan vs vae"]},
        entries=frozenset({"glossary/#lora", "glossary/#gpu"}),
        synonyms=[
            ["fine tuning", "fine tune", "finetune"],
            ["generative adversarial network", "gans", "gan"],
            ["variational autoencoder", "vaes", "vae"],
        ],
    )
    return _searcher(tmp_path_factory.mktemp("specific"), SPECIFIC, extras)


def test_the_entry_named_by_the_most_specific_word_comes_before_questions_that_use_it(
    specific_search: Any,
) -> None:
    # "lora" is rarer than "finetune": the term that is LoRA answers, before a question (which weighs
    # double) that holds both words and has "fine-tune" in its title.
    (results,) = specific_search("lora finetune")
    assert _locations(results)[0] == "glossary/#lora"


def test_a_page_comparing_the_two_things_compared_comes_first(specific_search: Any) -> None:
    # The question about VAEs says "VAE" and "faces" more often; the page comparing the two answers.
    (results,) = specific_search("gan or vae for faces")
    assert _locations(results)[0] == "compare/gans-vs-vaes/"


def test_words_that_ask_for_a_definition_do_not_decide_which_page_defines(specific_search: Any) -> None:
    # The question says "stands for" and "means"; the glossary's LoRA does not, and is the answer.
    for results in specific_search("lora stands for", "lora meaning", "what does lora mean"):
        assert _locations(results)[0] == "glossary/#lora"


def test_a_question_comes_first_for_its_own_other_phrasing_before_a_page_that_compares(
    specific_search: Any,
) -> None:
    # "GAN vs VAE" is how the GAN question is also asked: typed word for word, that question answers.
    (results,) = specific_search("GAN vs VAE")
    assert _locations(results)[0] == "faq/what-is-a-gan/"


# Many pages that use the words of "Which should I use?" more, and in longer titles, than the page
# with that title: without a rule for titles typed word for word, it falls below the pages reranked.
COMMON_WORDS = {
    "docs": [
        *(
            {
                "location": f"faq/how-do-teams-use-indexes-{n}/",
                "title": f"How do teams use indexes in case {n}?",
                "text": "<p>Teams use indexes; the indexes they use are used by every user who uses them.</p>",
                "boost": 2.0,
            }
            for n in range(80)
        ),
        {
            "location": "guide/",
            "title": "Which should I use?",
            "text": "<p>Answer the questions to get a pick.</p>",
        },
        {
            "location": "faq/sql-or-nosql/",
            "title": "SQL or NoSQL?",
            "text": "<p>It depends.</p>",
            "boost": 2.0,
        },
    ]
}


@pytest.fixture(scope="module")
def common_words_search(tmp_path_factory: pytest.TempPathFactory) -> Any:
    extras = SearchExtras(names={"faq/sql-or-nosql/": ["which one should i use for orders"]})
    return _searcher(tmp_path_factory.mktemp("common"), COMMON_WORDS, extras)


def test_a_title_or_other_phrasing_typed_word_for_word_comes_first(common_words_search: Any) -> None:
    # Both are made of words every page uses; typed whole, with their small words, they name one page.
    guide, sql = common_words_search("which should i use", "Which one should I use for orders?")
    assert _locations(guide)[0] == "guide/"
    assert _locations(sql)[0] == "faq/sql-or-nosql/"
    # Only the whole wording counts: the same words in another order rank as usual.
    (reordered,) = common_words_search("use which i should")
    assert _locations(reordered)[0] != "guide/"


MARKING = {
    "docs": [
        {"location": "glossary/", "title": "Glossary", "text": ""},
        {
            "location": "glossary/#change-data-capture",
            "title": "Change data capture",
            "text": "<p>A change-data-capture feed streams each row change to a queue of subscribers.</p>",
        },
        {
            "location": "faq/what-is-a-log/",
            "title": "What is a log?",
            "text": "<p>A record of every change to data; change data capture reads it.</p>",
        },
    ]
}


def test_a_synonym_is_marked_whole_and_its_small_words_never_alone(tmp_path: Path) -> None:
    # "CDC" stands for "change data capture": written with hyphens or spaces, that name is marked
    # whole, and "change", "data" or "to" on their own are not.
    extras = SearchExtras(synonyms=[["cdc", "change data capture", "capture changes to data"]])
    (results,) = _searcher(tmp_path, MARKING, extras)("cdc")
    entry = next(group[0] for group in results if group[0]["location"] == "glossary/#change-data-capture")
    assert entry["title"] == "<mark>Change data capture</mark>"
    assert "<mark>change-data-capture</mark> feed streams each row change to a queue" in entry["text"]
    log = next(group[0] for group in results if group[0]["location"] == "faq/what-is-a-log/")
    assert log["text"] == "A record of every change to data; <mark>change data capture</mark> reads it."


def test_a_teaser_starts_at_the_first_name_matched_even_one_of_several_words(tmp_path: Path) -> None:
    # The long name comes first in the text and the abbreviation 60 words later, past a teaser's
    # length: the teaser shows the long name. (Tested word by word, a name of three words never
    # matched, so the teaser showed the abbreviation's passage instead.)
    filler = " ".join(["rows"] * 60)
    docs = {
        "docs": [
            {"location": "guides/", "title": "Guides", "text": ""},
            {
                "location": "guides/streams/",
                "title": "Streams",
                "text": f"<p>Start with change data capture here. {filler} Then CDC again.</p>",
            },
        ]
    }
    extras = SearchExtras(synonyms=[["cdc", "change data capture"]])
    (results,) = _searcher(tmp_path, docs, extras)("cdc")
    page = next(group[0] for group in results if group[0]["location"] == "guides/streams/")
    assert page["text"].startswith("Start with <mark>change data capture</mark> here.")
    assert "<mark>CDC</mark>" not in page["text"]


def test_a_teaser_is_the_words_around_its_match_and_says_where_text_was_left_out(tmp_path: Path) -> None:
    # 100 numbered words, "shard" once among them: its teaser opens 8 words before it and holds 36,
    # with an ellipsis for each end it cuts; a match near the end shows the last 36 words instead.
    def text(at: int) -> str:
        return " ".join("shard" if n == at else f"w{n}" for n in range(100))

    docs = {"docs": [{"location": f"p{at}/", "title": f"Page {at}", "text": text(at)} for at in (0, 50, 97)]}
    (results,) = _searcher(tmp_path, docs, SearchExtras())("shard")
    teasers = {group[0]["location"]: group[0]["text"] for group in results}
    words = [f"w{n}" for n in range(100)]
    assert teasers["p0/"] == "<mark>shard</mark> " + " ".join(words[1:36]) + " …"
    assert (
        teasers["p50/"]
        == "… " + " ".join(words[42:50]) + " <mark>shard</mark> " + " ".join(words[51:78]) + " …"
    )
    assert teasers["p97/"] == "… " + " ".join(words[64:97]) + " <mark>shard</mark> " + " ".join(words[98:])


def test_each_name_of_several_words_is_found_where_it_stands_whatever_was_searched_before(
    tmp_path: Path,
) -> None:
    # Where a name of several words stands in each page is found once and kept for later queries.
    # Each name of a group is found where it stands (not where another name of the group does), and
    # the results of a query do not depend on the queries the worker answered before it.
    docs = {
        "docs": [
            {"location": "a/", "title": "Feeds", "text": "Change data capture streams each row change."},
            {"location": "b/", "title": "Copies", "text": "Log based replication keeps a copy of the rows."},
            {"location": "c/", "title": "Other", "text": "Nothing of the kind."},
        ]
    }
    extras = SearchExtras(synonyms=[["cdc", "change data capture", "log based replication"]])
    queries = ("log based replication", "cdc", "change data capture", "cdc rows")
    together = _searcher(tmp_path, docs, extras)(*queries)
    alone = [_searcher(tmp_path, docs, extras)(query)[0] for query in queries]
    assert together == alone
    assert sorted(_locations(alone[1])) == ["a/", "b/"]
    assert _locations(alone[0])[0] == "b/" and _locations(alone[2])[0] == "a/"


APOSTROPHES = {
    "docs": [
        {
            "location": "faq/what-is-a-shard/",
            "title": "What is a shard?",
            "text": "<p>One part of a split table.</p>",
        },
        {
            "location": "faq/what-is-replication/",
            "title": "What is replication?",
            "text": "<p>Postgres’s replica keeps a copy of each shard's rows; it doesn't take writes.</p>",
        },
    ]
}


def test_an_apostrophe_does_not_split_a_word_into_letters_that_count(tmp_path: Path) -> None:
    # Split at its apostrophe, "what's" left an "s" that the possessives of the other page hold, and
    # that page came first; "doesn't" left "doesn" and "t".
    search = _searcher(tmp_path, APOSTROPHES, SearchExtras())
    shard, curly, negation = search("what's a shard", "what’s a shard", "replica that doesn't write")
    assert _locations(shard)[0] == _locations(curly)[0] == "faq/what-is-a-shard/"
    assert set(shard[0][0]["terms"]) == {"shard"}
    assert not {"doesn", "t", "doesnt"} & set(negation[0][0]["terms"])  # the words looked for


def test_the_build_and_the_search_scripts_normalise_text_alike() -> None:
    # The build merges synonym groups and finds duplicate questions by the words it normalises; the
    # browser matches what search-words.js normalises. A difference would merge names readers never match.
    texts = [
        "What's a token?", "why doesn’t ChatGPT know last week’s news", "the models' outputs", "rock 'n' roll",
        "LLM's context", "it's 2024's", "l’été", "Text-to-video (TTS)", "Café au lait", "GANs_vs-diffusion",
        "naïve Bayes", "e\u0301's", "  tabs\tand\nlines  ", "'quoted'",
    ]  # fmt: skip
    assert [normalise_words(text) for text in texts] == script_normalise(texts)


def test_pages_that_list_other_pages_weigh_less_in_search_than_the_pages_they_list(content: Content) -> None:
    # An index repeats the titles and summaries of what it lists ("Use cases", grouped by industry):
    # site search must not put it before the use case a reader describes. Nor the field reference,
    # which is for contributors and full of readers' words ("question", "answer").
    pages = render_pages(RenderContext(content))
    boosts = {path: _search_boost(page.markdown) for path, page in pages.items()}
    secondary = {
        path
        for path, page in pages.items()
        if page.family in {"index", "faq-index", "faq-topic", "reference"}
    }
    assert {
        "technologies/index.md", "industries/index.md", "use-cases/index.md", "faq/index.md",
        "contributing/fields.md",
    } <= secondary  # fmt: skip
    assert all(boosts[path] < 1 for path in secondary)
    assert all(boosts[path] >= 1 for path in pages if path not in secondary)


def test_every_page_for_contributors_comes_after_the_content_in_site_search() -> None:
    # Measured on the first site: 8 of 314 reader queries showed a contributor page in the top 3, one
    # first ("asked the same thing twice..." found the search guide's advice to contributors).
    guide = sorted((REPO / "docs" / "contributing").glob("*.md"))
    assert guide
    assert {path.name: _search_boost(path.read_text(encoding="utf-8")) for path in guide} == {
        path.name: SECONDARY_SEARCH_BOOST for path in guide
    }


def _search_boost(markdown: str) -> float:
    """The `search: boost:` of a page's front matter, as the theme's search reads it (1 when absent)."""
    front = yaml.safe_load(markdown.removeprefix("---\n").split("\n---\n", 1)[0]) or {}
    return float((front.get("search") or {}).get("boost", 1.0))
