"""A phone at a village station (360 px): every staff page fits the width without sideways scrolling, the exam
starts and saves answers, and a self-test gives its feedback."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

PAGES = [('/', 'home'), ('/my/exams', 'exams'), ('/my/practice', 'practice'), ('/my/record', 'record'),
         ('/my/mastery', 'mastery'), ('/my/wrong-questions', 'wrong-questions')]


def fits(browser, what):
    width = browser.scroll_width()
    assert width <= 360, '%s is %d px wide at a 360-px viewport' % (what, width)


def run(ctx):
    phone = ctx.browser('phone', phone=True)
    phone.log_in('staff')
    for path, name in PAGES:
        phone.get(path)
        fits(phone, path)
        phone.shot(name)

    phone.get('/my/exams')
    phone.click_confirming(phone.button('开始考试'))
    phone.wait_ready()
    ctx.demo_attempt = int(phone.driver.current_url.rstrip('/').split('/')[-1])
    fits(phone, 'the taking page')
    phone.shot('exam-started')
    answers = {}
    for variant in range(2):
        answers[phone.current_position()] = phone.answer_current(variant)
        phone.wait(lambda: '已保存' in phone.save_state(), message='an answer was not saved')
        phone.find('#take-next').click()
    phone.shot('two-answered')
    phone.js("document.querySelector('.take-nav').scrollIntoView()")
    fits(phone, 'the question navigator')
    phone.shot('navigator')
    phone.find('#take-submit').click()
    phone.wait(lambda: phone.find('#take-dialog').is_displayed())
    fits(phone, 'the submit dialog')
    phone.shot('submit-dialog')
    phone.find('#take-cancel').click()
    ctx.phone_answers = answers

    phone.get('/my/practice')
    phone.find('.kp-picker summary').click()
    phone.finds('.kp-group legend input')[0].click()
    Select(phone.find('select[name=length]')).select_by_value('10')
    phone.shot('practice-chosen')
    phone.button('开始自测').click()
    phone.wait_ready('#practice')
    fits(phone, 'a self-test')
    phone.answer_current(0, root='#practice-answer', heading='#practice-heading')
    phone.find('#practice-check').click()
    phone.wait(lambda: phone.finds('#practice-feedback .feedback'), message='no feedback after answering')
    feedback = phone.text('#practice-feedback')
    assert '正确答案' in feedback or '参考答案' in feedback, feedback
    fits(phone, 'self-test feedback')
    phone.shot('practice-feedback')

    phone.get('/my/record')
    phone.driver.find_element(By.XPATH, "//li[contains(., '成绩已发布')]//a[contains(@href, '/my/attempts/')]").click()
    phone.wait(lambda: phone.finds('[data-finished-attempt]'))
    fits(phone, 'a released result')
    phone.shot('released-result')
    for path, name in [('/my/wrong-questions', 'wrong-questions-after'), ('/my/mastery', 'mastery-after')]:
        phone.get(path)
        fits(phone, path)
        phone.shot(name)
