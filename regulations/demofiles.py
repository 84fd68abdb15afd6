"""The demo's data files (dữ liệu mẫu): JSON and plain-text files in each app's `demo/`
package, next to the loader that reads them (shipped as package data, see pyproject)."""

import json
from datetime import date, datetime
from importlib.resources import files


def read_text(package: str, name: str) -> str:
    """The UTF-8 text of the data file `name` (a path relative to `package`)."""
    return files(package).joinpath(name).read_text(encoding="utf-8")


def read_json(package: str, name: str):
    return json.loads(read_text(package, name))


def day(value: str | None) -> date | None:
    """A date written as an ISO string in a data file (None stays None)."""
    return date.fromisoformat(value) if value else None


def moment(value: str | None) -> datetime | None:
    """A naive local date-time written as an ISO string in a data file."""
    return datetime.fromisoformat(value) if value else None
