"""Dispatcher: `python -m bench <subcommand> [options]`.

Each subcommand is a module of this package with a `main(argv)` function; add
yours to COMMANDS. An unlisted name is tried as `bench.<name>` too.
"""

import importlib
import sys

COMMANDS = {
    "search": "bench.search_bench",
    "import": "bench.import_docx",
    "dossiers": "bench.onestop_dossiers",
    "surveys": "bench.onestop_surveys",
    "consolidation": "bench.consolidation",
    "relevance": "bench.relevance",
}


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        print("Subcommands:", ", ".join(sorted(COMMANDS)))
        return 0
    name, rest = argv[0], argv[1:]
    module = importlib.import_module(COMMANDS.get(name, f"bench.{name}"))
    if hasattr(module, "main"):
        return module.main(rest)
    sys.argv = [module.__name__, *rest]
    return 0


if __name__ == "__main__":
    sys.exit(main() or 0)
