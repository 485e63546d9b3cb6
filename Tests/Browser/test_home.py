"""Each role's home page says what to do (待办), and every line leads to where it is done. Through the API the test
makes what the lines are about: an exam open for the staff member, one they handed in with a short answer to mark,
and one released with a score review asked for, and an account nobody has signed in with. Then the member of staff
on a 360-px phone (greeted by the name on the roster), a trainer, the county and the province administrator each
sign in, see their lines, and follow every one to a page that answers 200 with the right heading; the staff member
starts the open exam from the home page itself."""
from datetime import timedelta

from api import Api
from exams import blueprint, publish_for_staff

OPEN = '浏览器测试：待办·开考'
MARKING = '浏览器测试：待办·阅卷'
RELEASED = '浏览器测试：待办·成绩'
NEVER = 'home-todo'

# The heading of the page each kind of line leads to, where the line does not name it itself.
HEADINGS = {
    'open-exam': '我的考试', 'upcoming-exam': '我的考试', 'due-review': '今日复习', 'training-session': '我的培训',
    'training-due': '我的培训', 'marking': '阅卷', 'score-review': '成绩复核', 'never-logged-in': '账号管理',
}

# What each role must at least see, given what the test made.
EXPECTED = {
    'staff': {'open-exam', 'new-result', 'required-lesson'},
    'trainer': {'running-exam', 'marking', 'score-review'},
    'county': {'running-exam', 'marking', 'score-review', 'never-logged-in'},
    'admin': {'running-exam', 'marking', 'score-review', 'never-logged-in'},
}


def prepare(ctx):
    """The exams and the account the 待办 are about; returns the staff member's API session and the open exam."""
    staff = Api(ctx.server.url, 'staff')
    admin = Api(ctx.server.url, 'admin')
    paper = blueprint(ctx, '季度集中考核.txt')
    open_exam, marking, released = (publish_for_staff(ctx, title, paper, timedelta(days=1)) for title in (OPEN, MARKING, RELEASED))

    view = staff.call('POST', '/api/v1/my/exams/%d/attempt' % marking)
    short = next(item for item in view['items'] if item['kind'] == 'short')
    staff.call('PUT', '/api/v1/my/attempts/%d/answers/%d' % (view['id'], short['position']), {'response': {'text': '按规定程序办理。'}})
    staff.call('POST', '/api/v1/my/attempts/%d/submit' % view['id'])

    view = staff.call('POST', '/api/v1/my/exams/%d/attempt' % released)
    staff.call('POST', '/api/v1/my/attempts/%d/submit' % view['id'])
    admin.call('POST', '/api/v1/exams/%d/close' % released, {})
    admin.call('POST', '/api/v1/exams/%d/release' % released, {})
    staff.call('POST', '/api/v1/my/exams/%d/score-review' % released, {'reason': '浏览器测试：请复核。'})

    admin.call('POST', '/api/v1/accounts', {'username': NEVER, 'role': 'staff', 'unitCode': staff.me['unit']['code']})
    return staff, open_exam


def lines(page):
    """The home page's 待办: kind, link, link text and the whole line."""
    page.get('/')
    page.wait(lambda: page.finds('#todo'), message='no 待办 section on the home page')
    return [(li.get_attribute('data-kind'), li.find_element('css selector', 'a').get_attribute('href'),
             li.find_element('css selector', 'a').text, li.text) for li in page.finds('#todo li')]


def status(page):
    return page.js("var n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0")


def follow(page, role, todo):
    """Opens every line's link and checks the page answers 200 with the heading the line promises."""
    seen = set()
    for kind, href, text, _ in todo:
        if href in seen:
            continue
        seen.add(href)
        page.driver.get(href)
        heading = page.text('h1')
        assert status(page) == 200, '%s: %s answered %s' % (role, href, status(page))
        if kind in HEADINGS:
            expected = HEADINGS[kind]
        elif '：' in text:
            expected = text.split('：', 1)[1]  # 考试进行中：<title>, 成绩已发布：<title>, 必修微课：<title>, 试题分析：<title>
        else:
            expected = '考试管理'  # 另有 … : the full list of exams
        assert expected in heading, '%s: %s (%s) leads to "%s", not "%s"' % (role, href, text, heading, expected)
    return '%s: %d 条待办，%d 个链接均可打开' % (role, len(todo), len(seen))


def check_role(ctx, role, phone=False):
    page = ctx.browser('home-' + role, phone=phone)
    page.log_in(role)
    todo = lines(page)
    kinds = {kind for kind, _, _, _ in todo}
    assert EXPECTED[role] <= kinds, '%s sees %s, missing %s' % (role, sorted(kinds), sorted(EXPECTED[role] - kinds))
    if phone:
        width = page.scroll_width()
        assert width <= 360, 'the home page is %d px wide at a 360-px viewport' % width
    page.shot('todo')
    return page, todo


def run(ctx):
    staff_api, open_exam = prepare(ctx)

    staff, todo = check_role(ctx, 'staff', phone=True)
    name = staff_api.me['name']
    assert staff.text('h1') == '您好，%s' % name, staff.text('h1')
    assert any(text == '成绩已发布：%s' % RELEASED for _, _, text, _ in todo), todo
    ctx.report(follow(staff, 'staff', todo))

    trainer, todo = check_role(ctx, 'trainer')
    line = next(whole for kind, _, text, whole in todo if text == '考试进行中：%s' % MARKING)
    assert '已开始 1 人，已交卷 1 人' in line, line
    assert trainer.finds('nav.mainnav a[href="/score-reviews"]'), 'no 成绩复核 in the trainer\'s menu'
    ctx.report(follow(trainer, 'trainer', todo))

    for role in ('county', 'admin'):
        page, todo = check_role(ctx, role)
        ctx.report(follow(page, role, todo))
        page.get('/accounts?never=1')
        assert NEVER in page.text('table'), 'the never-signed-in list of %s lacks %s' % (role, NEVER)

    # The open exam starts from the home page itself; handing it in again through the API leaves nothing running.
    staff.get('/')
    form = staff.find('#todo form[action="/my/exams/%d/start"]' % open_exam)
    staff.click_confirming(form.find_element('css selector', 'button'))
    staff.wait_ready()
    attempt = int(staff.driver.current_url.rstrip('/').split('/')[-1])
    staff.shot('started-from-home')
    staff_api.call('POST', '/api/v1/my/attempts/%d/submit' % attempt)
