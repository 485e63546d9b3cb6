import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import LianbingServer
import Testing

/// The page assets as the issue bounds them: plain ES2017 (the built-in browsers of messaging apps on older phones
/// run no newer syntax), nothing fetched from elsewhere, and what any one page loads — its scripts and styles
/// together — under 100 KB, so that each later capability has room for its own files.
@Suite struct AssetBudgetTests {
    static let folder = TestApp.root.appendingPathComponent("Sources/LianbingServer/Public")
    static let budget = 100 * 1024

    static func assets(_ ending: String) throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(ending) }.sorted().map {
            ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    /// The scripts and stylesheets a page's HTML names, as written.
    static func loaded(by html: String) throws -> [String] {
        let scripts = try Regex(#"<script[^>]*\ssrc="([^"]*)""#)
        let styles = try Regex(#"<link[^>]*rel="stylesheet"[^>]*href="([^"]*)""#)
        return (html.matches(of: scripts) + html.matches(of: styles)).map { String($0.output[1].substring ?? "") }
    }

    /// Bytes of the assets a page names, each of which must be one of this server's files under `/assets/`.
    static func weight(of page: String, html: String) throws -> Int {
        try loaded(by: html).reduce(0) { total, source in
            guard source.hasPrefix("/assets/"), !source.contains(".."),
                let data = FileManager.default.contents(atPath: folder.appendingPathComponent(String(source.dropFirst("/assets/".count))).path)
            else {
                Issue.record("\(page) loads \(source), not a file of this server")
                return total
            }
            return total + data.count
        }
    }

    /// Every page without a path parameter, for the roles that see the most of them, and the pages with the largest
    /// scripts (taking an exam, a self-test) reached through their forms.
    @Test func everyPageLoadsAtMost100KBOfScriptsAndStylesAllFromThisServer() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        let router = try await buildRouter(database: app.database, settings: app.settings)
        let pages = router.routes.map(\.description).filter { $0.hasPrefix("GET /") && !$0.contains("{") && !$0.contains(" /api/") && !$0.contains(" /assets") }
            .map { String($0.dropFirst("GET ".count)) }
        #expect(pages.count > 30)
        try await app.run { client in
            var measured = 0
            for login in ["admin", "staff"] {
                let session = try await client.logIn(login)
                var visits = pages
                for started in [
                    try await client.request(.post, "/my/exams/\(exam.id)/start", session: session, form: [:]),
                    try await client.request(.post, "/my/practice", session: session, form: ["length": "5"]),
                ] where started.status == .seeOther {
                    visits += started.headers[.location].map { [$0] } ?? []
                }
                for page in visits {
                    let response = try await client.request(.get, page, session: session)
                    guard response.status == .ok, response.headers[.contentType]?.hasPrefix("text/html") == true else { continue }
                    #expect(try Self.loaded(by: response.text).contains("/assets/app.css"), "\(page) names no stylesheet")
                    let bytes = try Self.weight(of: page, html: response.text)
                    #expect(bytes <= Self.budget, "\(login) \(page): \(bytes) bytes of scripts and styles")
                    measured += 1
                }
            }
            #expect(measured > 40)
        }
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
