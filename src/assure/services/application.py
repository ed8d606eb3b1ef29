"""The application: settings, the library and the models, opened once and
shared by every service call of one interface (a CLI command, the web app).
"""

from __future__ import annotations

from functools import cached_property

from sqlalchemy.exc import SQLAlchemyError

from assure.ingest.models import ModelStore
from assure.services.errors import ServiceError
from assure.services.scope import Scope
from assure.settings import Settings
from assure.storing import Library


class Unavailable(ServiceError):
    """The database cannot be opened or used."""


class Application:
    """What every service works on. The library is opened on first use."""

    def __init__(self, settings: Settings, library: Library | None = None) -> None:
        self.settings = settings
        if library is not None:
            self.__dict__["library"] = library

    @cached_property
    def library(self) -> Library:
        try:
            return Library(self.settings)
        except SQLAlchemyError as error:
            raise Unavailable(f"cannot open the database: {database_reason(error)}") from None

    @cached_property
    def models(self) -> ModelStore:
        return ModelStore(self.settings)

    def operator_scope(self, council: str | None = None) -> Scope:
        """The local command line's scope: every council in the library, or
        only ``council`` where one is named (it need not exist yet)."""
        named = council or self.settings.council
        return Scope.operator([named] if named else self.library.councils())

    def close(self) -> None:
        if "library" in self.__dict__:
            self.library.close()

    def __enter__(self) -> Application:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def database_reason(error: SQLAlchemyError) -> str:
    """The first line of what the database driver said."""
    return str(getattr(error, "orig", None) or error).splitlines()[0]
