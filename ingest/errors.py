"""The one error a loader raises for a file it cannot take, with a Dutch reason."""


class IngestError(Exception):
    """A file that cannot be ingested; `reason` is Dutch and says what the editor can do."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
