"""mkdocs-macros entry point: load ``data/`` once per build and expose page macros.

Pages call these macros; each one renders a section from the data through the pure
functions in :mod:`macros.render`. A page says which program unit or template it shows in
its front matter (``program`` + ``unit``, or ``template_id``), so the calls take no
arguments and a page stays readable as Markdown.
"""

from __future__ import annotations

import datetime
import functools
import os
import posixpath
from pathlib import Path
from typing import Any

from . import render
from .loader import DataError, Handbook, check_pages, load_handbook
from .model import TEMPLATE_CATEGORIES, Program, Template, Unit

try:
    from mkdocs.exceptions import PluginError as _StopBuild
except ImportError:  # Zensical runs define_env without MkDocs installed
    _StopBuild = RuntimeError  # type: ignore[misc,assignment]

DEFAULT_LICENSE = "CC BY 4.0"
TEMPLATE_ZIP = "downloads/handbook-templates.zip"


class HandbookError(_StopBuild):
    """Stops the build with the message alone (MkDocs prints BuildErrors without a traceback)."""


@functools.lru_cache(maxsize=4)
def _load(data_dir: Path, root: Path, docs_dir: Path, signature: tuple) -> Handbook:
    """Load and check data/ and page front matter once per change (Zensical calls define_env per page)."""
    handbook = load_handbook(data_dir, root, docs_dir)
    page_problems = check_pages(handbook, docs_dir, root)
    if page_problems:
        raise DataError(page_problems)
    return handbook


def _signature(*folders: Path) -> tuple:
    """What the cache key needs: every file's path, size and modification time."""
    return tuple(
        (str(p), st.st_size, st.st_mtime_ns)
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file() and (st := p.stat())
    )


def build_date() -> datetime.date:
    """The date a build speaks for: the last commit's (SOURCE_DATE_EPOCH) when set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()
    return datetime.date.today()


def _settings(env: Any) -> dict[str, Any]:
    return dict(env.conf.get("extra", {}).get("handbook", {}) or {})


def _page_src(env: Any) -> str:
    page = env.page
    return page.file.src_uri if hasattr(page, "file") else str(page.path)  # MkDocs, or Zensical


def _where(env: Any) -> str:
    return f"docs/{_page_src(env)}"


def _rel(env: Any, target_src: str) -> str:
    """A Markdown link target from the current page to another source file (MkDocs checks it)."""
    return posixpath.relpath(target_src, posixpath.dirname(_page_src(env)) or ".")


def _docs_dir(env: Any) -> Path:
    return Path(env.project_dir) / env.conf.get("docs_dir", "docs")


def _url(env: Any, src: str) -> str:
    """The site URL of a source file, as this build writes it (the offline build has no directory URLs)."""
    return render.page_url(src, bool(env.conf.get("use_directory_urls", True)))


def _page_url(env: Any) -> str:
    url = getattr(env.page, "url", None)
    return url if isinstance(url, str) else _url(env, _page_src(env))


def _exists(env: Any, src: str) -> bool:
    return (_docs_dir(env) / src).is_file()


def define_env(env: Any) -> None:  # noqa: C901 - one closure per macro reads best here
    settings = _settings(env)
    root = Path(env.project_dir)
    data_dir = root / settings.get("data_dir", "data")
    docs_dir = _docs_dir(env)
    try:
        handbook = _load(data_dir, root, docs_dir, _signature(data_dir, docs_dir))
    except DataError as err:
        raise HandbookError("invalid handbook data:\n" + str(err)) from None
    env.handbook_data = handbook
    license_name = settings.get("license", DEFAULT_LICENSE)
    # For the theme override: pages reviewed before this date show a "due for review" notice.
    months = int(settings.get("review_months", 12))
    due = build_date() - datetime.timedelta(days=round(months * 30.44))
    env.conf.setdefault("extra", {}).setdefault("handbook", {}).update(
        review_months=months, review_due_before=due.isoformat()
    )

    def current_unit() -> tuple[Program, Unit]:
        meta = env.page.meta
        program_id, number = meta.get("program"), meta.get("unit")
        if program_id not in handbook.programs:
            raise HandbookError(
                f"{_where(env)}: front matter 'program: {program_id}' names no program in data/programs/"
            )
        program = handbook.programs[program_id]
        if not isinstance(number, int) or not 1 <= number <= len(program.units):
            raise HandbookError(
                f"{_where(env)}: front matter 'unit: {number}' must be a number from 1 to {len(program.units)}"
            )
        unit = program.units[number - 1]
        expected = render.unit_src(program, unit)
        if _page_src(env) != expected:
            raise HandbookError(
                f"{_where(env)}: {program.unit_label} {number} of '{program.id}' must live at docs/{expected}"
            )
        return program, unit

    def from_meta(key: str, table: dict[str, Any], folder: str) -> Any:
        """The data item a page names in its front matter (check_pages has already vetted it)."""
        value = env.page.meta.get(key)
        if value not in table:
            raise HandbookError(f"{_where(env)}: front matter '{key}: {value}' names nothing in data/{folder}/")
        return table[value]

    def current_template() -> Template:
        return from_meta("template_id", handbook.templates, "templates")

    def assets(*scripts: str) -> str:
        """Widget stylesheet and scripts for this page, each emitted once per page, after the markup."""
        emitted: set[str] = env.page.__dict__.setdefault("_hb_assets", set())
        wanted = ["widgets.css", *scripts]
        tags = [
            render.asset_tag(render.rel_url(_page_url(env), f"assets/{name}")) for name in wanted if name not in emitted
        ]
        emitted.update(wanted)
        return "".join(tags)

    def link_item(label: str, target_src: str) -> str:
        """A Markdown list item linking to ``target_src`` when that page exists, plain text otherwise."""
        if _exists(env, target_src):
            return f"- [{render.md(label)}]({_rel(env, target_src)})"
        return f"- {render.md(label)}"

    def unit_label(program: Program, unit: Unit) -> str:
        return f"{program.title}, {program.unit_label.lower()} {unit.number}: {unit.title}"

    # --- program units ---------------------------------------------------------------------

    @env.macro
    def unit_focus() -> str:
        return render.paragraphs(current_unit()[1].focus)

    @env.macro
    def unit_goals() -> str:
        return render.bullet_list(current_unit()[1].goals)

    @env.macro
    def unit_discussion() -> str:
        return render.bullet_list(current_unit()[1].discussion)

    @env.macro
    def unit_homework() -> str:
        unit = current_unit()[1]
        template_id = unit.homework.template
        if template_id is None:
            return render.homework_markdown(unit, None, None)
        link = _rel(env, render.template_src(template_id)) if _exists(env, render.template_src(template_id)) else None
        return render.homework_markdown(unit, handbook.templates[template_id], link)

    @env.macro
    def unit_checklist() -> str:
        """The unit's checklist, with a download of the same items as a Markdown task list."""
        program, unit = current_unit()
        target = render.checklist_download(program, unit)
        return (
            render.checklist_html(program, unit)
            + render.download_link(
                render.rel_url(_page_url(env), target),
                "Download this checklist as a Markdown task list",
                f"{program.id}-{unit.id}-checklist.md",
                f"checklist-{program.id}-{unit.id}",
            )
            + assets("checklist.js")
        )

    @env.macro
    def unit_reading() -> str:
        return render.sources_list(current_unit()[1])

    @env.macro
    def unit_decisions() -> str:
        return render.decisions_markdown(current_unit()[1])

    @env.macro
    def unit_skills() -> str:
        return render.skills_markdown(current_unit()[1])

    @env.macro
    def unit_exercises() -> str:
        return render.numbered_list(current_unit()[1].exercises)

    @env.macro
    def unit_interview_prompts() -> str:
        return render.bullet_list(current_unit()[1].interview_prompts)

    @env.macro
    def unit_agenda() -> str:
        return render.agenda_table(current_unit()[1])

    @env.macro
    def unit_facilitation() -> str:
        unit = current_unit()[1]
        return (
            "**Prepare**\n\n"
            + render.bullet_list(unit.prepare)
            + "\n**Facilitation notes**\n\n"
            + render.bullet_list(unit.facilitation)
        )

    @env.macro
    def program_schedule() -> str:
        program = page_program()
        links = {
            unit.id: _rel(env, render.unit_src(program, unit)) if _exists(env, render.unit_src(program, unit)) else None
            for unit in program.units
        }
        return render.schedule_table(program, links)

    def unit_links(program: Program) -> dict[str, str]:
        """Relative URLs (for raw HTML) from this page to every written unit page."""
        return {
            unit.id: render.rel_url(_page_url(env), _url(env, render.unit_src(program, unit)))
            for unit in program.units
            if _exists(env, render.unit_src(program, unit))
        }

    def page_program() -> Program:
        return from_meta("program", handbook.programs, "programs")

    @env.macro
    def program_progress() -> str:
        """Progress per unit from the checklists saved in this browser, and the whole program's checklist."""
        program = page_program()
        target = render.checklist_download(program)
        return (
            render.program_progress_html(program, unit_links(program))
            + render.download_link(
                render.rel_url(_page_url(env), target),
                "Download every checklist of this program as one Markdown task list",
                f"{program.id}-checklists.md",
                f"checklist-{program.id}",
            )
            + assets("checklist.js")
        )

    @env.macro
    def program_packet() -> str:
        """The participant packet: every unit's focus, discussion, homework and checklist, one per printed page."""
        program = page_program()
        parts = []
        for unit in program.units:
            template_id = unit.homework.template
            link = title = None
            if template_id and _exists(env, render.template_src(template_id)):
                link, title = _rel(env, render.template_src(template_id)), handbook.templates[template_id].title
            parts.append(render.packet_markdown(program, unit, link, title))
        return "\n".join(parts) + "\n" + assets("checklist.js") + "\n"

    @env.macro
    def program_calendar() -> str:
        return render.calendar_form_html(page_program()) + assets("calendar.js")

    @env.macro
    def print_edition(scope: str = "program") -> str:
        """A link to the printable edition of this page's program, or of the whole handbook."""
        target = _url(env, f"print/{page_program().id}/index.md" if scope == "program" else "print/index.md")
        label = (
            "Open the printable edition of this program"
            if scope == "program"
            else "Open the printable edition of the whole handbook"
        )
        return f'<p class="hb-print-link"><a href="{render.esc(render.rel_url(_page_url(env), target))}">{label}</a> (one page, ready to save as a PDF).</p>\n'

    @env.macro
    def program_facts() -> str:
        program = page_program()
        return (
            f"**Format:** {render.md(program.format)}\n\n"
            f"**Cadence:** {render.md(program.cadence)}\n\n"
            f"**Who it is for:** {render.md(program.audience)}\n"
        )

    # --- templates -------------------------------------------------------------------------

    def document(template: Template, variant: str) -> str:
        source = env.conf["site_url"].rstrip("/") + "/" + render.page_url(render.template_src(template.id))
        return render.template_document(template, variant=variant, source_url=source, license_name=license_name)

    @env.macro
    def template_purpose() -> str:
        return render.paragraphs(current_template().purpose)

    @env.macro
    def template_when() -> str:
        template = current_template()
        return (
            "**Use it when**\n\n"
            + render.bullet_list(template.when_to_use)
            + "\n**Skip it when**\n\n"
            + render.bullet_list(template.when_not_to_use)
        )

    @env.macro
    def template_how() -> str:
        return render.numbered_list(current_template().how_to_fill)

    @env.macro
    def template_block(variant: str = "full") -> str:
        """The document in a copyable code block, with a download link to the same bytes."""
        template = current_template()
        if variant not in ("full", "minimal"):
            raise HandbookError(f"{_where(env)}: template_block: variant must be 'full' or 'minimal', not '{variant}'")
        if variant == "minimal" and not render.has_minimal_variant(template):
            raise HandbookError(
                f"{_where(env)}: template '{template.id}' has no minimal variant (no section has minimal: false)"
            )
        download = render.rel_url(_page_url(env), render.template_download(template.id, variant))
        name = posixpath.basename(render.template_download(template.id, variant))
        label = "Download the template" if variant == "full" else "Download the minimal template"
        return (
            render.fence(document(template, variant))
            + f'\n<p class="hb-download"><a href="{render.esc(download)}" download="{render.esc(name)}"'
            f' data-hb-download="{render.esc(template.id)}-{variant}">{label} ({render.esc(name)})</a></p>\n'
        )

    @env.macro
    def template_library() -> str:
        """Every template in a table filterable by program, competency and purpose, plus the zip."""
        rows = []
        for t in handbook.templates.values():
            uses = handbook.where_used(t.id)
            rows.append(
                render.TemplateRow(
                    title=t.title,
                    link=render.rel_url(_page_url(env), _url(env, render.template_src(t.id))),
                    summary=t.summary,
                    category=t.category,
                    category_label=TEMPLATE_CATEGORIES[t.category],
                    programs=tuple(dict.fromkeys((p.id, p.title) for p, _ in uses)),
                    competencies=tuple((u.id, u.title) for p, u in uses if p.unit_label == "Competency"),
                )
            )
        zip_link = render.download_link(
            render.rel_url(_page_url(env), TEMPLATE_ZIP),
            f"Download all {len(rows)} templates, full and minimal, as one zip",
            posixpath.basename(TEMPLATE_ZIP),
            "templates-zip",
        )
        return render.template_library_html(rows) + zip_link + assets("filters.js")

    @env.macro
    def template_mistakes() -> str:
        return render.bullet_list(current_template().mistakes)

    @env.macro
    def template_example() -> str:
        example = current_template().example
        return render.paragraphs(example) if example else ""

    @env.macro
    def template_where_used() -> str:
        template = current_template()
        lines = [link_item(unit_label(p, u), render.unit_src(p, u)) for p, u in handbook.where_used(template.id)]
        return "\n".join(lines) + "\n" if lines else "Not yet used by a program.\n"

    @env.macro
    def program_table() -> str:
        """Every program with its summary, length and cadence, linked to its overview page."""
        rows = [
            (
                p.title,
                _rel(env, f"programs/{p.id}/index.md") if _exists(env, f"programs/{p.id}/index.md") else None,
                p.summary,
                f"{len(p.units)} {p.unit_label.lower()}{'s' if len(p.units) != 1 else ''}",
                p.cadence,
            )
            for p in handbook.programs.values()
        ]
        return render.program_table(rows)

    # --- frameworks ------------------------------------------------------------------------

    @env.macro
    def framework_table() -> str:
        """Every framework page with its description, read from the pages' own front matter."""
        folder = _docs_dir(env) / "frameworks"
        rows = []
        for path in sorted(folder.glob("*.md")):
            if path.stem == "index":
                continue
            meta = render.front_matter(path.read_text("utf-8"))
            if not meta.get("title") or not meta.get("description"):
                raise HandbookError(f"docs/frameworks/{path.name}: front matter needs a title and a description")
            rows.append((str(meta["title"]), _rel(env, f"frameworks/{path.name}"), str(meta["description"])))
        return render.link_table(("Framework", "What it helps with"), rows)

    @env.macro
    def framework_where_used() -> str:
        """The units and templates whose data name this framework page (docs/frameworks/<id>.md)."""
        src = _page_src(env)
        if not (src.startswith("frameworks/") and src.count("/") == 1):
            raise HandbookError(f"{_where(env)}: framework_where_used() only works on a page in docs/frameworks/")
        units, templates = handbook.framework_uses(posixpath.splitext(posixpath.basename(src))[0])
        lines = [link_item(unit_label(p, u), render.unit_src(p, u)) for p, u in units]
        lines += [link_item(f"Template: {t.title}", render.template_src(t.id)) for t in templates]
        return "\n".join(lines) + "\n" if lines else "No program or template names this framework yet.\n"

    def generated_files() -> list[tuple[str, str]]:
        """Every downloadable file the data produces: templates in each variant, checklists."""
        files = [
            (render.template_download(t.id, variant), document(t, variant))
            for t in handbook.templates.values()
            for variant in (("full", "minimal") if render.has_minimal_variant(t) else ("full",))
        ]
        for program in handbook.programs.values():
            files.append((render.checklist_download(program), render.program_checklist_markdown(program)))
            files += [
                (render.checklist_download(program, u), render.checklist_markdown(program, u)) for u in program.units
            ]
        return files

    env.generated_files = generated_files
    env.page_records = []  # filled page by page (on_post_page_macros), written out for llms.txt

    @env.macro
    def content_changes(limit: int = 40) -> str:
        """Recent commits that changed pages or data, newest first, from git history."""
        import subprocess

        try:
            log = subprocess.run(
                [
                    "git",
                    "-C",
                    str(root),
                    "log",
                    f"-n{int(limit)}",
                    "--date=short",
                    "--format=%ad%x09%h%x09%s",
                    "--",
                    "docs",
                    "data",
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        except (OSError, subprocess.CalledProcessError):
            return "The change history is not available in this build: it was built outside a git repository.\n"
        entries = [line.split("\t", 2) for line in log.splitlines() if line.count("\t") >= 2]
        return render.changelog_markdown(entries)

    # --- assessments -----------------------------------------------------------------------

    def page_assessment():
        return from_meta("assessment_id", handbook.assessments, "assessments")

    @env.macro
    def assessment() -> str:
        """The questionnaire, scored in the reader's browser; answers stay in localStorage."""
        import json

        item = page_assessment()
        links = {i.id: render.rel_url(_page_url(env), _url(env, i.link)) for i in item.items if i.link}
        definition = json.dumps(render.assessment_definition(item, links), separators=(",", ":"))
        return render.assessment_form_html(item, definition) + assets("scoring.js", "assessment.js")

    @env.macro
    def assessment_bands() -> str:
        item = page_assessment()
        out = render.assessment_bands_markdown(item)
        if item.scoring == "choice":
            out += "\n" + render.choice_mapping_markdown(item)
        if item.benchmark:
            out += (
                f"\n**Source of the bands:** {render.md(item.benchmark.name)} ({item.benchmark.year}). "
                f"{render.md(item.benchmark.note)}\n"
            )
        return out

    @env.macro
    def assessment_table() -> str:
        """Every assessment with its summary, for the assessments index."""
        rows = [(a.title, _rel(env, f"assessments/{a.id}.md"), a.summary) for a in handbook.assessments.values()]
        return render.link_table(("Assessment", "What it tells you"), rows)

    # --- finding one's way -------------------------------------------------------------------

    def page_title(src: str) -> str:
        meta = render.front_matter((_docs_dir(env) / src).read_text("utf-8"))
        if not meta.get("title"):
            raise HandbookError(f"docs/{src}: front matter needs a title")
        return str(meta["title"])

    def path_src(path_id: str) -> str:
        return f"paths/{path_id}.md"

    @env.macro
    def glossary() -> str:
        """The glossary page's table, from the same file that explains abbreviations on hover."""
        source = Path(env.project_dir) / "includes" / "abbreviations.md"
        return render.glossary_table(render.parse_abbreviations(source.read_text("utf-8")))

    @env.macro
    def learning_path() -> str:
        """The route on a learning path's page (``path_id`` in its front matter)."""
        path_id = env.page.meta.get("path_id")
        if path_id not in handbook.paths:
            raise HandbookError(f"{_where(env)}: 'path_id: {path_id}' names no learning path in data/paths/")
        steps = [(page_title(s.page), _rel(env, s.page), s.minutes, s.why) for s in handbook.paths[path_id].steps]
        return render.path_steps_markdown(steps)

    @env.macro
    def learning_path_intro() -> str:
        path = handbook.paths[env.page.meta.get("path_id")]
        return f"**Who it is for:** {render.md(path.role)}\n\n**Where it gets you:** {render.md(path.summary)}\n"

    @env.macro
    def path_list() -> str:
        """Every learning path with who it is for and how long it takes (works without JavaScript)."""
        lines = []
        for path in handbook.paths.values():
            total = render.minutes_label(sum(s.minutes for s in path.steps))
            lines.append(
                f"- **[{render.md(path.title)}]({_rel(env, path_src(path.id))})** ({total}): {render.md(path.role)}"
            )
        return "\n".join(lines) + "\n"

    @env.macro
    def start_here_chooser() -> str:
        import json

        chooser = handbook.chooser
        if chooser is None:
            raise HandbookError(f"{_where(env)}: start_here_chooser() needs data/chooser.yml")
        questions = [(q.id, q.text, [(a.id, a.label) for a in q.answers]) for q in chooser.questions]
        routes = json.dumps([{"when": r.when, "path": r.path} for r in chooser.routes])
        paths = json.dumps(
            {
                p.id: {
                    "title": p.title,
                    "url": render.rel_url(_page_url(env), _url(env, path_src(p.id))),
                    "role": p.role,
                }
                for p in handbook.paths.values()
            }
        )
        return render.chooser_html(questions, routes, paths) + assets("chooser.js")

    @env.macro
    def tag_index() -> str:
        """Every tag in the vocabulary with the number of pages carrying it, linked to its page."""
        from collections import Counter

        counts: Counter[str] = Counter()
        for path in _docs_dir(env).rglob("*.md"):
            counts.update(render.front_matter(path.read_text("utf-8")).get("tags") or [])
        rows = []
        for tag in sorted(counts, key=str.lower):
            target = f"tags/{render.slug(tag)}.md"
            if not _exists(env, target):
                raise HandbookError(f"{_where(env)}: tag '{tag}' has no listing page docs/{target}")
            rows.append(
                f"- [{render.md(tag)}]({_rel(env, target)}): {counts[tag]} page{'s' if counts[tag] != 1 else ''}"
            )
        return "\n".join(rows) + "\n"

    @env.macro
    def most_used_templates(count: int = 6) -> str:
        """The templates the programs lean on most, by how many units use them."""
        ranked = sorted(handbook.templates.values(), key=lambda t: (-len(handbook.where_used(t.id)), t.title))[:count]
        return (
            "\n".join(
                f"- [{render.md(t.title)}]({_rel(env, render.template_src(t.id))}): {render.md(t.summary)}"
                for t in ranked
            )
            + "\n"
        )


def _nav_sources(items: Any) -> list[str]:
    """Every Markdown source the nav lists, in reading order."""
    found: list[str] = []
    for item in items if isinstance(items, list) else [items]:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found += _nav_sources(value)
    return found


def write_print_editions(env: Any, site: Path) -> None:
    """One printable page per program (print/<program>/) and one for the whole handbook (print/)."""

    def built(src: str) -> tuple[str, str] | None:
        url = _url(env, src)
        path = site / (url + "index.html" if url == "" or url.endswith("/") else url)
        return (url, path.read_text("utf-8")) if path.is_file() else None

    def target(src: str) -> tuple[str, Path]:
        url = _url(env, src)
        return url, site / (url + "index.html" if url.endswith("/") else url)

    handbook: Handbook = env.handbook_data
    for program in handbook.programs.values():
        sources = [f"programs/{program.id}/index.md"] + [render.unit_src(program, unit) for unit in program.units]
        parts = [part for src in sources if (part := built(src))]
        if not parts:
            continue
        url, path = target(f"print/{program.id}/index.md")
        html = render.print_page(parts[0][1], parts[0][0], parts, url, f"{program.title}: printable edition")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, "utf-8")
    skip = {"tags.md"}
    parts = [part for src in _nav_sources(env.conf.get("nav") or []) if src not in skip and (part := built(src))]
    # The shell lends its head and header; one at the edition's own depth keeps Material's base path right.
    url, path = target("print/index.md")
    depth = render.dir_of(url).count("/")
    shell = next((part for part in parts if render.dir_of(part[0]).count("/") == depth), None)
    if shell:
        html = render.print_page(shell[1], shell[0], parts, url, f"{env.conf['site_name']}: printable edition")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, "utf-8")


def on_post_page_macros(env: Any) -> None:
    """Remember each page's title, description and rendered Markdown for llms.txt."""
    meta = env.page.meta or {}
    env.page_records.append(
        (
            render.page_url(_page_src(env)),
            str(meta.get("title", "")),
            " ".join(str(meta.get("description", "")).split()),
            env.markdown,
        )
    )


def on_post_build(env: Any) -> None:
    """Write every generated download (templates, checklists, the template zip) into the built site."""
    site = Path(env.conf["site_dir"])
    files = env.generated_files()
    for rel_path, text in files:
        target = site / rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
    templates = [(posixpath.basename(path), text) for path, text in files if path.startswith("downloads/templates/")]
    (site / TEMPLATE_ZIP).write_bytes(render.zip_bytes(templates))
    base = env.conf["site_url"].rstrip("/") + "/"
    records = sorted(env.page_records)
    (site / "llms.txt").write_text(
        render.llms_index(env.conf["site_name"], env.conf.get("site_description") or "", base, records), "utf-8"
    )
    (site / "llms-full.txt").write_text(render.llms_full(env.conf["site_name"], base, records), "utf-8")
    for rel_path, text in render.data_export(env.handbook_data):
        target = site / rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    # Material's templates indent deeply: a fifth of every page was white space. Compact the
    # pages first, so the print editions are assembled from (and inherit) compact pages.
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        page.write_text(render.compact_html(html), "utf-8")
    write_print_editions(env, site)


__all__ = ["define_env", "on_post_page_macros", "on_post_build", "Handbook"]
