"""The Elasticsearch node a benchmark runs on: ELASTICSEARCH_URL when set (an
unsecured cluster; BENCH_ELASTICSEARCH_URL keeps it once the benchmark's Django
setup has removed it from the app's settings), else a local node of its own
(`tools/elasticsearch start --name bench`), stopped again by close() if this run started it."""

import os
import shutil
import subprocess
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "elasticsearch"


def available() -> bool:
    return bool(
        os.environ.get("ELASTICSEARCH_URL") or (shutil.which("mvn") and shutil.which("java"))
    )


class ElasticsearchNode:
    def __init__(self, name: str = "bench"):
        self.name, self.started = name, False
        self.url = os.environ.get("ELASTICSEARCH_URL") or os.environ.get("BENCH_ELASTICSEARCH_URL")
        if not self.url:
            out = subprocess.run(
                [str(TOOL), "start", "--name", name], capture_output=True, text=True, check=True
            ).stdout
            self.url, self.started = out.strip().splitlines()[-1], True

    def close(self):
        if self.started:
            subprocess.run([str(TOOL), "stop", "--name", self.name], check=False)
