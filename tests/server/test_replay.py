#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Replays every recorded MLflow 2.10.2 exchange (tests/data/rest/NNN_*.json) against
mlflow_test_server.py and requires the same status and the same JSON (key order ignored).

The server runs on a fresh copy of tests/data/mlflow.db. That file was copied AFTER the recorded
writes, so the copy is first put back into the state the recordings started from (see
prepare_pre_recording_state); the replay then performs the recorded writes itself.
"""

import http.client
import json
import math
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "data"))
REST = os.path.join(DATA, "rest")
SCRIPT = os.path.join(HERE, "mlflow_test_server.py")

# Fields that the request itself generates (the time of a write), per exchange file.
GENERATED = {
    "076_registered_models_update_description.json": {"registered_model.last_updated_timestamp"},
    "077_model_versions_update_description.json": {"model_version.last_updated_timestamp"},
    "081_model_versions_transition_stage_to_staging.json": {"model_version.last_updated_timestamp"},
    "082_model_versions_transition_stage_to_archived.json": {"model_version.last_updated_timestamp"},
}


def load(name):
    with open(os.path.join(REST, name), encoding="utf-8") as fh:
        return json.load(fh)


def recorded_json(name):
    return json.loads(load(name)["response_body"])


def prepare_pre_recording_state(db_path):
    """Undoes the recorded writes whose effect earlier recorded reads did not see yet.

    Every value comes from a recorded response that was taken BEFORE the write:
    * 071 set experiment tag `last_synced_by` on experiment 1; 007/010 (before) show no such tag.
    * 076 updated empty_model's description; 050 (before) shows the old description and time.
    * 077 updated the unicode model's v1 description, 081/082 moved it to Staging then Archived;
      057 (before) shows v1 with description "", stage "None" and its old last_updated time, and
      051 (before) shows the unicode registered model's old last_updated time (a transition
      updates the registered model's time as well).
    Writes that were undone within the recordings (068/070 run tag, 072/073 and 074/075 tags,
    078/080 alias) left no trace in the database, so they need nothing.
    """
    exp1_tags = {t["key"] for t in recorded_json("007_experiments_get.json")["experiment"]["tags"]}
    assert "last_synced_by" not in exp1_tags
    empty_model = recorded_json("050_registered_models_search_page2.json")["registered_models"][0]
    assert empty_model["name"] == "empty_model"
    unicode_rm = recorded_json("051_registered_models_search_page3.json")["registered_models"][0]
    unicode_mv = next(mv for mv in recorded_json("057_model_versions_search_all.json")["model_versions"]
                      if mv["name"] == unicode_rm["name"] and mv["version"] == "1")
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("DELETE FROM experiment_tags WHERE experiment_id = 1 AND key = 'last_synced_by'")
        conn.execute("UPDATE registered_models SET description = ?, last_updated_time = ? WHERE name = ?",
                     (empty_model.get("description"), empty_model["last_updated_timestamp"],
                      "empty_model"))
        conn.execute("UPDATE registered_models SET last_updated_time = ? WHERE name = ?",
                     (unicode_rm["last_updated_timestamp"], unicode_rm["name"]))
        conn.execute("UPDATE model_versions SET description = ?, current_stage = ?, "
                     "last_updated_time = ? WHERE name = ? AND version = 1",
                     (unicode_mv["description"], unicode_mv["current_stage"],
                      unicode_mv["last_updated_timestamp"], unicode_mv["name"]))
    conn.close()


def start_server(db_path, artifacts=None, extra=()):
    args = [sys.executable, SCRIPT, "--db", db_path, "--port", "0"]
    if artifacts:
        args += ["--artifacts", artifacts]
    proc = subprocess.Popen(list(args) + list(extra), stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    if not line.startswith("LISTENING http://"):
        proc.kill()
        raise RuntimeError(f"server did not start: {line!r}")
    host, port = line[len("LISTENING http://"):].rsplit(":", 1)
    return proc, host, int(port)


def stop_server(proc):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    proc.stdout.close()


class ServerFixture:
    """Mixed into a unittest.TestCase: one test server per class on a copy of the fixture's
    mlflow.db (started with EXTRA arguments), reset before and after each test; `call` sends a
    request and returns (status, body, content type, headers)."""
    EXTRA = ()

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="rest_test_")
        cls.db = os.path.join(cls.tmp, "mlflow.db")
        shutil.copyfile(os.path.join(DATA, "mlflow.db"), cls.db)
        cls.proc, cls.host, cls.port = start_server(cls.db, os.path.join(DATA, "server-artifacts"), cls.EXTRA)

    @classmethod
    def tearDownClass(cls):
        stop_server(cls.proc)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.assertEqual(self.call("POST", "/__test__/reset", {})[0], 200)

    def tearDown(self):
        self.call("POST", "/__test__/reset", {})

    def call(self, method, path, body=None, headers=None, timeout=30):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        hdrs = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            hdrs["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=hdrs)
        resp = conn.getresponse()
        payload = resp.read()
        result = (resp.status, payload, resp.getheader("Content-Type"), dict(resp.getheaders()))
        conn.close()
        return result

    def faults(self, config):
        status, body, _, _ = self.call("POST", "/__test__/faults", config)
        self.assertEqual(status, 200, body)


def diff(expected, actual, path="$", ignore=frozenset(), out=None):
    """Lists differences as 'path: expected X, got Y' (dict key order ignored)."""
    if out is None:
        out = []
    dotted = path[2:] if path.startswith("$.") else ""
    if dotted in ignore:
        return out
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in expected:
            if key not in actual:
                if f"{dotted}.{key}".lstrip(".") not in ignore:
                    out.append(f"{path}.{key}: missing (expected {short(expected[key])})")
            else:
                diff(expected[key], actual[key], f"{path}.{key}", ignore, out)
        for key in actual:
            if key not in expected:
                out.append(f"{path}.{key}: unexpected {short(actual[key])}")
    elif isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            out.append(f"{path}: expected {len(expected)} items, got {len(actual)}")
        for i, (e, a) in enumerate(zip(expected, actual)):
            diff(e, a, f"{path}[{i}]", ignore, out)
    elif isinstance(expected, float) and isinstance(actual, float) and math.isnan(expected) \
            and math.isnan(actual):
        pass
    elif type(expected) is not type(actual) or expected != actual:
        out.append(f"{path}: expected {short(expected)}, got {short(actual)}")
    return out


def short(value):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."


class ReplayTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="rest_replay_")
        cls.db = os.path.join(cls.tmp, "mlflow.db")
        shutil.copyfile(os.path.join(DATA, "mlflow.db"), cls.db)
        cls.artifacts = os.path.join(cls.tmp, "artifacts")
        shutil.copytree(os.path.join(DATA, "server-artifacts"), cls.artifacts)
        prepare_pre_recording_state(cls.db)
        cls.proc, cls.host, cls.port = start_server(cls.db, cls.artifacts)

    @classmethod
    def tearDownClass(cls):
        stop_server(cls.proc)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def send(self, ex):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        headers = {}
        body = None
        if ex.get("request_body_raw") is not None:
            body = ex["request_body_raw"].encode("utf-8")
        if ex.get("request_content_type"):
            headers["Content-Type"] = ex["request_content_type"]
        conn.request(ex["method"], ex["request_url"], body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        ctype = resp.getheader("Content-Type", "")
        conn.close()
        return resp.status, ctype, data

    def test_replay_all_exchanges(self):
        files = sorted(f for f in os.listdir(REST) if f[:3].isdigit() and f.endswith(".json"))
        self.assertEqual(len(files), 104)
        failures = []
        for name in files:
            ex = load(name)
            status, ctype, data = self.send(ex)
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
                    problems += diff(expected, actual, ignore=GENERATED.get(name, frozenset()))
                except ValueError as e:
                    problems.append(f"body is not JSON ({e}): {data[:120]!r}")
            elif expected_ctype.startswith("text/plain"):
                if data != ex["response_body"].encode("utf-8"):
                    problems.append(f"body differs: expected {len(ex['response_body'])} chars, "
                                    f"got {len(data)} bytes")
            if problems:
                shown = problems[:8]
                if len(problems) > 8:
                    shown.append(f"... and {len(problems) - 8} more")
                failures.append(f"{name} ({ex['method']} {ex['request_url'][:90]}):\n    "
                                + "\n    ".join(shown))
        if failures:
            self.fail(f"{len(failures)} of {len(files)} exchanges differ:\n" + "\n".join(failures))


class RegistrySetupReplayTest(unittest.TestCase):
    """Replays the registry writes of the fixture's creation (client_setup_calls.jsonl, phase
    registry_setup: registered-models/create, model-versions/create, transition-stage, alias,
    set-tag) on a copy of the fixture whose registry is empty. Every answer must be MLflow's
    (times excepted: they are the request's own), and the registry must end as MLflow left it."""

    TIMES = frozenset({"registered_model.creation_timestamp",
                       "registered_model.last_updated_timestamp",
                       "model_version.creation_timestamp", "model_version.last_updated_timestamp"})
    REGISTRY_TABLES = ("model_version_tags", "registered_model_aliases", "registered_model_tags",
                       "model_versions", "registered_models")

    def setUp(self):
        # A fresh server per test: each one starts from an empty registry.
        self.tmp = tempfile.mkdtemp(prefix="rest_registry_")
        self.db = os.path.join(self.tmp, "mlflow.db")
        self.reference = os.path.join(self.tmp, "reference.db")
        shutil.copyfile(os.path.join(DATA, "mlflow.db"), self.reference)
        prepare_pre_recording_state(self.reference)
        shutil.copyfile(self.reference, self.db)
        conn = sqlite3.connect(self.db)
        with conn:
            for table in self.REGISTRY_TABLES:
                conn.execute(f"DELETE FROM {table}")
        conn.close()
        self.proc, self.host, self.port = start_server(self.db)

    def tearDown(self):
        stop_server(self.proc)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def post(self, method, path, body):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        conn.request(method, path, body=json.dumps(body).encode("utf-8"),
                     headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        return resp.status, json.loads(data)

    @staticmethod
    def registry(db_path):
        conn = sqlite3.connect(db_path)
        state = {
            "registered_models": conn.execute(
                "SELECT name, description FROM registered_models ORDER BY name").fetchall(),
            "registered_model_tags": conn.execute(
                "SELECT name, key, value FROM registered_model_tags ORDER BY name, key").fetchall(),
            "registered_model_aliases": conn.execute(
                "SELECT name, alias, version FROM registered_model_aliases ORDER BY name, alias"
            ).fetchall(),
            "model_versions": conn.execute(
                "SELECT name, version, description, user_id, current_stage, source, run_id, status, "
                "status_message, run_link, storage_location FROM model_versions "
                "ORDER BY name, version").fetchall(),
            "model_version_tags": conn.execute(
                "SELECT name, version, key, value FROM model_version_tags "
                "ORDER BY name, version, key").fetchall(),
        }
        conn.close()
        return state

    def test_registry_setup(self):
        with open(os.path.join(REST, "client_setup_calls.jsonl"), encoding="utf-8") as fh:
            calls = [json.loads(line) for line in fh if line.strip()]
        calls = [c for c in calls if c["phase"] == "registry_setup"
                 and ("/registered-models/" in c["path"] or "/model-versions/" in c["path"])]
        creates = [c["path"].rsplit("/", 2)[-2] for c in calls if c["path"].endswith("/create")]
        self.assertEqual(creates.count("registered-models"), 3)
        self.assertEqual(creates.count("model-versions"), 5)
        failures = []
        for n, call in enumerate(calls):
            status, actual = self.post(call["method"], call["path"], call["body"])
            expected = json.loads(call["response_body"])
            problems = diff(expected, actual, ignore=self.TIMES)
            if status != call["status"]:
                problems.insert(0, f"status: expected {call['status']}, got {status}")
            if call["path"].endswith("/create"):
                entity = actual.get("registered_model") or actual.get("model_version") or {}
                created = entity.get("creation_timestamp")
                if not isinstance(created, int) or entity.get("last_updated_timestamp") != created:
                    problems.append(f"times: {created!r} / {entity.get('last_updated_timestamp')!r}")
            if problems:
                failures.append(f"#{n} {call['method']} {call['path']}:\n    "
                                + "\n    ".join(problems[:8]))
        if failures:
            self.fail("\n".join(failures))
        # The writes that the recorder made later (072-082) were undone in the reference.
        self.assertEqual(self.registry(self.db), self.registry(self.reference))

    def test_create_errors(self):
        status, body = self.post("POST", "/api/2.0/mlflow/model-versions/create",
                                 {"name": "no_such_model", "source": "mlflow-artifacts:/1/x/model"})
        self.assertEqual((status, body["error_code"]), (404, "RESOURCE_DOES_NOT_EXIST"))
        self.assertEqual(body["message"], "Registered Model with name=no_such_model not found")
        status, body = self.post("POST", "/api/2.0/mlflow/registered-models/create", {})
        self.assertEqual((status, body["error_code"]), (400, "INVALID_PARAMETER_VALUE"))
        self.assertEqual(body["message"], "Missing value for required parameter 'name'. "
                                          "See the API docs for more information about request "
                                          "parameters.")
        status, body = self.post("POST", "/api/2.0/mlflow/registered-models/create", {"name": "dup"})
        self.assertEqual(status, 200)
        status, body = self.post("POST", "/api/2.0/mlflow/registered-models/create", {"name": "dup"})
        self.assertEqual((status, body["error_code"]), (400, "RESOURCE_ALREADY_EXISTS"))
        self.assertTrue(body["message"].startswith("Registered Model (name=dup) already exists."))
        status, body = self.post("POST", "/api/2.0/mlflow/model-versions/create",
                                 {"name": "dup", "source": "mlflow-artifacts:/1/../../etc"})
        self.assertEqual((status, body["error_code"]), (400, "INVALID_PARAMETER_VALUE"))
        self.assertIn("an absolute path must be provided", body["message"])
        status, body = self.post("POST", "/api/2.0/mlflow/model-versions/create",
                                 {"name": "dup", "source": "/tmp/model"})
        self.assertEqual(status, 400)
        self.assertIn("To use a local path as a model version source", body["message"])
        status, body = self.post("POST", "/api/2.0/mlflow/model-versions/create",
                                 {"name": "dup", "source": "runs:/abc/model",
                                  "tags": [{"key": "../x", "value": "1"}]})
        self.assertEqual(status, 400)
        self.assertTrue(body["message"].startswith("Invalid tag name: '../x'."), body["message"])
        status, body = self.post("POST", "/api/2.0/mlflow/model-versions/create",
                                 {"name": "dup", "source": "runs:/abc/model"})
        self.assertEqual(status, 200)
        mv = body["model_version"]
        self.assertEqual((mv["version"], mv["run_id"], mv["description"], mv["run_link"]),
                         ("1", "", "", ""))
        self.assertNotIn("tags", mv)


class SearchSemanticsTest(unittest.TestCase):
    """MLflow behaviour that the recordings do not cover, checked against the database itself."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="rest_semantics_")
        cls.db = os.path.join(cls.tmp, "mlflow.db")
        shutil.copyfile(os.path.join(DATA, "mlflow.db"), cls.db)
        cls.proc, cls.host, cls.port = start_server(cls.db, os.path.join(DATA, "server-artifacts"))
        cls.sql = sqlite3.connect(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.sql.close()
        stop_server(cls.proc)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def post(self, path, body):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
        resp = conn.getresponse()
        result = resp.status, json.loads(resp.read() or b"{}")
        conn.close()
        return result

    def get(self, path):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        conn.request("GET", path)
        resp = conn.getresponse()
        result = resp.status, resp.read()
        conn.close()
        return result

    def run_ids(self, filter_string, order_by=(), view="ACTIVE_ONLY", exps=("1", "2", "3")):
        status, body = self.post("/api/2.0/mlflow/runs/search", {
            "experiment_ids": list(exps), "filter": filter_string, "order_by": list(order_by),
            "run_view_type": view, "max_results": 1000})
        self.assertEqual(status, 200, body)
        return [r["info"]["run_id"] for r in body.get("runs", [])]

    def db_ids(self, where, params=()):
        return sorted(r[0] for r in self.sql.execute(
            "SELECT run_uuid FROM runs WHERE experiment_id IN (1, 2, 3) AND lifecycle_stage = 'active' "
            f"AND {where}", params))

    def test_filters_match_database(self):
        cases = [
            ("attributes.status = 'FAILED'", "status = 'FAILED'"),
            ("status != 'FINISHED'", "status != 'FINISHED'"),
            ("attributes.status IN ('KILLED', 'RUNNING')", "status IN ('KILLED', 'RUNNING')"),
            ("attributes.run_name LIKE 'sweep-parent-%'", "name GLOB 'sweep-parent-*'"),
            ("attributes.run_name ILIKE 'SWEEP-parent-1%'", "lower(name) GLOB 'sweep-parent-1*'"),
            ("attributes.run_name LIKE 'SWEEP%'", "0"),
            ("attributes.start_time > 1795736380000", "start_time > 1795736380000"),
            ("attributes.end_time <= 1795736386000", "end_time <= 1795736386000"),
            ("params.max_depth = '5'",
             "run_uuid IN (SELECT run_uuid FROM params WHERE key = 'max_depth' AND value = '5')"),
            ("params.`max_depth` IN ('3', '7')",
             "run_uuid IN (SELECT run_uuid FROM params WHERE key = 'max_depth' AND value IN ('3', '7'))"),
            ('params."n_estimators" != \'100\'',
             "run_uuid IN (SELECT run_uuid FROM params WHERE key = 'n_estimators' AND value != '100')"),
            ("metrics.loss < 0.3",
             "run_uuid IN (SELECT run_uuid FROM latest_metrics WHERE key = 'loss' AND value < 0.3)"),
            ("metrics.val_r2_score >= 0.85 and params.max_depth = '5'",
             "run_uuid IN (SELECT run_uuid FROM latest_metrics WHERE key = 'val_r2_score' AND value >= 0.85) "
             "AND run_uuid IN (SELECT run_uuid FROM params WHERE key = 'max_depth' AND value = '5')"),
            ("tags.mlflow.parentRunId = '9f3e96ffc0e74fe38df464c5d7781c2e'",
             "run_uuid IN (SELECT run_uuid FROM tags WHERE key = 'mlflow.parentRunId' "
             "AND value = '9f3e96ffc0e74fe38df464c5d7781c2e')"),
            ("tags.`mlflow.user` ILIKE 'ANA%'",
             "run_uuid IN (SELECT run_uuid FROM tags WHERE key = 'mlflow.user' AND lower(value) GLOB 'ana*')"),
            ("attributes.run_id IN ('725002bf71b846ac946886aaea49b30c', 'ffff')",
             "run_uuid = '725002bf71b846ac946886aaea49b30c'"),
            ("datasets.name = 'car_prices'",
             "run_uuid IN (SELECT destination_id FROM inputs)"),
        ]
        for filter_string, where in cases:
            with self.subTest(filter=filter_string):
                expected = self.db_ids(where)
                got = sorted(self.run_ids(filter_string))
                self.assertEqual(got, expected)
                if "LIKE 'SWEEP%'" not in filter_string:
                    self.assertTrue(expected, "the case must select something")

    def test_bad_filters(self):
        for filter_string, message in [
            ("metrics.loss = 'abc'", "Expected numeric value type for metric. Found abc"),
            ("params.max_depth = 5", "Parameter value is either not quoted"),
            ("foo.bar = '1'", "Invalid entity type 'foo'"),
            ("metrics.loss LIKE '1%'", "Invalid comparator 'LIKE'"),
            ("attributes.status = 'FAILED' OR status = 'KILLED'", "Invalid clause(s) in filter string"),
        ]:
            with self.subTest(filter=filter_string):
                status, body = self.post("/api/2.0/mlflow/runs/search",
                                         {"experiment_ids": ["2"], "filter": filter_string})
                self.assertEqual(status, 400)
                self.assertEqual(body["error_code"], "INVALID_PARAMETER_VALUE")
                self.assertIn(message, body["message"])

    def test_default_and_metric_order(self):
        ids = self.run_ids("", exps=("2",))
        expected = [r[0] for r in self.sql.execute(
            "SELECT run_uuid FROM runs WHERE experiment_id = 2 AND lifecycle_stage = 'active' "
            "ORDER BY start_time DESC, run_uuid")]
        self.assertEqual(ids, expected)
        # NaN values sort after numbers, runs without the metric last, in both directions.
        for direction in ("ASC", "DESC"):
            ids = self.run_ids("", [f"metrics.loss {direction}"], exps=("1", "2"))
            rows = dict(((r, (v, nan)) for r, v, nan in self.sql.execute(
                "SELECT run_uuid, value, is_nan FROM latest_metrics WHERE key = 'loss'")))
            kinds = [0 if i in rows and not rows[i][1] else 1 if i in rows else 2 for i in ids]
            self.assertEqual(kinds, sorted(kinds))
            values = [rows[i][0] for i, k in zip(ids, kinds) if k == 0]
            self.assertEqual(values, sorted(values, reverse=direction == "DESC"))
            self.assertIn(1, kinds)
            self.assertIn(2, kinds)

    def test_pages_equal_one_big_page(self):
        whole = self.run_ids("", ["params.max_depth DESC"], view="ALL", exps=("2",))
        token, paged = None, []
        while True:
            body = {"experiment_ids": ["2"], "max_results": 33, "run_view_type": "ALL",
                    "order_by": ["params.max_depth DESC"]}
            if token:
                body["page_token"] = token
            status, page = self.post("/api/2.0/mlflow/runs/search", body)
            self.assertEqual(status, 200)
            paged += [r["info"]["run_id"] for r in page.get("runs", [])]
            token = page.get("next_page_token")
            if not token:
                break
        self.assertEqual(len(whole), 200)
        self.assertEqual(paged, whole)

    def test_bulk_interval_is_not_in_2_10_2(self):
        status, body = self.get("/ajax-api/2.0/mlflow/metrics/get-history-bulk-interval"
                                "?run_ids=725002bf71b846ac946886aaea49b30c&metric_key=loss")
        self.assertEqual(status, 404)
        self.assertIn(b"Not Found", body)


if __name__ == "__main__":
    unittest.main(verbosity=2)
