"""The API's routes, one module per resource."""

from __future__ import annotations

from assure.interfaces.api.routes import documents

ROUTERS = (documents.router,)
