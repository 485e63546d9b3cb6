"""The JSON API as an administrator or trainer drives it, for the steps a staff page cannot take."""
import http.cookiejar
import json
import urllib.error
import urllib.request


class Api:
    def __init__(self, base, username, password='lianbing-demo'):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = None
        me = self.call('POST', '/api/v1/session', {'username': username, 'password': password})
        self.csrf = me['csrfToken']
        self.me = me

    def call(self, method, path, body=None, expect=(200, 201, 204)):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header('Accept', 'application/json')
        if data is not None:
            request.add_header('Content-Type', 'application/json')
        if self.csrf and method != 'GET':
            request.add_header('X-CSRF-Token', self.csrf)
        try:
            with self.opener.open(request, timeout=30) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode()
        if status not in expect:
            raise AssertionError('%s %s answered %s: %s' % (method, path, status, text[:300]))
        return json.loads(text) if text else None
