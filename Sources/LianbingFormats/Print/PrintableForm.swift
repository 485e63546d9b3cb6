import LianbingCore

/// Printable parallel forms (纸笔考试的平行卷型): the question paper, the answer sheet and the answer key of one
/// form, each a self-contained A4 HTML document to print from a browser.
///
/// They are three documents rather than one because they go to different people: the paper and the sheet to the
/// exam room, the key to the markers only. Options appear in the form's shown order and the key gives the shown
/// letters, so a marker compares letters on the sheet with letters in the key. Every text from the bank is
/// HTML-escaped.
///
/// `questions` holds the bank content by id, at the revisions the paper was made from; a question missing from it,
/// or whose options do not match the paper's option order, throws `LianbingError.invalid`.
public enum PrintableForm {
    /// 试卷: sections with their type and points, numbered questions, options lettered as shown.
    public static func paper(_ paper: Paper, questions: [String: Question], blueprint: Blueprint, form: String) throws -> String {
        let layout = try PrintableLayout(paper: paper, questions: questions, blueprint: blueprint, form: form)
        var body = PrintablePage.candidateFields
        for section in layout.sections {
            body += "\n<section>\n<h2>\(section.heading)</h2>"
            for entry in section.items { body += "\n" + questionHTML(entry) }
            body += "\n</section>"
        }
        return PrintablePage.document(layout, part: "试卷", body: body)
    }

    /// 答题卡: a numbered box or line for every question, laid out by section.
    public static func answerSheet(_ paper: Paper, questions: [String: Question], blueprint: Blueprint, form: String) throws -> String {
        let layout = try PrintableLayout(paper: paper, questions: questions, blueprint: blueprint, form: form)
        var body = PrintablePage.candidateFields
        for section in layout.sections {
            body += "\n<section>\n<h2>\(section.heading)</h2>\n"
            switch section.kind {
            case .singleChoice, .multipleChoice, .trueFalse:
                let hint = section.kind == .trueFalse ? "（正确填“√”，错误填“×”）" : "（填写选项字母）"
                body += "<p>\(hint)</p>\n<div class=\"boxes\">"
                for entry in section.items { body += "<div class=\"box\">\(entry.number).<span></span></div>" }
                body += "</div>"
            case .fillBlank:
                for entry in section.items {
                    let blanks = max(1, entry.question.answer.blankCount)
                    let lines = (1...blanks).map { blanks > 1 ? "(\($0))<span class=\"blank-line\"></span>" : "<span class=\"blank-line\"></span>" }
                    body += "<p class=\"question\"><span class=\"number\">\(entry.number).</span>\(lines.joined())</p>"
                }
            case .shortAnswer:
                for entry in section.items {
                    body += "<div class=\"question\"><span class=\"number\">\(entry.number).</span>" + writingLines(12) + "</div>"
                }
            }
            body += "\n</section>"
        }
        return PrintablePage.document(layout, part: "答题卡", body: body)
    }

    /// 参考答案: the key of every question in the shown letters, with its points; short answers with the
    /// reference answer and the scoring points.
    public static func answerKey(_ paper: Paper, questions: [String: Question], blueprint: Blueprint, form: String) throws -> String {
        let layout = try PrintableLayout(paper: paper, questions: questions, blueprint: blueprint, form: form)
        var body = ""
        for section in layout.sections {
            body += "\n<section>\n<h2>\(section.heading)</h2>\n<table class=\"key\"><tr><th>题号</th><th>答案</th><th>分值</th></tr>"
            for entry in section.items {
                body += "<tr><td class=\"n\">\(entry.number)</td><td>\(keyHTML(entry))</td><td class=\"p\">\(PrintableLayout.number(entry.item.points))</td></tr>"
            }
            body += "</table>\n</section>"
        }
        return PrintablePage.document(layout, part: "参考答案（阅卷用，请勿发给考生）", body: body)
    }

    private static func questionHTML(_ entry: PrintableLayout.Item) -> String {
        let question = entry.question
        let mark = question.kind == .trueFalse || question.kind.hasOptions ? "（　　）" : ""
        var html = "<div class=\"question\"><p class=\"stem\"><span class=\"number\">\(entry.number).</span>\(HTMLText.escapeLines(question.stem))\(mark)</p>"
        if question.kind.hasOptions {
            let order = entry.item.optionOrder.isEmpty ? Array(question.options.indices) : entry.item.optionOrder
            html += "<ol class=\"options\">"
            for (shown, original) in order.enumerated() {
                html += "<li>\(Question.letters[shown]). \(HTMLText.escape(question.options[original]))</li>"
            }
            html += "</ol>"
        }
        if question.kind == .shortAnswer { html += writingLines(8) }
        return html + "</div>"
    }

    private static func keyHTML(_ entry: PrintableLayout.Item) -> String {
        switch entry.question.answer {
        case .choices(let originals):
            return String(originals.map { entry.shownLetter(ofOriginal: $0) }.sorted())
        case .trueFalse(let value):
            return value ? "正确（√）" : "错误（×）"
        case .blanks(let blanks):
            return blanks.enumerated().map { index, variants in
                let text = variants.map(HTMLText.escape).joined(separator: " 或 ")
                return blanks.count > 1 ? "(\(index + 1)) \(text)" : text
            }.joined(separator: "；")
        case .shortAnswer(let reference, let points):
            let list = points.map { "<li>\(HTMLText.escape($0))</li>" }.joined()
            return "\(HTMLText.escapeLines(reference))" + (points.isEmpty ? "" : "<br>评分要点：<ol>\(list)</ol>")
        }
    }

    private static func writingLines(_ count: Int) -> String {
        "<div class=\"writing\">" + String(repeating: "<div></div>", count: count) + "</div>"
    }
}

extension Answer {
    /// Blanks to fill: one line each on the answer sheet.
    fileprivate var blankCount: Int {
        if case .blanks(let blanks) = self { return blanks.count }
        return 0
    }
}
