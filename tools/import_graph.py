"""Import graph of the project's modules, read from the source with `ast` (nothing is
imported): which module imports which, at module level and inside functions.

tests/cms/test_import_layers.py uses it to find import cycles and to check the layers
(organisation/calendar → documents → procedures → planning/dossiers/surveys/feedback,
search below them all). Run it to see the picture:

    python tools/import_graph.py [ROOT] [-v]

prints the cycles and, with -v, every function-level import.

Counted: every `import` and `from … import` of a project module, at module level or in
a function. Not counted: imports under `if TYPE_CHECKING:` (never run) and the implicit
import of a module's parent packages. `from pkg import name` counts as importing
`pkg.name` when that is a module, else `pkg`.
"""

import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

PACKAGES = ("regulations", "search", "cms", "vietnamese")


@dataclass
class Import:
    """One import statement of `module`: the project modules it names, and where."""

    module: str
    line: int
    targets: frozenset[str]
    in_function: bool


@dataclass
class ImportGraph:
    """Project modules (dotted name → file) and their imports."""

    files: dict[str, Path]
    imports: list[Import] = field(default_factory=list)

    def edges(self) -> dict[str, set[str]]:
        """module → the project modules it imports, at any level."""
        graph: dict[str, set[str]] = {name: set() for name in self.files}
        for imp in self.imports:
            graph[imp.module] |= imp.targets
        return graph

    def function_level(self) -> list[Import]:
        return [imp for imp in self.imports if imp.in_function]


def module_files(root: Path, packages=PACKAGES) -> dict[str, Path]:
    """Dotted module name → source file, for the packages' modules (migrations excluded:
    Django loads them, nothing imports them)."""
    files = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[0] not in packages or "migrations" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        files[".".join(parts)] = path
    return files


def _named_modules(module: str, node, files) -> set[str]:
    """The project modules an import statement names, resolved against `files`."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = module.split(".")
            if files[module].name != "__init__.py":
                package = package[:-1]
            package = package[: len(package) - (node.level - 1)]
            base = ".".join([*package, base] if base else package)
        names = [base] + [f"{base}.{alias.name}" for alias in node.names]
    found = set()
    for name in names:
        while name and name not in files:  # "pkg.function" → "pkg"
            name = name.rpartition(".")[0]
        if name and name != module:
            found.add(name)
    return found


def _is_type_checking(node) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def module_imports(module: str, files) -> list[Import]:
    """Every project import of one module, with the line and whether it is in a function."""
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                targets = _named_modules(module, child, files)
                if targets:
                    found.append(Import(module, child.lineno, frozenset(targets), in_function))
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, True)
            elif not _is_type_checking(child):
                visit(child, in_function)

    visit(ast.parse(files[module].read_text(encoding="utf-8")), False)
    return found


def build(root: Path, packages=PACKAGES) -> ImportGraph:
    graph = ImportGraph(module_files(root, packages))
    for module in graph.files:
        graph.imports.extend(module_imports(module, graph.files))
    return graph


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or through others (the
    strongly connected components of more than one module, Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []

    def connect(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(edges) + 100))
    try:
        for node in sorted(edges):
            if node not in index:
                connect(node)
    finally:
        sys.setrecursionlimit(limit)
    return sorted(groups)


def in_package(module: str, package: str) -> bool:
    return module == package or module.startswith(f"{package}.")


def imports_across(graph: ImportGraph, lower: str, upper: tuple[str, ...]) -> list[str]:
    """ "module:line → target" for each import from package `lower` into any of `upper`
    (a layer importing one above it)."""
    return [
        f"{graph.files[imp.module]}:{imp.line} → {target}"
        for imp in graph.imports
        if in_package(imp.module, lower)
        for target in sorted(imp.targets)
        if any(in_package(target, package) for package in upper)
    ]


def main(argv) -> int:
    args = [arg for arg in argv if not arg.startswith("-")]
    graph = build(Path(args[0] if args else "."))
    found = cycles(graph.edges())
    print(f"{len(graph.files)} modules, {len(found)} import cycles")
    for group in found:
        print(f"  {len(group)}: {', '.join(group)}")
    local = graph.function_level()
    print(f"{len(local)} function-level imports")
    if "-v" in argv:
        for imp in local:
            print(f"  {graph.files[imp.module]}:{imp.line} → {', '.join(sorted(imp.targets))}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
