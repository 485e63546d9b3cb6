"""Exams the tests make for the staff account through the trainer's JSON API, and starting them in the browser."""
import os
from datetime import datetime, timedelta, timezone

from selenium.webdriver.common.by import By

from api import Api


def stamp(moment):
    return moment.strftime('%Y-%m-%dT%H:%M:%SZ')


def publish_for_staff(ctx, title, blueprint_path, closes_in, review=('answers', 'immediately'), certifies=False, pass_mark=60):
    """A centralised assessment for the staff account's unit, open from a minute ago for `closes_in`."""
    staff_unit = Api(ctx.server.url, 'staff').me['unit']['code']
    with open(blueprint_path, encoding='utf-8') as file:
        blueprint = file.read()
    now = datetime.now(timezone.utc)
    trainer = Api(ctx.server.url, 'trainer')
    exam = trainer.call('POST', '/api/v1/exams', {
        'title': title, 'blueprint': blueprint, 'unitCode': staff_unit, 'posts': [],
        'opensAt': stamp(now - timedelta(minutes=1)), 'closesAt': stamp(now + closes_in),
        'durationMinutes': 30, 'passMark': pass_mark, 'certifies': certifies,
        'review': {'content': review[0], 'timing': review[1]}})
    trainer.call('POST', '/api/v1/exams/%d/publish' % exam['id'], {})
    return exam['id']


def start_in_browser(page, title):
    """From 我的考试, starts the exam called `title`; returns the attempt id once the taking page is ready."""
    page.get('/my/exams')
    row = page.driver.find_element(By.XPATH, "//li[contains(., '%s')]" % title)
    page.click_confirming(page.button('开始考试', row))
    page.wait_ready()
    return int(page.driver.current_url.rstrip('/').split('/')[-1])


def blueprint(ctx, name):
    return os.path.join(ctx.root, 'Blueprints', name)
