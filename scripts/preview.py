"""The writer's preview behind `make serve`: an edit shows in the browser in a fraction of a second.

``mkdocs serve`` rebuilds the whole site on every save. This preview builds it once, keeps
the build in memory (configuration, files, navigation, theme), and on each change redoes only
what the change can affect:

- a page whose front matter is unchanged: that page (macros, Markdown, theme), nothing else;
- a page whose front matter changed (title, tags, description), a page added or removed, or
  a change to the theme overrides, includes/ or mkdocs.yml: the whole site, in memory;
- a file in data/: the files that changed are parsed again (the rest, and every page's front
  matter, come from memory), all of data/ is checked again, every page's macros run again with
  the new data, and only pages whose text changed are rendered; downloads and the JSON export
  are rewritten;
- Python code in macros/ or scripts/: the preview restarts itself, so the new code runs.

Changes are noticed as they happen (inotify on Linux, FSEvents on macOS, through watchdog),
not by polling. The print editions and the template zip are written when a browser first asks
for them after a change, and PDFs are not made (``make pdf`` does that).

Strict mode still applies: every warning a strict build would stop on (a broken link, an
unknown tag, a macro error) is printed, and shown at the top of every served page until it is
fixed. A rebuilt page is exactly what a full build with the same address makes of it.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from html import escape
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.handbook.preview")


class Problems(logging.Handler):
    """Collects what a strict build would stop on (warnings and errors) while a rebuild runs."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def banner(lines: list[str]) -> bytes:
    """The notice served at the top of every page while the site has strict-mode problems."""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines[:20])
    more = f"<li>… and {len(lines) - 20} more (see the terminal)</li>" if len(lines) > 20 else ""
    return (
        '<div role="alert" style="position:sticky;top:0;z-index:100;background:#fff4e5;color:#4a2500;'
        'border-bottom:3px solid #b35900;padding:.6rem 1rem;font:14px/1.4 system-ui,sans-serif">'
        f"<strong>{len(lines)} problem(s) would stop the strict build:</strong><ul style=\"margin:.3rem 0 0 1.2rem\">"
        f"{items}{more}</ul></div>"
    ).encode("utf-8")


class Preview:
    """One build of the site kept in memory, so single pages can be rebuilt."""

    def __init__(self, config_file: Path, site_dir: Path, site_url: str) -> None:
        self.config_file, self.site_dir, self.site_url = config_file.resolve(), site_dir, site_url
        self.root = self.config_file.parent
        self.problems: list[str] = []  # what a strict build would stop on, one line each
        self._data_problems: list[str] = []  # those of them that came from loading data/
        self.print_stale = True

    # --- building ---------------------------------------------------------------------------

    def _collect(self, work: Any) -> list[str]:
        handler = Problems()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        try:
            work()
        except Exception as err:  # a build error is a problem to show, not a reason to stop serving
            handler.lines += [line for line in str(err).splitlines() if line.strip()] or [type(err).__name__]
        finally:
            logger.removeHandler(handler)
        return handler.lines

    def full(self) -> None:
        """Build every page from a fresh configuration (new plugin instances, data loaded again)."""
        self.problems, self._data_problems = self._collect(self._full), []
        self.print_stale = True

    def _full(self) -> None:
        from mkdocs.commands.build import _build_extra_template, _build_page, _build_theme_template, _populate_page
        from mkdocs.config import load_config
        from mkdocs.structure.files import get_files, set_exclusions
        from mkdocs.structure.nav import get_navigation
        from mkdocs.structure.pages import Page
        from mkdocs.utils import clean_directory

        config = load_config(str(self.config_file), site_dir=str(self.site_dir), site_url=self.site_url, strict=True)
        config.plugins.on_startup(command="serve", dirty=False)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        self.site_dir.mkdir(parents=True, exist_ok=True)
        clean_directory(str(self.site_dir))  # no page that was removed stays reachable
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        for file in files.documentation_pages():
            if file.page is None:
                Page(None, file, config)
            _populate_page(file.page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files()
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)
        self.config, self.files, self.nav, self.env = config, files, nav, env
        self.docs = files.documentation_pages()
        for file in self.docs:
            _build_page(file.page, config, self.docs, nav, env)
        self._check_anchors(self.docs)
        for name, plugin in config.plugins.items():
            if name != "macros" and hasattr(plugin, "on_post_build"):
                plugin.on_post_build(config=config)
        self._publish(every_page=True)
        self.meta = {file.src_uri: dict(file.page.meta) for file in self.docs}

    @property
    def macros_env(self) -> Any:
        return self.config.plugins["macros"]

    def _publish(self, every_page: bool) -> None:
        """The downloads and data (the print editions and zip wait for a request); compact the pages."""
        from macros.publish import publish

        env = self.macros_env
        publish(env.hb_site, env.hb_book, self.site_dir, rendered=env.hb_rendered, pages=every_page, deferred=True)

    def _check_anchors(self, docs: list) -> None:
        level = self.config.validation.links.anchors
        for file in docs:
            file.page.validate_anchor_links(files=self.files, log_level=level)

    def pages(self, changed: list[Any]) -> None:
        """Render ``changed`` pages again (their Markdown, macros and theme) and write them."""
        kept = [line for line in self.problems if not any(f.src_uri in line for f in changed)]
        self.problems = list(dict.fromkeys(kept + self._collect(lambda: self._pages(changed))))
        self.print_stale = True

    def _pages(self, changed: list[Any]) -> None:
        from mkdocs.commands.build import _build_page, _populate_page

        from macros.publish import compact_html, fix_theme_html

        for file in changed:
            self.macros_env.hb_pages.pop(file.src_uri, None)  # its Page holds the old front matter
            _populate_page(file.page, self.config, self.files)
        for file in changed:
            _build_page(file.page, self.config, self.docs, self.nav, self.env)
            path = Path(file.abs_dest_path)
            path.write_text(compact_html(fix_theme_html(path.read_text("utf-8"))), "utf-8")
        self._check_anchors(self.docs)

    def data(self) -> list[Any]:
        """Load data/ again; render only the pages whose macros now produce different text.

        Invalid data is reported and the pages stay as they were until it is fixed.
        """
        stale = set(self._data_problems)
        self._data_problems = self._collect(self._reload_data)
        self.problems = list(dict.fromkeys(self._data_problems + [p for p in self.problems if p not in stale]))
        if self._data_problems:
            return []
        changed = self._changed_by_data()
        self.pages(changed)
        self.problems += self._collect(lambda: self._publish(every_page=False))
        return changed

    def _reload_data(self) -> None:
        import macros

        env = self.macros_env
        parts, rendered = env.hb_parts, env.hb_rendered
        macros.define_env(env)  # loads and checks data/ and front matter again, as a build does
        env.hb_parts, env.hb_rendered = parts, rendered

    def _changed_by_data(self) -> list[Any]:
        import macros
        from macros.registry import render_parts

        env = self.macros_env
        return [
            file
            for file in self.docs
            if file.src_uri in env.hb_parts
            and render_parts(env.hb_parts[file.src_uri], macros.page_for(env, file.src_uri, file.page.meta), macros.run_macro)
            != env.hb_rendered.get(file.src_uri)
        ]

    def print_editions(self) -> None:
        """Write the print editions and the template zip from the pages as they are now."""
        from macros.publish import write_deferred

        env = self.macros_env
        write_deferred(env.hb_site, env.hb_book, self.site_dir)
        self.print_stale = False

    # --- deciding what a change affects -----------------------------------------------------------

    def apply(self, paths: set[Path]) -> str:
        """Rebuild what ``paths`` affect; return what was done, for the terminal."""
        docs_dir = Path(self.config.docs_dir).resolve()
        by_path = {Path(f.abs_src_path).resolve(): f for f in self.docs}
        page_edits, data_edit, everything = [], False, False
        for path in paths:
            rel = _relative(path, self.root)
            if rel is None or path.name.startswith("."):
                continue
            if rel.parts[0] in ("macros", "scripts") and path.suffix == ".py":
                log.info("%s changed", rel)
                return "restart"
            if rel.parts[0] == "data":
                data_edit = True
            elif _relative(path, docs_dir) is not None:
                file = by_path.get(path.resolve())
                if file is None and not path.exists():
                    continue  # an editor's temporary file, come and gone
                if file is None or not path.is_file() or file.src_uri.startswith("tags/"):
                    everything = True  # a page added, removed or renamed, an image, or a tag listing
                elif path.suffix == ".md":
                    page_edits.append(file)
                else:
                    everything = True
            elif rel.parts[0] in ("overrides", "includes") or rel == Path(self.config_file.name):
                everything = True
        if not everything and page_edits:
            from mkdocs.utils.meta import get_data

            for file in page_edits:
                _, meta = get_data(Path(file.abs_src_path).read_text("utf-8-sig"))
                if meta != {k: v for k, v in self.meta.get(file.src_uri, {}).items() if k not in _ADDED}:
                    everything = True  # the title, tags or description may show on other pages
        if everything:
            self.full()
            return "rebuilt every page"
        done = []
        if data_edit:
            done.append(f"data reloaded, {len(self.data())} page(s) changed")
        if page_edits:
            self.pages(page_edits)
            done.append(", ".join(f.src_uri for f in page_edits))
        return "; ".join(done) or ""


_ADDED = {"revision_date"}  # keys the build adds to a page's front matter


def _relative(path: Path, folder: Path) -> Path | None:
    try:
        return path.resolve().relative_to(folder.resolve())
    except ValueError:
        return None


CHANGES = {"created", "modified", "moved", "deleted"}
WATCHED = ("docs", "data", "macros", "includes", "overrides", "scripts")


def make_server(site: Preview, host: str, port: int) -> Any:
    """MkDocs' live-reload server, told about changes as they happen and rebuilding only what they affect."""
    import watchdog.events
    import watchdog.observers
    from mkdocs.livereload import LiveReloadServer

    from macros.templates import TEMPLATE_ZIP

    class Server(LiveReloadServer):
        def __init__(self) -> None:
            super().__init__(builder=self.rebuild, host=host, port=port, root=str(site.site_dir))
            self.observer = watchdog.observers.Observer()  # native events, not a half-second poll
            self.build_delay = 0.03  # wait this long for an editor's save to finish writing
            self.changed: set[Path] = set()
            self.lock = threading.Lock()

        def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
            def callback(event: Any) -> None:
                if event.is_directory or event.event_type not in CHANGES:
                    return  # reading a file (as the rebuild does) is an event too
                with self._rebuild_cond:
                    self.changed.add(Path(os.fsdecode(event.src_path)))
                    if getattr(event, "dest_path", ""):
                        self.changed.add(Path(os.fsdecode(event.dest_path)))  # an editor's save by rename
                    self._want_rebuild = True
                    self._rebuild_cond.notify_all()

            handler = watchdog.events.FileSystemEventHandler()
            handler.on_any_event = callback  # type: ignore[method-assign]
            self._watched_paths[path] = 1
            self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

        def rebuild(self) -> None:
            with self._rebuild_cond:
                paths, self.changed = self.changed, set()
            start = time.perf_counter()
            with self.lock:
                done = site.apply(paths)
            if done == "restart":
                log.info("Python code changed: restarting the preview")
                self.server_close()
                shutil.rmtree(site.site_dir, ignore_errors=True)
                os.execv(sys.executable, [sys.executable, *sys.argv])
            if done:
                log.info("%s (%.2f s)", done, time.perf_counter() - start)
            for line in site.problems:
                log.warning("strict build would stop: %s", line)

        def _serve_request(self, environ: dict, start_response: Any) -> Any:
            path = environ.get("PATH_INFO", "")
            if site.print_stale and (path.startswith("/print/") or path == "/" + TEMPLATE_ZIP):
                with self.lock:
                    if site.print_stale:
                        site.print_editions()
            return super()._serve_request(environ, start_response)

        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            content = super()._inject_js_into_html(content, epoch)
            if not site.problems:
                return content
            start = content.find(b"<body")
            end = content.find(b">", start) + 1 if start >= 0 else 0
            return content[:end] + banner(site.problems) + content[end:]

    server = Server()
    for name in WATCHED:
        if (site.root / name).is_dir():
            server.watch(str(site.root / name))
    server.watch(str(site.root), recursive=False)  # mkdocs.yml
    return server


def serve(addr: str = "127.0.0.1:8000", config_file: Path = ROOT / "mkdocs.yml") -> int:
    """Build once, then serve at http://ADDR/ and rebuild what each change affects."""
    host, _, port = addr.rpartition(":")
    site_dir = Path(tempfile.mkdtemp(prefix="handbook-preview-"))
    try:
        site = Preview(config_file, site_dir, f"http://{addr}/")
        start = time.perf_counter()
        site.full()
        if not hasattr(site, "config"):
            print("the preview could not build the site:\n" + "\n".join(site.problems), file=sys.stderr)
            return 1
        log.info("built %d pages in %.1f s", len(site.docs), time.perf_counter() - start)
        for line in site.problems:
            log.warning("strict build would stop: %s", line)
        server = make_server(site, host or "127.0.0.1", int(port))
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0
