"""Account commands: ``assure users ...`` and ``assure tokens ...``.

They run as the local operator (whoever can open the database may manage its
accounts); every change is written to the audit log.
"""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

import typer

from assure.interfaces.cli.common import environment, opened_library
from assure.interfaces.terminal import visible

if TYPE_CHECKING:
    from assure.services.scope import Scope
    from assure.storing import Library

T = TypeVar("T")

users_app = typer.Typer(help="Users of the web app and API, and their role per council.")
tokens_app = typer.Typer(help="API tokens (`Authorization: Bearer TOKEN`).")

ROLE_HELP = "viewer (reads), editor (also corrects, scores, uploads) or admin (also manages users)."
STDIN_HELP = "Read the password from standard input (first line) instead of prompting."


@contextmanager
def as_operator(*councils: str) -> Iterator[tuple[Scope, Library]]:
    """The library, and the operator's scope over its councils and ``councils``."""
    from assure.services import accounts

    with opened_library(environment()) as library:
        yield accounts.operator(library, councils), library


def refused(action: Callable[[], T]) -> T:
    """Run ``action``; a refusal is one line on stderr and exit status 2 for a
    request that cannot be right, 1 otherwise."""
    from assure.services import InvalidRequest, ServiceError

    try:
        return action()
    except ServiceError as error:
        typer.echo(f"error: {visible(str(error))}", err=True)
        raise typer.Exit(2 if isinstance(error, InvalidRequest) else 1) from None


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        typer.echo("error: the passwords differ", err=True)
        raise typer.Exit(1)
    return first


@users_app.command("add")
def add(
    email: str = typer.Argument(..., help="The user's email address (their sign-in name)."),
    councils: list[str] = typer.Option(..., "--council", help="A council to grant (repeatable)."),
    role: str = typer.Option(..., "--role", help=ROLE_HELP),
    password_stdin: bool = typer.Option(False, "--password-stdin", help=STDIN_HELP),
) -> None:
    """Create a user with a role on one or more councils."""
    from assure.services import accounts

    password = read_password(password_stdin)
    with as_operator(*councils) as (scope, library):
        made = refused(lambda: accounts.add_user(scope, library, email, password, councils, role))
    typer.echo(visible(f"added {made.email}: {grants_text(made.grants)}"))


@users_app.command("list")
def list_users(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Every user with their role per council."""
    from assure.services import accounts

    with as_operator() as (scope, library):
        found = accounts.users(scope, library)
    if as_json:
        typer.echo(json.dumps([a.model_dump(mode="json") for a in found], indent=2))
        return
    for a in found:
        typer.echo(f"{visible(a.email)}\t{visible(grants_text(a.grants))}")
    if not found:
        typer.echo("no users yet: use `assure users add EMAIL`", err=True)


@users_app.command("grant")
def grant(
    email: str = typer.Argument(...),
    council: str = typer.Option(..., "--council", help="The council."),
    role: str = typer.Option(..., "--role", help=ROLE_HELP),
) -> None:
    """Give a user a role on a council (or change the role they have there)."""
    from assure.services import accounts

    with as_operator(council) as (scope, library):
        made = refused(lambda: accounts.grant(scope, library, email, council, role))
    typer.echo(visible(f"{made.email}: {grants_text(made.grants)}"))


@users_app.command("revoke")
def revoke(
    email: str = typer.Argument(...),
    council: str = typer.Option(..., "--council", help="The council to take away."),
) -> None:
    """Take a council away from a user."""
    from assure.services import accounts

    with as_operator() as (scope, library):
        made = refused(lambda: accounts.revoke(scope, library, email, council))
    typer.echo(visible(f"{made.email}: {grants_text(made.grants) or 'no councils'}"))


@users_app.command("remove")
def remove(email: str = typer.Argument(...)) -> None:
    """Delete a user with their grants and API tokens."""
    from assure.services import accounts

    with as_operator() as (scope, library):
        refused(lambda: accounts.remove_user(scope, library, email))
    typer.echo(visible(f"removed {email}"))


@users_app.command("password")
def password(
    email: str = typer.Argument(...),
    password_stdin: bool = typer.Option(False, "--password-stdin", help=STDIN_HELP),
) -> None:
    """Set a user's password."""
    from assure.services import accounts

    new = read_password(password_stdin)
    with as_operator() as (scope, library):
        refused(lambda: accounts.set_password(scope, library, email, new))
    typer.echo(visible(f"password set for {email}"))


@tokens_app.command("create")
def create(email: str = typer.Argument(..., help="The user the token acts as.")) -> None:
    """Create an API token and print it (it is shown this once, stored only hashed)."""
    from assure.services import accounts

    with as_operator() as (scope, library):
        issued = refused(lambda: accounts.create_token(scope, library, email))
    typer.echo(issued.token)


@tokens_app.command("list")
def list_tokens(
    email: str | None = typer.Option(None, "--email", help="Only this user's tokens."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """API tokens by id, user and first characters (never the whole token)."""
    from assure.services import accounts

    with as_operator() as (scope, library):
        found = refused(lambda: accounts.tokens(scope, library, email))
    if as_json:
        typer.echo(json.dumps([t.model_dump(mode="json") for t in found], indent=2))
        return
    for t in found:
        state = "revoked" if t.revoked else "live"
        typer.echo(f"{t.id}\t{visible(t.email)}\t{t.prefix}...\t{t.created_at:%Y-%m-%d}\t{state}")


@tokens_app.command("revoke")
def revoke_token(
    token_id: int = typer.Argument(..., min=1, max=2**62, help="The token's id (see tokens list)."),
) -> None:
    """Revoke an API token: it stops working at once."""
    from assure.services import accounts

    with as_operator() as (scope, library):
        info = refused(lambda: accounts.revoke_token(scope, library, token_id))
    typer.echo(visible(f"revoked token {info.id} ({info.prefix}...) of {info.email}"))


def grants_text(grants: dict[str, str]) -> str:
    return "; ".join(f"{role} of {council}" for council, role in sorted(grants.items()))


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
    app.add_typer(tokens_app, name="tokens")
