"""Settings: the defaults live in ``data/settings.yaml``; callers override per run."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(str(resources.files("sorot") / "data"))


def data_path(*parts: str) -> Path:
    """Path of a file shipped in ``sorot/data``."""
    return DATA_DIR.joinpath(*parts)


def load_yaml(*parts: str) -> Any:
    """Load a YAML data file shipped with the package."""
    with data_path(*parts).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass
class Settings:
    """Run-time settings of one analysis run."""

    pipeline: list[str] = field(default_factory=list)
    max_file_bytes: int = 20_000_000
    max_url_bytes: int = 10_000_000
    url_timeout_s: float = 15.0
    languages: list[str] = field(default_factory=lambda: ["id", "ms", "en"])
    batch_size: int = 32
    database_url: str = "sqlite:///sorot.db"
    gazetteer_paths: list[Path] = field(default_factory=list)
    model_path: Path | None = None

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults from settings.yaml, then the given overrides (None values are ignored)."""
        raw = load_yaml("settings.yaml") or {}
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in names}
        values.update({k: v for k, v in overrides.items() if v is not None and k in names})
        return cls(**values)
