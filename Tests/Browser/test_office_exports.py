"""Each CSV download has its Excel twin beside it, on a 360-px phone: the county administrator's audit log, a
contest's results and the training dashboard's lists each link the .xlsx beside the .csv; the workbooks come back
typed (times dates, places numbers, unit codes text). The links never make a page wider than the phone (the contest's
printable A4 table is wider on its own, so there only its download bar is measured)."""
import re

import workbook
from test_training import fits


def twins(browser, what):
    """Every CSV link of the page has a link beside it to the same address as .xlsx; returns the CSV addresses."""
    csv = [a.get_attribute('href') for a in browser.finds('a[href*=".csv"]')]
    xlsx = set(a.get_attribute('href') for a in browser.finds('a[href*=".xlsx"]'))
    missing = [href for href in csv if href.replace('.csv', '.xlsx', 1) not in xlsx]
    assert csv and not missing, '%s: CSV links without their .xlsx twin: %s' % (what, missing or 'no CSV link at all')
    return csv


def run(ctx):
    phone = ctx.browser('office-phone', phone=True)
    phone.log_in('county')

    phone.get('/audit')
    fits(phone, 'the audit log')
    twins(phone, 'the audit log')
    log = workbook.rows(phone.fetch_bytes('/audit.xlsx'))
    assert [cell[0] for cell in log[0]] == ['时间', '操作人', '操作', '对象', '详情'], log[0]
    assert len(log) > 1 and all(row[0][1] == 'd' for row in log[1:]), 'the times are not date cells: %s' % log[1:3]
    phone.shot('audit')

    phone.get('/contests')
    ids = sorted(set(int(m.group(1)) for a in phone.finds('a[href*="/contests/"]')
                     for m in [re.search(r'/contests/(\d+)$', a.get_attribute('href'))] if m))
    assert ids, 'the county sees no contest'
    phone.get('/contests/%d/results' % ids[0])
    right = phone.js("return document.querySelector('.titlebar .links').getBoundingClientRect().right")
    assert right <= 360, 'the contest results\' download links reach %.1f px at a 360-px viewport' % right
    twins(phone, 'the contest results')
    results = workbook.rows(phone.fetch_bytes('/contests/%d/results.xlsx' % ids[0]))
    assert results[0][0] == ('名次', 's') and all(row[0][1] == 'n' and row[1][1] == 's' for row in results[1:]), results[:3]
    phone.shot('contest-results')

    phone.get('/training/dashboard')
    fits(phone, 'the training dashboard')
    links = twins(phone, 'the training dashboard')
    units = workbook.rows(phone.fetch_bytes(next(h for h in links if 'half-year-units' in h).replace('.csv', '.xlsx', 1)))
    assert units[0][0] == ('单位编码', 's') and all(row[0][1] == 's' for row in units[1:]), units[:3]
    ctx.report('office exports: audit %d rows, contest %d results, dashboard %d CSV links each with .xlsx'
               % (len(log) - 1, len(results) - 1, len(links)))
