"""README.md and the CLI say the same thing: every command, option, format and kind the
README documents exists, and every command the CLI has is documented."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from storyline import export
from storyline.cli import COMMANDS, make_parser
from storyline.ingest.files import COMPRESSIONS, FORMATS
from storyline.model import BLOCK_KINDS

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


def section(readme: str, heading: str) -> str:
    start = readme.index(heading)
    end = readme.find("\n#", start + len(heading))
    return readme[start: end if end != -1 else None]


def command_list(readme: str) -> str:
    """The ```sh block of "## Using it": the README's command list."""
    using = section(readme, "## Using it")
    return re.search(r"```sh\n(.*?)```", using, re.S).group(1)


def subparsers() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in make_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_is_in_the_readme_command_list(readme):
    listed = {line.split()[1] for line in command_list(readme).splitlines()
              if line.startswith("storyline ")}
    assert listed == {c.NAME for c in COMMANDS}


@pytest.mark.parametrize("command", [c.NAME for c in COMMANDS])
def test_readme_usage_line_matches_the_parser(readme, command):
    lines = [line for line in command_list(readme).splitlines()
             if line.startswith(f"storyline {command}")]
    assert lines, f"`storyline {command}` is missing from README.md"
    parser = subparsers()[command]
    options = {s for a in parser._actions for s in a.option_strings}
    positionals = [a for a in parser._actions if not a.option_strings and a.dest != "help"]
    for line in lines:
        usage = line.split("#")[0]
        for option in re.findall(r"(?<![\w'])(--?[a-z][\w-]*)", usage):
            assert option in options, f"README shows {option} for {command}; the CLI has no such option"
        # a command that needs an argument is shown with one
        if positionals:
            assert len(usage.split()) > 2, f"README shows `storyline {command}` without its argument"
    assert parser.description, f"{command} has no description for --help"


def test_documented_options_exist(readme):
    parsers = subparsers()
    assert "`--db FILE`" in readme and "$STORYLINE_DB" in readme
    for name, parser in parsers.items():
        options = {s for a in parser._actions for s in a.option_strings}
        assert "--db" in options, name
    # "listing commands take --json"
    for name in ("articles", "search", "stories", "show"):
        assert "--json" in {s for a in parsers[name]._actions for s in a.option_strings}, name
    build = {s for a in parsers["build"]._actions for s in a.option_strings}
    for option in re.findall(r"`(--[\w-]+)", section(readme, "## Using it")):
        assert any(option in {s for a in p._actions for s in a.option_strings}
                   for p in parsers.values()), f"README documents {option}; no command has it"
    assert {"--workers", "--field"} <= build


def test_documented_export_formats_exist(readme):
    using = command_list(readme)
    line = next(line for line in using.splitlines() if line.startswith("storyline export"))
    documented = set(re.findall(r"--format (\w+)", line)) | set(
        re.findall(r"\b(json|jsonl|csv|md|html|timelinejs)\b", line.split("#", 1)[1]))
    assert documented == set(export.FORMATS)


def test_documented_input_formats_are_read(readme):
    inputs = section(readme, "### Inputs")
    suffixes = set(re.findall(r"`\*?(\.[a-z0-9.]+)`", inputs))
    for suffix in suffixes:
        if suffix in COMPRESSIONS:
            continue
        if suffix.endswith(".gz") and suffix[:-3] in FORMATS:   # .warc.gz
            continue
        assert suffix in FORMATS, f"README lists {suffix}; ingest does not read it"
    # and the main formats ingest reads are documented
    for suffix in (".txt", ".html", ".htm", ".jsonl", ".json", ".csv", ".tsv", ".warc", ".rss",
                   ".atom", ".xml"):
        assert suffix in suffixes and suffix in FORMATS
    assert {".gz", ".bz2", ".zst"} <= suffixes and {".gz", ".bz2", ".zst"} <= set(COMPRESSIONS)


def test_documented_cleaner_kinds_are_the_model_kinds(readme):
    cleaner = section(readme, "### What the cleaner removes")
    kinds = cleaner[cleaner.index("one of:"): cleaner.index("Removed lines")]
    documented = set(re.findall(r"`(\w+)`", kinds))
    assert documented == set(BLOCK_KINDS) - {"body"}


def test_the_readme_shows_the_stage_table_as_the_code_has_it(readme):
    from storyline.stages import STAGES, table

    assert table() in section(readme, "## Stages")
    assert [s.name for s in STAGES][:4] == ["read", "date", "timex", "annotate"]


def test_the_readme_lists_every_code_of_the_catalog(readme):
    from storyline.errors import Code

    listed = dict(re.findall(r"^\| ([EW]\d{3}) \| (.+?) \|$", section(readme, "## Problems and errors"),
                             re.M))
    assert listed == {c.name: c.why for c in Code}


def test_every_error_a_command_stops_on_carries_a_code_of_the_catalog():
    import ast

    from storyline.errors import Code

    package = Path(__file__).resolve().parents[2] / "src" / "storyline"
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "StorylineError":
                code = node.args[0] if node.args else None
                assert isinstance(code, ast.Attribute) and code.attr in Code.__members__, \
                    f"{path.name}:{node.lineno} raises a StorylineError without a catalog code"


def test_the_architecture_notes_show_the_same_stage_table():
    from storyline.stages import table

    notes = (README.parent / "ARCHITECTURE.md").read_text(encoding="utf-8")
    assert table() in notes
