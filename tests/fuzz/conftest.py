"""Hypothesis profiles for the fuzz tests.

"ci" (the default, in `make test`): a modest sample per target, so all fuzz tests
together take well under a minute on a 2-core machine. "faults": a larger sample for
a deliberate hunt: `HYPOTHESIS_PROFILE=faults pytest tests/fuzz`. bench/_fuzz.py runs
the same targets with every example counted.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# Generated files and texts are large and slow to build on purpose (runs of marks,
# repeated slices): the health checks for that would only get in the way.
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

# "ci" (make test) replays the same generated cases every run: a test suite must not
# pass or fail by the draw (a per-case deadline cannot stop a regex that never ends:
# such a case would hang CI). New cases are explored by bench/faults.py and
# bench/_fuzz.py, and by HYPOTHESIS_PROFILE=faults.
settings.register_profile("ci", max_examples=100, suppress_health_check=_QUIET,
                          print_blob=True, derandomize=True)
settings.register_profile("faults", max_examples=1000, suppress_health_check=_QUIET,
                          print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

@pytest.fixture(scope="module", autouse=True)
def warm_up(request):
    """A module's targets (its FUZZED list) run their warm-up case first, untimed: imports
    and the language model load there, not inside a case's time limit."""
    for target in getattr(request.module, "FUZZED", ()):
        target.check(target.warm_up)
