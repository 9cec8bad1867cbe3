"""Hypothesis profiles: `default` keeps tests/property well under a minute; `ci` runs many more examples.

Registered from tests/conftest.py, before Hypothesis reads `--hypothesis-profile`. No deadline: a busy
machine must not fail an example for being slow (the fuzz test measures and reports its slowest
example instead). Failing examples are kept under .pytest_cache (ignored by git) to be replayed first.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis.database import DirectoryBasedExampleDatabase

DATABASE = Path(__file__).resolve().parents[2] / ".pytest_cache" / "hypothesis"
COMMON = {
    "deadline": None,
    # Explaining a failure replays it hundreds of times (minutes for the fuzz test); the shrunk
    # example and its notes say enough.
    "phases": [Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    "database": DirectoryBasedExampleDatabase(str(DATABASE)),
    # Generated Markdown is filtered by what the check accepts; the strategies make most of it pass.
    "suppress_health_check": [HealthCheck.too_slow],
}


def register_profiles() -> None:
    settings.register_profile("default", max_examples=60, **COMMON)
    settings.register_profile("ci", max_examples=600, **COMMON)
    settings.load_profile("default")
