"""Configuration: `.lintkit.yaml` or `[tool.lintkit]` in pyproject.toml, found upward from the cwd.

Keys (all optional): select, ignore (ids or prefixes), severity (id -> level), rules (extra rule
paths, relative to the config file), per-file-ignores (glob -> ids), target-grade, extensions
(extra ".ext: format" pairs), fail-on (error | warning | info), no-default-rules, exclude (globs
relative to the config file's folder), respect-gitignore (default true), max-file-size (bytes;
default 64 MB).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lintkit.files.visible import visible

KEYS = (
    "select",
    "ignore",
    "severity",
    "rules",
    "per-file-ignores",
    "target-grade",
    "extensions",
    "fail-on",
    "no-default-rules",
    "exclude",
    "respect-gitignore",
    "max-file-size",
)


class ConfigError(Exception):
    """A problem in a configuration file."""


@dataclass
class Config:
    """Settings merged from the config file; the CLI overrides them."""

    path: Path | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rules: list[Path] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    target_grade: float | None = None
    extensions: dict[str, str] = field(default_factory=dict)
    fail_on: str = "warning"
    no_default_rules: bool = False
    exclude: list[str] = field(default_factory=list)
    respect_gitignore: bool = True
    max_file_size: int | None = None  # bytes (None: lintkit.app.sources.MAX_BYTES)
    lines: dict[str, int] = field(default_factory=dict)  # key -> line in the file (YAML only)


def find(start: Path) -> Path | None:
    """The nearest .lintkit.yaml, or pyproject.toml with [tool.lintkit], at or above `start`."""
    for folder in [start, *start.parents]:
        for name in (".lintkit.yaml", ".lintkit.yml"):
            if (folder / name).is_file():
                return folder / name
        py = folder / "pyproject.toml"
        if py.is_file() and "[tool.lintkit" in py.read_text(encoding="utf-8", errors="replace"):
            return py
    return None


def load(path: Path | None) -> Config:
    """Read and validate a config file (None gives the defaults)."""
    if path is None:
        return Config()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise ConfigError(f"{visible(str(path))}: cannot read config: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise ConfigError(
            f"{visible(str(path))}: not valid UTF-8 (byte offset {err.start}); re-save it as UTF-8"
        ) from None
    if path.suffix == ".toml":
        import tomllib

        try:
            data = tomllib.loads(text).get("tool", {}).get("lintkit", {})
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(f"{visible(str(path))}: invalid TOML: {err}") from None
        lines: dict[str, int] = {}
    else:
        from lintkit.schema import yamlsrc

        try:
            data = yamlsrc.load(text) or {}
        except yamlsrc.YamlError as err:
            raise ConfigError(f"{visible(str(path))}:{err.line}: {err}") from None
        lines = getattr(data, "lines", {})
    if not isinstance(data, dict):
        raise ConfigError(f"{visible(str(path))}: the configuration must be a mapping")
    return _build(path, data, lines)


def _err(path: Path, lines: dict[str, int], key: str, msg: str) -> ConfigError:
    where = f"{visible(str(path))}:{lines[key]}" if key in lines else visible(str(path))
    return ConfigError(f"{where}: {key}: {msg}")


def _build(path: Path, data: dict[str, Any], lines: dict[str, int]) -> Config:
    cfg = Config(path=path, lines=dict(lines))
    for key, value in data.items():
        if key not in KEYS:
            raise _err(path, lines, key, f"unknown key (expected one of: {', '.join(KEYS)})")
        if key in ("select", "ignore", "rules", "exclude"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _err(path, lines, key, "must be a list of strings")
            if key == "rules":
                cfg.rules = [(path.parent / v).resolve() for v in value]
            else:
                setattr(cfg, key, list(value))
        elif key == "severity":
            if isinstance(value, dict):  # YAML reads an unquoted `off` (or `no`) as false
                value = {k: "off" if v is False else v for k, v in value.items()}
            if not isinstance(value, dict) or not all(
                v in ("error", "warning", "info", "off") for v in value.values()
            ):
                raise _err(path, lines, key, "must map rule ids to error, warning, info or off")
            cfg.severity = {str(k): str(v) for k, v in value.items()}
        elif key == "per-file-ignores":
            if not isinstance(value, dict) or not all(
                isinstance(v, list) and all(isinstance(i, str) for i in v) for v in value.values()
            ):
                raise _err(path, lines, key, "must map glob patterns to lists of rule ids")
            cfg.per_file_ignores = {str(k): [str(i) for i in v] for k, v in value.items()}
        elif key == "target-grade":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
                raise _err(path, lines, key, "must be a number from 0 to 100")
            cfg.target_grade = float(value)
        elif key == "extensions":
            if not isinstance(value, dict) or not all(
                v in ("text", "markdown", "html") for v in value.values()
            ):
                raise _err(path, lines, key, 'must map extensions (".mdx") to text, markdown or html')
            cfg.extensions = {("." + str(k).lstrip(".")).lower(): str(v) for k, v in value.items()}
        elif key == "fail-on":
            if value not in ("error", "warning", "info"):
                raise _err(path, lines, key, "must be error, warning or info")
            cfg.fail_on = value
        elif key == "max-file-size":
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise _err(path, lines, key, "must be a number of bytes (a whole number above 0)")
            cfg.max_file_size = value
        elif key == "no-default-rules":
            if not isinstance(value, bool):
                raise _err(path, lines, key, "must be true or false (unquoted)")
            cfg.no_default_rules = value
        elif key == "respect-gitignore":
            if not isinstance(value, bool):
                raise _err(path, lines, key, "must be true or false")
            cfg.respect_gitignore = value
    return cfg
