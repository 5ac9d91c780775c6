"""Code is never linted as prose: HTML <pre>, <code> (and <kbd>, <samp>), <script> and <style>,
in HTML pages and as raw HTML in Markdown, as Markdown's own code spans and blocks are not."""

from __future__ import annotations

from pathlib import Path

from conftest import assert_offsets_exact, block_texts, run_lintkit

from lintkit.document.readers import parse


def page(source: str):
    doc = parse("t.html", source, "html")
    assert_offsets_exact(doc)
    return doc


def md(source: str):
    doc = parse("t.md", source, "markdown")
    assert_offsets_exact(doc)
    return doc


def test_html_pre_and_code_blocks_are_not_prose() -> None:
    doc = page(
        "<p>Install it:</p><pre><code>{{ clinic_name }} lorem ipsum\n&lt;?php echo 1; ?&gt;</code></pre>"
        "<p>Then restart.</p><pre>plain preformatted</pre><p>Done.</p>"
    )
    assert block_texts(doc) == ["Install it:", "Then restart.", "Done."]


def test_html_inline_code_kbd_and_samp_are_left_out_of_the_sentence() -> None:
    doc = page("<p>Use <code>{{ user_name }}</code> or press <kbd>Ctrl</kbd> to see <samp>OK</samp> now.</p>")
    assert block_texts(doc) == ["Use or press to see now."]


def test_html_code_ends_where_it_is_closed_with_nested_tags() -> None:
    doc = page("<pre><code><b>x</b> <span>{{ a }}</span></code></pre><p>After <em>it</em>.</p>")
    assert block_texts(doc) == ["After it."]


def test_html_code_positions_after_it_stay_exact() -> None:
    src = "<p>Run <code>make</code> then read the miracle cure page.</p>"
    doc = page(src)
    i = doc.text.index("miracle")
    assert src[doc.source_offset(i) : doc.source_offset(i) + 7] == "miracle"


def test_markdown_raw_html_pre_script_style_blocks_are_not_prose() -> None:
    doc = md(
        "Intro text.\n\n<pre>\n{{ clinic_name }} lorem ipsum\n</pre>\n\n"
        "<script>\nvar x = '{{ a_b }}';\n\nvar y = 2;\n</script>\n\n<style>\np { color: red }\n</style>\n\n"
        '<PRE class="x">one line {{ z }}</PRE>\n\nOutro text.\n'
    )
    assert block_texts(doc) == ["Intro text.", "Outro text."]


def test_markdown_inline_html_code_is_not_prose() -> None:
    doc = md("Use <code>{{ user_name }}</code> here, and <kbd>Ctrl</kbd> too.\n")
    assert block_texts(doc) == ["Use here, and too."]


def test_template_leak_is_not_reported_in_code(tmp_path: Path) -> None:
    """The issue's repro: template-leak errors on code samples of an HTML page."""
    (tmp_path / "p.html").write_text(
        "<html><body><p>Embed the widget:</p>\n"
        "<pre><code>{{ clinic_name }} lorem ipsum &lt;?php echo $x; ?&gt;</code></pre>\n"
        "<p>Use <code>{{ user_name }}</code> in the template.</p>\n"
        '<script>var s = "{{ miracle }} lorem ipsum";</script><style>.lorem-ipsum{}</style>\n'
        "<p>Lorem ipsum in prose is still found.</p></body></html>\n",
        encoding="utf-8",
    )
    proc = run_lintkit(
        "check", "p.html", "--select", "spam.template-leak", "--format", "concise", cwd=tmp_path
    )
    assert proc.stdout.splitlines() == [
        "p.html:5:4: error spam.template-leak"
        " Template or placeholder text published by mistake ('Lorem ipsum')."
    ]


def test_markdown_inline_html_code_in_any_case_and_across_lines() -> None:
    doc = md("Use <CODE>{{ a }}</code> and <code\nclass='x'>{{ b\n}}</code> here.\n")
    assert block_texts(doc) == ["Use and here."]


def test_markdown_raw_html_block_interrupts_a_paragraph_and_runs_to_its_closing_tag() -> None:
    doc = md("Before it.\n<script>\nlet a = '{{ x }}'\n</script>\nAfter it.\n")
    assert block_texts(doc) == ["Before it.", "After it."]
