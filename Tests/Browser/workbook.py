"""A downloaded workbook as openpyxl reads it: the first sheet's rows, each cell as (value as text, type), types
`s` text, `n` number, `d` date. openpyxl comes from pip in the test command, or from Debian's python3-openpyxl when
the Python running the tests has none."""
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
        try:
            import openpyxl  # noqa: F401
            python = sys.executable
        except ImportError:
            python = '/usr/bin/python3'
        out = subprocess.run([python, '-c', READ, file.name], check=True, capture_output=True, text=True).stdout
    return [[tuple(cell) for cell in row] for row in json.loads(out)]
