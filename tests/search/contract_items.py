"""The contract's item factory."""

from search.registry import SearchItem


def item(key, title, body="", kind="provision", number="", in_force=True, public=True, **kw):
    facets = kw.pop("facets", {})
    return SearchItem(
        kind=kind,
        key=key,
        title=title,
        url=f"/van-ban/{key.replace(':', '-')}/",
        number=number,
        parent=kw.pop("parent", ""),
        body=body,
        in_force=in_force,
        public=public,
        facets=facets,
        date=kw.pop("date", None),
        data=kw.pop("data", {}),
    )
