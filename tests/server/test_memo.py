#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The test server's --cache-get-responses memo (benchmarks): a repeated GET gets the same bytes,
a write (any non-GET API request) clears the memo so the next read sees the database again, and fault switches hit memoized answers as
they hit computed ones. Without the flag nothing is remembered."""

import http.client
import json
import os
import sqlite3
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from test_replay import ServerFixture  # noqa: E402

RUN_ID = "725002bf71b846ac946886aaea49b30c"
HISTORY = f"/api/2.0/mlflow/metrics/get-history?run_id={RUN_ID}&metric_key=rmse"
RUN_GET = f"/api/2.0/mlflow/runs/get?run_id={RUN_ID}"


class MemoChecks:
    def memo(self):
        status, body, _, _ = self.call("GET", "/__test__/memo")
        self.assertEqual(status, 200)
        return json.loads(body)

    def steps(self, body):
        return sorted(m["step"] for m in json.loads(body)["metrics"])

    def add_point_behind_the_back(self, step):
        # The server has no log-metric endpoint: the point goes in with SQLite, and a write
        # request (runs/set-tag) is what must make the server read it.
        with sqlite3.connect(self.db) as conn:
            conn.execute("INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) "
                         "VALUES ('rmse', 0.5, ?, ?, ?, 0)", (1800000000000 + step, RUN_ID, step))

    def write(self, value="x"):
        status, body, _, _ = self.call("POST", "/api/2.0/mlflow/runs/set-tag", {
            "run_id": RUN_ID, "key": "memo.probe", "value": value})
        self.assertEqual(status, 200, body)


class MemoTest(MemoChecks, ServerFixture, unittest.TestCase):
    EXTRA = ("--cache-get-responses",)

    def test_same_bytes_from_the_memo(self):
        # Another server's answer, with a changed database underneath, tells a memoized answer
        # from a recomputed one: the memo does not look at the database.
        first = self.call("GET", RUN_GET)
        self.assertEqual(first[0], 200)
        hits = self.memo()["hits"]
        with sqlite3.connect(self.db) as conn:
            conn.execute("UPDATE runs SET name = 'renamed-behind-the-back' WHERE run_uuid = ?",
                         (RUN_ID,))
        second = self.call("GET", RUN_GET)
        self.assertEqual(second[0], 200)
        self.assertEqual(second[1], first[1])
        self.assertEqual(second[2], "application/json")
        self.assertEqual(int(second[3]["Content-Length"]), len(first[1]))
        self.assertEqual(self.memo()["hits"], hits + 1)
        # A write clears the memo: the renamed run and the new tag show up now.
        self.write("y")
        third = json.loads(self.call("GET", RUN_GET)[1])["run"]
        self.assertEqual(third["info"]["run_name"], "renamed-behind-the-back")
        self.assertIn({"key": "memo.probe", "value": "y"}, third["data"]["tags"])

    def test_write_then_history_shows_the_point(self):
        status, body, _, _ = self.call("GET", HISTORY)
        self.assertEqual(status, 200)
        before = self.steps(body)
        self.assertEqual(len(before), 6)
        self.add_point_behind_the_back(1000)
        self.assertEqual(self.call("GET", HISTORY)[1], body)  # memoized: the point is not seen
        self.write("a")
        after = self.call("GET", HISTORY)
        self.assertEqual(after[0], 200)
        self.assertEqual(self.steps(after[1]), sorted(before + [1000]))
        self.assertEqual(self.call("GET", HISTORY)[1], after[1])
        # a write whose answer is an error clears the memo too (DELETE of a missing tag: 404)
        self.add_point_behind_the_back(1001)
        status, _, _, _ = self.call("DELETE", "/api/2.0/mlflow/registered-models/delete-tag"
                                    "?name=no-such-model&key=k")
        self.assertNotEqual(status, 200)
        self.assertEqual(self.steps(self.call("GET", HISTORY)[1]), sorted(before + [1000, 1001]))

    def test_errors_are_not_memoized(self):
        missing = "/api/2.0/mlflow/runs/get?run_id=00000000000000000000000000000000"
        status, body, _, _ = self.call("GET", missing)
        self.assertEqual(status, 404)
        entries = self.memo()["entries"]
        self.assertEqual(self.call("GET", missing)[0], 404)
        self.assertEqual(self.memo()["entries"], entries)

    def test_faults_hit_memoized_answers(self):
        full = self.call("GET", HISTORY)[1]
        self.assertEqual(self.call("GET", HISTORY)[1], full)
        hits = self.memo()["hits"]

        self.faults({"status": {"code": 429, "count": 1, "retry_after": 2}})
        status, body, _, headers = self.call("GET", HISTORY)
        self.assertEqual(status, 429)
        self.assertEqual(json.loads(body)["error_code"], "REQUEST_LIMIT_EXCEEDED")
        self.assertEqual(headers["Retry-After"], "2")

        self.faults({"truncate_json": 1})
        status, body, _, headers = self.call("GET", HISTORY)
        self.assertEqual(status, 200)
        self.assertEqual(body, full[:len(full) // 2])
        self.assertEqual(int(headers["Content-Length"]), len(body))

        self.faults({"wrong_content_type": 1})
        status, body, ctype, _ = self.call("GET", HISTORY)
        self.assertEqual(status, 200)
        self.assertTrue(ctype.startswith("text/html"))

        self.faults({"drop_mid_body": 1})
        conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
        conn.request("GET", HISTORY)
        resp = conn.getresponse()
        self.assertEqual(int(resp.getheader("Content-Length")), len(full))
        with self.assertRaises(http.client.IncompleteRead) as ctx:
            resp.read()
        self.assertEqual(ctx.exception.partial, full[:len(full) // 2])
        conn.close()

        self.faults({"require_token": "t0k"})
        self.assertEqual(self.call("GET", HISTORY)[0], 401)
        self.faults({"forbidden": ["/api/2.0/mlflow/metrics/get-history"]})
        self.assertEqual(self.call("GET", HISTORY)[0], 403)

        # The random mode draws for memoized reads as for any read.
        self.faults({"random": {"seed": 7, "status_p": 1.0, "codes": [503]}})
        self.assertEqual(self.call("GET", HISTORY)[0], 503)
        self.call("POST", "/__test__/reset", {})

        # Truncated and dropped bodies were cut from the memo's copy, not stored cut.
        self.assertEqual(self.call("GET", HISTORY)[1], full)
        self.assertGreater(self.memo()["hits"], hits)


class NoMemoTest(MemoChecks, ServerFixture, unittest.TestCase):
    def test_without_the_flag_answers_are_recomputed(self):
        first = self.call("GET", RUN_GET)[1]
        with sqlite3.connect(self.db) as conn:
            conn.execute("UPDATE runs SET name = 'renamed-without-memo' WHERE run_uuid = ?",
                         (RUN_ID,))
        second = self.call("GET", RUN_GET)[1]
        self.assertNotEqual(second, first)
        self.assertIn(b"renamed-without-memo", second)
        self.assertEqual(self.memo(), {"enabled": False, "entries": 0, "hits": 0, "clears": 0})


if __name__ == "__main__":
    unittest.main(verbosity=2)
