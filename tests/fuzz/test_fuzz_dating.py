"""Dating from metadata and text on odd input (properties: fuzz_targets.check_dating)."""

from fuzz_targets import TARGETS, fuzz_test

FUZZED = [TARGETS["dating"]]

test_dates_parse_bounds_are_ordered_confidence_in_range = fuzz_test(TARGETS["dating"])
