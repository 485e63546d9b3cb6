#!/usr/bin/env python3
"""Real-browser tests of the staff pages: Selenium drives headless Chromium against the debug `lianbing` binary,
serving a throw-away demo database on a free loopback port. Builds nothing (run it after
`swift build --build-tests`); keeps one screenshot per step and prints their folder; exits non-zero on failure.

    python3 Tests/Browser/run.py [--bin PATH] [--only TEST ...]
"""
import argparse
import os
import shutil
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from browser import Browser  # noqa: E402
from server import Server  # noqa: E402
import test_admin  # noqa: E402
import test_bank_edit  # noqa: E402
import test_bank_import  # noqa: E402
import test_certificate  # noqa: E402
import test_contest  # noqa: E402
import test_deadline  # noqa: E402
import test_escape  # noqa: E402
import test_exam  # noqa: E402
import test_home  # noqa: E402
import test_keyboard  # noqa: E402
import test_offline  # noqa: E402
import test_office_exports  # noqa: E402
import test_overview  # noqa: E402
import test_phone  # noqa: E402
import test_practice  # noqa: E402
import test_rating  # noqa: E402
import test_review  # noqa: E402
import test_roster  # noqa: E402
import test_school  # noqa: E402
import test_selection  # noqa: E402
import test_speed  # noqa: E402
import test_training  # noqa: E402
import test_upload  # noqa: E402
import test_wrongbook  # noqa: E402

# In order: the phone starts the demo exam that the desktop then resumes as a second device and submits, and whose
# released result the review test asks to have reviewed; the offline test, after them so that its exam is not the
# one they resume, takes and submits its own; the speed test opens
# the 100-question exam the keyboard test takes; the training test makes its own session; the contest test runs the
# demo contest's buzzer round; the selection test makes and finalises its own selection; the school test moves the
# server's clock forward and back; the practice test, after it so that its wrong answers stay out of the school's
# 今日复习, gets a knowledge point wrong and practises it; the home test makes its own exams and an account, late so
# that no earlier test meets them; the upload test imports experts and a session of its own from workbooks, late for the
# same reason; the bank-import test adds two questions of its own, late too; the bank-edit test
# corrects a key and regrades last quarter's released exam, late so that no earlier test meets the changed scores; the
# roster test moves one of the county's staff and marks another as left, late so that no earlier test meets them; the
# escape test, last, adds a hostile question to the bank.
TESTS = [test_wrongbook, test_phone, test_exam, test_review, test_deadline, test_offline, test_speed, test_keyboard, test_admin, test_training, test_contest, test_certificate, test_rating, test_selection, test_school, test_overview, test_practice, test_home, test_upload, test_bank_import, test_office_exports, test_bank_edit, test_roster, test_escape]


class Context:
    """What a test gets: the server, a way to open browsers, and what earlier tests left for later ones."""

    def __init__(self, server, shots):
        self.server = server
        self.shots = shots
        self.root = ROOT
        self.browsers = []
        self.reports = []
        self.demo_attempt = None
        self.hundred_attempt = None
        self.phone_answers = {}

    def browser(self, prefix, phone=False):
        browser = Browser(self.server.url, self.shots, prefix, phone=phone)
        self.browsers.append(browser)
        return browser

    def report(self, line):
        print('    ' + line)
        self.reports.append(line)

    def close_browsers(self, failed):
        for browser in self.browsers:
            try:
                if failed:
                    browser.shot('failure')
                browser.quit()
            except Exception:  # a browser that already died has nothing more to show
                pass
        self.browsers = []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--bin', default=os.environ.get('LIANBING_BIN', os.path.join(ROOT, '.build', 'debug', 'lianbing')))
    parser.add_argument('--only', nargs='+', metavar='TEST', help='run only these tests (e.g. test_escape); later '
                        'tests that rely on an earlier one fail without it')
    arguments = parser.parse_args()
    if not os.access(arguments.bin, os.X_OK):
        sys.exit('%s is missing: build first (swift build --build-tests)' % arguments.bin)

    shots = os.path.join(ROOT, '.build', 'browser-screenshots', time.strftime('%Y%m%d-%H%M%S'))
    os.makedirs(shots)
    workdir = tempfile.mkdtemp(prefix='lianbing-browser-')
    server = Server(arguments.bin, ROOT, workdir)
    passed = failed = 0
    started = time.monotonic()
    try:
        server.start()
        context = Context(server, shots)
        for test in [t for t in TESTS if not arguments.only or t.__name__ in arguments.only]:
            began = time.monotonic()
            ok = False
            try:
                test.run(context)
                ok = True
            except Exception:
                traceback.print_exc()
            finally:
                context.close_browsers(failed=not ok)
            passed, failed = passed + ok, failed + (not ok)
            print('%s %s (%.1f s)' % ('PASS' if ok else 'FAIL', test.__name__, time.monotonic() - began), flush=True)
            if server.process is None:
                server.start(demo=False)  # a test that failed during an outage leaves the server down
    finally:
        server.stop()
    print('browser tests took %.0f s; screenshots: %s' % (time.monotonic() - started, shots))
    if failed:
        print('server log kept in %s' % workdir)
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
