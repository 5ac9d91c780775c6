"""A run whose compiled rules come from the cache imports no more than it needs (cold start is
what a pre-commit user feels)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO

# Loaded only to compile rules (a cache miss) or to read a YAML config.
NOT_AT_START = (
    "yaml",
    "lintkit.schema.yamlsrc",
    "lintkit.match.regexsource",  # (lintkit.match.plan is loaded: it holds the ScanPlan type)
    "textstat",
    "pyphen",
)


def test_a_cached_run_imports_no_yaml_and_no_rule_compiler(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text("# Ketamine\n\nKetamine is a miracle cure. Talk to your doctor.\n", encoding="utf-8")
    code = (
        "import json, sys\n"
        "from lintkit.cli import main\n"
        "try:\n    main(['check', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    env = {"LINTKIT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "", "PYTHONPATH": str(REPO)}
    for _ in range(2):  # the first run fills the cache
        run = [sys.executable, "-c", code, str(doc)]
        done = subprocess.run(run, capture_output=True, text=True, env=env, cwd=tmp_path, check=False)
    modules = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "lintkit.linter" in modules
    assert not [m for m in NOT_AT_START if m in modules]
