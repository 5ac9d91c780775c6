"""Rule files: YAML -> validated, compiled Rule objects. All validation happens here, once.

A rule file holds one rule (a mapping) or several under `rules:`. Lexicon files (`lexicon:` key)
hold named term lists that rules reference as `@name`; data tables (`table:` and `rows:` keys, see
regtable) are read by the rules that name their file.
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lintkit.checks import KINDS
from lintkit.errors import RuleError  # re-exported: lintkit.rules.RuleError is public
from lintkit.schema.lexicons import read_lexicons

if TYPE_CHECKING:  # YAML is read only when the compiled rules are not cached
    from lintkit.match import Shared
    from lintkit.schema import yamlsrc

SEVERITIES = ("error", "warning", "info")
CATEGORIES = ("claim", "misinfo", "spam", "disclaimer", "readability")
COMMON = ("id", "category", "severity", "kind", "message", "description", "references", "examples", "enabled")


@dataclass(frozen=True)
class Reference:
    """A source behind a rule: a regulation, guideline or paper."""

    title: str
    url: str = ""


@dataclass(frozen=True)
class Rule:
    """A validated rule; `options` is the kind's Options dataclass."""

    id: str
    category: str
    severity: str
    kind: str
    message: str
    description: str
    references: tuple[Reference, ...]
    examples_fail: tuple[str, ...]
    examples_pass: tuple[str, ...]
    options: Any
    path: str
    line: int
    enabled: bool = True


def default_rules_dir() -> Path:
    """The rules shipped with lintkit (inside the wheel, or the checkout's top-level rules/)."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "ruleset"  # (the wheel's data package: rules/ of the checkout)
    return installed if installed.is_dir() else package.parent / "rules"


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """All *.yaml/*.yml files under the given files or folders, sorted for a stable order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file()))
        else:
            out.append(p)
    return out


def _read(path: Path) -> Any:
    from lintkit.files.readsafe import MAX_BYTES, InputError, read_regular
    from lintkit.schema import yamlsrc

    try:
        text = read_regular(path, MAX_BYTES).decode("utf-8-sig")
    except InputError as err:
        raise RuleError(str(path), 1, "", f"cannot read rule file: {str(err).split(': ', 1)[1]}") from None
    except UnicodeDecodeError:
        raise RuleError(str(path), 1, "", "rule file is not valid UTF-8") from None
    try:
        return yamlsrc.load(text)
    except yamlsrc.YamlError as err:
        raise RuleError(str(path), err.line, "", str(err)) from None


def load_rules(paths: Iterable[Path]) -> list[Rule]:
    """Load and validate every rule under `paths`; lexicons are read first. Raises RuleError."""
    files = rule_files(paths)
    docs = [(f, _read(f)) for f in files]
    lexicons = read_lexicons(docs)
    shared: Shared = {}  # term lists compiled so far: rules that share one share its Terms
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for f, data in docs:
        if isinstance(data, dict) and ("lexicon" in data or {"table", "rows"} <= data.keys()):
            continue  # lexicons were read above; a status table is read by the rule that names it
        for raw in _rule_mappings(str(f), data):
            rule = build_rule(str(f), raw, lexicons, shared)
            if rule.id in seen:
                raise RuleError(
                    str(f), raw.line, "id", f"rule id {rule.id!r} is already defined in {seen[rule.id]}"
                )
            seen[rule.id] = str(f)
            rules.append(rule)
    return sorted(rules, key=lambda r: r.id)


def _rule_mappings(path: str, data: Any) -> list[yamlsrc.LocatedDict]:
    if isinstance(data, dict) and "rules" in data:
        extra = set(data) - {"rules"}
        if extra:
            key = sorted(extra)[0]
            raise RuleError(path, data.lines[key], key, "unknown top-level key beside 'rules'")
        items = data["rules"]
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise RuleError(path, data.lines["rules"], "rules", "must be a list of rule mappings")
        return list(items)
    if isinstance(data, dict):
        return [data]
    raise RuleError(
        path, getattr(data, "line", 1), "", "a rule file must hold a mapping (one rule) or 'rules:' (a list)"
    )


def _need(path: str, raw: yamlsrc.LocatedDict, key: str, kind: type, choices: tuple[str, ...] = ()) -> Any:
    if key not in raw:
        raise RuleError(path, raw.line, key, "missing required key")
    value = raw[key]
    if not isinstance(value, kind):
        raise RuleError(path, raw.lines[key], key, f"must be a {kind.__name__}")
    if choices and value not in choices:
        raise RuleError(path, raw.lines[key], key, f"{value!r} is not one of: {', '.join(choices)}")
    return value


def build_rule(
    path: str, raw: yamlsrc.LocatedDict, lexicons: dict[str, tuple[str, ...]], shared: Shared | None = None
) -> Rule:
    """Validate one rule mapping and compile its options."""
    kind_name = _need(path, raw, "kind", str)
    if kind_name not in KINDS:
        raise RuleError(
            path, raw.lines["kind"], "kind", f"unknown kind {kind_name!r} (known: {', '.join(sorted(KINDS))})"
        )
    module = KINDS[kind_name]
    fields = {f.name: f for f in dataclasses.fields(module.Options)}
    for key in raw:
        if key not in COMMON and key not in fields:
            allowed = ", ".join(sorted(fields))
            raise RuleError(
                path, raw.lines[key], key, f"unknown key for kind {kind_name!r} (kind keys: {allowed})"
            )
    rid = _need(path, raw, "id", str)
    message = _need(path, raw, "message", str)
    _check_template(path, raw, message, module.FIELDS)
    references = _references(path, raw)
    fail, passing = _examples(path, raw)
    from lintkit.schema.options import build_options

    options = build_options(path, raw, module.Options, lexicons, shared)
    return Rule(
        id=rid,
        category=_need(path, raw, "category", str, CATEGORIES),
        severity=_need(path, raw, "severity", str, SEVERITIES),
        kind=kind_name,
        message=message,
        description=_need(path, raw, "description", str).strip(),
        references=references,
        examples_fail=fail,
        examples_pass=passing,
        options=options,
        path=path,
        line=raw.line,
        enabled=_need(path, raw, "enabled", bool) if "enabled" in raw else True,
    )


def _check_template(path: str, raw: yamlsrc.LocatedDict, message: str, allowed: tuple[str, ...]) -> None:
    try:
        fields = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(message) if f is not None]
    except ValueError as err:
        raise RuleError(path, raw.lines["message"], "message", f"bad template: {err}") from None
    for name, spec, conv in fields:
        if spec or conv:  # ({match:>2000000000} would take gigabytes per finding)
            raise RuleError(
                path, raw.lines["message"], "message", f"{{{name}}}: no format spec or conversion allowed"
            )
        if name not in allowed:
            raise RuleError(
                path,
                raw.lines["message"],
                "message",
                f"unknown field {{{name}}} (available: {', '.join(allowed)})",
            )


def _references(path: str, raw: yamlsrc.LocatedDict) -> tuple[Reference, ...]:
    refs = raw.get("references", [])
    if not isinstance(refs, list):
        raise RuleError(path, raw.lines.get("references", raw.line), "references", "must be a list")
    out = []
    for i, r in enumerate(refs):
        line = refs.lines[i]
        if isinstance(r, str):
            out.append(Reference(r))
        elif isinstance(r, dict) and isinstance(r.get("title"), str) and set(r) <= {"title", "url"}:
            out.append(Reference(r["title"], str(r.get("url", ""))))
        else:
            raise RuleError(
                path, line, "references", "each reference is a string or a mapping with title and url"
            )
    return tuple(out)


def _examples(path: str, raw: yamlsrc.LocatedDict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    ex = raw.get("examples", {})
    line = raw.lines.get("examples", raw.line)
    if not isinstance(ex, dict) or set(ex) - {"fail", "pass"}:
        raise RuleError(path, line, "examples", "must be a mapping with 'fail' and 'pass' lists")
    out = []
    for key in ("fail", "pass"):
        items = ex.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise RuleError(path, ex.lines.get(key, line), f"examples.{key}", "must be a list of strings")
        out.append(tuple(items))
    return out[0], out[1]
