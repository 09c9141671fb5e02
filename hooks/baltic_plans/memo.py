"""Values made once per build from the build's data, for the several steps that ask for the same one."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from .model import Site

Value = TypeVar("Value")


class PerBuild(Generic[Value]):
    """Values made from one site (the data one build checked) and, if given, one build time. Asked with another
    site or time, as on a `mkdocs serve` rebuild, it forgets the earlier build's values."""

    def __init__(self) -> None:
        self._build: tuple[Site | None, Any] = (None, None)
        self._values: dict[Hashable, Value] = {}

    def get(self, site: Site, key: Hashable, make: Callable[[], Value], built: Any = None) -> Value:
        if self._build[0] is not site or self._build[1] != built:
            self._build, self._values = (site, built), {}
        if key not in self._values:
            self._values[key] = make()
        return self._values[key]
