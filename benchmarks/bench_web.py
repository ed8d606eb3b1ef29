"""The web app under load: 50 signed-in users browsing and searching at once.

The example library is ingested into SQLite and (where reachable) a
PostgreSQL schema; ``assure serve`` runs it on loopback with two worker
processes. The 50 users sign in over five seconds (timed apart: argon2 is
slow on purpose), then (after a warm-up of each page, not measured) each
opens 16 pages drawn from the overview, documents, a document, search,
evidence per statement, actions, meetings, figures and the self-assessment,
thinking 0.5-1.5 s between pages
as a person reading them would. We print requests, errors, and the median,
95th percentile and worst milliseconds, overall and per page, beside the
peer: ``/healthz`` (the server and the network path with no work at all)
asked for by the same users under the same load. Bounded: 50 x 16 requests,
each with a 30 s timeout; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
RATINGS = ROOT.parent / "shared" / "data" / "cqc-la-ratings.csv"
COUNCIL = "Northfield Borough Council"
USERS = 50
PAGES_PER_USER = 16
THINK = (0.5, 1.5)
ARRIVALS = 5.0  # seconds over which the users sign in
WARM_UP = 4  # requests at once for each page before measuring
WORKERS = 2
PASSWORD = "load test pass phrase"
SEARCHES = [
    "direct payments",
    "carers",
    "safeguarding",
    "waiting list",
    "reablement",
    "hospital discharge",
]
STATEMENTS = [
    "assessing-needs",
    "equity",
    "care-provision",
    "safeguarding",
    "governance",
    "learning",
]
OWN = ("healthz", "sign-in")  # reported on their own lines, not as pages
POSTGRES_URL = os.environ.get(
    "ASSURE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def prepare(folder: Path, database_url: str | None) -> dict[str, str]:
    """Ingest the examples and add the users; the server's environment."""
    from assure.services import accounts
    from assure.services.application import Application
    from assure.services.ingest import ingest
    from assure.settings import Settings

    settings = Settings(data_dir=str(folder), database_url=database_url)
    files = [*EXAMPLES.glob("*.docx"), *EXAMPLES.glob("*.pdf"), *EXAMPLES.glob("*.csv")]
    with Application(settings) as app:
        operator = accounts.operator(app.library, [COUNCIL])
        summary = ingest(app, operator, sorted(files), COUNCIL)
        assert summary.failed == 0, summary.files
        for n in range(USERS):
            email = f"reader{n}@northfield.example"
            accounts.add_user(operator, app.library, email, PASSWORD, [COUNCIL], "viewer")
    env = {**os.environ, "ASSURE_DATA_DIR": str(folder), "ASSURE_RATINGS_CSV": str(RATINGS)}
    if database_url:
        env["ASSURE_DATABASE_URL"] = database_url
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    command = [str(Path(sys.executable).parent / "assure"), "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", str(WORKERS)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 180  # two workers start slowly on a busy machine
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("the server did not start")


def page_mix(documents: list[int], rng: random.Random) -> tuple[str, str]:
    """A page a person might open next: (its kind, its path)."""
    kind = rng.choice(
        ["overview", "documents", "document", "search", "search", "evidence", "actions",
         "meetings", "figures", "self-assessment", "healthz"]
    )  # fmt: skip
    paths = {
        "overview": "/",
        "documents": "/documents",
        "document": f"/documents/{rng.choice(documents)}",
        "search": f"/search?q={rng.choice(SEARCHES).replace(' ', '+')}",
        "evidence": f"/evidence/{rng.choice(STATEMENTS)}",
        "actions": "/actions",
        "meetings": "/meetings",
        "figures": "/figures",
        "self-assessment": "/self-assessment",
        "healthz": "/healthz",
    }
    return kind, paths[kind]


async def sign_in(
    client: httpx.AsyncClient, n: int, timings: dict[str, list[float]], errors: list[str]
) -> bool:
    """One user arriving (within ``ARRIVALS`` seconds) and signing in."""
    await asyncio.sleep(random.Random(-n).uniform(0, ARRIVALS))
    started = time.perf_counter()
    form = await client.get("/sign-in")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    signed = await client.post(
        "/sign-in",
        data={
            "email": f"reader{n}@northfield.example",
            "password": PASSWORD,
            "csrf_token": token[1] if token else "",
        },
    )
    timings["sign-in"].append((time.perf_counter() - started) * 1000)
    if signed.status_code != 303:
        errors.append(f"sign-in {signed.status_code}")
    return signed.status_code == 303


async def browse(
    client: httpx.AsyncClient,
    n: int,
    documents: list[int],
    timings: dict[str, list[float]],
    errors: list[str],
) -> None:
    """One signed-in user opening pages, thinking between them."""
    rng = random.Random(n)
    await asyncio.sleep(rng.uniform(*THINK))
    for _ in range(PAGES_PER_USER):
        kind, path = page_mix(documents, rng)
        started = time.perf_counter()
        try:
            answer = await client.get(path)
            if answer.status_code != 200:
                errors.append(f"{path} {answer.status_code}")
        except httpx.HTTPError as error:
            errors.append(f"{path} {type(error).__name__}")
        timings[kind].append((time.perf_counter() - started) * 1000)
        await asyncio.sleep(rng.uniform(*THINK))


async def warm_up(clients: list[httpx.AsyncClient], documents: list[int]) -> None:
    """Each kind of page a few times at once (so every worker builds its
    templates and kept results), not measured: a server in use is warm."""
    rng = random.Random(0)
    paths = sorted({page_mix(documents, rng)[1] for _ in range(400)})
    for path in paths:
        await asyncio.gather(*(client.get(path) for client in clients[:WARM_UP]))


async def load(base: str, documents: list[int]) -> tuple[dict[str, list[float]], list[str], float]:
    """All users sign in (timed on their own: argon2 is slow on purpose),
    then all browse at once."""
    timings: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    clients = [httpx.AsyncClient(base_url=base, timeout=30) for _ in range(USERS)]
    try:
        await asyncio.gather(*(sign_in(c, n, timings, errors) for n, c in enumerate(clients)))
        await warm_up(clients, documents)
        started = time.perf_counter()
        await asyncio.gather(
            *(browse(c, n, documents, timings, errors) for n, c in enumerate(clients))
        )
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))
    return timings, errors, time.perf_counter() - started


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) of a process and its children so far, from /proc."""
    total = 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    for stat in [Path(f"/proc/{pid}/stat"), *Path("/proc").glob("[0-9]*/stat")]:
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):  # itself, or a worker
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(engine: str, timings: dict[str, list[float]], errors: list[str], seconds: float) -> None:
    pages = [t for kind, found in timings.items() if kind not in OWN for t in found]
    peer = timings.get("healthz", [])
    total = sum(map(len, timings.values()))
    print(
        f"{engine}: {USERS} users, {total} requests in {seconds:.1f} s "
        f"({total / seconds:.1f}/s), {len(errors)} errors"
    )
    signing = timings.get("sign-in", [])
    for name, values in (("pages", pages), ("peer /healthz", peer), ("sign-in", signing)):
        print(
            f"  {name:16} p50 {statistics.median(values):6.1f} ms  "
            f"p95 {percentile(values, 0.95):6.1f} ms  max {max(values):6.1f} ms  (n={len(values)})"
        )
    for kind in sorted(k for k in timings if k not in OWN):
        values = timings[kind]
        print(
            f"    {kind:16} p50 {statistics.median(values):6.1f} ms  "
            f"p95 {percentile(values, 0.95):6.1f} ms  (n={len(values)})"
        )
    for error in errors[:5]:
        print(f"  error: {error}")


def run_on(engine: str, database_url: str | None) -> None:
    from assure.settings import Settings
    from assure.storing import Library

    folder = Path(tempfile.mkdtemp(prefix="assure-bench-web-"))
    try:
        env = prepare(folder, database_url)
        with Library(Settings(data_dir=str(folder), database_url=database_url)) as library:
            documents = [d.id for d in library.documents([COUNCIL])]
        port = free_port()
        server = start_server(env, port)
        try:
            before = cpu_seconds(server.pid)
            timings, errors, seconds = asyncio.run(load(f"http://127.0.0.1:{port}", documents))
            cpu = cpu_seconds(server.pid) - before
        finally:
            server.terminate()
            server.wait(timeout=30)
        report(engine, timings, errors, seconds)
        requests = sum(map(len, timings.values()))
        print(
            f"  server CPU {cpu:.1f} s for {requests} requests "
            f"({cpu / requests * 1000:.1f} ms each); load average now {os.getloadavg()[0]:.1f}"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def postgres_schema() -> tuple[str, object] | None:
    """A fresh schema on the local PostgreSQL, or None where it is not reachable."""
    from sqlalchemy import create_engine, text

    try:
        admin = create_engine(
            POSTGRES_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
        )
        schema = f"assure_bench_{uuid.uuid4().hex[:10]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:
        print(f"postgresql: skipped ({type(error).__name__})")
        return None
    separator = "&" if "?" in POSTGRES_URL else "?"
    return f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}", (admin, schema)


def run() -> None:
    print(
        f"{USERS} users x {PAGES_PER_USER} pages, thinking {THINK[0]}-{THINK[1]} s, "
        f"{WORKERS} workers; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    run_on("sqlite", None)
    found = postgres_schema()
    if found is None:
        return
    url, (admin, schema) = found
    try:
        run_on("postgresql", url)
    finally:
        from sqlalchemy import text

        with admin.connect() as connection:  # type: ignore[attr-defined]
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()  # type: ignore[attr-defined]


if __name__ == "__main__":
    run()
