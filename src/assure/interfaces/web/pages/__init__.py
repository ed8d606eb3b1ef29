"""The pages, one module per area; ``ROUTERS`` in the order the app adds them."""

from __future__ import annotations

from assure.interfaces.web.pages import (
    admin,
    assessment,
    documents,
    evidence,
    figures,
    overview,
    search,
    signin,
    tracking,
)

ROUTERS = (
    signin.router,
    overview.router,
    documents.router,
    search.router,
    evidence.router,
    tracking.router,
    figures.router,
    assessment.router,
    admin.router,
)
