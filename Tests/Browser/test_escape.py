"""Question text from the bank is only ever text: questions whose stem, options and explanation hold `<script>`
and an `<img onerror>` are added to the bank, and a self-test, the wrong-question book and the bank page show them
literally without running anything."""
import os
import subprocess
import tempfile

from selenium.webdriver.support.ui import Select

POINT = '浏览器测试'
# `__xss` also checks that two underscores stay text: only four or more make a blank in a 填空 stem.
STEM = '题干里的 <script>window.__xss = 1</script> 和 <img src=x onerror="window.__xss = 2"> 都应原样显示。'
OPTION = '<img src=x onerror="window.__xss = 3">'
EXPLANATION = '解析里的 <script>window.__xss = 4</script> 也应原样显示。'
QUESTIONS = '''题号: ESC-001
题型: 单选
知识点: %(point)s/转义
难度: 2
用途: 练习
出处: 浏览器测试用题
题干: %(stem)s
A. <b>选项一</b>
B. %(option)s
C. 选项三
D. 选项四
答案: A
解析: %(explanation)s

题号: ESC-002
题型: 填空
知识点: %(point)s/转义
难度: 2
用途: 练习
出处: 浏览器测试用题
题干: %(stem)s 填空：____
答案: <i>斜体</i>
解析: %(explanation)s
''' % {'point': POINT, 'stem': STEM, 'option': OPTION, 'explanation': EXPLANATION}


def add_hostile_questions(ctx):
    """The bank import is a CLI step on the stopped server's database, as an operator would run it."""
    ctx.server.stop()
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, 'escape.txt')
        with open(path, 'w', encoding='utf-8') as file:
            file.write(QUESTIONS)
        subprocess.run([ctx.server.binary, 'bank', 'import', path, '--db', ctx.server.db],
                       check=True, cwd=ctx.root, stdout=subprocess.DEVNULL)
    ctx.server.start(demo=False)


def assert_nothing_ran(page, where):
    assert page.js('return window.__xss === undefined'), 'question text ran as script on %s' % where
    assert not page.finds('main img, main b, main i'), 'question text became markup on %s' % where


def run(ctx):
    add_hostile_questions(ctx)
    page = ctx.browser('escape')
    page.log_in('staff')
    page.get('/my/practice')
    page.find('.kp-picker summary').click()
    page.find('.kp-group legend input[value="%s"]' % POINT).click()
    Select(page.find('select[name=length]')).select_by_index(0)
    page.button('开始自测').click()
    page.wait_ready('#practice')
    for _ in range(2):
        stem = page.text('#practice-answer')
        assert STEM in stem, 'the stem is not shown literally: %r' % stem
        if page.current_kind('#practice-heading') == 'single':
            assert OPTION in stem, 'an option is not shown literally: %r' % stem
        page.answer_current(1, root='#practice-answer', heading='#practice-heading')
        page.find('#practice-check').click()
        page.wait(lambda: page.finds('#practice-feedback .feedback'), message='no feedback after answering')
        feedback = page.text('#practice-feedback')
        assert EXPLANATION in feedback, 'the explanation is not shown literally: %r' % feedback
        assert_nothing_ran(page, 'the self-test')
        page.shot('literal-%s' % page.current_kind('#practice-heading'))
        page.find('#practice-next').click()

    page.get('/my/wrong-questions')
    assert STEM in page.text('main'), 'the wrong-question book does not show the stem literally'
    assert_nothing_ran(page, 'the wrong-question book')
    page.shot('wrong-question-book')

    trainer = ctx.browser('escape-bank')
    trainer.log_in('trainer')
    trainer.get('/bank/ESC-001')
    text = trainer.text('main')
    assert STEM in text and OPTION in text and EXPLANATION in text, 'the bank page does not show the question literally'
    assert_nothing_ran(trainer, 'the bank page')
    trainer.shot('bank-page')
