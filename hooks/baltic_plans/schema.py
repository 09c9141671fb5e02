"""JSON Schemas of the data files, generated from the model and the data (for editors' YAML completion).

Run `make schema` (`python -m baltic_plans.schema docs/schema`) after changing the model; a test fails while
they drift apart. Every field that refers to an organisation or a place offers the ids in data/organisations.yml
and data/places.yml as its `examples`: VS Code's YAML extension proposes them while one types, and an id that is
not among them is still valid under the schema (not an enum: the data check is what knows the ids). The test lets
these lists fall behind the data, so that an editor who adds an organisation stays green; it fails only on an
offered id the data no longer has, and `make schema` brings them up to date.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import yaml
from pydantic import BaseModel

from .crosscheck import ORGANISATIONS_FILE, PLACES_FILE, ids
from .model import OrganisationsFile, PlacesFile, Plan

SCHEMAS: dict[str, type[BaseModel]] = {
    "plan.schema.json": Plan,
    "organisations.schema.json": OrganisationsFile,
    "places.schema.json": PlacesFile,
}
REGISTERS = {"organisations": ORGANISATIONS_FILE, "places": PLACES_FILE}  # register → its file in data/
# the fields that hold the id of an organisation or a place, in whichever record they stand → their register
REFERENCES = {
    "bodies": "organisations",
    "coordinator": "organisations",
    "issuer": "organisations",
    "places": "places",
    "place": "places",
}
# each register's ids, defined once in a schema: the fields refer to the definition
ID_DEFINITIONS = {
    "organisations": (
        "OrganisationId",
        "The id of an organisation in data/organisations.yml. VS Code offers the ids that were there when the "
        "schemas were last made (`make schema`); a newer one is valid too. — Organizācijas identifikators no faila "
        "data/organisations.yml. VS Code piedāvā tos, kas tur bija, kad shēmas pēdējo reizi tika veidotas "
        "(`make schema`); derīgs ir arī jaunāks.",
    ),
    "places": (
        "PlaceId",
        "The id of a place in data/places.yml. VS Code offers the ids that were there when the schemas were last "
        "made (`make schema`); a newer one is valid too. — Vietas identifikators no faila data/places.yml. VS Code "
        "piedāvā tos, kas tur bija, kad shēmas pēdējo reizi tika veidotas (`make schema`); derīgs ir arī jaunāks.",
    ),
}

Ids = Mapping[str, Sequence[str]]  # register → the ids offered


def register_ids(data_dir: Path) -> dict[str, list[str]]:
    """Register → the ids of its records in data/, sorted (plain YAML: the schemas can be written while the data
    has errors, which the data check reports)."""
    found = {}
    for register, file in REGISTERS.items():
        data = yaml.safe_load((data_dir / file).read_text(encoding="utf-8"))
        found[register] = sorted(set(ids(data, register)))
    return found


def id_fields(schema: dict) -> Iterator[tuple[str, str, str, dict]]:
    """(definition, field, register, the id's schema) of each field that refers to an organisation or a place: the
    field's own schema, that of its items, or its branch that is not null; a string, or a reference to the
    register's id definition."""
    definitions = {schema.get("title", ""): schema, **schema.get("$defs", {})}
    for name, definition in definitions.items():
        for field, prop in definition.get("properties", {}).items():
            register = REFERENCES.get(field)
            if register is None:
                continue
            ref = f"#/$defs/{ID_DEFINITIONS[register][0]}"
            for node in (prop, prop.get("items", {}), *prop.get("anyOf", ())):
                if node.get("type") == "string" or node.get("$ref") == ref:
                    yield name, field, register, node
                    break


def offered_ids(schema: dict) -> dict[str, list[str]]:
    """Register → the ids a schema offers as examples."""
    definitions = schema.get("$defs", {})
    return {
        register: list(definitions[name].get("examples", ()))
        for register, (name, _) in ID_DEFINITIONS.items()
        if name in definitions
    }


def model_schema(model: type[BaseModel], offered: Ids) -> dict:
    """The model's JSON Schema; each field that refers to an organisation or a place refers to the register's id
    definition, which offers `offered` (examples: VS Code proposes them, and accepts any other well-formed id)."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    defined: dict[str, dict] = {}
    for _, _, register, node in list(id_fields(schema)):
        name, description = ID_DEFINITIONS[register]
        constraints = {key: node.pop(key) for key in ("type", "pattern", "maxLength") if key in node}
        node["$ref"] = f"#/$defs/{name}"
        definition = {**constraints, "description": description, "examples": list(offered.get(register, ()))}
        assert defined.setdefault(name, definition) == definition, f"{name}: the fields' ids differ in shape"
    if defined:
        schema["$defs"] = dict(sorted({**schema.get("$defs", {}), **defined}.items()))
    return schema


def schema_text(model: type[BaseModel], offered: Ids) -> str:
    return json.dumps(model_schema(model, offered), ensure_ascii=False, indent=2) + "\n"


def stale_ids(schema: dict, data_dir: Path) -> list[str]:
    """Each id the schema offers that the data no longer has, as a message; an id of the data that the schema
    does not offer yet is no error (VS Code accepts it, and `make schema` adds it)."""
    current = register_ids(data_dir)
    return [
        f"{ID_DEFINITIONS[register][0]} offers '{offered}', which is not in data/{REGISTERS[register]}: "
        "run `make schema`"
        for register, ids_offered in offered_ids(schema).items()
        for offered in ids_offered
        if offered not in current[register]
    ]


def write_schemas(folder: Path, data_dir: Path = Path("data")) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    offered = register_ids(data_dir)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(schema_text(model, offered), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schema")
    for path in write_schemas(folder, Path(sys.argv[2] if len(sys.argv) > 2 else "data")):
        print(path)
