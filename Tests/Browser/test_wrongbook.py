"""The wrong-question book on a 360-px phone: the demo staff member's wrong answers of last quarter's released exam
are in it, and an entry opens to the question and their answer, its key held back while this quarter's exam (the
same pool) is open, without sideways scrolling."""


def run(ctx):
    phone = ctx.browser('wrongbook', phone=True)
    phone.log_in('staff')
    phone.get('/my/wrong-questions')
    links = phone.finds('.wrong-list a[href^="/my/wrong-questions/"]')
    assert links, 'the released exam put nothing in the wrong-question book'
    assert phone.scroll_width() <= 360, 'the book scrolls sideways: %d px' % phone.scroll_width()
    links[0].click()
    phone.wait(lambda: phone.text('h1') == '错题', message='the entry did not open')
    main = phone.text('main')
    assert '上次答错' in main, main
    assert '考试结束后再显示答案和解析' in main and '正确答案' not in main, 'the key of an open exam\'s pool showed: %s' % main
    assert phone.scroll_width() <= 360, 'the entry scrolls sideways: %d px' % phone.scroll_width()
    phone.shot('wrong-question')
