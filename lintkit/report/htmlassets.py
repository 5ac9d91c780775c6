"""Static parts of the HTML report: the colour palette, the stylesheet and the inline script.

Colours are the Okabe-Ito palette (distinguishable with the common colour-vision deficiencies);
highlights are light tints under dark text, so contrast stays above WCAG AA, and severity is also
shown by the underline style (thick solid = error, solid = warning, dotted = info).
"""

from __future__ import annotations

import base64
import hashlib

CATEGORY_COLORS = {
    "claim": ("#E69F00", "rgba(230,159,0,.30)"),
    "misinfo": ("#D55E00", "rgba(213,94,0,.22)"),
    "spam": ("#CC79A7", "rgba(204,121,167,.32)"),
    "disclaimer": ("#0072B2", "rgba(0,114,178,.20)"),
    "readability": ("#009E73", "rgba(0,158,115,.24)"),
    "other": ("#6E7781", "rgba(110,119,129,.22)"),
}
SEVERITIES = ("error", "warning", "info")
OVER, UNDER = "#D55E00", "#0072B2"  # grade chart: above / within the target

_BASE_CSS = """
:root{--fg:#1f2328;--muted:#59636e;--bg:#f4f6f8;--card:#fff;--line:#d1d9e0;--accent:#0b5cad}
*{box-sizing:border-box}
html{scroll-behavior:smooth}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eef1f4;
padding:1px 5px;border-radius:4px}
.masthead{background:#14283d;color:#fff;padding:22px 32px}
.masthead h1{margin:0;font-size:24px;font-weight:650}
.masthead p{margin:4px 0 0;color:#c9d4df}
main{max-width:1100px;margin:0 auto;padding:20px 24px 60px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 22px;margin:18px 0;
box-shadow:0 1px 2px rgba(0,0,0,.04)}
h2{font-size:21px;margin:0 0 12px}
h3.sub{font-size:15px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:18px 0 8px}
.stats{display:flex;flex-wrap:wrap;gap:12px;margin:0 0 8px}
.stat{flex:1 1 120px;border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:#fafbfc}
.stat b{display:block;font-size:26px;line-height:1.2}
.stat span{color:var(--muted);font-size:14px}
table{border-collapse:collapse;width:100%;font-size:15px}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line)}
th{font-weight:600;color:var(--muted);font-size:13px;text-transform:uppercase;letter-spacing:.03em}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr.clean td{color:var(--muted)}
.sw{display:inline-block;width:14px;height:14px;border-radius:3px;vertical-align:-2px;margin-right:6px;
border:2px solid var(--c);background:var(--t)}
.badge{display:inline-block;font-size:12px;font-weight:600;padding:1px 8px;border-radius:10px;
border:1px solid var(--c,#8c959f);background:var(--t,#eef1f4);text-transform:uppercase;letter-spacing:.03em}
.badge.s-error{background:#fde7e9;border-color:#a40e26;color:#82071e}
.badge.s-warning{background:#fff4d4;border-color:#9a6700;color:#6b4500}
.badge.s-info{background:#e6f0fb;border-color:#0b5cad;color:#0a3d73}
.toolbar{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.97);border-bottom:1px solid var(--line);
padding:8px 24px;display:none;flex-wrap:wrap;gap:6px 22px;align-items:center;font-size:14px}
.js .toolbar{display:flex}
.toolbar fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center}
.toolbar legend{float:left;font-weight:600;margin-right:6px;color:var(--muted)}
.toolbar label{cursor:pointer;white-space:nowrap}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:14px;color:var(--muted);margin-top:10px}
.legend .ex{padding:0 4px}
.file>header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:8px}
.file h2{word-break:break-all}
.back{font-size:14px}
.meta{color:var(--muted);font-size:14px;margin:0 0 10px}
.panel{border-left:4px solid #9a6700;background:#fffaf0;border-radius:6px;padding:10px 16px;margin:12px 0}
.panel.ok{border-left-color:#1a7f37;background:#f0faf3}
.panel h3{margin:0 0 6px;font-size:16px}
.panel ul{margin:0;padding-left:0;list-style:none}
.docf{padding:6px 8px;margin:4px 0;border-radius:6px;border-left:4px solid var(--c);background:var(--t);
cursor:pointer}
.docf:focus{outline:3px solid #1f2328;outline-offset:1px}
figure.chart{margin:14px 0}
figure.chart svg{max-width:100%;height:auto;font-family:inherit}
figcaption{font-size:14px;color:var(--muted)}
.doctext{max-width:78ch;margin-top:10px}
.doctext p,.doctext li,.doctext blockquote,.doctext .cell{white-space:pre-wrap}
.doctext h3,.doctext h4,.doctext h5{margin:1.3em 0 .4em;line-height:1.3;scroll-margin-top:60px}
.doctext h3{font-size:20px}.doctext h4{font-size:18px}.doctext h5{font-size:16px}
.doctext blockquote{border-left:3px solid var(--line);margin:0 0 1em;padding-left:14px;color:#3d444d}
.doctext .cell{border:1px solid var(--line);padding:4px 8px;margin:2px 0}
.doctext .alt{color:var(--muted);font-style:italic}
.doctext .alt::before{content:"Image text: ";font-style:normal;font-weight:600}
mark.hl{color:inherit;background:var(--t);border-bottom:2px solid var(--c);padding:1px 0;border-radius:2px;
cursor:pointer;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.hl.s-error{border-bottom-width:3px}
mark.hl.s-info{border-bottom-style:dotted}
mark.hl.pt::before{content:"\\25B2";color:var(--c);font-size:11px}
mark.hl:focus{outline:3px solid #1f2328;outline-offset:1px}
mark.hl.hover{outline:2px solid var(--c);outline-offset:1px}
.unplaced li{margin:4px 0}
#pop{position:absolute;z-index:10;max-width:min(460px,92vw);background:#fff;border:1px solid #8c959f;
border-radius:8px;box-shadow:0 8px 24px rgba(31,35,40,.2);padding:10px 14px;font-size:14px;line-height:1.45}
#pop .detail+.detail{border-top:1px solid var(--line);margin-top:8px;padding-top:8px}
.detail p{margin:4px 0}.detail .msg{font-weight:600}.detail .loc,.rdoc{color:var(--muted)}
.rdoc ul{margin:4px 0;padding-left:18px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
footer{color:var(--muted);font-size:13px;text-align:center;margin-top:30px}
@media print{.toolbar,#pop{display:none!important}.card{break-inside:avoid-page}}
"""


def _filter_css() -> str:
    """Colour variables per category, and the rules that switch filtered findings off."""
    off = "{background:none;border-bottom-color:transparent;cursor:auto}"
    out = []
    for cat, (color, tint) in CATEGORY_COLORS.items():
        out.append(f".c-{cat}{{--c:{color};--t:{tint}}}")
        out.append(f".hide-c-{cat} mark[data-f].c-{cat}{off}")
        out.append(f".hide-c-{cat} .docf.c-{cat}{{display:none}}")
    for sev in SEVERITIES:
        out.append(f".hide-s-{sev} mark[data-f].s-{sev}{off}")
        out.append(f".hide-s-{sev} .docf.s-{sev}{{display:none}}")
    return "\n".join(out)


CSS = _BASE_CSS + _filter_css()

# Filters and popovers only. Finding details are cloned from hidden elements already in the page
# (never built from strings), and the page records how many highlights it rendered in <body> so
# tests and scripts can read the counts from the DOM.
SCRIPT = """
(function () {
  var d = document, body = d.body, pop = d.getElementById("pop"), pinned = null, lit = [];
  d.documentElement.classList.add("js");
  body.setAttribute("data-rendered-spans", d.querySelectorAll("mark[data-rule]").length);
  body.setAttribute("data-rendered-document", d.querySelectorAll("[data-rule][data-document]").length);
  function owner(el) { return el && el.closest ? el.closest("[data-f]") : null; }
  function chain(el) {
    var out = [];
    for (; el; el = el.parentElement ? el.parentElement.closest("[data-f]") : null) out.push(el);
    return out;
  }
  function light(on, n) {
    d.querySelectorAll('mark[data-f="' + n + '"]').forEach(function (m) { m.classList.toggle("hover", on); });
  }
  function show(el) {
    var els = chain(el);
    pop.textContent = "";
    lit.forEach(function (n) { light(false, n); });
    lit = [];
    els.forEach(function (e) {
      var n = e.getAttribute("data-f"), src = d.getElementById("d-" + n);
      if (!src) return;
      var box = src.cloneNode(true), rd = d.getElementById(src.getAttribute("data-rdoc") || "");
      box.removeAttribute("id"); box.hidden = false;
      if (rd) { var c = rd.cloneNode(true); c.removeAttribute("id"); c.hidden = false; box.appendChild(c); }
      pop.appendChild(box); lit.push(n); light(true, n);
    });
    pop.hidden = false;
    var r = el.getBoundingClientRect(), w = pop.offsetWidth, h = pop.offsetHeight;
    var left = Math.max(8, Math.min(r.left, d.documentElement.clientWidth - w - 8));
    var top = r.bottom + 6 + h > window.innerHeight && r.top > h + 6 ? r.top - h - 6 : r.bottom + 6;
    pop.style.left = left + window.scrollX + "px";
    pop.style.top = top + window.scrollY + "px";
  }
  function hide() {
    pinned = null; pop.hidden = true;
    lit.forEach(function (n) { light(false, n); }); lit = [];
  }
  d.addEventListener("mouseover", function (e) { var t = owner(e.target); if (t && !pinned) show(t); });
  d.addEventListener("mouseout", function (e) {
    var t = owner(e.target);
    if (t && !pinned && !(e.relatedTarget && t.contains(e.relatedTarget))) hide();
  });
  d.addEventListener("focusin", function (e) { var t = owner(e.target); if (t) { pinned = null; show(t); } });
  d.addEventListener("focusout", function () { if (!pinned) hide(); });
  d.addEventListener("click", function (e) {
    var t = owner(e.target);
    if (t) { if (pinned === t) { hide(); } else { show(t); pinned = t; } }
    else if (!pop.contains(e.target)) hide();
  });
  d.addEventListener("keydown", function (e) {
    if (e.key === "Escape") hide();
    var t = owner(e.target);
    if (t && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      if (pinned === t) hide(); else { show(t); pinned = t; }
    }
  });
  function applyFilters() {
    d.querySelectorAll("input[data-filter]").forEach(function (i) {
      body.classList.toggle("hide-" + i.getAttribute("data-filter"), !i.checked);
    });
    var shown = 0;
    d.querySelectorAll("[data-rule]").forEach(function (m) {
      var off = body.classList.contains("hide-c-" + m.getAttribute("data-category")) ||
        body.classList.contains("hide-s-" + m.getAttribute("data-severity"));
      m.tabIndex = off ? -1 : 0;
      if (!off) shown++;
    });
    d.getElementById("shown").textContent = shown + " shown";
    hide();
  }
  d.querySelectorAll("input[data-filter]").forEach(function (i) {
    i.addEventListener("change", applyFilters);
  });
  applyFilters();
})();
"""


def script_hash(script: str = SCRIPT) -> str:
    """The CSP source expression ('sha256-...') that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp(script: str = SCRIPT) -> str:
    """A strict Content-Security-Policy: nothing loads, only this page's own script and styles run."""
    return (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src {script_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
