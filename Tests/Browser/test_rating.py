"""满意度评定: the county administrator opens the rating page of the `staff` login's station and prints its poster;
the poster's QR code (read back with zbarimg from a screenshot) is the address a visitor's 360-px phone opens, with
no login, to rate 态度, 效率 and 结果 and choose a listed member of staff by masked name; the same phone is then told it
has rated today. The desk's tablet, unlocked once with the counter link, rates, shows its thanks and comes back to an
empty form by itself. Every public page fits 360 px."""
import os
import shutil
import subprocess
import tempfile
import time

from api import Api


def fits(browser, what):
    width = browser.scroll_width()
    assert width <= 360, '%s is %d px wide at a 360-px viewport' % (what, width)


def scan(png):
    """The text of the QR code in a PNG, by zbarimg; None when zbarimg is not installed."""
    zbarimg = shutil.which('zbarimg')
    if not zbarimg:
        return None
    with tempfile.NamedTemporaryFile(suffix='.png', delete=False) as file:
        file.write(png)
    try:
        return subprocess.run([zbarimg, '--raw', '-q', file.name], capture_output=True, text=True, timeout=30).stdout.strip()
    finally:
        os.unlink(file.name)


def rate(browser, scores):
    for aspect, score in zip(('attitude', 'efficiency', 'outcome'), scores):
        browser.find('input[name=%s][value="%d"] + span' % (aspect, score)).click()


def run(ctx):
    county = Api(ctx.server.url, 'county')
    unit = Api(ctx.server.url, 'staff').me['unit']['code']
    station = county.call('GET', '/api/v1/units/%s/rating-station' % unit)
    listed = [member for member in station['staff'] if member['listed']]
    if not listed and station['staff']:
        county.call('PUT', '/api/v1/staff/%s/rating-listing' % station['staff'][0]['staffNumber'], {'listed': True})

    admin = ctx.browser('rating-admin')
    admin.log_in('county')
    admin.get('/ratings/units/%s' % unit)
    address = admin.find('[data-rating-address]').text
    assert address == ctx.server.url + '/rate/' + station['token'], address
    admin.find('[data-poster]').click()
    admin.wait(lambda: admin.finds('.poster-qr svg'), message='the poster shows no QR code')
    assert admin.text('.poster-address') == address
    decoded = scan(admin.find('.poster-qr svg').screenshot_as_png)
    if decoded is not None:
        assert decoded == address, 'the poster QR code reads %r' % decoded
    admin.shot('poster')

    phone = ctx.browser('rating-phone', phone=True)
    phone.driver.get(address)
    phone.wait(lambda: phone.finds('[data-rate-form]'), message='the rating form did not open')
    fits(phone, 'the rating form')
    rate(phone, (5, 4, 5))
    choices = phone.finds('select[name=staff] option')
    if len(choices) > 1:
        assert '*' in choices[1].text, 'staff are listed unmasked: %s' % choices[1].text
        choices[1].click()
    phone.find('textarea[name=comment]').send_keys('浏览器测试：办事很快，态度热情')
    phone.shot('filled')
    phone.find('.rate-submit').click()
    phone.wait(lambda: phone.finds('[data-thanks]'), message='no thanks after rating')
    fits(phone, 'the thanks')
    phone.driver.get(address)
    phone.wait(lambda: phone.finds('[data-thanks]'), message='the same phone was offered the form again')
    assert '今天已评价' in phone.text('[data-thanks]')

    tablet = ctx.browser('rating-counter')
    tablet.driver.get(address + '/counter?key=' + station['counterKey'])
    tablet.wait(lambda: tablet.finds('[data-rate-form]'), message='the counter form did not open')
    rate(tablet, (3, 3, 4))
    tablet.find('.rate-submit').click()
    tablet.wait(lambda: tablet.finds('[data-thanks]'), message='no thanks at the counter')
    started = time.monotonic()
    tablet.wait(lambda: tablet.finds('[data-rate-form]') and not tablet.finds('[data-thanks]'), timeout=15,
                message='the counter did not come back to the form')
    assert not tablet.js("return document.querySelectorAll('[data-rate-form] input[type=radio]:checked').length")
    assert tablet.driver.current_url.endswith('/counter'), tablet.driver.current_url
    ratings = county.call('GET', '/api/v1/ratings?unit=%s&per_page=5' % unit)['items']
    assert [r['source'] for r in ratings[:2]] == ['counter', 'poster'], [r['source'] for r in ratings[:2]]
    ctx.report('rating: phone rated from the poster address; counter reset after %.1f s' % (time.monotonic() - started))
