#!/usr/bin/env python3
"""Writes the workbook fixtures of WorkbookImportTests with openpyxl, a program other than Lianbing.

Run from anywhere: python3 Tests/LianbingFormatsTests/Fixtures/make_workbooks.py
The outputs are committed, so `swift test` needs no Python.

openpyxl saves formulas without the value Excel would have computed; roster.xlsx gets one written into its XML
afterwards (as Excel saves it), formula_uncached.xlsx keeps openpyxl's output.
"""
import datetime
import os
import re
import shutil
import tempfile
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["工号", "姓名", "单位编码", "岗位", "退役军人", "其他优抚对象", "专长", "入职日期", "在岗"]
# Fixed so that saving again writes the same bytes apart from the zip's own timestamps.
CREATED = datetime.datetime(2026, 1, 1)


def new_book():
    book = openpyxl.Workbook()
    book.properties.created = CREATED
    book.properties.modified = CREATED
    return book


def roster():
    """Codes as numbers and as text, a merged title row, dates in two formats, booleans and a formula."""
    book = new_book()
    sheet = book.active
    sheet.title = "人员"
    sheet["A1"] = "广州市退役军人服务中心人员名单"
    sheet.merge_cells("A1:I1")
    sheet.append(HEADER)
    sheet.append(["GZ0001", "张三", 440100000000, "主任（站长）", "是", "否", "法律;心理服务", datetime.date(2021, 3, 5), True])
    sheet.append([1002, "李四", "440106000000", "工作人员", False, "否", "", datetime.date(2019, 12, 31), "是"])
    sheet.append(['="GZ"&"0003"', "王五", "440106000000", "工作人员", "否", "否", "", None, False])
    sheet["H3"].number_format = "yyyy-mm-dd"
    sheet["H4"].number_format = 'yyyy"年"m"月"d"日"'
    other = book.create_sheet("第二批")
    other.append(HEADER)
    other.append(["GZ0009", "赵六", "440100000000", "工作人员", "否", "否", "", "", "是"])
    path = save(book, "roster.xlsx")
    # Excel saves a formula's last value beside it; openpyxl cannot compute one, so write it as Excel would.
    rewrite(path, "xl/worksheets/sheet1.xml",
            lambda xml: re.sub(r'<c r="A5"( [^>]*)?><f>(.*?)</f><v\s*/>', r'<c r="A5" t="str"><f>\2</f><v>GZ0003</v>', xml))


def formula_uncached():
    book = new_book()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["GZ0001", "张三", 440100000000, "主任（站长）", "是", "否", "", "", "是"])
    sheet.append(["GZ0002", "李四", "=440100000000+6000000", "工作人员", "是", "否", "", "", "是"])
    save(book, "formula_uncached.xlsx")


def bad_codes():
    """A staff number of 18 digits (Excel keeps 15) and a unit code with a fraction."""
    book = new_book()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([440106198001011234, "张三", 440100000000, "工作人员", "否", "否", "", "", "是"])
    sheet.append(["GZ0002", "李四", 4401.5, "工作人员", "否", "否", "", "", "是"])
    sheet.append(["GZ0003", "王五", 440106000000, "工作人员", "否", "否", "", "", "是"])
    save(book, "bad_codes.xlsx")


def empty():
    book = new_book()
    book.active.title = "Sheet1"
    save(book, "empty.xlsx")


def date1904():
    book = new_book()
    book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["GZ0001", "张三", "4401", "工作人员", "否", "否", "", datetime.date(2021, 3, 5), "是"])
    sheet["H2"].number_format = "yyyy/m/d"
    save(book, "date1904.xlsx")


def save(book, name):
    path = os.path.join(HERE, name)
    book.save(path)
    return path


def rewrite(path, part, change):
    """Rewrites one XML part of the zip at `path`, keeping every other part as it is."""
    handle, temporary = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == part:
                changed = change(data.decode("utf-8"))
                assert changed != data.decode("utf-8"), f"{part} unchanged"
                data = changed.encode("utf-8")
            target.writestr(item, data)
    shutil.move(temporary, path)
    os.chmod(path, 0o644)


if __name__ == "__main__":
    roster()
    formula_uncached()
    bad_codes()
    empty()
    date1904()
