"""Load data/ into one validated Site, or raise DataErrors naming every problem at once."""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataError, DataErrors, Loc
from .model import (
    LANGUAGES,
    Activity,
    OrganisationsFile,
    PlacesFile,
    Plan,
    Site,
    Status,
    Text,
)
from .yaml_source import YamlDocument, read_yaml

PLANS_DIR = "plans"
SOURCES_DIR = "sources"
ORGANISATIONS_FILE = "organisations.yml"
PLACES_FILE = "places.yml"
# a "planned" activity this long before the report date is probably a forgotten status change
STALE_PLANNED = dt.timedelta(days=31)


@dataclass(frozen=True)
class LoadResult:
    site: Site | None
    errors: list[DataError]
    warnings: list[DataError]


_cache: dict[Path, tuple[tuple, LoadResult]] = {}


def load_site(data_dir: Path) -> Site:
    """The validated site; parsed once per set of file versions (the i18n plugin builds twice)."""
    result = check_data(data_dir)
    if result.errors:
        raise DataErrors(result.errors)
    assert result.site is not None
    return result.site


def check_data(data_dir: Path) -> LoadResult:
    data_dir = data_dir.resolve()
    stamp = _stamp(data_dir)
    cached = _cache.get(data_dir)
    if cached and cached[0] == stamp:
        return cached[1]
    result = _load(data_dir)
    _cache[data_dir] = (stamp, result)
    return result


def _stamp(data_dir: Path) -> tuple:
    files = sorted(p for p in data_dir.rglob("*") if p.is_file())
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def _load(data_dir: Path) -> LoadResult:
    errors: list[DataError] = []
    organisations = _parse(data_dir / ORGANISATIONS_FILE, OrganisationsFile, errors)
    places = _parse(data_dir / PLACES_FILE, PlacesFile, errors)
    plan_files = sorted((data_dir / PLANS_DIR).glob("*.yml"))
    if not plan_files:
        errors.append(DataError(data_dir / PLANS_DIR, "no plan files (*.yml) found"))
    plans = [(path, _parse(path, Plan, errors)) for path in plan_files]
    if errors or organisations is None or places is None:
        return LoadResult(None, errors, [])
    org_doc, orgs = organisations
    place_doc, place_list = places
    site = Site(
        plans=tuple(plan for _, (_, plan) in plans),
        organisations={o.id: o for o in orgs.organisations},
        places={p.id: p for p in place_list.places},
        sources=_read_sources(data_dir / SOURCES_DIR, errors),
    )
    if errors:
        return LoadResult(None, errors, [])
    checker = CrossCheck(site, data_dir)
    checker.check_unique_ids(org_doc, "organisations", orgs.organisations)
    checker.check_unique_ids(place_doc, "places", place_list.places)
    for _, (doc, plan) in plans:
        checker.check_plan(doc, plan)
    return LoadResult(None if checker.errors else site, checker.errors, checker.warnings)


def _read_sources(folder: Path, errors: list[DataError]) -> dict[str, tuple[str, ...]]:
    sources = {}
    for path in sorted(folder.glob("*.txt")):
        try:
            sources[path.name] = tuple(path.read_text(encoding="utf-8").splitlines())
        except UnicodeDecodeError as error:
            errors.append(DataError(path, f"not UTF-8 at byte {error.start}; save the source text as UTF-8"))
    return sources


def _parse(path: Path, model: type[BaseModel], errors: list[DataError]):
    if not path.is_file():
        errors.append(DataError(path, "file not found"))
        return None
    try:
        doc = read_yaml(path)
    except DataError as error:
        errors.append(error)
        return None
    if not isinstance(doc.data, dict):
        errors.append(DataError(path, "the file must hold a YAML mapping (key: value) at the top", line=1))
        return None
    try:
        return doc, model.model_validate(doc.data)
    except ValidationError as error:
        errors.extend(_explain(doc, model, e) for e in error.errors())
        return None


# -- turning pydantic's errors into an editor's message ------------------------------------------


def _explain(doc: YamlDocument, model: type[BaseModel], error: dict) -> DataError:
    loc: Loc = tuple(k for k in error["loc"] if isinstance(k, int | str) and not str(k).startswith("function"))
    kind = error["type"]
    name = loc[-1] if loc else ""
    parent = _model_at(model, loc[:-1])
    value = error.get("input")
    if kind == "missing":
        if parent is Text:
            message = f"the '{name}' text is missing (every text needs both {' and '.join(LANGUAGES)})"
        else:
            message = f"required field '{name}' is missing"
        line, column = doc.position(loc[:-1])
    elif kind == "extra_forbidden":
        valid = ", ".join(parent.model_fields) if parent else ""
        message = f"unknown field '{name}' (valid fields: {valid})"
        line, column = _key_position(doc, loc)
    else:
        message = _value_message(kind, name, value, error)
        line, column = doc.position(loc)
    return DataError(
        doc.path, message, line, column, record=_record_id(doc.data, loc), field=_field_path(doc.data, loc)
    )


def _value_message(kind: str, name: Any, value: Any, error: dict) -> str:
    shown = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    if kind == "string_too_short" and name in LANGUAGES:
        return f"the '{name}' text is empty; write the text, or mark it as pending translation"
    if kind == "string_pattern_mismatch":
        if name in ("source", "lines"):
            return f"{shown} is not a line reference (use a line '13' or a range '13-16')"
        return f"{shown} is not a valid id (use lowercase letters, digits and single hyphens, e.g. 'cbss-edu-bologna')"
    if kind in ("enum", "literal_error"):
        return f"{shown} is not allowed ({error['msg'].replace('Input should be', 'expected')})"
    if kind == "too_short":
        return "the list is empty; it needs at least one entry"
    if kind == "value_error":
        return error["msg"].removeprefix("Value error, ")
    return f"{shown}: {error['msg']}"


def _model_at(model: type[BaseModel] | None, loc: Loc) -> type[BaseModel] | None:
    """The model class that the data at `loc` is validated against."""
    for key in loc:
        if model is None:
            return None
        if isinstance(key, int):
            continue
        field = model.model_fields.get(key)
        model = _inner_model(field.annotation) if field else None
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) in (list, typing.Union):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found:
                return found
    return None


def _key_position(doc: YamlDocument, loc: Loc) -> tuple[int | None, int | None]:
    """Where an unknown key itself stands (its parent's position if it cannot be found)."""
    node = doc.node_at(loc[:-1])
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if key_node.value == loc[-1]:
                return key_node.start_mark.line + 1, key_node.start_mark.column + 1
    return doc.position(loc[:-1])


def _record_id(data: Any, loc: Loc) -> str | None:
    found = data.get("id") if isinstance(data, dict) else None
    for key in loc:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            found = data["id"]
    return found


def _field_path(data: Any, loc: Loc) -> str:
    parts: list[str] = []
    for key in loc:
        if isinstance(key, int):
            item = data[key] if isinstance(data, list) and key < len(data) else None
            label = item.get("id") if isinstance(item, dict) else None
            parts[-1:] = [f"{parts[-1] if parts else ''}[{label or key}]"]
        else:
            parts.append(str(key))
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            data = None
    return ".".join(parts)


# -- checks across records and files --------------------------------------------------------------


class CrossCheck:
    """References, unique ids, shared cells, citations and dates against the report date."""

    def __init__(self, site: Site, data_dir: Path):
        self.site = site
        self.data_dir = data_dir
        self.errors: list[DataError] = []
        self.warnings: list[DataError] = []
        self.seen_ids: dict[str, Path] = {}

    def fail(self, doc: YamlDocument, loc: Loc, message: str, warning: bool = False) -> None:
        line, column = doc.position(loc)
        error = DataError(
            doc.path, message, line, column, _record_id(doc.data, loc), _field_path(doc.data, loc), warning
        )
        (self.warnings if warning else self.errors).append(error)

    def check_unique_ids(self, doc: YamlDocument, key: str, records: list) -> None:
        for index, record in enumerate(records):
            self._unique(doc, (key, index, "id"), record.id)

    def _unique(self, doc: YamlDocument, loc: Loc, record_id: str) -> None:
        if record_id in self.seen_ids:
            other = self.seen_ids[record_id]
            self.fail(doc, loc, f"duplicate id '{record_id}' (already used in {other.name}); ids must be unique")
        else:
            self.seen_ids[record_id] = doc.path

    def check_plan(self, doc: YamlDocument, plan: Plan) -> None:
        self._unique(doc, ("id",), plan.id)
        self._ref(doc, ("issuer",), plan.issuer, self.site.organisations, "organisation")
        if plan.place:
            self._ref(doc, ("place",), plan.place, self.site.places, "place")
        source_lines = self._source_length(doc, plan)
        for name in ("purpose", "background", "framework"):
            section = getattr(plan, name)
            if section:
                self._cite(doc, (name, "source"), section.source, source_lines)
                for index, event in enumerate(section.events):
                    self._activity(doc, (name, "events", index), event, plan, source_lines)
        area_ids: set[str] = set()
        for a, area in enumerate(plan.areas):
            loc = ("areas", a)
            if area.id in area_ids:
                self.fail(doc, (*loc, "id"), f"duplicate area id '{area.id}' in plan '{plan.id}'")
            area_ids.add(area.id)
            self._cite(doc, (*loc, "source"), area.source, source_lines)
            self._refs(doc, (*loc, "bodies"), area.bodies, self.site.organisations, "organisation")
            self._tasks(doc, loc, area, plan, source_lines)
            for b, block in enumerate(area.blocks):
                bloc = (*loc, "blocks", b)
                self._unique(doc, (*bloc, "id"), block.id)
                self._cite(doc, (*bloc, "source"), block.source, source_lines)
                self._refs(doc, (*bloc, "bodies"), block.bodies, self.site.organisations, "organisation")
                for i, activity in enumerate(block.activities):
                    self._activity(doc, (*bloc, "activities", i), activity, plan, source_lines)

    def _tasks(self, doc: YamlDocument, loc: Loc, area, plan: Plan, source_lines: int) -> None:
        earlier: dict[str, Any] = {}
        for t, task in enumerate(area.tasks):
            tloc = (*loc, "tasks", t)
            self._unique(doc, (*tloc, "id"), task.id)
            self._cite(doc, (*tloc, "source"), task.source, source_lines)
            self._refs(doc, (*tloc, "bodies"), task.bodies, self.site.organisations, "organisation")
            if task.coordinator:
                self._ref(doc, (*tloc, "coordinator"), task.coordinator, self.site.organisations, "organisation")
            if task.shares_cell_with:
                target = earlier.get(task.shares_cell_with)
                if target is None:
                    valid = ", ".join(earlier) or "none"
                    self.fail(
                        doc, (*tloc, "shares_cell_with"),
                        f"'{task.shares_cell_with}' is not an earlier task of area '{area.id}' (valid: {valid})",
                    )  # fmt: skip
                elif target.shares_cell_with:
                    self.fail(
                        doc,
                        (*tloc, "shares_cell_with"),
                        f"'{target.id}' itself shares another task's cell; point to '{target.shares_cell_with}'",
                    )
                if task.activities:
                    self.fail(
                        doc,
                        (*tloc, "activities"),
                        "a task that shares another task's cell has no activities of its own",
                    )
            earlier[task.id] = task
            for i, activity in enumerate(task.activities):
                self._activity(doc, (*tloc, "activities", i), activity, plan, source_lines)

    def _activity(self, doc: YamlDocument, loc: Loc, activity: Activity, plan: Plan, source_lines: int) -> None:
        self._unique(doc, (*loc, "id"), activity.id)
        self._cite(doc, (*loc, "source"), activity.source, source_lines)
        self._refs(doc, (*loc, "places"), activity.places, self.site.places, "place")
        self._refs(doc, (*loc, "bodies"), activity.bodies, self.site.organisations, "organisation")
        date = activity.date
        if activity.within and (date is None or date.is_range or date.start.day or date.start.season):
            self.fail(doc, (*loc, "within"), "'within' (early/mid/end) goes only with a single month or year date")
        if date is None or plan.as_of is None:
            return
        as_of = plan.as_of.first_day
        if activity.status is Status.DONE and date.first_day > as_of:
            self.fail(
                doc, (*loc, "status"),
                f"'done' but the date {date} is after the report date {plan.as_of} (expected 'planned')",
            )  # fmt: skip
        if activity.status is Status.PLANNED and date.last_day < as_of - STALE_PLANNED:
            self.fail(
                doc, (*loc, "status"),
                f"'planned' but the date {date} is long before the report date {plan.as_of} (is it 'done'?)",
                warning=True,
            )  # fmt: skip

    def _source_length(self, doc: YamlDocument, plan: Plan) -> int:
        lines = self.site.sources.get(plan.source.file)
        if lines is None:
            available = ", ".join(sorted(self.site.sources))
            self.fail(doc, ("source", "file"), f"'{plan.source.file}' is not in data/sources/ (available: {available})")
            return 0
        return len(lines)

    def _cite(self, doc: YamlDocument, loc: Loc, lines: str, length: int) -> None:
        first, _, last = lines.partition("-")
        first_n, last_n = int(first), int(last or first)
        if last_n < first_n:
            self.fail(doc, loc, f"line range '{lines}' ends before it starts")
        elif length and last_n > length:
            self.fail(doc, loc, f"line {last_n} is past the end of the source ({length} lines)")

    def _refs(self, doc: YamlDocument, loc: Loc, ids: list[str], known: dict, kind: str) -> None:
        for index, ref in enumerate(ids):
            self._ref(doc, (*loc, index), ref, known, kind)

    def _ref(self, doc: YamlDocument, loc: Loc, ref: str, known: dict, kind: str) -> None:
        if ref not in known:
            file = ORGANISATIONS_FILE if kind == "organisation" else PLACES_FILE
            near = _similar(ref, known)
            hint = f"did you mean {near}? " if near else ""
            self.fail(doc, loc, f"unknown {kind} '{ref}' ({hint}define it in data/{file})")


def _similar(ref: str, known: dict) -> str:
    import difflib

    matches = difflib.get_close_matches(ref, list(known), n=3, cutoff=0.6)
    return ", ".join(f"'{m}'" for m in matches)
