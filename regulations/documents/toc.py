"""The table of contents of a document page, as a tree that folds per chapter.

The provisions come flat, in reading order, each with its depth; the contents are
the headed ones (parts, chapters, sections, articles). A long text (the Civil Code
has 689 articles) folds each part and chapter into a <details>, closed; a short
one shows them open.
"""

from .structure import ProvisionLevel

# Up to this many entries the contents are shown open; above it, folded.
OPEN_LIMIT = 40


def toc_tree(entries):
    """Nest the contents rows (dicts with "p", the provision) by depth.

    Each node is {"row", "children", "articles"}: the articles counted under it, for
    the fold's summary ("Chương I – 12 điều")."""
    roots, stack = [], []
    for row in entries:
        node = {"row": row, "children": [], "articles": 0}
        while stack and stack[-1]["row"]["p"].depth >= row["p"].depth:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(node)
        if row["p"].level == ProvisionLevel.ARTICLE:
            for ancestor in stack:
                ancestor["articles"] += 1
        stack.append(node)
    return roots


def table_of_contents(entries):
    """What the template needs: the tree, whether the folds start open, and whether
    the contents are one long flat list (no chapters) to fold as a whole."""
    tree = toc_tree(entries)
    long = len(entries) > OPEN_LIMIT
    return {
        "nodes": tree,
        "open": not long,
        "fold_all": long and not any(node["children"] for node in tree),
        "count": len(entries),
    }
