"""Importing an Excel workbook from the browser: the county administrator chooses an .xlsx (written here with openpyxl)
on the expert list and on a training session's attendance, the page sends the file's bytes unchanged, and the
imported experts and attendance show; a workbook with a bad cell is refused, the page naming the sheet and cell, and a
file over the upload limit is refused with the limit. The pages fit 360 px."""
import os
import tempfile
from datetime import datetime, timedelta, timezone

import workbook
from api import Api

CHINA = timezone(timedelta(hours=8))
HEADER_EXPERTS = ['姓名', '单位编码', '类别', '专长', '工作单位及职务', '工号']
HEADER_ATTENDANCE = ['工号', '日期', '状态', '学时', '备注']


def fits(browser, what):
    width = browser.scroll_width()
    assert width <= 360, '%s is %d px wide at a 360-px viewport' % (what, width)


def choose(browser, path):
    """Chooses `path` in the import form's file field and presses 导入."""
    browser.find('#import input[type=file][data-file]').send_keys(path)
    browser.button('导入', within=browser.find('#import form')).click()


def session_for(county, staff_number):
    """A published session of the county, running now, with `staff_number` invited."""
    now = datetime.now(CHINA)
    start = max(now - timedelta(minutes=5), now.replace(hour=0, minute=0, second=0, microsecond=0))
    unit = county.me['unit']['code']
    created = county.call('POST', '/api/v1/training/sessions', {
        'unitCode': unit, 'title': '浏览器测试：表格导入考勤', 'kind': 'course', 'startsAt': start.isoformat(),
        'endsAt': (now + timedelta(hours=2)).isoformat(), 'hours': 3, 'audienceUnit': unit, 'topics': [],
        'place': '区服务中心', 'trainers': [{'name': '李老师'}], 'invitees': [staff_number]})
    county.call('POST', '/api/v1/training/sessions/%d/publish' % created['id'])
    return created['id'], start.strftime('%Y-%m-%d')


def run(ctx):
    with tempfile.TemporaryDirectory(prefix='lianbing-upload-') as folder:
        imports(ctx, folder)


def imports(ctx, folder):
    county = Api(ctx.server.url, 'county')
    unit = county.me['unit']['code']
    staff_number = Api(ctx.server.url, 'staff').me['staffNumber']
    good = os.path.join(folder, '专家库.xlsx')
    workbook.write(good, '专家', [HEADER_EXPERTS, ['表格专家甲', unit, '高校专家', '政策法规', '某大学法学院教授', ''],
                                 ['表格专家乙', unit, '业务骨干', '权益维护', '区服务中心科员', '']])
    # 工号 typed as a number with a decimal part: Excel has already lost what was meant, so the cell is named.
    bad = os.path.join(folder, '专家库-有错.xlsx')
    workbook.write(bad, '专家', [HEADER_EXPERTS, ['表格专家丙', unit, '高校专家', '政策法规', '某大学', 12345.5]])

    admin = ctx.browser('upload', phone=True)
    admin.log_in('county')
    admin.get('/experts')
    admin.find('#import summary').click()
    label = admin.find('#import input[type=file][data-file]').find_element('xpath', '..')
    assert label.is_displayed() and 'Excel（.xlsx）' in label.text, 'the file field is not offered: %r' % label.text
    choose(admin, bad)
    admin.wait(lambda: admin.finds('#import [data-upload-result]'), message='the refused workbook showed nothing')
    refusal = admin.text('#import [data-upload-result]')
    assert '专家!F2' in refusal and '工号' in refusal, refusal
    assert '表格专家丙' not in admin.text('ul.expert-list'), 'a refused workbook imported something'
    admin.shot('refused')
    fits(admin, 'the expert list with a refused workbook')

    too_big = os.path.join(folder, '过大.csv')
    with open(too_big, 'wb') as file:
        file.write(b'x' * (20 * 1024 * 1024 + 1))
    admin.find('#import input[type=file][data-file]').clear()
    choose(admin, too_big)
    admin.wait(lambda: '文件超过上传上限 20 MB' in admin.text('#import [data-upload-result]'), message='the oversized file was not refused')

    admin.find('#import input[type=file][data-file]').clear()
    choose(admin, good)
    admin.wait(lambda: '专家库已导入：新增 2 位' in admin.text('main'), message='the workbook did not import')
    names = admin.text('ul.expert-list')
    assert '表格专家甲' in names and '表格专家乙' in names, names
    admin.shot('imported')
    fits(admin, 'the expert list after the import')

    session, day = session_for(county, staff_number)
    sheet = os.path.join(folder, '考勤表.xlsx')
    workbook.write(sheet, '考勤', [HEADER_ATTENDANCE, [staff_number, day, '出席', '', '']])
    admin.get('/training/%d' % session)
    choose(admin, sheet)
    admin.wait(lambda: '考勤表已导入，共 1 条' in admin.text('main'), message='the attendance workbook did not import')
    attendance = county.call('GET', '/api/v1/training/sessions/%d/attendance' % session)
    assert any(entry.get('staffNumber') == staff_number and entry.get('status') == 'attended' for entry in attendance), attendance
    admin.shot('attendance')
    fits(admin, 'the training session after the attendance import')
    ctx.report('expert list and attendance imported from .xlsx; a bad cell named as 专家!F2; 20 MB + 1 byte refused with its limit')
