"""A downloaded workbook as openpyxl reads it: the first sheet's rows, each cell as (value as text, type), types
`s` text, `n` number, `d` date; and a workbook written for an upload. openpyxl comes from pip in the test command, or
from Debian's python3-openpyxl when the Python running the tests has none."""
import json
import subprocess
import sys
import tempfile

READ = '''
import json, sys
from openpyxl import load_workbook
sheet = load_workbook(sys.argv[1]).worksheets[0]
json.dump([[(None if c.value is None else str(c.value), c.data_type) for c in row] for row in sheet.iter_rows()], sys.stdout)
'''


def rows(data):
    with tempfile.NamedTemporaryFile(suffix='.xlsx') as file:
        file.write(data)
        file.flush()
        out = subprocess.run([_python(), '-c', READ, file.name], check=True, capture_output=True, text=True).stdout
    return [[tuple(cell) for cell in row] for row in json.loads(out)]


WRITE = '''
import json, sys
from openpyxl import Workbook
book = Workbook()
sheet = book.active
sheet.title = sys.argv[2]
for row in json.load(sys.stdin):
    sheet.append(row)
book.save(sys.argv[1])
'''


def write(path, sheet, rows):
    """Saves `rows` (strings stay text, numbers become number cells) as the one sheet `sheet` of a new .xlsx."""
    subprocess.run([_python(), '-c', WRITE, path, sheet], input=json.dumps(rows), check=True, capture_output=True, text=True)


def _python():
    try:
        import openpyxl  # noqa: F401
        return sys.executable
    except ImportError:
        return '/usr/bin/python3'
