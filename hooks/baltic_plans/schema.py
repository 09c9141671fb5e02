"""JSON Schemas of the data files, generated from the model (for editors' YAML completion).

Run `python -m baltic_plans.schema` after changing the model; a test fails while they drift apart.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .model import OrganisationsFile, PlacesFile, Plan

SCHEMAS = {
    "plan.schema.json": Plan,
    "organisations.schema.json": OrganisationsFile,
    "places.schema.json": PlacesFile,
}


def schema_text(model) -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schema")):
        print(path)
