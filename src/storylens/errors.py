"""Exceptions raised by storylens.

    StorylensError            base class; str() is always one line
    ├── InputError            a user's input cannot be read (carries `path`)
    │   ├── UnsupportedFormat the file is not text, HTML, JSONL, WARC or a feed
    │   ├── ParseError        the file has the right kind but is malformed
    │   ├── FetchError        a URL could not be fetched
    │   └── UnsafeURL         a URL points into a private network
    ├── ConfigError           bad options
    ├── ModelUnavailable      a packaged model is not installed
    └── StoreError            the story database cannot be used
"""

from __future__ import annotations


class StorylensError(Exception):
    """Base class. The message is a single line that a CLI can print as-is."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))


class InputError(StorylensError):
    def __init__(self, path: str | None, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)


class UnsupportedFormat(InputError):
    pass


class ParseError(InputError):
    pass


class FetchError(InputError):
    pass


class UnsafeURL(FetchError):
    pass


class ConfigError(StorylensError):
    pass


class ModelUnavailable(StorylensError):
    pass


class StoreError(StorylensError):
    pass
