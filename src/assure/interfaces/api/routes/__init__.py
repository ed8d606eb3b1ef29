"""The API's routes, one module per area."""

from __future__ import annotations

from assure.interfaces.api.routes import admin, assessment, documents, evidence, tracking

ROUTERS = (documents.router, evidence.router, tracking.router, assessment.router, admin.router)
