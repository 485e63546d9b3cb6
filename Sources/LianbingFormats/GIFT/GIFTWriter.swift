import LianbingCore

/// Writes questions as GIFT, with a `// lianbing:` comment per question holding what GIFT cannot.
///
/// Each question is written the way Moodle's exporter would, then read back with `GIFT`'s own parser; whatever did
/// not survive (the fields GIFT has no place for, and any text GIFT cannot hold exactly, such as a stem with
/// leading spaces) goes into the comment. So the round trip is exact by construction, and the comment stays as short
/// as the question allows.
enum GIFTWriter {
    static func text(_ questions: [Question]) -> String {
        var text = """
            // 练兵平台导出的 GIFT 题目，可导入 Moodle。
            // “// lianbing:” 注释保存 GIFT 无法表达的字段（出处、难度、用途、状态、原文、标签等），导回本平台时使用，请勿删除或修改。


            """
        var category: String?
        for question in questions {
            let point = question.knowledgePoints.first ?? ForeignQuestion.defaultKnowledgePoint
            if point != category {
                text += "$CATEGORY: \(ForeignCategory.path(forKnowledgePoint: point))\n\n"
                category = point
            }
            let body = body(question)
            // The file name is not known here and the source is always carried, so reading back with no name is exact.
            let parsed = GIFTQuestionParser.parse(body)
            var readBack: Question?
            if case .question(let question) = GIFT.question(
                parsed, knowledgePoint: ForeignCategory.knowledgePoint(fromPath: ForeignCategory.path(forKnowledgePoint: point)),
                file: "")
            {
                readBack = question
            }
            var overrides = QuestionOverrides.difference(wanted: question, readBack: readBack)
            // Always present, so a reader can tell our questions from foreign ones at a glance.
            overrides.source = question.source
            overrides.difficulty = question.difficulty
            overrides.usage = question.usage
            overrides.status = question.status
            text += "// \(GIFTBlocks.lianbingPrefix) \(overrides.json())\n\(body)\n\n"
        }
        return text
    }

    /// The GIFT text of `question`, without comments.
    static func body(_ question: Question) -> String {
        let title = "::\(GIFTText.escape(question.id)):: "
        let feedback = question.explanation.isEmpty ? "" : "####" + GIFTText.escape(question.explanation)
        switch question.answer {
        case .choices(let indexes):
            var lines: [String] = []
            let correct = Set(indexes)
            for (index, option) in question.options.enumerated() {
                let text = GIFTText.escape(option)
                if question.kind == .multipleChoice {
                    // Moodle's partial credit: the keys share 100%, a wrong pick takes it all away again, so only the
                    // exact set scores fully — the nearest Moodle gets to the bank's all-or-nothing marking.
                    lines.append(correct.contains(index) ? "~%\(weight(of: correct.count))%\(text)" : "~%-100%\(text)")
                } else {
                    lines.append((correct.contains(index) ? "=" : "~") + text)
                }
            }
            if !feedback.isEmpty { lines.append(feedback) }
            return title + GIFTText.escape(question.stem) + " {\n" + lines.map { "\t" + $0 + "\n" }.joined() + "}"
        case .trueFalse(let value):
            return title + GIFTText.escape(question.stem) + " {" + (value ? "TRUE" : "FALSE") + feedback + "}"
        case .blanks(let blanks):
            // GIFT has one answer block: it takes the first blank's place; any further blanks stay `____` in the text
            // and their answers travel in the comment.
            let block = "{" + (blanks.first ?? []).map { "=" + GIFTText.escape($0) }.joined(separator: " ") + feedback + "}"
            guard let marker = BlankMarkers.ranges(in: question.stem).first else {
                return title + GIFTText.escape(question.stem) + " " + block
            }
            return title + GIFTText.escape(String(question.stem[..<marker.lowerBound])) + block
                + GIFTText.escape(String(question.stem[marker.upperBound...]))
        case .shortAnswer:
            return title + GIFTText.escape(question.stem) + " {" + feedback + "}"
        }
    }

    /// `100/n` as Moodle writes weights: at most five decimals (33.33333), no trailing zeros.
    static func weight(of count: Int) -> String {
        guard count > 0 else { return "0" }
        let value = (100.0 / Double(count) * 100_000).rounded() / 100_000
        return value == value.rounded() ? String(Int(value)) : String(value)
    }
}
