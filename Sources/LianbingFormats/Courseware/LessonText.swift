import Foundation
import LianbingCore

/// Reads a lesson file of `Courseware/` (format in `Courseware/README.md`): a header of `键: 值` lines ended by the
/// first blank line, then the Markdown body. Every problem is reported with the file and line.
public enum LessonText {
    /// The header keys, and whether each is required.
    static let keys: [String: Bool] = ["编号": true, "标题": true, "知识点": true, "时长": true, "岗位": false, "层级": false, "出处": true, "状态": false]

    /// The lesson, and the images and PDFs beside it that it refers to, read and checked.
    public static func read(_ data: Data, file: String) -> Result<(lesson: Lesson, files: [LessonFile]), ImportFailure> {
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ImportFailure(issues: [ImportIssue(file: file, line: 0, reason: "不是 UTF-8 文本")]))
        }
        var issues: [ImportIssue] = []
        var fields: [String: (value: String, line: Int)] = [:]
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        var bodyStart = lines.count
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                bodyStart = index + 1
                break
            }
            guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else {
                issues.append(ImportIssue(file: file, line: number, reason: "头部每行应为“键: 值”，头部以第一个空行结束"))
                continue
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard keys[key] != nil else {
                issues.append(ImportIssue(file: file, line: number, reason: "未知的键“\(key)”（可用：\(keys.keys.sorted().joined(separator: "、"))）"))
                continue
            }
            if fields[key] != nil { issues.append(ImportIssue(file: file, line: number, reason: "“\(key)”重复")) }
            fields[key] = (value, number)
        }
        for (key, required) in keys where required && (fields[key]?.value ?? "").isEmpty {
            issues.append(ImportIssue(file: file, line: fields[key]?.line ?? 1, reason: "缺少“\(key)”"))
        }
        func list(_ key: String) -> [String] {
            (fields[key]?.value ?? "").split(whereSeparator: { $0 == ";" || $0 == "；" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let minutes = Int(fields["时长"]?.value ?? "")
        if fields["时长"] != nil && minutes == nil {
            issues.append(ImportIssue(file: file, line: fields["时长"]!.line, reason: "时长须为整数（分钟）"))
        }
        var levels: [UnitLevel] = []
        for label in list("层级") {
            if let level = UnitLevel(label: label) { levels.append(level) } else {
                issues.append(ImportIssue(file: file, line: fields["层级"]!.line, reason: "未知的层级“\(label)”（可用：省、市、县、镇、村）"))
            }
        }
        var status = QuestionStatus.active
        if let field = fields["状态"] {
            if let parsed = QuestionStatus(label: field.value) { status = parsed } else {
                issues.append(ImportIssue(file: file, line: field.line, reason: "未知的状态“\(field.value)”（可用：草稿、启用、停用）"))
            }
        }
        let body = lines[min(bodyStart, lines.count)...].joined(separator: "\n")
        let lesson = Lesson(
            id: fields["编号"]?.value ?? "", title: fields["标题"]?.value ?? "", knowledgePoints: list("知识点"), minutes: minutes ?? 0,
            posts: list("岗位"), levels: levels, source: fields["出处"]?.value ?? "", status: status, body: body)
        if issues.isEmpty {
            let line = fields["编号"]?.line ?? 1
            issues += lesson.problems.map { ImportIssue(file: file, line: line, reason: $0) }
        }
        // Files the lesson refers to must sit beside it: nothing is loaded from another server.
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        var files: [LessonFile] = []
        for reference in MarkdownDocument(body).references {
            let destination = reference.destination
            let line = bodyStart + reference.line
            var refusal: String?
            switch LessonReference(destination: destination) {
            case .anchor: break
            case .elsewhere:
                if reference.isImage { refusal = "图片须放在微课旁边，不能引用其他服务器：\(destination)" }
            case .media(let name):
                if reference.isImage {
                    refusal = "音频和视频须写成链接 [标题](media:文件名)，不能写成图片：\(destination)"
                } else if LessonMedia(name: name) == nil {
                    refusal = "\(LessonMedia.rule)：\(destination)"
                }
            case .outside: refusal = "只能引用微课所在文件夹里的文件：\(destination)"
            case .local(let name):
                if let problem = LessonFile.problem(name: name, asImage: reference.isImage) {
                    refusal = "\(problem)：\(destination)"
                } else if !files.contains(where: { $0.name == name }) {
                    switch readFile(name, in: folder) {
                    case .success(let read): files.append(read)
                    case .failure(.missing): refusal = "引用的文件不存在：\(destination)"
                    case .failure(.refused(let reason)): refusal = "文件 \(name)：\(reason)"
                    }
                }
            }
            if let refusal { issues.append(ImportIssue(file: file, line: line, reason: refusal)) }
        }
        return issues.isEmpty ? .success((lesson, files)) : .failure(ImportFailure(issues: issues.sorted()))
    }

    enum FileProblem: Error {
        case missing
        case refused(String)
    }

    /// A file beside the lesson, refused if it is too big before it is read.
    static func readFile(_ name: String, in folder: URL) -> Result<LessonFile, FileProblem> {
        let url = folder.appendingPathComponent(name)
        guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]), values.isRegularFile == true else {
            return .failure(.missing)
        }
        if let tooBig = LessonFile.sizeProblem(values.fileSize ?? 0) { return .failure(.refused(tooBig)) }
        guard let data = FileManager.default.contents(atPath: url.path) else { return .failure(.refused("无法读取")) }
        let read = LessonFile(name: name, data: data)
        return read.problem.map { .failure(.refused($0)) } ?? .success(read)
    }
}
