"""A score review end to end, after the demo exam's results are released: the staff member asks for one from their
record, a trainer marks a short answer again on the review page, confirms the result the page computed and replies,
and the record states that change with the reply."""
from selenium.webdriver.common.by import By


def record_item(page, title):
    return page.driver.find_element(By.XPATH, "//li[contains(@class, 'my-item')][.//h3[contains(., '%s')]]" % title)


def run(ctx):
    assert ctx.demo_attempt, 'the phone test did not start the demo exam'
    staff = ctx.browser('review')
    staff.log_in('staff')
    view = staff.fetch_json('/api/v1/my/attempts/%d' % ctx.demo_attempt)
    assert view['review'] is not None, 'the demo exam has not been released'
    title, before = view['title'], view['score']
    staff.get('/my/record')
    item = record_item(staff, title)
    item.find_element(By.CSS_SELECTOR, 'textarea[name=reason]').send_keys('简答题给分偏低，请复核。')
    item.find_element(By.XPATH, ".//button[contains(., '申请成绩复核')]").click()
    staff.wait(lambda: '已提交，等待答复' in record_item(staff, title).text, message='the request was not recorded')
    staff.shot('review-requested')

    trainer = ctx.browser('review-trainer')
    trainer.log_in('trainer')
    trainer.get('/score-reviews')
    card = trainer.driver.find_element(By.XPATH, "//div[@class='review-group'][.//dd[contains(., '简答题给分偏低')]]")
    review = card.get_attribute('id')[1:]
    entry = trainer.find('form[action^="/score-reviews/%s/mark/"]' % review)
    points = float(entry.find_element(By.NAME, 'score').get_attribute('max'))
    score = entry.find_element(By.NAME, 'score')
    score.clear()
    score.send_keys(('%g' % points))
    entry.find_element(By.NAME, 'comment').send_keys('复核：要点齐全')
    entry.find_element(By.CSS_SELECTOR, 'button').click()
    trainer.wait(lambda: '已重新评分' in trainer.text('main'), message='the re-mark was not saved')
    trainer.shot('re-marked')
    trainer.find('#r%s textarea[name=reply]' % review).send_keys('经复核，简答题改为满分。')
    result = trainer.text('#r%s .review-result' % review)
    assert result.startswith('由 ') and '改为' in result, 'the page does not state the change: %s' % result
    trainer.find('#r%s input[name=confirm]' % review).click()
    trainer.find('#r%s form[action$="/answer"] button' % review).click()
    trainer.wait(lambda: '复核答复已保存' in trainer.text('main'), message='the reply was not saved')
    assert '经复核，简答题改为满分。' in trainer.text('main')
    trainer.shot('answered')

    after = staff.fetch_json('/api/v1/my/attempts/%d' % ctx.demo_attempt)['score']
    assert after > before, 'the score did not rise after the re-mark: %s → %s' % (before, after)
    staff.get('/my/record')
    text = record_item(staff, title).text
    assert '经复核，简答题改为满分。' in text, text
    assert '复核结果：由 %g 分改为 %g 分' % (before, after) in text, text
    staff.shot('review-answered')
