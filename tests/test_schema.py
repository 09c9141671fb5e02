"""The committed JSON Schemas are the model's, the data files declare them, and the data validates under them.

They help an editor: every field is described in both languages, the fields that name an organisation or a place
offer the ids of the data, and a date that cannot exist is flagged while it is typed."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import jsonschema
import pytest
import regress
import yaml

from baltic_plans.dates import PlanDate
from baltic_plans.model import Plan
from baltic_plans.schema import (
    ID_DEFINITIONS,
    SCHEMAS,
    id_fields,
    model_schema,
    offered_ids,
    register_ids,
    schema_text,
    stale_ids,
)
from conftest import ROOT, Project

DATA_FILES = sorted((ROOT / "data").rglob("*.yml"))
SCHEMA_DIR = ROOT / "docs" / "schema"


def committed_schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def described_fields(schema: dict):
    """(definition, field, its schema) of every field of a schema, its own and its definitions'."""
    for definition_name, definition in {"(file)": schema, **schema.get("$defs", {})}.items():
        for field, prop in definition.get("properties", {}).items():
            yield definition_name, field, prop


def declared_schema(path: Path) -> Path:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema="), f"{path}: first line must declare the schema"
    return (path.parent / first.split("=", 1)[1]).resolve()


def check_jsonschema(schema: Path, data_file: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), str(data_file)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize("name", SCHEMAS)
def test_the_committed_schema_matches_the_model(name: str):
    """All but the ids it offers, which may fall behind the data (see the next test): an editor's new
    organisation must not turn the tests red."""
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    offered = offered_ids(json.loads(committed))
    assert committed == schema_text(SCHEMAS[name], offered), "the model changed: run `make schema`, commit docs/schema/"


@pytest.mark.parametrize("name", SCHEMAS)
def test_the_ids_offered_are_ids_of_the_data(name: str):
    """An id the data no longer has fails (VS Code would offer an id the data check rejects); an id the schema
    does not offer yet is only a warning: VS Code accepts it, and `make schema` adds it to the completions."""
    schema = committed_schema(name)
    current = register_ids(ROOT / "data")

    assert stale_ids(schema, ROOT / "data") == []

    for register, offered in offered_ids(schema).items():
        assert offered == sorted(set(offered)), f"{name}: the {register} ids are offered sorted, each once"
        if missing := sorted(set(current[register]) - set(offered)):
            warnings.warn(
                f"docs/schema/{name} does not offer {', '.join(missing)} yet: run `make schema`", stacklevel=1
            )


def test_every_field_that_names_an_organisation_or_a_place_offers_the_ids_of_the_data():
    schema = committed_schema("plan.schema.json")
    organisations = yaml.safe_load((ROOT / "data" / "organisations.yml").read_text(encoding="utf-8"))
    places = yaml.safe_load((ROOT / "data" / "places.yml").read_text(encoding="utf-8"))

    fields = {(definition, field, register) for definition, field, register, _ in id_fields(schema)}
    generated = model_schema(Plan, register_ids(ROOT / "data"))["$defs"]

    assert fields == {
        ("Plan", "issuer", "organisations"),
        ("Plan", "place", "places"),
        ("Area", "bodies", "organisations"),
        ("Task", "bodies", "organisations"),
        ("Task", "coordinator", "organisations"),
        ("Block", "bodies", "organisations"),
        ("Activity", "bodies", "organisations"),
        ("Activity", "places", "places"),
    }
    for *_, register, node in id_fields(schema):
        assert node["$ref"] == f"#/$defs/{ID_DEFINITIONS[register][0]}" and "type" not in node
    organisation_id, place_id = generated["OrganisationId"], generated["PlaceId"]
    assert organisation_id["examples"] == sorted(org["id"] for org in organisations["organisations"])
    assert place_id["examples"] == sorted(place["id"] for place in places["places"])
    assert "enum" not in organisation_id and "enum" not in place_id  # offered, not required: a new id is valid
    assert organisation_id["pattern"] == place_id["pattern"] == schema["properties"]["id"]["pattern"]


def test_an_editors_new_organisation_keeps_the_schemas_green_and_a_removed_one_is_named(project: Project):
    schema = committed_schema("plan.schema.json")
    organisations = project.data / "organisations.yml"
    text = organisations.read_text(encoding="utf-8")
    organisations.write_text(
        text + '  - id: baltic-new-body\n    name: {lv: "Jauna organizācija", en: "A new body"}\n    kind: ngo\n',
        encoding="utf-8",
    )
    bodies = re.search(r"bodies: \[([^\]]+)\]", project.plan_text()).group(0)  # the data's first list of bodies
    plan = project.replace_in_plan(bodies, bodies.replace("]", ", baltic-new-body]"))

    assert stale_ids(schema, project.data) == []
    result = check_jsonschema(SCHEMA_DIR / "plan.schema.json", plan)
    assert result.returncode == 0, result.stdout + result.stderr
    assert project.check_here().returncode == 0

    removed = next(org_id for org_id in offered_ids(schema)["organisations"] if f"- id: {org_id}\n" in text)
    organisations.write_text(text.replace(f"- id: {removed}\n", "- id: renamed-body\n"), encoding="utf-8")
    assert stale_ids(schema, project.data) == [
        f"OrganisationId offers '{removed}', which is not in data/organisations.yml: run `make schema`"
    ]


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_field_is_described_in_english_then_latvian(name: str):
    for definition, field, prop in described_fields(committed_schema(name)):
        english, dash, latvian = prop.get("description", "").partition(" — ")
        assert dash, f"{name}: {definition}.{field} needs a description 'English. — Latvian.'"
        assert english.endswith(".") and latvian.endswith(".") and english != latvian, f"{definition}.{field}"


# Dates: the pattern accepts exactly the days the calendar has (29 February in any year), months 01-12, seasons
# 21-24 and ranges of these; the data check alone tells a leap year.
VALID_DATES = [
    "2008", "0000", "2008-01", "2008-12", "2008-21", "2008-22", "2008-23", "2008-24",
    "2008-01-01", "2008-01-31", "2008-02-28", "2008-02-29", "2008-03-31", "2008-04-30", "2008-05-31",
    "2008-06-30", "2008-07-31", "2008-08-31", "2008-09-30", "2008-10-31", "2008-11-30", "2008-12-31",
    "2007/2008", "2007-07/2008-06", "2008-01-29/2008-01-30", "2030-23/2031-21", "2008/2008-02-05",
    "2008-02-29/2008-03-31",
]  # fmt: skip
INVALID_DATES = [
    "2008-02-30", "2008-02-31", "2008-04-31", "2008-06-31", "2008-09-31", "2008-11-31", "2008-01-32",
    "2008-01-00", "2008-00", "2008-13", "2008-20", "2008-25", "2008-00-10", "2008-13-01", "2008-21-05",
    "2008-02-31/2008-03-01", "2008-01/2008-04-31", "2008-13/2009", "2008/2008-00", "2008-01-00/2008-01-02",
    "2008-03-01/2008-02-30", "08", "20081", "2008-1", "2008-1-5", "2008-01-5", "2008/", "/2008", "2008/2009/2010",
    "2008-01-01T10:00", "2008?", "2008~", "2008-XX", "",
]  # fmt: skip


def date_schemas() -> dict[str, dict]:
    """Every date field of the plan schema, as the field's schema."""
    schema = model_schema(Plan, {})
    return {
        "Plan.as_of": schema["properties"]["as_of"],
        "Plan.period": schema["properties"]["period"],
        "Activity.date": schema["$defs"]["Activity"]["properties"]["date"],
    }


def pattern_of(field: dict) -> str:
    return next(node["pattern"] for node in (field, *field.get("anyOf", ())) if "pattern" in node)


@pytest.mark.parametrize("value", VALID_DATES)
def test_the_schema_accepts_every_valid_date(value: str):
    for name, field in date_schemas().items():
        assert jsonschema.Draft202012Validator(field).is_valid(value), f"{name}: {value!r} was rejected"
        assert regress.Regex(pattern_of(field)).find(value), f"{name}: {value!r} rejected by ECMAScript (VS Code)"
    PlanDate.parse(value)  # and so does the data check


@pytest.mark.parametrize("value", INVALID_DATES)
def test_the_schema_flags_a_date_that_cannot_exist(value: str):
    for name, field in date_schemas().items():
        assert not jsonschema.Draft202012Validator(field).is_valid(value), f"{name}: {value!r} was accepted"
        assert not regress.Regex(pattern_of(field)).find(value), f"{name}: {value!r} accepted by ECMAScript"
    with pytest.raises(ValueError):  # nor is the schema stricter than the data check
        PlanDate.parse(value)


def test_29_february_is_left_to_the_data_check():
    """The one date the pattern lets through: it cannot tell a leap year. Its description says so."""
    field = date_schemas()["Activity.date"]
    assert jsonschema.Draft202012Validator(field).is_valid("2007-02-29")
    assert "29 February" in next(node["description"] for node in field["anyOf"] if "pattern" in node)
    with pytest.raises(ValueError):
        PlanDate.parse("2007-02-29")


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_every_data_file_declares_a_schema_and_validates_under_it(path: Path):
    schema = declared_schema(path)
    assert schema.parent == ROOT / "docs" / "schema"

    result = check_jsonschema(schema, path)

    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_catches_what_an_editor_gets_wrong(frozen_project: Project):
    """Not a schema that accepts anything: an unmarked translation gap and an unknown status are inline errors."""
    project = frozen_project  # its snippets, and the education area first, stay as they are
    path = project.replace_in_plan('status: "done"', 'status: "finished"')
    project.replace_in_plan('  en: "Education"', "  # en: to be translated")
    project.replace_in_plan('date: "2007-07-31"', 'date: "2007-06-31"')
    project.replace_in_plan('as_of: "2008-02-05"', 'as_of: "2008-02-31"')
    project.replace_in_plan('period: "2007-07/2008-06"', 'period: "2007-07/2008-13"')

    result = check_jsonschema(declared_schema(ROOT / "data" / "plans" / "cbss-2008.yml"), path)

    assert result.returncode == 1
    assert "'finished' is not one of ['done', 'ongoing', 'planned']" in result.stdout
    assert "$.areas[0].title" in result.stdout
    for date in ("2007-06-31", "2008-02-31", "2007-07/2008-13"):  # days and months that do not exist
        assert f"'{date}' does not match" in result.stdout or f"'{date}' is not valid" in result.stdout, result.stdout


def test_the_schemas_are_published_with_the_site(built_site: Path):
    for name in SCHEMAS:
        published = built_site / "schema" / name
        assert published.read_text(encoding="utf-8") == (ROOT / "docs" / "schema" / name).read_text(encoding="utf-8")
