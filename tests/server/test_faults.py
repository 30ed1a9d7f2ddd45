#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The test server's fault switches (/__test__/faults), stats, robustness and --generate."""

import base64
import http.client
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from test_replay import DATA, SCRIPT, ServerFixture, start_server, stop_server  # noqa: E402

EXP_GET = "/api/2.0/mlflow/experiments/get?experiment_id=1"
RUN_GET = "/api/2.0/mlflow/runs/get?run_id=725002bf71b846ac946886aaea49b30c"
RM_SEARCH = "/api/2.0/mlflow/registered-models/search"


class FaultsTest(ServerFixture, unittest.TestCase):
    # ---- status --------------------------------------------------------------------------------

    def test_status_codes_with_count(self):
        expected_codes = {429: "REQUEST_LIMIT_EXCEEDED", 500: "INTERNAL_ERROR",
                          503: "TEMPORARILY_UNAVAILABLE", 408: "REQUEST_TIMEOUT"}
        for code, error_code in expected_codes.items():
            with self.subTest(code=code):
                self.faults({"status": {"code": code, "count": 2}})
                for _ in range(2):
                    status, body, ctype, headers = self.call("GET", EXP_GET)
                    self.assertEqual(status, code)
                    self.assertEqual(ctype, "application/json")
                    self.assertEqual(json.loads(body)["error_code"], error_code)
                    self.assertNotIn("Retry-After", headers)
                status, body, _, _ = self.call("GET", EXP_GET)
                self.assertEqual(status, 200)
                self.assertEqual(json.loads(body)["experiment"]["name"], "car_price")

    def test_retry_after_header(self):
        self.faults({"status": {"code": 429, "count": 1, "retry_after": 3}})
        status, _, _, headers = self.call("GET", EXP_GET)
        self.assertEqual(status, 429)
        self.assertEqual(headers.get("Retry-After"), "3")
        self.assertEqual(self.call("GET", EXP_GET)[0], 200)

    def test_paths_limit_counted_faults(self):
        self.faults({"status": {"code": 500, "count": 1}, "paths": ["runs/get"]})
        # Non-matching requests neither fail nor use up the count.
        self.assertEqual(self.call("GET", EXP_GET)[0], 200)
        self.assertEqual(self.call("GET", EXP_GET)[0], 200)
        self.assertEqual(self.call("GET", RUN_GET)[0], 500)
        self.assertEqual(self.call("GET", RUN_GET)[0], 200)

    def test_reset_clears_faults(self):
        self.faults({"status": {"code": 503, "count": 100}, "require_token": "t", "delay_ms": 300})
        self.assertEqual(self.call("POST", "/__test__/reset", {})[0], 200)
        start = time.monotonic()
        self.assertEqual(self.call("GET", EXP_GET)[0], 200)
        self.assertLess(time.monotonic() - start, 0.25)

    def test_unknown_fault_is_rejected(self):
        status, body, _, _ = self.call("POST", "/__test__/faults", {"explode": 1})
        self.assertEqual(status, 400)
        self.assertIn("explode", json.loads(body)["error"])

    # ---- delay -------------------------------------------------------------------------------

    def test_delay(self):
        self.faults({"delay_ms": 400})
        start = time.monotonic()
        status, _, _, _ = self.call("GET", EXP_GET)
        elapsed = time.monotonic() - start
        self.assertEqual(status, 200)
        self.assertGreaterEqual(elapsed, 0.4)
        # Test endpoints are never delayed.
        start = time.monotonic()
        self.assertEqual(self.call("GET", "/__test__/stats")[0], 200)
        self.assertLess(time.monotonic() - start, 0.3)

    def test_client_timeout_during_delay_does_not_kill_server(self):
        self.faults({"delay_ms": 600})
        conn = http.client.HTTPConnection(self.host, self.port, timeout=0.2)
        with self.assertRaises((socket.timeout, TimeoutError)):
            conn.request("GET", EXP_GET)
            conn.getresponse()
        conn.close()
        self.call("POST", "/__test__/reset", {})
        time.sleep(0.6)
        self.assertEqual(self.call("GET", EXP_GET)[0], 200)

    # ---- broken bodies -----------------------------------------------------------------------

    def test_drop_mid_body(self):
        full = self.call("GET", RUN_GET)[1]
        self.faults({"drop_mid_body": 1})
        conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
        conn.request("GET", RUN_GET)
        resp = conn.getresponse()
        self.assertEqual(resp.status, 200)
        self.assertEqual(int(resp.getheader("Content-Length")), len(full))
        with self.assertRaises(http.client.IncompleteRead) as ctx:
            resp.read()
        self.assertEqual(ctx.exception.partial, full[:len(full) // 2])
        conn.close()
        self.assertEqual(self.call("GET", RUN_GET)[1], full)

    def test_truncate_json(self):
        full = self.call("GET", RUN_GET)[1]
        self.faults({"truncate_json": 2})
        for _ in range(2):
            status, body, ctype, headers = self.call("GET", RUN_GET)
            self.assertEqual(status, 200)
            self.assertEqual(ctype, "application/json")
            self.assertEqual(int(headers["Content-Length"]), len(body))
            self.assertEqual(body, full[:len(full) // 2])
            with self.assertRaises(ValueError):
                json.loads(body)
        self.assertEqual(self.call("GET", RUN_GET)[1], full)

    def test_wrong_content_type(self):
        self.faults({"wrong_content_type": 1})
        status, body, ctype, _ = self.call("GET", RUN_GET)
        self.assertEqual(status, 200)
        self.assertTrue(ctype.startswith("text/html"))
        self.assertIn(b"<html>", body)
        status, _, ctype, _ = self.call("GET", RUN_GET)
        self.assertEqual((status, ctype), (200, "application/json"))

    # ---- auth --------------------------------------------------------------------------------

    def test_require_token(self):
        self.faults({"require_token": "s3cret"})
        status, _, _, headers = self.call("GET", EXP_GET)
        self.assertEqual(status, 401)
        self.assertIn("WWW-Authenticate", headers)
        self.assertEqual(self.call("GET", EXP_GET, headers={"Authorization": "Bearer wrong"})[0], 401)
        self.assertEqual(self.call("GET", EXP_GET, headers={"Authorization": "Bearer s3cret"})[0], 200)
        # The test endpoints stay reachable without a token.
        self.assertEqual(self.call("GET", "/__test__/stats")[0], 200)

    def test_require_basic(self):
        self.faults({"require_basic": ["ana", "pa:ss"]})
        good = "Basic " + base64.b64encode(b"ana:pa:ss").decode()
        bad = "Basic " + base64.b64encode(b"ana:nope").decode()
        self.assertEqual(self.call("GET", EXP_GET)[0], 401)
        self.assertEqual(self.call("GET", EXP_GET, headers={"Authorization": bad})[0], 401)
        self.assertEqual(self.call("GET", EXP_GET, headers={"Authorization": good})[0], 200)

    def test_forbidden(self):
        self.faults({"forbidden": [RM_SEARCH]})
        status, body, ctype, _ = self.call("GET", RM_SEARCH + "?max_results=10")
        self.assertEqual(status, 403)
        self.assertEqual(ctype, "application/json")
        self.assertEqual(json.loads(body), {"error_code": "PERMISSION_DENIED",
                                            "message": "Permission denied"})
        self.assertEqual(self.call("GET", EXP_GET)[0], 200)

    # ---- random mode -------------------------------------------------------------------------

    def _random_outcomes(self, seed, n=60):
        """What n reads give under the soak's probabilities: 'ok', 'dropped' or the status."""
        self.faults({"random": {"seed": seed, "status_p": 0.10, "drop_p": 0.05, "delay_p": 0.10,
                                "delay_ms": [1, 5], "retry_after_p": 0.5, "retry_after": "0"}})
        self.assertEqual(self.call("POST", "/__test__/stats/reset", {})[0], 200)
        outcomes = []
        for _ in range(n):
            conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
            conn.request("GET", RUN_GET)
            resp = conn.getresponse()
            try:
                resp.read()
                outcomes.append("ok" if resp.status == 200 else
                                f"{resp.status}{'+RA' if resp.getheader('Retry-After') else ''}")
            except http.client.IncompleteRead:
                outcomes.append("dropped")
            conn.close()
        return outcomes, json.loads(self.call("GET", "/__test__/stats")[1])["random"]

    def test_random_mode(self):
        outcomes, tally = self._random_outcomes(7)
        again, tally_again = self._random_outcomes(7)
        self.assertEqual(outcomes, again)  # one seed, one sequence of faults
        self.assertEqual(tally, tally_again)
        self.assertEqual(tally["requests"], 60)
        statuses = [o for o in outcomes if o not in ("ok", "dropped")]
        self.assertEqual(tally["status"], len(statuses))
        self.assertEqual(tally["retry_after"], sum(o.endswith("+RA") for o in statuses))
        self.assertEqual(tally["drop"], outcomes.count("dropped"))
        self.assertTrue(set(o[:3] for o in statuses) <= {"500", "502", "503", "504"})
        self.assertGreater(tally["status"] + tally["drop"], 0)
        self.assertNotEqual(self._random_outcomes(8)[0], outcomes)

    def test_random_mode_spares_writes(self):
        self.faults({"random": {"seed": 1, "status_p": 1.0}})
        self.assertIn(self.call("GET", EXP_GET)[0], (500, 502, 503, 504))
        self.assertIn(self.call("POST", "/api/2.0/mlflow/runs/search",
                                {"experiment_ids": ["1"], "max_results": 1})[0], (500, 502, 503, 504))
        # A write (runs/set-tag on a missing run) reaches the handler: MLflow's 404, not a 5xx.
        status = self.call("POST", "/api/2.0/mlflow/runs/set-tag",
                           {"run_id": "0" * 32, "key": "k", "value": "v"})[0]
        self.assertEqual(status, 404)

    def test_random_mode_rejects_unknown_keys(self):
        status, body, _, _ = self.call("POST", "/__test__/faults", {"random": {"sed": 1}})
        self.assertEqual(status, 400, body)

    # ---- stats -------------------------------------------------------------------------------

    def test_stats(self):
        self.assertEqual(self.call("POST", "/__test__/stats/reset", {})[0], 200)
        sizes = 0
        for path in (RUN_GET, RUN_GET, EXP_GET):
            sizes += len(self.call("GET", path)[1])
        body = self.call("POST", "/api/2.0/mlflow/runs/search",
                         {"experiment_ids": ["1"], "max_results": 1})[1]
        sizes += len(body)
        stats = json.loads(self.call("GET", "/__test__/stats")[1])
        self.assertEqual(stats["requests"], {
            "GET /api/2.0/mlflow/runs/get": 2,
            "GET /api/2.0/mlflow/experiments/get": 1,
            "POST /api/2.0/mlflow/runs/search": 1,
        })
        self.assertEqual(stats["bytes_sent"], sizes)
        self.assertEqual(self.call("POST", "/__test__/stats/reset", {})[0], 200)
        self.assertEqual(json.loads(self.call("GET", "/__test__/stats")[1]),
                         {"requests": {}, "bytes_sent": 0})

    # ---- robustness --------------------------------------------------------------------------

    def test_survives_early_disconnects(self):
        for _ in range(5):
            s = socket.create_connection((self.host, self.port))
            s.sendall(b"POST /api/2.0/mlflow/runs/search HTTP/1.1\r\nHost: x\r\n"
                      b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"exp")
            s.close()
            s = socket.create_connection((self.host, self.port))
            body = b'{"experiment_ids": ["2"], "max_results": 1000}'
            s.sendall(b"POST /api/2.0/mlflow/runs/search HTTP/1.1\r\nHost: x\r\n"
                      b"Content-Type: application/json\r\nContent-Length: "
                      + str(len(body)).encode() + b"\r\n\r\n" + body)
            s.recv(100)  # read a little of the 500 KB answer, then hang up
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            s.close()
        self.assertEqual(self.call("GET", EXP_GET)[0], 200)

    def test_keep_alive(self):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
        for _ in range(3):
            conn.request("GET", EXP_GET)
            resp = conn.getresponse()
            self.assertEqual(resp.status, 200)
            resp.read()
        conn.request("GET", "/api/2.0/mlflow/no-such-endpoint")
        resp = conn.getresponse()
        self.assertEqual(resp.status, 404)
        resp.read()
        conn.close()


class LifetimeTest(unittest.TestCase):
    def test_exits_when_stdin_closes(self):
        tmp = tempfile.mkdtemp(prefix="rest_lifetime_")
        try:
            db = os.path.join(tmp, "mlflow.db")
            shutil.copyfile(os.path.join(DATA, "mlflow.db"), db)
            proc = subprocess.Popen([sys.executable, SCRIPT, "--db", db, "--exit-on-stdin-eof"],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            try:
                self.assertTrue(proc.stdout.readline().startswith("LISTENING http://127.0.0.1:"))
                self.assertIsNone(proc.poll())
                proc.stdin.close()
                self.assertEqual(proc.wait(10), 0)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
                proc.stdout.close()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_sigterm_stops_server(self):
        tmp = tempfile.mkdtemp(prefix="rest_lifetime_")
        try:
            db = os.path.join(tmp, "mlflow.db")
            shutil.copyfile(os.path.join(DATA, "mlflow.db"), db)
            proc, _, _ = start_server(db)
            proc.terminate()
            self.assertEqual(proc.wait(10), 0)
            proc.stdout.close()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


class GenerateTest(unittest.TestCase):
    def test_generate_bench_database(self):
        tmp = tempfile.mkdtemp(prefix="rest_generate_")
        try:
            db = os.path.join(tmp, "bench.db")
            subprocess.run([sys.executable, SCRIPT, "--generate", "7,3,2,4", "--db", db], check=True)
            conn = sqlite3.connect(db)
            self.assertEqual(conn.execute("SELECT count(*) FROM runs").fetchone()[0], 7)
            self.assertEqual(conn.execute("SELECT count(*) FROM metrics").fetchone()[0], 7 * 3 * 4)
            self.assertEqual(conn.execute("SELECT count(*) FROM latest_metrics").fetchone()[0], 7 * 3)
            self.assertEqual(conn.execute("SELECT count(*) FROM params").fetchone()[0], 7 * 2)
            conn.close()
            proc, host, port = start_server(db)
            try:
                c = http.client.HTTPConnection(host, port, timeout=10)
                c.request("POST", "/api/2.0/mlflow/runs/search",
                          json.dumps({"experiment_ids": ["1"], "max_results": 5}),
                          {"Content-Type": "application/json"})
                r = json.loads(c.getresponse().read())
                self.assertEqual(len(r["runs"]), 5)
                self.assertIn("next_page_token", r)
                run = r["runs"][0]
                self.assertEqual(run["info"]["run_name"], "bench-run-00006")
                self.assertEqual(len(run["data"]["metrics"]), 3)
                self.assertEqual(len(run["data"]["params"]), 2)
                c.request("GET", "/api/2.0/mlflow/metrics/get-history?run_id="
                          f"{run['info']['run_id']}&metric_key=metric_001")
                h = json.loads(c.getresponse().read())
                self.assertEqual([m["step"] for m in h["metrics"]], [0, 1, 2, 3])
                c.close()
            finally:
                stop_server(proc)
            # Deterministic: a second generation gives the same data.
            db2 = os.path.join(tmp, "bench2.db")
            subprocess.run([sys.executable, SCRIPT, "--generate", "7,3,2,4", "--db", db2], check=True)
            q = "SELECT run_uuid, key, value, step FROM metrics ORDER BY 1, 2, 4"
            a = sqlite3.connect(db).execute(q).fetchall()
            b = sqlite3.connect(db2).execute(q).fetchall()
            self.assertEqual(a, b)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
