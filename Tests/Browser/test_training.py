"""Training on the spot: a county administrator creates a session with the 新建培训 form, invites the member of staff
and publishes it, then shows the sign-in screen (QR code and six-digit code); the member of staff, on a 360-px
phone, opens the QR code's address, signs in, and rates the session on 我的培训; the organiser's attendance list
on a phone shows them as attended and narrows as one types; the county's coverage on the training dashboard rises
by one, and its SVG charts fit a 360-px phone with bars carrying the values of the tables beside them. Every page fits
360 px."""
from datetime import datetime, timedelta, timezone

from selenium.webdriver.support.ui import Select

from api import Api
from test_admin import set_value

TITLE = '浏览器测试：接访业务培训'
CHINA = timezone(timedelta(hours=8))


def fits(browser, what):
    width = browser.scroll_width()
    assert width <= 360, '%s is %d px wide at a 360-px viewport' % (what, width)


def covered(browser):
    """The 已覆盖 figure of the coverage table's total row on the training dashboard."""
    browser.get('/training/dashboard')
    headers = [th.text for th in browser.finds('#coverage-table thead th')]
    total = browser.finds('#coverage-table tr.total td')
    return int(total[headers.index('已覆盖')].text)


def check_charts(browser):
    """Every chart inside the viewport, and each coverage bar carrying the 覆盖率 cell of its row."""
    charts = browser.finds('svg.chart')
    assert charts, 'no charts on the dashboard'
    for chart in charts:
        right = browser.driver.execute_script('return arguments[0].getBoundingClientRect().right', chart)
        assert right <= 360.5, 'a chart reaches %.1f px at a 360-px viewport' % right
    headers = [th.text for th in browser.finds('#coverage-table thead th')]
    column = headers.index('覆盖率')
    shares = []
    for row in browser.finds('#coverage-table tbody tr:not(.total)'):
        text = row.find_elements('css selector', 'td')[column].text.rstrip('%')
        shares.append(float(text) if text.replace('.', '', 1).isdigit() else 0.0)
    bars = [float(bar.get_attribute('data-value')) for bar in browser.finds('#coverage-table svg .bar')]
    assert bars == shares, 'bars %s, table %s' % (bars, shares)


def run(ctx):
    staff_number = Api(ctx.server.url, 'staff').me['staffNumber']
    admin = ctx.browser('training-admin')
    admin.log_in('county')
    admin.get('/training')
    admin.find('#new-training summary').click()
    admin.find('input[name=title]').send_keys(TITLE)
    Select(admin.find('select[name=kind]')).select_by_value('study-day')
    assert not admin.find('input[name=business]').is_selected(), '学习日 should not default to 业务培训'
    Select(admin.find('select[name=kind]')).select_by_value('course')
    assert admin.find('input[name=business]').is_selected(), '专题培训班 should default to 业务培训'
    now = datetime.now(CHINA)
    start = max(now - timedelta(minutes=5), now.replace(hour=0, minute=0, second=0, microsecond=0))
    set_value(admin, 'starts_at', start.strftime('%Y-%m-%dT%H:%M'))
    set_value(admin, 'ends_at', (now + timedelta(hours=2)).strftime('%Y-%m-%dT%H:%M'))
    admin.find('input[name=place]').send_keys('区服务中心三楼')
    admin.find('input[name=trainers]').send_keys('李老师')
    admin.shot('new-form')
    admin.button('保存为草稿').click()
    admin.wait(lambda: '培训已创建为草稿' in admin.text('main'), message='the session was not created')
    session = int(admin.driver.current_url.split('/training/')[1].split('?')[0])
    admin.find('textarea[name=staff_numbers]').send_keys(staff_number)
    admin.button('邀请').click()
    admin.wait(lambda: '已新邀请 1 人' in admin.text('main'), message='the invitation was not saved')
    admin.click_confirming(admin.button('发布培训'))
    admin.wait(lambda: '培训已发布' in admin.text('main'), message='the session was not published')
    admin.shot('published')

    admin.get('/training/%d/sign-in-screen' % session)
    admin.wait(lambda: admin.finds('.qr svg'), message='no QR code on the sign-in screen')
    code = admin.text('.big-code').replace(' ', '')
    link = admin.text('.code-panel .small')
    assert len(code) == 6 and code.isdigit(), code
    assert link.startswith(ctx.server.url + '/training/sign-in?session=%d&code=' % session), link
    admin.shot('sign-in-screen')

    before = covered(admin)

    phone = ctx.browser('training-phone', phone=True)
    phone.log_in('staff')
    phone.get('/my/training')
    assert TITLE in phone.text('main'), 'the open session is not on 我的培训'
    fits(phone, '我的培训')
    phone.driver.get(link)
    phone.wait(lambda: phone.find('input[name=code]').get_attribute('value') in (code, link.rsplit('=', 1)[1]),
               message='the code from the QR address was not filled in')
    fits(phone, 'the sign-in page')
    phone.shot('sign-in')
    phone.button('签到').click()
    phone.wait(lambda: '签到成功' in phone.text('main') or phone.finds('.alert'), message='no answer to the sign-in')
    assert '签到成功' in phone.text('main'), 'the sign-in failed: ' + phone.text('main')[:200]
    fits(phone, 'the sign-in receipt')
    phone.shot('signed-in')

    phone.get('/my/training')
    phone.find('.rating-form input[name=score][value="5"]').click()
    phone.find('.rating-form input[name=comment]').send_keys('案例贴近实际')
    fits(phone, '我的培训 with the rating form')
    phone.button('提交评价').click()
    phone.wait(lambda: '评价已提交' in phone.text('main'), message='the rating was not saved')
    assert '我的评分：5 分' in phone.text('main')
    phone.shot('rated')

    organiser = ctx.browser('training-organiser-phone', phone=True)
    organiser.log_in('county')
    organiser.get('/training/%d' % session)
    row = organiser.find('#mark-list li[data-search*="%s"]' % staff_number)
    assert row.find_element('css selector', 'button[aria-pressed="true"]').text == '出席', row.text
    assert '扫码签到' in row.text, row.text
    fits(organiser, 'the attendance list')
    organiser.find('input[data-filter]').send_keys('没有这个人')
    organiser.wait(lambda: not row.is_displayed(), message='the list did not narrow as one typed')
    organiser.shot('attendance-list')
    for path in ('/training', '/training/%d/sheet' % session, '/training/%d/sign-in-screen' % session, '/training/%d/edit' % session):
        organiser.get(path)
        fits(organiser, path)
    after = covered(admin)
    assert after == before + 1, 'coverage went from %d to %d after the sign-in' % (before, after)
    organiser.get('/training/dashboard')
    fits(organiser, 'the training dashboard')
    check_charts(organiser)
    organiser.shot('dashboard-phone')
    organiser.get('/training')
    organiser.find('#new-training summary').click()
    fits(organiser, 'the 新建培训 form')
    organiser.shot('new-form-phone')
    ctx.report('training session %d: created, published, signed in with code %s, rated; county coverage %d → %d'
               % (session, code, before, after))
