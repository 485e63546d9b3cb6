import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats

/// Reads a bank file, or every bank file under a folder, into one import.
enum BankFiles {
    /// Files under `path` (or `path` itself) with the format each is read in, in a stable order.
    static func collect(_ path: String, format: QuestionFormat?) throws -> [(path: String, format: QuestionFormat)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LianbingError.invalid("找不到文件或目录：\(path)")
        }
        if !isDirectory.boolValue {
            let ext = URL(fileURLWithPath: path).pathExtension
            guard let chosen = format ?? QuestionFormat(fileExtension: ext) else {
                throw LianbingError.invalid("无法从扩展名 .\(ext) 判断格式，请用 --format 指定（bank、csv、gift、moodle-xml）")
            }
            return [(path, chosen)]
        }
        let root = URL(fileURLWithPath: path)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var found: [(String, QuestionFormat)] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                let fileFormat = QuestionFormat(fileExtension: url.pathExtension), format == nil || format == fileFormat
            else { continue }
            let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
            found.append(((path as NSString).appendingPathComponent(relative), fileFormat))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// Every question read from `path`; file-level problems become issues of that file.
    static func read(_ path: String, format: QuestionFormat?) throws -> QuestionImport {
        let files = try collect(path, format: format)
        guard !files.isEmpty else { throw LianbingError.invalid("\(path) 下没有题库文件（.txt、.csv、.gift、.xml）") }
        var result = QuestionImport()
        for (index, file) in files.enumerated() {
            Console.progress(index + 1, of: files.count, "正在读取题库文件")
            guard let data = FileManager.default.contents(atPath: file.path) else {
                result.issues.append(ImportIssue(file: file.path, line: 0, reason: "无法读取文件"))
                continue
            }
            switch file.format.read(data, file: file.path) {
            case .success(let read): result.append(read)
            case .failure(let failure): result.issues += failure.issues
            }
        }
        return result
    }
}

extension QuestionFormat: ExpressibleByArgument {}
