#!/usr/bin/env python3
"""Fuzzes the JSON API with schemathesis against the debug `lianbing` binary, once as each demo role.

For each role (admin, county, trainer, staff) on its own throw-away demo database:
  1. start `lianbing serve --demo --db TMP/x.sqlite --port FREE` from the repository root (so the demo imports the
     question bank and makes the demo exams), sign in as the role through `POST /api/v1/session`;
  2. known-good calls: one deterministic scenario that gives every operation the role may call a 2xx (a fresh exam
     created, published, sat, reopened, closed, marked, released and reviewed; a self-test; accounts), with helper
     sessions of the other demo accounts for the steps the role may not take itself;
  3. schemathesis (examples, coverage and fuzzing phases; stateful off) with the session cookie and CSRF token on
     every call; path parameters and id-like body fields mapped to real in-scope ids (round robin over small pools
     that also hold one id that exists nowhere), positions left as generated; checks not_a_server_error,
     status_code_conformance, content_type_conformance and response_schema_conformance;
  4. an edge pass: each known-good request again with one integer or number (path, query or body) at the 64-bit
     limits, which schemathesis seldom reaches where the document bounds a field (durationMinutes ≤ 1440).

Prints, per role, a table of status counts per operation and the schemathesis check failures, then exits non-zero
if (a) anything answered 5xx, a connection broke or the server died (the server is restarted on the same database
and the run goes on, so every crashing operation is named, with the runtime's reason and source line), or (b) an
operation the role may call (ALLOWED below) never answered 2xx. Check failures (an undocumented status, a body
that does not match the document) are printed, and fail the run too.

    python3 Tests/Fuzz/run.py [--binary PATH] [--schema PATH] [--roles admin,county,trainer,staff]
                              [--max-examples N] [--seed N] [--jobs N] [--keep] [--log FILE]

--schema defaults to fetching /api/v1/openapi.json from the server under test; a binary that predates it needs
--schema Sources/LianbingServer/OpenAPI/openapi.json. Builds nothing (run it after `swift build`).
"""
import argparse
import collections
import copy
import datetime
import json
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import threading
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, 'Tests', 'Browser'))

from server import Server  # noqa: E402  (the browser tests' throw-away server)

try:
    import jsonschema_rs
    import requests
    import schemathesis
    from schemathesis.engine import events as st_events
    from schemathesis.engine import from_schema as st_engine
except ImportError:  # pragma: no cover
    sys.exit('Tests/Fuzz/run.py needs schemathesis 4 (Scripts/test installs it: pip install schemathesis==4.32.5)')

PASSWORD = 'lianbing-demo'
API = '/api/v1'
INT64_MAX = 2 ** 63 - 1
INT64_MIN = -2 ** 63
# A number JSON can carry that no Swift Int can hold once converted, and the largest double.
EDGE_INTEGERS = [INT64_MAX, INT64_MIN]
EDGE_NUMBERS = [1.7976931348623157e308, -1.7976931348623157e308]
NOWHERE_ID = 987654321

# ---------------------------------------------------------------------------------------------------------------
# Which operations each role may call, from README "Who may do what": every one of them must answer 2xx at least
# once in the run (the known-good scenario sees to it). Calls outside a role's list are fuzzed too and must never
# answer 5xx, but are expected to be refused (403/404). The demo trainer and administrators hold no staff record, so
# /my/* is not theirs to call.
SESSION_OPS = {
    'POST /api/v1/session', 'DELETE /api/v1/session', 'GET /api/v1/me', 'POST /api/v1/me/password',
    'GET /api/v1/openapi.json',
    # the projector's contest board: no login, by its token
    'GET /api/v1/boards/{token}',
}
# What a contestant sees of their contest: it, its public board and results, its substitutions, the questions opened.
CONTEST_READ_OPS = {
    'GET /api/v1/contests', 'GET /api/v1/contests/{contest}', 'GET /api/v1/contests/{contest}/board',
    'GET /api/v1/contests/{contest}/results', 'GET /api/v1/contests/{contest}/substitutions',
    'GET /api/v1/contests/{contest}/rounds/{round}/questions/{question}', 'GET /api/v1/staff/{number}/contest-percentile',
}
STAFF_OPS = SESSION_OPS | {
    'GET /api/v1/my/exams', 'POST /api/v1/my/exams/{exam}/attempt', 'POST /api/v1/my/exams/{exam}/score-review',
    'GET /api/v1/my/attempts/{attempt}', 'PUT /api/v1/my/attempts/{attempt}/answers/{position}',
    'POST /api/v1/my/attempts/{attempt}/submit', 'POST /api/v1/my/attempts/{attempt}/hidden', 'GET /api/v1/my/self-tests',
    'POST /api/v1/my/self-tests', 'POST /api/v1/my/self-tests/{attempt}/answers/{position}', 'GET /api/v1/my/practice-points',
    'GET /api/v1/my/wrong-questions', 'GET /api/v1/my/wrong-questions/{question}', 'GET /api/v1/my/review', 'GET /api/v1/my/mastery',
    'GET /api/v1/my/recommendations',
    # training: signing in with the screen's code, rating what one attended, one's own record
    'POST /api/v1/training/sign-in', 'POST /api/v1/training/sessions/{session}/ratings', 'GET /api/v1/me/training',
    # the curriculum standards everyone is measured by
    'GET /api/v1/training/standards',
} | CONTEST_READ_OPS
TRAINER_OPS = SESSION_OPS | {
    # units, staff roster, mastery
    'GET /api/v1/units', 'GET /api/v1/units/{code}', 'GET /api/v1/units/{code}/mastery', 'GET /api/v1/units/{code}/weak-points',
    'GET /api/v1/staff',
    'GET /api/v1/staff/{number}', 'GET /api/v1/staff/{number}/mastery',
    # the bank through blueprints; creating, editing and publishing exams; results and statistics
    'POST /api/v1/blueprints/check', 'GET /api/v1/exams', 'POST /api/v1/exams', 'GET /api/v1/exams/{exam}',
    'PUT /api/v1/exams/{exam}', 'DELETE /api/v1/exams/{exam}', 'POST /api/v1/exams/{exam}/publish',
    'GET /api/v1/exams/{exam}/results', 'GET /api/v1/exams/{exam}/statistics',
    # marking and score reviews
    'GET /api/v1/marking', 'POST /api/v1/marking/{attempt}/{position}', 'GET /api/v1/score-reviews',
    'GET /api/v1/score-reviews/{review}/answers', 'POST /api/v1/score-reviews/{review}/answer',
    'POST /api/v1/score-reviews/{review}/reopen',
    # training sessions: scheduling, invitees, attendance, the sign-in code, the evaluation
    'GET /api/v1/training/sessions', 'POST /api/v1/training/sessions', 'GET /api/v1/training/sessions/{session}',
    'PUT /api/v1/training/sessions/{session}', 'DELETE /api/v1/training/sessions/{session}',
    'POST /api/v1/training/sessions/{session}/publish', 'POST /api/v1/training/sessions/{session}/close',
    'GET /api/v1/training/sessions/{session}/invitees', 'POST /api/v1/training/sessions/{session}/invitees',
    'DELETE /api/v1/training/sessions/{session}/invitees/{number}', 'GET /api/v1/training/sessions/{session}/attendance',
    'POST /api/v1/training/sessions/{session}/attendance', 'POST /api/v1/training/sessions/{session}/attendance/import',
    'GET /api/v1/training/sessions/{session}/sign-in-code', 'GET /api/v1/training/ratings',
    # training reports and the coverage planner
    'GET /api/v1/training/reports/coverage', 'GET /api/v1/training/reports/half-year', 'GET /api/v1/training/reports/composition',
    'GET /api/v1/training/reports/curriculum', 'POST /api/v1/training/plan',
    # 成绩总览 of their subtree
    'GET /api/v1/results/overview',
    # the expert pools (read; their own subtree's and, read-only, their ancestors'), suggestions, the standards
    'GET /api/v1/experts', 'GET /api/v1/experts/activity', 'GET /api/v1/training/sessions/{session}/experts',
    'GET /api/v1/training/standards',
    # contests of their subtree: hosting and judging (the event log), the board's freeze and reveal, written rounds;
    # the medal table and percentiles
    'GET /api/v1/contests/{contest}/events', 'POST /api/v1/contests/{contest}/events', 'POST /api/v1/contests/{contest}/freeze',
    'POST /api/v1/contests/{contest}/reveal', 'POST /api/v1/contests/{contest}/written', 'GET /api/v1/contest-medals',
} | CONTEST_READ_OPS
ADMIN_OPS = TRAINER_OPS | {
    'GET /api/v1/accounts', 'POST /api/v1/accounts', 'POST /api/v1/accounts/bulk', 'GET /api/v1/accounts/{username}',
    'POST /api/v1/accounts/{username}/reset-password', 'POST /api/v1/accounts/{username}/disable',
    'POST /api/v1/accounts/{username}/enable',
    'POST /api/v1/exams/{exam}/close', 'POST /api/v1/exams/{exam}/release',
    'POST /api/v1/exams/{exam}/candidates', 'DELETE /api/v1/exams/{exam}/candidates/{number}',
    'POST /api/v1/exams/{exam}/candidates/{number}/override', 'POST /api/v1/exams/{exam}/candidates/{number}/reopen',
    'POST /api/v1/exams/{exam}/candidates/{number}/excuse',
    'GET /api/v1/audit',
    # the expert pools of their subtree
    'POST /api/v1/experts', 'PUT /api/v1/experts/{expert}', 'DELETE /api/v1/experts/{expert}', 'POST /api/v1/experts/import',
    # contests of their subtree: creating, teams and substitutions, rounds, starting and finishing
    'POST /api/v1/contests', 'POST /api/v1/contests/{contest}/status', 'POST /api/v1/contests/{contest}/teams',
    'POST /api/v1/contest-teams/{team}/substitutions', 'POST /api/v1/contests/{contest}/rounds',
}
# Curriculum standards apply to the whole province: only the root unit's administrators set them. Teams advance from a
# contest into one of a unit above its own: the demo's county administrator runs no contest above a county.
# 满意度评定: administrators of a subtree run it; a member of staff may list themselves on their unit's public form.
RATING_ADMIN_OPS = {
    'GET /api/v1/ratings/report', 'GET /api/v1/ratings', 'POST /api/v1/ratings', 'POST /api/v1/ratings/{rating}/hide',
    'GET /api/v1/ratings/follow-ups', 'POST /api/v1/ratings/{rating}/follow-up', 'GET /api/v1/units/{code}/rating-station',
    'POST /api/v1/units/{code}/rating-station/token', 'PUT /api/v1/staff/{number}/rating-listing',
}
STAFF_OPS = STAFF_OPS | {'PUT /api/v1/staff/{number}/rating-listing'}
# 持证上岗: administrators list, read and revoke the certificates earned in their subtree (a holder reads their own).
CERTIFICATE_ADMIN_OPS = {
    'GET /api/v1/certificates', 'GET /api/v1/certificates/{number}', 'POST /api/v1/certificates/{number}/revoke',
}
ADMIN_OPS = ADMIN_OPS | RATING_ADMIN_OPS | CERTIFICATE_ADMIN_OPS
# 持证上岗 per post: everyone reads which posts require a certificate; administrators read the compliance of their subtree;
# the requirements are province-wide, so only the root unit's administrators set and remove them.
STAFF_OPS = STAFF_OPS | {'GET /api/v1/post-requirements'}
TRAINER_OPS = TRAINER_OPS | {'GET /api/v1/post-requirements'}
ADMIN_OPS = ADMIN_OPS | {'GET /api/v1/post-requirements', 'GET /api/v1/certification-compliance'}
# 国家职业资格 (退役军人事务员): staff record their own, upload and read its scan; administrators record for staff of their
# subtree (the demo administrators hold no staff record), list, read and accept or reject.
NATIONAL_QUALIFICATION_OPS = {
    'POST /api/v1/national-qualifications', 'GET /api/v1/national-qualifications/{id}', 'PUT /api/v1/national-qualifications/{id}/scan',
    'GET /api/v1/national-qualifications/{id}/scan',
}
STAFF_OPS = STAFF_OPS | NATIONAL_QUALIFICATION_OPS | {'GET /api/v1/my/national-qualifications'}
ADMIN_OPS = ADMIN_OPS | NATIONAL_QUALIFICATION_OPS | {
    'GET /api/v1/national-qualifications', 'POST /api/v1/national-qualifications/{id}/accept', 'POST /api/v1/national-qualifications/{id}/reject',
}
# 遴选: administrators of a subtree create, compute, adjust and publish selections and answer objections; everyone a
# published selection covers reads its list, objects during the notice period and reads the awards on a record they
# may see. Finalising waits for the notice period's end, which no run reaches: it is fuzzed (409 at best), not required.
SELECTION_OPS = {
    'GET /api/v1/selections', 'GET /api/v1/selections/{selection}', 'POST /api/v1/selections/{selection}/objections',
    'GET /api/v1/staff/{number}/awards',
}
SELECTION_ADMIN_OPS = {
    'POST /api/v1/selections', 'PUT /api/v1/selections/{selection}/rules', 'POST /api/v1/selections/{selection}/compute',
    'POST /api/v1/selections/{selection}/adjustments', 'POST /api/v1/selections/{selection}/publish',
    'POST /api/v1/selections/{selection}/objections/{objection}/answer',
}
STAFF_OPS = STAFF_OPS | SELECTION_OPS
TRAINER_OPS = TRAINER_OPS | SELECTION_OPS
ADMIN_OPS = ADMIN_OPS | SELECTION_OPS | SELECTION_ADMIN_OPS
# 网校微课: staff report their reading, take a lesson's check and read their learning record and required lessons (the
# demo trainer and administrators hold no staff record); trainers and administrators read the required-lesson
# assignments of their subtree and schedule and read study days; administrators require lessons.
SCHOOL_STAFF_OPS = {
    'POST /api/v1/lessons/{lesson}/reading', 'POST /api/v1/lessons/{lesson}/check', 'GET /api/v1/my/learning',
    'GET /api/v1/my/required-lessons',
}
SCHOOL_TRAINER_OPS = {
    'GET /api/v1/lesson-assignments', 'GET /api/v1/lesson-assignments/{assignment}', 'POST /api/v1/study-days',
    'GET /api/v1/study-days/{session}',
}
STAFF_OPS = STAFF_OPS | SCHOOL_STAFF_OPS
TRAINER_OPS = TRAINER_OPS | SCHOOL_TRAINER_OPS
ADMIN_OPS = ADMIN_OPS | SCHOOL_TRAINER_OPS | {'POST /api/v1/lesson-assignments'}
# The roster of their subtree: the upload, as a dry run or for real.
ADMIN_OPS = ADMIN_OPS | {'POST /api/v1/staff/import'}
ROOT_ADMIN_OPS = ADMIN_OPS | {'POST /api/v1/training/standards', 'POST /api/v1/contests/{contest}/advance'}
ROOT_ADMIN_OPS = ROOT_ADMIN_OPS | {'PUT /api/v1/post-requirements/{post}', 'DELETE /api/v1/post-requirements/{post}'}
ALLOWED = {'admin': ROOT_ADMIN_OPS, 'county': ADMIN_OPS, 'trainer': TRAINER_OPS, 'staff': STAFF_OPS}
ROLES = ['admin', 'county', 'trainer', 'staff']

# Which operations each role fuzzes in full (examples, coverage and fuzzing phases, --max-examples cases). Every
# operation is fuzzed in full by one role that may call it at least, the administrators' own ones by both; every
# other operation a role gets a few generated cases (LIGHT_EXAMPLES) to show it is refused cleanly, besides the
# known-good calls and the edge pass. This keeps the four roles under five minutes together.
ADMIN_ONLY_OPS = ADMIN_OPS - TRAINER_OPS
FULL = {
    'admin': SESSION_OPS | ADMIN_ONLY_OPS | (ROOT_ADMIN_OPS - ADMIN_OPS), 'county': SESSION_OPS | ADMIN_ONLY_OPS, 'trainer': TRAINER_OPS,
    'staff': STAFF_OPS,
}

# Operations whose every call costs a bcrypt hash or verification (cost 12: over half a second in the debug build)
# and whose failures count towards the login throttle: fewer generated cases and no coverage phase.
EXPENSIVE = {
    'POST /api/v1/session': 10, 'POST /api/v1/me/password': 8, 'POST /api/v1/accounts': 10,
    'POST /api/v1/accounts/{username}/reset-password': 8, 'POST /api/v1/accounts/bulk': 8,
}


# Cases for an operation the role may not call.
LIGHT_EXAMPLES = 3


def now_iso(offset_seconds=0):
    moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=offset_seconds)
    return moment.replace(microsecond=0).strftime('%Y-%m-%dT%H:%M:%SZ')


def op_label(method, template):
    return '%s %s' % (method.upper(), template)


def brief(value):
    """A request body for a report line: long texts (the blueprint) shortened."""
    if isinstance(value, dict):
        return {key: brief(item) for key, item in value.items()}
    if isinstance(value, list):
        return [brief(item) for item in value]
    if isinstance(value, str) and len(value) > 40:
        return value[:12] + '…(%d chars)' % len(value)
    return value


def fill(template, params):
    path = template
    for name, value in params.items():
        path = path.replace('{%s}' % name, requests.utils.quote(str(value), safe=''))
    return path


class ServerDied(Exception):
    pass


class Tally:
    """Everything one role's run saw."""

    def __init__(self, role):
        self.role = role
        self.counts = collections.defaultdict(collections.Counter)  # operation → status → n (calls as the role)
        self.helper_counts = collections.Counter()  # setup calls by helper sessions: status → n
        self.server_errors = []  # (operation, phase, request line, status, body)
        self.deaths = []  # (operation, phase, request line, exit code, the runtime's reason and source line)
        self.broken = []  # (operation, phase, request line, error)
        self.check_failures = collections.defaultdict(collections.Counter)  # operation → "check: title" → n
        self.check_examples = collections.defaultdict(list)  # operation → a request or two that failed a check
        self.notes = []
        self.elapsed = 0.0

    log = None

    def check(self, operation, what, line):
        self.check_failures[operation][what] += 1
        if len(self.check_examples[operation]) < 2:
            self.check_examples[operation].append(line)

    def record(self, operation, status, phase, line, body=b'', helper=False):
        if Tally.log:
            Tally.log.write('%.2f %s %s %s %d %s\n' % (time.monotonic(), self.role, 'helper' if helper else 'role', phase, status, line))
        if helper:
            self.helper_counts[status] += 1
        else:
            self.counts[operation][status] += 1
        if status >= 500:
            self.server_errors.append((operation, phase, line, status, body[:300]))


class Caller:
    """A signed-in demo account: cookie and CSRF token sent by hand on every call."""

    def __init__(self, target, username, password=PASSWORD, helper=True):
        self.target = target
        self.username = username
        self.password = password
        self.helper = helper
        self.http = requests.Session()
        self.token = None
        self.csrf = None
        self.me = None

    def auth_headers(self):
        headers = {}
        if self.token:
            headers['Cookie'] = 'lb_session=' + self.token
            headers['X-CSRF-Token'] = self.csrf
        return headers

    def log_in(self, record=True):
        status, body = self.call('POST', API + '/session', body={'username': self.username, 'password': self.password},
                                 anonymous=True, record=record)
        if status != 200:
            raise RuntimeError('%s could not sign in: %s %s' % (self.username, status, body))
        self.csrf = body['csrfToken']
        self.me = body
        return body

    def call(self, method, template, params=None, body=None, query=None, anonymous=False, record=True, phase='known-good', raw=None):
        """One request; returns (status, parsed body or text). Records the status against the operation. `raw` is a
        (content type, text) body sent as it is (the attendance CSV)."""
        path = fill(template, params or {})
        headers = {'Accept': 'application/json'}
        if not anonymous:
            headers.update(self.auth_headers())
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode()
            headers['Content-Type'] = 'application/json'
        if raw is not None:
            headers['Content-Type'], text = raw
            data = text.encode()
        url = self.target.base + path
        line = '%s %s%s' % (method, path, ('?' + '&'.join('%s=%s' % kv for kv in query.items())) if query else '')
        if data is not None:
            line += ' ' + json.dumps(brief(body), ensure_ascii=False)[:300]
        label = op_label(method, template)
        self.target.inflight = (label, phase, line)
        self.http.cookies.clear()  # the cookie goes by hand, or not at all
        try:
            response = self.http.request(method, url, params=query, data=data, headers=headers, timeout=60)
        except requests.RequestException as error:
            self.target.inflight = None
            self.target.connection_failed(label, phase, line, error)
            raise ServerDied(line)
        self.target.inflight = None
        if record:
            self.target.tally.record(label, response.status_code, phase, line, response.content, helper=self.helper)
        self.target.conforms(method, template, response, line)
        if 'lb_session' in response.cookies and response.cookies['lb_session']:
            self.token = response.cookies['lb_session']
        try:
            parsed = response.json() if response.content else None
        except ValueError:
            parsed = response.text
        return response.status_code, parsed


class Target:
    """One role's server, database and sessions."""

    def __init__(self, role, binary, tally, keep):
        self.role = role
        self.tally = tally
        self.workdir = tempfile.mkdtemp(prefix='lianbing-fuzz-%s-' % role)
        self.keep = keep
        self.server = Server(binary, ROOT, self.workdir)
        self.server.db = os.path.join(self.workdir, 'x.sqlite')
        self.base = self.server.url
        self.inflight = None
        self.me = None
        self.helpers = {}
        self.restarts = 0
        self.log_offset = 0
        self.document = None
        self.validators = {}

    def start(self):
        self.server.start(demo=True)
        self.me = Caller(self, self.role, helper=False)
        self.me.log_in()

    def helper(self, username):
        if username == self.role:
            return self.me
        if username not in self.helpers:
            caller = Caller(self, username)
            caller.log_in()
            self.helpers[username] = caller
        return self.helpers[username]

    def conforms(self, method, template, response, line):
        """The known-good and edge calls' answers checked against the document too, as schemathesis checks its own:
        many 2xx bodies (a release, a review's answer, issued passwords) come only from these calls."""
        if self.document is None or response.status_code >= 500:
            return
        label = op_label(method, template)
        operation = self.document['paths'].get(template, {}).get(method.lower())
        if operation is None:
            return
        documented = operation['responses'].get(str(response.status_code))
        if documented is None:
            self.tally.check(label, 'status_code_conformance: Undocumented status code (%d)' % response.status_code, line)
            return
        if '$ref' in documented:
            documented = resolve(self.document, documented['$ref'])
        schema = (documented.get('content') or {}).get('application/json', {}).get('schema')
        if schema is None or not response.content:
            return
        key = (label, response.status_code)
        if key not in self.validators:
            self.validators[key] = jsonschema_rs.Draft202012Validator(dict(schema, components=self.document['components']))
        try:
            body = response.json()
        except ValueError:
            self.tally.check(label, 'response_schema_conformance: not JSON (%d)' % response.status_code, line)
            return
        errors = list(self.validators[key].iter_errors(body))
        if errors:
            self.tally.check(label, 'response_schema_conformance: %s (%d)' % (errors[0].message[:120], response.status_code), line)

    def alive(self):
        return self.server.process is not None and self.server.process.poll() is None

    def connection_failed(self, label, phase, line, error):
        deadline = time.monotonic() + 30  # a dying server writes its backtrace first
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        if self.alive():
            self.tally.broken.append((label, phase, line, repr(error)[:200]))
        else:
            self.record_death(label, phase, line)

    def record_death(self, label, phase, line):
        self.tally.deaths.append((label, phase, line, self.server.process.returncode, self.crash_summary()))

    def crash_summary(self):
        """The runtime's reason and the first frame in the project's sources, from the server log."""
        try:
            with open(self.server.log.name, encoding='utf-8', errors='replace') as file:
                text = file.read()[self.log_offset:]
        except OSError:
            return ''
        reasons, frame = [], ''
        for line in text.splitlines():
            if line.startswith('*** ') and 'Backtracing' not in line:
                reasons.append(line.strip('* '))
            elif 'Fatal error' in line:
                reasons.append(line.strip())
            location = line.rsplit('/Sources/', 1)[-1] if '/Sources/' in line else ''
            if not frame and ' in lianbing at ' in line and location.count(':') >= 2:
                function = line.split(' in lianbing at ')[0].split('0x', 1)[-1].split(' ', 1)[-1]
                frame = '%s in %s' % (location, function.rsplit(' + ', 1)[0])
        reason = next((r for r in reasons if 'runtime failure' in r or 'Fatal error' in r), reasons[0] if reasons else '')
        return ('%s at %s' % (reason, frame)) if frame else reason

    def restart(self):
        """After a crash: the same database, without --demo (which would move the demo exams' windows)."""
        self.restarts += 1
        self.server.process = None
        self.server.log.flush()
        self.log_offset = os.path.getsize(self.server.log.name)
        self.server.start(demo=False)
        self.me.log_in(record=False)

    def stop(self):
        self.server.stop()
        if not self.keep:
            shutil.rmtree(self.workdir, ignore_errors=True)


# ---------------------------------------------------------------------------------------------------------------
# Known-good scenario

def valid_response(item):
    kind = item['kind']
    if kind == 'single':
        return {'choices': [0]}
    if kind == 'multiple':
        return {'choices': [0, 1]}
    if kind == 'truefalse':
        return {'trueFalse': True}
    if kind == 'blank':
        return {'blanks': ['答'] * max(1, item.get('blanks', 1))}
    return {'text': '按规定办理，做好登记与回访。'}


class Scenario:
    """Deterministic calls that give every allowed operation a 2xx, and the ids the fuzzing uses."""

    def __init__(self, target):
        self.t = target
        self.role = target.role
        self.ids = {}
        self.templates = {}  # operation → (params, body, query) of its first known-good call as the role
        self.blueprint = open(os.path.join(ROOT, 'Blueprints', '季度集中考核.txt'), encoding='utf-8').read()

    def actor(self, kind):
        if kind == 'S':
            return self.t.helper('staff')
        if kind == 'T':
            return self.t.me if self.role in ('admin', 'county', 'trainer') else self.t.helper('county')
        return self.t.me if self.role in ('admin', 'county') else self.t.helper('county')

    def call(self, who, method, template, params=None, body=None, query=None, expect=(200, 201, 204), anonymous=False, raw=None):
        status, parsed = who.call(method, template, params=params, body=body, query=query, anonymous=anonymous, raw=raw)
        label = op_label(method, template)
        if who is self.t.me and label not in self.templates and 200 <= status < 300:
            self.templates[label] = (dict(params or {}), copy.deepcopy(body), dict(query or {}))
        if status not in expect:
            self.t.tally.notes.append('known-good %s as %s answered %s: %s' % (label, who.username, status, str(parsed)[:200]))
        return status, parsed

    def exam_body(self, title, unit, **extra):
        body = {
            'title': title, 'blueprint': self.blueprint, 'unitCode': unit, 'posts': [], 'opensAt': now_iso(-600),
            'closesAt': now_iso(2 * 86400), 'durationMinutes': 60, 'passMark': 60, 'certifies': False,
            'review': {'content': 'keys', 'timing': 'immediately'}, 'partialShare': 0.5, 'reviewRequestDays': 7, 'seed': 42,
        }
        body.update(extra)
        return body

    def run(self):
        me, S, T, A = self.t.me, self.actor('S'), self.actor('T'), self.actor('A')
        ids = self.ids
        self.call(me, 'GET', API + '/me')
        self.call(me, 'GET', API + '/openapi.json', anonymous=True)
        ids['root'] = me.me['unit']['code']
        staff_me = S.me
        ids['staff_number'] = staff_me['staffNumber']
        ids['village'] = staff_me['unit']['code']

        # Units, staff, mastery
        self.call(T, 'GET', API + '/units')
        _, detail = self.call(T, 'GET', API + '/units/{code}', {'code': ids['village']})
        county = [u['code'] for u in (detail or {}).get('ancestors', []) if u.get('level') == '县']
        ids['county'] = county[0] if county else ids['village']
        self.call(T, 'GET', API + '/units/{code}/mastery', {'code': ids['county']})
        self.call(T, 'GET', API + '/units/{code}/weak-points', {'code': ids['county']})
        self.call(T, 'GET', API + '/staff', query={'unit': ids['county'], 'per_page': 5, 'page': 1})
        self.call(T, 'GET', API + '/staff/{number}', {'number': ids['staff_number']})
        self.call(T, 'GET', API + '/staff/{number}/mastery', {'number': ids['staff_number']})
        self.call(T, 'POST', API + '/blueprints/check', body={'blueprint': self.blueprint, 'candidates': 20})

        # The demo's own exams
        _, exams = self.call(T, 'GET', API + '/exams')
        for exam in exams if isinstance(exams, list) else []:
            if exam.get('status') == 'released':
                ids.setdefault('demo_past', exam['id'])
            elif exam.get('phase') == 'open':
                ids.setdefault('demo_open', exam['id'])

        # A fresh exam F, sat, reopened, closed, marked, released and reviewed; G stays open with an attempt in
        # progress for the fuzzing; D is deleted; D2 stays a draft for the fuzzing.
        _, f = self.call(T, 'POST', API + '/exams', body=self.exam_body('模糊测试：考试 F', ids['county']))
        ids['F'] = f['id']
        self.call(T, 'GET', API + '/exams/{exam}', {'exam': ids['F']})
        self.call(T, 'PUT', API + '/exams/{exam}', {'exam': ids['F']}, body=self.exam_body('模糊测试：考试 F（改）', ids['county']))
        _, d = self.call(T, 'POST', API + '/exams', body=self.exam_body('模糊测试：草稿 D', ids['county']))
        self.call(T, 'DELETE', API + '/exams/{exam}', {'exam': d['id']})
        _, d2 = self.call(T, 'POST', API + '/exams', body=self.exam_body('模糊测试：草稿 D2', ids['county']))
        ids['D2'] = d2['id']
        _, g = self.call(T, 'POST', API + '/exams', body=self.exam_body('模糊测试：考试 G', ids['county']))
        ids['G'] = g['id']
        self.call(T, 'POST', API + '/exams/{exam}/publish', {'exam': ids['F']})
        self.call(T, 'POST', API + '/exams/{exam}/publish', {'exam': ids['G']})
        _, results = self.call(T, 'GET', API + '/exams/{exam}/results', {'exam': ids['F']})
        others = [r['row']['staffNumber'] for r in results or [] if r['row']['staffNumber'] != ids['staff_number']]
        ids['X'], ids['Y'] = others[0], others[1]

        # Candidates
        self.call(A, 'DELETE', API + '/exams/{exam}/candidates/{number}', {'exam': ids['F'], 'number': ids['X']})
        self.call(A, 'POST', API + '/exams/{exam}/candidates', {'exam': ids['F']}, body={'staffNumber': ids['X']})
        self.call(A, 'POST', API + '/exams/{exam}/candidates/{number}/override', {'exam': ids['F'], 'number': ids['X']},
                  body={'extraMinutes': 15, 'closesAt': now_iso(3 * 86400)})
        self.call(A, 'POST', API + '/exams/{exam}/candidates/{number}/excuse', {'exam': ids['F'], 'number': ids['Y']},
                  body={'reason': '因公出差（模糊测试）'})

        # The member of staff sits F
        self.call(S, 'GET', API + '/my/exams')
        _, attempt = self.call(S, 'POST', API + '/my/exams/{exam}/attempt', {'exam': ids['F']})
        ids['AF'] = attempt['id']
        self.call(S, 'GET', API + '/my/attempts/{attempt}', {'attempt': ids['AF']})
        short = None
        for item in attempt['items']:
            self.call(S, 'PUT', API + '/my/attempts/{attempt}/answers/{position}', {'attempt': ids['AF'], 'position': item['position']},
                      body={'response': valid_response(item)})
            if item['kind'] == 'short' and short is None:
                short = item['position']
        self.call(S, 'POST', API + '/my/attempts/{attempt}/hidden', {'attempt': ids['AF']}, body={'seconds': 2.5})
        self.call(S, 'POST', API + '/my/attempts/{attempt}/submit', {'attempt': ids['AF']})
        self.call(A, 'POST', API + '/exams/{exam}/candidates/{number}/reopen', {'exam': ids['F'], 'number': ids['staff_number']},
                  body={'minutes': 30})
        self.call(S, 'PUT', API + '/my/attempts/{attempt}/answers/{position}', {'attempt': ids['AF'], 'position': 0},
                  body={'response': None})
        self.call(S, 'POST', API + '/my/attempts/{attempt}/submit', {'attempt': ids['AF']})
        ids['AF_short'] = short if short is not None else 0
        # G stays in progress: the fuzzing saves answers to it.
        _, attempt_g = self.call(S, 'POST', API + '/my/exams/{exam}/attempt', {'exam': ids['G']})
        ids['AG'] = attempt_g['id']
        ids['AG_items'] = len(attempt_g['items'])

        # Close, mark, release, review
        self.call(A, 'POST', API + '/exams/{exam}/close', {'exam': ids['F']})
        _, queue = self.call(T, 'GET', API + '/marking', query={'exam': ids['F']})
        for entry in queue or []:
            self.call(T, 'POST', API + '/marking/{attempt}/{position}', {'attempt': entry['attemptId'], 'position': entry['position']},
                      body={'score': 0, 'comment': '要点不全'})
        self.call(T, 'GET', API + '/exams/{exam}/results', {'exam': ids['F']})
        self.call(T, 'GET', API + '/exams/{exam}/statistics', {'exam': ids['F']})
        self.call(A, 'POST', API + '/exams/{exam}/release', {'exam': ids['F']})
        _, review = self.call(S, 'POST', API + '/my/exams/{exam}/score-review', {'exam': ids['F']}, body={'reason': '简答题请复核'})
        ids['R'] = review['id'] if isinstance(review, dict) and 'id' in review else NOWHERE_ID
        self.call(T, 'GET', API + '/score-reviews', query={'exam': ids['F']})
        _, answers = self.call(T, 'GET', API + '/score-reviews/{review}/answers', {'review': ids['R']})
        for entry in (answers or [])[:1]:
            self.call(T, 'POST', API + '/marking/{attempt}/{position}', {'attempt': entry['attemptId'], 'position': entry['position']},
                      body={'score': min(1, entry['points']), 'comment': '复核后加分', 'reviewId': ids['R']})
        self.call(T, 'POST', API + '/score-reviews/{review}/answer', {'review': ids['R']}, body={'reply': '已复核，维持原判并加 1 分'})
        # Reopened, it waits again and takes a new reply, confirmed against the score it now records.
        _, reopened = self.call(T, 'POST', API + '/score-reviews/{review}/reopen', {'review': ids['R']})
        confirm = {'scoreAfter': reopened['scoreNow']} if isinstance(reopened, dict) and reopened.get('scoreNow') is not None else {}
        self.call(T, 'POST', API + '/score-reviews/{review}/answer', {'review': ids['R']}, body=dict({'reply': '重新复核，维持'}, **confirm))
        self.call(T, 'GET', API + '/marking')

        # Self-tests and the record
        self.call(S, 'GET', API + '/my/self-tests')
        self.call(S, 'GET', API + '/my/practice-points')
        _, self_test = self.call(S, 'POST', API + '/my/self-tests', body={'knowledgePoints': [], 'length': 5})
        self.call(S, 'POST', API + '/my/self-tests/{attempt}/answers/{position}', {'attempt': self_test['id'], 'position': 0},
                  body={'response': valid_response(self_test['items'][0])})
        self.call(S, 'POST', API + '/my/self-tests', body={'wrongQuestions': True, 'length': 3}, expect=(201, 409))
        # Exam F's wrong answers joined the book at release (its keys show then); one entry opened.
        _, book = self.call(S, 'GET', API + '/my/wrong-questions')
        ids['WQ'] = book[0]['questionId'] if isinstance(book, list) and book else 'NO-SUCH-QUESTION'
        self.call(S, 'GET', API + '/my/wrong-questions/{question}', {'question': ids['WQ']})
        self.call(S, 'GET', API + '/my/review')
        self.call(S, 'POST', API + '/my/self-tests', body={'dueReviews': True, 'length': 3}, expect=(201, 409))
        self.call(S, 'GET', API + '/my/mastery')
        self.call(S, 'GET', API + '/my/recommendations')

        # 成绩总览 of the county: exam F (organised there) and the last twelve months
        self.call(T, 'GET', API + '/results/overview', query={'unit': ids['county'], 'exam': ids['F']})
        self.call(T, 'GET', API + '/results/overview', query={'unit': ids['county']})

        # Training reports and the coverage planner, over the county (today's China date is always a plannable day)
        for report in ('coverage', 'half-year', 'composition', 'curriculum'):
            self.call(T, 'GET', API + '/training/reports/' + report, query={'unit': ids['county']})
        china_today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date().isoformat()
        plan = {'unitCode': ids['county'], 'dates': [china_today], 'capacity': 30, 'kind': 'course'}
        self.call(T, 'POST', API + '/training/plan', body=plan)
        self.call(T, 'POST', API + '/training/plan', body=dict(plan, apply=True, title='模糊测试：全覆盖培训'))

        self.training(S, T)
        self.experts(S, T, A)
        self.contests(S, T, A)
        self.ratings(S, T, A)
        self.certificates(S, T, A)
        self.national_qualifications(S, T, A)
        self.post_requirements(S, T, A)
        self.selections(S, T, A)
        self.school(S, T, A)

        # Accounts and the audit log
        self.call(A, 'GET', API + '/accounts', query={'q': 'staff', 'page': 1, 'per_page': 20})
        _, created = self.call(A, 'POST', API + '/accounts', body={'username': 'fuzz.k1', 'role': 'staff', 'unitCode': ids['village']})
        self.call(A, 'GET', API + '/accounts/{username}', {'username': 'fuzz.k1'})
        self.call(A, 'POST', API + '/accounts/{username}/reset-password', {'username': 'fuzz.k1'})
        self.call(A, 'POST', API + '/accounts/{username}/disable', {'username': 'fuzz.k1'})
        self.call(A, 'POST', API + '/accounts/{username}/enable', {'username': 'fuzz.k1'})
        self.call(A, 'POST', API + '/accounts/bulk', body={'unitCode': ids['village']})
        self.call(A, 'GET', API + '/audit', query={'page': 1, 'per_page': 20}, expect=(200, 404) if self.role not in ('admin', 'county') else (200,))

        # The role's own session: change the password, sign out, sign in again with it
        new_password = 'Fuzz%dpass' % random.Random(self.role).randint(1000, 9999)
        status, _ = self.call(me, 'POST', API + '/me/password', body={'currentPassword': me.password, 'newPassword': new_password})
        if status == 204:
            me.password = new_password
        self.call(me, 'DELETE', API + '/session')
        me.token = None
        me.log_in()
        self.templates.setdefault('POST /api/v1/session', ({}, {'username': me.username, 'password': me.password}, {}))


# ---------------------------------------------------------------------------------------------------------------
# schemathesis

def training_body(title, county, start, end, **extra):
    body = {
        'unitCode': county, 'title': title, 'kind': 'course', 'startsAt': now_iso(start), 'endsAt': now_iso(end), 'hours': 3,
        'topics': ['权益维护/接访质效'], 'audienceUnit': county, 'audiencePosts': [], 'capacity': 5000, 'place': '区服务中心',
        'trainers': [{'name': '李老师'}],
    }
    body.update(extra)
    return body


def training_scenario(self, S, T):
    """A session TS running now: created, changed, invitees, published, signed in to with the screen's code, marked,
    imported, rated; TC closed; TD deleted; TD2 stays a draft. The fuzzing works on TS, TC and TD2."""
    ids, base = self.ids, API + '/training/sessions'
    # China midnight at the latest, so that the session's first day is today whenever the run starts.
    china = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)
    since_midnight = china.hour * 3600 + china.minute * 60 + china.second
    start = -min(600, since_midnight)
    self.call(T, 'GET', base, query={'unit': ids['county'], 'status': 'draft', 'from': '2020-01-01', 'to': '2099-12-31', 'page': 1, 'per_page': 5})
    _, ts = self.call(T, 'POST', base, body=training_body('模糊测试：培训 TS', ids['county'], start, 7200, invitees=[ids['X']]))
    ids['TS'] = ts['id'] if isinstance(ts, dict) and 'id' in ts else NOWHERE_ID
    session = {'session': ids['TS']}
    self.call(T, 'GET', base + '/{session}', session)
    self.call(T, 'PUT', base + '/{session}', session, body=training_body('模糊测试：培训 TS（改）', ids['county'], start, 7200, isBusiness=True))
    self.call(T, 'POST', base + '/{session}/invitees', session, body={'staffNumbers': [ids['staff_number'], ids['Y']]})
    self.call(T, 'DELETE', base + '/{session}/invitees/{number}', {'session': ids['TS'], 'number': ids['Y']})
    self.call(T, 'GET', base + '/{session}/invitees', session)
    self.call(T, 'POST', base + '/{session}/publish', session)
    _, code = self.call(T, 'GET', base + '/{session}/sign-in-code', session)
    self.call(S, 'POST', API + '/training/sign-in', body={'code': (code or {}).get('code', '000000'), 'session': ids['TS']})
    day = china.date().isoformat()
    self.call(T, 'POST', base + '/{session}/attendance', session,
              body={'marks': [{'staffNumber': ids['X'], 'day': day, 'status': 'excused', 'reason': '外出（模糊测试）', 'hours': 0}]})
    self.call(T, 'POST', base + '/{session}/attendance/import', session,
              raw=('text/csv', '工号,日期,状态,学时,备注\n%s,%s,出席,1.5,补登\n' % (ids['X'], day)))
    self.call(T, 'GET', base + '/{session}/attendance', session)
    self.call(S, 'POST', base + '/{session}/ratings', session, body={'score': 5, 'comment': '很实用（模糊测试）'})
    self.call(T, 'GET', API + '/training/ratings', query={'by': 'trainer', 'unit': ids['county']})
    self.call(S, 'GET', API + '/me/training')
    _, tc = self.call(T, 'POST', base, body=training_body('模糊测试：培训 TC', ids['county'], start, 3600))
    ids['TC'] = tc['id'] if isinstance(tc, dict) and 'id' in tc else NOWHERE_ID
    self.call(T, 'POST', base + '/{session}/publish', {'session': ids['TC']})
    self.call(T, 'POST', base + '/{session}/close', {'session': ids['TC']})
    _, td = self.call(T, 'POST', base, body=training_body('模糊测试：草稿 TD', ids['county'], 86400, 90000))
    if isinstance(td, dict) and 'id' in td:
        self.call(T, 'DELETE', base + '/{session}', {'session': td['id']})
    _, td2 = self.call(T, 'POST', base, body=training_body('模糊测试：草稿 TD2', ids['county'], 86400, 90000))
    ids['TD2'] = td2['id'] if isinstance(td2, dict) and 'id' in td2 else NOWHERE_ID


Scenario.training = training_scenario


def experts_scenario(self, S, T, A):
    """Experts E (kept, suggested for TS) and E2 (imported, kept) in the county's pool, E3 added and removed; the
    standards read by everyone and set by the province's administrator."""
    ids = self.ids
    expert = {'unitCode': ids['county'], 'name': '模糊测试：专家 E', 'category': 'university', 'specialties': ['权益维护'],
              'affiliation': '某大学 教授'}
    _, e = self.call(A, 'POST', API + '/experts', body=expert)
    ids['E'] = e['id'] if isinstance(e, dict) and 'id' in e else NOWHERE_ID
    self.call(A, 'PUT', API + '/experts/{expert}', {'expert': ids['E']}, body=dict(expert, category='行业精英', affiliation='律师'))
    _, e3 = self.call(A, 'POST', API + '/experts', body=dict(expert, name='模糊测试：专家 E3'))
    if isinstance(e3, dict) and 'id' in e3:
        self.call(A, 'DELETE', API + '/experts/{expert}', {'expert': e3['id']})
    self.call(A, 'POST', API + '/experts/import',
              raw=('text/csv', '姓名,单位编码,类别,专长,工作单位及职务,工号\n模糊测试：专家 E2,%s,业务骨干,政策法规,,\n' % ids['county']))
    self.call(A, 'POST', API + '/staff/import', query={'dry_run': '1'},
              raw=('text/csv', '工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗\nFZ0001,模糊测试：人员,%s,接访员,否,否,,,是\n' % ids['county']))
    _, found = self.call(T, 'GET', API + '/experts', query={'q': '模糊测试', 'specialty': '政策法规', 'category': 'backbone', 'unit': ids['county']})
    e2 = [x['id'] for x in found or [] if isinstance(x, dict) and x.get('name') == '模糊测试：专家 E2']
    ids['E2'] = e2[0] if e2 else NOWHERE_ID
    self.call(T, 'GET', API + '/experts/activity', query={'unit': ids['county'], 'from': '2020-01-01', 'to': '2099-12-31'})
    self.call(T, 'GET', API + '/training/sessions/{session}/experts', {'session': ids['TS']})
    self.call(S, 'GET', API + '/training/standards')
    self.call(T, 'GET', API + '/training/standards')
    root = self.t.me if self.role == 'admin' else self.t.helper('admin')
    self.call(root, 'POST', API + '/training/standards', body={'post': '接访员', 'level': '村', 'hours': 8, 'topics': ['权益维护']})


Scenario.experts = experts_scenario

def bank_question_ids(count):
    """The first `count` question ids of the shipped bank (`lianbing serve --demo` imports it from the repository)."""
    found = []
    for folder, _, files in sorted(os.walk(os.path.join(ROOT, 'QuestionBank'))):
        for name in sorted(files):
            if not name.endswith('.txt'):
                continue
            with open(os.path.join(folder, name), encoding='utf-8') as file:
                for line in file:
                    key, _, value = line.replace('：', ':').partition(':')
                    if key.strip() == '题号' and value.strip():
                        found.append(value.strip())
                        if len(found) == count:
                            return found
    return found


def contests_scenario(self, S, T, A):
    """Contest K of the county (teams KA with the member of staff and X, KB with Y then Z for Y; a written round on exam F,
    a compulsory round of three bank questions, a judged round): started, the written scores entered, questions opened
    and ruled on, a performance marked and settled, a hand-entered change corrected, the board frozen and revealed,
    finished; the province's city contest KU takes K's winner. KR (individual, a buzzer and a risk round) stays running
    and KP preparing. The fuzzing works on K, KR, KP and KU."""
    ids, base = self.ids, API + '/contests'
    china = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)
    today = china.date().isoformat()
    questions = bank_question_ids(6)
    _, roster = self.call(T, 'GET', API + '/staff', query={'unit': ids['county'], 'page': 1, 'per_page': 50})
    taken = {ids['staff_number'], ids['X'], ids['Y']}
    spare = [m['number'] for m in (roster or {}).get('items', []) if isinstance(m, dict) and m.get('isActive') and m['number'] not in taken]
    spare += ['NOBODY-%d' % n for n in range(3)]
    # The province's administrator sees the units above the county (its administrator does not).
    root = self.t.me if self.role == 'admin' else self.t.helper('admin')
    _, unit = self.call(root, 'GET', API + '/units/{code}', {'code': ids['county']})
    cities = [u['code'] for u in (unit or {}).get('ancestors', []) if u.get('level') == '市'] + [root.me['unit']['code']]

    def made(body, key):
        ids[key] = body['id'] if isinstance(body, dict) and 'id' in body else NOWHERE_ID
        return ids[key]

    contest = {'title': '模糊测试：比武 K', 'unitCode': ids['county'], 'format': 'team', 'heldOn': today, 'basePoints': 100,
               'tieBreakers': ['written', 'fewer-wrong', 'less-time']}
    _, k = self.call(A, 'POST', base, body=contest)
    K = {'contest': made(k, 'K')}
    _, ka = self.call(A, 'POST', base + '/{contest}/teams', K,
                      body={'name': '模糊测试：甲队', 'members': [ids['staff_number'], ids['X']], 'captain': ids['staff_number']})
    _, kb = self.call(A, 'POST', base + '/{contest}/teams', K, body={'name': '模糊测试：乙队', 'members': [ids['Y']], 'unitCode': ids['county']})
    made(ka, 'KA')
    made(kb, 'KB')
    self.call(A, 'POST', API + '/contest-teams/{team}/substitutions', {'team': ids['KB']},
              body={'out': ids['Y'], 'in': spare[0], 'reason': '因病换人（模糊测试）'})
    self.call(A, 'POST', base + '/{contest}/rounds', K, body={'style': 'written', 'title': '笔试', 'rules': {'writtenPercent': 50}, 'examId': ids['F']})
    self.call(A, 'POST', base + '/{contest}/rounds', K, body={
        'style': 'compulsory', 'title': '必答题', 'rules': {'rightPoints': 10, 'wrongPoints': 5, 'timeLimitSeconds': 30}, 'questionIds': questions[:3]})
    self.call(A, 'POST', base + '/{contest}/rounds', K, body={'style': 'judged', 'title': '情景模拟', 'rules': {'dropped': 0, 'maxMark': 10}})
    self.call(T, 'GET', base)
    self.call(S, 'GET', base)
    _, shown = self.call(T, 'GET', base + '/{contest}', K)
    ids['token'] = shown.get('boardToken') or 'none' if isinstance(shown, dict) else 'none'
    self.call(S, 'GET', base + '/{contest}', K)
    self.call(T, 'GET', base + '/{contest}/substitutions', K)
    self.call(S, 'GET', base + '/{contest}/substitutions', K)
    self.call(A, 'POST', base + '/{contest}/status', K, body={'status': 'running'})
    self.call(T, 'POST', base + '/{contest}/written', K, body={'round': 1})
    events = base + '/{contest}/events'
    question = base + '/{contest}/rounds/{round}/questions/{question}'
    self.call(T, 'POST', events, K, body={'round': 2, 'action': 'open', 'question': 1})
    self.call(T, 'GET', question, {'contest': ids['K'], 'round': 2, 'question': 1})
    self.call(S, 'GET', question, {'contest': ids['K'], 'round': 2, 'question': 1})
    self.call(T, 'POST', events, K, body={'round': 2, 'action': 'rule', 'team': ids['KA'], 'question': 1, 'verdict': 'right', 'elapsedMilliseconds': 4200})
    self.call(T, 'POST', events, K, body={'round': 2, 'action': 'open', 'question': 2})
    self.call(T, 'POST', events, K, body={'round': 2, 'action': 'rule', 'team': ids['KB'], 'question': 2, 'verdict': 'wrong'})
    self.call(T, 'POST', events, K, body={'round': 3, 'action': 'open', 'question': 1})
    self.call(T, 'POST', events, K, body={'round': 3, 'action': 'mark', 'team': ids['KA'], 'question': 1, 'mark': 8})
    self.call(T, 'POST', events, K, body={'round': 3, 'action': 'settle', 'team': ids['KA'], 'question': 1})
    _, manual = self.call(T, 'POST', events, K, body={'round': 2, 'action': 'manual', 'team': ids['KB'], 'points': 2.5, 'reason': '纸质记分补录（模糊测试）'})
    if isinstance(manual, dict) and 'event' in manual:
        self.call(T, 'POST', events, K, body={'round': 2, 'action': 'correct', 'sequence': manual['event']['sequence'], 'reason': '录错'})
    self.call(T, 'GET', events, K)
    self.call(T, 'POST', base + '/{contest}/freeze', K, body={'frozen': True})
    self.call(T, 'POST', events, K, body={'round': 2, 'action': 'open', 'question': 3})
    self.call(T, 'POST', events, K, body={'round': 2, 'action': 'rule', 'team': ids['KA'], 'question': 3, 'verdict': 'right'})
    self.call(T, 'GET', base + '/{contest}/board', K)
    self.call(S, 'GET', base + '/{contest}/board', K)
    self.call(self.t.me, 'GET', API + '/boards/{token}', {'token': ids['token']}, anonymous=True)
    self.call(T, 'POST', base + '/{contest}/reveal', K)
    self.call(T, 'GET', base + '/{contest}/results', K)
    self.call(S, 'GET', base + '/{contest}/results', K)
    self.call(A, 'POST', base + '/{contest}/status', K, body={'status': 'finished'})
    period = {'from': '2020-01-01', 'through': '2099-12-31'}
    self.call(T, 'GET', API + '/contest-medals', query=dict(period, unit=ids['county']))
    self.call(T, 'GET', API + '/staff/{number}/contest-percentile', {'number': ids['staff_number']}, query=period)
    self.call(S, 'GET', API + '/staff/{number}/contest-percentile', {'number': ids['staff_number']})

    # KP stays preparing, KR running: the fuzzing's targets besides the finished K.
    _, kp = self.call(A, 'POST', base, body=dict(contest, title='模糊测试：比武 KP（筹备中）'))
    made(kp, 'KP')
    _, kr = self.call(A, 'POST', base, body=dict(contest, title='模糊测试：比武 KR（进行中）', format='individual'))
    KR = {'contest': made(kr, 'KR')}
    for number in spare[1:3]:
        self.call(A, 'POST', base + '/{contest}/teams', KR, body={'members': [number]})
    self.call(A, 'POST', base + '/{contest}/rounds', KR, body={'style': 'buzzer', 'rules': {'foulPoints': 5}, 'questionIds': questions[3:5]})
    self.call(A, 'POST', base + '/{contest}/rounds', KR, body={'style': 'risk', 'rules': {'stakes': [10, 20, 30]}, 'questionIds': questions[5:6]})
    self.call(A, 'POST', base + '/{contest}/status', KR, body={'status': 'running'})

    # The province's city contest takes K's winner.
    _, ku = self.call(root, 'POST', base, body=dict(contest, title='模糊测试：市比武 KU', unitCode=cities[0]))
    made(ku, 'KU')
    self.call(root, 'POST', base + '/{contest}/advance', {'contest': ids['KU']}, body={'from': ids['K'], 'top': 1})


Scenario.contests = contests_scenario


def ratings_scenario(self, S, T, A):
    """满意度评定: the village's rating address (and a new one), the staff member listing themselves, two telephone
    ratings typed in (RT low, its follow-up left open for the fuzzing; RH with a comment to hide), a third low one whose
    follow-up is closed, the lists and the report."""
    ids = self.ids
    village = {'code': ids['village']}
    self.call(A, 'GET', API + '/units/{code}/rating-station', village)
    self.call(A, 'POST', API + '/units/{code}/rating-station/token', village)
    self.call(S, 'PUT', API + '/staff/{number}/rating-listing', {'number': ids['staff_number']}, body={'listed': True})
    self.call(A, 'PUT', API + '/staff/{number}/rating-listing', {'number': ids['staff_number']}, body={'listed': True})
    made = []
    for scores, comment in (((2, 3, 4), '模糊测试：等候较久'), ((5, 5, 4), '模糊测试：不文明用语'), ((1, 1, 2), '模糊测试：没人接待')):
        body = {'unitCode': ids['village'], 'attitude': scores[0], 'efficiency': scores[1], 'outcome': scores[2], 'comment': comment,
                'source': 'phone', 'staffNumber': ids['staff_number']}
        _, rating = self.call(A, 'POST', API + '/ratings', body=body)
        made.append(rating['id'] if isinstance(rating, dict) and 'id' in rating else NOWHERE_ID)
    ids['RT'], ids['RH'] = made[0], made[1]
    self.call(A, 'POST', API + '/ratings/{rating}/hide', {'rating': ids['RH']}, body={'reason': '模糊测试：侮辱性语言'})
    self.call(A, 'POST', API + '/ratings/{rating}/follow-up', {'rating': made[2]}, body={'outcome': 'resolved', 'note': '模糊测试：已回访'})
    self.call(A, 'GET', API + '/ratings', query={'unit': ids['county'], 'page': 1, 'per_page': 20})
    self.call(A, 'GET', API + '/ratings/follow-ups', query={'unit': ids['county']})
    self.call(A, 'GET', API + '/ratings/report', query={'unit': ids['county']})


Scenario.ratings = ratings_scenario


def certificates_scenario(self, S, T, A):
    """持证上岗: the certificates the demo's released, certifying exam issued in the county, one read and another revoked."""
    _, page = self.call(A, 'GET', API + '/certificates', query={'status': 'valid', 'expiringWithin': 3650, 'page': 1, 'per_page': 20})
    numbers = [item['number'] for item in page.get('items', [])] if isinstance(page, dict) else []
    if not numbers:
        self.t.tally.notes.append('the demo issued no certificate: the certificate operations have no known-good call')
        return
    self.call(A, 'GET', API + '/certificates/{number}', {'number': numbers[0]})
    self.call(A, 'POST', API + '/certificates/{number}/revoke', {'number': numbers[-1]}, body={'reason': '模糊测试：撤销'})


Scenario.certificates = certificates_scenario

SCAN_PDF = ('application/pdf', '%PDF-1.4\n% 模糊测试：扫描件\n%%EOF\n')


def national_qualifications_scenario(self, S, T, A):
    """国家职业资格: the staff member records two with scans (NQA accepted by the administrator, NQ left pending for the
    fuzzing); the administrator records one for X (NQR, rejected), and lists, reads and reviews."""
    ids = self.ids
    base = API + '/national-qualifications'
    one = base + '/{id}'
    made = {}
    for key, who, number, extra in (('NQA', S, 'FUZZ-S-1', {}), ('NQ', S, 'FUZZ-S-2', {}), ('NQR', A, 'FUZZ-A-1', {'staffNumber': ids['X']})):
        body = dict({'level': '四级/中级工', 'certificateNumber': number, 'issuer': '模糊测试：人社厅', 'issuedOn': '2024-06-30'}, **extra)
        _, record = self.call(who, 'POST', base, body=body)
        made[key] = record['id'] if isinstance(record, dict) and 'id' in record else NOWHERE_ID
        self.call(who, 'PUT', one + '/scan', {'id': made[key]}, raw=SCAN_PDF)
        self.call(who, 'GET', one, {'id': made[key]})
        self.call(who, 'GET', one + '/scan', {'id': made[key]})
    ids.update(made)
    self.call(S, 'GET', API + '/my/national-qualifications')
    self.call(A, 'GET', base, query={'status': 'pending', 'unit': ids['county'], 'q': ids['staff_number'], 'page': 1, 'per_page': 20})
    self.call(A, 'POST', one + '/accept', {'id': ids['NQA']}, body={'note': '模糊测试：核验无误'})
    self.call(A, 'POST', one + '/reject', {'id': ids['NQR']}, body={'note': '模糊测试：扫描件模糊'})


Scenario.national_qualifications = national_qualifications_scenario


def post_requirements_scenario(self, S, T, A):
    """持证上岗 per post: the province's administrator requires a certificate of 主任（站长） (kept, 180 days' grace) and of
    信息员 (removed again); everyone reads the list; the county's compliance report."""
    root = self.t.me if self.role == 'admin' else self.t.helper('admin')
    base = API + '/post-requirements/{post}'
    self.call(root, 'PUT', base, {'post': '主任（站长）'}, body={'qualificationIds': [1, 2], 'graceDays': 180})
    self.call(root, 'PUT', base, {'post': '信息员'}, body={'qualificationIds': [1], 'graceDays': 0})
    self.call(root, 'DELETE', base, {'post': '信息员'})
    self.call(S, 'GET', API + '/post-requirements')
    self.call(T, 'GET', API + '/post-requirements')
    self.call(A, 'GET', API + '/post-requirements')
    self.call(A, 'GET', API + '/certification-compliance', query={'unit': self.ids['county']})


Scenario.post_requirements = post_requirements_scenario


def selection_rules(today, posts, places=3, **extra):
    """Rules over the year to `today` (China), on training hours and the assessments, for `posts`."""
    year_ago = (datetime.date.fromisoformat(today) - datetime.timedelta(days=365)).isoformat()
    rules = {
        'award': '优秀接访员', 'posts': posts, 'levels': [], 'from': year_ago, 'through': today,
        'criteria': [{'criterion': 'training-hours', 'weight': 40}, {'criterion': 'assessment', 'weight': 60}],
        'normalisation': 'z-score', 'missing': 'rescale',
        'minimums': {'validCertificate': False, 'trainingCovered': False, 'minimumRatings': 0},
        'quota': {'places': places, 'sharing': 'total', 'method': 'sainte-lague'},
    }
    rules.update(extra)
    return rules


def selections_scenario(self, S, T, A):
    """遴选: in the county, SD stays a draft (its rules changed), SC computed and adjusted, SP published with the member of
    staff's two objections (SO answered, SO2 left open) and refused finalising within the notice period; the province's
    SU of the trainer's city is published, read and objected to by everyone it covers. The fuzzing works on all four and
    on the demo's own computed selection."""
    ids = self.ids
    base, one = API + '/selections', API + '/selections/{selection}'
    today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date().isoformat()
    posts = ['接访员', '主任（站长）']

    def made(body, key):
        ids[key] = body['id'] if isinstance(body, dict) and 'id' in body else NOWHERE_ID
        return {'selection': ids[key]}

    _, listed = self.call(A, 'GET', base)
    demo = [s['id'] for s in listed or [] if isinstance(s, dict) and s.get('title', '').startswith('演示')]
    ids['SDEMO'] = demo[0] if demo else NOWHERE_ID
    _, sd = self.call(A, 'POST', base, body={'unitCode': ids['county'], 'title': '模糊测试：遴选 SD（草稿）', 'rules': selection_rules(today, posts)})
    SD = made(sd, 'SD')
    self.call(A, 'PUT', one + '/rules', SD, body={'title': '模糊测试：遴选 SD（改）', 'rules': selection_rules(today, posts, places=5, normalisation='min-max')})

    _, sc = self.call(A, 'POST', base, body={'unitCode': ids['county'], 'title': '模糊测试：遴选 SC（已计算）', 'rules': selection_rules(today, posts)})
    SC = made(sc, 'SC')
    _, computed = self.call(A, 'POST', one + '/compute', SC)
    lines = ((computed or {}).get('outcome') or {}).get('lines', []) if isinstance(computed, dict) else []
    out = [line['candidate']['number'] for line in lines if not line.get('selected')]
    nominees = [n['number'] for n in (computed or {}).get('nominees', [])] if isinstance(computed, dict) else []
    if out:
        self.call(A, 'POST', one + '/adjustments', SC, body={'staffNumber': out[0], 'action': 'add', 'reason': '模糊测试：增列'})
    if nominees:
        self.call(A, 'POST', one + '/adjustments', SC, body={'staffNumber': nominees[0], 'action': 'remove', 'reason': '模糊测试：撤下'})

    _, sp = self.call(A, 'POST', base, body={'unitCode': ids['county'], 'title': '模糊测试：遴选 SP（公示中）', 'rules': selection_rules(today, posts)})
    SP = made(sp, 'SP')
    self.call(A, 'POST', one + '/compute', SP)
    _, published = self.call(A, 'POST', one + '/publish', SP, body={'workingDays': 5})
    listed_numbers = [n['number'] for n in (published or {}).get('nominees', [])] if isinstance(published, dict) else []
    objection_ids = []
    for body in ({'staffNumber': listed_numbers[0], 'text': '模糊测试：请核实学时'} if listed_numbers else {'text': '模糊测试：请核实学时'},
                 {'text': '模糊测试：名单有误'}):
        _, objected = self.call(S, 'POST', one + '/objections', SP, body=body)
        own = [o['id'] for o in (objected or {}).get('objections', [])] if isinstance(objected, dict) else []
        objection_ids.append(max(own) if own else NOWHERE_ID)
    ids['SO'], ids['SO2'] = objection_ids
    self.call(A, 'POST', one + '/objections/{objection}/answer', {'selection': ids['SP'], 'objection': ids['SO']},
              body={'answer': '模糊测试：经核实无误'})
    self.call(A, 'POST', one + '/finalise', SP, expect=(409,))
    self.call(S, 'GET', base)
    self.call(S, 'GET', one, SP)

    # The province's selection of the trainer's city: published, so everyone below reads it and may object.
    root = self.t.me if self.role == 'admin' else self.t.helper('admin')
    _, unit = self.call(root, 'GET', API + '/units/{code}', {'code': ids['county']})
    cities = [u['code'] for u in (unit or {}).get('ancestors', []) if u.get('level') == '市'] + [root.me['unit']['code']]
    _, su = self.call(root, 'POST', base, body={'unitCode': cities[0], 'title': '模糊测试：市遴选 SU', 'rules': selection_rules(today, ['主任（站长）'])})
    SU = made(su, 'SU')
    self.call(root, 'POST', one + '/compute', SU)
    self.call(root, 'POST', one + '/publish', SU, body={})
    for who in (T, A):
        self.call(who, 'GET', base)
        self.call(who, 'GET', one, SU)
    self.call(T, 'POST', one + '/objections', SU, body={'text': '模糊测试：市里的名单有误'})
    self.call(S, 'GET', API + '/staff/{number}/awards', {'number': ids['staff_number']})
    self.call(T, 'GET', API + '/staff/{number}/awards', {'number': ids['staff_number']})


Scenario.selections = selections_scenario


def courseware_lesson_ids():
    """The lesson ids of the shipped courseware (`lianbing serve --demo` imports it from the repository)."""
    found = []
    for folder, _, files in sorted(os.walk(os.path.join(ROOT, 'Courseware'))):
        for name in sorted(files):
            if not name.endswith('.md') or name == 'README.md':
                continue
            with open(os.path.join(folder, name), encoding='utf-8') as file:
                for line in file:
                    key, _, value = line.replace('：', ':').partition(':')
                    if not line.strip():
                        break
                    if key.strip() == '编号' and value.strip():
                        found.append(value.strip())
    return found


def school_scenario(self, S, T, A):
    """网校微课: the member of staff opens lessons L1 and L2 (their page), reports reading L1 to its end and starts the
    check of the first lesson whose points have questions to practise; the administrator requires L1 and L2 of the
    county (LA); the trainer schedules a study day of L1 and L2 running now (SDAY). The fuzzing works on L1, L2, the last
    lesson, LA and SDAY."""
    ids = self.ids
    lessons = courseware_lesson_ids()
    ids['lessons'] = lessons[:2] + lessons[-1:] + ['WK-NONE']
    if len(lessons) < 2:
        self.t.tally.notes.append('the courseware has fewer than two lessons: the school operations have no known-good call')
        return
    china = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)
    since_midnight = china.hour * 3600 + china.minute * 60 + china.second
    reading = API + '/lessons/{lesson}/reading'
    for lesson in lessons:
        # Opening is the lesson's page (HTML), not the API: it starts the progress that reports and checks need.
        S.call('GET', '/school/lessons/{lesson}', {'lesson': lesson}, record=False)
        if lesson == lessons[0]:
            self.call(S, 'POST', reading, {'lesson': lesson}, body={'visible': True, 'readPermille': 400, 'atEnd': False})
            self.call(S, 'POST', reading, {'lesson': lesson}, body={'visible': False, 'readPermille': 1000, 'atEnd': True})
        status, _ = self.call(S, 'POST', API + '/lessons/{lesson}/check', {'lesson': lesson}, expect=(201, 409))
        if status == 201 and lesson != lessons[0]:
            break
    self.call(S, 'GET', API + '/my/learning')
    deadline = (china.date() + datetime.timedelta(days=30)).isoformat()
    _, la = self.call(A, 'POST', API + '/lesson-assignments',
                      body={'unitCode': ids['county'], 'title': '模糊测试：必修 LA', 'posts': [], 'lessons': lessons[:2], 'deadline': deadline})
    ids['LA'] = la['id'] if isinstance(la, dict) and 'id' in la else NOWHERE_ID
    self.call(T, 'GET', API + '/lesson-assignments')
    self.call(T, 'GET', API + '/lesson-assignments/{assignment}', {'assignment': ids['LA']})
    self.call(S, 'GET', API + '/my/required-lessons')
    study_day = {'unitCode': ids['county'], 'title': '模糊测试：学习日 SDAY', 'startsAt': now_iso(-min(600, since_midnight)),
                 'endsAt': now_iso(7200), 'hours': 1, 'lessons': lessons[:2], 'selfTestLength': 5}
    _, sday = self.call(T, 'POST', API + '/study-days', body=study_day)
    ids['SDAY'] = sday['session']['id'] if isinstance(sday, dict) and 'session' in sday else NOWHERE_ID
    self.call(T, 'GET', API + '/study-days/{session}', {'session': ids['SDAY']})


Scenario.school = school_scenario



class Fuzzing:
    """State the schemathesis hooks share with the run: who calls, and which real ids stand in for generated ones."""

    target = None
    scenario = None
    pools = {}
    turn = collections.Counter()
    live_self_test = None
    first_network_error = None
    relogins = 0
    lock = threading.Lock()

    @classmethod
    def pool(cls, label, name):
        ids = cls.scenario.ids
        role = cls.target.role
        if name == 'exam':
            if label.startswith('POST /api/v1/my/exams/{exam}/attempt'):
                return [ids.get('demo_open', NOWHERE_ID), ids['G'], ids['F'], NOWHERE_ID]
            if label.startswith('POST /api/v1/my/exams/{exam}/score-review'):
                return [ids['F'], ids.get('demo_past', NOWHERE_ID), NOWHERE_ID]
            return [ids['F'], ids['G'], ids['D2'], ids.get('demo_open', NOWHERE_ID), ids.get('demo_past', NOWHERE_ID), NOWHERE_ID]
        if name == 'attempt':
            if label == 'PUT /api/v1/my/attempts/{attempt}/answers/{position}':
                return [ids['AG']]  # stays in progress: nothing in the fuzzing submits it
            if label == 'POST /api/v1/my/self-tests/{attempt}/answers/{position}':
                return [cls.live_self_test or NOWHERE_ID]
            if label == 'POST /api/v1/my/attempts/{attempt}/submit':
                return [ids['AF'], NOWHERE_ID]
            if label == 'POST /api/v1/marking/{attempt}/{position}':
                return [ids['AF']]
            return [ids['AG'], ids['AF'], NOWHERE_ID]
        if name == 'review':
            return [ids['R'], NOWHERE_ID]
        if name == 'session' and label.startswith('GET /api/v1/study-days/'):
            return [ids['SDAY'], ids['TS'], NOWHERE_ID]
        if name == 'lesson':
            return ids['lessons']
        if name == 'assignment':
            return [ids['LA'], NOWHERE_ID]
        if name == 'session':
            return [ids['TS'], ids['TC'], ids['TD2'], NOWHERE_ID]
        if name == 'expert':
            return [ids['E'], ids['E2'], NOWHERE_ID]
        if name == 'contest':
            return [ids['KR'], ids['K'], ids['KP'], ids['KU'], NOWHERE_ID]
        if name == 'team':
            return [ids['KB'], ids['KA'], NOWHERE_ID]
        if name == 'rating':
            return [ids['RT'], ids['RH'], NOWHERE_ID]
        if name == 'round':
            return [2, 1, 3, 21]
        if name == 'question' and label == 'GET /api/v1/my/wrong-questions/{question}':
            return [ids['WQ'], 'NO-SUCH-QUESTION']
        if name == 'question':
            return [1, 2, 3, 201]
        if name == 'token':
            return [ids['token'], 'no-such-board']
        if name == 'code':
            return [ids['county'], ids['village'], ids['root'], '000000000000']
        if name == 'number':
            return [ids['staff_number'], ids['X'], ids['Y'], 'NOBODY-1']
        if name == 'post':
            return ['主任（站长）', '信息员', '接访员', '没有这个岗位']
        if name == 'selection':
            return [ids['SP'], ids['SC'], ids['SD'], ids['SU'], ids['SDEMO'], NOWHERE_ID]
        if name == 'objection':
            return [ids['SO2'], ids['SO'], NOWHERE_ID]
        if name == 'id' and '/national-qualifications/' in label:
            return [ids['NQ'], ids['NQA'], ids['NQR'], NOWHERE_ID]
        if name == 'username':
            return [u for u in ['fuzz.k1', 'staff', 'trainer'] if u != role] + ['no.such.user']
        return None

    @classmethod
    def next_from(cls, label, name, values):
        key = (label, name)
        value = values[cls.turn[key] % len(values)]
        cls.turn[key] += 1
        return value


def is_integer(value):
    """An integer as generated: a number, or its text (the coverage phase serialises path parameters)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, str) and value.lstrip('-').isdigit()


def hook_label(context, case):
    operation = context.operation if context is not None and context.operation is not None else case.operation
    return op_label(operation.method, operation.path)


@schemathesis.hook
def before_call(context, case, kwargs):
    label = hook_label(context, case)
    ids = Fuzzing.scenario.ids
    # Path parameters: generated integers and strings become real ids in turn; positions stay as generated.
    if case.path_parameters:
        for name, value in list(case.path_parameters.items()):
            if name == 'position':
                continue
            values = Fuzzing.pool(label, name)
            if not values:
                continue
            if name in ('exam', 'attempt', 'review', 'session', 'expert', 'contest', 'team', 'round', 'question', 'rating', 'selection',
                        'objection', 'assignment') and not is_integer(value):
                continue  # a non-integer (negative testing) stays: it must be refused, not crash
            case.path_parameters[name] = Fuzzing.next_from(label, name, values)
    # Body fields naming things: mostly real ones, so calls get past the lookups to the arithmetic.
    if isinstance(case.body, dict):
        body = case.body
        if isinstance(body.get('blueprint'), str) and Fuzzing.next_from(label, 'blueprint', [1, 1, 1, 0]):
            body['blueprint'] = Fuzzing.scenario.blueprint
        if isinstance(body.get('unitCode'), str):
            units = [ids['village']] if label == 'POST /api/v1/accounts/bulk' else [ids['county'], ids['village'], ids['root']]
            body['unitCode'] = Fuzzing.next_from(label, 'unitCode', units + ['000000000000'])
        if isinstance(body.get('staffNumber'), str):
            body['staffNumber'] = Fuzzing.next_from(label, 'staffNumber', [ids['X'], ids['staff_number'], 'NOBODY-1'])
        if label.startswith('POST /api/v1/contests/{contest}/') and is_integer(body.get('team')):
            body['team'] = Fuzzing.next_from(label, 'team', [ids['KB'], ids['KA'], NOWHERE_ID])
        if label == 'POST /api/v1/contests/{contest}/advance' and is_integer(body.get('from')):
            body['from'] = Fuzzing.next_from(label, 'from', [ids['K'], ids['KR'], NOWHERE_ID])
        if label == 'PUT /api/v1/post-requirements/{post}' and isinstance(body.get('qualificationIds'), list):
            body['qualificationIds'] = Fuzzing.next_from(label, 'qualificationIds', [[1], [1, 2], body['qualificationIds']])
        if isinstance(body.get('rules'), dict) and isinstance(body['rules'].get('posts'), list):
            # Real posts, so that generated weights, quotas and dates reach the checks after the posts'.
            rules = body['rules']
            rules['posts'] = Fuzzing.next_from(label, 'posts', [['接访员'], ['主任（站长）', '接访员'], rules['posts']])
        if label in ('POST /api/v1/lesson-assignments', 'POST /api/v1/study-days') and isinstance(body.get('lessons'), list):
            # Real lessons, so that generated titles, dates and counts reach the checks after the lessons'.
            real = ids['lessons'][:2]
            body['lessons'] = Fuzzing.next_from(label, 'lessons', [real[:1], real, body['lessons']])
    headers = case.headers if case.headers is not None else {}
    if label != 'DELETE /api/v1/session':
        # Signing out is fuzzed without the session, so the run keeps it; the known-good calls sign out for real.
        headers.update(Fuzzing.target.me.auth_headers())
    case.headers = headers
    Fuzzing.target.inflight = (label, 'schemathesis', '%s %s' % (case.method, case.formatted_path))


def case_line(case):
    """A generated request as one report line."""
    line = '%s %s' % (case.method, case.formatted_path)
    if case.query:
        line += '?' + '&'.join('%s=%s' % (k, v) for k, v in case.query.items())
    if case.body is not None and type(case.body).__name__ != 'NotSet':
        try:
            line += ' ' + json.dumps(brief(case.body), ensure_ascii=False)[:300]
        except (TypeError, ValueError):
            line += ' ' + repr(case.body)[:200]
    return line


@schemathesis.hook
def after_network_error(context, case, request):
    if Fuzzing.first_network_error is None:
        Fuzzing.first_network_error = (hook_label(context, case), 'schemathesis', case_line(case))


@schemathesis.hook
def after_call(context, case, response):
    label = hook_label(context, case)
    target = Fuzzing.target
    target.inflight = None
    line = case_line(case)
    phase = 'schemathesis'
    try:
        phase = 'st-' + str(case.meta.phase.name.value)
    except AttributeError:
        pass
    target.tally.record(label, response.status_code, phase, line, response.content or b'')
    if label == 'POST /api/v1/my/self-tests' and response.status_code == 201:
        try:
            Fuzzing.live_self_test = json.loads(response.content)['id']
        except (ValueError, KeyError, TypeError):
            pass
    if response.status_code == 401 and label not in ('POST /api/v1/session',):
        # The session ended (a password change, a disabled account…): sign in again for the next calls.
        with Fuzzing.lock:
            Fuzzing.relogins += 1
            try:
                target.me.log_in(record=False)
            except Exception as error:  # noqa: BLE001
                target.tally.notes.append('could not sign in again after %s: %s' % (label, error))


def schemathesis_config(base, args, labels, full):
    """The role's FULL operations get every phase and --max-examples cases (fewer for EXPENSIVE ones, without the
    coverage phase); the others only a few generated cases."""
    operations = []
    for label in sorted(labels):
        if label not in full:
            operations.append({
                'include-name': label, 'generation': {'max-examples': min(LIGHT_EXAMPLES, args.max_examples)},
                'phases': {'examples': {'enabled': False}, 'coverage': {'enabled': False}},
            })
        elif label in EXPENSIVE:
            operations.append({
                'include-name': label, 'generation': {'max-examples': min(EXPENSIVE[label], args.max_examples)},
                'phases': {'coverage': {'enabled': False}},
            })
    return schemathesis.Config.from_dict({
        'base-url': base,
        'workers': 1,
        'seed': args.seed,
        'suppress-health-check': ['all'],
        'request-timeout': 30,
        'warnings': False,
        'generation': {
            'max-examples': args.max_examples, 'with-security-parameters': False, 'database': 'none', 'no-shrink': True,
        },
        'phases': {
            'examples': {'enabled': True}, 'coverage': {'enabled': True, 'unexpected-methods': []},
            'fuzzing': {'enabled': True}, 'stateful': {'enabled': False},
        },
        'checks': {
            'enabled': False,
            'not_a_server_error': {'enabled': True},
            'status_code_conformance': {'enabled': True},
            'content_type_conformance': {'enabled': True},
            'response_schema_conformance': {'enabled': True},
        },
        'operations': operations,
    })


def restricted(document, labels):
    """The document with only these operations."""
    document = copy.deepcopy(document)
    for path, item in list(document['paths'].items()):
        for method in list(item):
            if method in ('get', 'put', 'post', 'delete', 'patch') and op_label(method, path) not in labels:
                del item[method]
        if not any(m in item for m in ('get', 'put', 'post', 'delete', 'patch')):
            del document['paths'][path]
    return document


def run_schemathesis(target, scenario, document, args):
    """Runs every operation of the document; after a crash restarts the server and goes on with what is left."""
    Fuzzing.target, Fuzzing.scenario = target, scenario
    Fuzzing.live_self_test = scenario.ids.get('live_self_test')
    all_labels = {op_label(m, p) for p, item in document['paths'].items() for m in item if m in ('get', 'put', 'post', 'delete', 'patch')}
    remaining = set(all_labels)
    while remaining:
        done = set()
        died_in = None
        config = schemathesis_config(target.base, args, remaining, FULL[target.role])
        schema = schemathesis.openapi.from_dict(restricted(document, remaining), config=config)
        for event in st_engine(schema).execute():
            if isinstance(event, st_events.ScenarioFinished):
                label = event.recorder.label
                done_label = label if label in all_labels else None
                for case_id, checks in event.recorder.checks.items():
                    for check in checks:
                        if str(check.status).lower().endswith('failure') and check.failure_info is not None:
                            failure = check.failure_info.failure
                            title = getattr(failure, 'title', None) or type(failure).__name__
                            interaction = event.recorder.interactions.get(case_id)
                            status = getattr(getattr(interaction, 'response', None), 'status_code', '?')
                            key = '%s: %s (%s)' % (check.name, title, status)
                            target.tally.check_failures[label][key] += 1
                            if len(target.tally.check_examples[label]) < 2:
                                request = getattr(interaction, 'request', None)
                                target.tally.check_examples[label].append('%s %s' % (getattr(request, 'method', ''), getattr(request, 'uri', '')))
                if done_label and str(event.phase) == 'fuzzing':
                    done.add(done_label)
            elif isinstance(event, st_events.NonFatalError):
                target.tally.notes.append('schemathesis error in %s: %s' % (event.label, str(event.value)[:200]))
            elif isinstance(event, st_events.FatalError):
                target.tally.notes.append('schemathesis fatal error: %s' % str(event.exception)[:300])
            elif isinstance(event, st_events.EngineFinished):
                if str(event.stop_reason).lower().endswith('server_unavailable') or not target.alive():
                    died_in = True
            if not target.alive():
                died_in = True
                break
        if not target.alive() or died_in:
            # The first request that got no answer is the one that killed it; a dying server writes its backtrace
            # before it exits.
            culprit = Fuzzing.first_network_error or target.inflight or ('(unknown)', 'schemathesis', '?')
            label, _, line = culprit
            deadline = time.monotonic() + 30
            while target.alive() and time.monotonic() < deadline:
                time.sleep(0.2)
            if target.alive():
                target.tally.broken.append((label, 'schemathesis', line, 'no answer, server still running'))
            else:
                target.record_death(label, 'schemathesis', line)
                target.restart()
                Fuzzing.live_self_test = ensure_live_self_test(target, scenario)
            Fuzzing.first_network_error = None
            # What ran to the end is done; the crashing operation is named and not run again.
            remaining -= done | {label}
            if label == '(unknown)':
                break
            continue
        break


def ensure_live_self_test(target, scenario):
    """A self-test in progress, so that answers reach the position checks."""
    if target.role != 'staff':
        return None
    status, body = target.me.call('POST', API + '/my/self-tests', body={'knowledgePoints': [], 'length': 5}, phase='setup')
    return body['id'] if status == 201 else None


# ---------------------------------------------------------------------------------------------------------------
# Edge pass: the known-good calls with one number at the 64-bit limits

def number_fields(schema, document, prefix=()):
    """(path to field, 'integer'|'number') for every numeric property of a request body schema."""
    while isinstance(schema, dict) and '$ref' in schema:
        schema = resolve(document, schema['$ref'])
    found = []
    if not isinstance(schema, dict):
        return found
    for key in ('anyOf', 'oneOf', 'allOf'):
        for sub in schema.get(key, []):
            found += number_fields(sub, document, prefix)
    kinds = schema.get('type')
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if 'integer' in kinds:
        found.append((prefix, 'integer'))
    elif 'number' in kinds:
        found.append((prefix, 'number'))
    for name, sub in (schema.get('properties') or {}).items():
        found += number_fields(sub, document, prefix + (name,))
    return found


def resolve(document, reference):
    node = document
    for part in reference.lstrip('#/').split('/'):
        node = node[part]
    return node


def set_in(body, path, value):
    if not path:
        return value
    body = copy.deepcopy(body) if body is not None else {}
    node = body
    for part in path[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[path[-1]] = value
    return body


def edge_pass(target, scenario, document):
    me = target.me
    for label, (params, body, query) in sorted(scenario.templates.items()):
        method, template = label.split(' ', 1)
        if label in ('DELETE /api/v1/session', 'POST /api/v1/session', 'POST /api/v1/me/password'):
            continue
        operation = document['paths'].get(template, {}).get(method.lower())
        if operation is None:
            continue
        # Path parameters as the fuzzing has them: live attempts, not the submitted ones of the scenario.
        live = dict(params)
        for name in live:
            values = Fuzzing.pool(label, name) if name != 'position' else None
            if values:
                live[name] = values[0]
        variants = []
        for parameter in operation.get('parameters', []):
            parameter = resolve(document, parameter['$ref']) if '$ref' in parameter else parameter
            kind = parameter['schema'].get('type')
            if parameter['in'] == 'path' and kind == 'integer':
                variants += [(parameter['name'], dict(live, **{parameter['name']: v}), body, query) for v in EDGE_INTEGERS]
            if parameter['in'] == 'query' and kind == 'integer':
                variants += [(parameter['name'], live, body, dict(query, **{parameter['name']: v})) for v in EDGE_INTEGERS]
        content = (operation.get('requestBody') or {}).get('content', {}).get('application/json')
        if content is not None and isinstance(body, dict):
            for path, kind in number_fields(content['schema'], document):
                if not path:
                    continue
                values = EDGE_INTEGERS if kind == 'integer' else EDGE_NUMBERS
                variants += [('.'.join(path), live, set_in(body, path, v), query) for v in values]
        for field, variant_params, variant_body, variant_query in variants:
            try:
                me.call(method, template, params=variant_params, body=variant_body, query=variant_query or None, phase='edge: ' + field)
            except ServerDied:
                target.restart()
                Fuzzing.live_self_test = ensure_live_self_test(target, scenario)


# ---------------------------------------------------------------------------------------------------------------

def run_role(role, args, document_path):
    tally = Tally(role)
    started = time.monotonic()
    target = Target(role, args.binary, tally, args.keep)
    try:
        target.start()
        if document_path:
            with open(document_path, encoding='utf-8') as file:
                document = json.load(file)
        else:
            response = requests.get(target.base + API + '/openapi.json', timeout=30)
            response.raise_for_status()
            document = response.json()
        target.document = document
        scenario = Scenario(target)
        try:
            scenario.run()
        except ServerDied:
            tally.notes.append('the server died during the known-good calls')
            target.restart()
        except Exception as error:  # noqa: BLE001
            tally.notes.append('known-good scenario stopped: %s\n%s' % (error, traceback.format_exc(limit=3)))
        scenario.ids.setdefault('live_self_test', ensure_live_self_test(target, scenario))
        for key in ('F', 'G', 'D2', 'AF', 'AG', 'R', 'TS', 'TC', 'TD2', 'E', 'E2', 'K', 'KA', 'KB', 'KP', 'KR', 'KU', 'county', 'village', 'root',
                    'staff_number', 'X', 'Y'):
            scenario.ids.setdefault(key, NOWHERE_ID)
        scenario.ids.setdefault('token', 'none')
        scenario.ids.setdefault('lessons', ['WK-NONE'])
        for key in ('RT', 'RH', 'SD', 'SC', 'SP', 'SU', 'SDEMO', 'SO', 'SO2', 'LA', 'SDAY'):
            scenario.ids.setdefault(key, NOWHERE_ID)
        run_schemathesis(target, scenario, document, args)
        if Fuzzing.relogins:
            tally.notes.append('signed in again %d times after a 401 during the fuzzing' % Fuzzing.relogins)
        edge_pass(target, scenario, document)
        if not target.alive():
            target.record_death('(after the run)', 'end', '-')
    finally:
        target.stop()
        tally.elapsed = time.monotonic() - started
    return tally


def print_report(tally, allowed):
    print('\n== %s (%.0f s) ==' % (tally.role, tally.elapsed))
    statuses = sorted({s for counter in tally.counts.values() for s in counter})
    width = max([len(op) for op in tally.counts] + [20])
    print('  %-*s  %s' % (width, 'operation', ' '.join('%5d' % s for s in statuses)) + '   2xx?')
    for op in sorted(tally.counts, key=lambda o: (o.split(' ', 1)[1], o)):
        counter = tally.counts[op]
        mark = ''
        if op in allowed:
            mark = 'ok' if any(200 <= s < 300 for s in counter) else 'MISSING'
        print('  %-*s  %s   %s' % (width, op, ' '.join(('%5d' % counter[s]) if counter[s] else '    .' for s in statuses), mark))
    if tally.helper_counts:
        print('  (helper sessions, setup only: %s)' % dict(sorted(tally.helper_counts.items())))
    for op, checks in sorted(tally.check_failures.items()):
        for check, n in sorted(checks.items()):
            print('  check  %s: %s ×%d' % (op, check, n))
        for example in tally.check_examples.get(op, []):
            print('           e.g. %s' % example[:200])
    for note in tally.notes:
        print('  note   ' + note)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--binary', default=os.path.join(ROOT, '.build', 'debug', 'lianbing'))
    parser.add_argument('--schema', default=None, help='OpenAPI file (default: GET /api/v1/openapi.json from the server)')
    parser.add_argument('--roles', default=','.join(ROLES))
    parser.add_argument('--max-examples', type=int, default=25)
    parser.add_argument('--seed', type=int, default=20261125)
    parser.add_argument('--keep', action='store_true', help='keep the databases and server logs')
    parser.add_argument('--log', help='write every request and its status to this file')
    parser.add_argument('--jobs', type=int, default=2, help='roles run at once (default 2)')
    args = parser.parse_args()
    if args.log:
        Tally.log = open(args.log, 'w', encoding='utf-8', buffering=1)
    args.binary = os.path.abspath(args.binary)
    if not os.access(args.binary, os.X_OK):
        sys.exit('no binary at %s (swift build first)' % args.binary)
    schema_path = os.path.abspath(args.schema) if args.schema else None
    print('API fuzz: %s, schemathesis %s, at most %d cases per operation' % (args.binary, schemathesis.__version__, args.max_examples))

    # A crashing server prints the crashed thread only, symbolicated: the reason and place go into the report.
    os.environ.setdefault('SWIFT_BACKTRACE', 'threads=crashed,registers=none,images=none')
    started = time.monotonic()
    failures = []
    roles = [r.strip() for r in args.roles.split(',') if r.strip()]
    sys.stdout.flush()
    # Each role in its own process: the run is mostly Python generating cases, so two at a time use both cores.
    with multiprocessing.get_context('fork').Pool(processes=max(1, min(args.jobs, len(roles)))) as pool:
        tallies = pool.imap(role_worker, [(role, args, schema_path) for role in roles])
        for role, tally in zip(roles, tallies):
            report(role, tally, failures)
    print('\nAPI fuzz took %.0f s' % (time.monotonic() - started))
    if failures:
        print('\nFAILED (%d):' % len(failures))
        for line in failures:
            print('  ' + line)
        sys.exit(1)
    print('passed: no 5xx, no broken connection, the server stayed up, every allowed operation answered 2xx')


def role_worker(work):
    role, args, schema_path = work
    try:
        return run_role(role, args, schema_path)
    except Exception as error:  # noqa: BLE001
        tally = Tally(role)
        tally.notes.append('the run stopped: %s\n%s' % (error, traceback.format_exc()))
        tally.broken.append(('(run)', 'setup', '-', str(error)))
        return tally


def report(role, tally, failures):
    allowed = ALLOWED[role]
    print_report(tally, allowed)
    sys.stdout.flush()
    for op, phase, line, status, body in tally.server_errors:
        failures.append('%s: %s answered %d (%s): %s %s' % (role, op, status, phase, line, body.decode('utf-8', 'replace')[:160]))
    for op, phase, line, code, why in tally.deaths:
        failures.append('%s: the server DIED (exit %s) on %s (%s): %s\n      %s' % (role, code, op, phase, line, why))
    for op, phase, line, error in tally.broken:
        failures.append('%s: the connection broke on %s (%s): %s %s' % (role, op, phase, line, error))
    for op in sorted(allowed):
        if not any(200 <= s < 300 for s in tally.counts.get(op, {})):
            failures.append('%s: %s never answered 2xx' % (role, op))
    for op, checks in sorted(tally.check_failures.items()):
        for check, n in sorted(checks.items()):
            if not check.startswith('not_a_server_error'):  # 5xx are counted above
                failures.append('%s: %s failed %s ×%d (the document and the server disagree)' % (role, op, check, n))


if __name__ == '__main__':
    main()
