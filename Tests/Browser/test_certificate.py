"""持证上岗 end to end: a member of staff passes a certifying assessment; once its results are released the
certificate is in 我的证书, prints on one A4 page, and the QR code on it, read back from the rendered page by zbarimg,
opens the public verification page, which says the certificate is valid and shows the holder's name masked."""
import base64
import os
import re
import subprocess
import tempfile
import time
from datetime import timedelta

from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

from api import Api
from exams import publish_for_staff, start_in_browser

TITLE = '浏览器测试：持证考核'
# True-or-false questions only, so nothing waits for marking before release; the pass mark is 0, so the paper passes
# whatever is answered: what is tested is everything after the pass.
BLUEPRINT = """标题: 持证考核
用途: 集中考核
总分: 10
目标难度: 3 ± 2

[题型]
判断 每题 2 分

[细目]
法律法规 | 判断 | 1-5 | 5
"""
WINDOW = 25


def run(ctx):
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False, encoding='utf-8') as file:
        file.write(BLUEPRINT)
    opened = time.monotonic()
    exam = publish_for_staff(ctx, TITLE, file.name, timedelta(seconds=WINDOW), review=('score', 'after-release'), certifies=True, pass_mark=0)
    os.unlink(file.name)

    page = ctx.browser('certificate')
    page.log_in('staff')
    attempt = start_in_browser(page, TITLE)
    page.answer_current(0)
    page.wait(lambda: '已保存' in page.save_state(), message='the answer was not saved')
    Api(ctx.server.url, 'staff').call('POST', '/api/v1/my/attempts/%d/submit' % attempt, {})
    time.sleep(max(0, WINDOW + 2 - (time.monotonic() - opened)))
    Api(ctx.server.url, 'county').call('POST', '/api/v1/exams/%d/release' % exam, {})

    page.get('/my/certificates')
    row = page.driver.find_element(By.XPATH, "//tr[.//td[contains(., '有效')]][last()]")
    number = row.find_element(By.CSS_SELECTOR, 'a').text
    assert re.fullmatch(r'LB-\d{4}-\d{6}-[0-9A-Z]', number), number
    row.find_element(By.CSS_SELECTOR, 'a').click()
    page.wait(lambda: page.finds('.certificate'), message='the certificate page did not open')
    assert '合格证书' in page.text('.certificate'), page.text('.certificate')
    holder = page.text('.certificate-recipient').rstrip('：')
    page.shot('certificate')

    options = PrintOptions()
    options.orientation = 'landscape'
    options.page_width, options.page_height = 21.0, 29.7
    pdf = base64.b64decode(page.driver.print_page(options))
    pages = len(re.findall(rb'/Type\s*/Page(?!s)', pdf))
    assert pages == 1, 'the certificate printed on %d pages' % pages

    qr = page.find('.certificate-qr svg')
    png = os.path.join(tempfile.gettempdir(), 'lianbing-certificate-qr-%d.png' % os.getpid())
    with open(png, 'wb') as out:
        out.write(qr.screenshot_as_png)
    decoded = subprocess.run(['zbarimg', '--quiet', '--raw', png], capture_output=True, text=True, check=True).stdout.strip()
    os.unlink(png)
    expected = ctx.server.url + '/verify/' + number
    assert decoded == expected, 'the QR code reads %r, not %r' % (decoded, expected)

    public = ctx.browser('verify', phone=True)
    public.get(decoded[len(ctx.server.url):])
    text = public.text('main')
    assert '有效' in text and number in text, text
    assert holder and holder not in text, 'the public page shows the full name %r' % holder
    public.shot('verified')
    ctx.report('certificate %s: printed on one A4 page; its QR code opens the verify page as valid' % number)
