import ArgumentParser
import LianbingStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "在线备份：服务运行时也可执行，得到一份一致的完整数据库副本。")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "备份文件路径（不能已存在）。", completion: .file())
    var toFile: String

    func run() async throws {
        try await reportingErrors {
            try await database.open().backup(to: toFile)
            Console.out("已备份到 \(toFile)")
        }
    }
}
