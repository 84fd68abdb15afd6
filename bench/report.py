"""Reporting shared by the one-stop benchmarks: timings on both engines, side by side."""


def print_timings(title, timings, width=28):
    print(title)
    for name, t in timings.items():
        print(f"  {name:{width}s} median {t['median_s']:.3f} s   max {t['max_s']:.3f} s")


def embedded_and_elasticsearch(result, vendor, repeat, no_es, with_elasticsearch, width=28):
    """Print result["embedded"], then time the same queries through the Elasticsearch
    engine (a real node, bench/es_node.py) into result["elasticsearch"]."""
    title = f"\nEmbedded engine ({vendor}, ORM aggregation), {repeat} runs:"
    print_timings(title, result["embedded"], width)
    if no_es:
        print("\nElasticsearch engine: skipped (--no-es).")
        return
    from bench.es_node import available

    if not available():
        print("\nElasticsearch engine: no ELASTICSEARCH_URL and no Java/mvn; skipped.")
        return
    es = with_elasticsearch(repeat)
    result["elasticsearch"] = es
    agree = f" totals agree: {es['totals_agree']};" if "totals_agree" in es else ""
    print_timings(
        f"\nElasticsearch engine (real node, local): indexed {es['indexed_docs']:,} docs "
        f"in {es['indexing_s']:.1f} s;{agree} {repeat} runs:",
        es["queries"],
        width,
    )
