import Foundation
import Testing

/// The page assets as the issue bounds them: plain ES2017 (the built-in browsers of messaging apps on older phones
/// run no newer syntax), nothing fetched from elsewhere, and all scripts and styles together under 100 KB.
@Suite struct AssetBudgetTests {
    static let folder = TestApp.root.appendingPathComponent("Sources/LianbingServer/Public")

    static func assets(_ ending: String) throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(ending) }.sorted().map {
            ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test func scriptsAndStylesTogetherStayUnder100KB() throws {
        let all = try Self.assets(".js") + Self.assets(".css")
        #expect(all.count >= 8)
        let bytes = all.reduce(0) { $0 + $1.text.utf8.count }
        #expect(bytes < 100 * 1024, "\(bytes) bytes")
    }

    @Test func nothingIsFetchedFromAnotherServer() throws {
        for (name, text) in try Self.assets(".js") + Self.assets(".css") {
            for pattern in ["http://", "https://", "\"//", "'//", "url(//", "@import"] {
                #expect(!text.contains(pattern), "\(name) contains \(pattern)")
            }
        }
    }

    /// Syntax and library calls newer than ES2017, each with the edition that brought it.
    static let newer: [(pattern: String, what: String)] = [
        (#"\?\.[A-Za-z_$\[(]"#, "optional chaining (ES2020)"),
        (#"\?\?"#, "nullish coalescing (ES2020)"),
        (#"catch\s*\{"#, "optional catch binding (ES2019)"),
        (#"\{\s*\.\.\.|,\s*\.\.\.[A-Za-z_$]+\s*\}"#, "object spread (ES2018)"),
        (#"\.(flat|flatMap|replaceAll|matchAll|at|findLast|findLastIndex)\("#, "a newer array or string method"),
        (#"Object\.(fromEntries|hasOwn)\(|Promise\.(allSettled|any)\(|globalThis"#, "a newer built-in"),
        (#"for\s+await\b"#, "async iteration (ES2018)"),
        (#"\b\d+_\d"#, "a numeric separator (ES2021)"),
        (#"\bstatic\s*\{|#[A-Za-z_]+\s*[=;(]"#, "class fields or static blocks (ES2022)"),
    ]

    @Test func scriptsUseNothingNewerThanES2017() throws {
        for (name, text) in try Self.assets(".js") {
            let code = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.hasPrefix("//") }
                .joined(separator: "\n")
            for (pattern, what) in Self.newer {
                let found = try Regex(pattern).firstMatch(in: code)
                #expect(found == nil, "\(name) uses \(what): \(found.map { String(code[$0.range]) } ?? "")")
            }
        }
    }
}
