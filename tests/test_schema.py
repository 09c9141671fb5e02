"""The committed JSON Schemas are the model's, the data files declare them, and the data validates under them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from baltic_plans.schema import SCHEMAS, schema_text
from conftest import ROOT, Project

DATA_FILES = sorted((ROOT / "data").rglob("*.yml"))


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
    committed = (ROOT / "docs" / "schema" / name).read_text(encoding="utf-8")
    assert committed == schema_text(SCHEMAS[name]), "the model changed: run `make schema` and commit docs/schema/"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_every_data_file_declares_a_schema_and_validates_under_it(path: Path):
    schema = declared_schema(path)
    assert schema.parent == ROOT / "docs" / "schema"

    result = check_jsonschema(schema, path)

    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_catches_what_an_editor_gets_wrong(project: Project):
    """Not a schema that accepts anything: an unmarked translation gap and an unknown status are inline errors."""
    path = project.replace_in_plan('status: "done"', 'status: "finished"')
    project.replace_in_plan('  en: "Education"', "  # en: to be translated")

    result = check_jsonschema(declared_schema(ROOT / "data" / "plans" / "cbss-2008.yml"), path)

    assert result.returncode == 1
    assert "'finished' is not one of ['done', 'ongoing', 'planned']" in result.stdout
    assert "$.areas[0].title" in result.stdout


def test_the_schemas_are_published_with_the_site(built_site: Path):
    for name in SCHEMAS:
        published = built_site / "schema" / name
        assert published.read_text(encoding="utf-8") == (ROOT / "docs" / "schema" / name).read_text(encoding="utf-8")
