"""The committed JSON Schemas are the model's, and the data files declare them."""

from __future__ import annotations

import pytest

from baltic_plans.schema import SCHEMAS, schema_text
from conftest import ROOT


@pytest.mark.parametrize("name", SCHEMAS)
def test_the_committed_schema_matches_the_model(name: str):
    committed = (ROOT / "docs" / "schema" / name).read_text(encoding="utf-8")
    assert committed == schema_text(SCHEMAS[name]), "run: python -m baltic_plans.schema"


def test_every_data_file_declares_its_schema_for_the_editor():
    for path in (ROOT / "data").rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), f"{path}: {schema}"
