import ArgumentParser
import LianbingStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "在线备份：服务运行时也可执行，得到一份一致的完整数据库副本，并把它登记的上传文件复制到副本旁的 -files 目录。")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "备份文件路径（不能已存在）。", completion: .file())
    var toFile: String

    func run() async throws {
        try await reportingErrors {
            let report = try await database.open().backup(to: toFile, files: database.files)
            Console.out("已备份到 \(toFile)")
            Console.out("上传文件（扫描件）复制到 \(FileStore.beside(databasePath: toFile).directory.path)：新复制 \(report.files) 个。")
            if !report.missing.isEmpty { Console.error("警告：数据库登记的 \(report.missing.count) 个文件在文件目录中找不到：\(report.missing.prefix(5).joined(separator: "、"))") }
        }
    }
}
