import Crypto
import Foundation
import LianbingCore

/// The folder of uploaded files (scanned certificates) kept beside the database: `data/lianbing.sqlite` keeps them in
/// `data/lianbing-files/`.
///
/// Each file is named by the SHA-256 of its content and its kind's extension, written once (to a temporary name in the
/// folder, then renamed into place) and never changed or removed by the product; the database names the files it
/// uses. A backup taken at any moment therefore finds every file its copy of the database names, and copies those.
public struct FileStore: Sendable, Equatable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory.standardizedFileURL }

    /// The folder beside a database file: its path without the extension, plus `-files`.
    public static func beside(databasePath path: String) -> FileStore {
        let url = URL(fileURLWithPath: path)
        let base = url.deletingPathExtension().lastPathComponent
        return FileStore(directory: url.deletingLastPathComponent().appendingPathComponent(base + "-files", isDirectory: true))
    }

    /// A fresh folder under the temporary directory (tests, and servers over an in-memory database).
    public static func temporary() -> FileStore {
        FileStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-files-\(UUID().uuidString)", isDirectory: true))
    }

    /// A name this store could have given: 64 lower-case hex digits, a dot and a known extension. Anything else (a
    /// path, `..`) never reaches the file system.
    public static func isValidName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 64, ScanFormat(fileExtension: String(parts[1])) != nil else { return false }
        return parts[0].unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    func url(_ name: String) throws -> URL {
        guard Self.isValidName(name) else { throw LianbingError.notFound("文件 \(name)") }
        return directory.appendingPathComponent(name, isDirectory: false)
    }

    /// Keeps `data` and answers its name; the same content keeps the same name, written once.
    public func save(_ data: Data, as format: ScanFormat) throws -> String {
        let name = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() + "." + format.fileExtension
        let target = try url(name)
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        guard !manager.fileExists(atPath: target.path) else { return name }
        let temporary = directory.appendingPathComponent(".tmp-\(UUID().uuidString)")
        try data.write(to: temporary, options: .atomic)
        do {
            try manager.moveItem(at: temporary, to: target)
        } catch {
            try? manager.removeItem(at: temporary)
            // Another request saved the same content first: the file is there, and identical.
            guard manager.fileExists(atPath: target.path) else { throw error }
        }
        return name
    }

    public func read(_ name: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: try url(name).path) else { throw LianbingError.notFound("文件 \(name)") }
        return data
    }

    public func contains(_ name: String) -> Bool {
        guard let url = try? url(name) else { return false }
        return FileManager.default.fileExists(atPath: url.path)
    }

    /// Copies the named files into `other` (those already there are left alone); answers how many it copied and the
    /// names it could not find here.
    @discardableResult
    public func copy(_ names: some Sequence<String>, to other: FileStore) throws -> (copied: Int, missing: [String]) {
        let manager = FileManager.default
        try manager.createDirectory(at: other.directory, withIntermediateDirectories: true)
        var copied = 0
        var missing: [String] = []
        for name in Set(names).sorted() {
            let source = try url(name), target = try other.url(name)
            guard manager.fileExists(atPath: source.path) else {
                missing.append(name)
                continue
            }
            guard !manager.fileExists(atPath: target.path) else { continue }
            let temporary = other.directory.appendingPathComponent(".tmp-\(UUID().uuidString)")
            // A hard link costs no space (the file never changes); across file systems, a copy.
            do { try manager.linkItem(at: source, to: temporary) } catch { try manager.copyItem(at: source, to: temporary) }
            try manager.moveItem(at: temporary, to: target)
            copied += 1
        }
        return (copied, missing)
    }
}

/// What a backup carried beside the database: how many files it copied, and the names its database gives that the
/// files folder did not have (nothing, unless someone removed files by hand).
public struct BackupReport: Sendable, Equatable {
    public var files: Int
    public var missing: [String]
}
