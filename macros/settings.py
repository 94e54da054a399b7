"""The site settings the macros read: ``extra.handbook`` (typed, defaults here) and a few MkDocs keys.

MkDocs and Zensical both hand ``define_env`` the parsed ``mkdocs.yml``; :meth:`Site.from_config`
reads what the handbook needs from it once, so nothing else looks up configuration keys.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class Settings(BaseModel):
    """``extra.handbook`` in mkdocs.yml. Every key is optional; these are the defaults."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    data_dir: str = "data"
    license: str = "CC BY 4.0"
    review_months: int = Field(default=12, ge=1, le=60)  # a page not reviewed for longer shows a notice


class SettingsError(ValueError):
    """A wrong ``extra.handbook`` value, as one printable line per problem."""


def read_settings(raw: Any) -> Settings:
    """Validate ``extra.handbook``; a problem is reported as ``mkdocs.yml: extra.handbook.<key>: …``."""
    try:
        return Settings.model_validate(raw or {})
    except ValidationError as err:
        lines = []
        for error in err.errors(include_url=False):
            key = ".".join(str(part) for part in error["loc"])
            what = "unknown setting" if error["type"] == "extra_forbidden" else error["msg"].lower()
            allowed = ", ".join(Settings.model_fields)
            lines.append(f"mkdocs.yml: extra.handbook.{key}: {what} (settings: {allowed})")
        raise SettingsError("\n".join(lines)) from None


def build_date() -> datetime.date:
    """The date a build speaks for: the last commit's (SOURCE_DATE_EPOCH) when set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()
    return datetime.date.today()


@dataclass(frozen=True)
class Site:
    """What the macros need from the site configuration."""

    root: Path
    docs_dir: Path
    site_url: str
    directory_urls: bool
    name: str
    description: str
    settings: Settings
    nav: Any = field(default=None, hash=False, compare=False)  # a list: not part of the cache key

    @classmethod
    def from_config(cls, conf: Mapping[str, Any], project_dir: str | Path) -> Site:
        root = Path(project_dir)
        docs_dir = Path(conf.get("docs_dir") or "docs")
        return cls(
            root=root,
            docs_dir=docs_dir if docs_dir.is_absolute() else root / docs_dir,
            site_url=str(conf.get("site_url") or "/"),
            directory_urls=bool(conf.get("use_directory_urls", True)),
            name=str(conf.get("site_name") or ""),
            description=" ".join(str(conf.get("site_description") or "").split()),
            settings=read_settings((conf.get("extra") or {}).get("handbook")),
            nav=conf.get("nav"),
        )

    @property
    def data_dir(self) -> Path:
        return self.root / self.settings.data_dir

    def review_due_before(self, today: datetime.date | None = None) -> datetime.date:
        """Pages reviewed before this date show a 'due for review' notice."""
        today = today or build_date()
        return today - datetime.timedelta(days=round(self.settings.review_months * 30.44))

    def absolute(self, url: str) -> str:
        """A site URL as a full address under ``site_url``."""
        return self.site_url.rstrip("/") + "/" + url
