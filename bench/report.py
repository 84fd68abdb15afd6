"""Reporting shared by the one-stop benchmarks: timings on both engines, side by side."""


def print_timings(title, timings, width=28):
    print(title)
    for name, t in timings.items():
        print(f"  {name:{width}s} median {t['median_s']:.3f} s   max {t['max_s']:.3f} s")


def embedded_and_elasticsearch(result, vendor, repeat, no_es, with_elasticsearch, width=28):
    """Print result["embedded"], then time the same queries through the Elasticsearch
    engine (osmem-server, when installed) into result["elasticsearch"]."""
    title = f"\nEmbedded engine ({vendor}, ORM aggregation), {repeat} runs:"
    print_timings(title, result["embedded"], width)
    if no_es:
        print("\nElasticsearch engine: skipped (--no-es).")
        return
    try:
        import osmem_server  # noqa: F401
    except ImportError:
        print("\nElasticsearch engine: osmem-server is not installed; skipped.")
        return
    es = with_elasticsearch(repeat)
    result["elasticsearch"] = es
    agree = f" totals agree: {es['totals_agree']};" if "totals_agree" in es else ""
    print_timings(
        f"\nElasticsearch engine (osmem-server, local): indexed {es['indexed_docs']:,} docs "
        f"in {es['indexing_s']:.1f} s;{agree} {repeat} runs:",
        es["queries"],
        width,
    )
