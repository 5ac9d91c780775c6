"""The check kinds. A rule's `kind:` names one of these modules; the registry is explicit.

Each module has a docstring (its YAML contract), `Options` (a frozen dataclass: the allowed keys),
`FIELDS` (names usable in the message template) and `check(doc, options, context)`, which yields Hits.
"""

from __future__ import annotations

from types import ModuleType

from lintkit.checks import (
    assertion,
    chrome,
    claim,
    duplicate,
    jargon,
    metric,
    offtopic,
    pattern,
    regulatory,
    repetition,
    require,
)

KINDS: dict[str, ModuleType] = {
    "pattern": pattern,
    "claim": claim,
    "assertion": assertion,
    "require": require,
    "metric": metric,
    "repetition": repetition,
    "offtopic": offtopic,
    "jargon": jargon,
    "duplicate": duplicate,
    "regulatory": regulatory,
    "chrome": chrome,
}
