"""评优遴选 end to end: the demo county's administrator defines a selection with the rules form (every post, all six
criteria, z-scores, missing data rescaled, three places in one list), computes it, opens one candidate's explanation
and finds every criterion there, publishes the list for one working day, lets the notice period pass (by moving its
last day back in the server's database, as no test can wait a day), finalises it, and prints one 荣誉证书 per winner."""
import re
import sqlite3

TITLE = '浏览器测试：优秀接访员遴选'
CRITERIA = ['集中考核平均得分率', '练兵比武名次百分位', '培训学时', '培训标准完成度', '服务满意度', '持有效证书']
WEIGHTS = {'assessment': 30, 'contest': 10, 'training-hours': 15, 'curriculum': 15, 'satisfaction': 20, 'certificate': 10}


def run(ctx):
    page = ctx.browser('selection')
    page.log_in('county')
    page.find('nav.mainnav a[href="/selections"]').click()
    page.wait(lambda: '评优遴选' in page.text('h1'), message='the selections list did not open')
    page.find('a[href="/selections/new"]').click()
    page.wait(lambda: page.finds('form.selection-form'), message='the rules form did not open')

    page.find('input[name=title]').send_keys(TITLE)
    page.find('input[name=award]').send_keys('优秀接访员')
    for box in page.finds('input[type=checkbox][name^=post_]'):
        if not box.is_selected():
            box.click()
    for criterion, weight in WEIGHTS.items():
        box = page.find('input[name="use_%s"]' % criterion)
        if not box.is_selected():
            box.click()
        field = page.find('input[name="weight_%s"]' % criterion)
        field.clear()
        field.send_keys(str(weight))
    page.find('input[name=normalisation][value=z-score]').click()
    page.find('input[name=missing][value=rescale]').click()
    page.find('input[name=sharing][value=total]').click()
    places = page.find('input[name=places]')
    places.clear()
    places.send_keys('3')
    page.shot('rules')
    page.button('保存为草稿').click()
    page.wait(lambda: '遴选已创建为草稿' in page.text('main'), message='the selection was not created')
    selection = int(re.search(r'/selections/(\d+)', page.driver.current_url).group(1))

    page.click_confirming(page.button('计算'))
    page.wait(lambda: '已计算' in page.text('main') and page.finds('#ranking a'), message='the selection was not computed')
    assert '规则已在首次计算时锁定' in page.text('#rules'), page.text('#rules')
    page.shot('computed')
    first = page.find('#ranking tbody tr a')
    name = first.text
    first.click()
    page.wait(lambda: page.finds('#criteria'), message='the explanation did not open')
    table = page.text('#criteria')
    for label in CRITERIA:
        assert label in table, '%s missing from the explanation: %s' % (label, table)
    assert name in page.text('h1') and '第 1 名' in page.text('main'), page.text('main')[:300]
    page.shot('explanation')
    page.driver.back()
    page.wait(lambda: page.finds('#ranking a') and page.finds('input[name=working_days]'), message='back did not return to the selection')

    days = page.find('input[name=working_days]')
    days.clear()
    days.send_keys('1')
    page.click_confirming(page.button('公示'))
    page.wait(lambda: '名单已公示' in page.text('main'), message='the list was not published')
    assert '公示截止' in page.text('main')
    page.shot('published')

    # The notice period cannot pass in a test: its last day moves back instead, in the server's own database.
    with sqlite3.connect(ctx.server.db, timeout=10) as db:
        db.execute("UPDATE selection SET noticeEndsOn = '2000-01-01' WHERE id = ?", (selection,))
    db.close()
    page.get('/selections/%d' % selection)
    page.click_confirming(page.button('定稿'))
    page.wait(lambda: '已定稿：' in page.text('main'), message='the selection was not finalised')
    status = page.text('h1 .tag')
    assert status == '已定稿', status
    winners = len(page.finds('#nominees tbody tr'))
    heading = page.text('#nominees h2')
    assert winners > 0 and ('获奖名单（%d 人）' % winners) in heading, heading
    page.shot('final')

    page.find('a[href="/selections/%d/certificates"]' % selection).click()
    page.wait(lambda: page.finds('.certificate'), message='the certificates page did not open')
    certificates = page.finds('.certificate')
    assert len(certificates) == winners, '%d certificates for %d winners' % (len(certificates), winners)
    assert '优秀接访员' in certificates[0].text and '特发此证' in certificates[0].text, certificates[0].text
    page.shot('certificates')
    ctx.report('selection %d: computed, explained, published for 1 working day, finalised; %d certificates for %d winners'
               % (selection, len(certificates), winners))
