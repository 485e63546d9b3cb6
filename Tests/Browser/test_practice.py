"""自我测试 on a 360-px phone: the start button is in the first viewport with the knowledge points folded below it;
once the member of staff has got a knowledge point's questions wrong, 练我最薄弱的知识点 starts a self-test on their
weakest points in one tap; the mastery page opens on the weakest; 退出 is a tap target of at least 44 px."""
import json
import sqlite3

from api import Api

# Three fill-in practice questions: answered 不知道, each is wrong for certain.
POINT = '党建引领/基层党组织'


def fits(browser, what):
    width = browser.scroll_width()
    assert width <= 360, '%s is %d px wide at a 360-px viewport' % (what, width)


def start_in_first_viewport(phone):
    phone.get('/my/practice')
    phone.js('window.scrollTo(0, 0)')
    bottom, height = phone.js("return [document.getElementById('practice-start').getBoundingClientRect().bottom, window.innerHeight]")
    assert bottom <= height, 'the start button ends at %.0f px, below the %d-px viewport' % (bottom, height)
    assert not phone.find('.kp-picker input[name=kp]').is_displayed(), 'the knowledge points are not folded'
    fits(phone, 'the practice page')


def answer_point_wrong(ctx):
    """A self-test on POINT through the API, as the staff login, with every fill-in question answered wrong."""
    api = Api(ctx.server.url, 'staff')
    test = api.call('POST', '/api/v1/my/self-tests', {'knowledgePoints': [POINT], 'length': 100})
    blanks = [item for item in test['items'] if item['kind'] == 'blank']
    assert len(blanks) >= 2, 'too few fill-in questions under %s' % POINT
    for item in blanks:
        feedback = api.call('POST', '/api/v1/my/self-tests/%d/answers/%d' % (test['id'], item['position']),
                            {'response': {'blanks': ['不知道'] * item['blanks']}})
        assert feedback['correct'] is False, feedback


def drawn_points(ctx, attempt):
    """Each question's knowledge points on a self-test's paper, read from the database."""
    with sqlite3.connect(ctx.server.db) as db:
        paper = json.loads(db.execute('SELECT paper FROM attempt WHERE id = ?', (attempt,)).fetchone()[0])
        return [[p for p in db.execute('SELECT knowledgePoints FROM questionRevision WHERE questionId = ? AND revision = ?',
                                       (item['questionId'], item['revision'])).fetchone()[0].split('|') if p]
                for item in paper['items']]


def run(ctx):
    phone = ctx.browser('practice', phone=True)
    phone.log_in('staff')
    start_in_first_viewport(phone)
    phone.shot('practice')
    logout = phone.js("var r = document.querySelector('.who button').getBoundingClientRect(); return [r.width, r.height]")
    assert logout[0] >= 44 and logout[1] >= 44, '退出 is %.0f × %.0f px' % tuple(logout)

    answer_point_wrong(ctx)
    start_in_first_viewport(phone)
    spans = phone.finds('[data-weak-point]')
    weak = [span.get_attribute('data-weak-point') for span in spans]
    # POINT is now at 0%; earlier tests may have left other points at 0% with more answers, which rank before it.
    assert POINT in weak or all('得分率 0%' in span.text for span in spans), 'the weakest points offered are %s' % [s.text for s in spans]
    phone.shot('weakest-offered')
    phone.find('#practice-weakest').click()
    phone.wait_ready('#practice')
    fits(phone, 'the weakest self-test')
    attempt = int(phone.driver.current_url.rstrip('/').split('/')[-1])
    for points in drawn_points(ctx, attempt):
        assert any(p == w or p.startswith(w + '/') for p in points for w in weak), '%s is none of %s' % (points, weak)
    phone.shot('weakest-self-test')

    phone.get('/my/mastery')
    fits(phone, 'the mastery page')
    first = phone.driver.find_element('xpath', "//section[h2='自我测试']//li[contains(@class, 'bar-row')]")
    assert '薄弱' in first.text, 'the self-test bars do not open on a weak point: %s' % first.text
    phone.shot('mastery')
