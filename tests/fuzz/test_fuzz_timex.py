"""The time tagger on odd text (properties: fuzz_targets.check_timex)."""

from fuzz_targets import TARGETS, fuzz_test

FUZZED = [TARGETS["timex"]]

test_spans_are_the_texts_own_and_values_well_formed = fuzz_test(TARGETS["timex"])
