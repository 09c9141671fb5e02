"""One language's edition of the open data: the model, the language, when it was built and where it lives."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, overload

from pydantic import BaseModel

from . import addresses
from .model import Lang, Pending, Plan, Site, Text
from .views import clean

if TYPE_CHECKING:
    from .open_data import Download

BUILT = "bp_built"  # config.extra key: when this build started (set once for both languages)
LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def build_time() -> dt.datetime:
    """Now, in UTC to the second; SOURCE_DATE_EPOCH (reproducible builds) if it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return now.replace(microsecond=0)


@overload
def plain(text: Text, lang: Lang) -> str: ...
@overload
def plain(text: Text | None, lang: Lang) -> str | None: ...
def plain(text: Text | None, lang: Lang) -> str | None:
    """A text in `lang` on one line; while its translation is pending, the other language's text."""
    if text is None:
        return None
    shown = text(lang)
    return clean(shown.text if isinstance(shown, Pending) else shown)


def pending_fields(record: BaseModel, lang: Lang) -> list[str]:
    """The fields of a record whose text is shown in the other language while its translation into `lang` is
    pending (a field holding a list, such as notes, counts if any of its texts is)."""
    found = []
    for name in type(record).model_fields:
        value = getattr(record, name)
        if any(
            isinstance(text, Text) and text.pending == lang for text in (value if isinstance(value, list) else [value])
        ):
            found.append(name)
    return found


@dataclass(frozen=True)
class Edition:
    site: Site
    lang: Lang
    built: dt.datetime
    site_name: str
    site_url: str | None = None  # without it, links are relative to the site's root
    directory_urls: bool = True
    last_changed: dict[str, dt.date] = field(default_factory=dict, compare=False)  # record id → its last change

    @cached_property
    def downloads(self) -> list[Download]:
        """Every download of this edition, made once: the build publishes them and the open-data page lists them."""
        from .open_data import downloads  # the downloads are made from the edition

        return downloads(self)

    def url(self, site_path: str) -> str:
        return f"{self.site_url.rstrip('/')}/{site_path}" if self.site_url else site_path

    def page_url(self, docs_path: str, anchor: str | None = None) -> str:
        url = self.url(addresses.page_url(docs_path, self.lang, self.directory_urls))
        return f"{url}#{anchor}" if anchor else url

    def record_url(self, plan: Plan, area_id: str | None, record_id: str | None = None) -> str:
        """The permalink of a record: its anchor on its area's page (or its plan's page)."""
        return self.page_url(addresses.record_page(plan.id, area_id), record_id)

    def data_url(self, name: str) -> str:
        return self.url(addresses.data_file(name, self.lang))
