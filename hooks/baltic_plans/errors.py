"""Data errors that point at a file, line, record and field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .messages import Message, say

Loc = tuple[str | int, ...]


@dataclass
class DataError(Exception):
    """One problem in one data file, as an editor needs to see it."""

    file: Path
    message: str | Message
    line: int | None = None
    column: int | None = None
    record: str | None = None
    field: str | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = shown_path(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        what = self.field or ""
        if self.record and self.record not in what:
            what = f"[{self.record}] {what}".strip()
        prefix = f"{say('warning')}: " if self.warning else ""
        return f"{where}: {prefix}{what}: {self.message}" if what else f"{where}: {prefix}{self.message}"


def shown_path(path: Path) -> str:
    """The path as an editor typed it: relative to the current folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@dataclass
class DataErrors(Exception):
    """All the errors found in the data, raised at once."""

    errors: list[DataError] = field(default_factory=list)

    def __str__(self) -> str:
        lines = "\n".join(f"  {e}" for e in self.errors)
        return f"{say('errors_in_data', count=len(self.errors))}\n{lines}"
