"""The "Copy share link" button: one click puts this page's link, with every input, on the
clipboard and says so. Streamlit has no copy button of its own outside st.code, so this is a
small HTML component. Its HTML never changes, so the browser keeps the same frame across reruns
(no reload per keypress). At click time it waits for a run in progress to finish, then builds the
link from the page's address and the query of the inputs the page shows, which each run writes into
the page (ui/share.query_marker): the address bar itself can be a message behind. When the address
bar and the inputs disagree, it says so.

The same frame names the charts for screen readers (role="img" and the chart's title as its
accessible name): Plotly draws them as unnamed SVG.
"""

from __future__ import annotations

import json
from functools import cache

import streamlit as st

from lib.core import i18n
from lib.core.i18n import _

HEIGHT = 64

HTML = """<!doctype html><html><head><style>
body { margin: 0; font-family: "Source Sans Pro", "Source Sans 3", system-ui, sans-serif; \
font-size: 15px; color: #262730; }
button { display: inline-flex; align-items: center; gap: 6px; min-height: 40px; padding: 4px 14px; width: 100%;
  justify-content: center; border: 1px solid rgba(49, 51, 63, 0.3); border-radius: 8px; background: #fff;
  color: #262730; font: inherit; cursor: pointer; }
button:hover { border-color: #c7312c; color: #a3231f; }
button:focus-visible { outline: 2px solid #1c5fb0; outline-offset: 2px; }
svg { width: 18px; height: 18px; fill: currentColor; }
#status { display: block; font-size: 13px; color: #31613a; min-height: 18px; text-align: center; }
#status.bad { color: #9c1c1c; }
</style></head><body>
<button id="copy" type="button"><svg viewBox="0 0 24 24" aria-hidden="true">\
<path d="M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2z\
m0 16H8V7h11v14z"/>\
</svg>@@COPY@@</button>
<span id="status" role="status" aria-live="polite"></span>
<script>
const button = document.getElementById("copy"), status = document.getElementById("status");
// The link: this page's address with the query of the inputs the page shows, which the last run wrote
// into the page (ui/share.query_marker). Read after the run in progress, if any, has finished (at most
// 10 s): a click during a run copies what the user sees, not what the address bar held a moment ago.
function doc() { try { return window.parent.document; } catch (e) { return null; } }
function running() { const d = doc(); return !!(d && d.querySelector('[data-testid="stStatusWidget"]')); }
function pageQuery() {
  const d = doc(), m = d && d.querySelector("[data-share-query]");
  return m ? m.getAttribute("data-share-query") : null;
}
function address() { try { return window.parent.location; } catch (e) { return null; } }
function link() {
  const a = address(), q = pageQuery();
  if (!a) return document.referrer;
  return q === null ? a.href : a.origin + a.pathname + (q ? "?" + q : "");
}
function params(s) {  // order-free; Streamlit's own embed options are no input
  return Array.from(new URLSearchParams(s)).filter(p => !/^embed(_options)?$/i.test(p[0]))
    .map(p => p.join("=")).sort().join("&");
}
function addressBehind() {  // the address bar holds other inputs than the page shows
  const a = address(), q = pageQuery();
  return !!a && q !== null && params(a.search) !== params(q);
}
async function idle() {
  for (let i = 0; i < 200 && running(); i++) await new Promise(r => setTimeout(r, 50));
}
async function copy(text) {
  try { await navigator.clipboard.writeText(text); return true; } catch (e) { /* not a secure context: old way */ }
  const t = document.createElement("textarea"); t.value = text; document.body.appendChild(t); t.select();
  let ok = false; try { ok = document.execCommand("copy"); } catch (e) {} t.remove(); return ok;
}
function say(text, bad, note) {
  status.className = bad ? "bad" : ""; status.textContent = text; status.dataset.note = note || "";
}
button.addEventListener("click", async () => {
  await idle();
  const behind = addressBehind(), ok = await copy(link());
  say(ok ? (behind ? @@COPIED_BEHIND@@ : @@COPIED@@) : @@FAILED@@, !ok);
  clearTimeout(window.clearStatus); window.clearStatus = setTimeout(() => { say(""); }, 8000);
});
// The page says so when its address bar and its inputs disagree once it is idle (ui/share.publish keeps
// them equal; this is the reader's warning if they ever part).
function checkAddress() {
  if (running()) return;
  if (addressBehind()) { if (!status.textContent) say(@@MISMATCH@@, true, "mismatch"); }
  else if (status.dataset.note === "mismatch") say("");
}
// Accessible names for the page's charts: the first SVG of each gets role img and the chart's title.
// A check once a second, not a MutationObserver: observing the page would record every node
// plotly draws on each rerun, on the path of the keypress-to-chart latency.
function nameCharts() {
  let doc; try { doc = window.parent.document; } catch (e) { return; }
  for (const gd of doc.querySelectorAll(".js-plotly-plot")) {
    const svg = gd.querySelector("svg.main-svg"); if (!svg) continue;
    const raw = (gd.layout && gd.layout.title && (gd.layout.title.text || gd.layout.title)) || "";
    const name = String(raw).replace(/<[^>]*>/g, " ").replace(/\\s+/g, " ").trim() || @@CHART@@;
    if (svg.getAttribute("aria-label") !== name) { svg.setAttribute("role", "img"); \
svg.setAttribute("aria-label", name); }
  }
}
nameCharts();
setInterval(() => { nameCharts(); checkAddress(); }, 1000);
// The page's language for screen readers and the browser's own translation offer: Streamlit writes lang="en".
try { window.parent.document.documentElement.lang = @@LANG@@; } catch (e) {}
</script></body></html>"""


@cache  # per language: the same HTML on every rerun keeps the browser's frame (no reload per keypress)
def _html(lang: str) -> str:
    with i18n.using(lang):
        words = {
            "@@COPY@@": _("Copy share link"),
            "@@COPIED@@": json.dumps(_("Link copied: it reopens every input on this page.")),
            "@@COPIED_BEHIND@@": json.dumps(
                _("Link copied with the inputs on this page (the address bar was still behind them).")
            ),
            "@@MISMATCH@@": json.dumps(
                _("The address bar does not hold the inputs on this page: use Copy share link.")
            ),
            "@@FAILED@@": json.dumps(_("Could not copy: copy the address bar instead.")),
            "@@CHART@@": json.dumps(_("Chart")),
            "@@LANG@@": json.dumps(lang),
        }
    html = HTML.replace("<html>", f'<html lang="{lang}">', 1)
    for k, v in words.items():
        html = html.replace(k, v)
    return html


def button() -> None:
    st.iframe(_html(i18n.lang()), height=HEIGHT)
