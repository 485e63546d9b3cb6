"""The roster in the browser: the county administrator moves one member of staff to another unit and marks another
as left; the roster list (filtered by unit and by 在岗/已离职), each person's page and the training coverage
(滚动式全覆盖 on /training/dashboard) reflect both. Then uploads a roster file (dry run first, then confirmed), and
checks the roster pages fit a 360-px phone."""
import os
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from api import Api


def uncovered(page):
    """The uncovered people the dashboard shows: staff number → unit name."""
    page.get('/training/dashboard')
    page.wait(lambda: page.finds('#uncovered-table'), message='no uncovered list on the dashboard')
    rows = {}
    for row in page.finds('#uncovered-table tbody tr'):
        cells = [cell.text for cell in row.find_elements(By.TAG_NAME, 'td')]
        if len(cells) >= 3:
            rows[cells[0]] = cells[2]
    return rows


def roster_numbers(page):
    return [cell.text for cell in page.finds('#roster tbody tr td:first-child a')]


def run(ctx):
    own = Api(ctx.server.url, 'staff').me['staffNumber']  # the demo login later tests use: left alone
    admin = ctx.browser('roster')
    admin.log_in('county')
    before = uncovered(admin)
    candidates = [number for number in before if number != own]
    assert len(candidates) >= 2, 'too few uncovered people in the demo county: %r' % before
    mover, leaver = candidates[0], candidates[1]

    # The move: to another unit of the county, from today (the form's default date).
    admin.get('/staff/%s' % mover)
    select = Select(admin.find('#move-form select[name=unit_code]'))
    option = select.options[1]
    target_code, target = option.get_attribute('value'), option.text.strip('\u3000 ')
    select.select_by_value(target_code)
    admin.button('登记调动').click()
    admin.wait(lambda: '已登记调动' in admin.text('main'), message='the move was not recorded')
    assert admin.text('#staff-unit') == target, (admin.text('#staff-unit'), target)
    assert '→ %s' % target in admin.text('#moves'), admin.text('#moves')
    admin.shot('moved')

    # The leaving: from today; the person's page says so and offers the undo.
    admin.get('/staff/%s' % leaver)
    admin.button('登记离职').click()
    admin.wait(lambda: '已登记离职' in admin.text('main'), message='the leaving was not recorded')
    assert admin.text('#left-on') != '—', admin.text('#left-on')
    assert admin.finds('#undo-leave-form'), 'no undo for the leaving'
    admin.shot('left')

    # The roster: 已离职 lists the leaver only; 在岗 in the target unit lists the mover, not the leaver.
    admin.get('/staff')
    Select(admin.find('select[name=status]')).select_by_value('left')
    admin.button('筛选').click()
    admin.wait(lambda: 'status=left' in admin.driver.current_url, message='the filter did not apply')
    left = roster_numbers(admin)
    assert leaver in left and mover not in left, left
    admin.shot('roster-left')
    Select(admin.find('select[name=status]')).select_by_value('active')
    Select(admin.find('select[name=unit]')).select_by_value(target_code)
    admin.button('筛选').click()
    admin.wait(lambda: 'status=active' in admin.driver.current_url, message='the filter did not apply')
    active = roster_numbers(admin)
    assert mover in active and leaver not in active, active
    admin.shot('roster-active-in-target')

    # The coverage: the leaver is no longer due; the mover is, under the new unit.
    after = uncovered(admin)
    assert leaver not in after, 'the leaver is still counted as uncovered'
    assert after.get(mover) == target, (mover, after.get(mover), target)
    admin.shot('coverage')

    # The upload: a dry run reports who would be added, and only the confirmation imports.
    path = os.path.join(tempfile.mkdtemp(prefix='roster-'), '花名册.csv')
    with open(path, 'w', encoding='utf-8') as file:
        file.write('工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗\nBR0001,浏览器测试：新人,%s,接访员,是,否,,,是\n' % target_code)
    admin.get('/staff/import')
    admin.find('#roster-file').send_keys(path)
    admin.button('试运行').click()
    admin.wait(lambda: '试运行（未写入）' in admin.text('#roster-report'), message='no dry-run report')
    assert '新增 BR0001' in admin.text('#roster-report'), admin.text('#roster-report')
    admin.shot('dry-run')
    admin.button('确认导入').click()
    admin.wait(lambda: 'imported=' in admin.driver.current_url, message='the confirmed import did not finish')
    admin.get('/staff?q=BR0001')
    assert roster_numbers(admin) == ['BR0001'], roster_numbers(admin)

    phone = ctx.browser('roster-phone', phone=True)
    phone.log_in('county')
    for path in ('/staff?status=left', '/staff/%s' % leaver, '/staff/new', '/staff/import'):
        phone.get(path)
        phone.wait(lambda: phone.finds('main'), message='%s did not load' % path)
        assert phone.scroll_width() <= 360, '%s overflows a 360-px phone: %d' % (path, phone.scroll_width())
    phone.shot('phone-roster')
    ctx.report('moved %s to %s, marked %s as left; roster, pages and coverage agree' % (mover, target, leaver))
