"""The exception hierarchy. User-facing messages live here; only the CLI and the web
layer turn these into exit codes and HTTP statuses."""


class ClaimgraphError(Exception):
    """Base class: every error the library raises on purpose."""


class InputError(ClaimgraphError):
    """One input (a file, a line of a corpus, a feed item) cannot be read.

    `where` names the file and, where it applies, the line or item; the batch goes on.
    """

    def __init__(self, where: str, reason: str):
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class RecordError(ClaimgraphError):
    """An extraction record breaks the extraction/1 contract (a bad span, a dangling id)."""


class StoreError(ClaimgraphError):
    """The store cannot do what was asked (bad URL, schema too new, missing item)."""


class NotFound(StoreError):
    """A named item (document, actor, event, merge) is not in the store."""


class ConfigError(ClaimgraphError):
    """A setting, a registry file or an outlet table is invalid."""
