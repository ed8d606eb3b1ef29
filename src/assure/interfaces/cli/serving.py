"""``assure serve``: the web app and JSON API under uvicorn."""

from __future__ import annotations

import typer


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", help="Worker processes."),
    proxy_headers: bool = typer.Option(
        False,
        "--proxy-headers",
        help="Trust X-Forwarded-Proto/For from a TLS proxy in front (cookies then get Secure).",
    ),
) -> None:
    """Run the web app and the JSON API (signed-in users only; GET /healthz answers 200)."""
    import uvicorn

    from assure.interfaces.cli.common import environment
    from assure.interfaces.web.app import create_app
    from assure.settings import shown

    settings = environment()
    data = shown("database_url", settings.resolved_database_url)
    typer.echo(f"assure on http://{host}:{port}/ (data: {data})")
    if workers > 1:
        uvicorn.run(
            "assure.interfaces.web.app:app_from_environment",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            proxy_headers=proxy_headers,
            log_level="warning",
        )
        return
    uvicorn.run(
        create_app(settings), host=host, port=port, proxy_headers=proxy_headers, log_level="warning"
    )


def register(app: typer.Typer) -> None:
    app.command()(serve)
