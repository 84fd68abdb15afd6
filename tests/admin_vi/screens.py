"""What a role's admin screens are, and the text a user reads on them."""

import html
import json
import re

SIDEBAR = re.compile(r'<script[^>]*id="wagtail-sidebar-props"[^>]*>(.*?)</script>', re.S)
HIDDEN = re.compile(r"(?s)<script.*?</script>|<style.*?</style>|<svg.*?</svg>")
ATTRIBUTES = re.compile(
    r'(?:title|placeholder|aria-label|alt|data-w-tooltip-content-value)="([^"]*)"'
)
EDIT_LINK = re.compile(r'href="(/admin/[^"]*/edit/\d+/)"')
ADD_LINK = re.compile(r'href="(/admin/[^"?]*/add/)"')


def sidebar(body):
    """The sidebar's menu (JSON for its script): its labels and the admin URLs it links to."""
    match = SIDEBAR.search(body)
    labels, urls = [], []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("label"), str):
                labels.append(node["label"])
            if str(node.get("url", "")).startswith("/admin/"):
                urls.append(node["url"])
            node = list(node.values())
        if isinstance(node, list):
            for child in node:
                walk(child)

    if match:
        walk(json.loads(match.group(1)))
    return labels, urls


def visible_text(body):
    """Text nodes, the attributes read out or shown on hover, and the sidebar labels."""
    labels, _ = sidebar(body)
    attributes = ATTRIBUTES.findall(body)
    text = re.sub(r"(?s)<[^>]+>", "\n", HIDDEN.sub(" ", body))
    pieces = [html.unescape(piece).strip() for piece in text.split("\n") + attributes]
    return [piece for piece in pieces + labels if piece]


def english_in(body, phrases, words):
    """The known English phrases (substrings) and words (whole texts) on the screen."""
    texts = visible_text(body)
    joined = "\n".join(texts)
    found = {phrase for phrase in phrases if phrase in joined}
    return found | {word for word in words if word in texts}


def first_edit_link(body):
    match = EDIT_LINK.search(body)
    return match.group(1) if match else None


def first_add_link(body):
    match = ADD_LINK.search(body)
    return match.group(1) if match else None
