"""No import cycles, and the apps in layers (LAYERS, drawn in the README's "Architecture").

An app imports only apps of lower layers; search/ (infrastructure the apps register
with) imports no domain app, and vietnamese/ (the text rules) imports nothing of ours.
The graph is read from the source (tools/import_graph.py), module-level and
function-level imports both counted.
"""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: The domain apps in layers, lowest first: an app imports only apps of lower layers.
#: (README, "Architecture"). search/ and vietnamese/ are below them all.
LAYERS = (
    ("organisation",),
    ("calendar", "documents"),
    ("wordio", "procedures"),
    ("surveys", "planning"),
    ("dossiers", "feedback"),
)


def _load_import_graph():
    # tools/ is a folder of scripts, not a package: load the module from its file.
    spec = importlib.util.spec_from_file_location(
        "import_graph", ROOT / "tools" / "import_graph.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


import_graph = _load_import_graph()


@pytest.fixture(scope="module")
def graph():
    return import_graph.build(ROOT)


def test_no_module_imports_a_module_that_imports_it_back(graph):
    assert import_graph.cycles(graph.edges()) == []


@pytest.mark.parametrize("layer", range(len(LAYERS)))
def test_an_app_imports_no_app_of_its_own_layer_or_above(graph, layer):
    upper = tuple(f"regulations.{app}" for apps in LAYERS[layer:] for app in apps)
    for app in LAYERS[layer]:
        others = tuple(package for package in upper if package != f"regulations.{app}")
        assert import_graph.imports_across(graph, f"regulations.{app}", others) == [], app


def test_search_imports_no_domain_app(graph):
    assert import_graph.imports_across(graph, "search", ("regulations",)) == []


def test_the_text_rules_import_nothing_of_the_project(graph):
    assert import_graph.imports_across(graph, "vietnamese", ("regulations", "search", "cms")) == []


def test_every_domain_app_has_a_layer():
    apps = {path.name for path in (ROOT / "regulations").iterdir() if (path / "apps.py").exists()}
    assert apps == {app for layer in LAYERS for app in layer}


def test_the_graph_counts_function_level_imports_and_finds_their_cycles(tmp_path):
    """The checker itself: a cycle closed by an import inside a function is a cycle;
    an import under `if TYPE_CHECKING:` is not an import."""
    package = tmp_path / "regulations" / "app"
    package.mkdir(parents=True)
    (tmp_path / "regulations" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "models.py").write_text("def save():\n    from .services import derive\n")
    (package / "services.py").write_text("from .models import save\n")
    (package / "hints.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .models import save\n"
    )
    (package / "uses_hints.py").write_text("from . import hints\n")
    found = import_graph.build(tmp_path)
    assert import_graph.cycles(found.edges()) == [
        ["regulations.app.models", "regulations.app.services"]
    ]
    assert [(i.module, i.line) for i in found.function_level()] == [("regulations.app.models", 2)]
    assert found.edges()["regulations.app.hints"] == set()
