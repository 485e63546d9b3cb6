"""The lianbing server under test: the debug binary on a throw-away demo database, on a free loopback port."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request


class Server:
    def __init__(self, binary, root, workdir):
        self.binary = binary
        self.root = root
        self.db = os.path.join(workdir, 'browser.sqlite')
        self.log = open(os.path.join(workdir, 'server.log'), 'ab')
        self.port = free_port()
        self.url = 'http://127.0.0.1:%d' % self.port
        self.process = None
        # The debug binary adds the seconds in this file to its clock (see DatabaseOptions.clock).
        self.clock_file = os.path.join(workdir, 'clock-offset')
        self.clock_offset = 0

    def start(self, demo=True):
        """Starts from the repository root, so `--demo` imports QuestionBank/ and makes the demo exams. A restart
        on the same database leaves out `--demo`, which would move the demo exam's window."""
        # The public address is the server's own, so the QR codes printed on certificates lead back to it.
        command = [self.binary, 'serve', '--db', self.db, '--port', str(self.port), '--public-url', self.url] + (['--demo'] if demo else [])
        environment = dict(os.environ, LIANBING_DEBUG_CLOCK_OFFSET_FILE=self.clock_file)
        self.process = subprocess.Popen(command, cwd=self.root, stdout=self.log, stderr=subprocess.STDOUT, env=environment)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError('lianbing exited with %s; see %s' % (self.process.returncode, self.log.name))
            try:
                with urllib.request.urlopen(self.url + '/healthz', timeout=2) as response:
                    if json.load(response).get('status') == 'ok':
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError('lianbing did not answer /healthz within 180 s')

    def advance_clock(self, seconds):
        """Moves the server's clock forward by `seconds` (0 puts it back): the next read of the clock sees it."""
        self.clock_offset = self.clock_offset + seconds if seconds else 0
        with open(self.clock_file, 'w') as file:
            file.write(str(self.clock_offset))

    def kill(self):
        """SIGKILL: the connection drops as on a crashed server or a cut cable, with no goodbye."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None


def free_port():
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]
