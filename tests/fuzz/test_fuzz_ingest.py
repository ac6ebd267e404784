"""Readers, and a whole build, on fuzzed files of every format (properties:
fuzz_targets.check_read and check_build)."""

from fuzz_targets import TARGETS, fuzz_test

FUZZED = [TARGETS["ingest"], TARGETS["build"]]

test_readers_turn_any_file_into_documents_and_problems = fuzz_test(TARGETS["ingest"])

test_a_build_stores_the_good_article_and_accounts_for_the_fuzzed_one = fuzz_test(TARGETS["build"])
