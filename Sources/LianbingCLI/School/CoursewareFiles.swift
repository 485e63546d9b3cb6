import Foundation
import LianbingCore
import LianbingFormats

/// Reads every lesson file (`.md`) under a folder of `Courseware/`'s layout, skipping its README.
enum CoursewareFiles {
    static func read(_ path: String) throws -> (lessons: [CoursewareCheck.Located], issues: [ImportIssue]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LianbingError.invalid("找不到文件或目录：\(path)")
        }
        var files: [String] = []
        if isDirectory.boolValue {
            let root = URL(fileURLWithPath: path)
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard url.pathExtension == "md", url.lastPathComponent != "README.md" else { continue }
                files.append((path as NSString).appendingPathComponent(String(url.path.dropFirst(root.path.count + 1))))
            }
            files.sort()
        } else {
            files = [path]
        }
        guard !files.isEmpty else { throw LianbingError.invalid("\(path) 下没有微课文件（.md）") }
        var lessons: [CoursewareCheck.Located] = []
        var issues: [ImportIssue] = []
        for (index, file) in files.enumerated() {
            Console.progress(index + 1, of: files.count, "正在读取微课文件")
            guard let data = FileManager.default.contents(atPath: file) else {
                issues.append(ImportIssue(file: file, line: 0, reason: "无法读取"))
                continue
            }
            switch LessonText.read(data, file: file) {
            case .success(let read): lessons.append(CoursewareCheck.Located(lesson: read.lesson, file: file, files: read.files))
            case .failure(let failure): issues += failure.issues
            }
        }
        return (lessons, issues)
    }
}
