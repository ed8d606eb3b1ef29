"""The web app: ``create_app(settings)`` gives the FastAPI application that
``assure serve`` runs: the pages (server-rendered, GOV.UK Design System), the
JSON API under ``/api/v1``, the front-end assets and ``/healthz``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import HTTPException
from fastapi.responses import PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from assure.interfaces.api.app import create_api
from assure.interfaces.web import pages
from assure.interfaces.web.deps import BadCsrf, SignInRequired, csrf_checked, render, to_sign_in
from assure.interfaces.web.security import BodyTooLarge, Guard, secret_key
from assure.interfaces.web.templating import environment
from assure.services import Forbidden, InvalidRequest, NoScope, NotFound
from assure.services.application import Application
from assure.settings import Settings
from assure.storing import Library

HERE = Path(__file__).resolve().parent
# npm installs the GOV.UK Frontend and HTMX files at the repository's root.
NODE_MODULES = HERE.parents[3] / "node_modules"
VENDOR = {
    "/assets": NODE_MODULES / "govuk-frontend" / "dist" / "govuk" / "assets",
    "/static/govuk": NODE_MODULES / "govuk-frontend" / "dist" / "govuk",
    "/static/htmx": NODE_MODULES / "htmx.org" / "dist",
}
UPLOAD_MARGIN = 256 * 1024  # a form's other fields and multipart framing


def create_app(settings: Settings | None = None, library: Library | None = None) -> FastAPI:
    settings = settings or Settings.from_environment()
    library = library or Library(settings)
    application = Application(settings, library)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        library.close()

    app = FastAPI(
        title="assure",
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.application = application
    app.state.library = library
    app.state.templates = environment()
    app.add_middleware(
        Guard,
        key=secret_key(settings.data_dir),
        max_body=settings.max_file_bytes + UPLOAD_MARGIN,
    )

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> PlainTextResponse:
        return PlainTextResponse("ok")

    # Every form of every page is checked for its CSRF token before it runs.
    for router in pages.ROUTERS:
        app.include_router(router, dependencies=[Depends(csrf_checked)])
    app.mount("/api/v1", create_api(application))
    app.mount("/static/app", StaticFiles(directory=HERE / "static"), name="app-static")
    for prefix, folder in VENDOR.items():
        if folder.is_dir():
            app.mount(prefix, StaticFiles(directory=folder), name=prefix)
    add_error_pages(app)
    return app


def app_from_environment() -> FastAPI:
    """For ``uvicorn --factory`` (several worker processes)."""
    return create_app(Settings.from_environment())


def add_error_pages(app: FastAPI) -> None:
    def error_page(request: Request, status: int, title: str, message: str) -> Response:
        return render(request, "error.html", status_code=status, title=title, message=message)

    @app.exception_handler(SignInRequired)
    def sign_in_first(request: Request, _: Exception) -> Response:
        return to_sign_in(request)

    @app.exception_handler(BadCsrf)
    def bad_csrf(request: Request, _: Exception) -> Response:
        message = (
            "The form had expired or did not come from this site. Nothing was changed: "
            "go back, reload the page and try again."
        )
        return error_page(request, 403, "The form could not be accepted", message)

    @app.exception_handler(NotFound)
    @app.exception_handler(NoScope)
    def not_found(request: Request, _: Exception) -> Response:
        return error_page(request, 404, "Page not found", "There is nothing here you can see.")

    @app.exception_handler(Forbidden)
    def forbidden(request: Request, error: Exception) -> Response:
        return error_page(request, 403, "You cannot do that", str(error))

    @app.exception_handler(InvalidRequest)
    def invalid(request: Request, error: Exception) -> Response:
        return error_page(request, 400, "That request cannot be right", str(error))

    @app.exception_handler(BodyTooLarge)
    def too_large(request: Request, _: Exception) -> Response:
        return error_page(
            request, 413, "Too large", "The file is larger than this service accepts."
        )

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, error: HTTPException) -> Response:
        titles = {404: "Page not found", 405: "Not allowed", 422: "That request cannot be right"}
        title = titles.get(error.status_code, "Something went wrong")
        return error_page(request, error.status_code, title, str(error.detail))
