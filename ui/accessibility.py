"""What Streamlit's own components need to meet WCAG 2.1 AA (issue 32), drawn once per run by the frame.

The theme (.streamlit/config.toml [theme]) fixes what it can: a primary red dark enough that the
selected language reads at 4.5:1 on its tint. The rest Streamlit draws in fixed colours the theme
does not reach, so a style sheet overrides them:

- captions (st.caption) are 60 % of the text colour: 3.9:1 on white;
- the menu's current page is a "disabled" link in 40 % grey (2.3:1): it is where the reader is, so
  it is drawn as such, in full text colour on a tint, and named for screen readers (aria-current);
- a menu link with the keyboard's focus only turns a faint grey, and a table (st.dataframe, drawn on a
  canvas) shows no focus at all: both get a ring like the widgets'. The table's ring is drawn while
  anything in it has the focus (:focus-within): the grid hands the focus from its canvas to a cell of
  the table it keeps for screen readers, by script, which took a ring on the canvas away, and the cell
  does not always count as :focus-visible; a ring after a click into the table does no harm;
- code blocks colour their syntax with Streamlit's fixed palette (2.7:1 to 3.6:1 on the code's
  grey): the same hues, darker.

A small script (once per browser tab) makes code blocks that scroll sideways focusable, so a
keyboard can scroll them, and names them; it also marks the current page in the menu.
"""

from __future__ import annotations

import json
from functools import cache

import streamlit as st

from lib.core import i18n
from lib.core.i18n import _

# Warm greys with Streamlit's text colour (#2f2d2b); each at 4.5:1 or more on white, on the sidebar
# (#f8f8f7) and on widgets and code (#f1f0ee, #f7f7f6).
TEXT = "#2f2d2b"  # Streamlit's light theme text colour
CAPTION = "#62605e"  # 6.3:1 on white, 5.5:1 on #f1f0ee
FOCUS = "#b3303d"  # the theme's primary red, as Streamlit rings its own widgets
CURRENT_PAGE_TINT = "rgba(179, 48, 61, 0.08)"  # the theme's primary red, faint
# Syntax colours in code blocks: Streamlit's hues, darkened to 4.7:1 or more on the code's #f7f7f6.
CODE_TOKENS = {
    ".token.comment, .token.prolog, .token.doctype, .token.cdata, .token.punctuation, .token.unchanged.line": (
        "#5f6374"
    ),
    ".token.attr-name, .token.property, .token.variable, .token.parameter": "#00758f",
    ".token.boolean, .token.constant, .token.symbol, .token.inserted.line, .token.inserted.prefix": "#177a3c",
    ".token.string, .token.char, .token.attr-value": "#177a3c",
    ".token.number, .token.regex": "#16786b",
    ".token.operator, .token.entity, .token.decorator, .token.atrule": "#ad4e0c",
    ".token.keyword, .token.tag, .token.function, .token.class-name, .token.selector": "#1565c0",
    ".token.important, .token.title, .token.deleted.line, .token.deleted.prefix": "#b3261e",
}


def _code_rules() -> str:
    out = []
    for selectors, colour in CODE_TOKENS.items():
        scoped = ", ".join(f'[data-testid="stCode"] {s.strip()}' for s in selectors.split(","))
        out.append(f"{scoped} {{ color: {colour}; }}")
    return "\n".join(out)


CSS = f"""<style>
[data-testid="stCaptionContainer"] {{ color: {CAPTION}; opacity: 1; }}
[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"][disabled] {{
  background: {CURRENT_PAGE_TINT}; opacity: 1; }}
[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"][disabled] span,
[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"][disabled] p {{
  color: {TEXT}; font-weight: 600; opacity: 1; }}
[data-testid="stElementContainer"]:has(.registry-a11y) {{ display: none; }}
/* the decision tree keeps a readable size on a phone: its box scrolls sideways rather than shrink the
   picture to 390 px, where its text was about 5 px (issue 28); a desktop column is wider than this */
[data-testid="stGraphVizChart"] {{ overflow-x: auto; }}
[data-testid="stGraphVizChart"] svg {{ min-width: 900px; }}
/* the phone's path-only tree (pages/recommendation.py) is one column: it fits the screen whole */
[class*="st-key-narrowchart_"] [data-testid="stGraphVizChart"] svg {{ min-width: 0; max-width: 100%; }}
[data-testid="stDataFrame"]:focus-within,
[data-testid="stGraphVizChart"]:focus-visible, [id^="st-graphviz-chart"]:focus-visible,
[data-testid="stPageLink-NavLink"]:focus-visible, [data-testid="stCode"] pre:focus-visible {{
  outline: 2px solid {FOCUS}; outline-offset: 2px; }}
{_code_rules()}
</style>"""

# Korean typography (issue 28): Hangul may break between any two syllables, so a narrow column broke
# words in two ("자체 호스/팅", "게이트웨/이"); keep-all breaks only at spaces, as Korean text is set
# (a long unbroken run may still wrap anywhere rather than overflow). Korean has no italics: the
# emphasis *…* gives is drawn as weight, the way Korean documents set it, and a code block's Korean
# comments (the Bill and Measure pages' instructions) stand upright.
# Streamlit draws a placeholder (stSkeleton) for each element whose code a fresh page has not loaded yet,
# 36-50 of them on a page's first load, each with a shimmer: an animated gradient that has the browser
# paint every frame until the code arrives. Without a GPU (a VM, a remote desktop, the CI's Chromium) on a
# busy machine the shimmer cost more than the page itself: a /compare load took 8-23 s with it and 5-6 s
# without, the compositor's thread busy 8.5-31 s against 0.5-0.7 s (Chrome traces, 2 cores at load 7-11; on
# a quiet machine the placeholders live too briefly to matter: bench/browser_load.py). A still grey box says
# "loading" as well (issue 23: the suite's browser time; issue 29: the first paint).
STILL_PLACEHOLDERS = """<style>
[data-testid="stSkeleton"] { animation: none !important; }
</style>"""
KOREAN_CSS = """<style>
[data-testid="stAppViewContainer"] *, [data-testid="stSidebar"] *, [role="dialog"] *, [data-baseweb="popover"] * {
  word-break: keep-all !important; overflow-wrap: anywhere; }
[data-testid="stAppViewContainer"] em, [data-testid="stSidebar"] em, [data-testid="stAppViewContainer"] i,
[data-testid="stSidebar"] i:not([class*="material"]) { font-style: normal; font-weight: 600; }
[data-testid="stCode"] .token.comment { font-style: normal; }
</style>"""

# Runs in the page itself (st.html with its script allowed), once per tab however often it is drawn:
# Streamlit may re-create the element (re-running the script) when a rerun redraws it, so a flag on the
# window keeps one timer; a new language only updates the words it reads. The window outlives every
# rerun and page change, so the timer does too (unlike a frame's, which goes with its element).
# A check once a second, like the chart names in ui/copy_link.py: no observer on the page's nodes.
SCRIPT = """<span class="registry-a11y"></span><script>
(() => {
  const words = @@WORDS@@;
  window.registryA11yWords = words;
  if (window.registryA11y) return;
  window.registryA11y = true;
  function mark() {
    const w = window.registryA11yWords;
    // the page's language for screen readers, hyphenation and CJK line breaking (Streamlit writes "en")
    if (document.documentElement.lang !== w.lang) document.documentElement.lang = w.lang;
    // code blocks and the decision tree (it scrolls sideways on a phone): a box that scrolls takes the focus
    const boxes = '[data-testid="stCode"] pre, [data-testid="stGraphVizChart"], [id^="st-graphviz-chart"]';
    for (const pre of document.querySelectorAll(boxes)) {
      const name = pre.tagName === "PRE" ? w.code : w.tree;
      const scrolls = pre.scrollWidth > pre.clientWidth + 1 || pre.scrollHeight > pre.clientHeight + 1;
      if (scrolls && pre.getAttribute("tabindex") !== "0") {
        pre.setAttribute("tabindex", "0"); pre.setAttribute("role", "region");
        pre.setAttribute("aria-label", name);
      } else if (!scrolls && pre.hasAttribute("tabindex")) {
        pre.removeAttribute("tabindex"); pre.removeAttribute("role"); pre.removeAttribute("aria-label");
      } else if (scrolls && pre.getAttribute("aria-label") !== name) {
        pre.setAttribute("aria-label", name);
      }
    }
    // Streamlit's own English (its file uploader's instructions and button, the skip link, a text or number
    // input's "Press Enter to apply", a select box's "No results" when a search matches nothing) has no
    // option to set it (streamlit 1.67's widgets take no texts for them): in another language its words are
    // replaced where they stand, as text, so a screen reader says them too (seventh and eighth Korean
    // reviews). A select box's list (its listbox) is drawn at the end of the page while it is open.
    if (w.own) {
      const spots = '[data-testid="stFileUploaderDropzone"], [data-testid="stSkipToContent"], '
        + '[data-testid="InputInstructions"], [role="listbox"]';
      for (const box of document.querySelectorAll(spots)) {
        const walk = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        for (let t = walk.nextNode(); t; t = walk.nextNode()) {
          const was = t.nodeValue.trim();
          if (!was) continue;
          let now = w.own[was];
          const limit = /^(?:Limit )?(\\S+) per file(.*)$/.exec(was);
          // "1MB" as Korean writes a size, "1 MB" (ninth Korean review)
          const size = limit ? limit[1].replace(/^([\\d.,]+)([KMGT]?B)$/, "$1 $2") : "";
          if (now === undefined && limit) now = w.own.perFile.replace("{size}", size) + limit[2];
          const press = /^Press (\\S+) to apply$/.exec(was);
          if (now === undefined && press) now = w.own.press.replace("{keys}", press[1]);
          if (now !== undefined && now !== was) t.nodeValue = now;
        }
      }
    }
    for (const a of document.querySelectorAll('[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"]')) {
      const here = a.hasAttribute("disabled");
      if (here && a.getAttribute("aria-current") !== "page") a.setAttribute("aria-current", "page");
      if (!here && a.hasAttribute("aria-current")) a.removeAttribute("aria-current");
    }
  }
  mark();
  setInterval(mark, 1000);
  // and as soon as the page changes (a new page's tree or code block is marked before anyone tabs to it)
  let queued = false;
  new MutationObserver(() => {
    if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; mark(); }); }
  }).observe(document.body, {childList: true, subtree: true});
  // On a phone the sidebar covers most of the screen and stayed open after every menu tap (issue 28):
  // after a tap on a page link on a narrow screen, close it with its own button, once the page has
  // started to change (its links are React's, so the tap itself goes through first).
  document.addEventListener("click", (ev) => {
    const link = ev.target.closest && ev.target.closest('[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"]');
    if (!link || window.innerWidth > 640) return;
    setTimeout(() => {
      const close = document.querySelector('[data-testid="stSidebar"] [data-testid="stSidebarCollapseButton"] button')
        || document.querySelector('[data-testid="stSidebarCollapseButton"] button');
      const sidebar = document.querySelector('[data-testid="stSidebar"]');
      if (close && sidebar && sidebar.getAttribute("data-collapsed") !== "true") close.click();
    }, 150);
  }, true);
})();
</script>"""


@cache  # per language: the same HTML on every rerun
def _script(lang: str) -> str:
    with i18n.using(lang):
        words: dict[str, object] = {
            "code": _("Code: scroll it with the arrow keys"),
            "tree": _("Decision tree: scroll it with the arrow keys"),
            "lang": lang,
        }
        if lang != "en":  # Streamlit's own words, each as its English reads (every wording 1.67 uses)
            drop = _("Drag and drop a file here")
            words["own"] = {
                "Drag and drop file here": drop,
                "Drag and drop a file here": drop,
                "Drag and drop files here": drop,
                "Browse files": _("Choose a file"),
                "Upload": _("Choose a file"),
                "Skip to main content": _("Skip to main content"),
                "perFile": _("up to {size} per file"),
                # a text or number input's hint ("Press Enter to apply"; ⌘+Enter or Ctrl+Enter in a text area)
                "press": _("Press {keys} to apply"),
                "No results": _("No results"),
            }
    return SCRIPT.replace("@@WORDS@@", json.dumps(words, ensure_ascii=False))


def style_sheet(also: str = "") -> None:
    """Once per run, anywhere on the page: one element holds the style sheets, the script and `also` (other
    HTML of the frame: ui/chart.CSS, ui/share.query_marker). It stays in place (it holds hidden elements),
    its element container hidden by the style sheet's own rule (no gap in the page). One element, not two:
    each element is a message of its own, the server's event loop woken once for it (issue 29, sixth round)."""
    st.html(also + CSS + _script(i18n.lang()), unsafe_allow_javascript=True)


def early_style() -> None:
    """First thing in a run, before any element that could wait for its code: the still placeholders, and
    in Korean the line breaks (sent with the frame's style sheet at the end of the run, the sidebar's
    captions were drawn first and broke Hangul mid-word while the page loaded: issue 28, fifth review).
    Style-only HTML goes to Streamlit's event container: no space taken."""
    st.html(STILL_PLACEHOLDERS + (KOREAN_CSS if i18n.lang() == "ko" else ""))
