"""`exclude` globs relative to the config file's folder, and .gitignore respected by default."""

from __future__ import annotations

from pathlib import Path

from conftest import run_lintkit

from lintkit.ignore import PathFilter

CLAIM = "Clinical trials have shown that ketamine cures depression.\n"


def _tree(tmp_path: Path) -> None:
    (tmp_path / "drafts" / "deep").mkdir(parents=True)
    (tmp_path / "drafts" / "a.md").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "drafts" / "deep" / "c.md").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "b.md").write_text(CLAIM, encoding="utf-8")


def test_exclude_applies_when_linting_dot(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / ".lintkit.yaml").write_text('exclude: ["drafts/*"]\n', encoding="utf-8")
    proc = run_lintkit("check", "--format", "concise", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "site/b.md:1:1:" in proc.stdout
    assert "drafts" not in proc.stdout


def test_exclude_is_relative_to_the_config_folder_from_a_subfolder(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / ".lintkit.yaml").write_text('exclude: ["drafts/*"]\n', encoding="utf-8")
    proc = run_lintkit("check", "--format", "concise", "..", cwd=tmp_path / "site")
    assert proc.returncode == 1, proc.stderr
    assert "b.md:1:1:" in proc.stdout
    assert "drafts" not in proc.stdout
    named = run_lintkit("check", "--format", "concise", "../drafts/a.md", "b.md", cwd=tmp_path / "site")
    assert "drafts" not in named.stdout
    assert "b.md:1:1:" in named.stdout


def test_gitignore_is_respected_by_default_and_can_be_turned_off(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / ".gitignore").write_text("# built pages\ndrafts/\n", encoding="utf-8")
    proc = run_lintkit("check", "--format", "concise", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "site/b.md" in proc.stdout
    assert "drafts" not in proc.stdout
    off = run_lintkit("check", "--format", "concise", "--no-respect-gitignore", ".", cwd=tmp_path)
    assert "drafts/a.md" in off.stdout
    assert "drafts/deep/c.md" in off.stdout


def test_respect_gitignore_false_in_config(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (tmp_path / ".lintkit.yaml").write_text("respect-gitignore: false\n", encoding="utf-8")
    proc = run_lintkit("check", "--format", "concise", ".", cwd=tmp_path)
    assert "drafts/a.md" in proc.stdout


def test_gitignore_negation_and_nested_files(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / ".gitignore").write_text("*.md\n!site/b.md\n", encoding="utf-8")
    f = PathFilter(tmp_path, [])
    assert f.ignored(str(tmp_path / "drafts" / "a.md"))
    assert not f.ignored(str(tmp_path / "site" / "b.md"))
    (tmp_path / ".gitignore").unlink()
    (tmp_path / "drafts" / ".gitignore").write_text("deep/\n", encoding="utf-8")
    g = PathFilter(tmp_path, [])
    assert g.ignored(str(tmp_path / "drafts" / "deep"), is_dir=True)
    assert g.ignored(str(tmp_path / "drafts" / "deep" / "c.md"))
    assert not g.ignored(str(tmp_path / "drafts" / "a.md"))
    assert not g.ignored(str(tmp_path / "site" / "b.md"))


def test_paths_outside_the_base_are_not_gitignored(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / ".gitignore").write_text("*\n", encoding="utf-8")
    f = PathFilter(tmp_path / "repo", [])
    assert not f.ignored(str(tmp_path / "other.md"))
