"""The public API is what `__all__` says: every listed name exists, nothing else public
leaks from `storyline`, and every module says what it exports."""

from __future__ import annotations

import __future__
import importlib
import importlib.metadata
import pkgutil
import types

import pytest

import storyline

MODULES = sorted(m.name for m in pkgutil.walk_packages(storyline.__path__, "storyline.")
                 if not m.name.endswith("__main__"))    # __main__ runs the CLI on import
PACKAGES = sorted(m.name for m in pkgutil.walk_packages(storyline.__path__, "storyline.")
                  if m.ispkg)
COMMAND_MODULES = [m for m in MODULES if m.startswith("storyline.cli.") and
                   not m.rsplit(".", 1)[1].startswith("_")]


def test_all_names_exist():
    assert len(storyline.__all__) == len(set(storyline.__all__))
    missing = [name for name in storyline.__all__ if not hasattr(storyline, name)]
    assert not missing


def test_star_import_gives_exactly_all():
    namespace: dict = {}
    exec("from storyline import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(storyline.__all__)


def test_nothing_else_public_leaks():
    leaked = []
    for name, value in vars(storyline).items():
        if name.startswith("_") or name in storyline.__all__:
            continue
        if isinstance(value, types.ModuleType) and value.__name__.startswith("storyline."):
            continue                    # subpackages are reachable as attributes; that is fine
        if isinstance(value, __future__._Feature):
            continue                    # `from __future__ import annotations`
        leaked.append(name)
    assert not leaked, f"public names outside __all__: {leaked}"


def test_the_documented_api_is_public():
    # README's Python API example and the model every stage speaks
    for name in ("Store", "build", "BuildSummary", "Article", "Published", "Origin", "process",
                 "clean_text", "export", "ReadOptions", "FieldMap", "Code", "Problem",
                 "StorylineError", "__version__"):
        assert name in storyline.__all__
    assert storyline.__version__ == importlib.metadata.version("storyline")


def test_every_subpackage_is_listed():
    assert {"storyline.clean", "storyline.cli", "storyline.dating", "storyline.export",
            "storyline.extract", "storyline.ingest", "storyline.store", "storyline.timex"} <= set(PACKAGES)


@pytest.mark.parametrize("name", [m for m in MODULES if m not in COMMAND_MODULES])
def test_every_module_has_all(name):
    module = importlib.import_module(name)
    assert isinstance(getattr(module, "__all__", None), list), f"{name} has no __all__"
    missing = [n for n in module.__all__ if not hasattr(module, n)]
    assert not missing, f"{name}.__all__ lists missing names {missing}"
    assert len(module.__all__) == len(set(module.__all__))


@pytest.mark.parametrize("name", COMMAND_MODULES)
def test_command_modules_follow_the_command_protocol(name):
    module = importlib.import_module(name)
    assert isinstance(module.NAME, str) and isinstance(module.HELP, str) and module.HELP
    assert callable(module.add_arguments) and callable(module.run)
    assert module.__doc__, f"{name} needs a docstring: it is the command's --help description"
    from storyline.cli import COMMANDS

    assert module in COMMANDS
