"""A county administrator in the browser: creates an exam from the shipped blueprint with the feasibility report
shown before saving, edits the draft and publishes it; watches the staff member take it on the monitor (in
progress, answered count, the time the page was hidden) and extends their time, which their open page picks up;
then closes the exam (the open page locks and shows the submitted attempt), releases the results, filters and
exports them (CSV and the Excel workbook, opened with openpyxl), and opens the item statistics."""
from datetime import datetime, timedelta, timezone

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import workbook
from api import Api
from exams import start_in_browser

TITLE = '浏览器测试：管理员新建考核'
CHINA = timezone(timedelta(hours=8))


def set_value(page, name, value):
    """datetime-local inputs take keystrokes in the browser's locale format; setting the value is what a picker does."""
    page.js("var e = document.querySelector('[name=' + arguments[0] + ']'); e.value = arguments[1];"
            " e.dispatchEvent(new Event('change', {bubbles: true}))", name, value)


def run(ctx):
    admin = ctx.browser('admin')
    admin.log_in('county')
    admin.get('/exams/new')
    admin.find('input[name=title]').send_keys(TITLE.replace('新建', '草拟'))
    Select(admin.find('select[name=blueprint_file]')).select_by_value('季度集中考核.txt')
    now = datetime.now(CHINA)
    set_value(admin, 'opens_at', (now - timedelta(minutes=5)).strftime('%Y-%m-%dT%H:%M'))
    set_value(admin, 'closes_at', (now + timedelta(hours=3)).strftime('%Y-%m-%dT%H:%M'))
    duration = admin.find('input[name=duration_minutes]')
    duration.clear()
    duration.send_keys('30')
    admin.find('button[name=action][value=check]').click()
    admin.wait(lambda: admin.finds('#report'), message='no feasibility report')
    report = admin.text('#report')
    assert '组卷规则可行' in report and '每份试卷 36 题' in report, report
    assert admin.find('input[name=title]').get_attribute('value') == TITLE.replace('新建', '草拟'), 'the check lost what was typed'
    admin.shot('feasibility-report')

    admin.find('button[name=action][value=save]').click()
    admin.wait(lambda: '考试已创建为草稿' in admin.text('main'), message='the draft was not saved')
    exam = int(admin.driver.current_url.split('/exams/')[1].split('?')[0])
    admin.driver.find_element(By.LINK_TEXT, '修改设置').click()
    admin.wait(lambda: admin.driver.current_url.endswith('/edit'), message='修改设置 did not open the form')
    title = admin.find('input[name=title]')
    title.clear()
    title.send_keys(TITLE)
    admin.find('button[name=action][value=save]').click()
    admin.wait(lambda: '草稿已保存' in admin.text('main'), message='the edit was not saved')
    assert TITLE in admin.text('h1')
    admin.click_confirming(admin.button('发布考试'))
    admin.wait(lambda: '考试已发布' in admin.text('main'), message='the exam was not published')
    admin.shot('published')

    staff = ctx.browser('admin-staff')
    staff.log_in('staff')
    attempt = start_in_browser(staff, TITLE)
    staff.answer_current(0)
    staff.wait(lambda: '已保存' in staff.save_state(), message='the answer was not saved')
    first, url = staff.driver.current_window_handle, staff.driver.current_url
    staff.driver.switch_to.new_window('tab')
    staff.driver.get(url)
    staff.driver.close()
    staff.driver.switch_to.window(first)
    staff.wait(lambda: staff.js("return performance.getEntriesByType('resource').some(e => e.name.endsWith('/hidden'))"),
               message='the hidden time was not reported')
    before = staff.fetch_json('/api/v1/my/attempts/%d' % attempt)['deadline']

    number = Api(ctx.server.url, 'staff').me['staffNumber']
    admin.get('/exams/%d?standing=in-progress' % exam)
    row = admin.driver.find_element(By.XPATH, "//tr[td[normalize-space()='%s']]" % number)
    cells = [cell.text for cell in row.find_elements(By.TAG_NAME, 'td')]
    assert '作答中' in cells[3] and cells[4].startswith('1/36'), cells
    assert '1 次' in cells[6], 'the monitor does not show the time the page was hidden: %r' % cells
    admin.js('arguments[0].scrollIntoView({block: "center"})', row)
    admin.shot('monitor-in-progress')

    admin.get('/exams/%d/candidates/%s' % (exam, number))
    minutes = admin.find('input[name=extra_minutes]')
    minutes.clear()
    minutes.send_keys('15')
    admin.find('form[action$="/override"] button').click()
    admin.wait(lambda: '已调整' in admin.text('main'), message='the extension was not saved')
    admin.shot('time-extended')

    after = staff.fetch_json('/api/v1/my/attempts/%d' % attempt)['deadline']
    gained = (parse(after) - parse(before)).total_seconds()
    assert gained == 900, 'the deadline moved by %ss, not 15 minutes' % gained
    shown = staff.remaining_seconds()
    staff.driver.switch_to.new_window('tab')
    staff.driver.close()
    staff.driver.switch_to.window(first)
    staff.wait(lambda: staff.remaining_seconds() > shown + 800, message='the open page did not pick up the extra time')
    staff.shot('extra-time-on-the-page')

    admin.get('/exams/%d' % exam)
    admin.click_confirming(admin.button('立即结束考试'))
    admin.wait(lambda: '考试已结束' in admin.text('main'), message='the exam was not closed')
    in_progress = admin.driver.find_element(By.XPATH, "//a[contains(@class, 'tile')][span[normalize-space()='作答中']]/strong").text
    assert in_progress == '0', '%s attempts still in progress after the close' % in_progress
    staff.driver.switch_to.new_window('tab')
    staff.driver.close()
    staff.driver.switch_to.window(first)
    staff.wait(lambda: staff.finds('[data-finished-attempt]'), timeout=30, message='the open page did not end with the close')
    staff.shot('closed-while-open')
    admin.click_confirming(admin.button('发布成绩'))
    admin.wait(lambda: '成绩已发布' in admin.text('main'), message='the results were not released')

    admin.get('/exams/%d/results' % exam)
    table = admin.text('table')
    assert number in table and '缺考' in table, 'the results table lacks the candidate or the absent'
    unit = Select(admin.find('select[name=unit]'))
    choice = next(option for option in unit.options if option.get_attribute('value'))
    unit.select_by_value(choice.get_attribute('value'))
    admin.find('form.filters button').click()
    admin.wait(lambda: 'unit=' in admin.driver.current_url, message='the unit filter was not applied')
    admin.shot('results-filtered')
    csv = admin.js("return fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => Array.from(new Uint8Array(b.slice(0, 3))).concat("
                   "[new TextDecoder().decode(b).split('\\r\\n')[0]]))",
                   admin.find('a.button[href*="results.csv"]').get_attribute('href'))
    assert csv[:3] == [0xEF, 0xBB, 0xBF] and csv[3].lstrip('\ufeff').startswith('考试,合格分数,单位,单位路径,工号,姓名,岗位,得分'), csv
    # The workbook beside it: the same columns, 工号 as text, the pass mark a number.
    sheet = workbook.rows(admin.fetch_bytes(admin.find('a.button[href*="results.xlsx"]').get_attribute('href')))
    header = [value for value, _ in sheet[0]]
    assert header[:8] == ['考试', '合格分数', '单位', '单位路径', '工号', '姓名', '岗位', '得分'], header
    assert len(sheet) > 1 and all(row[4][1] == 's' and row[1][1] == 'n' for row in sheet[1:]), sheet
    admin.get('/exams/%d/statistics' % exam)
    assert '试题分析' in admin.text('h1')
    admin.shot('statistics')


def parse(stamp):
    return datetime.fromisoformat(stamp.replace('Z', '+00:00'))
