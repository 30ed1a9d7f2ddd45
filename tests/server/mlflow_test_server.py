#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""MLflow-compatible REST test server for ModelDesk's tests (Python 3.11 standard library only).

Serves an MLflow-schema SQLite backend store the way MLflow 2.10.2's tracking server does
(`mlflow server --backend-store-uri sqlite:///... --artifacts-destination ...`): same endpoints,
same JSON conventions, same error codes and messages as recorded in tests/data/rest/; or, per
instance, the way MLflow 3.6's does, as recorded in tests/data/mlflow3/rest/ (see "MLflow 3").

    python3 mlflow_test_server.py --db COPY.db [--artifacts DIR] [--host 127.0.0.1] [--port 0]
                                  [--mlflow-major 2|3]
        Serves COPY.db (it is modified by write requests: pass a copy). Prints exactly one line
        "LISTENING http://HOST:PORT" to stdout, then serves until SIGTERM/SIGINT (or, with
        --exit-on-stdin-eof, until stdin closes, so a crashed parent leaves no server behind).
        --mlflow-major chooses the MLflow it answers as; without it, 3 for a database with MLflow
        3's `logged_models` table (tests/data/mlflow3/mlflow.db), else 2 (tests/data/mlflow.db).

    python3 mlflow_test_server.py --db COPY.db --tls-cert CERT.pem --tls-key KEY.pem
                                  [--tls-client-ca CA.pem] ...
        The same over HTTPS: prints "LISTENING https://HOST:PORT". With --tls-client-ca the server
        requires a client certificate signed by that CA (the handshake fails without one).

    python3 mlflow_test_server.py --db COPY.db --cache-get-responses ...
        Benchmarks only: the encoded body of each successful (200) GET API answer is remembered
        by its path + query and sent again byte for byte for the same request, so the pure-Python
        JSON encoder is not what a benchmark measures. Any other API request (a write, and also a
        POST search) clears the whole memo first. Fault switches apply to memoized answers exactly
        as to computed ones. Changing the database behind the server's back is not noticed.

    python3 mlflow_test_server.py --generate RUNS,METRICS,PARAMS[,STEPS] --db NEW.db
                                  [--schema-from tests/data/mlflow.db]
        Creates a new MLflow-schema database with experiment "bench" (id 1) holding RUNS runs,
        each with METRICS metrics of STEPS points (default 1) and PARAMS params, then exits.

Registry writes answer as MLflow 2.10.2 does (tests/data/rest/ 068-082, 100-101 and the
registry_setup phase of client_setup_calls.jsonl): registered-models/create,
model-versions/create (the next number counts deleted versions; tags answered in request order;
MLflow's source checks: a local source must lie in its run's artifact directory, no source may
hold relative path parts), transition-stage, alias (POST/DELETE), set-tag, delete-tag, update.

MLflow 3 (--mlflow-major 3; tests/data/mlflow3/rest/ replayed by test_replay_mlflow3.py, every
quirk of tests/data/mlflow3/FIXTURES.md pinned there). What differs from the 2.10.2 mode:
    metrics/get-history     pages: the page token is always parsed (offset 0 is refused: "Invalid
                            page token, parsed value={'offset': 0}"), points come ordered by
                            timestamp, step, value, and an unset max_results counts as 0, so the
                            answer is only {"next_page_token": "eyJvZmZzZXQiOiAwfQ=="} (or {} for
                            an empty history); a token follows a full page only if more points
                            exist.
    runs/get, runs/search   "outputs": {"model_outputs": [{model_id, step}]} (always present, may
                            be {}); runs/get also has inputs.model_inputs ([{model_id}]),
                            runs/search does not (as recorded).
    registered-models/search, model-versions/search
                            hide prompts (registered models tagged `mlflow.prompt.is_prompt` =
                            'true'; every version of a model one of whose versions has that tag)
                            unless the first clause on that tag is = 'true' or != 'false'; any
                            other clause on it is then dropped.
                            registered-models/get and model-versions/get still answer prompts.
    get-latest-versions, model-versions/transition-stage, model-versions/update
                            answers carry the versions' aliases.
    model-versions/create   a models:/m-<id> source stores the LoggedModel's artifact location as
                            the download URI (and its source run when run_id is empty),
                            models:/<name>/<version> that version's; with model_id the
                            registration is appended to the LoggedModel's tag
                            mlflow.modelVersions ([{"name", "version": int}], json.dumps) and a
                            local source is checked against the LoggedModel's artifacts; a prompt
                            version (tag mlflow.prompt.is_prompt) has no source check.
    new endpoints           POST logged-models/search (experiment_ids, filter, datasets,
                            max_results (default 100), order_by [{field_name, ascending,
                            dataset_name, dataset_digest}], page_token = base64 of the whole query
                            as JSON, refused for another query; newest first by default);
                            GET logged-models/<id> (404 "Logged model with ID '<id>' not found.");
                            GET logged-models/<id>/artifacts/directories[?artifact_directory_path=]
                            ({root_uri, files}); GET /ajax-api/2.0/mlflow/logged-models/<id>/
                            artifacts/files?artifact_file_path=P (the file, as artifact downloads);
                            GET webhooks ({} without webhooks); GET /api/2.0/mlflow-artifacts/
                            artifacts?path=P (the artifact proxy's listing: bare names, {} for a
                            missing folder; MLflow 2.10.2 has it too, but this server's 2.x mode
                            keeps answering it 404 as before).
    Not recorded, taken from MLflow's code: LoggedModel search filters (metrics./params./tags./
    name, model_id, model_type, status, source_run_id, creation/last_updated timestamps), its
    order_by on metrics and its errors; a garbled LoggedModel page token (400 "Invalid page
    token: ..."); webhooks that exist; a missing LoggedModel file (404 as for run artifacts);
    GET logged-models/search (the LoggedModel "search": 404). Everything else answers as in
    the 2.10.2 mode.

Test-only endpoints (never under /api):
    POST /__test__/faults        JSON object, any subset of:
        delay_ms: N                        sleep N ms before answering every API request
        status: {code, count, retry_after, error_code, message}
                                           answer `count` requests with `code` and MLflow's
                                           error body ({error_code, message}; both default per
                                           code, e.g. INTERNAL_ERROR for 500)
        drop_mid_body: N                   N responses: headers + half the body, then close
        truncate_json: N                   N responses: JSON cut in half, Content-Length matching
        wrong_content_type: N              N responses: 200 text/html page instead of the answer
        require_token: "T"                 401 unless "Authorization: Bearer T"
        require_basic: ["user", "pass"]    401 unless HTTP Basic with these credentials
        forbidden: ["/api/...", ...]       403 PERMISSION_DENIED for these exact paths
        paths: ["substring", ...]          counted faults only hit requests whose path+query
                                           contains one of these (default: every API request)
        random: {seed, status_p, drop_p, delay_p, delay_ms: [lo, hi], codes: [...],
                 retry_after_p, retry_after}
                                           each read request (GET/HEAD, or a POST to .../search;
                                           filtered by `paths` too) independently, with a
                                           random.Random(seed): answers one of `codes` (default
                                           [500, 502, 503, 504]) with probability status_p,
                                           carrying "Retry-After: <retry_after>" (default "0")
                                           with probability retry_after_p (default 0.5); else
                                           drops the connection mid-body with probability drop_p;
                                           else is delayed by uniform(lo, hi) ms (default
                                           [50, 300]) with probability delay_p. Counted faults
                                           take precedence. Writes are never hit (the client
                                           does not retry them).
      Posting faults replaces the previous set.
    POST /__test__/reset          clears all faults
    GET  /__test__/stats          {"requests": {"METHOD /path": count}, "bytes_sent": N,
                                   "random": {"requests": N, "status": N, "retry_after": N,
                                              "drop": N, "delay": N}}
                                  (bytes_sent = response body bytes written for API requests;
                                  random = the reads the random mode saw and what it did, only
                                  while it is on or has counted something)
    POST /__test__/stats/reset    zeroes the stats (the random tally too)
    GET  /__test__/memo           {"enabled": bool, "entries": N, "hits": N, "clears": N}
                                  (the --cache-get-responses memo)
"""

import argparse
import base64
import hashlib
import json
import math
import mimetypes
import os
import pathlib
import posixpath
import random
import re
import signal
import socket
import sqlite3
import ssl
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# --------------------------------------------------------------------------------------------
# MLflow constants

MAX_FLOAT = 1.7976931348623157e308
SEARCH_MAX_RESULTS_THRESHOLD = 50000
SEARCH_RUNS_MAX_RESULTS_DEFAULT = 1000
SEARCH_EXPERIMENTS_MAX_RESULTS_DEFAULT = 1000
SEARCH_REGISTERED_MODEL_MAX_RESULTS_DEFAULT = 100
SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD = 1000
SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT = 10000
SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD = 200000
ALL_STAGES = ["None", "Staging", "Production", "Archived"]
ACTIVE_STAGES = ["Staging", "Production"]
STAGE_DELETED_INTERNAL = "Deleted_Internal"
VIEW_TYPES = {"ACTIVE_ONLY": 1, "DELETED_ONLY": 2, "ALL": 3}

# MLflow 3
IS_PROMPT_TAG_KEY = "mlflow.prompt.is_prompt"
MODEL_VERSIONS_TAG_KEY = "mlflow.modelVersions"
SEARCH_LOGGED_MODEL_MAX_RESULTS_DEFAULT = 100
LOGGED_MODEL_STATUS = {0: "LOGGED_MODEL_STATUS_UNSPECIFIED", 1: "LOGGED_MODEL_PENDING",
                       2: "LOGGED_MODEL_READY", 3: "LOGGED_MODEL_UPLOAD_FAILED"}
LOGGED_MODEL_COLUMNS = {
    # order_by field names (SqlLoggedModel attributes and their aliases) -> columns
    "model_id": "model_id", "experiment_id": "experiment_id", "name": "name",
    "artifact_location": "artifact_location", "artifact_uri": "artifact_location",
    "creation_timestamp_ms": "creation_timestamp_ms", "creation_timestamp": "creation_timestamp_ms",
    "creation_time": "creation_timestamp_ms",
    "last_updated_timestamp_ms": "last_updated_timestamp_ms",
    "last_updated_timestamp": "last_updated_timestamp_ms",
    "last_updated_time": "last_updated_timestamp_ms",
    "status": "status", "lifecycle_stage": "lifecycle_stage", "model_type": "model_type",
    "source_run_id": "source_run_id", "status_message": "status_message",
}

HTML_404 = (
    b'<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n'
    b"<p>The requested URL was not found on the server. If you entered the URL manually please "
    b"check your spelling and try again.</p>\n"
)
HTML_405 = (
    b"<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n"
    b"<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n"
)
HTML_PROXY_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head>\n"
    b"<body><h1>Corporate proxy</h1><p>Please sign in to continue.</p></body></html>\n"
)
UNAUTHENTICATED_BODY = (
    b"You are not authenticated. Please see "
    b"https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow "
    b"on how to authenticate."
)

TEXT_EXTENSIONS = {
    "txt", "log", "err", "cfg", "conf", "cnf", "cf", "ini", "properties", "prop", "hocon",
    "toml", "yaml", "yml", "xml", "json", "js", "py", "py3", "csv", "tsv", "md", "rst",
    "MLmodel", "mlproject",
}


class MlflowError(Exception):
    """An MLflow REST error: HTTP status + {"error_code", "message"}."""

    STATUS = {
        "INVALID_PARAMETER_VALUE": 400,
        "RESOURCE_DOES_NOT_EXIST": 404,
        "BAD_REQUEST": 400,
        "RESOURCE_ALREADY_EXISTS": 400,
        "INVALID_STATE": 400,
        "PERMISSION_DENIED": 403,
        "INTERNAL_ERROR": 500,
    }

    def __init__(self, message, code="INVALID_PARAMETER_VALUE"):
        super().__init__(message)
        self.message = message
        self.code = code

    @property
    def status(self):
        return self.STATUS.get(self.code, 400)


def invalid(message):
    return MlflowError(message, "INVALID_PARAMETER_VALUE")


def not_found(message):
    return MlflowError(message, "RESOURCE_DOES_NOT_EXIST")


class HttpError(Exception):
    """A Werkzeug-style HTML error (404 unknown URL, 405 wrong method)."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status


# --------------------------------------------------------------------------------------------
# Request parameter handling (MLflow's _get_request_message + schema validation)


def _hint(value):
    return "" if value is None else f" Hint: Value was of type '{type(value).__name__}'."


def _bad_value(param, value):
    shown = value
    if isinstance(value, bool):
        shown = str(value)
    return invalid(
        f"Invalid value {shown} for parameter '{param}' supplied.{_hint(value)}"
        " See the API docs for more information about request parameters."
    )


def missing(param):
    return invalid(
        f"Missing value for required parameter '{param}'."
        " See the API docs for more information about request parameters."
    )


def _is_intlike(x):
    if isinstance(x, bool):
        return False
    if isinstance(x, int):
        return True
    if isinstance(x, str):
        try:
            int(x)
            return True
        except ValueError:
            return False
    return False


def param_int(req, name, default, maximum=None):
    if name not in req or req[name] is None:
        return default
    value = req[name]
    if not _is_intlike(value):
        raise _bad_value(name, value)
    if maximum is not None and int(value) > maximum:
        raise _bad_value(name, value)
    return int(value)


def param_str(req, name, required=False):
    value = req.get(name)
    if value is None:
        if required:
            raise missing(name)
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if value is None:
            if required:
                raise missing(name)
            return None
    if not isinstance(value, str):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        raise _bad_value(name, value)
    if required and value == "":
        raise missing(name)
    return value


def param_list(req, name):
    value = req.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        value = [value]
    return [str(v) for v in value]


def param_bool(req, name):
    value = req.get(name)
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.lower() == "true"
    return bool(value)


def view_type(req, name):
    value = req.get(name)
    if value is None or value == "":
        return 1
    if isinstance(value, str) and value in VIEW_TYPES:
        return VIEW_TYPES[value]
    if _is_intlike(value) and int(value) in (1, 2, 3):
        return int(value)
    raise _bad_value(name, value)


def lifecycle_stages(view):
    return {1: ["active"], 2: ["deleted"], 3: ["active", "deleted"]}[view]


# --------------------------------------------------------------------------------------------
# Page tokens (mlflow.utils.search_utils.SearchUtils)


def create_page_token(offset):
    return base64.b64encode(json.dumps({"offset": offset}).encode("utf-8")).decode("ascii")


def parse_page_token(token):
    if not token:
        return 0
    try:
        decoded = base64.b64decode(token)
    except (TypeError, ValueError):
        raise invalid("Invalid page token, could not base64-decode")
    try:
        parsed = json.loads(decoded)
    except ValueError:
        raise invalid(f"Invalid page token, decoded value={decoded}")
    offset = parsed.get("offset") if isinstance(parsed, dict) else None
    if not offset:
        raise invalid(f"Invalid page token, parsed value={parsed}")
    try:
        return int(offset)
    except ValueError:
        raise invalid(f"Invalid page token, not stringable {offset}")


# --------------------------------------------------------------------------------------------
# Search filter grammar (a subset of MLflow's sqlparse-based SearchUtils, enough for
# clients and for the recorded exchanges)

_TOKEN_RE = re.compile(
    r"""\s*(?:
        (?P<bq>`(?:[^`])*`)
      | (?P<dq>"(?:[^"\\]|\\.)*")
      | (?P<sq>'(?:[^'\\]|\\.|'')*')
      | (?P<num>[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?))(?![\w.])
      | (?P<op>[<>=!]+)
      | (?P<lp>\()
      | (?P<rp>\))
      | (?P<comma>,)
      | (?P<word>[^\s<>=!(),'"`]+)
    )""",
    re.VERBOSE,
)

METRIC_COMPARATORS_MSG = "{'>=', '=', '>', '!=', '<=', '<'}"
NUMERIC_COMPARATORS = [">", ">=", "!=", "=", "<", "<="]
STRING_COMPARATORS = ["!=", "=", "LIKE", "ILIKE"]
STRING_SET_COMPARATORS = STRING_COMPARATORS + ["IN", "NOT IN"]

ENTITY_TYPES = {
    "metric": "metric", "metrics": "metric",
    "parameter": "param", "parameters": "param", "param": "param", "params": "param",
    "tag": "tag", "tags": "tag",
    "attribute": "attribute", "attributes": "attribute", "attr": "attribute", "run": "attribute",
    "dataset": "dataset", "datasets": "dataset",
}


def _tokenize(text):
    tokens = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if not m or m.end() == pos:
            raise invalid(f"Invalid filter '{text}'. Could not be parsed.")
        kind = m.lastgroup
        tokens.append((kind, m.group(kind), m.start(kind)))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return tokens


def _unquote(kind, raw):
    if kind == "sq":
        return raw[1:-1].replace("''", "'").replace("\\'", "'")
    if kind == "dq":
        return raw[1:-1].replace('\\"', '"')
    if kind == "bq":
        return raw[1:-1]
    return raw


def parse_filter(text):
    """Returns [(entity, key, comparator, value)] for `a op b AND c op d ...`.

    entity is "metric"/"param"/"tag"/"attribute"/"dataset"; value is str, float or a list.
    """
    if not text or not text.strip():
        return []
    tokens = _tokenize(text)
    clauses = []
    i = 0
    n = len(tokens)

    def fail():
        raise invalid(f"Invalid clause(s) in filter string: '{text}'")

    while i < n:
        # identifier: word, quoted, or word ending in '.' followed by a quoted key
        kind, raw, _ = tokens[i]
        if kind == "word" and raw.endswith(".") and i + 1 < n and tokens[i + 1][0] in ("bq", "dq"):
            ident_type = raw[:-1]
            ident_key = _unquote(tokens[i + 1][0], tokens[i + 1][1])
            i += 2
        elif kind in ("word", "bq", "dq"):
            ident = _unquote(kind, raw)
            if kind == "word" and "." in ident:
                ident_type, ident_key = ident.split(".", 1)
            else:
                ident_type, ident_key = "attribute", ident
            i += 1
        else:
            fail()
        entity = ENTITY_TYPES.get(ident_type.lower() if ident_type else "")
        if entity is None:
            raise invalid(
                f"Invalid entity type '{ident_type}'. Valid values are "
                "['metric', 'parameter', 'tag', 'attribute', 'dataset']"
            )
        if i >= n:
            fail()
        kind, raw, _ = tokens[i]
        if kind == "op":
            comparator = raw
            i += 1
        elif kind == "word" and raw.upper() in ("LIKE", "ILIKE", "IN"):
            comparator = raw.upper()
            i += 1
        elif (kind == "word" and raw.upper() == "NOT" and i + 1 < n
              and tokens[i + 1][0] == "word" and tokens[i + 1][1].upper() == "IN"):
            comparator = "NOT IN"
            i += 2
        else:
            fail()
        if i >= n:
            fail()
        kind, raw, _ = tokens[i]
        if comparator in ("IN", "NOT IN"):
            if kind != "lp":
                raise invalid(
                    "While parsing a list in the query, expected a non-empty list of string "
                    f"values, but got {raw}"
                )
            i += 1
            values = []
            while i < n and tokens[i][0] != "rp":
                k, r, _ = tokens[i]
                if k == "comma":
                    i += 1
                    continue
                if k not in ("sq", "dq"):
                    raise invalid(
                        "While parsing a list in the query, expected string value, punctuation, "
                        f"or whitespace, but got different type in list: {r}"
                    )
                values.append(_unquote(k, r))
                i += 1
            if i >= n:
                fail()
            i += 1
            if not values:
                raise invalid(
                    "While parsing a list in the query, expected a non-empty list of string "
                    "values, but got empty list"
                )
            value = values
            value_kind = "list"
        else:
            if kind in ("sq", "dq"):
                value = _unquote(kind, raw)
                value_kind = "string"
            elif kind == "num":
                value = raw
                value_kind = "number"
            elif kind == "word":
                value = raw
                value_kind = "word"
            else:
                fail()
            i += 1
        clauses.append((entity, ident_key, comparator, value, value_kind))
        if i < n:
            kind, raw, _ = tokens[i]
            if kind == "word" and raw.upper() == "AND":
                i += 1
                if i >= n:
                    fail()
            else:
                fail()
    return clauses


def _check_comparator(comparator, valid, valid_msg=None):
    if comparator not in valid:
        shown = valid_msg or "{" + ", ".join(f"'{c}'" for c in valid) + "}"
        raise invalid(f"Invalid comparator '{comparator}' not one of '{shown}")


def _numeric_value(entity_label, value, kind):
    if kind != "number":
        raise invalid(f"Expected numeric value type for {entity_label}. Found {value}")
    return float(value)


def _string_value(entity_label, value, kind):
    if kind not in ("string", "list"):
        raise invalid(
            f"{entity_label} value is either not quoted or unidentified quote types used for "
            f"string value {value}. Use either single or double quotes."
        )
    return value


def like_to_regex(pattern, flags=0):
    out = []
    for ch in pattern:
        if ch == "%":
            out.append(".*")
        elif ch == "_":
            out.append(".")
        else:
            out.append(re.escape(ch))
    return re.compile("^" + "".join(out) + "$", flags | re.DOTALL)


_REGEX_CACHE = {}


def _sql_like(value, pattern):
    if value is None or pattern is None:
        return None
    key = (pattern, 0)
    rx = _REGEX_CACHE.get(key)
    if rx is None:
        rx = _REGEX_CACHE[key] = like_to_regex(pattern)
    return 1 if rx.match(value) else 0


def _sql_ilike(value, pattern):
    if value is None or pattern is None:
        return None
    key = (pattern, 1)
    rx = _REGEX_CACHE.get(key)
    if rx is None:
        rx = _REGEX_CACHE[key] = like_to_regex(pattern, re.IGNORECASE)
    return 1 if rx.match(value) else 0


def sql_compare(column, comparator, value, params):
    """SQL text comparing `column` with `value` (parameters appended to params)."""
    if comparator == "LIKE":
        params.append(value)
        return f"md_like({column}, ?)"
    if comparator == "ILIKE":
        params.append(value)
        return f"md_ilike({column}, ?)"
    if comparator in ("IN", "NOT IN"):
        params.extend(value)
        marks = ", ".join("?" for _ in value)
        return f"{column} {comparator} ({marks})"
    params.append(value)
    return f"{column} {comparator} ?"


def parse_order_by(clause, valid_message=None):
    """'key [ASC|DESC]' -> (entity, key, ascending); keys may be quoted/backticked."""
    text = clause.strip()
    ascending = True
    m = re.match(r"^(.*?)\s+(ASC|DESC)$", text, re.IGNORECASE)
    if m:
        text = m.group(1).strip()
        ascending = m.group(2).upper() == "ASC"
    if not text:
        raise invalid(f"Invalid order_by clause '{clause}'. Could not be parsed.")
    m = re.match(r"^([A-Za-z_]+)\.(`[^`]*`|\"[^\"]*\")$", text)
    if m:
        return ENTITY_TYPES.get(m.group(1).lower(), m.group(1)), m.group(2)[1:-1], ascending
    if text[0] in "`\"" and text[-1] == text[0]:
        return "attribute", text[1:-1], ascending
    if "." in text:
        etype, key = text.split(".", 1)
        entity = ENTITY_TYPES.get(etype.lower())
        if entity is None:
            raise invalid(f"Invalid order_by clause '{clause}'. Could not be parsed.")
        return entity, key, ascending
    return "attribute", text, ascending


# --------------------------------------------------------------------------------------------
# The store


def _f(value, is_nan=False):
    if is_nan:
        return "NaN"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
    return value


def _tags(rows):
    return [{"key": k, "value": v} for k, v in rows]


class Store:
    def __init__(self, db_path, artifacts_dir, major=None):
        self.db_path = db_path
        self.artifacts_dir = artifacts_dir
        self.lock = threading.RLock()
        self.conn = sqlite3.connect(db_path, check_same_thread=False, isolation_level=None)
        self.conn.execute("PRAGMA busy_timeout = 10000")
        self.conn.create_function("md_like", 2, _sql_like, deterministic=True)
        self.conn.create_function("md_ilike", 2, _sql_ilike, deterministic=True)
        tables = {name for (name,) in self.q("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # MLflow 3's schema is the first with LoggedModels; --mlflow-major overrides the guess.
        self.has_logged_models = "logged_models" in tables
        self.has_webhooks = "webhooks" in tables
        # MLflow 3 added a step to run inputs (for LoggedModel outputs)
        self.inputs_step = ("step" if "step" in {r[1] for r in self.q("PRAGMA table_info(inputs)")}
                            else "0")
        self.major = major or (3 if self.has_logged_models else 2)

    def q(self, sql, params=()):
        return self.conn.execute(sql, params).fetchall()

    def q1(self, sql, params=()):
        return self.conn.execute(sql, params).fetchone()

    def write(self, statements):
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for sql, params in statements:
                self.conn.execute(sql, params)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    # ---- experiments -------------------------------------------------------------------------

    EXP_COLS = "experiment_id, name, artifact_location, lifecycle_stage, last_update_time, creation_time"

    def _experiment_json(self, row, tags):
        exp = {"experiment_id": str(row[0]), "name": row[1]}
        if row[2] is not None:
            exp["artifact_location"] = row[2]
        if row[3] is not None:
            exp["lifecycle_stage"] = row[3]
        if row[4] is not None:
            exp["last_update_time"] = row[4]
        if row[5] is not None:
            exp["creation_time"] = row[5]
        if tags:
            exp["tags"] = _tags(tags)
        return exp

    def _experiment_tags(self, exp_id):
        return self.q("SELECT key, value FROM experiment_tags WHERE experiment_id = ?", (exp_id,))

    def get_experiment(self, exp_id):
        row = None
        if _is_intlike(exp_id):
            row = self.q1(f"SELECT {self.EXP_COLS} FROM experiments WHERE experiment_id = ?",
                          (int(exp_id),))
        if row is None:
            raise not_found(f"No Experiment with id={exp_id} exists")
        return self._experiment_json(row, self._experiment_tags(row[0]))

    def get_experiment_by_name(self, name):
        row = self.q1(f"SELECT {self.EXP_COLS} FROM experiments WHERE name = ?", (name,))
        if row is None:
            raise not_found(f"Could not find experiment with name '{name}'")
        return self._experiment_json(row, self._experiment_tags(row[0]))

    def search_experiments(self, view, max_results, filter_string, order_by, page_token):
        if max_results > SEARCH_MAX_RESULTS_THRESHOLD:
            raise invalid(
                "Invalid value for request parameter max_results. It must be at most "
                f"{SEARCH_MAX_RESULTS_THRESHOLD}, but got value {max_results}"
            )
        params = []
        where = ["e.lifecycle_stage IN (%s)" % ", ".join("?" for _ in lifecycle_stages(view))]
        params.extend(lifecycle_stages(view))
        for entity, key, comp, value, kind in parse_filter(filter_string):
            if entity == "attribute":
                if key in ("name",):
                    _check_comparator(comp, STRING_COMPARATORS)
                    where.append(sql_compare("e.name", comp, _string_value("Attribute", value, kind), params))
                elif key in ("creation_time", "last_update_time"):
                    _check_comparator(comp, NUMERIC_COMPARATORS)
                    where.append(sql_compare(f"e.{key}", comp, _numeric_value("attribute", value, kind), params))
                else:
                    raise invalid(
                        f"Invalid attribute key '{key}' specified. Valid keys are "
                        "'['name', 'creation_time', 'last_update_time']'"
                    )
            elif entity == "tag":
                _check_comparator(comp, STRING_COMPARATORS)
                params.append(key)
                cond = sql_compare("t.value", comp, _string_value("Tag", value, kind), params)
                where.append(
                    "e.experiment_id IN (SELECT t.experiment_id FROM experiment_tags t "
                    f"WHERE t.key = ? AND {cond})"
                )
            else:
                raise invalid(f"Invalid entity type '{entity}'. Valid values are ['tag', 'attribute']")
        order = []
        seen = set()
        for clause in order_by:
            entity, key, asc = parse_order_by(clause)
            if entity != "attribute" or key not in ("name", "experiment_id", "creation_time",
                                                     "last_update_time"):
                raise invalid(f"Invalid order_by entity: {clause}")
            order.append(f"e.{key} {'ASC' if asc else 'DESC'}")
            seen.add(key)
        if "creation_time" not in seen:
            order.append("e.creation_time DESC")
        if "experiment_id" not in seen:
            order.append("e.experiment_id ASC")
        offset = parse_page_token(page_token)
        rows = self.q(
            f"SELECT {', '.join('e.' + c.strip() for c in self.EXP_COLS.split(','))} "
            f"FROM experiments e WHERE {' AND '.join(where)} ORDER BY {', '.join(order)} "
            "LIMIT ? OFFSET ?",
            params + [max_results + 1, offset],
        )
        result = {}
        exps = [self._experiment_json(r, self._experiment_tags(r[0])) for r in rows[:max_results]]
        if exps:
            result["experiments"] = exps
        if len(rows) == max_results + 1:
            result["next_page_token"] = create_page_token(offset + max_results)
        return result

    def set_experiment_tag(self, exp_id, key, value):
        exp = self.get_experiment(exp_id)
        if exp.get("lifecycle_stage") != "active":
            raise invalid(
                f"The experiment {exp_id} must be in the 'active' state. "
                f"Current state is {exp.get('lifecycle_stage')}."
            )
        self.write([(
            "INSERT INTO experiment_tags (key, value, experiment_id) VALUES (?, ?, ?) "
            "ON CONFLICT(key, experiment_id) DO UPDATE SET value = excluded.value",
            (key, value, int(exp_id)),
        )])

    # ---- runs -------------------------------------------------------------------------------

    RUN_COLS = ("run_uuid, experiment_id, name, user_id, status, start_time, end_time, "
                "artifact_uri, lifecycle_stage")

    def _run_row(self, run_id):
        return self.q1(f"SELECT {self.RUN_COLS} FROM runs WHERE run_uuid = ?", (run_id,))

    def _require_run(self, run_id):
        row = self._run_row(run_id)
        if row is None:
            raise not_found(f"Run with id={run_id} not found")
        return row

    def _require_active_run(self, run_id):
        row = self._require_run(run_id)
        if row[8] != "active":
            raise invalid(
                f"The run {run_id} must be in the 'active' state. Current state is {row[8]}."
            )
        return row

    def _runs_json(self, rows, with_model_inputs=False):
        """Run messages. MLflow 3 adds outputs.model_outputs; inputs.model_inputs only for
        runs/get (its runs/search leaves them out, as recorded)."""
        ids = [r[0] for r in rows]
        metrics, params, tags, inputs = {}, {}, {}, {}
        model_inputs, model_outputs = {}, {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            for run, key, value, ts, step, is_nan in self.q(
                "SELECT run_uuid, key, value, timestamp, step, is_nan FROM latest_metrics "
                f"WHERE run_uuid IN ({marks})", chunk):
                m = {"key": key, "value": _f(value, is_nan), "timestamp": ts, "step": step}
                if ts is None:
                    del m["timestamp"]
                metrics.setdefault(run, []).append(m)
            for run, key, value in self.q(
                f"SELECT run_uuid, key, value FROM params WHERE run_uuid IN ({marks})", chunk):
                params.setdefault(run, []).append({"key": key, "value": value})
            for run, key, value in self.q(
                f"SELECT run_uuid, key, value FROM tags WHERE run_uuid IN ({marks})", chunk):
                tags.setdefault(run, []).append({"key": key, "value": value})
            input_rows = self.q(
                "SELECT destination_id, input_uuid, source_id FROM inputs WHERE "
                f"destination_type = 'RUN' AND source_type = 'DATASET' AND destination_id IN ({marks})",
                chunk)
            for run, input_uuid, dataset_uuid in input_rows:
                ds = self.q1(
                    "SELECT name, digest, dataset_source_type, dataset_source, dataset_schema, "
                    "dataset_profile FROM datasets WHERE dataset_uuid = ?", (dataset_uuid,))
                if ds is None:
                    continue
                entry = {}
                itags = self.q("SELECT name, value FROM input_tags WHERE input_uuid = ?",
                               (input_uuid,))
                if itags:
                    entry["tags"] = _tags(itags)
                dataset = {}
                for field, v in zip(("name", "digest", "source_type", "source", "schema",
                                     "profile"), ds):
                    if v is not None:
                        dataset[field] = v
                entry["dataset"] = dataset
                inputs.setdefault(run, []).append(entry)
            if self.major >= 3:
                # MLflow 3: a run's LoggedModels, as inputs (RUN_INPUT -> MODEL_INPUT) and as
                # outputs (RUN_OUTPUT -> MODEL_OUTPUT, with the step).
                for run, source_type, model_id, step in self.q(
                        f"SELECT source_id, source_type, destination_id, {self.inputs_step} "
                        "FROM inputs WHERE "
                        "((source_type = 'RUN_INPUT' AND destination_type = 'MODEL_INPUT') OR "
                        "(source_type = 'RUN_OUTPUT' AND destination_type = 'MODEL_OUTPUT')) "
                        f"AND source_id IN ({marks}) ORDER BY rowid", chunk):
                    if source_type == "RUN_INPUT":
                        model_inputs.setdefault(run, []).append({"model_id": model_id})
                    else:
                        model_outputs.setdefault(run, []).append(
                            {"model_id": model_id, "step": step or 0})
        out = []
        for r in rows:
            info = {"run_uuid": r[0], "experiment_id": str(r[1])}
            for field, v in (("run_name", r[2]), ("user_id", r[3]), ("status", r[4]),
                             ("start_time", r[5]), ("end_time", r[6]), ("artifact_uri", r[7]),
                             ("lifecycle_stage", r[8])):
                if v is not None:
                    info[field] = v
            info["run_id"] = r[0]
            data = {}
            if r[0] in metrics:
                data["metrics"] = metrics[r[0]]
            if r[0] in params:
                data["params"] = params[r[0]]
            if r[0] in tags:
                data["tags"] = tags[r[0]]
            run_inputs = {}
            if r[0] in inputs:
                run_inputs["dataset_inputs"] = inputs[r[0]]
            if self.major < 3:
                out.append({"info": info, "data": data, "inputs": run_inputs})
                continue
            if with_model_inputs and r[0] in model_inputs:
                run_inputs["model_inputs"] = model_inputs[r[0]]
            run_outputs = {}
            if r[0] in model_outputs:
                run_outputs["model_outputs"] = model_outputs[r[0]]
            out.append({"info": info, "data": data, "inputs": run_inputs, "outputs": run_outputs})
        return out

    def get_run(self, run_id):
        return self._runs_json([self._require_run(run_id)], with_model_inputs=True)[0]

    RUN_ATTRIBUTES = {
        "run_id": ("run_uuid", "str"), "run_name": ("name", "str"), "status": ("status", "str"),
        "user_id": ("user_id", "str"), "artifact_uri": ("artifact_uri", "str"),
        "start_time": ("start_time", "num"), "end_time": ("end_time", "num"),
        "created": ("start_time", "num"), "Created": ("start_time", "num"),
        "run name": ("name", "str"), "Run name": ("name", "str"), "Run Name": ("name", "str"),
    }

    def search_runs(self, experiment_ids, filter_string, view, max_results, order_by, page_token):
        if not experiment_ids:
            return {}
        params = []
        exp_marks = ", ".join("?" for _ in experiment_ids)
        params.extend(experiment_ids)
        stages = lifecycle_stages(view)
        params.extend(stages)
        where = [f"r.experiment_id IN ({exp_marks})",
                 "r.lifecycle_stage IN (%s)" % ", ".join("?" for _ in stages)]
        for entity, key, comp, value, kind in parse_filter(filter_string):
            if entity == "metric":
                _check_comparator(comp, NUMERIC_COMPARATORS, METRIC_COMPARATORS_MSG)
                v = _numeric_value("metric", value, kind)
                sub = [key]
                cond = sql_compare("m.value", comp, v, sub)
                params.extend(sub)
                where.append("r.run_uuid IN (SELECT m.run_uuid FROM latest_metrics m "
                             f"WHERE m.key = ? AND {cond})")
            elif entity in ("param", "tag"):
                label = "Parameter" if entity == "param" else "Tag"
                _check_comparator(comp, STRING_SET_COMPARATORS)
                v = _string_value(label, value, kind)
                table = "params" if entity == "param" else "tags"
                sub = [key]
                cond = sql_compare("p.value", comp, v, sub)
                params.extend(sub)
                where.append(f"r.run_uuid IN (SELECT p.run_uuid FROM {table} p "
                             f"WHERE p.key = ? AND {cond})")
            elif entity == "attribute":
                if key not in self.RUN_ATTRIBUTES:
                    raise invalid(
                        f"Invalid attribute key '{key}' specified. Valid keys are "
                        "'['run_id', 'run_name', 'status', 'user_id', 'artifact_uri', "
                        "'start_time', 'end_time', 'created']'"
                    )
                column, typ = self.RUN_ATTRIBUTES[key]
                if typ == "num":
                    _check_comparator(comp, NUMERIC_COMPARATORS)
                    v = _numeric_value("attribute", value, kind)
                else:
                    _check_comparator(comp, STRING_SET_COMPARATORS)
                    v = _string_value("Attribute", value, kind)
                where.append(sql_compare(f"r.{column}", comp, v, params))
            elif entity == "dataset":
                if key not in ("name", "digest", "context"):
                    raise invalid(
                        f"Invalid dataset key '{key}' specified. Valid keys are "
                        "'['name', 'digest', 'context']'"
                    )
                _check_comparator(comp, STRING_SET_COMPARATORS)
                v = _string_value("Dataset", value, kind)
                sub = []
                if key == "context":
                    cond = sql_compare("it.value", comp, v, sub)
                    where.append(
                        "r.run_uuid IN (SELECT i.destination_id FROM inputs i JOIN input_tags it "
                        "ON it.input_uuid = i.input_uuid WHERE it.name = 'mlflow.data.context' "
                        f"AND {cond})")
                else:
                    cond = sql_compare(f"d.{key}", comp, v, sub)
                    where.append(
                        "r.run_uuid IN (SELECT i.destination_id FROM inputs i JOIN datasets d "
                        f"ON d.dataset_uuid = i.source_id WHERE {cond})")
                params.extend(sub)
        joins = []
        join_params = []
        order = []
        seen = set()
        for n, clause in enumerate(order_by):
            entity, key, asc = parse_order_by(clause)
            direction = "" if asc else " DESC"
            if (entity, key) in seen:
                raise invalid(
                    f"`order_by` contains duplicate fields: {order_by}"
                )
            seen.add((entity, key))
            if entity == "attribute":
                if key not in self.RUN_ATTRIBUTES:
                    raise invalid(f"Invalid attribute key '{key}' specified.")
                column = "r." + self.RUN_ATTRIBUTES[key][0]
                order.append(f"CASE WHEN {column} IS NULL THEN 1 ELSE 0 END")
                order.append(column + direction)
                if self.RUN_ATTRIBUTES[key][0] == "start_time":
                    seen.add(("attribute", "start_time"))
            elif entity in ("metric", "param", "tag"):
                table = {"metric": "latest_metrics", "param": "params", "tag": "tags"}[entity]
                alias = f"o{n}"
                cols = "run_uuid, value, is_nan" if entity == "metric" else "run_uuid, value"
                joins.append(f"LEFT JOIN (SELECT {cols} FROM {table} WHERE key = ?) {alias} "
                             f"ON {alias}.run_uuid = r.run_uuid")
                join_params.append(key)
                if entity == "metric":
                    order.append(f"CASE WHEN {alias}.is_nan = 1 THEN 1 WHEN {alias}.value IS NULL "
                                 "THEN 2 ELSE 0 END")
                else:
                    order.append(f"CASE WHEN {alias}.value IS NULL THEN 1 ELSE 0 END")
                order.append(f"{alias}.value{direction}")
            else:
                raise invalid(f"Invalid order_by entity type '{entity}'")
        if ("attribute", "start_time") not in seen:
            order.append("r.start_time DESC")
        order.append("r.run_uuid")
        offset = parse_page_token(page_token)
        sql = (f"SELECT {', '.join('r.' + c.strip() for c in self.RUN_COLS.split(','))} "
               f"FROM runs r {' '.join(joins)} WHERE {' AND '.join(where)} "
               f"ORDER BY {', '.join(order)} LIMIT ? OFFSET ?")
        rows = self.q(sql, join_params + params + [max_results, offset])
        result = {}
        if rows:
            result["runs"] = self._runs_json(rows)
        if len(rows) == max_results:
            result["next_page_token"] = create_page_token(offset + max_results)
        return result

    def metric_history(self, run_id, key):
        rows = self.q(
            "SELECT key, value, timestamp, step, is_nan FROM metrics "
            "WHERE run_uuid = ? AND key = ?", (run_id, key))
        return [{"key": k, "value": _f(v, nan), "timestamp": ts, "step": step}
                for k, v, ts, step, nan in rows]

    def metric_history_page(self, run_id, key, max_results, page_token):
        """MLflow 3's SqlAlchemyStore.get_metric_history: the page token is parsed first (an
        offset of 0 is refused), points are ordered by timestamp, step and value, and
        max_results + 1 rows are read: a token is returned when that extra row exists. An unset
        max_results arrives as 0, so such a request reads no point but gets the token of
        offset 0 (which is then refused) whenever the history has a point."""
        offset = parse_page_token(page_token)
        rows = self.q(
            "SELECT key, value, timestamp, step, is_nan FROM metrics WHERE run_uuid = ? AND key = ? "
            "ORDER BY timestamp, step, value LIMIT ? OFFSET ?",
            (run_id, key, max_results + 1, offset))
        result = {}
        metrics = [{"key": k, "value": _f(v, nan), "timestamp": ts, "step": step}
                   for k, v, ts, step, nan in rows[:max_results]]
        if metrics:
            result["metrics"] = metrics
        if len(rows) == max_results + 1:
            result["next_page_token"] = create_page_token(offset + max_results)
        return result

    def metric_history_bulk(self, run_ids, key, max_results):
        marks = ", ".join("?" for _ in run_ids)
        rows = self.q(
            "SELECT key, value, timestamp, step, is_nan, run_uuid FROM metrics "
            f"WHERE run_uuid IN ({marks}) AND key = ? "
            "ORDER BY run_uuid, timestamp, step, value LIMIT ?",
            list(run_ids) + [key, max_results])
        return [{"key": k, "value": float("nan") if nan else v, "timestamp": ts, "step": step,
                 "run_id": run} for k, v, ts, step, nan, run in rows]

    def set_tag(self, run_id, key, value):
        self._require_active_run(run_id)
        statements = [(
            "INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?) "
            "ON CONFLICT(key, run_uuid) DO UPDATE SET value = excluded.value",
            (key, value, run_id))]
        if key == "mlflow.runName":
            statements.append(("UPDATE runs SET name = ? WHERE run_uuid = ?", (value, run_id)))
        self.write(statements)

    # ---- tracking writes (a run that logs while it runs: live-update tests) ------------------

    def create_run(self, experiment_id, user_id, run_name, start_time, tags):
        """runs/create as MLflow 2's SQL store: a RUNNING run in an active experiment."""
        exp = self.q1("SELECT artifact_location, lifecycle_stage FROM experiments WHERE experiment_id = ?",
                      (experiment_id,))
        if exp is None:
            raise not_found(f"No Experiment with id={experiment_id} exists")
        if exp[1] != "active":
            raise invalid(f"The experiment {experiment_id} must be in the 'active' state. "
                          f"Current state is {exp[1]}.")
        run_id = uuid.uuid4().hex
        tags = {t["key"]: t.get("value", "") for t in tags}
        name = run_name or tags.get("mlflow.runName") or f"run-{run_id[:8]}"
        tags["mlflow.runName"] = name
        if user_id:
            tags.setdefault("mlflow.user", user_id)
        statements = [(
            "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, "
            "status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, "
            "experiment_id, deleted_time) VALUES (?, ?, 'UNKNOWN', '', '', ?, 'RUNNING', ?, NULL, "
            "'', 'active', ?, ?, NULL)",
            (run_id, name, user_id or "", start_time, f"{exp[0]}/{run_id}/artifacts", experiment_id))]
        statements += [("INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?)", (k, v, run_id))
                       for k, v in tags.items()]
        self.write(statements)
        return self.get_run(run_id)

    def log_metric(self, run_id, key, value, timestamp, step):
        """runs/log-metric: appends a point; latest_metrics keeps the greatest (step, timestamp,
        value), as MLflow's SQL store does."""
        self._require_active_run(run_id)
        is_nan = 1 if math.isnan(value) else 0
        stored = 0.0 if is_nan else value
        statements = [("INSERT OR IGNORE INTO metrics (key, value, timestamp, run_uuid, step, is_nan) "
                       "VALUES (?, ?, ?, ?, ?, ?)", (key, stored, timestamp, run_id, step, is_nan))]
        latest = self.q1("SELECT step, timestamp, value FROM latest_metrics WHERE run_uuid = ? AND key = ?",
                         (run_id, key))
        if latest is None or (step, timestamp, stored) > (latest[0], latest[1] or 0, latest[2]):
            statements.append((
                "INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(key, run_uuid) DO UPDATE SET value = excluded.value, "
                "timestamp = excluded.timestamp, step = excluded.step, is_nan = excluded.is_nan",
                (key, stored, timestamp, step, is_nan, run_id)))
        self.write(statements)

    def update_run(self, run_id, status, end_time, run_name):
        """runs/update: status, end time and name; answers the run's info."""
        self._require_active_run(run_id)
        statements = []
        if status:
            if status not in ("SCHEDULED", "FAILED", "FINISHED", "RUNNING", "KILLED"):
                raise invalid(f"Invalid value {status} for parameter 'status' supplied.")
            statements.append(("UPDATE runs SET status = ? WHERE run_uuid = ?", (status, run_id)))
        if end_time is not None:
            statements.append(("UPDATE runs SET end_time = ? WHERE run_uuid = ?", (end_time, run_id)))
        if run_name:
            statements.append(("UPDATE runs SET name = ? WHERE run_uuid = ?", (run_name, run_id)))
            statements.append((
                "INSERT INTO tags (key, value, run_uuid) VALUES ('mlflow.runName', ?, ?) "
                "ON CONFLICT(key, run_uuid) DO UPDATE SET value = excluded.value", (run_name, run_id)))
        if statements:
            self.write(statements)
        return {"run_info": self.get_run(run_id)["info"]}

    def delete_tag(self, run_id, key):
        self._require_active_run(run_id)
        if self.q1("SELECT 1 FROM tags WHERE run_uuid = ? AND key = ?", (run_id, key)) is None:
            raise not_found(f"No tag with name: {key} in run with id {run_id}")
        self.write([("DELETE FROM tags WHERE run_uuid = ? AND key = ?", (run_id, key))])

    # ---- artifacts --------------------------------------------------------------------------

    def artifact_dir_of_uri(self, uri):
        if not self.artifacts_dir or not uri:
            return None
        if uri.startswith("mlflow-artifacts:"):
            rel = uri[len("mlflow-artifacts:"):]
            if rel.startswith("//"):
                rel = rel[2:].split("/", 1)[1] if "/" in rel[2:] else ""
            return os.path.join(self.artifacts_dir, rel.lstrip("/"))
        if uri.startswith("file://"):
            return urllib.parse.unquote(urllib.parse.urlparse(uri).path)
        return None

    @staticmethod
    def _validate_path(path):
        if path and (os.path.isabs(path) or ".." in path.split("/") or "\\" in path):
            raise invalid(f"Invalid path: {path}")

    def list_artifacts(self, run_id, path):
        row = self._require_run(run_id)
        root_uri = row[7]
        self._validate_path(path)
        result = {"root_uri": root_uri}
        files = self._list_dir(self.artifact_dir_of_uri(root_uri), path)
        if files:
            result["files"] = files
        return result

    @staticmethod
    def _list_dir(base, path, relative_to_root=True):
        """FileInfos of the folder `path` under `base` (none when it is not a folder): paths
        relative to `base`, or (relative_to_root False) bare names."""
        if base is None:
            return []
        target = os.path.join(base, path) if path else base
        if not os.path.isdir(target):
            return []
        files = []
        for name in sorted(os.listdir(target)):
            full = os.path.join(target, name)
            rel = f"{path.rstrip('/')}/{name}" if path and relative_to_root else name
            if os.path.isdir(full):
                files.append({"path": rel, "is_dir": True})
            else:
                files.append({"path": rel, "is_dir": False, "file_size": os.path.getsize(full)})
        return files

    def list_proxied_artifacts(self, path):
        """GET /api/2.0/mlflow-artifacts/artifacts?path=P (MLflow 3 mode): the folder P of the
        artifacts destination, entries named by their bare names; nothing for a missing folder."""
        if path:
            self._validate_path(path)
        files = self._list_dir(self.artifacts_dir, path or "", relative_to_root=False)
        return {"files": files} if files else {}

    def artifact_file(self, relative):
        if not self.artifacts_dir:
            raise not_found(f"File {relative} not found")
        self._validate_path(relative)
        full = os.path.join(self.artifacts_dir, relative)
        if not os.path.isfile(full):
            raise not_found(f"File {relative} not found")
        return full

    def run_artifact_file(self, run_id, path):
        row = self._require_run(run_id)
        self._validate_path(path)
        base = self.artifact_dir_of_uri(row[7])
        full = os.path.join(base, path) if base else None
        if not full or not os.path.isfile(full):
            raise not_found(f"File {path} not found")
        return full

    # ---- model registry ---------------------------------------------------------------------

    MV_COLS = ("name, version, creation_time, last_updated_time, current_stage, description, "
               "source, run_id, status, status_message, run_link, user_id")

    def _mv_json(self, row, with_tags=True, with_aliases=False):
        mv = {"name": row[0], "version": str(row[1])}
        for field, v in (("creation_timestamp", row[2]), ("last_updated_timestamp", row[3]),
                         ("user_id", row[11]), ("current_stage", row[4]),
                         ("description", row[5]), ("source", row[6]), ("run_id", row[7]),
                         ("status", row[8]), ("status_message", row[9])):
            if v is not None:
                mv[field] = v
        if with_tags:
            tags = self.q("SELECT key, value FROM model_version_tags WHERE name = ? AND version = ?",
                          (row[0], row[1]))
            if tags:
                mv["tags"] = _tags(tags)
        if row[10] is not None:
            mv["run_link"] = row[10]
        if with_aliases:
            aliases = [a for (a,) in self.q(
                "SELECT alias FROM registered_model_aliases WHERE name = ? AND version = ? "
                "ORDER BY alias", (row[0], row[1]))]
            if aliases:
                mv["aliases"] = aliases
        return mv

    def _require_model(self, name):
        row = self.q1("SELECT name, creation_time, last_updated_time, description "
                      "FROM registered_models WHERE name = ?", (name,))
        if row is None:
            raise not_found(f"Registered Model with name={name} not found")
        return row

    def _latest_versions(self, name):
        latest = {}
        for row in self.q(f"SELECT {self.MV_COLS} FROM model_versions WHERE name = ?", (name,)):
            stage = row[4]
            if stage == STAGE_DELETED_INTERNAL:
                continue
            if stage not in latest or latest[stage][1] < row[1]:
                latest[stage] = row
        return latest

    def _rm_json(self, row):
        rm = {"name": row[0]}
        if row[1] is not None:
            rm["creation_timestamp"] = row[1]
        if row[2] is not None:
            rm["last_updated_timestamp"] = row[2]
        if row[3]:
            rm["description"] = row[3]
        latest = [self._mv_json(r) for r in self._latest_versions(row[0]).values()]
        if latest:
            rm["latest_versions"] = latest
        tags = self.q("SELECT key, value FROM registered_model_tags WHERE name = ?", (row[0],))
        if tags:
            rm["tags"] = _tags(tags)
        aliases = self.q("SELECT alias, version FROM registered_model_aliases WHERE name = ? "
                         "ORDER BY alias", (row[0],))
        if aliases:
            rm["aliases"] = [{"alias": a, "version": str(v)} for a, v in aliases]
        return rm

    def get_registered_model(self, name):
        return self._rm_json(self._require_model(name))

    def search_registered_models(self, filter_string, max_results, order_by, page_token):
        if max_results > SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD:
            raise invalid(
                "Invalid value for request parameter max_results. It must be at most "
                f"{SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD}, but got value {max_results}"
            )
        params, where = [], []
        clauses = parse_filter(filter_string)
        hide_prompts = self.major >= 3 and not _is_querying_prompt(clauses)
        for entity, key, comp, value, kind in clauses:
            if entity == "attribute" and key == "name":
                _check_comparator(comp, STRING_COMPARATORS)
                where.append(sql_compare("m.name", comp, _string_value("Attribute", value, kind),
                                         params))
            elif entity == "tag":
                _check_comparator(comp, STRING_COMPARATORS)
                if hide_prompts and key == IS_PROMPT_TAG_KEY:
                    continue  # MLflow 3 drops it and hides the prompts instead
                params.append(key)
                cond = sql_compare("t.value", comp, _string_value("Tag", value, kind), params)
                where.append("m.name IN (SELECT t.name FROM registered_model_tags t "
                             f"WHERE t.key = ? AND {cond})")
            else:
                raise invalid(f"Invalid attribute key '{key}' specified. Valid keys are '{{'name'}}'")
        if hide_prompts:
            where.append("m.name NOT IN (SELECT t.name FROM registered_model_tags t "
                         "WHERE t.key = ? AND t.value = 'true')")
            params.append(IS_PROMPT_TAG_KEY)
        order, seen = [], set()
        columns = {"name": "name", "timestamp": "last_updated_time",
                   "last_updated_timestamp": "last_updated_time",
                   "creation_timestamp": "creation_time"}
        for clause in order_by:
            entity, key, asc = parse_order_by(clause)
            if entity != "attribute" or key not in columns:
                raise invalid(f"Invalid order by key '{key}' specified. Valid keys are "
                              "'{'name', 'timestamp', 'last_updated_timestamp'}'")
            order.append(f"m.{columns[key]} {'ASC' if asc else 'DESC'}")
            seen.add(columns[key])
        if "name" not in seen:
            order.append("m.name ASC")
        offset = parse_page_token(page_token)
        rows = self.q(
            "SELECT m.name, m.creation_time, m.last_updated_time, m.description "
            f"FROM registered_models m {'WHERE ' + ' AND '.join(where) if where else ''} "
            f"ORDER BY {', '.join(order)} LIMIT ? OFFSET ?",
            params + [max_results + 1, offset])
        result = {}
        models = [self._rm_json(r) for r in rows[:max_results]]
        if models:
            result["registered_models"] = models
        if len(rows) == max_results + 1:
            result["next_page_token"] = create_page_token(offset + max_results)
        return result

    def get_latest_versions(self, name, stages):
        self._require_model(name)
        latest = self._latest_versions(name)
        if stages:
            wanted = {canonical_stage(s) for s in stages}
        else:
            wanted = set(ALL_STAGES)
        # MLflow 3 fills in the aliases of each version (2.10.2 did not).
        return [self._mv_json(r, with_aliases=self.major >= 3) for r in latest.values()
                if r[4] in wanted]

    def _mv_row(self, name, version):
        if not _is_intlike(version):
            raise invalid(f"Model version must be an integer, got '{version}'")
        row = self.q1(f"SELECT {self.MV_COLS} FROM model_versions WHERE name = ? AND version = ? "
                      "AND current_stage != ?", (name, int(version), STAGE_DELETED_INTERNAL))
        if row is None:
            raise not_found(f"Model Version (name={name}, version={version}) not found")
        return row

    def get_model_version(self, name, version):
        return self._mv_json(self._mv_row(name, version), with_aliases=True)

    def search_model_versions(self, filter_string, max_results, order_by, page_token):
        if max_results > SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD:
            raise invalid(
                "Invalid value for request parameter max_results. It must be at most "
                f"{SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD}, but got value {max_results}"
            )
        params = [STAGE_DELETED_INTERNAL]
        where = ["v.current_stage != ?"]
        columns = {"name": ("name", "str"), "run_id": ("run_id", "str"),
                   "source_path": ("source", "str"), "version_number": ("version", "num")}
        clauses = parse_filter(filter_string)
        hide_prompts = self.major >= 3 and not _is_querying_prompt(clauses)
        for entity, key, comp, value, kind in clauses:
            if entity == "attribute" and key in columns:
                column, typ = columns[key]
                if typ == "num":
                    _check_comparator(comp, NUMERIC_COMPARATORS)
                    v = _numeric_value("attribute", value, kind)
                else:
                    _check_comparator(comp, STRING_SET_COMPARATORS)
                    v = _string_value("Attribute", value, kind)
                where.append(sql_compare(f"v.{column}", comp, v, params))
            elif entity == "tag":
                _check_comparator(comp, STRING_COMPARATORS)
                if hide_prompts and key == IS_PROMPT_TAG_KEY:
                    continue
                params.append(key)
                cond = sql_compare("t.value", comp, _string_value("Tag", value, kind), params)
                where.append("EXISTS (SELECT 1 FROM model_version_tags t WHERE t.name = v.name "
                             f"AND t.version = v.version AND t.key = ? AND {cond})")
            else:
                raise invalid(
                    f"Invalid attribute key '{key}' specified. Valid keys are "
                    "'['name', 'run_id', 'source_path', 'version_number']'"
                )
        if hide_prompts:
            # MLflow 3 hides every version of a model that has a version tagged as a prompt.
            where.append("v.name NOT IN (SELECT t.name FROM model_version_tags t "
                         "WHERE t.key = ? AND t.value = 'true')")
            params.append(IS_PROMPT_TAG_KEY)
        order_columns = {"name": "name", "version_number": "version",
                         "creation_timestamp": "creation_time", "timestamp": "last_updated_time",
                         "last_updated_timestamp": "last_updated_time", "run_id": "run_id",
                         "source_path": "source", "current_stage": "current_stage"}
        order, seen = [], set()
        for clause in order_by:
            entity, key, asc = parse_order_by(clause)
            if entity != "attribute" or key not in order_columns:
                raise invalid(f"Invalid order by key '{key}' specified.")
            order.append(f"v.{order_columns[key]} {'ASC' if asc else 'DESC'}")
            seen.add(order_columns[key])
        if not order_by:
            order.append("v.last_updated_time DESC")
            seen.add("last_updated_time")
        if "name" not in seen:
            order.append("v.name ASC")
        if "version" not in seen:
            order.append("v.version DESC")
        offset = parse_page_token(page_token)
        rows = self.q(
            f"SELECT {', '.join('v.' + c.strip() for c in self.MV_COLS.split(','))} "
            f"FROM model_versions v WHERE {' AND '.join(where)} ORDER BY {', '.join(order)} "
            "LIMIT ? OFFSET ?", params + [max_results + 1, offset])
        result = {}
        mvs = [self._mv_json(r) for r in rows[:max_results]]
        if mvs:
            result["model_versions"] = mvs
        if len(rows) == max_results + 1:
            result["next_page_token"] = create_page_token(offset + max_results)
        return result

    def set_registered_model_tag(self, name, key, value):
        self._require_model(name)
        self.write([(
            "INSERT INTO registered_model_tags (key, value, name) VALUES (?, ?, ?) "
            "ON CONFLICT(key, name) DO UPDATE SET value = excluded.value", (key, value, name))])

    def delete_registered_model_tag(self, name, key):
        self._require_model(name)
        self.write([("DELETE FROM registered_model_tags WHERE name = ? AND key = ?", (name, key))])

    def set_model_version_tag(self, name, version, key, value):
        validate_tag_name(key)
        row = self._mv_row(name, version)
        self.write([(
            "INSERT INTO model_version_tags (key, value, name, version) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(key, name, version) DO UPDATE SET value = excluded.value",
            (key, value, name, row[1]))])

    def delete_model_version_tag(self, name, version, key):
        row = self._mv_row(name, version)
        self.write([("DELETE FROM model_version_tags WHERE name = ? AND version = ? AND key = ?",
                     (name, row[1], key))])

    def create_registered_model(self, name, tags, description):
        # MLflow's SqlAlchemyStore.create_registered_model: tags deduplicated by key (the last
        # value wins, the first position stays), answered in request order.
        tag_dict = {}
        for key, value in tags:
            validate_tag_name(key)
            tag_dict[key] = value
        now = int(time.time() * 1000)
        if self.q1("SELECT 1 FROM registered_models WHERE name = ?", (name,)) is not None:
            raise MlflowError(
                f"Registered Model (name={name}) already exists. Error: (sqlite3.IntegrityError) "
                "UNIQUE constraint failed: registered_models.name\n[SQL: INSERT INTO "
                "registered_models (name, creation_time, last_updated_time, description) VALUES "
                f"(?, ?, ?, ?)]\n[parameters: {(name, now, now, description)!r}]\n"
                "(Background on this error at: https://sqlalche.me/e/20/gkpj)",
                "RESOURCE_ALREADY_EXISTS")
        statements = [("INSERT INTO registered_models (name, creation_time, last_updated_time, "
                       "description) VALUES (?, ?, ?, ?)", (name, now, now, description))]
        statements += [("INSERT INTO registered_model_tags (key, value, name) VALUES (?, ?, ?)",
                        (key, value, name)) for key, value in tag_dict.items()]
        self.write(statements)
        rm = {"name": name, "creation_timestamp": now, "last_updated_timestamp": now}
        if description:
            rm["description"] = description
        if tag_dict:
            rm["tags"] = _tags(tag_dict.items())
        return rm

    def create_model_version(self, name, source, run_id, tags, run_link, description,
                             model_id=""):
        # MLflow's SqlAlchemyStore.create_model_version: the next number counts deleted versions
        # too; the registered model's last_updated_time becomes the creation time.
        tag_dict = {}
        for key, value in tags:
            validate_tag_name(key)
            tag_dict[key] = value
        storage_location = source
        if self.major >= 3 and urllib.parse.urlparse(source).scheme == "models":
            # MLflow 3 stores where the files are: a LoggedModel's artifact location for
            # models:/m-<id> (its source run becomes the run when none is given), the download
            # URI of the version for models:/<name>/<version>.
            try:
                ref = source[len("models:/"):].lstrip("/")
                if ref.startswith("m-") and "/" not in ref:
                    model = self._require_logged_model(ref)
                    storage_location = model[3]
                    run_id = run_id or model[9] or ""
                else:
                    model_name, _, model_version = ref.rpartition("/")
                    storage_location = self.download_uri(model_name, model_version)
            except MlflowError as e:
                raise MlflowError(
                    "Unable to fetch model from model URI source artifact location "
                    f"'{source}'.Error: {e.message}", "INTERNAL_ERROR")
        self._require_model(name)
        (latest,) = self.q1("SELECT MAX(version) FROM model_versions WHERE name = ?", (name,))
        version = (latest or 0) + 1
        now = int(time.time() * 1000)
        statements = [
            ("INSERT INTO model_versions (name, version, creation_time, last_updated_time, "
             "description, user_id, current_stage, source, run_id, status, status_message, "
             "run_link, storage_location) VALUES (?, ?, ?, ?, ?, NULL, 'None', ?, ?, 'READY', NULL, "
             "?, ?)", (name, version, now, now, description, source, run_id, run_link,
                       storage_location)),
            ("UPDATE registered_models SET last_updated_time = ? WHERE name = ?", (now, name)),
        ]
        statements += [("INSERT INTO model_version_tags (key, value, name, version) "
                        "VALUES (?, ?, ?, ?)", (key, value, name, version))
                       for key, value in tag_dict.items()]
        self.write(statements)
        if model_id:
            # MLflow 3's handler records the registration on the LoggedModel afterwards, in its
            # own transaction (an unknown model_id fails then, with the version created).
            self.set_model_versions_tag(name, version, model_id)
        mv = self._mv_json(self._mv_row(name, version), with_tags=False)
        if tag_dict:
            # before run_link, in proto field order
            link = mv.pop("run_link", None)
            mv["tags"] = _tags(tag_dict.items())
            if link is not None:
                mv["run_link"] = link
        return mv

    def update_registered_model(self, name, description):
        self._require_model(name)
        now = int(time.time() * 1000)
        self.write([("UPDATE registered_models SET description = ?, last_updated_time = ? "
                     "WHERE name = ?", (description, now, name))])
        return self.get_registered_model_plain(name)

    def get_registered_model_plain(self, name):
        # MLflow's update response comes from the ORM object without relationships loaded.
        row = self._require_model(name)
        rm = {"name": row[0], "creation_timestamp": row[1], "last_updated_timestamp": row[2]}
        if row[3]:
            rm["description"] = row[3]
        return rm

    def update_model_version(self, name, version, description):
        row = self._mv_row(name, version)
        now = int(time.time() * 1000)
        self.write([("UPDATE model_versions SET description = ?, last_updated_time = ? "
                     "WHERE name = ? AND version = ?", (description, now, name, row[1]))])
        return self._mv_json(self._mv_row(name, version), with_aliases=self.major >= 3)

    def transition_stage(self, name, version, stage, archive_existing):
        # MLflow checks the stage before it looks the version up.
        requested = stage
        stage = canonical_stage(stage)
        if archive_existing and stage not in ACTIVE_STAGES:
            raise invalid(
                f"Model version transition cannot archive existing model versions because "
                f"'{requested}' is not an Active stage. Valid stages are {ACTIVE_STAGES}"
            )
        row = self._mv_row(name, version)
        now = int(time.time() * 1000)
        statements = []
        if archive_existing:
            statements.append((
                "UPDATE model_versions SET current_stage = 'Archived', last_updated_time = ? "
                "WHERE name = ? AND version != ? AND current_stage = ?",
                (now, name, row[1], stage)))
        statements.append((
            "UPDATE model_versions SET current_stage = ?, last_updated_time = ? "
            "WHERE name = ? AND version = ?", (stage, now, name, row[1])))
        statements.append(("UPDATE registered_models SET last_updated_time = ? WHERE name = ?",
                           (now, name)))
        self.write(statements)
        return self._mv_json(self._mv_row(name, version), with_aliases=self.major >= 3)

    def get_alias(self, name, alias):
        self._require_model(name)
        row = self.q1("SELECT version FROM registered_model_aliases WHERE name = ? AND alias = ?",
                      (name, alias))
        if row is None:
            raise invalid(f"Registered model alias {alias} not found.")
        return self.get_model_version(name, row[0])

    def set_alias(self, name, alias, version):
        validate_alias(alias)
        # MLflow looks up the version only: an unknown model reports the version as not found.
        row = self._mv_row(name, version)
        self.write([(
            "INSERT INTO registered_model_aliases (alias, version, name) VALUES (?, ?, ?) "
            "ON CONFLICT(name, alias) DO UPDATE SET version = excluded.version",
            (alias, row[1], name))])

    def delete_alias(self, name, alias):
        # Deleting an alias that is not set succeeds, as in MLflow.
        validate_alias(alias)
        self._require_model(name)
        self.write([("DELETE FROM registered_model_aliases WHERE name = ? AND alias = ?",
                     (name, alias))])

    def download_uri(self, name, version):
        row = self._mv_row(name, version)
        uri = self.q1("SELECT storage_location FROM model_versions WHERE name = ? AND version = ?",
                      (name, row[1]))[0]
        return uri or row[6]

    # ---- LoggedModels and webhooks (MLflow 3) -------------------------------------------------

    LM_COLS = ("model_id, experiment_id, name, artifact_location, creation_timestamp_ms, "
               "last_updated_timestamp_ms, status, lifecycle_stage, model_type, source_run_id, "
               "status_message")

    def _require_logged_model(self, model_id):
        row = None
        if self.has_logged_models:
            row = self.q1(f"SELECT {self.LM_COLS} FROM logged_models WHERE model_id = ? "
                          "AND lifecycle_stage != 'deleted'", (model_id,))
        if row is None:
            raise not_found(f"Logged model with ID '{model_id}' not found.")
        return row

    def _logged_models_json(self, rows):
        """LoggedModel messages. Tags and params come ordered by key (MLflow loads them through
        their primary key), metrics in the order they were logged."""
        ids = [r[0] for r in rows]
        tags, params, metrics = {}, {}, {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            for model_id, key, value in self.q(
                    "SELECT model_id, tag_key, tag_value FROM logged_model_tags "
                    f"WHERE model_id IN ({marks}) ORDER BY model_id, tag_key", chunk):
                tags.setdefault(model_id, []).append({"key": key, "value": value})
            for model_id, key, value in self.q(
                    "SELECT model_id, param_key, param_value FROM logged_model_params "
                    f"WHERE model_id IN ({marks}) ORDER BY model_id, param_key", chunk):
                params.setdefault(model_id, []).append({"key": key, "value": value})
            for model_id, key, value, ts, step, run_id, ds_name, ds_digest in self.q(
                    "SELECT model_id, metric_name, metric_value, metric_timestamp_ms, metric_step, "
                    "run_id, dataset_name, dataset_digest FROM logged_model_metrics "
                    f"WHERE model_id IN ({marks}) ORDER BY rowid", chunk):
                m = {"key": key, "value": _f(value), "timestamp": ts, "step": step}
                if value is None:
                    del m["value"]
                if ds_name is not None:
                    m["dataset_name"] = ds_name
                if ds_digest is not None:
                    m["dataset_digest"] = ds_digest
                m["model_id"] = model_id
                m["run_id"] = run_id
                metrics.setdefault(model_id, []).append(m)
        out = []
        for r in rows:
            info = {"model_id": r[0], "experiment_id": str(r[1])}
            for field, v in (("name", r[2]), ("creation_timestamp_ms", r[4]),
                             ("last_updated_timestamp_ms", r[5]), ("artifact_uri", r[3]),
                             ("status", LOGGED_MODEL_STATUS.get(r[6], r[6])),
                             ("status_message", r[10]), ("model_type", r[8]),
                             ("source_run_id", r[9])):
                if v is not None:
                    info[field] = v
            if r[0] in tags:
                info["tags"] = tags[r[0]]
            data = {}
            if r[0] in params:
                data["params"] = params[r[0]]
            if r[0] in metrics:
                data["metrics"] = metrics[r[0]]
            out.append({"info": info, "data": data})
        return out

    def get_logged_model(self, model_id):
        return self._logged_models_json([self._require_logged_model(model_id)])[0]

    @staticmethod
    def _decode_logged_models_token(token):
        try:
            parsed = json.loads(base64.b64decode(token.encode("utf-8")).decode("utf-8"))
            if not isinstance(parsed, dict):
                raise ValueError("not a JSON object")
        except (ValueError, TypeError) as e:
            raise invalid(f"Invalid page token: {token}. {e}")
        return (parsed.get("experiment_ids"), parsed.get("filter_string") or None,
                parsed.get("order_by") or None, parsed.get("offset") or 0)

    def search_logged_models(self, experiment_ids, filter_string, datasets, max_results, order_by,
                             page_token):
        """MLflow 3's SqlAlchemyStore.search_logged_models. The page token is the base64 of the
        whole query as JSON (experiment_ids, filter_string, order_by, offset); a token that does
        not match the request is refused."""
        if datasets and not all(d.get("dataset_name") for d in datasets):
            raise invalid("`dataset_name` in the `datasets` clause must be specified.")
        offset = 0
        if page_token:
            t_exps, t_filter, t_order, offset = self._decode_logged_models_token(page_token)
            if t_exps != experiment_ids:
                raise invalid("Experiment IDs in the page token do not match the requested "
                              f"experiment IDs. Expected: {experiment_ids}. Found: {t_exps}")
            if t_filter != filter_string:
                raise invalid("Filter string in the page token does not match the requested "
                              f"filter string. Expected: {filter_string}. Found: {t_filter}")
            if t_order != order_by:
                raise invalid("Order by in the page token does not match the requested order "
                              f"by. Expected: {order_by}. Found: {t_order}")
        max_results = max_results or SEARCH_LOGGED_MODEL_MAX_RESULTS_DEFAULT
        if not self.has_logged_models:
            return {}
        exps = [int(e) if _is_intlike(e) else e for e in experiment_ids]
        params = ["deleted"] + exps
        where = ["lm.lifecycle_stage != ?",
                 f"lm.experiment_id IN ({', '.join('?' for _ in exps) or 'NULL'})"]
        ds_sql, ds_params = "", []
        if datasets:
            parts = []
            for d in datasets:
                if d.get("dataset_digest"):
                    parts.append("(mm.dataset_name = ? AND mm.dataset_digest = ?)")
                    ds_params += [d["dataset_name"], d["dataset_digest"]]
                else:
                    parts.append("mm.dataset_name = ?")
                    ds_params.append(d["dataset_name"])
            ds_sql = " AND (" + " OR ".join(parts) + ")"
        has_metric_filter = False
        for entity, key, comp, value, kind in parse_filter(filter_string):
            if entity == "metric":
                has_metric_filter = True
                _check_comparator(comp, NUMERIC_COMPARATORS, METRIC_COMPARATORS_MSG)
                sub = [key]
                cond = sql_compare("mm.metric_value", comp, _numeric_value("metric", value, kind),
                                   sub)
                where.append("EXISTS (SELECT 1 FROM logged_model_metrics mm WHERE mm.model_id = "
                             f"lm.model_id AND mm.metric_name = ? AND {cond}{ds_sql})")
                params += sub + ds_params
            elif entity in ("param", "tag"):
                _check_comparator(comp, STRING_SET_COMPARATORS)
                table, kcol, vcol = (("logged_model_params", "param_key", "param_value")
                                     if entity == "param" else
                                     ("logged_model_tags", "tag_key", "tag_value"))
                sub = [key]
                cond = sql_compare(f"p.{vcol}", comp,
                                   _string_value("Parameter" if entity == "param" else "Tag",
                                                 value, kind), sub)
                where.append(f"EXISTS (SELECT 1 FROM {table} p WHERE p.model_id = lm.model_id "
                             f"AND p.{kcol} = ? AND {cond})")
                params += sub
            elif entity == "attribute" and key in ("name", "model_id", "model_type", "status",
                                                   "source_run_id"):
                _check_comparator(comp, STRING_SET_COMPARATORS)
                v = _string_value("Attribute", value, kind)
                if key == "status":
                    codes = {name: code for code, name in LOGGED_MODEL_STATUS.items()}
                    codes.update({name[len("LOGGED_MODEL_"):]: code for name, code in
                                  list(codes.items()) if name.startswith("LOGGED_MODEL_")})
                    v = [codes.get(x, x) for x in v] if isinstance(v, list) else codes.get(v, v)
                where.append(sql_compare(f"lm.{key}", comp, v, params))
            elif entity == "attribute" and key in LOGGED_MODEL_COLUMNS and \
                    LOGGED_MODEL_COLUMNS[key].endswith("_timestamp_ms"):
                _check_comparator(comp, NUMERIC_COMPARATORS)
                where.append(sql_compare(f"lm.{LOGGED_MODEL_COLUMNS[key]}", comp,
                                         _numeric_value("attribute", value, kind), params))
            else:
                raise invalid(f"Invalid logged model search key '{key}'")
        if datasets and not has_metric_filter:
            where.append("EXISTS (SELECT 1 FROM logged_model_metrics mm WHERE mm.model_id = "
                         f"lm.model_id{ds_sql})")
            params += ds_params
        order, order_params, has_creation = [], [], False
        for ob in order_by or []:
            field = ob.get("field_name") or ""
            direction = "ASC" if ob.get("ascending", True) else "DESC"
            if "." not in field:
                column = LOGGED_MODEL_COLUMNS.get(field)
                if column is None:
                    raise invalid(f"Invalid order by field name: {field}")
                has_creation = has_creation or column == "creation_timestamp_ms"
                order += [f"CASE WHEN lm.{column} IS NULL THEN 1 ELSE 0 END",
                          f"lm.{column} {direction}"]
                continue
            entity, name = field.split(".", 1)
            if entity != "metrics":
                raise invalid(f"Invalid order by field name: {field}. Only metrics are supported.")
            sub_where, sub_params = "", [name]
            if ob.get("dataset_name"):
                sub_where += " AND mm.dataset_name = ?"
                sub_params.append(ob["dataset_name"])
            if ob.get("dataset_digest"):
                sub_where += " AND mm.dataset_digest = ?"
                sub_params.append(ob["dataset_digest"])
            latest = ("(SELECT mm.metric_value FROM logged_model_metrics mm WHERE mm.model_id = "
                      f"lm.model_id AND mm.metric_name = ?{sub_where} ORDER BY "
                      "mm.metric_timestamp_ms DESC, mm.metric_step DESC LIMIT 1)")
            order += [f"CASE WHEN {latest} IS NULL THEN 1 ELSE 0 END", f"{latest} {direction}"]
            order_params += sub_params + sub_params
        if not has_creation:
            order.append("lm.creation_timestamp_ms DESC")
        order.append("lm.rowid")
        rows = self.q(
            f"SELECT {', '.join('lm.' + c.strip() for c in self.LM_COLS.split(','))} "
            f"FROM logged_models lm WHERE {' AND '.join(where)} ORDER BY {', '.join(order)} "
            "LIMIT ? OFFSET ?", params + order_params + [max_results + 1, offset])
        result = {}
        if rows:
            result["models"] = self._logged_models_json(rows[:max_results])
        if len(rows) > max_results:
            token = json.dumps({"experiment_ids": experiment_ids, "filter_string": filter_string,
                                "order_by": order_by, "offset": offset + max_results})
            result["next_page_token"] = base64.b64encode(token.encode("utf-8")).decode("utf-8")
        return result

    def list_logged_model_artifacts(self, model_id, path):
        row = self._require_logged_model(model_id)
        if path:
            self._validate_path(path)
        result = {"root_uri": row[3]}
        files = self._list_dir(self.artifact_dir_of_uri(row[3]), path or "")
        if files:
            result["files"] = files
        return result

    def logged_model_file(self, model_id, path):
        self._validate_path(path)
        row = self._require_logged_model(model_id)
        base = self.artifact_dir_of_uri(row[3])
        full = os.path.join(base, path) if base else None
        if not full or not os.path.isfile(full):
            raise not_found(f"File {path} not found")
        return full

    def set_model_versions_tag(self, name, version, model_id):
        """MLflow 3's AbstractStore.set_model_versions_tags: appends {"name", "version" (an
        int)} to the LoggedModel's JSON tag `mlflow.modelVersions`. As in MLflow, an entry that
        is already listed makes the tag hold that entry alone."""
        row = self._require_logged_model(model_id)
        entry = {"name": name, "version": version}
        existing = self.q1("SELECT tag_value FROM logged_model_tags WHERE model_id = ? AND "
                           "tag_key = ?", (model_id, MODEL_VERSIONS_TAG_KEY))
        entries = [entry]
        if existing and existing[0]:
            listed = json.loads(existing[0])
            if entry not in listed:
                entries = listed + entries
        self.write([(
            "INSERT INTO logged_model_tags (model_id, experiment_id, tag_key, tag_value) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(model_id, tag_key) DO UPDATE SET "
            "tag_value = excluded.tag_value",
            (model_id, row[1], MODEL_VERSIONS_TAG_KEY, json.dumps(entries)))])

    def list_webhooks(self):
        """GET webhooks: {} when there are none (recorded); otherwise the table's webhooks
        (not recorded: field names from MLflow's Webhook message)."""
        if not self.has_webhooks:
            return {}
        hooks = []
        for hook_id, name, description, url, status, created, updated in self.q(
                "SELECT webhook_id, name, description, url, status, creation_timestamp, "
                "last_updated_timestamp FROM webhooks WHERE deleted_timestamp IS NULL "
                "ORDER BY creation_timestamp DESC, webhook_id"):
            hook = {"webhook_id": hook_id, "name": name}
            if description is not None:
                hook["description"] = description
            hook["url"] = url
            events = [{"entity": e, "action": a} for e, a in self.q(
                "SELECT entity, action FROM webhook_events WHERE webhook_id = ? "
                "ORDER BY entity, action", (hook_id,))]
            if events:
                hook["events"] = events
            hook["status"] = status
            if created is not None:
                hook["creation_timestamp"] = created
            if updated is not None:
                hook["last_updated_timestamp"] = updated
            hooks.append(hook)
        return {"webhooks": hooks} if hooks else {}


def _is_querying_prompt(clauses):
    """MLflow 3: a search lists prompts only when its first clause on the tag
    `mlflow.prompt.is_prompt` asks for them (= 'true' or != 'false')."""
    for entity, key, comp, value, kind in clauses:
        if entity != "tag" or key != IS_PROMPT_TAG_KEY:
            continue
        value = value.lower() if isinstance(value, str) else ""
        return (comp == "=" and value == "true") or (comp == "!=" and value == "false")
    return False


def canonical_stage(stage):
    for s in ALL_STAGES:
        if isinstance(stage, str) and s.lower() == stage.lower():
            return s
    raise invalid(
        f"Invalid Model Version stage: {stage}. Value must be one of {', '.join(ALL_STAGES)}."
    )


BAD_CHARACTERS_MESSAGE = (
    "Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), "
    "and slashes (/)."
)
VALID_TAG_NAME = re.compile(r"^[/\w.\- ]*$")


def validate_tag_name(name):
    """mlflow.utils.validation._validate_tag_name."""
    if not VALID_TAG_NAME.match(name):
        raise invalid(f"Invalid tag name: '{name}'. {BAD_CHARACTERS_MESSAGE}")
    norm = posixpath.normpath(name)
    if norm != name or norm == "." or norm.startswith("..") or norm.startswith("/"):
        raise invalid(
            f"Invalid tag name: '{name}'. Names may be treated as files in certain cases, and must "
            f"not resolve to other names when treated as such. This name would resolve to '{norm}'"
        )


def param_tags(req, name="tags"):
    """A repeated {key, value} field (_assert_array) as [(key, value)]."""
    value = req.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise _bad_value(name, value)
    out = []
    for tag in value:
        if not isinstance(tag, dict) or not isinstance(tag.get("key", ""), str) \
                or not isinstance(tag.get("value", ""), str):
            raise _bad_value(name, value)
        out.append((tag.get("key", ""), tag.get("value", "")))
    return out


def _is_local_uri(uri):
    parsed = urllib.parse.urlparse(uri)
    if parsed.scheme == "":
        return True
    host = parsed.hostname
    if host and not (host == "." or host.startswith("localhost") or host.startswith("127.0.0.1")):
        return False
    return parsed.scheme == "file"


def _local_path(uri):
    path = urllib.parse.urlparse(uri).path if uri.startswith("file:") else uri
    return urllib.request.url2pathname(path)


def validate_source(store, source, run_id, model_id=""):
    """mlflow.server.handlers._validate_source of MLflow 2.10.2 (MLflow 3: _validate_source_run,
    or _validate_source_model when a model_id is given): a local source must lie in the
    artifact directory of its run (LoggedModel); no source may contain relative path parts."""
    if _is_local_uri(source):
        shown = source
        owner = "model_id" if model_id else "run_id"
        if model_id or run_id:
            location = (store._require_logged_model(model_id)[3] if model_id
                        else store._require_run(run_id)[7])
            resolved = pathlib.Path(_local_path(source)).resolve()
            run_dir = pathlib.Path(_local_path(location or "")).resolve()
            if run_dir in [resolved, *resolved.parents]:
                return
            shown = str(resolved)
        raise invalid(
            f"Invalid model version source: '{shown}'. To use a local path as a model version "
            f"source, the {owner} request parameter has to be specified and the local path has to "
            f"be contained within the artifact directory of the run specified by the {owner}."
        )
    message = (
        f"Invalid model version source: '{source}'. If supplying a source as an http, https, "
        "local file path, ftp, objectstore, or mlflow-artifacts uri, an absolute path must be "
        "provided without relative path references present. Please provide an absolute path."
    )
    while (unquoted := urllib.parse.unquote_plus(source)) != source:
        source = unquoted
    source_path = re.sub(r"/+", "/", urllib.parse.urlparse(source).path.rstrip("/"))
    if "\x00" in source_path:
        raise invalid(message)
    if pathlib.Path(source_path).resolve().as_posix() != source_path:
        raise invalid(message)


def validate_alias(alias):
    if not alias:
        raise missing("alias")
    if re.fullmatch(r"[vV]\d+", alias):
        raise invalid(f"Version alias name '{alias}' is reserved.")
    if alias.lower() == "latest":
        raise invalid("'latest' alias name (case insensitive) is reserved.")
    if len(alias) > 255:
        raise invalid("Registered model alias name exceeds the maximum length of 255 characters")


# --------------------------------------------------------------------------------------------
# Endpoints


def dumps(obj):
    """MLflow's message_to_json layout: 2-space indent, ASCII escapes."""
    return json.dumps(obj, indent=2).encode("ascii")


class Api:
    """Maps (endpoint, method) to a function(request_dict) -> dict, like MLflow's handlers."""

    def __init__(self, store):
        self.store = store
        s = store
        self.routes = {
            "experiments/search": {
                "GET": self.search_experiments, "POST": self.search_experiments},
            "experiments/get": {"GET": lambda r: {"experiment": s.get_experiment(
                param_str(r, "experiment_id", required=True))}},
            "experiments/get-by-name": {"GET": lambda r: {"experiment": s.get_experiment_by_name(
                param_str(r, "experiment_name", required=True))}},
            "experiments/set-experiment-tag": {"POST": self.set_experiment_tag},
            "runs/search": {"POST": self.search_runs},
            "runs/get": {"GET": lambda r: {"run": s.get_run(self._run_id(r))}},
            "runs/set-tag": {"POST": self.set_tag},
            "runs/create": {"POST": self.create_run},
            "runs/log-metric": {"POST": self.log_metric},
            "runs/update": {"POST": self.update_run},
            "runs/delete-tag": {"POST": self.delete_tag},
            "metrics/get-history": {"GET": self.get_history},
            "artifacts/list": {"GET": self.list_artifacts},
            "registered-models/create": {"POST": self.create_registered_model},
            "registered-models/search": {"GET": self.search_registered_models},
            "registered-models/get": {"GET": lambda r: {"registered_model":
                                      s.get_registered_model(param_str(r, "name", required=True))}},
            "registered-models/get-latest-versions": {
                "POST": self.get_latest_versions, "GET": self.get_latest_versions},
            "registered-models/set-tag": {"POST": self.set_rm_tag},
            "registered-models/delete-tag": {"DELETE": self.delete_rm_tag},
            "registered-models/update": {"PATCH": self.update_rm},
            "registered-models/alias": {
                "GET": self.get_alias, "POST": self.set_alias, "DELETE": self.delete_alias},
            "model-versions/create": {"POST": self.create_model_version},
            "model-versions/search": {"GET": self.search_model_versions},
            "model-versions/get": {"GET": lambda r: {"model_version": s.get_model_version(
                param_str(r, "name", required=True), param_str(r, "version", required=True))}},
            "model-versions/get-download-uri": {"GET": lambda r: {"artifact_uri": s.download_uri(
                param_str(r, "name", required=True), param_str(r, "version", required=True))}},
            "model-versions/set-tag": {"POST": self.set_mv_tag},
            "model-versions/delete-tag": {"DELETE": self.delete_mv_tag},
            "model-versions/update": {"PATCH": self.update_mv},
            "model-versions/transition-stage": {"POST": self.transition_stage},
        }
        if store.major >= 3:
            self.routes.update({
                "logged-models/search": {"POST": self.search_logged_models},
                "webhooks": {"GET": lambda r: s.list_webhooks()},
                ARTIFACT_LIST_ENDPOINT: {"GET": lambda r: s.list_proxied_artifacts(
                    param_str(r, "path"))},
            })

    # MLflow 3's routes with a LoggedModel id in the path (logged-models/<model_id>/...).
    LOGGED_MODEL_PATH = re.compile(r"^logged-models/([^/]+)(/artifacts/directories)?$")

    def dynamic_route(self, endpoint):
        """The methods of an endpoint with path parameters, or None."""
        if self.store.major < 3:
            return None
        m = self.LOGGED_MODEL_PATH.match(endpoint)
        if not m:
            return None
        model_id = urllib.parse.unquote(m.group(1))
        if m.group(2):
            return {"GET": lambda r: self.store.list_logged_model_artifacts(
                model_id, param_str(r, "artifact_directory_path"))}
        return {"GET": lambda r: {"model": self.store.get_logged_model(model_id)}}

    @staticmethod
    def _run_id(r):
        if r.get("run_id") in (None, "") and r.get("run_uuid"):
            return param_str(r, "run_uuid", required=True)
        return param_str(r, "run_id", required=True)

    def search_experiments(self, r):
        max_results = param_int(r, "max_results", SEARCH_EXPERIMENTS_MAX_RESULTS_DEFAULT)
        return self.store.search_experiments(
            view_type(r, "view_type"), max_results, param_str(r, "filter"),
            param_list(r, "order_by"), param_str(r, "page_token"))

    def set_experiment_tag(self, r):
        exp_id = param_str(r, "experiment_id", required=True)
        key = param_str(r, "key", required=True)
        value = param_str(r, "value") or ""
        self.store.set_experiment_tag(exp_id, key, value)
        return {}

    def search_runs(self, r):
        max_results = param_int(r, "max_results", SEARCH_RUNS_MAX_RESULTS_DEFAULT,
                                maximum=SEARCH_MAX_RESULTS_THRESHOLD)
        if "filter" in r and r["filter"] is not None and not isinstance(r["filter"], str):
            raise _bad_value("filter", r["filter"])
        if "order_by" in r and not isinstance(r["order_by"], list):
            raise _bad_value("order_by", r["order_by"])
        if "experiment_ids" in r and not isinstance(r["experiment_ids"], list):
            raise _bad_value("experiment_ids", r["experiment_ids"])
        return self.store.search_runs(
            param_list(r, "experiment_ids"), param_str(r, "filter"),
            view_type(r, "run_view_type"), max_results, param_list(r, "order_by"),
            param_str(r, "page_token"))

    def set_tag(self, r):
        run_id = self._run_id(r)
        key = param_str(r, "key", required=True)
        self.store.set_tag(run_id, key, param_str(r, "value") or "")
        return {}

    def create_run(self, r):
        tags = r.get("tags") or []
        if not isinstance(tags, list):
            raise _bad_value("tags", tags)
        start = r.get("start_time")
        return {"run": self.store.create_run(
            param_str(r, "experiment_id") or "0", param_str(r, "user_id"), param_str(r, "run_name"),
            int(start) if _is_intlike(start) else int(time.time() * 1000), tags)}

    def log_metric(self, r):
        run_id = self._run_id(r)
        key = param_str(r, "key", required=True)
        if "value" not in r:
            raise missing("value")
        value = r["value"]
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise _bad_value("value", value)
        if not _is_intlike(r.get("timestamp")):
            raise missing("timestamp")
        step = r.get("step", 0)
        self.store.log_metric(run_id, key, value, int(r["timestamp"]), int(step) if _is_intlike(step) else 0)
        return {}

    def update_run(self, r):
        end = r.get("end_time")
        return self.store.update_run(self._run_id(r), param_str(r, "status"),
                                     int(end) if _is_intlike(end) else None, param_str(r, "run_name"))

    def delete_tag(self, r):
        self.store.delete_tag(param_str(r, "run_id", required=True),
                              param_str(r, "key", required=True))
        return {}

    def get_history(self, r):
        run_id = self._run_id(r)
        key = param_str(r, "metric_key")
        if self.store.major >= 3:
            # An unset max_results is 0 in MLflow 3's handler (see Store.metric_history_page).
            return self.store.metric_history_page(run_id, key or "",
                                                  param_int(r, "max_results", 0),
                                                  param_str(r, "page_token"))
        if not key:
            return {}
        metrics = self.store.metric_history(run_id, key)
        return {"metrics": metrics} if metrics else {}

    def list_artifacts(self, r):
        return self.store.list_artifacts(self._run_id(r), param_str(r, "path") or "")

    def create_registered_model(self, r):
        # Unset proto2 strings arrive as "": MLflow stores the empty description as "".
        name = param_str(r, "name", required=True)
        tags = param_tags(r)
        return {"registered_model": self.store.create_registered_model(
            name, tags, param_str(r, "description") or "")}

    def create_model_version(self, r):
        name = param_str(r, "name", required=True)
        source = param_str(r, "source", required=True)
        run_id = param_str(r, "run_id") or ""
        tags = param_tags(r)
        run_link = param_str(r, "run_link") or ""
        description = param_str(r, "description") or ""
        if self.store.major < 3:
            validate_source(self.store, source, run_id)
            return {"model_version": self.store.create_model_version(
                name, source, run_id, tags, run_link, description)}
        # MLflow 3: a prompt's source is not checked; a model_id checks a local source against
        # the LoggedModel's artifacts and records the registration on the LoggedModel.
        model_id = param_str(r, "model_id") or ""
        if not any(key == IS_PROMPT_TAG_KEY for key, _ in tags):
            validate_source(self.store, source, run_id, model_id)
        else:
            model_id = ""
        return {"model_version": self.store.create_model_version(
            name, source, run_id, tags, run_link, description, model_id)}

    def search_registered_models(self, r):
        return self.store.search_registered_models(
            param_str(r, "filter"),
            param_int(r, "max_results", SEARCH_REGISTERED_MODEL_MAX_RESULTS_DEFAULT),
            param_list(r, "order_by"), param_str(r, "page_token"))

    def get_latest_versions(self, r):
        mvs = self.store.get_latest_versions(param_str(r, "name", required=True),
                                             param_list(r, "stages"))
        return {"model_versions": mvs} if mvs else {}

    def set_rm_tag(self, r):
        self.store.set_registered_model_tag(param_str(r, "name", required=True),
                                            param_str(r, "key", required=True),
                                            param_str(r, "value") or "")
        return {}

    def delete_rm_tag(self, r):
        self.store.delete_registered_model_tag(param_str(r, "name", required=True),
                                               param_str(r, "key", required=True))
        return {}

    def update_rm(self, r):
        return {"registered_model": self.store.update_registered_model(
            param_str(r, "name", required=True), param_str(r, "description"))}

    def get_alias(self, r):
        return {"model_version": self.store.get_alias(param_str(r, "name", required=True),
                                                      param_str(r, "alias", required=True))}

    def set_alias(self, r):
        self.store.set_alias(param_str(r, "name", required=True),
                             param_str(r, "alias", required=True),
                             param_str(r, "version", required=True))
        return {}

    def delete_alias(self, r):
        self.store.delete_alias(param_str(r, "name", required=True),
                                param_str(r, "alias", required=True))
        return {}

    def search_model_versions(self, r):
        return self.store.search_model_versions(
            param_str(r, "filter"),
            param_int(r, "max_results", SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT),
            param_list(r, "order_by"), param_str(r, "page_token"))

    def set_mv_tag(self, r):
        self.store.set_model_version_tag(param_str(r, "name", required=True),
                                         param_str(r, "version", required=True),
                                         param_str(r, "key", required=True),
                                         param_str(r, "value") or "")
        return {}

    def delete_mv_tag(self, r):
        self.store.delete_model_version_tag(param_str(r, "name", required=True),
                                            param_str(r, "version", required=True),
                                            param_str(r, "key", required=True))
        return {}

    def update_mv(self, r):
        return {"model_version": self.store.update_model_version(
            param_str(r, "name", required=True), param_str(r, "version", required=True),
            param_str(r, "description"))}

    def search_logged_models(self, r):
        if "experiment_ids" not in r or r["experiment_ids"] is None:
            raise missing("experiment_ids")
        if not isinstance(r["experiment_ids"], list):
            raise _bad_value("experiment_ids", r["experiment_ids"])
        order_by = r.get("order_by") or []
        if not isinstance(order_by, list) or not all(isinstance(o, dict) for o in order_by):
            raise _bad_value("order_by", r.get("order_by"))
        datasets = r.get("datasets") or []
        if not isinstance(datasets, list) or not all(isinstance(d, dict) for d in datasets):
            raise _bad_value("datasets", r.get("datasets"))
        for o in order_by:
            if not o.get("field_name"):
                raise missing("order_by.field_name")
        # As MLflow's handler hands them to the store (and so into the page token).
        return self.store.search_logged_models(
            [str(e) for e in r["experiment_ids"]],
            param_str(r, "filter") or None,
            [{"dataset_name": d.get("dataset_name"), "dataset_digest": d.get("dataset_digest") or None}
             for d in datasets] or None,
            param_int(r, "max_results", 0) or None,
            [{"field_name": o["field_name"], "ascending": param_bool(o, "ascending")
              if "ascending" in o else True, "dataset_name": o.get("dataset_name") or None,
              "dataset_digest": o.get("dataset_digest") or None} for o in order_by] or None,
            param_str(r, "page_token") or None)

    def transition_stage(self, r):
        return {"model_version": self.store.transition_stage(
            param_str(r, "name", required=True), param_str(r, "version", required=True),
            param_str(r, "stage", required=True), param_bool(r, "archive_existing_versions"))}


# --------------------------------------------------------------------------------------------
# Faults and stats


class Faults:
    COUNTED = ("status", "drop_mid_body", "truncate_json", "wrong_content_type")

    RANDOM_KEYS = {"seed", "status_p", "drop_p", "delay_p", "delay_ms", "codes", "retry_after_p",
                   "retry_after"}

    def __init__(self):
        self.lock = threading.Lock()
        self.config = {}
        self.requests = {}
        self.bytes_sent = 0
        self.rng = None
        self.tally = self._zero_tally()

    @staticmethod
    def _zero_tally():
        return {"requests": 0, "status": 0, "retry_after": 0, "drop": 0, "delay": 0}

    def set(self, config):
        if not isinstance(config, dict):
            raise ValueError("faults must be a JSON object")
        known = {"delay_ms", "status", "drop_mid_body", "truncate_json", "wrong_content_type",
                 "require_token", "require_basic", "forbidden", "paths", "random"}
        unknown = set(config) - known
        if unknown:
            raise ValueError(f"unknown fault(s): {sorted(unknown)}")
        config = json.loads(json.dumps(config))
        if "status" in config:
            st = config["status"]
            if not isinstance(st, dict) or "code" not in st:
                raise ValueError("status needs {code, count}")
            st.setdefault("count", 1)
        rng = None
        if "random" in config:
            rnd = config["random"]
            if not isinstance(rnd, dict) or set(rnd) - self.RANDOM_KEYS:
                raise ValueError(f"random takes an object with keys {sorted(self.RANDOM_KEYS)}")
            rnd.setdefault("seed", 0)
            rnd.setdefault("codes", [500, 502, 503, 504])
            rnd.setdefault("delay_ms", [50, 300])
            rnd.setdefault("retry_after_p", 0.5)
            rnd.setdefault("retry_after", "0")
            rng = random.Random(rnd["seed"])
        with self.lock:
            self.config = config
            self.rng = rng

    def reset(self):
        with self.lock:
            self.config = {}
            self.rng = None

    def snapshot(self):
        with self.lock:
            return json.loads(json.dumps(self.config))

    def take(self, target, read=False):
        """Decides the counted faults for one request (decrementing their counts), else the
        random ones for a read request."""
        with self.lock:
            c = self.config
            paths = c.get("paths")
            if paths and not any(p in target for p in paths):
                return {}
            taken = {}
            st = c.get("status")
            if st and st.get("count", 0) > 0:
                st["count"] -= 1
                taken["status"] = dict(st)
                return taken
            for name in ("drop_mid_body", "truncate_json", "wrong_content_type"):
                if c.get(name, 0) > 0:
                    c[name] -= 1
                    taken[name] = True
                    return taken
            if self.rng is not None and read:
                return self._take_random(c["random"])
            return taken

    def _take_random(self, rnd):
        """One independent draw for one read request; self.lock is held."""
        rng, tally = self.rng, self.tally
        tally["requests"] += 1
        # Always the same number of draws per request, so a seed gives one sequence of faults.
        kind, code, with_after, delay = (rng.random(), rng.choice(rnd["codes"]),
                                         rng.random(), rng.uniform(*rnd["delay_ms"]))
        status_p, drop_p = float(rnd.get("status_p", 0)), float(rnd.get("drop_p", 0))
        delay_p = float(rnd.get("delay_p", 0))
        if kind < status_p:
            tally["status"] += 1
            st = {"code": code}
            if with_after < float(rnd["retry_after_p"]):
                tally["retry_after"] += 1
                st["retry_after"] = rnd["retry_after"]
            return {"status": st}
        if kind < status_p + drop_p:
            tally["drop"] += 1
            return {"drop_mid_body": True}
        if kind < status_p + drop_p + delay_p:
            tally["delay"] += 1
            return {"delay_ms": delay}
        return {}

    def count(self, method, path, nbytes):
        with self.lock:
            key = f"{method} {path}"
            self.requests[key] = self.requests.get(key, 0) + 1
            self.bytes_sent += nbytes

    def add_bytes(self, nbytes):
        with self.lock:
            self.bytes_sent += nbytes

    def stats(self):
        with self.lock:
            out = {"requests": dict(self.requests), "bytes_sent": self.bytes_sent}
            if self.rng is not None or self.tally["requests"]:
                out["random"] = dict(self.tally)
            return out

    def reset_stats(self):
        with self.lock:
            self.requests = {}
            self.bytes_sent = 0
            self.tally = self._zero_tally()


class ResponseMemo:
    """--cache-get-responses: encoded 200 answers of GET API requests by path + query.

    A write clears it under the store lock (see Handler._api), and an answer computed before
    that clear is not remembered after it (the generation check), so a GET never sees an answer
    older than the last write it could have seen without the memo."""

    def __init__(self, enabled):
        self.enabled = enabled
        self.lock = threading.Lock()
        self.bodies = {}
        self.generation = 0
        self.hits = 0
        self.clears = 0

    def get(self, target):
        with self.lock:
            body = self.bodies.get(target)
            if body is not None:
                self.hits += 1
            return body

    def put(self, target, body, generation):
        with self.lock:
            if generation == self.generation:
                self.bodies[target] = body

    def clear(self):
        with self.lock:
            self.bodies = {}
            self.generation += 1
            self.clears += 1

    def stats(self):
        with self.lock:
            return {"enabled": self.enabled, "entries": len(self.bodies), "hits": self.hits,
                    "clears": self.clears}


STATUS_ERRORS = {
    429: ("REQUEST_LIMIT_EXCEEDED", "Too many requests. Please retry later."),
    500: ("INTERNAL_ERROR", "Injected internal server error."),
    503: ("TEMPORARILY_UNAVAILABLE", "The service is temporarily unavailable."),
    408: ("REQUEST_TIMEOUT", "The request timed out."),
    502: ("BAD_GATEWAY", "Bad gateway."),
    504: ("GATEWAY_TIMEOUT", "Gateway timeout."),
}


# --------------------------------------------------------------------------------------------
# HTTP


API_PREFIXES = ("/api/2.0/mlflow/", "/ajax-api/2.0/mlflow/")
ARTIFACT_PREFIXES = ("/api/2.0/mlflow-artifacts/artifacts/", "/ajax-api/2.0/mlflow-artifacts/artifacts/")
# MLflow 3 mode: the artifact proxy's listing (GET ...?path=P) and a LoggedModel's files
ARTIFACT_LIST_PATHS = ("/api/2.0/mlflow-artifacts/artifacts", "/ajax-api/2.0/mlflow-artifacts/artifacts")
ARTIFACT_LIST_ENDPOINT = "\0mlflow-artifacts/list"  # never the tail of a request path
LOGGED_MODEL_FILES = re.compile(r"^/ajax-api/2\.0/mlflow/logged-models/([^/]+)/artifacts/files$")


def parse_query(query):
    result = {}
    for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True):
        if key.endswith("[]"):
            key = key[:-2]
        if key in result:
            if not isinstance(result[key], list):
                result[key] = [result[key]]
            result[key].append(value)
        else:
            result[key] = value
    return result


REPEATED_FIELDS = {"experiment_ids", "order_by", "stages", "run_id"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "mlflow-test-server/1.0"
    sys_version = ""

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write("%s - %s\n" % (self.address_string(), fmt % args))

    # -- plumbing ------------------------------------------------------------------------------

    def _read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _send(self, status, body, content_type, extra_headers=None, fault=None):
        if fault and fault.get("wrong_content_type"):
            status, body, content_type = 200, HTML_PROXY_PAGE, "text/html; charset=utf-8"
        send_len = len(body)
        if fault and fault.get("truncate_json"):
            body = body[:len(body) // 2]
            send_len = len(body)
        drop = bool(fault and fault.get("drop_mid_body"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(send_len))
        for k, v in (extra_headers or {}).items():
            self.send_header(k, v)
        if drop:
            self.send_header("Connection", "close")
        self.end_headers()
        if drop:
            body = body[:len(body) // 2]
        if self._counting:
            # Counted before writing: a client may ask for the stats as soon as it has the body.
            self.server.faults.add_bytes(len(body))
        if self.command != "HEAD":
            self.wfile.write(body)
        if drop:
            self.wfile.flush()
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _json(self, status, obj, fault=None, raw=None):
        body = raw if raw is not None else dumps(obj)
        self._send(status, body, "application/json", fault=fault)

    def _error(self, err, fault=None):
        body = json.dumps({"error_code": err.code, "message": err.message}).encode("ascii")
        self._send(err.status, body, "application/json", fault=fault)

    def _html(self, status, fault=None):
        self._send(status, HTML_404 if status == 404 else HTML_405,
                   "text/html; charset=utf-8", fault=fault)

    def do_GET(self):
        self._dispatch()

    def do_POST(self):
        self._dispatch()

    def do_PATCH(self):
        self._dispatch()

    def do_DELETE(self):
        self._dispatch()

    def do_PUT(self):
        self._dispatch()

    def do_HEAD(self):
        self._dispatch()

    def _dispatch(self):
        self._counting = False
        try:
            body = self._read_body()
            parsed = urllib.parse.urlsplit(self.path)
            path, query = parsed.path, parsed.query
            if path.startswith("/__test__/"):
                self._test_endpoint(path, body)
                return
            self._counting = True
            self.server.faults.count(self.command, path, 0)
            self._api(path, query, body)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True
        except Exception as e:  # noqa: BLE001 - a test server must answer, not die
            try:
                self._error(MlflowError(f"Internal error: {type(e).__name__}: {e}",
                                        "INTERNAL_ERROR"))
            except OSError:
                self.close_connection = True

    def _test_endpoint(self, path, body):
        faults = self.server.faults
        try:
            if path == "/__test__/faults" and self.command == "POST":
                faults.set(json.loads(body or b"{}"))
                self._send(200, dumps({"faults": faults.snapshot()}), "application/json")
            elif path == "/__test__/faults" and self.command == "GET":
                self._send(200, dumps({"faults": faults.snapshot()}), "application/json")
            elif path == "/__test__/reset" and self.command == "POST":
                faults.reset()
                self._send(200, b"{}", "application/json")
            elif path == "/__test__/stats" and self.command == "GET":
                self._send(200, dumps(faults.stats()), "application/json")
            elif path == "/__test__/stats/reset" and self.command == "POST":
                faults.reset_stats()
                self._send(200, b"{}", "application/json")
            elif path == "/__test__/memo" and self.command == "GET":
                self._send(200, dumps(self.server.memo.stats()), "application/json")
            else:
                self._html(404)
        except ValueError as e:
            self._send(400, json.dumps({"error": str(e)}).encode(), "application/json")

    def _auth_failure(self, cfg):
        auth = self.headers.get("Authorization", "")
        token = cfg.get("require_token")
        if token is not None and auth != f"Bearer {token}":
            return True
        basic = cfg.get("require_basic")
        if basic:
            expected = base64.b64encode(f"{basic[0]}:{basic[1]}".encode("utf-8")).decode("ascii")
            if auth != f"Basic {expected}":
                return True
        return False

    def _api(self, path, query, body):
        memo = self.server.memo
        write = self.command not in ("GET", "HEAD")
        if memo.enabled and write:
            memo.clear()
        faults = self.server.faults
        cfg = faults.snapshot()
        if cfg.get("delay_ms"):
            time.sleep(float(cfg["delay_ms"]) / 1000.0)
        if self._auth_failure(cfg):
            self._send(401, UNAUTHENTICATED_BODY, "text/html; charset=utf-8",
                       {"WWW-Authenticate": 'Basic realm="mlflow"'})
            return
        if path in (cfg.get("forbidden") or []):
            self._send(403, json.dumps({"error_code": "PERMISSION_DENIED",
                                        "message": "Permission denied"}).encode(),
                       "application/json")
            return
        target = path + ("?" + query if query else "")
        read = self.command in ("GET", "HEAD") or (self.command == "POST" and path.endswith("/search"))
        fault = faults.take(target, read)
        if fault.get("delay_ms"):
            time.sleep(float(fault["delay_ms"]) / 1000.0)
        if "status" in fault:
            st = fault["status"]
            code = int(st["code"])
            error_code, message = STATUS_ERRORS.get(code, ("INTERNAL_ERROR", f"HTTP {code}"))
            error_code = st.get("error_code", error_code)
            message = st.get("message", message)
            headers = {}
            if st.get("retry_after") is not None:
                headers["Retry-After"] = str(st["retry_after"])
            self._send(code, json.dumps({"error_code": error_code, "message": message}).encode(),
                       "application/json", headers)
            return

        store = self.server.store
        try:
            if path.startswith(ARTIFACT_PREFIXES):
                if self.command not in ("GET", "HEAD"):
                    raise HttpError(405)
                prefix = next(p for p in ARTIFACT_PREFIXES if path.startswith(p))
                rel = urllib.parse.unquote(path[len(prefix):])
                with store.lock:
                    full = store.artifact_file(rel)
                self._file(full, fault)
                return
            if path in ("/get-artifact", "/ajax-api/2.0/mlflow/get-artifact"):
                if self.command not in ("GET", "HEAD"):
                    raise HttpError(405)
                req = parse_query(query)
                with store.lock:
                    full = store.run_artifact_file(Api._run_id(req), param_str(req, "path") or "")
                self._file(full, fault)
                return
            logged_model_file = LOGGED_MODEL_FILES.match(path) if store.major >= 3 else None
            if logged_model_file:
                if self.command not in ("GET", "HEAD"):
                    raise HttpError(405)
                req = parse_query(query)
                file_path = param_str(req, "artifact_file_path")
                if not file_path:
                    raise MlflowError('Request must include the "artifact_file_path" query '
                                      "parameter.", "BAD_REQUEST")
                with store.lock:
                    full = store.logged_model_file(
                        urllib.parse.unquote(logged_model_file.group(1)), file_path)
                self._file(full, fault)
                return
            endpoint = None
            if store.major >= 3 and path in ARTIFACT_LIST_PATHS:
                endpoint, ajax = ARTIFACT_LIST_ENDPOINT, False
            for prefix in API_PREFIXES:
                if path.startswith(prefix):
                    endpoint = path[len(prefix):]
                    ajax = prefix.startswith("/ajax")
            if endpoint is None:
                raise HttpError(404)
            memoize = memo.enabled and self.command == "GET"
            if memoize:
                remembered = memo.get(target)
                if remembered is not None:
                    self._send(200, remembered, "application/json", fault=fault)
                    return
            if endpoint == "metrics/get-history-bulk" and ajax:
                if self.command != "GET":
                    raise HttpError(405)
                self._history_bulk(query, fault, target if memoize else None)
                return
            methods = self.server.api.routes.get(endpoint)
            method = "GET" if self.command == "HEAD" else self.command
            handler = methods.get(method) if methods else None
            if handler is None:
                # Like Werkzeug's routing: a rule with a path parameter can take a request that
                # a fixed rule refused for its method (MLflow 3: GET logged-models/search is the
                # LoggedModel "search").
                dynamic = self.server.api.dynamic_route(endpoint)
                handler = dynamic.get(method) if dynamic else None
                if handler is None:
                    raise HttpError(405 if methods or dynamic else 404)
            req = self._request_dict(query, body)
            with store.lock:
                if memo.enabled and write:
                    # Again under the store lock: a GET that read the store before this write
                    # and finishes encoding after it must not remember what it read.
                    memo.clear()
                generation = memo.generation
                result = handler(req)
            encoded = dumps(result)
            if memoize:
                memo.put(target, encoded, generation)
            self._json(200, None, fault, raw=encoded)
        except HttpError as e:
            self._html(e.status, fault)
        except MlflowError as e:
            self._error(e, fault)

    def _request_dict(self, query, body):
        if self.command == "GET" and query:
            req = parse_query(query)
            for key in REPEATED_FIELDS & set(req):
                if not isinstance(req[key], list):
                    req[key] = [req[key]]
            if "run_id" in req and isinstance(req["run_id"], list):
                req["run_id"] = req["run_id"][0]
            return req
        if self.command in ("POST", "PUT"):
            ctype = self.headers.get("Content-Type")
            if ctype is None:
                raise invalid("Bad Request. Content-Type header is missing.")
            if ctype.split(";")[0].strip() != "application/json":
                raise invalid("Bad Request. Content-Type must be one of ['application/json'].")
        if not body:
            return {}
        try:
            req = json.loads(body)
        except ValueError:
            return {}
        if isinstance(req, str):
            try:
                req = json.loads(req)
            except ValueError:
                return {}
        return req if isinstance(req, dict) else {}

    def _history_bulk(self, query, fault, memo_target=None):
        args = urllib.parse.parse_qs(query, keep_blank_values=True)
        run_ids = args.get("run_id", [])
        try:
            if not run_ids:
                raise invalid("GetMetricHistoryBulk request must specify at least one run_id.")
            if len(run_ids) > 20:
                raise invalid("GetMetricHistoryBulk request cannot specify more than 20 run_ids. "
                              f"Received {len(run_ids)} run_ids.")
            key = args.get("metric_key", [None])[0]
            if key is None:
                raise invalid("GetMetricHistoryBulk request must specify a metric_key.")
            max_results = min(int(args.get("max_results", ["25000"])[0]), 25000)
            with self.server.store.lock:
                generation = self.server.memo.generation
                metrics = self.server.store.metric_history_bulk(run_ids, key, max_results)
        except MlflowError as e:
            self._error(e, fault)
            return
        # Flask's jsonify: compact, sorted keys, trailing newline
        body = (json.dumps({"metrics": metrics}, sort_keys=True, separators=(",", ":"))
                + "\n").encode("ascii")
        if memo_target is not None:
            self.server.memo.put(memo_target, body, generation)
        self._send(200, body, "application/json", fault=fault)

    def _file(self, full, fault):
        name = os.path.basename(full)
        ext = os.path.splitext(name)[1].lstrip(".") or name
        if ext in TEXT_EXTENSIONS:
            ctype = "text/plain"
        else:
            ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        with open(full, "rb") as fh:
            data = fh.read()
        self._send(200, data, ctype, {
            "Content-Disposition": f"attachment; filename={name}",
            "X-Content-Type-Options": "nosniff"}, fault=fault)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    ssl_context = None  # set for --tls-cert: every connection is TLS

    def get_request(self):
        request, address = super().get_request()
        # As gunicorn (MLflow's server) does: http.server writes the headers and the body in
        # two sends, and with Nagle's algorithm a small body waits for the client's delayed ACK
        # of the headers, 40 ms per answer.
        request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return request, address

    def finish_request(self, request, client_address):
        if self.ssl_context is None:
            return super().finish_request(request, client_address)
        # The handshake runs here, in the connection's own thread, so that a client that stalls
        # or fails it does not hold up the accept loop. wrap_socket detaches `request`.
        request.settimeout(30)
        tls = self.ssl_context.wrap_socket(request, server_side=True,
                                           do_handshake_on_connect=False)
        try:
            try:
                tls.do_handshake()
            except (ssl.SSLError, OSError):
                self._drain_after_failed_handshake(tls)
                raise
            self.RequestHandlerClass(tls, client_address, self)
        finally:
            tls.close()

    @staticmethod
    def _drain_after_failed_handshake(tls):
        # With TLS 1.3 the client learns that its certificate was refused only after it has sent
        # its request. Closing with that request unread would reset the connection, and the
        # client might see the reset before our alert. Read until it closes (or 2 s) instead.
        try:
            raw = socket.socket(fileno=tls.detach())
        except OSError:
            return
        try:
            raw.shutdown(socket.SHUT_WR)
            raw.settimeout(2)
            while raw.recv(65536):
                pass
        except OSError:
            pass
        finally:
            raw.close()

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        # ssl.SSLError: a client that does not trust our certificate or sends none when one is
        # required; the client reports it, the server goes on.
        if isinstance(exc, (BrokenPipeError, ConnectionResetError, ConnectionAbortedError,
                            TimeoutError, ssl.SSLError)):
            return
        if self.verbose:
            super().handle_error(request, client_address)


# --------------------------------------------------------------------------------------------
# Benchmark database generator


def generate(db_path, spec, schema_from):
    parts = [int(p) for p in spec.split(",")]
    if len(parts) not in (3, 4) or any(p < 0 for p in parts):
        raise SystemExit("--generate expects RUNS,METRICS,PARAMS[,STEPS]")
    runs, metrics, params = parts[:3]
    steps = parts[3] if len(parts) == 4 else 1
    if os.path.exists(db_path):
        os.remove(db_path)
    src = sqlite3.connect(f"file:{schema_from}?mode=ro", uri=True)
    schema = [sql for (sql,) in src.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, rowid")]
    alembic = src.execute("SELECT version_num FROM alembic_version").fetchall()
    src.close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    for sql in schema:
        conn.execute(sql)
    conn.executemany("INSERT INTO alembic_version VALUES (?)", alembic)
    t0 = 1795000000000
    conn.execute("INSERT INTO experiments VALUES (0, 'Default', 'mlflow-artifacts:/0', 'active', ?, ?)",
                 (t0, t0))
    conn.execute("INSERT INTO experiments VALUES (1, 'bench', 'mlflow-artifacts:/1', 'active', ?, ?)",
                 (t0 + 1, t0 + 1))
    for i in range(runs):
        run_id = hashlib.md5(f"bench-run-{i}".encode()).hexdigest()
        start = t0 + 1000 * (i + 1)
        name = f"bench-run-{i:05d}"
        conn.execute(
            "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, "
            "status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, "
            "experiment_id, deleted_time) VALUES (?, ?, 'LOCAL', '', '', 'bench', 'FINISHED', ?, ?, "
            "'', 'active', ?, 1, NULL)",
            (run_id, name, start, start + 500, f"mlflow-artifacts:/1/{run_id}/artifacts"))
        conn.executemany("INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?)", [
            ("mlflow.runName", name, run_id), ("mlflow.user", "bench", run_id),
            ("mlflow.source.type", "LOCAL", run_id)])
        conn.executemany("INSERT INTO params (key, value, run_uuid) VALUES (?, ?, ?)",
                         [(f"param_{p:03d}", str((i * 31 + p * 7) % 1000), run_id)
                          for p in range(params)])
        latest = []
        points = []
        for m in range(metrics):
            key = f"metric_{m:03d}"
            for s in range(steps):
                value = round(((i * 7919 + m * 104729 + s * 13) % 100000) / 100000.0, 6)
                points.append((key, value, start + s, run_id, s, 0))
            latest.append((key, value, start + steps - 1, steps - 1, 0, run_id))
        conn.executemany("INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) "
                         "VALUES (?, ?, ?, ?, ?, ?)", points)
        conn.executemany("INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) "
                         "VALUES (?, ?, ?, ?, ?, ?)", latest)
    conn.commit()
    conn.close()


# --------------------------------------------------------------------------------------------


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--artifacts")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--generate")
    ap.add_argument("--schema-from", default=os.path.join(here, "..", "data", "mlflow.db"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--exit-on-stdin-eof", action="store_true",
                    help="stop when stdin closes (the parent process died)")
    ap.add_argument("--tls-cert", help="serve HTTPS with this certificate (PEM, chain allowed)")
    ap.add_argument("--tls-key", help="the private key of --tls-cert (PEM)")
    ap.add_argument("--tls-client-ca",
                    help="require a client certificate signed by this CA (PEM)")
    ap.add_argument("--mlflow-major", type=int, choices=(2, 3),
                    help="answer as MLflow 2.10.2 (2) or 3.6 (3); default: 3 when the database "
                         "has MLflow 3's logged_models table, else 2")
    ap.add_argument("--cache-get-responses", action="store_true",
                    help="benchmarks: answer a repeated GET API request with the bytes of its "
                         "first 200 answer; any other API request clears the memo first")
    args = ap.parse_args()
    if (args.tls_key or args.tls_client_ca) and not args.tls_cert:
        ap.error("--tls-key and --tls-client-ca need --tls-cert")

    if args.generate:
        generate(args.db, args.generate, args.schema_from)
        return 0

    if not os.path.isfile(args.db):
        print(f"error: no database at {args.db}", file=sys.stderr)
        return 2
    server = Server((args.host, args.port), Handler)
    server.verbose = args.verbose
    server.store = Store(args.db, os.path.abspath(args.artifacts) if args.artifacts else None,
                         args.mlflow_major)
    server.api = Api(server.store)
    server.faults = Faults()
    server.memo = ResponseMemo(args.cache_get_responses)
    scheme = "http"
    if args.tls_cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        try:
            ctx.load_cert_chain(args.tls_cert, args.tls_key)
            if args.tls_client_ca:
                ctx.load_verify_locations(cafile=args.tls_client_ca)
                ctx.verify_mode = ssl.CERT_REQUIRED
        except (OSError, ssl.SSLError) as e:
            print(f"error: cannot use the TLS files: {e}", file=sys.stderr)
            server.server_close()
            return 2
        server.ssl_context = ctx
        scheme = "https"

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.exit_on_stdin_eof:
        def watch_stdin():
            while sys.stdin.buffer.read(4096):
                pass
            stop(None, None)

        threading.Thread(target=watch_stdin, daemon=True).start()
    host, port = server.server_address[:2]
    sys.stdout.write(f"LISTENING {scheme}://{host}:{port}\n")
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
