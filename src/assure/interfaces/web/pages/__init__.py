"""The pages, one module per area; ``ROUTERS`` in the order the app adds them."""

from __future__ import annotations

from assure.interfaces.web.pages import documents, overview, signin

ROUTERS = (signin.router, overview.router, documents.router)
