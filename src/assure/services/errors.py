"""What a service refuses, in words a user can act on.

Interfaces map these to their own terms: the command line prints the message on
one line (exit status 2 for a request that cannot be right, 1 otherwise), the
web app and API answer 400, 403 or 404.
"""

from __future__ import annotations

from assure.errors import AssureError


class ServiceError(AssureError):
    """Base of the refusals below."""


class NoScope(ServiceError):
    """A call made with no council in scope."""


class NotFound(ServiceError):
    """Nothing of that id or name in the caller's councils (whether or not it
    exists elsewhere)."""


class Forbidden(ServiceError):
    """In the caller's councils, but their role there does not allow it."""


class InvalidRequest(ServiceError):
    """Arguments that cannot be right: out of range, unknown ids or names."""
