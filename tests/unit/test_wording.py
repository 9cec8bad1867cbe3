"""Sentences the site builds from two technology names read as English: the verb agrees with the
first name, and the second is in lower case unless it is a proper name or begins with an abbreviation."""

from __future__ import annotations

import pytest

from explainer.render.wording import in_sentence, is_plural, relation_sentence


@pytest.mark.parametrize(
    ("name", "plural"),
    [
        ("Diffusion models", True),
        ("Transformers", True),
        ("LLMs", True),
        ("Gas boilers (condensing)", True),
        ("Hybrid heat pump systems", True),
        ("Generative AI", False),
        ("Mixture of experts", False),
        ("Electric resistance heating", False),
        ("Gas", False),
        ("Cluster analysis", False),
        ("Service bus", False),
        ("Process", False),
    ],
)
def test_the_head_noun_decides_the_number(name: str, plural: bool) -> None:
    assert is_plural(name) is plural


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Large language models", "large language models"),
        ("Generative AI", "generative AI"),
        ("MoE layers", "MoE layers"),
        ("Stable Diffusion", "Stable Diffusion"),
        ("GANs", "GANs"),
        ("X", "X"),
    ],
)
def test_a_name_inside_a_sentence(name: str, written: str) -> None:
    assert in_sentence(name) == written


@pytest.mark.parametrize(
    ("kind", "subject", "target", "sentence"),
    [
        (
            "is-a",
            "Reasoning models",
            "Large language models",
            "Reasoning models are a kind of large language models",
        ),
        ("is-a", "Generative AI", "Machine learning", "Generative AI is a kind of machine learning"),
        (
            "uses",
            "Hybrid heat pump systems",
            "Air-source heat pumps",
            "Hybrid heat pump systems use air-source heat pumps",
        ),
        ("uses", "Mixture of experts", "Transformers", "Mixture of experts uses transformers"),
        ("part-of", "Attention layers", "Transformers", "Attention layers are part of transformers"),
        (
            "overlaps",
            "Diffusion models",
            "Flow matching models",
            "Diffusion models and flow matching models overlap",
        ),
    ],
)
def test_a_relation_reads_as_a_sentence(kind: str, subject: str, target: str, sentence: str) -> None:
    assert relation_sentence(kind, subject, target) == sentence  # type: ignore[arg-type]
