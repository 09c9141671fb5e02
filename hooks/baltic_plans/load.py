"""Load data/ into one validated Site, or raise DataErrors naming every problem at once."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from . import progress
from .crosscheck import ORGANISATIONS_FILE, PLACES_FILE, CrossCheck, TaskIndex, field_path, ids, record_id
from .errors import DataError, DataErrors, Loc
from .messages import Choices, MessageError, say
from .model import (
    LANGUAGES,
    OrganisationsFile,
    PlacesFile,
    Plan,
    Report,
    Site,
    Text,
)
from .yaml_source import YamlDocument, read_yaml

PLANS_DIR = "plans"
SOURCES_DIR = "sources"


@dataclass(frozen=True)
class Parsed:
    """A data file that is well-formed YAML, and the model it is read as; `model` is None if it is invalid."""

    doc: YamlDocument
    schema: type[BaseModel]
    model: Any


@dataclass(frozen=True)
class LoadResult:
    site: Site | None
    errors: list[DataError]
    warnings: list[DataError]
    documents: tuple[Parsed, ...] = ()


def load_site(data_dir: Path) -> Site:
    """The validated site, or DataErrors with every problem."""
    result = check_data(data_dir)
    if result.errors:
        raise DataErrors(result.errors)
    assert result.site is not None
    return result.site


def check_data(data_dir: Path) -> LoadResult:
    """Every data file read, validated and cross-checked."""
    return _load(data_dir.resolve())


class CheckedData:
    """The data check of one process's builds: the files are read again only if one has changed since the last
    check (a `mkdocs serve` rebuild; the second language's build reads nothing), so that an unchanged site is the
    same object and keeps its indexes (`Site.index`)."""

    def __init__(self) -> None:
        self._last: tuple[tuple, LoadResult] | None = None

    def check(self, data_dir: Path) -> LoadResult:
        stamp = _stamp(data_dir.resolve())
        if self._last is None or self._last[0] != stamp:
            self._last = (stamp, check_data(data_dir))
        return self._last[1]


def _stamp(data_dir: Path) -> tuple:
    files = sorted(p for p in data_dir.rglob("*") if p.is_file())
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def _load(data_dir: Path) -> LoadResult:
    errors: list[DataError] = []
    organisations = _parse(data_dir / ORGANISATIONS_FILE, OrganisationsFile, errors)
    places = _parse(data_dir / PLACES_FILE, PlacesFile, errors)
    plan_files = sorted((data_dir / PLANS_DIR).glob("*.yml"))
    if not plan_files:
        errors.append(DataError(data_dir / PLANS_DIR, say("no_plans")))
    plans = [_parse(path, Plan, errors) for path in plan_files]
    sources = _read_sources(data_dir / SOURCES_DIR, errors)
    warnings = _cross_check(organisations, places, plans, sources, errors)
    documents = tuple(parsed for parsed in (organisations, places, *plans) if parsed)
    if errors:
        return LoadResult(None, errors, warnings, documents)
    assert organisations and places, "without errors, every file parsed"
    ordered = sorted((plan.model for plan in plans if plan), key=lambda p: (p.period.first_day, p.id))
    reports = {plan.id: progress.plan_reports(plan) for plan in ordered}
    steps = {plan.id: progress.histories(plan, reports[plan.id]) for plan in ordered}
    site = Site(
        plans=tuple(progress.latest(plan, steps[plan.id]) for plan in ordered),
        organisations={o.id: o for o in organisations.model.organisations},
        places={p.id: p for p in places.model.places},
        sources=sources,
        reports={plan.id: tuple(reports[plan.id]) for plan in ordered},
        history={activity: tuple(found) for plan in ordered for activity, found in steps[plan.id].items() if found},
        changes={plan.id: tuple(progress.report_changes(reports[plan.id], steps[plan.id])) for plan in ordered},
    )
    return LoadResult(site, [], warnings, documents)


def _cross_check(organisations, places, plans, sources, errors: list[DataError]) -> list[DataError]:
    """Run the checks across records on every file that parsed, valid or not; add the errors, return warnings."""
    registers = {"organisations": organisations, "places": places}
    known = {key: ids(parsed.doc.data if parsed else None, key) for key, parsed in registers.items()}
    tasks = TaskIndex()
    for plan in plans:
        if plan:
            tasks.add_plan(plan.doc.data)
    checker = CrossCheck(known["organisations"], known["places"], {k: len(v) for k, v in sources.items()}, tasks)
    for key, parsed in registers.items():
        if parsed:
            checker.check_register(parsed.doc, key)
    for plan in plans:
        if plan:
            checker.check_plan(plan.doc)
    errors.extend(checker.errors)
    return checker.warnings


def _read_sources(folder: Path, errors: list[DataError]) -> dict[str, tuple[str, ...]]:
    sources = {}
    for path in sorted(folder.glob("*.txt")):
        try:
            sources[path.name] = tuple(path.read_text(encoding="utf-8").splitlines())
        except UnicodeDecodeError as error:
            errors.append(DataError(path, say("source_not_utf8", byte=error.start)))
            sources[path.name] = ()  # present, so citations of it are not also reported as missing
    return sources


def _parse(path: Path, model: type[BaseModel], errors: list[DataError]) -> Parsed | None:
    if not path.is_file():
        errors.append(DataError(path, say("file_not_found")))
        return None
    try:
        doc = read_yaml(path)
    except DataError as error:
        errors.append(error)
        return None
    except DataErrors as found:  # every TAB of the file
        errors.extend(found.errors)
        return None
    if not isinstance(doc.data, dict):
        errors.append(DataError(path, say("not_a_mapping"), line=1))
        return None
    try:
        return Parsed(doc, model, model.model_validate(doc.data))
    except ValidationError as error:
        errors.extend(_explain(doc, model, e) for e in error.errors())
        return Parsed(doc, model, None)


# -- turning pydantic's errors into an editor's message ------------------------------------------


# A field an editor may write to record a new status without a report: the message says where it goes
STATUS_CHANGE_FIELDS = ("changes", "history", "status_history", "new_status", "status_changes")


def _explain(doc: YamlDocument, model: type[BaseModel], error: ErrorDetails) -> DataError:
    loc: Loc = tuple(k for k in error["loc"] if isinstance(k, int | str) and not str(k).startswith("function"))
    kind = error["type"]
    name = loc[-1] if loc else ""
    parent = model_at(model, loc[:-1])
    value = error.get("input")
    if kind == "missing":
        if parent is Text:
            message = say("text_missing", name=name, languages=" + ".join(LANGUAGES))
        else:
            message = say("field_missing", name=name)
        line, column = doc.position(loc[:-1])
    elif kind == "extra_forbidden" and name in STATUS_CHANGE_FIELDS and parent is not Report:
        message = say("change_without_report", name=name)  # a status change written where it is, not in a report
        line, column = _key_position(doc, loc)
    elif kind == "extra_forbidden":
        valid = ", ".join(parent.model_fields) if parent else ""
        message = say("field_unknown", name=name, valid=valid)
        line, column = _key_position(doc, loc)
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        expected = model_at(model, loc)
        fields = ", ".join(expected.model_fields) if expected else "key: value lines"
        message = say("single_value", shown=_shown(value), fields=fields, name=name)
        line, column = doc.position(loc)
    else:
        message = _value_message(kind, name, value, error)
        line, column = doc.position(loc)
    return DataError(doc.path, message, line, column, record=record_id(doc.data, loc), field=field_path(doc.data, loc))


def _shown(value: Any) -> str:
    return repr(value) if not isinstance(value, dict | list) else ("a list" if isinstance(value, list) else "a mapping")


def _value_message(kind: str, name: Any, value: Any, error: ErrorDetails):
    shown = _shown(value)
    if kind == "string_type":
        if isinstance(value, bool | int | float):
            return say("not_text_bool" if isinstance(value, bool) else "not_text_number", shown=shown, value=value)
        return say("not_text", shown=shown)
    if kind == "string_too_short" and name in LANGUAGES:
        return say("text_empty", name=name)
    if kind == "string_pattern_mismatch":
        if name == "url":
            return say("not_a_url", shown=shown)
        return say("not_lines" if name in ("source", "lines") else "not_an_id", shown=shown)
    if kind in ("enum", "literal_error"):
        return say("not_allowed", shown=shown, allowed=Choices(error["msg"].removeprefix("Input should be ")))
    if kind == "too_short":
        return say("list_empty")
    if kind in ("less_than_equal", "greater_than_equal"):
        limit = (error.get("ctx") or {}).get("le" if kind == "less_than_equal" else "ge")
        limit = int(limit) if isinstance(limit, float) and limit.is_integer() else limit
        return say("too_large" if kind == "less_than_equal" else "too_small", shown=shown, name=name, limit=limit)
    if kind == "value_error":
        raised = (error.get("ctx") or {}).get("error")
        return raised.message if isinstance(raised, MessageError) else error["msg"].removeprefix("Value error, ")
    return f"{shown}: {error['msg']}"


def model_at(model: type[BaseModel] | None, loc: Loc) -> type[BaseModel] | None:
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
