"""The demo centralised exam on a second device (desktop, where the navigator sits beside the question and the page
uses the width): it resumes with the phone's answers, survives a reload
with the timer intact, a second tab and a dropped server with answers queued, is submitted, and shows its result once an
administrator releases it."""
from datetime import datetime

from selenium.webdriver.common.by import By

from api import Api


def server_answers(browser, attempt):
    view = browser.fetch_json('/api/v1/my/attempts/%d' % attempt)
    return view, {item['position']: item.get('response') for item in view['items']}


def go_to(browser, position):
    browser.find('#take-grid button[data-position="%d"]' % position).click()
    browser.wait(lambda: browser.current_position() == position)


def answered_positions(browser):
    return set(browser.js("return Array.from(document.querySelectorAll('#take-grid button.answered'))"
                          ".map(b => Number(b.dataset.position))"))


def run(ctx):
    desk = ctx.browser('exam')
    desk.log_in('staff')
    desk.get('/my/exams')
    desk.button('继续作答').click()
    desk.wait_ready()
    attempt = int(desk.driver.current_url.rstrip('/').split('/')[-1])
    assert attempt == ctx.demo_attempt, 'resumed attempt %s, the phone started %s' % (attempt, ctx.demo_attempt)
    expected = dict(ctx.phone_answers)
    assert set(expected) <= answered_positions(desk), 'the phone\'s answers are not shown on the second device'
    desk.shot('resumed-on-second-device')
    layout = desk.js("var q = document.getElementById('take-question').getBoundingClientRect(),"
                     " n = document.querySelector('.take-nav').getBoundingClientRect();"
                     " return {question: [q.left, q.right, q.top], nav: [n.left, n.right, n.top],"
                     " width: document.documentElement.clientWidth}")
    assert layout['question'][1] <= layout['nav'][0] and abs(layout['question'][2] - layout['nav'][2]) < 2, \
        'on a desktop the navigator is not beside the question: %r' % layout
    assert layout['nav'][1] - layout['question'][0] >= 0.85 * layout['width'] - 40, 'the desktop layout does not use the width: %r' % layout

    for position in (2, 3, 4):
        go_to(desk, position)
        expected[position] = desk.answer_current(position)
    desk.find('#take-flag').click()
    desk.wait(lambda: '已保存' in desk.save_state(), message='answers were not saved')
    desk.shot('five-answered-one-flagged')

    desk.driver.refresh()
    desk.wait_ready()
    view, saved = server_answers(desk, attempt)
    expected_left = (parse(view['deadline']) - parse(view['serverTime'])).total_seconds()
    shown_left = desk.remaining_seconds()
    assert abs(shown_left - expected_left) <= 3, 'timer shows %ss, the server says %ss' % (shown_left, expected_left)
    assert desk.current_position() == 4, 'reload did not come back to the same question'
    assert desk.find('#take-flag').get_attribute('aria-pressed') == 'true', 'the review mark was lost'
    assert set(expected) <= answered_positions(desk), 'answers missing after reload'
    for position, response in expected.items():
        assert saved[position] == response, 'server holds %r for %d, expected %r' % (saved[position], position, response)
    desk.shot('reloaded-answers-and-timer-intact')

    # A second tab on the attempt: its answer reaches the first tab, which reports the time it was hidden.
    first, url = desk.driver.current_window_handle, desk.driver.current_url
    desk.driver.switch_to.new_window('tab')
    desk.driver.get(url)
    desk.wait_ready()
    go_to(desk, 7)
    expected[7] = desk.answer_current(7)
    desk.wait(lambda: '已保存' in desk.save_state(), message='the second tab did not save')
    desk.driver.close()
    desk.driver.switch_to.window(first)
    desk.wait(lambda: 7 in answered_positions(desk), message="the first tab did not pick up the second tab's answer")
    desk.wait(lambda: desk.js("return performance.getEntriesByType('resource').some(e => e.name.endsWith('/hidden'))"),
              message='the time the page was hidden was not reported')
    desk.shot('second-tab-kept-in-step')

    ctx.server.kill()
    for position in (5, 6):
        go_to(desk, position)
        expected[position] = desk.answer_current(position)
    desk.wait(lambda: '离线' in desk.save_state(), timeout=30, message='no offline state with the server gone')
    assert {'5', '6'} <= set(desk.local_queue(attempt)), 'unsaved answers are not queued locally'
    desk.shot('offline-answers-queued')

    ctx.server.start(demo=False)
    desk.wait(lambda: '已保存' in desk.save_state(), timeout=30, message='queued answers were not re-sent')
    view, saved = server_answers(desk, attempt)
    for position in (5, 6):
        assert saved[position] == expected[position], 'server holds %r for %d after reconnecting' % (saved[position], position)
    assert desk.local_queue(attempt) == {}
    desk.shot('back-online-saved')

    desk.find('#take-submit').click()
    desk.wait(lambda: desk.find('#take-dialog').is_displayed())
    assert '未作答' in desk.text('#take-dialog-body')
    desk.shot('submit-confirmation')
    desk.find('#take-confirm').click()
    desk.wait(lambda: desk.finds('[data-finished-attempt]'), timeout=20, message='no result page after submitting')
    assert '成绩尚未公布' in desk.text('main')
    desk.shot('submitted-waiting-for-release')

    admin = Api(ctx.server.url, 'admin')
    exam = view['examId']
    admin.call('POST', '/api/v1/exams/%d/close' % exam, {})
    for item in admin.call('GET', '/api/v1/marking?exam=%d' % exam):
        admin.call('POST', '/api/v1/marking/%d/%d' % (item['attemptId'], item['position']), {'score': min(item['points'], 4)})
    admin.call('POST', '/api/v1/exams/%d/release' % exam, {})
    desk.driver.refresh()
    page = desk.text('main')
    assert '/ 100 分' in page and '解析：' in page, 'the released result does not show score and keys'
    desk.shot('released-result')
    desk.get('/my/record')
    item = desk.driver.find_element(By.XPATH, "//li[contains(@class, 'my-item')][.//h3[normalize-space()='%s']]" % view['title'])
    assert '成绩已发布' in item.text, 'the record does not say the results are out: %r' % item.text
    desk.shot('record')


def parse(stamp):
    return datetime.fromisoformat(stamp.replace('Z', '+00:00'))
