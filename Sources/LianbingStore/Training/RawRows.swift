#if canImport(GRDBSQLite)
import GRDBSQLite
#elseif canImport(SQLite3)
import SQLite3
#endif
import Foundation
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

/// Pieces of text kept as bytes in one buffer and made into `String`s only when asked for: a report over 50,000
/// people needs the names of the few hundred it lists, not of everyone it counts.
struct ByteList {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    var count: Int { starts.count - 1 }

    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: piece)
        starts.append(bytes.count)
    }

    mutating func append(_ piece: String) {
        var piece = piece
        piece.withUTF8 { append($0) }
    }

    func string(at index: Int) -> String { String(decoding: bytes[starts[index]..<starts[index + 1]], as: UTF8.self) }

    func withBytes<T>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try bytes.withUnsafeBufferPointer { all in try body(UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]])) }
    }

    /// Whether the piece at `index` has exactly these bytes.
    func matches(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[index]
        guard starts[index + 1] - start == key.count else { return false }
        guard !key.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, key.baseAddress!, key.count) == 0 }
    }
}

/// Keys given as bytes (staff numbers, unit codes) and their positions: an open-addressing table, so a scan can find
/// a row's person or unit from SQLite's bytes without making a `String` and hashing it. A slot holds the key's first
/// 16 bytes, its length and position, so finding a staff number or unit code (both short) costs one memory read;
/// longer keys are compared in full against `keys`.
struct ByteKeyIndex {
    private(set) var keys = ByteList()
    private struct Slot {
        /// `length << 48 | position + 1`; 0 for an empty slot.
        var meta: UInt64 = 0
        var head: UInt64 = 0
        var tail: UInt64 = 0
    }
    private var slots: [Slot]
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
    }

    var count: Int { keys.count }

    /// The position of `key`, adding it when new.
    @discardableResult
    mutating func insert(_ key: String) -> Int {
        var key = key
        return key.withUTF8 { insert(bytes: $0) }
    }

    @discardableResult
    mutating func insert(bytes key: UnsafeBufferPointer<UInt8>) -> Int {
        let packed = Self.pack(key)
        if let found = find(key, packed) { return found }
        let index = count
        keys.append(key)
        place(index, packed)
        if count * 2 > slots.count { grow() }
        return index
    }

    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? { find(key, Self.pack(key)) }

    func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { index(of: $0) }
    }

    /// The key at `index`, as text.
    func key(at index: Int) -> String { keys.string(at: index) }

    func withKey<T>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T { try keys.withBytes(at: index, body) }

    private typealias Packed = (head: UInt64, tail: UInt64, length: UInt64, hash: Int)

    /// The first 16 bytes as two words, and a hash of them and the length (plus the rest, for longer keys).
    private static func pack(_ key: UnsafeBufferPointer<UInt8>) -> Packed {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        for (offset, byte) in key.prefix(16).enumerated() {
            if offset < 8 { head |= UInt64(byte) << (8 * UInt64(offset)) } else { tail |= UInt64(byte) << (8 * UInt64(offset - 8)) }
        }
        var hash = head &* 0x9e37_79b9_7f4a_7c15 ^ (tail &+ UInt64(key.count)) &* 0xc2b2_ae3d_27d4_eb4f
        for byte in key.dropFirst(16) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return (head, tail, UInt64(min(key.count, 0xFFFF)), Int(truncatingIfNeeded: hash))
    }

    private func find(_ key: UnsafeBufferPointer<UInt8>, _ packed: Packed) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            var slot = packed.hash & mask
            while true {
                let entry = slots[slot]
                if entry.meta == 0 { return nil }
                if entry.head == packed.head, entry.tail == packed.tail, entry.meta >> 48 == packed.length {
                    let index = Int(entry.meta & 0xFFFF_FFFF_FFFF) - 1
                    if key.count <= 16 || keys.matches(index, key) { return index }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func place(_ index: Int, _ packed: Packed) {
        var slot = packed.hash & mask
        while slots[slot].meta != 0 { slot = (slot + 1) & mask }
        slots[slot] = Slot(meta: packed.length << 48 | UInt64(index + 1), head: packed.head, tail: packed.tail)
    }

    private mutating func grow() {
        slots = Array(repeating: Slot(), count: slots.count * 2)
        mask = slots.count - 1
        for index in 0..<count { place(index, keys.withBytes(at: index) { Self.pack($0) }) }
    }
}
