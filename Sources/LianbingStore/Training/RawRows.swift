#if canImport(GRDBSQLite)
import GRDBSQLite
#elseif canImport(SQLite3)
import SQLite3
#endif
import GRDB
import LianbingCore

/// One row of `Database.scanRows`: SQLite's statement itself, read column by column without building a `Row` or a
/// `String` that is not asked for. Valid only inside the closure it is handed to.
struct RawRow {
    let statement: OpaquePointer

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    /// `nil` for NULL.
    func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
    }

    /// The column's text as bytes (empty for NULL), for lookups that need no `String`.
    func withBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        guard let text = sqlite3_column_text(statement, column) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))))
    }

    /// A stored date (`YYYY-MM-DD`); `nil` for NULL or anything unreadable.
    func civilDate(_ column: Int32) -> CivilDate? {
        guard !isNull(column) else { return nil }
        return withBytes(column) { CivilDate.stored(bytes: $0) } ?? string(column).flatMap(CivilDate.init)
    }
}

extension Database {
    /// Runs `sql` and hands each row to `body` straight from SQLite. For the few reports that read a table of
    /// hundreds of thousands of rows: GRDB's row cursors cost about three times SQLite's own stepping there, which
    /// decides whether a province-wide report answers within its 200 ms.
    func scanRows(_ sql: String, arguments: StatementArguments = [], _ body: (RawRow) throws -> Void) throws {
        let statement = try makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
            }
            try body(RawRow(statement: raw))
        }
    }
}

/// Keys given as bytes (staff numbers, unit codes) and their positions: an open-addressing table, so a scan can find
/// a row's person or unit from SQLite's bytes without making a `String` and hashing it.
struct ByteKeyIndex {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { starts.count - 1 }

    /// The position of `key`, adding it when new.
    @discardableResult
    mutating func insert(_ key: String) -> Int {
        var key = key
        return key.withUTF8 { insert(bytes: $0) }
    }

    @discardableResult
    mutating func insert(bytes key: UnsafeBufferPointer<UInt8>) -> Int {
        var slot = Self.hash(key) & mask
        while slots[slot] >= 0 {
            if matches(Int(slots[slot]), key) { return Int(slots[slot]) }
            slot = (slot + 1) & mask
        }
        let index = count
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        slots[slot] = Int32(index)
        if count * 2 > slots.count { grow() }
        return index
    }

    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(key) & mask
        while slots[slot] >= 0 {
            if matches(Int(slots[slot]), key) { return Int(slots[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { index(of: $0) }
    }

    private func matches(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[index]
        guard starts[index + 1] - start == key.count else { return false }
        for offset in 0..<key.count where bytes[start + offset] != key[offset] { return false }
        return true
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for index in 0..<count {
            var slot = bytes.withUnsafeBufferPointer { all in
                Self.hash(UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]]))
            } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// FNV-1a: short keys, no need for a keyed hash — the keys come from the database, not from requests.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
