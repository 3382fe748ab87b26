"""One route per page, and the JSON API the pages are built from."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.convertors import PathConvertor, register_url_convertor
from starlette.datastructures import UploadFile

from storylens.errors import StorylensError
from storylens.models import Brief
from storylens.report.html import (
    Quote,
    SourceView,
    brief_view,
    quote_is_exact,
    render_html,
    source_segments,
    template_environment,
)
from storylens.web.library import Change, Library, StoryEntry, search
from storylens.web.uploads import (
    ACCEPT,
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_PASTE_CHARS,
    Upload,
    UploadRejected,
    pasted_article,
    read_uploads,
)

WEB_TEMPLATES = str(Path(__file__).parent / "templates")
KEEP_CHANGES = 50


class AnyTextConvertor(PathConvertor):
    """Like `path`, but a source id may hold any character: an id with a line break must still open."""

    regex = "(?s:.*)"


register_url_convertor("anytext", AnyTextConvertor())
router = APIRouter()


def story_url(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def source_url(story_id: str, source_id: str) -> str:
    return f"{story_url(story_id)}/sources/{quote(source_id, safe='')}"


def _library(request: Request) -> Library:
    return request.app.state.library  # type: ignore[no-any-return]


def _page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    env = template_environment(WEB_TEMPLATES)
    html = env.get_template(name).render(static_url="/static", story_url=story_url, source_url=source_url,
                                         **context)
    return HTMLResponse(html, status_code=status)


def error_page(status: int, message: str) -> HTMLResponse:
    titles = {404: "Not found", 422: "Cannot build this brief"}
    return _page("error.html", status=status, page_title=titles.get(status, "Error"), message=message)


def _brief(request: Request, story_id: str) -> Brief:
    try:
        return _library(request).brief(story_id)
    except KeyError:
        raise HTTPException(404, f"no story {story_id!r}") from None
    except StorylensError as exc:
        raise HTTPException(422, f"the brief of {story_id!r} could not be built: {exc}") from None


# JSON API -----------------------------------------------------------------------------------------

@router.get("/api/stories", response_model=list[StoryEntry], tags=["api"])
def api_stories(request: Request, q: str = "") -> list[StoryEntry]:
    """The stories, newest first; `q` keeps those whose title, outlets or entities match every word."""
    return search(_library(request), q)


@router.get("/api/stories/{story_id}/brief", response_model=Brief, tags=["api"])
def api_brief(request: Request, story_id: str) -> Response:
    """The brief of one story, in the core JSON contract `storylens.brief/1`."""
    return Response(_brief(request, story_id).to_json(), media_type="application/json")


# Pages --------------------------------------------------------------------------------------------

@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def stories_page(request: Request, q: str = "", notice: str = "") -> HTMLResponse:
    library = _library(request)
    return _page("stories.html", page_title="Stories", entries=search(library, q), q=q,
                 can_resort=library.can_resort, unsorted=library.unsorted() if library.can_resort else (0, 0),
                 notice=request.app.state.notices.get(notice))


@router.post("/resort", include_in_schema=False)
async def resort_stories(request: Request) -> Response:
    """Re-sort a story database's articles into stories (the folders `serve` was given have no such thing)."""
    library = _library(request)
    if not library.can_resort:
        return error_page(404, "re-sorting needs a story database (storylens serve --db)")
    try:
        message = await run_in_threadpool(library.resort)
    except StorylensError as exc:
        return error_page(500, f"the stories could not be re-sorted: {exc}")
    return RedirectResponse(f"/?notice={_keep(request.app.state.notices, message)}", status_code=303)


def _keep(store: dict[str, Any], value: Any) -> str:
    """Keep `value` under a fresh token for the page a redirect leads to (the latest KEEP_CHANGES only)."""
    token = secrets.token_urlsafe(8)
    store[token] = value
    while len(store) > KEEP_CHANGES:
        store.pop(next(iter(store)))
    return token


@router.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
def story_page(request: Request, story_id: str, changes: str = "") -> HTMLResponse:
    brief = _brief(request, story_id)

    def href(source: SourceView, q: Quote | None) -> str:
        if source.n == 0:
            return "#sources"
        return source_url(story_id, source.id) + (f"#at-{q.start}" if q is not None else "")

    change: Change | None = request.app.state.changes.get(changes)
    return _page("story.html", page_title=brief.story.title, v=brief_view(brief, href), story_id=story_id,
                 change=change if change and change.story_id == story_id else None)


@router.get("/stories/{story_id}/report.html", response_class=HTMLResponse, include_in_schema=False)
def story_report(request: Request, story_id: str) -> HTMLResponse:
    """The same brief as a self-contained file (what `storylens brief --format html` writes)."""
    html = render_html(_brief(request, story_id))
    name = f"{story_id}.html".replace('"', "")
    return HTMLResponse(html, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/stories/{story_id}/sources/{source_id:anytext}", response_class=HTMLResponse, include_in_schema=False)
def source_page(request: Request, story_id: str, source_id: str) -> HTMLResponse:
    brief = _brief(request, story_id)
    index = next((i for i, s in enumerate(brief.sources) if s.id == source_id), None)
    if index is None:
        raise HTTPException(404, f"no source {source_id!r} in story {story_id!r}")
    source = brief.sources[index]
    view = brief_view(brief, lambda s, q: source_url(story_id, s.id) + (f"#at-{q.start}" if q else ""))
    used = [c for c in view.claims.get("conflicting", []) + view.claims.get("corroborated", [])
            + view.claims.get("single_source", []) if source_id in c.claim.sources]
    exact = sum(quote_is_exact(source.text, q) for c in brief.claims for q in c.evidence if q.source == source_id)
    return _page("source.html", page_title=view.sources[index].label, v=view, s=view.sources[index],
                 src=source, segments=source_segments(brief, source_id), claims=used, n_spans=exact,
                 story_id=story_id)


@router.get("/add", response_class=HTMLResponse, include_in_schema=False)
def add_page(request: Request, story: str = "") -> HTMLResponse:
    return _add_form(request, story)


def _add_form(request: Request, selected: str, error: str = "", status: int = 200) -> HTMLResponse:
    entries = [e for e in _library(request).stories() if not e.error]
    return _page("add.html", status=status, page_title="Add articles", entries=entries, selected=selected,
                 error=error, accept=ACCEPT, max_mb=MAX_FILE_BYTES // (1024 * 1024), max_files=MAX_FILES)


@router.post("/add", include_in_schema=False)
async def add_articles(request: Request) -> Response:
    """Paste text and/or upload files into a new or existing story, then show what changed."""
    form = await request.form(max_files=MAX_FILES + 1, max_fields=20, max_part_size=4 * MAX_PASTE_CHARS)
    field = lambda name: str(form.get(name) or "")
    story_id = field("story") or None
    try:
        uploads = []
        for item in form.getlist("files"):
            if isinstance(item, UploadFile) and item.filename:
                data = await item.read(MAX_FILE_BYTES + 1)
                uploads.append(Upload(item.filename, data))
        inputs: list[Any] = await run_in_threadpool(read_uploads, uploads, request.app.state.workdir) \
            if uploads else []
        if field("text").strip():
            inputs.append(pasted_article(field("text"), next(request.app.state.pastes), field("title"),
                                         field("outlet"), field("url"), field("published")))
        if not inputs:
            raise UploadRejected("paste some text or choose at least one file")
        change = await run_in_threadpool(_library(request).add, story_id, inputs, field("new_title") or None)
    except UploadRejected as exc:
        return _add_form(request, story_id or "", str(exc), status=400)
    except KeyError:
        return _add_form(request, "", f"no story {story_id!r}", status=404)
    except StorylensError as exc:
        return _add_form(request, story_id or "", f"the brief could not be rebuilt: {exc}", status=422)
    finally:
        await form.close()
    token = _keep(request.app.state.changes, change)
    return RedirectResponse(f"{story_url(change.story_id)}?changes={token}", status_code=303)
