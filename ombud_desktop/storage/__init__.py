"""Storage: the only package that talks to SQLite and the evidence folder."""

from ombud_desktop.storage.changes import PERSONAL_FIELDS, Change, Edit
from ombud_desktop.storage.documents import iter_documents, load_document
from ombud_desktop.storage.workspace import Workspace

__all__ = ["PERSONAL_FIELDS", "Change", "Edit", "Workspace", "iter_documents", "load_document"]
