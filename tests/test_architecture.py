"""How the code is put together, as hooks/DEVELOPING.md describes it: one entry point, and no state kept by a module
(a build's state is the Build object; what lives as long as the process, the plugin's instance)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hooks" / "baltic_plans"
MUTATORS = {"append", "extend", "insert", "update", "setdefault", "pop", "popitem", "clear", "add", "discard", "remove"}
CONTAINERS = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)


def module_containers(tree: ast.Module) -> set[str]:
    """The names a module binds, at its top level, to a dict, list or set."""
    names = set()
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        value = getattr(node, "value", None)
        made = isinstance(value, CONTAINERS) or (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id in {"dict", "list", "set", "defaultdict"}
        )
        if made:
            names |= {target.id for target in targets if isinstance(target, ast.Name)}
    return names


def module_objects(tree: ast.Module) -> list[str]:
    """Objects a module makes at its top level to hold state: an instance of a class bound to a lower-case name
    (`_made = PerBuild()`), and a class whose attributes its code sets (`_State.command = command`)."""
    found = []
    classes = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    for node in tree.body:
        value = getattr(node, "value", None)
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        named = [t.id for t in targets if isinstance(t, ast.Name) and not t.id.isupper()]
        made = isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id
        if named and made and made.lstrip("_")[:1].isupper() and made not in {"TypeVar", "Path", "Scale"}:
            found.append(f"line {node.lineno}: {named[0]} = {made}()")
    functions = [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    for node in (inner for function in functions for inner in ast.walk(function)):  # set when called, not at import
        for target in node.targets if isinstance(node, ast.Assign) else []:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id in classes:
                found.append(f"line {node.lineno}: {target.value.id}.{target.attr} set")
    return found


def changes_to(tree: ast.Module, names: set[str]) -> list[str]:
    """Where the module changes one of `names`: an item set or deleted, or a mutating method called."""
    found = module_objects(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.append(f"line {node.lineno}: global {', '.join(node.names)}")
        targets = (
            node.targets
            if isinstance(node, (ast.Assign, ast.Delete))
            else [node.target]
            if isinstance(node, ast.AugAssign)
            else []
        )
        for target in targets:
            if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and target.value.id in names:
                found.append(f"line {node.lineno}: {target.value.id}[…] changed")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS:
            owner = node.func.value
            if isinstance(owner, ast.Name) and owner.id in names:
                found.append(f"line {node.lineno}: {owner.id}.{node.func.attr}()")
    return found


def test_no_module_keeps_state_between_calls():
    changed = {}
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = changes_to(tree, module_containers(tree))
        if found:
            changed[path.name] = found
    assert changed == {}


def test_the_check_finds_a_module_that_keeps_state():
    tree = ast.parse(
        "_seen = {}\n\ndef note(key):\n    _seen[key] = True\n\n_log = []\n\ndef log(x):\n    _log.append(x)\n"
    )
    assert changes_to(tree, module_containers(tree)) == ["line 4: _seen[…] changed", "line 9: _log.append()"]


def test_the_site_s_code_has_one_entry_point_the_last_plugin():
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [plugin if isinstance(plugin, str) else next(iter(plugin)) for plugin in config["plugins"]]
    assert names[-1] == "baltic-plans" and names.count("baltic-plans") == 1
    assert "hooks" not in config
    macros = next(plugin["macros"] for plugin in config["plugins"] if isinstance(plugin, dict) and "macros" in plugin)
    assert "modules" not in macros  # the plugin registers the macros
    assert not list((ROOT / "hooks").glob("*.py"))  # no hooks files beside the package


# -- tests at the right level ----------------------------------------------------------------------------------------

TESTS = ROOT / "tests"
# The test files that run a command in a new process (`Project.build()`/`check()`, `mkdocs …` through MKDOCS), and
# why the command itself is what they test. The plugin's behaviour is tested on scenario sites built in the test's
# process (tests/scenarios/README.md), the real site built once as deployed (conftest.built_site).
COMMAND_TESTS = {
    "conftest.py": "built_site: the real site as `mkdocs build --strict` deploys it",
    "test_bad_data.py": "the exit status and output of `baltic-plans-check` and `mkdocs build`, once each",
    "test_editor_trial.py": "an editor's session: the commands the editor's guide gives, in their order",
    "test_open_data.py": "`mkdocs serve` publishes the downloads",
    "test_parallel_build.py": "`mkdocs build` in two processes against one after the other",
    "test_preview.py": "`make preview`'s build",
    "test_serve.py": "`mkdocs serve`: rebuilds, its error page, and stopping it",
}
NEW_PROCESS = (r"\bMKDOCS\b", r"(?<!benchmark)\.build\((?!_here)", r"(?<!data)\.check\((?!_here)")


def test_only_the_tests_of_a_command_run_it_in_a_new_process():
    found = {
        path.name
        for path in TESTS.glob("*.py")
        if path.name != Path(__file__).name
        and any(re.search(pattern, path.read_text(encoding="utf-8")) for pattern in NEW_PROCESS)
    }
    assert found == set(COMMAND_TESTS), "build it in the test's process (Project.build_here, check_here)"
