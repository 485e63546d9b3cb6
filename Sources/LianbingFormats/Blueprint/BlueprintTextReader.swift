import LianbingCore

/// Reads a blueprint file line by line, collecting every problem with its line before giving up.
struct BlueprintTextReader {
    typealias Key = BlueprintTextSyntax.Key
    typealias Part = BlueprintTextSyntax.Part

    /// Where the reader is: the keys at the top, a known part, or an unknown part whose lines are skipped (one
    /// message for the header, not one per line under it).
    enum Place: Equatable {
        case keys
        case part(Part)
        case unknownPart
    }

    let file: String
    var issues: [ImportIssue] = []
    var place = Place.keys
    var partLines: [Part: Int] = [:]
    var keyLines: [Key: Int] = [:]
    var title: String?
    var purpose = PaperPurpose.assessment
    var totalPoints: Double?
    var target: (target: Double, tolerance: Double)?
    var exposureCap: Double?
    var separatesSameQuote = true
    var excludesRevealed = false
    var sections: [BlueprintSection] = []
    var sectionLines: [QuestionKind: Int] = [:]
    var cells: [BlueprintCell] = []
    var cellLines: [BlueprintCell: Int] = [:]
    var enemyGroups: [[String]] = []
    var groupLineOfID: [String: Int] = [:]

    init(file: String) { self.file = file }

    mutating func read(_ text: String) -> Result<Blueprint, ImportFailure> {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        BankTextLine.forEach(in: body) { number, line in
            let content = BlueprintTextSyntax.content(line)
            if !content.isEmpty { consume(content, line: number) }
        }
        for key in [Key.title, .totalPoints, .targetDifficulty] where keyLines[key] == nil {
            report(0, "缺少“\(key.rawValue)”：请在文件开头写上“\(key.rawValue): …”")
        }
        if partLines[.sections] == nil { report(0, "缺少 [题型] 部分：请列出各题型及每题分值，如“单选 每题 2 分”") }
        if partLines[.cells] == nil { report(0, "缺少 [细目] 部分：请列出细目，如“体系建设 | 单选 | 1-3 | 4”") }
        guard issues.isEmpty, let title, let totalPoints, let target else { return .failure(ImportFailure(issues: issues.sorted())) }
        return .success(
            Blueprint(
                title: title, purpose: purpose, sections: sections, cells: cells, totalPoints: totalPoints,
                targetDifficulty: target.target, difficultyTolerance: target.tolerance, enemyGroups: enemyGroups,
                exposureCap: exposureCap, separatesSameQuote: separatesSameQuote, excludesRevealed: excludesRevealed))
    }

    private mutating func consume(_ content: Substring, line: Int) {
        if content.first == "[", content.last == "]" {
            startPart(BlueprintTextSyntax.trim(content.dropFirst().dropLast()), line: line)
            return
        }
        switch place {
        case .keys: readKey(content, line: line)
        case .part(.sections): readSection(content, line: line)
        case .part(.cells): readCell(content, line: line)
        case .part(.enemyGroups): readEnemyGroup(content, line: line)
        case .unknownPart: break
        }
    }

    private mutating func startPart(_ name: Substring, line: Int) {
        guard let found = Part(rawValue: String(name)) else {
            report(line, "未知的部分“[\(name)]”：只能是 \(Part.allCases.map { "[\($0.rawValue)]" }.joined(separator: "、"))")
            place = .unknownPart
            return
        }
        if let earlier = partLines[found] {
            report(line, "[\(found.rawValue)] 重复：第 \(earlier) 行已有这一部分，请合并")
        } else {
            partLines[found] = line
        }
        place = .part(found)
    }

    mutating func report(_ line: Int, _ reason: String) {
        issues.append(ImportIssue(file: file, line: line, reason: reason))
    }
}
