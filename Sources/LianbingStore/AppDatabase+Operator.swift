import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// The CLI's principal: the whole tree. Fails on a database with no tree yet.
    public func operatorPrincipal() async throws -> Principal {
        guard let root = try await reader.read({ db in try UnitRecord.filter(Column("parentCode") == nil).fetchOne(db) }) else {
            throw LianbingError.notInitialised
        }
        return .operator(root: root.unitPath)
    }

    /// Creates the tree and the first administrator, at its root, with a generated password.
    /// Only on an empty database: a second `init` must not quietly add a second administrator.
    public func initialise(units rows: [UnitTreeBuilder.Row], file: String, adminUsername: String) async throws -> IssuedPassword {
        guard Account.isValidUsername(adminUsername) else { throw LianbingError.invalid("用户名须为 2–32 位字母、数字或 . _ -") }
        guard try await !isInitialised() else {
            throw LianbingError.conflict("数据库已初始化；追加单位请用 lianbing org import，添加账号请用 lianbing user add")
        }
        let bootstrap = Principal.operator(root: UnitPath(codes: []))
        _ = try await importUnits(rows, file: file, by: bootstrap)
        let principal = try await operatorPrincipal()
        let root = try await rootUnit()!
        return try await createAccount(NewAccount(username: adminUsername, role: .admin, unitCode: root.code), by: principal).issued!
    }

    /// A consistent copy of the whole database, taken while others keep reading and writing. With `files` (the folder
    /// beside this database), the files the copy names are copied beside it too (`FileStore.beside(databasePath:)`).
    @discardableResult
    public func backup(to path: String, files: FileStore? = nil) async throws -> BackupReport {
        let url = URL(fileURLWithPath: path)
        guard !FileManager.default.fileExists(atPath: path) else { throw LianbingError.conflict("目标文件已存在：\(path)") }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let destination = try DatabaseQueue(path: path)
        try writer.backup(to: destination)
        var report = BackupReport(files: 0, missing: [])
        if let files {
            // Files are written before the row that names them and never change, so every name in the copy is there.
            let names = try await destination.read { try Self.referencedFiles($0) }
            (report.files, report.missing) = try files.copy(names, to: FileStore.beside(databasePath: path))
        }
        try destination.close()
        return report
    }
}
