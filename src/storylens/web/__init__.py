"""The local web UI: `create_app(library)` over stories from folders (`FolderLibrary`) or the store."""

from storylens.web.app import create_app
from storylens.web.library import FolderLibrary, Library, StoryEntry

__all__ = ["FolderLibrary", "Library", "StoryEntry", "create_app"]
