"""The taking page works from the keyboard alone: ← → move between questions, Tab reaches the options and Space
answers, Enter on 下一题 and on a navigator square moves, and the submit dialog keeps focus inside until Escape
closes it and gives focus back. Every control focused on the way shows a focus outline."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys


def press(page, *keys):
    ActionChains(page.driver).send_keys(*keys).perform()


def active(page):
    return page.js("var a = document.activeElement; return {id: a.id, tag: a.tagName, type: a.type || '',"
                   " position: a.dataset ? (a.dataset.position || '') : '',"
                   " inAnswer: !!a.closest('#take-answer'), inDialog: !!a.closest('#take-dialog'),"
                   " outline: getComputedStyle(a.closest('label.option') || a).outlineStyle}")


def tab_until(page, matches, what, backwards=False, limit=250):
    for _ in range(limit):
        if backwards:
            ActionChains(page.driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        else:
            press(page, Keys.TAB)
        focused = active(page)
        assert focused['outline'] != 'none', 'no focus outline on %r' % focused
        if matches(focused):
            return focused
    raise AssertionError('Tab never reached %s' % what)


def run(ctx):
    assert ctx.hundred_attempt, 'the speed test did not leave the 100-question exam open'
    page = ctx.browser('keyboard')
    page.log_in('staff')
    page.get('/my/attempts/%d' % ctx.hundred_attempt)
    page.wait_ready()
    page.find('#take-heading').click()
    start = page.current_position()

    press(page, Keys.ARROW_RIGHT)
    page.wait(lambda: page.current_position() == start + 1, message='→ did not move to the next question')
    press(page, Keys.ARROW_LEFT)
    page.wait(lambda: page.current_position() == start, message='← did not move back')
    press(page, Keys.ARROW_RIGHT)
    page.wait(lambda: page.current_position() == start + 1)
    position = start + 1

    tab_until(page, lambda f: f['inAnswer'] and f['tag'] == 'INPUT', 'an option')
    press(page, Keys.SPACE)
    page.wait(lambda: page.finds('#take-answer label.option.chosen'), message='Space did not answer the question')
    page.wait(lambda: '已保存' in page.save_state(), message='the keyboard answer was not saved')
    saved = page.fetch_json('/api/v1/my/attempts/%d' % ctx.hundred_attempt)['items'][position].get('response')
    assert saved, 'the server holds no answer for question %d' % (position + 1)
    page.shot('answered-by-keyboard')

    tab_until(page, lambda f: f['id'] == 'take-next', '下一题')
    press(page, Keys.ENTER)
    page.wait(lambda: page.current_position() == position + 1, message='Enter on 下一题 did not move')
    tab_until(page, lambda f: f['position'] == '0', 'the first navigator square')
    press(page, Keys.ENTER)
    page.wait(lambda: page.current_position() == 0, message='Enter on a navigator square did not move')
    page.shot('navigated-by-keyboard')

    page.find('#take-heading').click()
    tab_until(page, lambda f: f['id'] == 'take-submit', '交卷', backwards=True)
    press(page, Keys.ENTER)
    page.wait(lambda: page.find('#take-dialog').is_displayed(), message='Enter on 交卷 did not open the dialog')
    assert active(page)['inDialog'], 'focus did not move into the submit dialog'
    for _ in range(4):
        press(page, Keys.TAB)
        assert active(page)['inDialog'], 'Tab left the submit dialog'
    page.shot('submit-dialog-by-keyboard')
    press(page, Keys.ESCAPE)
    page.wait(lambda: not page.find('#take-dialog').is_displayed(), message='Escape did not close the dialog')
    assert active(page)['id'] == 'take-submit', 'focus did not return to 交卷 after the dialog closed'
