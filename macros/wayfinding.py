"""Finding one's way: learning paths, the start-here chooser, tags, the glossary, frameworks.

Indexes are generated from the data and from the pages' own front matter, so a new page or
path appears everywhere it should without a second list to keep in step.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

from .markup import cell, esc, is_word_char, md, minutes_label, plain_text, plural, radio, slug, table
from .page import Page
from .pages import front_matter, path_src, template_src, unit_src
from .registry import macro

ABBREVIATION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$")
GLOSSARY_FILE = Path("includes") / "abbreviations.md"


def parse_abbreviations(text: str) -> list[tuple[str, str]]:
    """``*[ADR]: Architecture decision record: …`` lines as (term, meaning) pairs."""
    return [(m.group(1), m.group(2).strip()) for line in text.splitlines() if (m := ABBREVIATION.match(line.strip()))]


def abbreviation_footer(entries: list[tuple[str, str]], text: str) -> str:
    """The definitions (``*[ADR]: …``) of the abbreviations ``text`` uses, for Markdown's abbr extension.

    Only those a page uses, each its own block: the extension re-reads a block once per
    definition in it, so the whole glossary as one block on every page cost a third of the build.
    A term is used where it stands as a whole word. Each term the text contains is looked up on
    its own; only when one such term is a whole word inside another (``PCI`` in ``PCI DSS``) does
    one regular expression, longest term first, decide which of them the text really uses.
    """
    present = [term for term, _ in entries if term in text]
    if any(not (is_word_char(term[0]) and is_word_char(term[-1])) for term in present) or any(
        shorter != longer and _whole_word_in(shorter, longer) for shorter in present for longer in present
    ):
        terms = sorted(present, key=len, reverse=True)
        used = set(re.findall(r"\b(" + "|".join(re.escape(term) for term in terms) + r")\b", text))
    else:
        used = {term for term in present if _whole_word_in(term, text)}
    return "".join(f"\n\n*[{term}]: {meaning}" for term, meaning in entries if term in used)


def _whole_word_in(term: str, text: str) -> bool:
    """Whether ``term`` (starting and ending with a word character) occurs in ``text`` as ``\\bterm\\b`` would."""
    start = text.find(term)
    while start != -1:
        end = start + len(term)
        if not is_word_char(text[start - 1 : start]) and not is_word_char(text[end : end + 1]):
            return True
        start = text.find(term, start + 1)
    return False


def glossary_table(entries: list[tuple[str, str]]) -> str:
    """One row per term; plural entries (ADRs) exist only so hover works, and fold into the singular."""
    terms = {term for term, _ in entries}
    rows = [
        (f"**{md(term)}**", cell(meaning))
        for term, meaning in sorted(entries, key=lambda e: e[0].lower())
        if not (term.endswith("s") and term[:-1] in terms)
    ]
    return table(("Abbreviation", "Meaning"), rows)


def path_steps_markdown(steps: list[tuple[str, str, int, str]]) -> str:
    """A learning path as a numbered route: (title, link, minutes, why) per step, then the total."""
    out = [
        f"{number}. **[{md(title)}]({link})** · {minutes_label(minutes)}\n\n    {md(why)}\n"
        for number, (title, link, minutes, why) in enumerate(steps, 1)
    ]
    total = sum(step[2] for step in steps)
    return "\n".join(out) + f"\n\n**Total:** about {minutes_label(total)} over {plural(len(steps), 'step')}.\n"


def chooser_html(questions: list[tuple[str, str, list[tuple[str, str]]]], routes_json: str, paths_json: str) -> str:
    """The start-here form: one radio group per question; the browser routes the answers to a path."""
    out = [
        f'<form class="hb-chooser" data-hb-chooser data-hb-routes="{esc(routes_json)}" data-hb-paths="{esc(paths_json)}" hidden>'
    ]
    for qid, text, answers in questions:
        out.append(f'<fieldset class="hb-chooser__question"><legend>{esc(text)}</legend>')
        out.extend(
            f"<p>{radio(qid, aid, label, f'hb-choose-{qid}-{aid}', required=True)}</p>" for aid, label in answers
        )
        out.append("</fieldset>")
    out.append('<p><button type="submit" class="md-button md-button--primary">Show my path</button></p>')
    out.append('<div class="hb-chooser__result" role="status" aria-live="polite"></div>')
    out.append("</form>")
    return "\n".join(out) + "\n"


def changelog_markdown(entries: list[list[str]]) -> str:
    """Commits as a dated list, newest first: (date, hash, subject)."""
    if not entries:
        return "No content changes recorded yet.\n"
    return "\n".join(f"- **{date}**: {md(subject)} (`{commit}`)" for date, commit, subject in entries) + "\n"


def _page_title(page: Page, src: str) -> str:
    title = front_matter((page.site.docs_dir / src).read_text("utf-8")).get("title")
    if not title:
        raise page.fail(f"docs/{src} has no title in its front matter")
    return str(title)


# --- learning paths and the chooser -------------------------------------------------------------


@macro
def learning_path(page: Page) -> str:
    """The route on a learning path's page (``path_id`` in its front matter)."""
    path = page.named("path_id", page.book.paths, "data/paths/")
    steps = [(_page_title(page, s.page), page.md_link(s.page), s.minutes, s.why) for s in path.steps]
    return path_steps_markdown(steps)


@macro
def learning_path_intro(page: Page) -> str:
    path = page.named("path_id", page.book.paths, "data/paths/")
    return f"**Who it is for:** {md(path.role)}\n\n**Where it gets you:** {md(path.summary)}\n"


@macro
def path_list(page: Page) -> str:
    """Every learning path with who it is for and how long it takes (works without JavaScript)."""
    lines = []
    for path in page.book.paths.values():
        total = minutes_label(sum(s.minutes for s in path.steps))
        lines.append(f"- **[{md(path.title)}]({page.md_link(path_src(path.id))})** ({total}): {md(path.role)}")
    return "\n".join(lines) + "\n"


@macro
def start_here_chooser(page: Page) -> str:
    chooser = page.book.chooser
    if chooser is None:
        raise page.fail("start_here_chooser() needs data/chooser.yml")
    questions = [(q.id, q.text, [(a.id, a.label) for a in q.answers]) for q in chooser.questions]
    routes = json.dumps([{"when": r.when, "path": r.path} for r in chooser.routes])
    paths = json.dumps(
        {
            p.id: {
                "title": p.title,
                "url": page.html_url(path_src(p.id)),
                "role": p.role,
                "total": minutes_label(sum(s.minutes for s in p.steps)),
                "steps": [
                    {
                        "title": _page_title(page, s.page),
                        "url": page.html_url(s.page),
                        "time": minutes_label(s.minutes),
                        "why": plain_text(s.why),
                    }
                    for s in p.steps
                ],
            }
            for p in page.book.paths.values()
        }
    )
    return chooser_html(questions, routes, paths) + page.include_assets("chooser.js")


# --- tags, glossary, frameworks -------------------------------------------------------------------


@macro
def tag_index(page: Page) -> str:
    """Every tag in the vocabulary with the number of pages carrying it, linked to its page."""
    counts: Counter[str] = Counter()
    for path in page.site.docs_dir.rglob("*.md"):
        counts.update(front_matter(path.read_text("utf-8")).get("tags") or [])
    rows = []
    for tag in sorted(counts, key=str.lower):
        target = f"tags/{slug(tag)}.md"
        if not page.exists(target):
            raise page.fail(f"tag '{tag}' has no listing page docs/{target}")
        rows.append(f"- [{md(tag)}]({page.md_link(target)}): {plural(counts[tag], 'page')}")
    return "\n".join(rows) + "\n"


@macro
def glossary(page: Page) -> str:
    """The glossary page's table, from the same file that explains abbreviations on hover."""
    return glossary_table(parse_abbreviations((page.site.root / GLOSSARY_FILE).read_text("utf-8")))


@macro
def framework_table(page: Page) -> str:
    """Every framework page with its description, read from the pages' own front matter."""
    rows = []
    for path in sorted((page.site.docs_dir / "frameworks").glob("*.md")):
        if path.stem == "index":
            continue
        meta = front_matter(path.read_text("utf-8"))
        title, text = str(meta.get("title", "")), str(meta.get("description", ""))
        rows.append((title, f"[{md(title)}]({page.md_link(f'frameworks/{path.name}')})", cell(text)))
    rows.sort(key=lambda row: row[0].lower())
    return table(("Framework", "What it helps with"), [row[1:] for row in rows])


@macro
def framework_where_used(page: Page) -> str:
    """The units and templates whose data name this framework page (docs/frameworks/<id>.md)."""
    if not (page.src.startswith("frameworks/") and page.src.count("/") == 1):
        raise page.fail("framework_where_used() only works on a page in docs/frameworks/")
    units, templates = page.book.framework_uses(Path(page.src).stem)
    lines = [page.link_item(f"{p.title}, {p.unit_heading(u)}", unit_src(p.id, u.id)) for p, u in units]
    lines += [page.link_item(f"Template: {t.title}", template_src(t.id)) for t in templates]
    return "\n".join(lines) + "\n" if lines else "No program or template names this framework yet.\n"


@macro
def content_changes(page: Page, limit: int = 40) -> str:
    """Recent commits that changed pages or data, newest first, from git history."""
    command = ["git", "-C", str(page.site.root), "log", f"-n{int(limit)}", "--date=short"]
    command += ["--format=%ad%x09%h%x09%s", "--", "docs", "data"]
    try:
        log = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "The change history is not available in this build: it was built outside a git repository.\n"
    return changelog_markdown([line.split("\t", 2) for line in log.splitlines() if line.count("\t") >= 2])
