import Foundation
import LianbingCore
import LianbingFormats

/// Writes the live bank as bank files laid out like `QuestionBank/`, so that browser edits can be reviewed in git:
/// exported over the folder the bank was imported from, each question stays in the file (and at the place) it was
/// read from and each file keeps its opening comments, so the diff shows only what changed in the database.
enum BankFolder {
    /// Whether `bank export --out` names a folder rather than a file: an existing folder, or a path without extension.
    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return isDirectory.boolValue }
        return URL(fileURLWithPath: path).pathExtension.isEmpty
    }

    /// Writes `questions` under `folder`, replacing the bank files already there (refused when they hold questions the
    /// bank lacks); returns how many files it wrote.
    static func write(_ questions: [Question], to folder: String) throws -> Int {
        let existing = try existingFiles(in: folder)
        var placed: [String: String] = [:]
        for (file, content) in existing { for id in content.ids { placed[id] = file } }
        // A question in the folder but not in the bank was added to the files and never imported: rewriting would lose it.
        let unknown = Set(placed.keys).subtracting(questions.map(\.id)).sorted()
        if !unknown.isEmpty {
            throw LianbingError.invalid("\(folder) 中有题库里没有的题目（\(unknown.prefix(10).joined(separator: "、"))），导出会丢失它们：请先导入或移走这些题目")
        }
        var files: [String: [Question]] = [:]
        for question in questions { files[placed[question.id] ?? defaultFile(for: question), default: []].append(question) }
        for (file, contained) in files.sorted(by: { $0.key < $1.key }) {
            // The file's own order first, then questions new to it by id: a re-export changes nothing.
            let order = Dictionary(uniqueKeysWithValues: (existing[file]?.ids ?? []).enumerated().map { ($1, $0) })
            let sorted = contained.sorted { (order[$0.id] ?? Int.max, $0.id) < (order[$1.id] ?? Int.max, $1.id) }
            let header = existing[file]?.header ?? ""
            let url = URL(fileURLWithPath: folder).appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (Data(header.utf8) + BankText.write(sorted)).write(to: url, options: .atomic)
        }
        return files.count
    }

    /// Where a question new to the folder goes, one file per knowledge area as in `QuestionBank/`: a question on a
    /// named law (`出处: 《…》第…条`) in `<area>/<law>.txt` (法律法规/退役军人保障法.txt), any other in
    /// `行动计划/<area>.txt`, the area being the first level of its first knowledge point.
    static func defaultFile(for question: Question) -> String {
        let area = safeName(question.knowledgePoints.first?.split(separator: "/").first.map(String.init) ?? "未分类")
        if question.source.hasPrefix("《"), let end = question.source.firstIndex(of: "》") {
            let law = question.source[question.source.index(after: question.source.startIndex)..<end]
            let short = law.hasPrefix("中华人民共和国") ? law.dropFirst("中华人民共和国".count) : law
            if !short.isEmpty { return area + "/" + safeName(String(short)) + ".txt" }
        }
        return "行动计划/" + area + ".txt"
    }

    /// A knowledge area or a law's name as one path component.
    private static func safeName(_ name: String) -> String {
        let cleaned = name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "_" : $0 }
        let trimmed = String(cleaned).trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.hasPrefix(".") ? "未分类" : trimmed
    }

    /// The bank files under `folder` (by relative path): the ids in their order and the comments before the first
    /// question. A file that does not read as a bank file is left alone.
    private static func existingFiles(in folder: String) throws -> [String: (ids: [String], header: String)] {
        guard FileManager.default.fileExists(atPath: folder) else { return [:] }
        var result: [String: (ids: [String], header: String)] = [:]
        let prefix = String((folder as NSString).appendingPathComponent("x").dropLast())
        for path in try BankFiles.collect(folder, format: .bank) {
            guard let data = FileManager.default.contents(atPath: path), case .success(let read) = BankText.read(data, file: path),
                !read.questions.isEmpty, read.issues.isEmpty
            else { continue }
            let relative = String(path.dropFirst(prefix.count))
            let text = String(decoding: data, as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let comments = lines.prefix { $0.hasPrefix("#") || $0.trimmingCharacters(in: .whitespaces).isEmpty }
            let header = comments.lastIndex { $0.hasPrefix("#") }.map { comments[...$0].joined(separator: "\n") + "\n\n" } ?? ""
            result[relative] = (read.questions.map(\.question.id), header)
        }
        return result
    }
}
