"""Correcting a question in the browser: a trainer of the province (the shipped bank's owner, made here with
`lianbing user add`) opens last quarter's released exam's item statistics, follows 更正 for a true-or-false question
on its papers, flips the key with a reason and asks for a regrade. The question page shows the two revisions side by
side; `lianbing bank show --revision 2` shows the new key with its author and reason; the candidates who answered it
change score, each change in the audit log. The form and the question page fit a 360-px phone."""
import subprocess

from api import Api

TRAINER = 'bank-trainer'
PASSWORD = 'Bank-Edit-2026'
REASON = '浏览器测试：标准答案有误，更正'


def cli(ctx, *arguments):
    return subprocess.run([ctx.server.binary, *arguments, '--db', ctx.server.db], check=True, cwd=ctx.root,
                          capture_output=True, text=True).stdout


def province_trainer(ctx):
    """A trainer at the root of the tree, with their initial password changed, as the first sign-in requires."""
    admin = Api(ctx.server.url, 'admin')
    root = admin.call('GET', '/api/v1/units')[0]['code']
    issued = cli(ctx, 'user', 'add', TRAINER, '--role', 'trainer', '--unit', root)
    initial = issued.split('初始密码：')[1].split('（')[0].strip()
    Api(ctx.server.url, TRAINER, initial).call('POST', '/api/v1/me/password', {'currentPassword': initial, 'newPassword': PASSWORD})
    return admin


def scores(admin, exam):
    return {row['row']['staffNumber']: row['row'].get('score') for row in admin.call('GET', '/api/v1/exams/%d/results' % exam)}


def run(ctx):
    admin = province_trainer(ctx)
    exam = next(e['id'] for e in admin.call('GET', '/api/v1/exams') if '第三季度' in e['title'])
    used = [q['question'] for q in admin.call('GET', '/api/v1/exams/%d/statistics' % exam)['questions']]
    before = scores(admin, exam)

    trainer = ctx.browser('bank-edit')
    trainer.get('/login')
    trainer.find('input[name=username]').send_keys(TRAINER)
    trainer.find('input[name=password]').send_keys(PASSWORD)
    trainer.find('form button[type=submit]').click()
    trainer.wait(lambda: '/login' not in trainer.driver.current_url, message='the province trainer did not sign in')

    # A true-or-false question on the papers: the bank's 判断 filter, page by page, against the statistics.
    true_false = set()
    for page in (1, 2, 3):
        trainer.get('/bank?type=truefalse&page=%d' % page)
        true_false |= {a.text for a in trainer.finds('table.list tbody td:first-child a')}
    question = next(q for q in used if q in true_false)

    trainer.get('/exams/%d/statistics' % exam)
    trainer.find('a[href="/bank/%s/edit?regrade=1"]' % question).click()
    trainer.wait(lambda: trainer.finds('input[name=answer]'), message='the edit form did not open')
    assert trainer.find('input[name=regrade]').is_selected(), 'the statistics link should ask for a regrade'
    answer = trainer.find('input[name=answer]')
    old = answer.get_attribute('value')
    new = '错误' if old == '正确' else '正确'
    answer.clear()
    answer.send_keys(new)
    trainer.find('input[name=reason]').send_keys(REASON)
    trainer.shot('form')
    trainer.find('main form.stack button[type=submit]').click()
    trainer.wait(lambda: '已按本题当前答案重新评分' in trainer.text('main'), message='the save did not regrade')
    diff = trainer.text('table.revision-diff')
    assert '已改' in diff and old in diff and new in diff, diff
    assert REASON in trainer.text('main') and TRAINER in trainer.text('main')
    trainer.shot('revisions')

    shown = cli(ctx, 'bank', 'show', question, '--revision', '2')
    assert '网页编辑：%s' % TRAINER in shown and REASON in shown and '答案: %s' % new in shown, shown

    after = scores(admin, exam)
    changed = [number for number in before if before[number] != after.get(number)]
    assert changed, 'no candidate\'s score changed'
    audit = admin.call('GET', '/api/v1/audit?per_page=200')['items']
    assert any(e['action'] == 'exam.regrade' and question in e['subject'] for e in audit), 'no regrade in the audit log'
    logged = {e['subject'] for e in audit if e['action'] == 'exam.score.change'}
    assert all(any(number in subject for subject in logged) for number in changed), 'a score change is not in the audit log'
    ctx.report('%s: key %s → %s, %d candidates\' scores changed' % (question, old, new, len(changed)))

    phone = ctx.browser('bank-edit-phone', phone=True)
    phone.get('/login')
    phone.find('input[name=username]').send_keys(TRAINER)
    phone.find('input[name=password]').send_keys(PASSWORD)
    phone.find('form button[type=submit]').click()
    phone.wait(lambda: '/login' not in phone.driver.current_url, message='sign-in on the phone failed')
    for path in ('/bank/%s' % question, '/bank/%s/edit' % question, '/bank/new'):
        phone.get(path)
        width = phone.scroll_width()
        assert width <= 360, '%s is %d px wide at a 360-px viewport' % (path, width)
    phone.shot('phone')
