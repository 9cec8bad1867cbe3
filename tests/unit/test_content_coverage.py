"""The explainer's content keeps the coverage it promises (issue 4's minimums), so a deletion shows up."""

from __future__ import annotations

from collections import Counter

import pytest

from explainer.check import check_content
from explainer.model import Content
from tests.conftest import REPO

REQUIRED_TERMS = (
    "transformer self-attention token tokenizer embedding context-window pre-training fine-tuning "
    "instruction-tuning rlhf prompt prompt-engineering rag hallucination gan generator discriminator vae "
    "latent-space diffusion-model denoising foundation-model multimodal synthetic-data parameter inference "
    "temperature zero-shot few-shot bias natural-language-processing machine-translation summarization "
    "question-answering benchmark"
).split()
REQUIRED_TECHNOLOGIES = (
    "generative-ai large-language-models generative-adversarial-networks variational-autoencoders "
    "diffusion-models transformers multimodal-foundation-models"
).split()
REQUIRED_INDUSTRIES = (
    "healthcare customer-service law education marketing media-and-entertainment journalism-and-publishing "
    "art-and-design software-development finance"
).split()
REQUIRED_DIMENSIONS = (
    "output-modalities input-modalities core-architecture training-data training-objective typical-tasks "
    "cost-to-train cost-to-run controllability hallucination-risk flexibility adaptation-methods"
).split()
REQUIRED_TOPICS = "basics how-they-work choosing using-together risks-and-limits costs industry".split()
LANDMARK_PAPERS = ("1706.03762", "1406.2661", "1312.6114", "2006.11239", "2005.14165", "2203.02155",
                   "2005.11401", "2108.07258", "2103.00020", "2112.10752")  # fmt: skip


@pytest.fixture(scope="module")
def content() -> Content:
    result = check_content(REPO / "content")
    assert not result.failed(strict=True), [str(d) for d in result.diagnostics]
    return result.content


def test_counts_meet_the_minimums(content: Content) -> None:
    assert len(content.technologies) >= 7
    assert len(content.dimensions) >= 10
    assert len(content.definitions) >= 35
    assert len(content.industries) >= 10
    assert len(content.use_cases) >= 35
    assert len(content.faqs) >= 45
    assert len(content.sources) >= 30


def test_required_entries_exist(content: Content) -> None:
    assert set(REQUIRED_TERMS) <= set(content.definitions)
    assert set(REQUIRED_TECHNOLOGIES) <= set(content.technologies)
    assert set(REQUIRED_INDUSTRIES) <= set(content.industries)
    assert set(REQUIRED_DIMENSIONS) <= set(content.dimensions)
    assert set(REQUIRED_TOPICS) <= set(content.topics)
    urls = " ".join(s.url for s in content.sources.values())
    assert [paper for paper in LANDMARK_PAPERS if paper not in urls] == []


def test_every_technology_is_described_fully(content: Content) -> None:
    for technology in content.technologies.values():
        assert len(technology.strengths) >= 5 and len(technology.weaknesses) >= 5, technology.id
        assert len(technology.examples) >= 3, technology.id
        assert technology.modalities is not None, technology.id
        assert set(technology.ratings) == set(content.dimensions), technology.id


def test_use_cases_cover_every_industry_and_technology_twice(content: Content) -> None:
    per_industry = Counter(u.industry for u in content.use_cases.values())
    per_technology = Counter(t for u in content.use_cases.values() for t in u.technologies)
    assert min(per_industry[i] for i in content.industries) >= 2
    assert min(per_technology[t] for t in content.technologies) >= 2


def test_every_faq_topic_has_questions(content: Content) -> None:
    per_topic = Counter(t for f in content.faqs.values() for t in f.topics)
    assert all(per_topic[t] >= 1 for t in REQUIRED_TOPICS)


def test_the_relationship_is_stated_on_both_technology_pages_and_in_the_faq(content: Content) -> None:
    for tech in ("generative-ai", "large-language-models"):
        text = content.technologies[tech].description.lower()
        assert "not" in text and "generative" in text and "llm" in text, tech
    assert "what-is-the-difference-between-generative-ai-and-llms" in content.faqs
    assert any(
        r.kind == "is-a" and r.target == "generative-ai"
        for r in content.technologies["large-language-models"].relations
    )
