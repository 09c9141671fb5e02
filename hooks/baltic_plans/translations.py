"""Translation coverage: every text of the data with a language missing, marked pending or not."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .crosscheck import field_path, record_id
from .errors import DataError, Loc
from .load import LoadResult, model_at
from .messages import say
from .model import LANGUAGES, Text


@dataclass(frozen=True)
class Gap:
    """One text without one of its languages."""

    file: Path
    line: int | None
    record: str | None
    field: str
    lang: str
    marked: bool  # marked `pending: <lang>`; unmarked gaps are errors

    def __str__(self) -> str:
        return str(self.as_problem())

    def as_problem(self) -> DataError:
        message = say("translation_pending" if self.marked else "translation_unmarked", lang=self.lang)
        return DataError(self.file, message, self.line, record=self.record, field=self.field)


@dataclass(frozen=True)
class Coverage:
    texts: int
    gaps: list[Gap]

    @property
    def unmarked(self) -> list[Gap]:
        return [gap for gap in self.gaps if not gap.marked]

    def summary(self) -> str:
        pending = Counter(gap.lang for gap in self.gaps if gap.marked)
        per_language = ", ".join(f"{lang}: {pending[lang]}" for lang in LANGUAGES)
        gaps = say("gap_one" if len(self.unmarked) == 1 else "gap_other")
        return str(
            say(
                "translation_summary", texts=self.texts, pending=sum(pending.values()), per_language=per_language,
                unmarked=len(self.unmarked), gaps=gaps,
            )
        )  # fmt: skip


def coverage(result: LoadResult) -> Coverage:
    texts = 0
    gaps: list[Gap] = []
    for parsed in result.documents:
        for loc, text in _texts(parsed.doc.data, parsed.schema):
            texts += 1
            line, _ = parsed.doc.position(loc)
            for lang in LANGUAGES:
                if not isinstance(text.get(lang), str) or not text[lang].strip():
                    gaps.append(
                        Gap(
                            parsed.doc.path, line, record_id(parsed.doc.data, loc), field_path(parsed.doc.data, loc),
                            lang, marked=text.get("pending") == lang,
                        )
                    )  # fmt: skip
    return Coverage(texts, gaps)


def _texts(data: Any, schema, loc: Loc = ()) -> Iterator[tuple[Loc, dict]]:
    """(location, mapping) of every value that the model reads as a Text."""
    if isinstance(data, dict):
        if loc and model_at(schema, loc) is Text:
            yield loc, data
            return
        for key, value in data.items():
            yield from _texts(value, schema, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, schema, (*loc, index))
