"""PDFs of the printable editions and packets, rendered by Debian's Chromium from the built site.

Each PDF has a contents list with page numbers (found in a first rendering, then filled in for
the second), page numbers in the footer, and the document outline as PDF bookmarks. After
writing a PDF, the link slots that pages reserve for it (``data-hb-pdf``) become real links;
without a browser nothing is made and nothing links to a file that does not exist.
"""

from __future__ import annotations

import functools
import http.server
import io
import os
import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
FOOTER = (
    '<div style="font-size:8px;width:100%;text-align:center;color:#333;font-family:sans-serif">'
    '<span class="title"></span> · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)
SLOT = re.compile(r'<p class="hb-pdf" data-hb-pdf="([^"]+)" data-hb-pdf-label="([^"]+)" hidden></p>')

# Builds the contents list: one entry per section heading of the article, with a page slot.
CONTENTS_JS = """() => {
  const article = document.querySelector("article");
  const headings = [...article.querySelectorAll("h2")].filter(h => !h.closest(".hb-pdf-contents"));
  const box = document.createElement("nav");
  box.className = "hb-pdf-contents";
  box.setAttribute("aria-label", "Contents");
  const title = document.createElement("h2");
  title.textContent = "Contents";
  box.appendChild(title);
  const list = document.createElement("ol");
  headings.forEach((h, i) => {
    const item = document.createElement("li");
    const label = document.createElement("span");
    label.textContent = h.textContent.replace(/¶$/, "").trim();
    const page = document.createElement("span");
    page.className = "hb-pdf-contents__page";
    page.textContent = "00";
    item.append(label, page);
    list.appendChild(item);
  });
  box.appendChild(list);
  const first = article.querySelector("h1");
  (first ? first.nextElementSibling || first : article.firstElementChild).before(box);
  return headings.map(h => h.textContent.replace(/¶$/, "").trim());
}"""


@dataclass(frozen=True)
class Target:
    """One PDF: the built page it is made from, and where it goes."""

    page: str  # site path of the HTML page, e.g. print/leadership-cohort/index.html
    pdf: str  # site path of the PDF, e.g. downloads/pdf/leadership-cohort-edition.pdf


def targets(site_dir: Path) -> list[Target]:
    """Every printable edition and packet the build wrote, with the PDF it becomes."""
    found = []
    for edition in sorted(site_dir.glob("print/*/index.html")):
        program = edition.parent.name
        found.append(Target(f"print/{program}/index.html", f"downloads/pdf/{program}-edition.pdf"))
        for kind, page in (("participant-packet", "packet"), ("facilitator-packet", "facilitator-packet")):
            if (site_dir / "programs" / program / page / "index.html").is_file():
                found.append(Target(f"programs/{program}/{page}/index.html", f"downloads/pdf/{program}-{kind}.pdf"))
    return found


def _squeeze(text: str) -> str:
    return "".join(text.split())  # Chromium's bookmarks can lose a space where a heading wraps


def _bookmarks(reader) -> list[tuple[str, int]]:
    """(title, 0-based page) of every bookmark, in document order."""
    out = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append((_squeeze(item.title), reader.get_destination_page_number(item)))

    walk(reader.outline)
    return out


def _page_numbers(pdf: bytes, headings: list[str]) -> list[int]:
    """The page each heading starts on, from the PDF's bookmarks (one per heading, in order).

    A heading without a bookmark is looked up in the pages' text instead, searching forward so
    repeated words do not confuse it (slower: the text of every page is extracted).
    """
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    marks = _bookmarks(reader)
    texts: list[str] | None = None
    numbers, page, position = [], 1, 0  # page 1 holds the contents list itself
    for heading in headings:
        wanted = _squeeze(heading)
        found = next((i for i in range(position, len(marks)) if marks[i][0] == wanted and marks[i][1] >= page), None)
        if found is not None:
            position, page = found + 1, marks[found][1]
        else:
            texts = texts or [_squeeze(p.extract_text() or "") for p in reader.pages]
            page = next((i for i in range(page, len(texts)) if wanted in texts[i]), page)
        numbers.append(page + 1)
    return numbers


def render(browser, base_url: str, target: Target) -> bytes:
    page = browser.new_page()
    try:
        page.goto(base_url + target.page, wait_until="load")
        page.emulate_media(media="print")
        headings = page.evaluate(CONTENTS_JS)
        options = dict(
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER,
            margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
            outline=True,
            tagged=True,
        )
        first = page.pdf(**options)
        numbers = _page_numbers(first, headings)
        page.evaluate(
            "(numbers) => document.querySelectorAll('.hb-pdf-contents__page').forEach((n, i) => n.textContent = numbers[i])",
            numbers,
        )
        return page.pdf(**options)
    finally:
        page.close()


def link_slots(site_dir: Path, made: dict[str, int]) -> int:
    """Turn each reserved slot for a PDF that now exists into a link; return how many were linked."""
    linked = 0
    site_dir = site_dir.resolve()
    for html_path in site_dir.rglob("*.html"):
        html = html_path.read_text("utf-8")
        if "data-hb-pdf=" not in html:
            continue
        here = html_path.parent.relative_to(site_dir).as_posix()

        def link(match: re.Match, here: str = here) -> str:
            nonlocal linked
            target, label = match.group(1), match.group(2)
            if target not in made:
                return match.group(0)
            linked += 1
            href = os.path.relpath(target, here)
            size = f"{made[target] / 1024:,.0f} KB"
            return f'<p class="hb-pdf"><a href="{href}" download>{label}</a> (PDF, {size})</p>'

        new = SLOT.sub(link, html)
        if new != html:
            html_path.write_text(new, "utf-8")
    return linked


def make_pdfs(site_dir: Path, chromium: str = CHROMIUM) -> int:
    """Render every target into ``site_dir``. Without Chromium, say the PDFs were skipped and exit 0."""
    site_dir = site_dir.resolve()
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: no built site here; run make build first", file=sys.stderr)
        return 1
    wanted = targets(site_dir)
    if not Path(chromium).exists():
        print(f"PDFs skipped: no Chromium at {chromium} (install Debian's chromium or set CHROMIUM_PATH); "
              f"{len(wanted)} PDF links stay hidden")
        return 0
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    # Chromium renders one PDF on about one core: render on up to two threads, each with its own
    # Playwright and browser (Playwright objects stay on the thread that made them). The largest
    # pages are dealt out first so the threads finish together.
    by_size = sorted(wanted, key=lambda t: -(site_dir / t.page).stat().st_size)
    lanes = max(1, min(2, os.cpu_count() or 1, len(by_size)))
    try:
        with ThreadPoolExecutor(lanes) as pool:
            results = dict(
                item
                for lane in pool.map(lambda i: _render_all(chromium, base_url, by_size[i::lanes]), range(lanes))
                for item in lane.items()
            )
    finally:
        server.shutdown()
    made: dict[str, int] = {}
    for target in wanted:  # written and reported in a fixed order
        data = results[target]
        out = site_dir / target.pdf
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        made[target.pdf] = len(data)
        print(f"wrote {target.pdf} ({len(data) / 1024:,.0f} KB)")
    print(f"linked {link_slots(site_dir, made)} PDF slots in the pages")
    return 0


def _render_all(chromium: str, base_url: str, targets: list[Target]) -> dict[Target, bytes]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            return {target: render(browser, base_url, target) for target in targets}
        finally:
            browser.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass
