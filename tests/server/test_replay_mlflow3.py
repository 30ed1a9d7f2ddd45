#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The test server's MLflow 3 mode against real MLflow 3.6 output (tests/data/mlflow3/).

* ReplayMlflow3Test replays every recorded exchange (tests/data/mlflow3/rest/NNN_*.json, in
  order) against mlflow_test_server.py started on a fresh copy of tests/data/mlflow3/mlflow.db,
  the store as it was BEFORE the recorded registry writes (068-080), without --mlflow-major (the
  major is detected from the schema). It requires the same status, content type and JSON (key
  order ignored; text bodies byte for byte). The times a write generates differ by nature: they
  are mapped, not ignored (see GENERATED). After the replay the whole store must equal
  tests/data/mlflow3/mlflow-after-writes.db, those times mapped the same way.
* Mlflow3QuirksTest pins each quirk listed in tests/data/mlflow3/FIXTURES.md ("MLflow 3 quirks a
  client must handle") with a test named after it, beyond the single recorded case.
* FileStoreFixtureTest pins the file-store quirks of that list on tests/data/mlflow3/mlruns/
  itself (the server does not read file stores; the C++ reader does).
* MajorSwitchTest: --mlflow-major overrides the detection both ways.
"""

import base64
import contextlib
import glob
import http.client
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import unittest
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from test_replay import DATA, diff, start_server, stop_server  # noqa: E402

DATA3 = os.path.join(DATA, "mlflow3")
REST3 = os.path.join(DATA3, "rest")
ARTIFACTS3 = os.path.join(DATA3, "server-artifacts")
MLRUNS3 = os.path.join(DATA3, "mlruns")

# Fields whose value the request itself generates: the time of the write. Each such recorded
# time is mapped to the time our server answered, and every later occurrence of the recorded
# time (in later answers and in mlflow-after-writes.db) must be that time: so 070 and 078/079
# check that the transition touched exactly v2, v3 and the registered model, and 079 that the
# new version set the registered model's time.
GENERATED = {
    # transition-stage: the version's (and the archived v2's and the model's) new update time
    "068_model_versions_transition_stage_v3_production.json": ("model_version.last_updated_timestamp",),
    # model-versions/create: the creation time (= update time, = the model's update time)
    "076_model_versions_create_from_models_uri.json": ("model_version.creation_timestamp",
                                                       "model_version.last_updated_timestamp"),
}

HISTORY = "/api/2.0/mlflow/metrics/get-history"
RUN_GBR04 = "9ad4bf42a52249768dbc1e46e3614214"  # logged LoggedModel m-a277...
RUN_LEGACY = "f5e11ecc2c304ca085d1e81263e195a4"  # model files as plain run artifacts (v4)
PROMPT = "car_price_summary_prompt"
TOKEN_OFFSET_0 = "eyJvZmZzZXQiOiAwfQ=="
REFUSED_OFFSET_0 = "Invalid page token, parsed value={'offset': 0}"


def load(name):
    with open(os.path.join(REST3, name), encoding="utf-8") as fh:
        return json.load(fh)


def recorded(prefix):
    """The recorded exchange whose file name starts with `prefix` (e.g. "016")."""
    (path,) = glob.glob(os.path.join(REST3, prefix + "_*.json"))
    return load(os.path.basename(path))


def dotted(obj, path):
    for part in path.split("."):
        obj = obj[part]
    return obj


def translate(value, times):
    """`value` with every int that is a recorded generated time replaced by our server's."""
    if isinstance(value, dict):
        return {k: translate(v, times) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [translate(v, times) for v in value]
    if type(value) is int and value in times:
        return times[value]
    return value


def store_tables(db_path):
    """Every table of an MLflow store, rows sorted, as lists."""
    conn = sqlite3.connect(db_path)
    names = [n for (n,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    tables = {}
    for name in names:
        rows = conn.execute(f'SELECT * FROM "{name}"').fetchall()
        tables[name] = sorted((list(r) for r in rows), key=repr)
    conn.close()
    return tables


class Client:
    """HTTP helpers against one server."""

    def request(self, method, path, body=None, raw=None, headers=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        hdrs = dict(headers or {})
        data = raw
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            hdrs["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=hdrs)
        resp = conn.getresponse()
        payload = resp.read()
        ctype = resp.getheader("Content-Type", "")
        conn.close()
        return resp.status, payload, ctype

    def call(self, method, path, body=None):
        """(status, parsed JSON body)."""
        status, payload, ctype = self.request(method, path, body)
        if not ctype.startswith("application/json"):
            return status, payload
        return status, json.loads(payload or b"{}")

    def get(self, url, **query):
        if query:
            url += "?" + urllib.parse.urlencode(query)
        return self.call("GET", url)

    def post(self, path, body):
        return self.call("POST", path, body)

    def ok(self, method, path, body=None):
        status, result = self.call(method, path, body)
        if status != 200:
            raise AssertionError(f"{method} {path}: {status} {result}")
        return result


@contextlib.contextmanager
def running_server(db_source=os.path.join(DATA3, "mlflow.db"), extra=()):
    """A server on a fresh copy of `db_source`, as a Client."""
    tmp = tempfile.mkdtemp(prefix="rest_mlflow3_")
    db = os.path.join(tmp, "mlflow.db")
    shutil.copyfile(db_source, db)
    os.chmod(db, 0o644)
    proc, host, port = start_server(db, ARTIFACTS3, extra)
    client = Client()
    client.host, client.port, client.db = host, port, db
    try:
        yield client
    finally:
        stop_server(proc)
        shutil.rmtree(tmp, ignore_errors=True)


class ReplayMlflow3Test(Client, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._server = running_server()
        client = cls._server.__enter__()
        cls.host, cls.port, cls.db = client.host, client.port, client.db

    @classmethod
    def tearDownClass(cls):
        cls._server.__exit__(None, None, None)

    def send(self, ex):
        body = ex["request_body_raw"].encode("utf-8") if ex.get("request_body_raw") is not None else None
        headers = {"Content-Type": ex["request_content_type"]} if ex.get("request_content_type") else {}
        return self.request(ex["method"], ex["request_url"], raw=body, headers=headers)

    def test_replay_all_exchanges_then_store_equals_after_writes(self):
        files = sorted(f for f in os.listdir(REST3) if f[:3].isdigit() and f.endswith(".json"))
        self.assertEqual(len(files), 80)
        times = {}  # recorded generated time -> ours
        failures = []
        for name in files:
            ex = load(name)
            started = int(time.time() * 1000)
            status, data, ctype = self.send(ex)
            problems = []
            if status != ex["status"]:
                problems.append(f"status: expected {ex['status']}, got {status}")
            expected_ctype = ex["response_content_type"] or ""
            if ctype.split(";")[0].strip() != expected_ctype.split(";")[0].strip():
                problems.append(f"content type: expected {expected_ctype!r}, got {ctype!r}")
            if expected_ctype.startswith("application/json"):
                try:
                    actual = json.loads(data)
                    expected = json.loads(ex["response_body"])
                    for field in GENERATED.get(name, ()):
                        ours = dotted(actual, field)
                        if not isinstance(ours, int) or not started - 5 <= ours <= int(time.time() * 1000) + 5:
                            problems.append(f"{field}: {ours!r} is not the time of this request")
                        times[dotted(expected, field)] = ours
                    problems += diff(translate(expected, times), actual)
                except (ValueError, KeyError) as e:
                    problems.append(f"body is not the expected JSON ({e!r}): {data[:120]!r}")
            elif data != ex["response_body"].encode("utf-8"):
                problems.append(f"body differs: expected {len(ex['response_body'])} chars, "
                                f"got {len(data)} bytes")
            if problems:
                shown = problems[:8] + ([f"... and {len(problems) - 8} more"] if len(problems) > 8 else [])
                failures.append(f"{name} ({ex['method']} {ex['request_url'][:90]}):\n    "
                                + "\n    ".join(shown))
        if failures:
            self.fail(f"{len(failures)} of {len(files)} exchanges differ:\n" + "\n".join(failures))
        self.assertEqual(len(times), 2, "068 and 076 each generate one time")

        # The recorded writes, made by the replay, leave the store as MLflow left it.
        ours = store_tables(self.db)
        after = {name: sorted((translate(r, times) for r in rows), key=repr)
                 for name, rows in store_tables(os.path.join(DATA3, "mlflow-after-writes.db")).items()}
        self.assertEqual(sorted(ours), sorted(after))
        for table in ("model_versions", "registered_models", "registered_model_aliases",
                      "model_version_tags", "registered_model_tags", "logged_model_tags"):
            with self.subTest(table=table):
                self.assertEqual(ours[table], after[table])
        self.assertEqual(ours, after)


class Mlflow3QuirksTest(Client, unittest.TestCase):
    """One test per quirk of FIXTURES.md, on a read-only server; tests that write start their
    own server on a fresh copy."""

    @classmethod
    def setUpClass(cls):
        cls._server = running_server()
        client = cls._server.__enter__()
        cls.host, cls.port, cls.db = client.host, client.port, client.db
        cls.sql = sqlite3.connect(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.sql.close()
        cls._server.__exit__(None, None, None)

    def versions(self, name="car_price_model"):
        return self.ok("GET", "/api/2.0/mlflow/model-versions/search?"
                       + urllib.parse.urlencode({"filter": f"name='{name}'"}))["model_versions"]

    # ---- Model versions point at LoggedModels, not runs ----------------------------------------

    def test_version_source_is_a_logged_model_not_the_run(self):
        for mv in self.versions():
            with self.subTest(version=mv["version"]):
                uri = self.ok("GET", "/api/2.0/mlflow/model-versions/get-download-uri?"
                              + urllib.parse.urlencode({"name": mv["name"], "version": mv["version"]}))
                if mv["source"].startswith("models:/m-"):
                    model = self.get(f"/api/2.0/mlflow/logged-models/{mv['source'][len('models:/'):]}")[1]["model"]
                    self.assertEqual(uri["artifact_uri"], model["info"]["artifact_uri"])
                    self.assertRegex(uri["artifact_uri"], r"^mlflow-artifacts:/1/models/m-[0-9a-f]{32}/artifacts$")
                    files = self.get(f"/api/2.0/mlflow/logged-models/{model['info']['model_id']}"
                                     "/artifacts/directories")[1]
                    self.assertEqual(files["root_uri"], uri["artifact_uri"])
                    self.assertIn("MLmodel", [f["path"] for f in files["files"]])
                    # ... and not under its run
                    run = self.get("/api/2.0/mlflow/runs/get", run_id=mv["run_id"])[1]["run"]
                    self.assertEqual(self.get("/api/2.0/mlflow/artifacts/list", run_id=mv["run_id"])[1],
                                     {"root_uri": run["info"]["artifact_uri"]})
                    root = run["info"]["artifact_uri"][len("mlflow-artifacts:/"):]
                    self.assertEqual(self.get("/api/2.0/mlflow-artifacts/artifacts", path=root)[1], {})
                else:
                    # v4: registered from plain run artifacts, the source is the run's folder
                    self.assertEqual(mv["version"], "4")
                    self.assertEqual(uri["artifact_uri"], mv["source"])
                    self.assertTrue(mv["source"].startswith(f"mlflow-artifacts:/1/{RUN_LEGACY}/artifacts/"))
                    listing = self.get("/api/2.0/mlflow-artifacts/artifacts",
                                       path=mv["source"][len("mlflow-artifacts:/"):])[1]
                    self.assertIn("MLmodel", [f["path"] for f in listing["files"]])

    def test_model_version_json_has_no_model_id(self):
        answers = self.versions() + [
            self.get("/api/2.0/mlflow/model-versions/get", name="car_price_model", version=v)[1]["model_version"]
            for v in "1234"]
        for mv in answers:
            self.assertNotIn("model_id", mv)
        # ... but it can be recovered from the source, and the LoggedModel knows the version
        v2 = self.get("/api/2.0/mlflow/model-versions/get", name="car_price_model", version="2")[1]["model_version"]
        model_id = v2["source"][len("models:/"):]
        model = self.get(f"/api/2.0/mlflow/logged-models/{model_id}")[1]["model"]
        self.assertEqual(model["info"]["source_run_id"], v2["run_id"])
        registrations = json.loads(dict((t["key"], t["value"]) for t in model["info"]["tags"])["mlflow.modelVersions"])
        self.assertIn({"name": "car_price_model", "version": 2}, registrations)

    # ---- mlflow.modelVersions -------------------------------------------------------------------

    def test_model_versions_tag_lists_registrations_ints_strings_and_duplicates(self):
        tags = {}
        for model_id, value in self.sql.execute(
                "SELECT model_id, tag_value FROM logged_model_tags WHERE tag_key = 'mlflow.modelVersions'"):
            tags[model_id] = value
        # as the Python client left them: an int and the same version as a string
        self.assertEqual(json.loads(tags["m-a27747ccc3644ca1b0c96cde62e0b9d2"]),
                         [{"name": "car_price_model", "version": 1}, {"name": "car_price_model", "version": "1"}])
        self.assertEqual(json.loads(tags["m-5511dcb6b7ae4067aab53a1118ab9a10"]),
                         [{"name": "car_price_model", "version": 3}])
        # a version created over REST with model_id adds an int; without model_id nothing
        churn = "m-4e49d66c55144d16894a8c8e1f0c6273"
        with running_server() as server:
            created = server.ok("POST", "/api/2.0/mlflow/model-versions/create", {
                "name": "car_price_model", "source": f"models:/{churn}", "model_id": churn})["model_version"]
            self.assertEqual(created["version"], "5")
            server.ok("POST", "/api/2.0/mlflow/model-versions/create",
                      {"name": "car_price_model", "source": f"models:/{churn}"})
            info = server.get(f"/api/2.0/mlflow/logged-models/{churn}")[1]["model"]["info"]
            value = dict((t["key"], t["value"]) for t in info["tags"])["mlflow.modelVersions"]
            self.assertEqual(value, '[{"name": "churn_model_v3", "version": 1}, '
                                    '{"name": "car_price_model", "version": 5}]')
            # the LoggedModel's own update time is not touched
            self.assertEqual(info["last_updated_timestamp_ms"], 1796404032480)
            # an unknown model_id fails after the version was made, as in MLflow
            status, body = server.post("/api/2.0/mlflow/model-versions/create", {
                "name": "car_price_model", "source": "mlflow-artifacts:/1/x/artifacts/model",
                "model_id": "m-00000000000000000000000000000000"})
            self.assertEqual((status, body["error_code"]), (404, "RESOURCE_DOES_NOT_EXIST"))
            self.assertEqual(server.get("/api/2.0/mlflow/model-versions/get", name="car_price_model",
                                        version="7")[0], 200)

    # ---- metrics/get-history paging -----------------------------------------------------------

    def test_history_without_max_results_is_only_a_refused_token(self):
        histories = self.sql.execute(
            "SELECT run_uuid, key, COUNT(*) FROM metrics GROUP BY run_uuid, key").fetchall()
        self.assertGreater(len(histories), 40)
        for run_id, key, count in histories:
            with self.subTest(run=run_id, key=key):
                status, body = self.get(HISTORY, run_id=run_id, metric_key=key)
                self.assertEqual((status, body), (200, {"next_page_token": TOKEN_OFFSET_0}))
                for extra in ({}, {"max_results": 25000}):
                    status, body = self.get(HISTORY, run_id=run_id, metric_key=key,
                                            page_token=TOKEN_OFFSET_0, **extra)
                    self.assertEqual((status, body), (400, {"error_code": "INVALID_PARAMETER_VALUE",
                                                            "message": REFUSED_OFFSET_0}))
                full = self.get(HISTORY, run_id=run_id, metric_key=key, max_results=25000)[1]
                self.assertEqual(list(full), ["metrics"])
                self.assertEqual(len(full["metrics"]), count)
        # a history with no point: no token at all
        self.assertEqual(self.get(HISTORY, run_id=RUN_GBR04, metric_key="no_such_metric"), (200, {}))
        status, body = self.get(HISTORY, run_id=RUN_GBR04, metric_key="rmse", page_token="garbage")
        self.assertEqual((status, body["message"]), (400, "Invalid page token, could not base64-decode"))

    def test_history_pages_with_max_results_the_last_page_without_token(self):
        full = self.get(HISTORY, run_id=RUN_GBR04, metric_key="val_r2_score", max_results=25000)[1]["metrics"]
        self.assertEqual([m["step"] for m in full], [0, 1, 2, 3, 4])
        for size in (1, 2, 3, 4, 5, 6):
            with self.subTest(max_results=size):
                pages, token = [], None
                while True:
                    query = {"run_id": RUN_GBR04, "metric_key": "val_r2_score", "max_results": size}
                    if token:
                        query["page_token"] = token
                    page = self.get(HISTORY, **query)[1]
                    pages.append(page.get("metrics", []))
                    token = page.get("next_page_token")
                    if not token:
                        break
                    self.assertEqual(json.loads(base64.b64decode(token)), {"offset": sum(map(len, pages))})
                self.assertEqual(sum(pages, []), full)
                self.assertTrue(pages[-1], "the last page is never empty: no token after a full page")
                self.assertEqual(len(pages), -(-5 // size))

    # ---- run metrics vs LoggedModel metrics; model inputs and outputs ---------------------------

    def test_run_metrics_are_plain_logged_model_metrics_are_linked(self):
        run = self.get("/api/2.0/mlflow/runs/get", run_id=RUN_GBR04)[1]["run"]
        for m in run["data"]["metrics"]:
            self.assertEqual(sorted(m), ["key", "step", "timestamp", "value"])
        for key in ("holdout_rmse", "rmse", "val_r2_score"):
            for m in self.get(HISTORY, run_id=RUN_GBR04, metric_key=key, max_results=25000)[1]["metrics"]:
                self.assertEqual(sorted(m), ["key", "step", "timestamp", "value"])
        model = self.get("/api/2.0/mlflow/logged-models/m-a27747ccc3644ca1b0c96cde62e0b9d2")[1]["model"]
        linked = {m["key"]: m for m in model["data"]["metrics"]}
        self.assertEqual(sorted(linked), ["holdout_rmse", "rmse", "val_r2_score"])
        for m in linked.values():
            self.assertEqual((m["model_id"], m["run_id"]), (model["info"]["model_id"], RUN_GBR04))
        self.assertEqual((linked["holdout_rmse"]["dataset_name"], linked["holdout_rmse"]["dataset_digest"]),
                         ("cars_synth_v1_val", "bc79217c"))
        self.assertNotIn("dataset_name", linked["rmse"])

    def test_runs_get_has_model_inputs_and_outputs(self):
        outputs = dict(self.sql.execute(
            "SELECT source_id, destination_id FROM inputs WHERE destination_type = 'MODEL_OUTPUT'"))
        self.assertEqual(len(outputs), 6)
        for run_id, model_id in outputs.items():
            run = self.get("/api/2.0/mlflow/runs/get", run_id=run_id)[1]["run"]
            self.assertEqual(run["outputs"], {"model_outputs": [{"model_id": model_id, "step": 0}]})
        run = self.get("/api/2.0/mlflow/runs/get", run_id=RUN_GBR04)[1]["run"]
        self.assertEqual(run["inputs"]["model_inputs"], [{"model_id": "m-a27747ccc3644ca1b0c96cde62e0b9d2"}])
        self.assertEqual(len(run["inputs"]["dataset_inputs"]), 1)
        # every run answers "outputs", empty or not
        legacy = self.get("/api/2.0/mlflow/runs/get", run_id=RUN_LEGACY)[1]["run"]
        self.assertEqual((legacy["inputs"], legacy["outputs"]), ({}, {}))

    def test_runs_search_has_model_outputs_but_leaves_out_model_inputs(self):
        # Not in FIXTURES.md's list but recorded (004-009): runs/search carries
        # outputs.model_outputs, and NOT inputs.model_inputs, which only runs/get has.
        runs = self.post("/api/2.0/mlflow/runs/search", {"experiment_ids": ["1", "2"],
                                                         "run_view_type": "ALL"})[1]["runs"]
        self.assertEqual(len(runs), 27)
        with_outputs = [r for r in runs if r["outputs"]]
        self.assertEqual(len(with_outputs), 6)
        for r in runs:
            self.assertNotIn("model_inputs", r["inputs"])

    # ---- prompts ------------------------------------------------------------------------------

    def names(self, path, flt=None):
        query = {"filter": flt} if flt is not None else {}
        body = self.get(path, **query)[1]
        key = "registered_models" if "registered-models" in path else "model_versions"
        return [(m["name"], m.get("version")) if key == "model_versions" else m["name"]
                for m in body.get(key, [])]

    def test_prompts_are_registered_models_hidden_from_searches(self):
        rm_search = "/api/2.0/mlflow/registered-models/search"
        everything = ["car_price_model", "churn_model_v3"]
        self.assertEqual(self.names(rm_search), everything)
        self.assertEqual(self.names(rm_search, "tags.`mlflow.prompt.is_prompt` = 'true'"), [PROMPT])
        self.assertEqual(self.names(rm_search, "tags.`mlflow.prompt.is_prompt` != 'false'"), [PROMPT])
        # MLflow drops any other clause on the prompt tag and hides the prompts instead
        self.assertEqual(self.names(rm_search, "tags.`mlflow.prompt.is_prompt` != 'true'"), everything)
        self.assertEqual(self.names(rm_search, "tags.`mlflow.prompt.is_prompt` = 'false'"), everything)
        self.assertEqual(self.names(rm_search, "name LIKE 'car_price%'"), ["car_price_model"])
        self.assertEqual(self.names(rm_search, "tags.team = 'pricing'"), ["car_price_model"])
        self.assertEqual(self.names(rm_search, "tags.team = 'pricing' AND tags.`mlflow.prompt.is_prompt` = 'true'"),
                         [PROMPT])
        # get answers a prompt, tagged as such
        rm = self.get("/api/2.0/mlflow/registered-models/get", name=PROMPT)[1]["registered_model"]
        self.assertIn({"key": "mlflow.prompt.is_prompt", "value": "true"}, rm["tags"])
        mv = self.get("/api/2.0/mlflow/model-versions/get", name=PROMPT, version="2")[1]["model_version"]
        self.assertIn({"key": "mlflow.prompt.is_prompt", "value": "true"}, mv["tags"])
        self.assertEqual(mv["aliases"], ["production"])
        self.assertIn("{{price}}", dict((t["key"], t["value"]) for t in mv["tags"])["mlflow.prompt.text"])
        # model-versions/search: {} by name, the versions only with the prompt filter
        mv_search = "/api/2.0/mlflow/model-versions/search"
        self.assertEqual(self.get(mv_search, filter=f"name='{PROMPT}'"), (200, {}))
        self.assertEqual(sorted(self.names(mv_search, "tags.`mlflow.prompt.is_prompt` = 'true'")),
                         [(PROMPT, "1"), (PROMPT, "2")])
        self.assertNotIn(PROMPT, {n for n, _ in self.names(mv_search, "")})

    # ---- model-versions/search vs get; latest_versions -------------------------------------------

    def test_versions_search_without_aliases_newest_update_first(self):
        found = self.versions()
        self.assertEqual([mv["version"] for mv in found], ["2", "1", "4", "3"])
        times = [mv["last_updated_timestamp"] for mv in found]
        self.assertEqual(times, sorted(times, reverse=True))
        for mv in found:
            self.assertNotIn("aliases", mv)
        got = self.get("/api/2.0/mlflow/model-versions/get", name="car_price_model", version="2")[1]
        self.assertEqual(got["model_version"]["aliases"], ["champion"])
        by_alias = self.get("/api/2.0/mlflow/registered-models/alias", name="car_price_model",
                            alias="challenger")[1]["model_version"]
        self.assertEqual((by_alias["version"], by_alias["aliases"]), ("3", ["challenger"]))

    def test_latest_versions_one_per_stage(self):
        rm = self.get("/api/2.0/mlflow/registered-models/get", name="car_price_model")[1]["registered_model"]
        latest = {mv["current_stage"]: mv["version"] for mv in rm["latest_versions"]}
        self.assertEqual(latest, {"Archived": "1", "Production": "2", "None": "4"})  # not v3
        for mv in rm["latest_versions"]:
            self.assertNotIn("aliases", mv)
        # get-latest-versions (MLflow 3, unlike 2.10.2) fills in the aliases
        versions = self.get("/api/2.0/mlflow/registered-models/get-latest-versions",
                            name="car_price_model")[1]["model_versions"]
        self.assertEqual({mv["version"]: mv.get("aliases") for mv in versions},
                         {"1": None, "2": ["champion"], "4": None})

    # ---- errors -----------------------------------------------------------------------------

    def test_unknown_alias_is_400_unknown_logged_model_is_404(self):
        status, body = self.get("/api/2.0/mlflow/registered-models/alias", name="churn_model_v3", alias="nope")
        self.assertEqual((status, body), (400, {"error_code": "INVALID_PARAMETER_VALUE",
                                                "message": "Registered model alias nope not found."}))
        for path in ("/api/2.0/mlflow/logged-models/m-0", "/api/2.0/mlflow/logged-models/m-0/artifacts/directories"):
            status, body = self.get(path)
            self.assertEqual((status, body), (404, {"error_code": "RESOURCE_DOES_NOT_EXIST",
                                                    "message": "Logged model with ID 'm-0' not found."}))
        # GET logged-models/search is the LoggedModel "search"
        self.assertEqual(self.get("/api/2.0/mlflow/logged-models/search")[0], 404)

    # ---- writes ---------------------------------------------------------------------------------

    def test_delete_alias_needs_a_json_body(self):
        with running_server() as server:
            server.ok("POST", "/api/2.0/mlflow/registered-models/alias",
                      {"name": "churn_model_v3", "alias": "tmp", "version": "1"})
            status, body = server.call("DELETE", "/api/2.0/mlflow/registered-models/alias?"
                                       "name=churn_model_v3&alias=tmp")
            self.assertEqual((status, body), (400, {
                "error_code": "INVALID_PARAMETER_VALUE",
                "message": "Missing value for required parameter 'name'. See the API docs for more "
                           "information about request parameters."}))
            self.assertEqual(server.get("/api/2.0/mlflow/registered-models/alias",
                                        name="churn_model_v3", alias="tmp")[0], 200)
            self.assertEqual(server.ok("DELETE", "/api/2.0/mlflow/registered-models/alias",
                                       {"name": "churn_model_v3", "alias": "tmp"}), {})
            self.assertEqual(server.get("/api/2.0/mlflow/registered-models/alias",
                                        name="churn_model_v3", alias="tmp")[0], 400)

    def test_transition_stage_archive_existing_versions(self):
        with running_server() as server:
            mv = server.ok("POST", "/api/2.0/mlflow/model-versions/transition-stage", {
                "name": "car_price_model", "version": "4", "stage": "Production",
                "archive_existing_versions": True})["model_version"]
            self.assertEqual(mv["current_stage"], "Production")
            self.assertNotIn("aliases", mv)
            stages = {m["version"]: m["current_stage"] for m in
                      server.ok("GET", "/api/2.0/mlflow/model-versions/search?filter=name%3D%27car_price_model%27")["model_versions"]}
            self.assertEqual(stages, {"1": "Archived", "2": "Archived", "3": "None", "4": "Production"})
            # the answer carries the version's aliases (MLflow 3)
            mv = server.ok("POST", "/api/2.0/mlflow/model-versions/transition-stage", {
                "name": "car_price_model", "version": "3", "stage": "Staging"})["model_version"]
            self.assertEqual(mv["aliases"], ["challenger"])
            status, body = server.post("/api/2.0/mlflow/model-versions/transition-stage", {
                "name": "car_price_model", "version": "3", "stage": "None",
                "archive_existing_versions": True})
            self.assertEqual(status, 400)
            self.assertIn("is not an Active stage", body["message"])

    def test_create_from_models_uri_answers_without_tags_or_aliases(self):
        with running_server() as server:
            model_id = "m-5511dcb6b7ae4067aab53a1118ab9a10"
            mv = server.ok("POST", "/api/2.0/mlflow/model-versions/create",
                           {"name": "car_price_model", "source": f"models:/{model_id}"})["model_version"]
            self.assertEqual(sorted(mv), ["creation_timestamp", "current_stage", "description",
                                          "last_updated_timestamp", "name", "run_id", "run_link",
                                          "source", "status", "version"])
            # the run defaults to the LoggedModel's source run; the files are the LoggedModel's
            self.assertEqual(mv["run_id"], "647446379cae4523a14d6034171b20d5")
            uri = server.ok("GET", "/api/2.0/mlflow/model-versions/get-download-uri?"
                            "name=car_price_model&version=5")["artifact_uri"]
            self.assertEqual(uri, f"mlflow-artifacts:/1/models/{model_id}/artifacts")
            # models:/<name>/<version> resolves to that version's files
            server.ok("POST", "/api/2.0/mlflow/model-versions/create",
                      {"name": "churn_model_v3", "source": "models:/car_price_model/4"})
            uri = server.ok("GET", "/api/2.0/mlflow/model-versions/get-download-uri?"
                            "name=churn_model_v3&version=4")["artifact_uri"]
            self.assertEqual(uri, f"mlflow-artifacts:/1/{RUN_LEGACY}/artifacts/model")
            # a prompt version's source is not checked
            server.ok("POST", "/api/2.0/mlflow/model-versions/create", {
                "name": PROMPT, "source": "dummy-source",
                "tags": [{"key": "mlflow.prompt.is_prompt", "value": "true"}]})
            status, body = server.post("/api/2.0/mlflow/model-versions/create",
                                       {"name": "churn_model_v3", "source": "dummy-source"})
            self.assertEqual(status, 400)
            self.assertIn("To use a local path as a model version source", body["message"])

    # ---- logged-models/search -------------------------------------------------------------------

    def search_models(self, **body):
        return self.ok("POST", "/api/2.0/mlflow/logged-models/search", body)

    def test_logged_models_search_pages_with_a_token_holding_the_query(self):
        whole = self.search_models(experiment_ids=["1", "2"])
        ids = [m["info"]["model_id"] for m in whole["models"]]
        self.assertEqual(len(ids), 6)
        self.assertNotIn("next_page_token", whole)
        created = [m["info"]["creation_timestamp_ms"] for m in whole["models"]]
        self.assertEqual(created, sorted(created, reverse=True))  # newest first by default
        for size in (1, 2, 4, 5, 6):
            with self.subTest(max_results=size):
                token, paged = None, []
                while True:
                    body = {"experiment_ids": ["1", "2"], "max_results": size}
                    if token:
                        body["page_token"] = token
                    page = self.search_models(**body)
                    paged += [m["info"]["model_id"] for m in page["models"]]
                    token = page.get("next_page_token")
                    if not token:
                        break
                    self.assertEqual(json.loads(base64.b64decode(token)), {
                        "experiment_ids": ["1", "2"], "filter_string": None, "order_by": None,
                        "offset": len(paged)})
                self.assertEqual(paged, ids)
        # the token holds the query: another query with it is refused
        token = self.search_models(experiment_ids=["1"], max_results=1)["next_page_token"]
        status, body = self.post("/api/2.0/mlflow/logged-models/search",
                                 {"experiment_ids": ["2"], "max_results": 1, "page_token": token})
        self.assertEqual((status, body["message"]), (400, (
            "Experiment IDs in the page token do not match the requested experiment IDs. "
            "Expected: ['2']. Found: ['1']")))
        # order_by is a list of objects
        ascending = self.search_models(experiment_ids=["1", "2"], order_by=[
            {"field_name": "creation_timestamp", "ascending": True}])
        self.assertEqual([m["info"]["model_id"] for m in ascending["models"]], ids[::-1])
        by_metric = self.search_models(experiment_ids=["1"], order_by=[
            {"field_name": "metrics.val_r2_score", "ascending": False}])
        values = [{m["key"]: m["value"] for m in lm["data"]["metrics"]}["val_r2_score"]
                  for lm in by_metric["models"]]
        self.assertEqual(values, sorted(values, reverse=True))
        status, body = self.post("/api/2.0/mlflow/logged-models/search", {
            "experiment_ids": ["1"], "order_by": [{"field_name": "params.C"}]})
        self.assertEqual(status, 400)
        self.assertEqual(self.search_models(experiment_ids=["0"]), {})
        status, body = self.post("/api/2.0/mlflow/logged-models/search", {})
        self.assertEqual(status, 400)
        # filters
        found = self.search_models(experiment_ids=["1", "2"], filter="metrics.holdout_rmse < 2300")
        self.assertEqual([m["info"]["model_id"] for m in found["models"]], ["m-a27747ccc3644ca1b0c96cde62e0b9d2"])
        found = self.search_models(experiment_ids=["1", "2"], filter="params.C = '1.0'")
        self.assertEqual([m["info"]["source_run_id"] for m in found["models"]], ["cc03a90b5f44461085e6a108f43e59af"])
        found = self.search_models(experiment_ids=["1", "2"], datasets=[{"dataset_name": "cars_synth_v1_val"}])
        self.assertEqual(len(found["models"]), 3)

    def test_logged_model_status_and_times(self):
        for lm in self.search_models(experiment_ids=["1", "2"])["models"]:
            info = lm["info"]
            self.assertEqual(info["status"], "LOGGED_MODEL_READY")
            self.assertIsInstance(info["creation_timestamp_ms"], int)
            self.assertIsInstance(info["last_updated_timestamp_ms"], int)
            self.assertNotIn("creation_timestamp", info)
            self.assertEqual(info["artifact_uri"],
                             f"mlflow-artifacts:/{info['experiment_id']}/models/{info['model_id']}/artifacts")

    # ---- a LoggedModel's MLmodel ---------------------------------------------------------------

    def test_logged_model_mlmodel_names_the_model_and_is_text_plain(self):
        model_id = "m-50d01002a6d840bd8975570db78bb91d"
        for path in (f"/api/2.0/mlflow-artifacts/artifacts/1/models/{model_id}/artifacts/MLmodel",
                     f"/ajax-api/2.0/mlflow/logged-models/{model_id}/artifacts/files?artifact_file_path=MLmodel"):
            status, data, ctype = self.request("GET", path)
            self.assertEqual((status, ctype), (200, "text/plain"), path)
            lines = data.decode().splitlines()
            self.assertIn(f"model_id: {model_id}", lines)
            self.assertIn(f"model_uuid: {model_id}", lines)
            self.assertIn(f"artifact_path: mlflow-artifacts:/1/models/{model_id}/artifacts", lines)
        status, body = self.get(f"/ajax-api/2.0/mlflow/logged-models/{model_id}/artifacts/files")
        self.assertEqual((status, body["error_code"]), (400, "BAD_REQUEST"))
        status, body = self.get(f"/ajax-api/2.0/mlflow/logged-models/{model_id}/artifacts/files",
                                artifact_file_path="../MLmodel")
        self.assertEqual(status, 400)

    # ---- webhooks; what stays as in 2.10.2 ---------------------------------------------------

    def test_webhooks_list_is_an_empty_object(self):
        status, payload, ctype = self.request("GET", "/api/2.0/mlflow/webhooks")
        self.assertEqual((status, ctype, json.loads(payload)), (200, "application/json", {}))

    def test_as_in_2_10_2_runs_search_is_post_only_and_fields_are_typed(self):
        status, payload, ctype = self.request("GET", "/api/2.0/mlflow/runs/search?experiment_ids=1")
        self.assertEqual((status, ctype), (405, "text/html; charset=utf-8"))
        runs = self.post("/api/2.0/mlflow/runs/search", {"experiment_ids": ["1"]})[1]["runs"]
        models = self.get("/api/2.0/mlflow/registered-models/search")[1]["registered_models"]

        def walk(value, path="$"):
            if isinstance(value, dict):
                for k, v in value.items():
                    self.assertNotEqual(v, [], f"{path}.{k} is an empty list")
                    if k == "version":
                        self.assertIsInstance(v, str, f"{path}.{k}")
                    if k.endswith(("timestamp", "_time", "timestamp_ms")):
                        self.assertIsInstance(v, int, f"{path}.{k}")
                    walk(v, f"{path}.{k}")
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    walk(v, f"{path}[{i}]")

        walk(runs)
        walk(models)


def read_text(*parts):
    with open(os.path.join(*parts), encoding="utf-8") as fh:
        return fh.read()


class FileStoreFixtureTest(unittest.TestCase):
    """The file-store quirks of FIXTURES.md, as tests/data/mlflow3/mlruns/ shows them (what the
    C++ file-store reader must handle)."""

    CAR, CHURN = "344705800087089958", "669855188525073774"

    @staticmethod
    def yaml_fields(path):
        with open(path, encoding="utf-8") as fh:
            return dict(line.split(": ", 1) for line in fh.read().splitlines() if ": " in line)

    def test_experiment_ids_are_18_digit_numbers(self):
        ids = sorted(d for d in os.listdir(MLRUNS3) if d.isdigit())
        self.assertEqual(ids, ["0", self.CAR, self.CHURN])

    def test_logged_models_live_under_the_experiment(self):
        models = glob.glob(os.path.join(MLRUNS3, "*", "models", "m-*"))
        self.assertEqual(len(models), 6)
        for folder in models:
            self.assertEqual(sorted(os.listdir(folder)), ["artifacts", "meta.yaml", "metrics", "params", "tags"])
            meta = self.yaml_fields(os.path.join(folder, "meta.yaml"))
            self.assertEqual(meta["status"], "2")  # an int, not LOGGED_MODEL_READY
            self.assertEqual(meta["model_id"], os.path.basename(folder))
            self.assertTrue(os.path.isfile(os.path.join(folder, "artifacts", "MLmodel")))

    def test_runs_have_inputs_and_outputs_folders(self):
        for folder in glob.glob(os.path.join(MLRUNS3, "*", "models", "m-*")):
            meta = self.yaml_fields(os.path.join(folder, "meta.yaml"))
            run = os.path.join(os.path.dirname(os.path.dirname(folder)), meta["source_run_id"])
            self.assertTrue(os.path.isdir(os.path.join(run, "outputs", meta["model_id"])), run)

    def test_metric_lines_with_dataset_columns(self):
        run_line = read_text(MLRUNS3, self.CAR, "9c4957d5dab74f33b357293cf8f1e836", "metrics",
                             "holdout_rmse").split()
        self.assertEqual(run_line[2:], ["0", "cars_synth_v1_val", "bc79217c"])  # step, name, digest
        model = os.path.join(MLRUNS3, self.CAR, "models", "m-ec36b1e3cb2a4d93a4436b429adfb660", "metrics")
        self.assertEqual(read_text(model, "holdout_rmse").split()[3:],
                         ["9c4957d5dab74f33b357293cf8f1e836", "cars_synth_v1_val", "bc79217c"])
        self.assertEqual(len(read_text(model, "rmse").split()), 4)  # ... run_id

    def test_duplicated_metric_lines(self):
        files = glob.glob(os.path.join(MLRUNS3, self.CHURN, "*", "metrics", "accuracy"))
        self.assertEqual(len(files), 3)
        for path in files:
            lines = read_text(path).splitlines()
            self.assertEqual(len(lines), 2)
            self.assertEqual(lines[0], lines[1])

    def test_version_meta_keeps_model_id_and_prompts_are_versions(self):
        meta = self.yaml_fields(os.path.join(MLRUNS3, "models", "car_price_model", "version-1", "meta.yaml"))
        self.assertEqual(meta["source"], f"models:/{meta['model_id']}")
        legacy = self.yaml_fields(os.path.join(MLRUNS3, "models", "car_price_model", "version-4", "meta.yaml"))
        self.assertEqual(legacy["model_id"], "null")
        self.assertEqual(sorted(d for d in os.listdir(os.path.join(MLRUNS3, "models", PROMPT))
                                if d.startswith("version-")), ["version-1", "version-2"])


class MajorSwitchTest(unittest.TestCase):
    """--mlflow-major overrides what the schema says."""

    def test_mlflow3_store_served_as_2_10_2(self):
        with running_server(extra=("--mlflow-major", "2")) as server:
            body = server.get(HISTORY, run_id=RUN_GBR04, metric_key="val_r2_score")[1]
            self.assertEqual(len(body["metrics"]), 5)  # 2.10.2: the whole history, no token
            self.assertEqual(server.request("POST", "/api/2.0/mlflow/logged-models/search",
                                            body={"experiment_ids": ["1"]})[0], 404)
            self.assertNotIn("outputs", server.get("/api/2.0/mlflow/runs/get", run_id=RUN_GBR04)[1]["run"])
            names = [m["name"] for m in server.get("/api/2.0/mlflow/registered-models/search")[1]["registered_models"]]
            self.assertIn(PROMPT, names)  # 2.10.2 knows no prompts

    def test_mlflow2_store_served_as_mlflow3(self):
        with running_server(os.path.join(DATA, "mlflow.db"), ("--mlflow-major", "3")) as server:
            run_id, key = "004e78514bcd42e8b14307a8ae487cda", "loss"
            self.assertEqual(server.get(HISTORY, run_id=run_id, metric_key=key),
                             (200, {"next_page_token": TOKEN_OFFSET_0}))
            self.assertEqual(server.ok("POST", "/api/2.0/mlflow/logged-models/search",
                                       {"experiment_ids": ["1"]}), {})
            self.assertEqual(server.get("/api/2.0/mlflow/logged-models/m-1")[0], 404)
            self.assertEqual(server.get("/api/2.0/mlflow/runs/get", run_id=run_id)[1]["run"]["outputs"], {})

    def test_detected_from_the_schema(self):
        with running_server(os.path.join(DATA, "mlflow.db")) as server:
            body = server.get(HISTORY, run_id="004e78514bcd42e8b14307a8ae487cda", metric_key="loss")[1]
            self.assertIn("metrics", body)
        with running_server() as server:
            self.assertEqual(server.get(HISTORY, run_id=RUN_GBR04, metric_key="rmse")[1],
                             {"next_page_token": TOKEN_OFFSET_0})


if __name__ == "__main__":
    unittest.main(verbosity=2)
