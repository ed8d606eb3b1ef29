"""``create_api``: the JSON API application, mounted at ``/api/v1``."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from assure.interfaces.api import routes
from assure.interfaces.api.deps import responses, token_scope
from assure.services import Forbidden, InvalidRequest, NoScope, NotFound, Scope
from assure.services.application import Application

VERSION = "1.0.0"


def create_api(application: Application) -> FastAPI:
    api = FastAPI(
        title="assure API",
        version=VERSION,
        description=(
            "A council's evidence base: documents, search, evidence per quality statement, "
            "meetings, actions, plans, figures and the self-assessment. Every route needs "
            "`Authorization: Bearer TOKEN` (`assure tokens create EMAIL`) and sees only the "
            "councils the token's user is granted; another council's item is 404. Lists take "
            "`limit` and `offset` and answer `X-Total-Count` and a `Link` header."
        ),
        servers=[{"url": "/api/v1"}],
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,
    )
    api.state.application = application
    api.state.library = application.library
    for router in routes.ROUTERS:
        api.include_router(router, dependencies=[Depends(token_scope)], responses=responses())

    @api.get(
        "/openapi.json",
        tags=["meta"],
        summary="This API's OpenAPI description",
        responses=responses(),
    )
    def openapi(scope: Scope = Depends(token_scope)) -> dict[str, Any]:
        return api.openapi()

    add_errors(api)
    return api


def add_errors(api: FastAPI) -> None:
    def problem(status: int, message: str) -> JSONResponse:
        return JSONResponse({"detail": message}, status_code=status)

    @api.exception_handler(NotFound)
    @api.exception_handler(NoScope)
    def not_found(request: Request, _: Exception) -> JSONResponse:
        return problem(404, "not found")

    @api.exception_handler(Forbidden)
    def forbidden(request: Request, error: Exception) -> JSONResponse:
        return problem(403, str(error))

    @api.exception_handler(InvalidRequest)
    def invalid(request: Request, error: Exception) -> JSONResponse:
        return problem(400, str(error))

    @api.exception_handler(RequestValidationError)
    def unprocessable(request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": jsonable(error.errors())}, status_code=422)


def jsonable(errors: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(
        errors, custom_encoder={Exception: str, bytes: lambda b: b.decode("latin-1")}
    )
