"""The cleaner on odd text (properties: fuzz_targets.check_clean)."""

from fuzz_targets import TARGETS, fuzz_test

FUZZED = [TARGETS["clean"]]

test_every_line_is_kept_or_removed_with_its_rule = fuzz_test(TARGETS["clean"])
