"""The one exception the importer raises for a file it refuses (lỗi nhập tệp)."""


class ImportRejected(Exception):
    """A file that cannot be imported; the message is Vietnamese and names the reason."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
