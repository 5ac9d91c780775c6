"""The document model: a source file as prose, with an exact map back to the source.

`readers` turns a file (plain text, Markdown, HTML) into a `Document`: its extracted text, an
offset map (`offsetmap`) from every text character to the source, blocks and sentences
(`segment`). Checks read only this model; reporters turn its offsets into lines and columns.
"""

from lintkit.document.model import Document, TextBuilder
from lintkit.document.parts import BLOCK_KINDS, Block, Link, Sentence

__all__ = ["BLOCK_KINDS", "Block", "Document", "Link", "Sentence", "TextBuilder"]
