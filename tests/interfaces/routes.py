"""The app's routes, walked, so that a new page or API route is covered by
the security tests without anyone listing it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fastapi.routing import APIRoute
from starlette.routing import Mount

PUBLIC = {"/sign-in", "/healthz"}


@dataclass(frozen=True)
class Route:
    method: str
    template: str
    path: str  # the template with sample values for its parameters


def sample_path(route: APIRoute, values: dict[str, object] | None = None) -> str:
    path = route.path
    for param in route.dependant.path_params:
        given = (values or {}).get(param.name)
        if given is None:
            given = 1 if param.field_info.annotation is int else "x" * 24
        path = path.replace("{" + param.name + "}", str(given))
    return path


def walk(routes, prefix: str = "", values: dict[str, object] | None = None) -> Iterator[Route]:
    for route in routes:
        included = getattr(route, "original_router", None)  # an included router
        if included is not None:
            inner = prefix + route.include_context.prefix
            yield from walk(included.routes, inner, values)
        elif isinstance(route, APIRoute):
            for method in sorted(route.methods):
                yield Route(method, prefix + route.path, prefix + sample_path(route, values))


def page_routes(app, values: dict[str, object] | None = None) -> list[Route]:
    return [r for r in walk(app.routes, "", values) if r.template not in PUBLIC]


def api_app(app):
    return next(r.app for r in app.routes if isinstance(r, Mount) and r.path == "/api/v1")


def api_routes(app, values: dict[str, object] | None = None) -> list[Route]:
    return list(walk(api_app(app).routes, "/api/v1", values))
