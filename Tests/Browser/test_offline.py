"""The exam page is for the exam (a 360-px phone): 我的考试 tells the questions, total points and pass mark before
starting; while the attempt is in progress the page shows no site menu and asks before it is left; reloaded with the
network cut it opens from the browser's copy (sw.js; 127.0.0.1 counts as a secure origin) with the answer given
offline, which reaches the server once the network is back; the result tells the paper again and the copy is gone."""
import re
from datetime import timedelta

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from api import Api
from exams import blueprint, publish_for_staff, start_in_browser
from test_phone import fits

TITLE = '浏览器测试：离线重载'
PAPER = re.compile(r'共 \d+ 题 · 满分 \d+ 分 · 及格 60 分')


def network(browser, online):
    browser.driver.execute_cdp_cmd('Network.enable', {})
    browser.driver.execute_cdp_cmd('Network.emulateNetworkConditions', {
        'offline': not online, 'latency': 0, 'downloadThroughput': -1, 'uploadThroughput': -1})


def kept_copy(browser):
    return browser.driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "caches.match(location.pathname).then(function (r) { done(!!r); }, function () { done(false); });")


def answer_shown(browser, position):
    return browser.js("return document.querySelector('#take-grid button[data-position=\"%d\"]').classList.contains('answered')" % position)


def run(ctx):
    publish_for_staff(ctx, TITLE, blueprint(ctx, '季度集中考核.txt'), timedelta(minutes=20))
    phone = ctx.browser('offline', phone=True)
    phone.log_in('staff')
    phone.get('/my/exams')
    row = phone.driver.find_element(By.XPATH, "//li[contains(., '%s')]" % TITLE)
    assert PAPER.search(row.text), 'questions, points and pass mark missing before the start: %r' % row.text
    attempt = start_in_browser(phone, TITLE)
    assert not phone.finds('.mainnav') and not phone.finds('a[href="/my/practice"]'), 'the site menu shows during the exam'
    fits(phone, 'the exam page')
    phone.shot('exam-without-menu')

    phone.find('#page-exit').click()
    prompt = WebDriverWait(phone.driver, 3).until(lambda d: d.switch_to.alert)
    assert '确定离开' in prompt.text, prompt.text
    prompt.dismiss()
    assert phone.driver.current_url.endswith('/my/attempts/%d' % attempt), 'staying did not keep the exam'
    assert phone.js("var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented"), \
        'leaving by the back button or closing the tab would not ask'

    phone.wait(lambda: kept_copy(phone), timeout=20, message='the service worker kept no copy of the exam page')
    # One answer saved after the copy was made, one given offline: the reloaded copy must show both.
    online_answer = phone.answer_current(0)
    phone.wait(lambda: '已保存' in phone.save_state(), message='the answer was not saved')
    phone.find('#take-next').click()
    network(phone, online=False)
    position = phone.current_position()
    given = phone.answer_current(1)
    phone.wait(lambda: '离线' in phone.save_state(), timeout=20, message='no offline state with the network cut')
    assert str(position) in phone.local_queue(attempt), 'the answer given offline is not queued'
    phone.shot('answered-offline')

    # DevTools' offline mode cuts the page but not its service worker, which would still reach the server: the
    # server goes too (as in test_exam), so the page that opens can only be the copy.
    ctx.server.kill()
    phone.driver.refresh()
    phone.wait_ready()
    assert phone.js("return performance.getEntriesByType('navigation')[0].serverTiming.map(t => t.name)") == ['offline-copy']
    assert phone.current_position() == position and answer_shown(phone, position), 'the queued answer is not shown after the reload'
    assert answer_shown(phone, position - 1), 'the answer saved before the cut is missing from the copy'
    assert phone.finds('#take-answer .option.chosen, #take-answer input[type=text], #take-answer textarea'), 'the question is not shown'
    phone.wait(lambda: '离线' in phone.save_state(), timeout=20, message='the copy does not say the answer is unsaved')
    phone.shot('reloaded-offline')

    ctx.server.start(demo=False)
    network(phone, online=True)
    phone.wait(lambda: '已保存' in phone.save_state(), timeout=30, message='the queued answer was not sent once back online')
    items = phone.fetch_json('/api/v1/my/attempts/%d' % attempt)['items']
    assert [items[position - 1].get('response'), items[position].get('response')] == [online_answer, given], items[:position + 1]
    phone.wait(lambda: '已答 2 /' in phone.text('#take-counts'), timeout=10, message='back online, the page lost an answer')
    phone.shot('back-online-saved')

    phone.find('#page-exit').click()
    WebDriverWait(phone.driver, 3).until(lambda d: d.switch_to.alert).accept()
    phone.wait(lambda: phone.driver.current_url.endswith('/my/exams') and phone.finds('.mainnav'), message='leaving did not lead to 我的考试')
    Api(ctx.server.url, 'staff').call('POST', '/api/v1/my/attempts/%d/submit' % attempt, {})
    phone.get('/my/attempts/%d' % attempt)
    phone.wait(lambda: phone.finds('[data-finished-attempt]'), message='no result page')
    assert PAPER.search(phone.text('main')), 'questions, points and pass mark missing from the result'
    phone.wait(lambda: not kept_copy(phone), message='the copy outlived the attempt')
    phone.shot('result')
