"""The real site with its FAQ grown to a given number of questions, for the FAQ filter at scale.

The real questions stay as they are; the rest are ordinary questions about how organisations use
the technology ("How should a newsroom handle vendor contracts?"), each with a first sentence that
names a real subject in passing (a large language model, retrieval-augmented generation, a
diffusion model…). So a reader's query still has one right answer among the real questions, and
many other questions mention its words in their answers: the filter must rank, not just match.
Generated text is deterministic: the same count gives the same files.
"""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import yaml

from tests.support.project import REPO, copy_project, without_block

SUBJECTS = (
    "a small bakery", "a city council", "a hospital ward", "a law firm", "a newsroom", "a primary school",
    "a logistics company", "a museum", "a football club", "a call centre", "a research lab",
    "a design studio", "an insurance broker", "a retail chain", "a public library", "a charity",
    "a software startup", "a university department", "a regional airline", "a farm cooperative",
    "a dental practice", "a real estate agency", "a translation bureau", "a game studio",
    "a local newspaper", "a bank branch", "a recruitment agency", "a hotel group", "a film festival",
    "a tax office", "a car dealership", "a water utility", "a theatre company", "a fitness chain",
    "a publishing house", "an architecture firm", "a wine merchant", "a courier service",
    "a pharmacy chain", "a police department",
)  # fmt: skip
ASPECTS = (
    "staff training", "record keeping", "vendor contracts", "data retention", "accessibility audits",
    "meeting notes", "holiday rotas", "customer complaints", "invoice checks", "translation work",
    "job adverts", "press releases", "safety inspections", "internal newsletters", "grant applications",
    "inventory counts", "shift handovers", "supplier emails", "board minutes", "website updates",
    "onboarding guides", "expense reports", "event planning", "quality reviews", "archive digitisation",
)  # fmt: skip
OPENINGS = (
    "How should {subject} handle {aspect}?",
    "What should {subject} know before changing its {aspect}?",
    "Who at {subject} decides how {aspect} are done?",
    "Can {subject} speed up its {aspect} without losing quality?",
    "Where does {subject} start when it reviews its {aspect}?",
)
MENTIONS = (
    "a large language model", "retrieval-augmented generation", "a diffusion model", "an image generator",
    "a chatbot that may hallucinate", "token-based pricing", "fine-tuning", "a reasoning model",
    "open-weights models", "speech recognition", "GANs", "a transformer", "embeddings",
    "a multimodal model", "prompt engineering",
)  # fmt: skip
TOPICS = ("basics", "choosing", "costs", "how-they-work", "industry", "risks-and-limits", "using-together")
REVIEWED = "2026-11-02"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80].strip("-")


def generated_questions(count: int) -> dict[str, dict[str, object]]:
    """`count` generated FAQ entries by id: distinct questions, each with two other phrasings."""
    entries: dict[str, dict[str, object]] = {}
    pairs = itertools.product(range(len(ASPECTS)), range(len(SUBJECTS)))
    for number, (a, s) in enumerate(itertools.islice(pairs, count)):
        subject, aspect = SUBJECTS[s], ASPECTS[a]
        question = OPENINGS[number % len(OPENINGS)].format(subject=subject, aspect=aspect)
        question = question[0].upper() + question[1:]
        mention = MENTIONS[number % len(MENTIONS)]
        place = subject.split(" ", 1)[1]
        entries[f"ops-{slug(place)}-{slug(aspect)}"] = {
            "question": question,
            "also_asked": [f"{aspect} at {place}", f"{place} {aspect} checklist"],
            "answer": (
                f"Start with the people who do the {aspect} today: they know where {mention} could help "
                f"and where a person must stay in charge.\n\n"
                f"Write down how the {aspect} work now, try one change for a month, and compare the "
                f"results with the month before. Keep what saved time without adding mistakes, and "
                f"tell everyone at {subject} what changed and why."
            ),
            "topics": [TOPICS[number % len(TOPICS)]],
            "order": 1000 + number,
            "reviewed": REVIEWED,
        }
    return entries


def large_faq_project(destination: Path, questions: int = 1000) -> Path:
    """A copy of the real project whose FAQ holds `questions` questions (the real ones first).

    The site's content policy (sources on every answer, minimum lengths…) is left out: it is about
    the real content, which is unchanged.
    """
    project = copy_project(destination, REPO / "content")
    config = project / "mkdocs.yml"
    config.write_text(without_block(config.read_text(encoding="utf-8"), "      policy:"), encoding="utf-8")
    faq = project / "content" / "faq"
    real = len(list(faq.glob("*.yaml")))
    for faq_id, entry in generated_questions(max(0, questions - real)).items():
        text = yaml.safe_dump(entry, sort_keys=False, allow_unicode=True, width=100)
        (faq / f"{faq_id}.yaml").write_text(text, encoding="utf-8")
    return project


def main() -> None:  # pragma: no cover - a convenience for building the site by hand
    import sys

    from tests.support.project import build

    destination = Path(sys.argv[1])
    shutil.rmtree(destination, ignore_errors=True)
    print(build(large_faq_project(destination / "project", int(sys.argv[2]) if len(sys.argv) > 2 else 1000)))


if __name__ == "__main__":
    main()
