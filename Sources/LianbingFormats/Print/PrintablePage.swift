/// The HTML document around a printable page: A4, styles inline, nothing loaded from anywhere, so the file
/// prints the same from a USB stick in an exam room as from the server.
enum PrintablePage {
    static func document(_ layout: PrintableLayout, part: String, body: String) -> String {
        let heading = "\(HTMLText.escape(layout.title))（\(HTMLText.escape(layout.form)) 卷）"
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(heading) \(part)</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <header>
            <h1>\(heading)</h1>
            <p class="part">\(part)</p>
            <p class="meta">共 \(layout.questionCount) 题，满分 \(PrintableLayout.number(layout.totalPoints)) 分</p>
            </header>
            \(body)
            </body>
            </html>

            """
    }

    /// `姓名 / 单位 / 工号` lines, on the paper and the answer sheet alike.
    static let candidateFields = """
        <table class="candidate"><tr><td>姓名：</td><td class="fill"></td><td>单位：</td><td class="fill wide"></td><td>工号：</td><td class="fill"></td></tr></table>
        """

    private static let css = """
        @page { size: A4; margin: 18mm 16mm 20mm; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 11pt; line-height: 1.6; color: #000; }
        header { text-align: center; margin-bottom: 5mm; }
        h1 { font-size: 17pt; margin: 0; }
        .part { font-size: 13pt; font-weight: bold; margin: 1mm 0; }
        .meta { margin: 0; }
        h2 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
        table.candidate { margin: 3mm auto 0; border-collapse: collapse; }
        table.candidate td { padding: 0 1mm; }
        table.candidate td.fill { border-bottom: 1px solid #000; width: 30mm; }
        table.candidate td.fill.wide { width: 55mm; }
        .question { break-inside: avoid; margin: 0 0 3mm; }
        .stem { margin: 0; }
        .number { font-weight: bold; margin-right: 1mm; }
        ol.options { list-style: none; margin: 1mm 0 0; padding-left: 6mm; }
        ol.options li { margin: 0; }
        .writing { margin-top: 2mm; }
        .writing div { border-bottom: 1px solid #000; height: 9mm; }
        .boxes { display: flex; flex-wrap: wrap; gap: 2mm 4mm; }
        .box { width: 32mm; white-space: nowrap; }
        .box span { display: inline-block; width: 16mm; height: 7mm; border: 1px solid #000; vertical-align: middle; margin-left: 1mm; }
        .blank-line { display: inline-block; width: 45mm; border-bottom: 1px solid #000; margin: 0 2mm; height: 6mm; }
        table.key { width: 100%; border-collapse: collapse; }
        table.key th, table.key td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; }
        table.key td.n, table.key td.p { width: 14mm; text-align: center; }
        """
}
