"""The JSON API under ``/api/v1``: bearer tokens, the same services and
council scope as the pages, OpenAPI at ``/api/v1/openapi.json``."""
