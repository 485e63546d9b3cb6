"""Headless Chromium through Selenium, with the few moves the staff pages need."""
import base64
import json
import os
import re

from selenium import webdriver
from selenium.common.exceptions import (
    JavascriptException, NoAlertPresentException, NoSuchElementException, StaleElementReferenceException, TimeoutException,
    WebDriverException)
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = os.environ.get('LIANBING_CHROMIUM', '/usr/bin/chromium')
CHROMEDRIVER = os.environ.get('LIANBING_CHROMEDRIVER', '/usr/bin/chromedriver')


class Browser:
    """One device: its own profile (cookies, localStorage), phone-sized or desktop-sized."""

    def __init__(self, base, shots, prefix, phone=False):
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--lang=zh-CN'):
            options.add_argument(argument)
        if phone:
            # The window cannot be narrower than ~500 px; emulation gives a true 360-px layout viewport.
            options.add_experimental_option('mobileEmulation', {'deviceMetrics': {'width': 360, 'height': 740, 'pixelRatio': 2}})
        else:
            options.add_argument('--window-size=1280,900')
        self.driver = webdriver.Chrome(service=webdriver.ChromeService(CHROMEDRIVER), options=options)
        self.base = base
        self.shots = shots
        self.prefix = prefix
        self.step = 0

    def quit(self):
        self.driver.quit()

    def shot(self, name):
        self.step += 1
        path = os.path.join(self.shots, '%s-%02d-%s.png' % (self.prefix, self.step, name))
        self.driver.save_screenshot(path)
        return path

    def get(self, path):
        self.driver.get(self.base + path)

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def fetch_json(self, path):
        """A GET with this browser's own session, as the page itself would make it."""
        return self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.json()).then(done, e => done({error: String(e)}));", path)

    def fetch_bytes(self, path):
        """A download fetched with this browser's session: its bytes, carried out of the page as base64."""
        encoded = self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.blob())"
            ".then(b => new Promise(ok => { var f = new FileReader(); f.onload = () => ok(f.result.split(',')[1]); f.readAsDataURL(b); }))"
            ".then(done, e => done('error:' + e));", path)
        assert not encoded.startswith('error:'), encoded
        return base64.b64decode(encoded)

    def wait(self, condition, timeout=15, message=''):
        """Polls `condition` until it holds on a fully loaded page; an element that vanished or went stale, or a
        script cut short, because the page was still navigating just means "not yet"."""
        def settled(driver):
            try:
                return condition() and self.js('return document.readyState') == 'complete'
            except WebDriverException as error:
                # Chromium's wording for an element read while its page was being replaced: not yet, as stale is.
                if 'does not belong to the document' in str(error):
                    return False
                raise
        return WebDriverWait(self.driver, timeout, poll_frequency=0.1, ignored_exceptions=(
            JavascriptException, NoSuchElementException, StaleElementReferenceException)).until(settled, message)

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def finds(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def text(self, css):
        return self.find(css).text

    def log_in(self, username):
        self.get('/login')
        self.find('input[name=username]').send_keys(username)
        self.find('input[name=password]').send_keys('lianbing-demo')
        self.find('form button[type=submit]').click()
        self.wait(lambda: '/login' not in self.driver.current_url, message='login did not leave the login page')

    def click_confirming(self, element):
        """Clicks a button whose form asks `window.confirm` first, and agrees."""
        element.click()
        try:
            WebDriverWait(self.driver, 3).until(lambda d: d.switch_to.alert)
            self.driver.switch_to.alert.accept()
        except (TimeoutException, NoAlertPresentException):
            pass

    def button(self, label, within=None):
        xpath = ".//button[contains(normalize-space(.), '%s')]" % label
        return (within or self.driver).find_element(By.XPATH, xpath)

    def scroll_width(self):
        return self.js('return document.documentElement.scrollWidth')

    # ---- the taking page ----

    def wait_ready(self, root='#take'):
        self.wait(lambda: self.js("var r = document.querySelector(arguments[0]); return !!r && r.dataset.ready === '1'", root),
                  message='%s never became ready' % root)

    def current_position(self):
        return int(re.search(r'第 (\d+) 题', self.text('#take-heading')).group(1)) - 1

    KINDS = {'单选题': 'single', '多选题': 'multiple', '判断题': 'truefalse', '填空题': 'blank', '简答题': 'short'}

    def current_kind(self, heading='#take-heading'):
        return self.KINDS[self.js("return document.querySelector(arguments[0] + ' .tag').textContent", heading)]

    def answer_current(self, variant=0, root='#take-answer', heading='#take-heading'):
        """Answers the question on screen whatever its type; returns the response the API should then hold."""
        kind = self.current_kind(heading)
        if kind in ('single', 'multiple', 'truefalse'):
            options = self.finds(root + ' label.option')
            chosen = variant % len(options)
            options[chosen].click()
            return {'trueFalse': chosen == 0} if kind == 'truefalse' else {'choices': [chosen]}
        if kind == 'blank':
            values = []
            for index, box in enumerate(self.finds(root + ' input[type=text]')):
                values.append('答案%d-%d' % (variant, index + 1))
                box.clear()
                box.send_keys(values[-1])
            return {'blanks': values}
        text = '简答作答 %d：按规定程序办理。' % variant
        area = self.find(root + ' textarea')
        area.clear()
        area.send_keys(text)
        return {'text': text}

    def save_state(self):
        return self.text('#take-state')

    def remaining_seconds(self):
        text = self.text('#take-timer')
        parts = [int(p) for p in re.findall(r'\d+', text)]
        seconds = 0
        for part in parts:
            seconds = seconds * 60 + part
        return seconds

    def local_queue(self, attempt):
        return json.loads(self.js("return localStorage.getItem(arguments[0]) || '{}'", 'lb.take.%s.queue' % attempt))
