"""A synthetic corpus for benchmarks: the real content plus N generated FAQ entries, deterministic."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def sentences(content_dir: Path) -> list[str]:
    """Real answer sentences to recombine, so generated text has realistic words and terms."""
    found = []
    for path in sorted((content_dir / "faq").glob("*.yaml")):
        answer = yaml.safe_load(path.read_text())["answer"]
        found += [s.strip() + "." for s in " ".join(answer.split()).split(". ") if len(s.split()) > 6]
    return found


def generate(destination: Path, questions: int, seed: int = 2026) -> Path:
    """Copy content/ to `destination` and add `questions` FAQ entries (60 to 250 words each)."""
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(REPO / "content", destination)
    pool = sentences(destination)
    topics = sorted(p.stem for p in (destination / "topics").glob("*.yaml"))
    rng = random.Random(seed)
    for n in range(questions):
        answer = " ".join(rng.sample(pool, 7))
        words = rng.sample([w.strip(".,;:()") for w in answer.split() if len(w) > 5], 4)
        entry = {
            "question": f"Question {n}: how do {words[0]} and {words[1]} relate to {words[2]}?",
            "answer": answer,
            "topics": [rng.choice(topics)],
            "reviewed": "2026-11-29",
        }
        text = yaml.safe_dump(entry, sort_keys=False, allow_unicode=True, width=100)
        (destination / "faq" / f"generated-question-{n:04d}.yaml").write_text(text)
    return destination
