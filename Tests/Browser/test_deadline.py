"""A short exam runs out: at the server's deadline the page stops taking input, the server submits the attempt
itself, and the answer given before is kept."""
import os
from datetime import datetime, timedelta, timezone

from selenium.webdriver.common.by import By

from api import Api

TITLE = '浏览器测试：限时考核'


def run(ctx):
    staff_unit = Api(ctx.server.url, 'staff').me['unit']['code']
    with open(os.path.join(ctx.root, 'Blueprints', '季度集中考核.txt'), encoding='utf-8') as file:
        blueprint = file.read()
    now = datetime.now(timezone.utc)
    stamp = lambda moment: moment.strftime('%Y-%m-%dT%H:%M:%SZ')
    trainer = Api(ctx.server.url, 'trainer')
    exam = trainer.call('POST', '/api/v1/exams', {
        'title': TITLE, 'blueprint': blueprint, 'unitCode': staff_unit, 'posts': [],
        'opensAt': stamp(now - timedelta(minutes=1)), 'closesAt': stamp(now + timedelta(seconds=35)),
        'durationMinutes': 30, 'passMark': 60, 'certifies': False,
        'review': {'content': 'answers', 'timing': 'immediately'}})
    trainer.call('POST', '/api/v1/exams/%d/publish' % exam['id'], {})

    page = ctx.browser('deadline')
    page.log_in('staff')
    page.get('/my/exams')
    row = page.driver.find_element(By.XPATH, "//li[contains(., '%s')]" % TITLE)
    page.click_confirming(page.button('开始考试', row))
    page.wait_ready()
    attempt = int(page.driver.current_url.rstrip('/').split('/')[-1])
    kept = page.answer_current(0)
    page.wait(lambda: '已保存' in page.save_state(), message='the answer was not saved')
    left = page.remaining_seconds()
    assert 0 < left <= 36, 'the deadline is the window close, %ss away, not %ss' % (35, left)
    page.shot('answered-before-deadline')

    page.wait(lambda: page.js("var t = document.getElementById('take'); return !!t && t.classList.contains('locked')"),
              timeout=left + 10, message='the page did not lock at the deadline')
    assert page.js("return document.querySelector('#take-answer fieldset').disabled"), 'input still accepted after the deadline'
    assert '时间到' in page.text('#take-timer')
    page.shot('time-up-locked')

    page.wait(lambda: page.finds('[data-finished-attempt]'), timeout=30, message='the page did not show the submitted attempt')
    assert '到时自动交卷' in page.text('main')
    page.shot('auto-submitted')
    view = page.fetch_json('/api/v1/my/attempts/%d' % attempt)
    assert view['state'] == 'auto-submitted', view['state']
    assert view['items'][0]['response'] == kept, 'the answer given before the deadline was lost: %r' % view['items'][0]
