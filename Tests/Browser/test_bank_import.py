"""Importing a question file by upload: the trainer chooses a GIFT file (written here) on 题库 › 导入题库, sees the
dry-run report (the detected format and the counts) before anything is written, then imports it and finds the question
in the bank list. The page fits 360 px."""
import os
import tempfile

GIFT = """$CATEGORY: $course$/top/队伍建设/学习培训形式

::BROWSER-GIFT-1:: 浏览器测试：服务中心（站）至少多长时间组织一次工作人员业务培训？ {
  ~每季度
  =每半年
  ~每年
}

::BROWSER-GIFT-2:: 浏览器测试：服务中心（站）应当建立常态化培训机制。 {T}
"""


def run(ctx):
    path = os.path.join(tempfile.mkdtemp(prefix='lianbing-bank-import-'), '本市题目.gift')
    with open(path, 'w', encoding='utf-8') as file:
        file.write(GIFT)

    trainer = ctx.browser('bank-import', phone=True)
    trainer.log_in('trainer')
    trainer.get('/bank')
    trainer.find('#bank-import-link').click()
    trainer.wait(lambda: trainer.finds('#bank-import'), message='the bank page does not lead to the import page')
    trainer.find('#bank-import input[type=file]').send_keys(path)
    trainer.button('检查文件', within=trainer.find('#bank-import')).click()
    trainer.wait(lambda: trainer.finds('#bank-import-summary'), message='the dry run showed no report')
    assert 'GIFT' in trainer.text('#bank-import-format'), trainer.text('#bank-import-format')
    summary = trainer.text('#bank-import-summary')
    assert '试运行（未写入）：新增 2，修改 0，未变 0' in summary, summary
    confirm = trainer.find('#bank-import-confirm')
    assert confirm.is_displayed(), 'the dry run offered no 确认导入'
    trainer.shot('dry-run')
    width = trainer.scroll_width()
    assert width <= 360, 'the import page is %d px wide at a 360-px viewport' % width

    trainer.get('/bank?q=BROWSER-GIFT')
    assert 'BROWSER-GIFT-1' not in trainer.text('main'), 'the dry run wrote the question'

    trainer.get('/bank/import')
    trainer.find('#bank-import input[type=file]').send_keys(path)
    trainer.button('检查文件', within=trainer.find('#bank-import')).click()
    trainer.wait(lambda: trainer.find('#bank-import-confirm').is_displayed(), message='the dry run offered no 确认导入')
    trainer.find('#bank-import-confirm').click()
    trainer.wait(lambda: '已导入' in trainer.text('#bank-import-report'), message='the import did not finish')
    assert '新增 2' in trainer.text('#bank-import-summary'), trainer.text('#bank-import-summary')
    assert not trainer.find('#bank-import-confirm').is_displayed(), 'the page still offers to import'
    trainer.shot('imported')

    trainer.get('/bank?q=BROWSER-GIFT')
    listed = trainer.text('main table')
    assert 'BROWSER-GIFT-1' in listed and 'BROWSER-GIFT-2' in listed, listed
    ctx.report('the trainer saw the dry run of a GIFT file (新增 2) and then imported it')
