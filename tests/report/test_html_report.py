"""The HTML report: one highlight per span finding, the JSON's findings exactly, hostile text inert.

Browser tests render the report in headless Chromium (Debian's `chromium` package) and skip, with
the reason, only when no Chromium is installed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import struct
import subprocess
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

import conftest
import pytest

from lintkit.cli import main
from lintkit.document.readers import parse
from lintkit.finding import Finding
from lintkit.report import FileResult, Report
from lintkit.report.html import render

ROOT = Path(__file__).resolve().parents[2]
SEEDS = conftest.SEEDS
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install -y chromium); .ci/run installs it"
)

HOSTILE_TXT = """\
Miracle Cure Clinic

Our cure works <script>document.body.setAttribute('data-pwned','script');alert(1)</script> for everyone.

<img src=x onerror="document.body.setAttribute('data-pwned','onerror')"> Guaranteed results, no side effects.

</style><script>document.body.setAttribute('data-pwned','style')</script> Closing tags: </textarea></title>

"><svg onload="document.body.setAttribute('data-pwned','svg')"><iframe srcdoc="<script>parent.x=1</script>">
"""
HOSTILE_HTML = """<html><head><style>p{}</style></head><body><h1>Cure &lt;/style&gt; clinic</h1>
<p>Our cure works &lt;script&gt;document.body.setAttribute('data-pwned','entity')&lt;/script&gt; fast.</p>
<p>&lt;img src=x onerror=&quot;document.body.setAttribute('data-pwned','img')&quot;&gt; guaranteed.</p>
<script>document.body.setAttribute('data-pwned','raw')</script></body></html>
"""
TEST_RULES = """\
rules:
  - id: test.hostile
    category: spam
    severity: error
    kind: pattern
    message: "Markup in the text: '{match}' in '{unit}'"
    description: "Flags <script> and onerror= in text. </style><script>alert('rule')</script>"
    references:
      - title: "<b>not bold</b>"
        url: "javascript:alert(1)"
      - title: Safe reference
        url: https://example.org/ref
    patterns: ['<script>', 'onerror=', '</style>', '<img']
  - id: test.cure-works
    category: claim
    severity: warning
    kind: pattern
    message: "Claim '{match}'"
    description: Crossing and nested spans.
    patterns: ['our cure works', 'works <script']
  - id: test.cure
    category: claim
    severity: info
    kind: pattern
    message: "Cure '{match}'"
    description: Nested inside the claim.
    patterns: ['cure']
  - id: test.disclaimer
    category: disclaimer
    severity: warning
    kind: require
    message: "No disclaimer although the page says '{match}'"
    description: Page-level finding.
    triggers: ['cure']
    required: ['not medical advice']
  - id: test.grade
    category: readability
    severity: info
    kind: metric
    message: "Grade {value} in {where}"
    description: Document and section grade.
    measure: grade
    scope: [document, section]
    max: 0
    use_target: true
"""


class Dom(HTMLParser):
    """Elements, text per highlighted finding, and the page's visible text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.open_marks: list[str | None] = []
        self.marked: dict[str, str] = defaultdict(str)
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "mark":
            self.open_marks.append(dict(attrs).get("data-f"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data: str) -> None:
        if self.cdata_elem:  # inside <script> or <style>: not page text
            return
        for n in self.open_marks:
            if n:
                self.marked[n] += data
        self.text.append(data)

    def find(self, tag: str | None = None, **attrs: str) -> list[dict[str, str | None]]:
        """Elements with `tag` (any if None) that carry every attribute in `attrs` (value '' = any)."""
        out = []
        for t, a in self.elements:
            if tag and t != tag:
                continue
            if all(
                k.replace("_", "-") in a and (not v or a[k.replace("_", "-")] == v) for k, v in attrs.items()
            ):
                out.append(a)
        return out

    @property
    def body(self) -> dict[str, str | None]:
        return next(a for t, a in self.elements if t == "body")


def lint_to(tmp_path: Path, fmt: str, paths: list[Path], *extra: str) -> Path:
    """Run `lintkit check` in-process and return the report file."""
    out = tmp_path / f"report.{fmt}"
    code = main(["check", "--format", fmt, "--output", str(out), *extra, *map(str, paths)])
    assert code in (0, 1), f"lintkit check exited {code}"
    return out


def span_and_doc_counts(json_path: Path) -> tuple[Counter, Counter]:
    data = json.loads(json_path.read_text(encoding="utf-8"))
    spans = Counter(f["rule"] for f in data["findings"] if not f.get("document"))
    docs = Counter(f["rule"] for f in data["findings"] if f.get("document"))
    return spans, docs


def html_counts(dom: Dom) -> tuple[Counter, Counter]:
    spans = Counter(a["data-rule"] for a in dom.find("mark", data_rule=""))
    docs = Counter(a["data-rule"] for a in dom.find(None, data_rule="", data_document=""))
    return spans, docs


def assert_same_findings(dom: Dom, json_spans: Counter, json_docs: Counter) -> None:
    """The HTML has exactly the JSON's findings, rule by rule (span and document-level)."""
    spans, docs = html_counts(dom)
    diff = {r: (spans[r], json_spans[r]) for r in spans | json_spans if spans[r] != json_spans[r]}
    diff |= {f"{r} (page)": (docs[r], json_docs[r]) for r in docs | json_docs if docs[r] != json_docs[r]}
    assert not diff, f"rule: (count in HTML, count in JSON): {diff}"


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Path], Path]:
    monkeypatch.chdir(tmp_path)
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "hostile.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (pages / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text(TEST_RULES, encoding="utf-8")
    return sorted(pages.iterdir()), rules


def page_sets() -> list:
    corpus = sorted(p for p in (ROOT / "tests" / "corpus").glob("*") if p.suffix in (".txt", ".md", ".html"))
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    return [
        pytest.param(seeds, id="seeds", marks=pytest.mark.skipif(not seeds, reason=conftest.SHARED_MISSING)),
        pytest.param(
            corpus, id="corpus", marks=pytest.mark.skipif(not corpus, reason="no pages in tests/corpus")
        ),
    ]


# --- without a browser -------------------------------------------------------------------------


def _finding(
    doc, rule: str, start: int, end: int, category: str = "claim", document: bool = False
) -> Finding:
    return Finding(
        doc.path, *doc.position(start, end), rule=rule, category=category, severity="warning",
        message=f"m {rule}", start=start, end=end, snippet=doc.text[start:end], document_level=document,
    )  # fmt: skip


def test_overlapping_spans_get_exactly_one_element_each() -> None:
    doc = parse("p.txt", "Title Here\n\nAlpha beta gamma delta.\n\nEpsilon zeta eta.\n", "text")
    t = doc.text
    a, g, e = t.index("Alpha"), t.index("gamma"), t.index("Epsilon")
    spans = {
        "outer": (a, a + 22),
        "inner": (a + 6, a + 10),
        "same": (a + 6, a + 10),
        "cross": (g, g + 12),
        "over-blocks": (g, e + 7),
        "point": (a, a),
        "gap": (a + 23, a + 25),
        "past-end": (len(t) + 5, len(t) + 9),
    }
    findings = [_finding(doc, r, s, e_) for r, (s, e_) in spans.items()]
    findings.append(_finding(doc, "page", 0, 0, "disclaimer", document=True))
    dom = Dom(render(Report([FileResult("p.txt", findings, doc)], {})))
    marks = dom.find("mark", data_rule="")
    assert len(marks) == len(spans)
    assert sorted(m["data-rule"] for m in marks) == sorted(spans)
    assert len({m["data-f"] for m in marks}) == len(spans)
    assert len(dom.find(None, data_rule="", data_document="true")) == 1
    by_rule = {m["data-rule"]: m["data-f"] for m in marks}
    for rule in ("outer", "inner", "same", "cross"):
        s, e_ = spans[rule]
        assert dom.marked[by_rule[rule]] == t[s:e_], rule
    assert dom.marked[by_rule["over-blocks"]] == t[g : e + 7].replace("\n\n", "")
    assert dom.find("mark", data_part_of=by_rule["cross"]), "a crossing span is split into pieces"
    assert "Findings outside the extracted text" in "".join(dom.text)


def test_report_without_documents_still_marks_every_span() -> None:
    doc = parse("p.txt", "Alpha beta.\n", "text")
    findings = [_finding(doc, "a", 0, 5), _finding(doc, "b", 0, 0, document=True)]
    dom = Dom(render(Report([FileResult("p.txt", findings, None)], {})))
    assert len(dom.find("mark", data_rule="a")) == 1
    assert len(dom.find("li", data_rule="b", data_document="true")) == 1


@pytest.mark.parametrize("pages", page_sets())
def test_html_has_the_json_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: list[Path]
) -> None:
    monkeypatch.chdir(tmp_path)
    json_spans, json_docs = span_and_doc_counts(lint_to(tmp_path, "json", pages))
    dom = Dom(lint_to(tmp_path, "html", pages).read_text(encoding="utf-8"))
    assert_same_findings(dom, json_spans, json_docs)
    assert len(dom.find("svg")) == len(pages), "one grade chart per page"
    links = {a["href"] for a in dom.find("a", href="")}
    assert all(
        f"#file-{i}" in links and dom.find("section", id=f"file-{i}") for i in range(1, len(pages) + 1)
    )


def test_hostile_text_is_escaped(hostile: tuple[list[Path], Path], tmp_path: Path) -> None:
    pages, rules = hostile
    html = lint_to(tmp_path, "html", pages, "--no-default-rules", "--rules", str(rules)).read_text("utf-8")
    dom = Dom(html)
    assert html.count("<script") == 1 and html.count("</style>") == 1
    assert not dom.find("img") and not dom.find("iframe") and not dom.find("textarea")
    assert len(dom.find("svg")) == len(pages), "only the grade charts"
    assert not any(k.startswith("on") for _, a in dom.elements for k in a)
    text = "".join(dom.text)
    assert "<script>document.body.setAttribute('data-pwned','script')" in text
    assert "</style><script>" in text and 'onerror="' in text
    assert 'href="javascript:' not in html and "<b>not bold</b>" in text
    assert dom.find("mark", data_rule="test.hostile")


def test_csp_allows_only_the_pages_own_script() -> None:
    html = render(Report([], {}))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp
    assert not re.search(r"<link|\bsrc=|@import|url\(", html)


def test_target_grade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "p.md"
    page.write_text(
        "# Title\n\nThe comprehensive multidisciplinary evaluation facilitates individualized care.\n"
    )
    assert ">target 8</text>" in lint_to(tmp_path, "html", [page]).read_text("utf-8")
    assert ">target 6.5</text>" in lint_to(tmp_path, "html", [page], "--target-grade", "6.5").read_text(
        "utf-8"
    )


# --- in headless Chromium ------------------------------------------------------------------------


def chromium(tmp_path: Path, *args: str) -> str:
    """Run headless Chromium with a fresh profile; returns stdout."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
    ]
    done = subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    assert not console, "the page logged errors or CSP violations:\n" + "\n".join(console)
    return done.stdout


def dump_dom(tmp_path: Path, page: Path) -> Dom:
    html = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert "<body" in html, "Chromium printed no DOM"
    return Dom(html)


@needs_chromium
@pytest.mark.parametrize("pages", page_sets())
def test_browser_shows_every_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: list[Path]
) -> None:
    monkeypatch.chdir(tmp_path)
    json_spans, json_docs = span_and_doc_counts(lint_to(tmp_path, "json", pages))
    dom = dump_dom(tmp_path, lint_to(tmp_path, "html", pages))
    assert dom.body.get("data-rendered-spans") == str(sum(json_spans.values())), "the page script ran"
    assert dom.body.get("data-rendered-document") == str(sum(json_docs.values()))
    assert_same_findings(dom, json_spans, json_docs)
    assert len(dom.find("svg")) == len(pages)
    assert "Page-level findings" in "".join(dom.text)
    assert "js" in (dom.find("html")[0].get("class") or "")


@needs_chromium
def test_browser_runs_no_hostile_script(hostile: tuple[list[Path], Path], tmp_path: Path) -> None:
    pages, rules = hostile
    json_spans, json_docs = span_and_doc_counts(
        lint_to(tmp_path, "json", pages, "--no-default-rules", "--rules", str(rules))
    )
    report = lint_to(tmp_path, "html", pages, "--no-default-rules", "--rules", str(rules))
    dom = dump_dom(tmp_path, report)
    assert "data-pwned" not in dom.body and not dom.find(None, data_pwned="")
    assert len(dom.find("script")) == 1 and not dom.find("img") and not dom.find("iframe")
    assert dom.body.get("data-rendered-spans") == str(sum(json_spans.values())), (
        "only the page's own script ran"
    )
    assert_same_findings(dom, json_spans, json_docs)
    assert "<script>document.body.setAttribute('data-pwned','entity')" in "".join(dom.text)


PROBE = """
var m = document.querySelector('mark[data-rule="test.hostile"]');
var pop = document.getElementById("pop"), out = [];
m.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
var shown = pop.textContent;
out.push(!pop.hidden && shown.indexOf(m.getAttribute("data-rule")) >= 0 && !!pop.querySelector(".rdoc a"));
m.dispatchEvent(new MouseEvent("mouseout", {bubbles: true}));
out.push(pop.hidden);
m.focus();  // headless windows may lack focus, so the focusin is also sent directly
m.dispatchEvent(new FocusEvent("focusin", {bubbles: true}));
out.push(!pop.hidden && m.tabIndex === 0);
m.click();
m.dispatchEvent(new MouseEvent("mouseout", {bubbles: true}));
out.push(!pop.hidden);
document.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape"}));
out.push(pop.hidden);
var box = document.querySelector('input[data-filter="c-' + m.getAttribute("data-category") + '"]');
box.checked = false;
box.dispatchEvent(new Event("change"));
out.push(getComputedStyle(m).backgroundColor === "rgba(0, 0, 0, 0)" && m.tabIndex === -1);
document.body.setAttribute("data-probe", out.join(","));
"""


@needs_chromium
def test_browser_popover_and_filters(hostile: tuple[list[Path], Path], tmp_path: Path) -> None:
    pages, rules = hostile
    html = lint_to(tmp_path, "html", pages, "--no-default-rules", "--rules", str(rules)).read_text("utf-8")
    probe_hash = "'sha256-" + base64.b64encode(hashlib.sha256(PROBE.encode()).digest()).decode() + "'"
    html = html.replace("script-src ", f"script-src {probe_hash} ", 1)
    page = tmp_path / "probe.html"
    page.write_text(html.replace("</body>", f"<script>{PROBE}</script></body>"), encoding="utf-8")
    probe = dump_dom(tmp_path, page).body.get("data-probe")
    assert probe == ",".join(["true"] * 6), "hover, leave, focus, click-pin, Escape, filter"


@needs_chromium
def test_screenshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    seeds = sorted(SEEDS.glob("*.txt"))[:1] if SEEDS.is_dir() else []
    pages = seeds or sorted((ROOT / "tests" / "corpus").glob("*.txt"))[:1]
    if not pages:
        pytest.skip("no page to render")
    shot = tmp_path / "report.png"
    chromium(
        tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", lint_to(tmp_path, "html", pages).as_uri()
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 2000)
    assert len(data) > 60_000, "a blank page compresses to a few kB"
