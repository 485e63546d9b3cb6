"""成绩总览 on a 360-px phone: the province administrator opens the overview from the menu and sees the cities, each
bar carrying the pass rate of its row in the table; clicks down to the city with the most candidates and on to the
county (the demo's exams are the demo county's, wherever other tests added candidates); narrows the county to one
centralised exam; and finds the cities on the home page. Nothing is wider than the phone at any step."""
from selenium.webdriver.support.ui import Select

from api import Api
from test_training import fits


def rate(cell):
    """`85.3%` → 85.3; the dash of nobody scored → 0, as its bar is drawn."""
    text = cell.rstrip('%')
    return float(text) if text.replace('.', '', 1).isdigit() else 0.0


def check(browser, table, what):
    """The page fits, every chart stays inside the viewport, and the bars are the table's 通过率 column. Returns the
    rows as (name, link, 应考人数)."""
    fits(browser, what)
    for chart in browser.finds('svg.chart'):
        right = browser.js('return arguments[0].getBoundingClientRect().right', chart)
        assert right <= 360.5, '%s: a chart reaches %.1f px at a 360-px viewport' % (what, right)
    headers = [th.text for th in browser.finds('%s thead th' % table)]
    rates, rows = [], []
    for row in browser.finds('%s tbody tr:not(.total)' % table):
        cells = row.find_elements('css selector', 'td')
        rates.append(rate(cells[headers.index('通过率')].text))
        links = cells[0].find_elements('css selector', 'a')
        rows.append((cells[0].text, links[0].get_attribute('href') if links else None, int(cells[headers.index('应考人数')].text)))
    bars = [float(bar.get_attribute('data-value')) for bar in browser.finds('%s svg .bar' % table)]
    assert rates and bars == rates, '%s: bars %s, table %s' % (what, bars, rates)
    return rows


def drill(browser, rows, what):
    """Clicks the linked unit with the most candidates; returns its name."""
    name, href, candidates = max((row for row in rows if row[1]), key=lambda row: row[2])
    assert candidates > 0, '%s: no unit below has candidates: %s' % (what, rows)
    browser.find('#overview-table a[href="%s"]' % href.split(browser.base, 1)[-1].replace('"', '\\"')).click()
    browser.wait(lambda: ('成绩总览 · ' + name) in browser.text('h1'), message='%s: %s did not open' % (what, name))
    return name


def run(ctx):
    county_code = Api(ctx.server.url, 'county').me['unit']['code']
    phone = ctx.browser('overview-phone', phone=True)
    phone.log_in('admin')
    phone.find('.mainnav a[href="/results"]').click()
    phone.wait(lambda: phone.finds('#overview-table'), message='the overview did not open from the menu')
    cities = check(phone, '#overview-table', 'the province')
    phone.js("document.querySelector('#overview-table').scrollIntoView()")
    phone.shot('province')

    city = drill(phone, cities, 'the province')
    towns = check(phone, '#overview-table', city)
    phone.shot('city')
    county = drill(phone, towns, city)
    assert phone.driver.current_url.endswith('unit=' + county_code), 'reached %s, not the demo county' % phone.driver.current_url
    assert [a.text for a in phone.finds('.crumbs a')][1:] == [city], phone.text('.crumbs')
    check(phone, '#overview-table', county)
    assert phone.finds('#trend svg.line-chart'), 'no monthly trend'
    phone.shot('county')

    exams = Select(phone.find('select[name=exam]'))
    assert len(exams.options) >= 3, 'the demo exams are not offered: %s' % [o.text for o in exams.options]
    title = exams.options[1].text
    exams.select_by_index(1)
    phone.button('查看').click()
    phone.wait(lambda: 'exam=' in phone.driver.current_url, message='the exam was not chosen')
    assert title.split('（')[0] in phone.text('#overview-scope'), phone.text('#overview-scope')
    check(phone, '#overview-table', county + ' in one exam')
    phone.shot('county-exam')

    phone.get('/')
    home = check(phone, '#home-results-table', 'the home page')
    phone.js("document.querySelector('#home-results-table').scrollIntoView()")
    assert [row[0] for row in home] == [row[0] for row in cities], 'the home page shows other rows: %s' % home
    phone.shot('home')
    ctx.report('overview: %d cities → %s → %s (%d towns) → %s; home shows the cities' % (len(cities), city, county, len(towns), title))
