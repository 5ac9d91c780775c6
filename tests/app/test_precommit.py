"""The pre-commit hook, run for real: `pre-commit run --all-files` in a fresh git repository whose
.pre-commit-config.yaml points at a snapshot of this checkout (a local git repo, rev = commit sha).

pre-commit builds the hook's virtualenv and pip-installs lintkit (and its dependencies) into it, once
per test session (~15 s with a warm pip cache). That needs PyPI or a pip cache: when the environment
cannot be built (offline), the two end-to-end tests are skipped with pre-commit's own error message.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import conftest
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted(conftest.SEEDS.glob("*.txt"))
CLEAN = "Our office is closed on public holidays. Call us to book a visit.\n"
BAD_CLAIM = "Clinical trials have shown that ketamine cures depression.\n"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "lintkit tests",
    "GIT_AUTHOR_EMAIL": "tests@lintkit.invalid",
    "GIT_COMMITTER_NAME": "lintkit tests",
    "GIT_COMMITTER_EMAIL": "tests@lintkit.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def precommit(*args: str, cwd: Path, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_COLOR": "never", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("GITHUB_ACTIONS", None)
    if home is not None:
        env["PRE_COMMIT_HOME"] = str(home)
    cmd = [sys.executable, "-m", "pre_commit", *args]
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def test_manifest_and_config_are_valid() -> None:
    assert precommit("validate-manifest", ".pre-commit-hooks.yaml", cwd=ROOT).returncode == 0
    assert precommit("validate-config", ".pre-commit-config.yaml", cwd=ROOT).returncode == 0
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "lintkit")
    assert hook["entry"] == "lintkit check" and hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "html", "plain-text"}
    assert hook.get("pass_filenames", True) is True
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [h["entry"] for repo in config["repos"] for h in repo["hooks"]]
    assert any(e.startswith("ruff check") for e in entries) and any(
        e.startswith("ruff format") for e in entries
    )
    assert any("lintkit check" in e for e in entries)


def _snapshot(dest: Path) -> str:
    """Commit the working tree (tracked and untracked, not ignored files) into a new repo; return the sha."""
    try:
        listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
        files = [f for f in listed.split("\0") if f and (ROOT / f).is_file()]
    except (subprocess.CalledProcessError, FileNotFoundError):
        files = []
    if files:
        for name in files:
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    else:  # not a git checkout
        skip = shutil.ignore_patterns(
            ".git", ".venv", "__pycache__", "*.egg-info", ".pytest_cache", ".ruff_cache"
        )
        shutil.copytree(ROOT, dest, ignore=skip, dirs_exist_ok=True)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "--no-verify", "-m", "snapshot for the pre-commit test")
    return git(dest, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """(snapshot repo, its commit sha, a PRE_COMMIT_HOME shared by the tests of this module)."""
    base = tmp_path_factory.mktemp("precommit")
    repo = base / "lintkit"
    repo.mkdir()
    return repo, _snapshot(repo), base / "home"


def _content_repo(path: Path, hook_repo: tuple[Path, str, Path], files: dict[str, str]) -> Path:
    repo, sha, _ = hook_repo
    path.mkdir()
    git(path, "init", "-q")
    config = {"repos": [{"repo": str(repo), "rev": sha, "hooks": [{"id": "lintkit"}]}]}
    (path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    git(path, "add", "-A")
    return path


def _run_hook(path: Path, home: Path) -> subprocess.CompletedProcess[str]:
    result = precommit("run", "--all-files", cwd=path, home=home)
    out = result.stdout + result.stderr
    if result.returncode != 0 and "- hook id: lintkit" not in out:
        pytest.skip(f"pre-commit could not build the hook environment (offline?):\n{out[-2000:]}")
    return result


@needs_git
@pytest.mark.skipif(not SEEDS, reason=conftest.SHARED_MISSING)
def test_hook_fails_on_a_page_with_problems_and_names_the_rules(tmp_path: Path, hook_repo) -> None:
    seed = SEEDS[0].read_text(encoding="utf-8")
    repo = _content_repo(
        tmp_path / "site", hook_repo, {"page.txt": seed, "claim.md": "# Ketamine\n\n" + BAD_CLAIM}
    )
    result = _run_hook(repo, hook_repo[2])
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert "lintkit (medical copy)" in out and "Failed" in out and "exit code: 1" in out
    for name in ("page.txt", "claim.md"):  # pre-commit passed both file names
        assert f"{name}:" in out
    # the rules lintkit reports for the same files (run here, from the checkout) all appear in the hook output
    expected = subprocess.run(
        [sys.executable, "-m", "lintkit", "check", "--format", "concise", "page.txt", "claim.md"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ).stdout
    rules = {line.split()[2] for line in expected.splitlines() if line}
    assert rules and all(rule in out for rule in rules)
    assert any(rule.startswith("claim.") for rule in rules)


@needs_git
def test_hook_passes_a_clean_page_and_skips_other_file_types(tmp_path: Path, hook_repo) -> None:
    files = {
        "page.md": CLEAN,
        "notes.txt": CLEAN,
        "index.html": f"<p>{CLEAN}</p>",
        "script.js": f"// {BAD_CLAIM}",
    }
    repo = _content_repo(tmp_path / "site", hook_repo, files)
    result = _run_hook(repo, hook_repo[2])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "lintkit (medical copy)" in result.stdout and "Passed" in result.stdout
