"""The data check's messages in the editor's language: English, or Latvian where the editor asks for it.

The language is BALTIC_PLANS_LANG (`lv` or `en`) if set, else the editor's locale (LC_ALL, LC_MESSAGES, LANG: a
Latvian locale such as lv_LV.UTF-8 gives Latvian), else English. The texts are in messages.yml.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

LANGUAGES = ("en", "lv")


@cache
def catalogue() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("messages.yml").read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def editor_language() -> str:
    chosen = os.environ.get("BALTIC_PLANS_LANG", "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "lv" if value.lower().startswith("lv") else "en"
    return "en"


class Localised:
    """A value written differently in each language: a message, or a word inside one ('February' / 'februārī')."""

    def text(self, lang: str) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class Message(Localised):
    """One message with its values, written out in either language on demand."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        values = {
            name: value.text(lang) if isinstance(value, Localised) else value for name, value in self.values.items()
        }
        return catalogue()[self.key][lang].format(**values)

    def __str__(self) -> str:
        return self.text(editor_language())


def say(key: str, /, **values: Any) -> Message:
    if key not in catalogue():
        raise KeyError(f"no message '{key}' in messages.yml")
    return Message(key, values)


@dataclass(frozen=True)
class Choices(Localised):
    """A list of allowed values as pydantic writes it ("'a', 'b' or 'c'"), its "or" in the message's language."""

    english: str

    def text(self, lang: str) -> str:
        return self.english.replace("' or '", f"' {catalogue()['or'][lang]} '")


class MessageError(ValueError):
    """A ValueError whose text is a Message (pydantic keeps the text it is raised with)."""

    def __init__(self, key: str, /, **values: Any) -> None:
        self.message = say(key, **values)
        super().__init__(str(self.message))
