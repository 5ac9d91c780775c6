"""Files in and out, safely: bounded reads of regular files only (`readsafe`), atomic writes
(`safeio`), output paths that never overwrite an input (`outpath`), and text shown on a terminal
with its control characters made visible (`visible`). Imports nothing else of lintkit."""
