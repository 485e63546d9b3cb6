"""A 100-question paper is interactive within a second: from navigation start until the first question is drawn
and its options take a click (the page's own `lianbing-ready` mark)."""
from selenium.webdriver.support.ui import Select

LIMIT_MS = 1000


def run(ctx):
    page = ctx.browser('speed')
    page.log_in('staff')
    page.get('/my/practice')
    Select(page.find('select[name=length]')).select_by_value('100')
    page.button('开始自测').click()
    page.wait_ready('#practice')
    assert '共 100 题' in page.text('#practice-heading')
    page.driver.get(page.driver.current_url)
    page.wait_ready('#practice')
    ready = page.js("return performance.getEntriesByName('lianbing-ready')[0].startTime")
    option = page.finds('#practice-answer label.option')[0]
    option.click()
    assert 'chosen' in option.get_attribute('class'), 'the first option did not take a click'
    page.shot('hundred-question-self-test')
    ctx.report('100-question self-test interactive after %.0f ms (limit %d ms)' % (ready, LIMIT_MS))
    assert ready < LIMIT_MS, '100-question paper took %.0f ms to become interactive' % ready
