"""HTML report: one self-contained page for reviewers who would rather see the page than path:line:col.

No network: styles and the small script are inline, a strict Content-Security-Policy allows only
that script (by hash), and every piece of linted text, message and path goes through html.escape.
The page holds exactly the JSON report's findings: each span finding is one `mark[data-rule]`
(see htmltext for overlaps), each document-level finding one `[data-rule][data-document]` item
in the panel at the top of its file.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from lintkit import __version__
from lintkit.finding import Finding
from lintkit.report.htmlassets import CATEGORY_COLORS, CSS, SCRIPT, SEVERITIES, csp
from lintkit.report.htmlchart import document_grade, grade_chart
from lintkit.report.htmltext import Numbered, classes, finding_attrs, render_text, render_unplaced
from lintkit.report.model import FileResult, Report

DEFAULT_TARGET = 8.0
CATEGORY_NAMES = {
    "claim": "Unsupported claim",
    "misinfo": "Misinformation",
    "spam": "Spam",
    "disclaimer": "Missing disclaimer",
    "readability": "Readability",
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _sev_counts(findings: list[Finding]) -> str:
    c = Counter(f.severity for f in findings)
    label = {"error": "error", "warning": "warning", "info": "info finding"}
    return " ".join(f'<span class="badge s-{s}">{_plural(c[s], label[s])}</span>' for s in SEVERITIES if c[s])


def _categories(findings: list[Finding]) -> list[str]:
    known = [c for c in CATEGORY_NAMES if any(f.category == c for f in findings)]
    return known + sorted({f.category for f in findings} - set(known))


def _overview(report: Report, anchors: dict[int, str]) -> str:
    fs = report.findings
    sev = Counter(f.severity for f in fs)
    stats = "".join(
        f'<div class="stat"><b>{n}</b><span>{label}</span></div>'
        for n, label in [
            (len(report.files), "files checked"),
            (len(fs), "findings"),
            (sev["error"], "errors"),
            (sev["warning"], "warnings"),
            (sev["info"], "info"),
        ]
    )
    rows = []
    for cat in _categories(fs):
        in_cat = [f for f in fs if f.category == cat]
        name = escape(CATEGORY_NAMES.get(cat, cat))
        swatch = f'<span class="sw c-{cat if cat in CATEGORY_COLORS else "other"}"></span>'
        rows.append(f"<tr><td>{swatch}{name} <code>{escape(cat)}</code></td>{_count_cells(in_cat)}</tr>")
    body = "".join(rows) or '<tr class="clean"><td colspan="5">No findings.</td></tr>'
    by_cat = _count_table("Findings by category and severity", "Category", body)
    worst = sorted(
        range(len(report.files)),
        key=lambda i: (*(-sum(f.severity == s for f in report.files[i].findings) for s in SEVERITIES), i),
    )
    file_rows = []
    for i in worst:
        r = report.files[i]
        clean = ' class="clean"' if not r.findings else ""
        link = f'<a href="#{anchors[i]}">{escape(r.path)}</a>'
        file_rows.append(f"<tr{clean}><td>{link}</td>{_count_cells(r.findings)}</tr>")
    files = _count_table("Pages, worst first", "File", "".join(file_rows))
    errors = ""
    if report.errors:
        items = "".join(f"<li>{escape(e)}</li>" for e in report.errors)
        errors = f'<div class="panel"><h3>Files that could not be read</h3><ul>{items}</ul></div>'
    if report.stale:
        entries = "entry no longer matches" if report.stale == 1 else "entries no longer match"
        errors += f'<p class="meta">{report.stale} baseline {entries} (stale).</p>'
    return (
        f'<section class="card" id="overview"><h2>Overview</h2><div class="stats">{stats}</div>{_legend()}'
        f"{errors}{by_cat}{files}</section>"
    )


def _count_cells(findings: list) -> str:
    """One cell per severity with its count, then the total."""
    cells = "".join(f'<td class="n">{sum(f.severity == s for f in findings)}</td>' for s in SEVERITIES)
    return f'{cells}<td class="n"><b>{len(findings)}</b></td>'


def _count_table(title: str, first: str, body: str) -> str:
    """A titled table: a label column, one column per severity, and a total."""
    head = "".join(f'<th class="n">{s}</th>' for s in SEVERITIES)
    return (
        f'<h3 class="sub">{title}</h3><table><thead><tr><th>{first}</th>{head}'
        f'<th class="n">Total</th></tr></thead><tbody>{body}</tbody></table>'
    )


def _legend() -> str:
    cats = "".join(
        f'<span><mark class="hl ex c-{c} s-warning">{escape(name)}</mark></span>'
        for c, name in CATEGORY_NAMES.items()
    )
    sevs = "".join(f'<span><mark class="hl ex c-other s-{s}">{s}</mark></span>' for s in SEVERITIES)
    return (
        f'<div class="legend" aria-label="Legend"><span>Colour = category:</span>{cats}'
        f"<span>Underline = severity:</span>{sevs}</div>"
    )


def _toolbar(report: Report) -> str:
    cats = _categories(report.findings) or list(CATEGORY_NAMES)
    boxes = "".join(
        f'<label><input type="checkbox" checked data-filter="c-{escape(c)}"> '
        f'<span class="sw c-{c if c in CATEGORY_COLORS else "other"}"></span>{escape(c)}</label>'
        for c in cats
    )
    sevs = "".join(
        f'<label><input type="checkbox" checked data-filter="s-{s}"> {s}</label>' for s in SEVERITIES
    )
    return (
        '<div class="toolbar" role="region" aria-label="Filters">'
        f"<fieldset><legend>Category</legend>{boxes}</fieldset>"
        f'<fieldset><legend>Severity</legend>{sevs}</fieldset><span id="shown" aria-live="polite"></span>'
        '<a href="#overview">Overview</a></div>'
    )


def _detail(n: int, f: Finding, rdoc: dict[str, str]) -> str:
    """Hidden details of finding `n`; the script clones them into the popover."""
    cat, sev = classes(f).split()
    sugg = f"<p><b>Suggestion:</b> {escape(f.suggestion)}</p>" if f.suggestion else ""
    return (
        f'<div class="detail" id="d-{n}" data-rdoc="{rdoc.get(f.rule, "")}" hidden><p>'
        f'<span class="badge {sev}">{escape(f.severity)}</span> '
        f'<span class="badge {cat}">{escape(f.category)}</span> '
        f'<code>{escape(f.rule)}</code></p><p class="msg">{escape(f.message)}</p>{sugg}'
        f'<p class="loc">Line {f.line}, column {f.column}</p></div>'
    )


def _rule_doc(rid: str, report: Report) -> str:
    rule = report.rules.get(rid)
    if rule is None:
        return ""
    refs = "".join(
        f'<li><a href="{escape(r.url)}" target="_blank" rel="noopener noreferrer">{escape(r.title)}</a></li>'
        if r.url.startswith(("https://", "http://"))
        else f"<li>{escape(r.title)}</li>"
        for r in rule.references
    )
    refs = f"<p><b>References</b></p><ul>{refs}</ul>" if refs else ""
    return f"<p>{escape(rule.description)}</p>{refs}"


def _file(
    result: FileResult, numbered: list[Numbered], anchor: str, target: float, rdoc: dict[str, str]
) -> str:
    doc_level = [(n, f) for n, f in numbered if f.document_level]
    spans = [(n, f) for n, f in numbered if not f.document_level]
    if doc_level:
        items = "".join(
            f'<li class="docf {classes(f)}" data-document="true" {finding_attrs(n, f, rdoc)}>'
            f'<span class="badge {classes(f).split()[1]}">{escape(f.severity)}</span> {escape(f.message)} '
            f"<code>{escape(f.rule)}</code></li>"
            for n, f in doc_level
        )
        panel = f'<div class="panel"><h3>Page-level findings</h3><ul>{items}</ul></div>'
    else:
        panel = '<div class="panel ok"><h3>Page-level findings</h3><p class="meta">None.</p></div>'
    meta = _sev_counts(result.findings) or '<span class="badge">no findings</span>'
    if result.doc is not None:
        grade, words = document_grade(result.doc)
        meta += f" · {_plural(words, 'word')} · reading grade {grade:.1f} (target {target:g})"
        text, unplaced = render_text(result.doc, spans, anchor, rdoc)
        chart = grade_chart(result.doc, target, anchor)
        body = f'<h3 class="sub">Reading grade per section</h3>{chart}<h3 class="sub">Page text</h3>'
        body += f'<div class="doctext">{text}</div>{render_unplaced(unplaced, rdoc)}'
    else:
        body = render_unplaced(spans, rdoc)
    details = "".join(_detail(n, f, rdoc) for n, f in numbered)
    return (
        f'<section class="card file" id="{anchor}"><header><h2>{escape(result.path)}</h2>'
        f'<a class="back" href="#overview">Back to overview</a></header><p class="meta">{meta}</p>'
        f"{panel}{body}{details}</section>"
    )


def render(report: Report, color: bool = False) -> str:
    """The whole report as one HTML document (`color` is ignored)."""
    target = DEFAULT_TARGET if report.target_grade is None else float(report.target_grade)
    rule_ids = sorted({f.rule for f in report.findings})
    rdoc = {rid: f"r-{i}" for i, rid in enumerate(rule_ids) if rid in report.rules}
    anchors = {i: f"file-{i + 1}" for i in range(len(report.files))}
    sections, n = [], 0
    for i, result in enumerate(report.files):
        numbered = [(n + k + 1, f) for k, f in enumerate(result.findings)]
        n += len(numbered)
        sections.append(_file(result, numbered, anchors[i], target, rdoc))
    rule_docs = "".join(
        f'<div class="rdoc" id="{rdoc[rid]}" hidden>{_rule_doc(rid, report)}</div>'
        for rid in rule_ids
        if rid in rdoc
    )
    summary = f"{_plural(len(report.findings), 'finding')} in {_plural(len(report.files), 'file')}"
    title = f"lintkit report: {summary}"
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp()}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="referrer" content="no-referrer"><title>{escape(title)}</title>'
        f"<style>{CSS}</style></head><body>"
        f'<header class="masthead"><h1>lintkit report</h1><p>{escape(summary)} · lintkit {__version__}</p>'
        f"</header>{_toolbar(report)}<main>{_overview(report, anchors)}{''.join(sections)}"
        f"<footer>Generated by lintkit {__version__}. Hover, click or tab to a highlight for details."
        f'</footer></main>{rule_docs}<div id="pop" role="dialog" aria-label="Finding details" hidden></div>'
        f"<script>{SCRIPT}</script></body></html>\n"
    )
