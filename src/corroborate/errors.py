"""Specific errors, each with a message that says what to do next."""

from __future__ import annotations


class CorroborateError(Exception):
    """Base class for every error this package raises on purpose."""


class InputReadError(CorroborateError):
    """One input could not be read. The message names the input and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class NoArticlesError(CorroborateError):
    """None of the inputs gave an article."""


class ModelLoadError(CorroborateError):
    """A model shipped by a package could not be loaded (missing package, bad checksum)."""


class StoreError(CorroborateError):
    """The article store cannot be used as asked (newer schema, locked, read-only, disk full)."""


def unexpected(exc: Exception) -> str:
    """What an input reader's unforeseen failure says: what failed, and to report it. Readers
    catch it per input, so one file a parser chokes on never ends a run of thousands."""
    return (
        f"cannot be read: {type(exc).__name__}: {exc} (a fault in corroborate or a library it "
        "uses: please report it, with this input)"
    )
