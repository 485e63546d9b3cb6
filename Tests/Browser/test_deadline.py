"""A short exam runs out: at the server's deadline the page stops taking input, the server submits the attempt
itself, and the answer given before is kept."""
from datetime import timedelta

from exams import blueprint, publish_for_staff, start_in_browser

TITLE = '浏览器测试：限时考核'


def run(ctx):
    publish_for_staff(ctx, TITLE, blueprint(ctx, '季度集中考核.txt'), timedelta(seconds=35))
    page = ctx.browser('deadline')
    page.log_in('staff')
    attempt = start_in_browser(page, TITLE)
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
