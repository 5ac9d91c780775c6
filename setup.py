"""Build lintkit: everything is in pyproject.toml except the optional compiled modules.

A wheel (`pip install .`, `python -m build`) compiles the matching modules with mypyc, as black
and mypy ship theirs: the same Python source, type-checked and turned into C, about 12% less time
per article (README, Performance). Where that cannot be done (no C compiler, an interpreter other
than CPython, LINTKIT_PURE=1) the wheel is pure Python and behaves the same. Editable installs
(`pip install -e .`) are never compiled, so that edits to the sources take effect at once.
"""

from __future__ import annotations

import atexit
import os
import platform
import shutil
import sys
import tempfile

from setuptools import setup
from setuptools.command.build_ext import build_ext

# Modules that do most of the work per article and only handle plain types (no pickled or
# monkeypatched classes): the term scan (lintkit.match.index), the word index, sentences.
COMPILED = ["lintkit/match/index.py", "lintkit/document/words.py", "lintkit/document/segment.py"]


class OptionalBuildExt(build_ext):
    """Build the compiled modules, or none of them: a failed compile leaves a pure-Python wheel."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as err:  # (setuptools raises CompileError, LinkError, PlatformError...)
            if os.environ.get("LINTKIT_REQUIRE_COMPILED"):
                raise
            for ext in self.extensions:
                path = self.get_ext_fullpath(ext.name)
                if os.path.exists(path):
                    os.remove(path)
            self.extensions = []
            print(f"lintkit: not compiled ({err}); installing the pure-Python modules", file=sys.stderr)


def ext_modules(build_base: str) -> list:
    """mypyc's extension modules for a wheel build, else none."""
    if os.environ.get("LINTKIT_PURE") or "bdist_wheel" not in sys.argv:
        return []
    if platform.python_implementation() != "CPython":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    try:
        return mypycify(COMPILED, opt_level="3", group_name="lintkit", target_dir=f"{build_base}/mypyc")
    except (Exception, SystemExit) as err:  # (mypyc exits when type checking fails)
        if os.environ.get("LINTKIT_REQUIRE_COMPILED"):
            raise
        print(f"lintkit: not compiled ({err!r}); installing the pure-Python modules", file=sys.stderr)
        return []


# A wheel is built in a fresh folder: a compiled module left in ./build by an earlier build must
# not end up in a pure-Python wheel.
BUILD = tempfile.mkdtemp(prefix="lintkit-build-") if "bdist_wheel" in sys.argv else "build"
if BUILD != "build":
    atexit.register(shutil.rmtree, BUILD, True)
setup(
    ext_modules=ext_modules(BUILD),
    cmdclass={"build_ext": OptionalBuildExt},
    options={"build": {"build_base": BUILD}},
)
