import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats

/// Reads a bank file, or every bank file under a folder, into one import.
enum BankFiles {
    /// `path` itself, or the question files under it (by extension) in a stable order; with `format`, only the files
    /// whose extension that format may use.
    static func collect(_ path: String, format: QuestionFormat?) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LianbingError.invalid("找不到文件或目录：\(path)")
        }
        if !isDirectory.boolValue { return [path] }
        let root = URL(fileURLWithPath: path)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var found: [String] = []
        for case let url as URL in walker {
            let candidates = QuestionFormat.candidates(forExtension: url.pathExtension)
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true, !url.pathExtension.isEmpty,
                !candidates.isEmpty, format.map(candidates.contains) ?? true
            else { continue }
            let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
            found.append((path as NSString).appendingPathComponent(relative))
        }
        return found.sorted()
    }

    /// Every question read from `path`, each file in `format` or, without it, in the format its extension or content
    /// shows (said on standard error when the content decided); file-level problems become issues of that file.
    static func read(_ path: String, format: QuestionFormat?) throws -> QuestionImport {
        let files = try collect(path, format: format)
        guard !files.isEmpty else { throw LianbingError.invalid("\(path) 下没有题库文件（.txt、.csv、.gift、.xml）") }
        var result = QuestionImport()
        for (index, file) in files.enumerated() {
            Console.progress(index + 1, of: files.count, "正在读取题库文件")
            guard let data = FileManager.default.contents(atPath: file) else {
                result.issues.append(ImportIssue(file: file, line: 0, reason: "无法读取文件"))
                continue
            }
            let chosen: QuestionFormat
            if let format {
                chosen = format
            } else if let detected = QuestionFormat.detect(data, fileExtension: URL(fileURLWithPath: file).pathExtension) {
                chosen = detected.format
                // A folder of bank files is the everyday case; only a single file or a surprise is worth a line.
                if detected.detection == .byContent, files.count == 1 || detected.format != .bank {
                    Console.error("\(file)：按内容识别为 \(detected.format.label)（可用 --format 指定）")
                }
            } else {
                result.issues.append(ImportIssue(file: file, line: 0, reason: "无法判断文件格式，请用 --format 指定（bank、csv、gift、moodle-xml）"))
                continue
            }
            switch chosen.read(data, file: file) {
            case .success(let read): result.append(read)
            case .failure(let failure): result.issues += failure.issues
            }
        }
        return result
    }
}

extension QuestionFormat: ExpressibleByArgument {}
