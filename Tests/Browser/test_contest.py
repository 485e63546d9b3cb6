"""A buzzer round on the stage: the county administrator hosts the demo contest from the console, three contestants
hold 360-px phones (staff, player1, player2) and a projector shows the board by its read-only link, without a login.
The host opens a question of the 抢答 round; the phones buzz one after another and the earliest buzz wins; a phone
reloaded mid-round comes back showing the open question and the winner; the host rules the answer right and the
board, never reloaded, moves the winner to the top."""
import sqlite3

CONTEST = '演示：练兵比武知识竞赛'


def fits(browser, what):
    width = browser.scroll_width()
    assert width <= 360, '%s is %d px wide at a 360-px viewport' % (what, width)


def connected(browser):
    browser.wait(lambda: browser.text('[data-status]') == '已连接', message='the live screen did not connect')


def board_rows(browser):
    return [[cell.text for cell in row.find_elements('css selector', 'td')] for row in browser.finds('[data-part=board] tr')]


def run(ctx):
    with sqlite3.connect(ctx.server.db) as db:
        contest, token = db.execute('SELECT id, boardToken FROM contest WHERE title = ?', (CONTEST,)).fetchone()
        names = dict(db.execute(
            'SELECT a.username, s.name FROM account a JOIN staff s ON s.number = a.staffNumber WHERE a.username IN (?, ?, ?)',
            ('staff', 'player1', 'player2')).fetchall())

    host = ctx.browser('contest-host')
    host.log_in('county')
    host.get('/contests/%d/host' % contest)
    connected(host)
    host.button('2. 抢答题').click()
    host.wait(lambda: '抢答题' in host.text('[data-part=round]'), message='the host could not choose the buzzer round')

    board = ctx.browser('contest-board')
    board.get('/board/%s' % token)
    connected(board)
    board.js('window.neverReloaded = true')

    phones = {}
    for username in ('staff', 'player1', 'player2'):
        phone = ctx.browser('contest-' + username, phone=True)
        phone.log_in(username)
        phone.get('/contests/%d/play' % contest)
        connected(phone)
        phone.wait(lambda: phone.find('.buzz-button').is_displayed(), message='no buzzer on %s\'s phone' % username)
        assert 'stem' not in phone.js('return document.body.innerHTML'), 'a question reached a phone before it opened'
        fits(phone, 'the buzzer page')
        phones[username] = phone

    host.button('出示第 1 题').click()
    for username, phone in phones.items():
        phone.wait(lambda: phone.finds('[data-part=question] .stem'), message='the question did not reach %s' % username)
        assert not phone.finds('[data-part=question] .key'), 'a key reached %s\'s phone' % username
    board.wait(lambda: board.finds('[data-part=question] .stem'), message='the question did not reach the board')
    phones['staff'].shot('question')

    # player1 buzzes first, then staff, then player2.
    for username in ('player1', 'staff', 'player2'):
        phones[username].find('.buzz-button').click()
    winner = names['player1']
    board.wait(lambda: winner in board.text('[data-part=buzz]'), message='the board did not show the earliest buzz winning')
    host.wait(lambda: winner in host.text('[data-part=buzz]'), message='the host did not see the winner')
    order = [item.text for item in host.finds('[data-part=order] li')]
    assert order and order[0] == winner, 'buzz order on the console: %s' % order
    board.shot('buzz-won')

    reloaded = phones['player2']
    reloaded.driver.refresh()
    connected(reloaded)
    reloaded.wait(lambda: reloaded.finds('[data-part=question] .stem') and winner in reloaded.text('[data-part=buzz]'),
                  message='the reloaded phone did not come back to the open question and its winner')
    reloaded.shot('reloaded')

    row = [r for r in host.finds('.team-actions') if r.text.startswith(winner)][0]
    host.button('答对', within=row).click()
    board.wait(lambda: board_rows(board) and board_rows(board)[0][1] == winner and board_rows(board)[0][3] == '110',
               message='the board did not move the winner to the top')
    assert board.js('return window.neverReloaded === true'), 'the board reloaded instead of updating'
    assert not board.finds('[data-part=question] .stem'), 'the ruled question stayed on the board'
    board.shot('ruled')
    ctx.report('contest %d: %s won the buzz and leads with 110; the reloaded phone resumed' % (contest, winner))
