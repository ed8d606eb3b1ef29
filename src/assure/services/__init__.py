"""The application layer: what assure does for a user, whichever interface asks.

Every service takes the caller's ``Scope`` first and refuses to run without one;
results are pydantic models that the command line prints as tables or JSON,
and the web app and API render or return as they are.
"""

from assure.services.errors import Forbidden, InvalidRequest, NoScope, NotFound, ServiceError
from assure.services.scope import Role, Scope

__all__ = ["Forbidden", "InvalidRequest", "NoScope", "NotFound", "Role", "Scope", "ServiceError"]
