import ArgumentParser
import Foundation

/// Reads a whole input file, with a message that names it when it cannot be read.
func readInput(_ path: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
        Console.error("错误：无法读取文件 \(path)")
        throw ExitCode.failure
    }
    return data
}

/// `--sheet` for the imports that read a table, CSV or workbook: which worksheet of an .xlsx file to read.
struct SheetOption: ParsableArguments {
    @Option(help: "从 .xlsx 工作簿导入时读取的工作表名称；省略则读第一个工作表（CSV 文件不用此项）。")
    var sheet: String?
}

/// Writes an output file, refusing to overwrite one that exists: it may hold passwords already handed out.
func writeOutput(_ data: Data, to path: String) throws {
    guard !FileManager.default.fileExists(atPath: path) else {
        Console.error("错误：文件已存在，不会覆盖：\(path)")
        throw ExitCode.failure
    }
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
        Console.error("错误：无法写入文件 \(path)")
        throw ExitCode.failure
    }
}
