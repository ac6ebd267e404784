"""The annotate stage (sentences, names, quotes) on odd text (properties:
fuzz_targets.check_quotes)."""

from fuzz_targets import TARGETS, fuzz_test

FUZZED = [TARGETS["quotes"]]

test_quotes_and_speakers_come_from_the_text = fuzz_test(TARGETS["quotes"])
