import ArgumentParser
import Foundation
import LianbingCore
@testable import LianbingCLI
import LianbingStore
import Testing

/// `serve` finds `QuestionBank/`, `Blueprints/` and `Courseware/` wherever it is started from, says where, and
/// warns when it finds none.
@Suite struct ContentFoldersTests {
    let scratch: URL

    init() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-content-\(UUID())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    /// A folder under the scratch folder holding the named content folders, copied from the checkout.
    func folder(_ name: String, holding kinds: [ContentFolders.Kind] = []) throws -> URL {
        let url = scratch.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for kind in kinds {
            try FileManager.default.copyItem(
                at: QuestionBankContentTests.root.appendingPathComponent(kind.rawValue), to: url.appendingPathComponent(kind.rawValue))
        }
        return url
    }

    @Test("Given --content-dir, then it is the only place used, even over a working directory holding content")
    func anExplicitFolderWins() throws {
        let content = try folder("content", holding: [.blueprints])
        let command = try ServeCommand.parse(["--content-dir", content.path])
        let found = command.contentFolders(
            workingDirectory: QuestionBankContentTests.root, executable: try folder("bin").appendingPathComponent("lianbing"),
            system: try folder("system", holding: [.bank]))
        #expect(found.place?.folder.path == content.path && found.place?.role == "--content-dir" && found.searched.count == 1)
        #expect(found.folder(.blueprints)?.lastPathComponent == "Blueprints" && found.folder(.bank) == nil)
        let report = found.report(demo: true)
        #expect(report.warning == nil && report.lines == ["内容文件夹：\(content.path)（--content-dir）：组卷规则 Blueprints/；没有 QuestionBank/、Courseware/。"])
    }

    @Test("Given no --content-dir, then the working directory, the executable's folder and the one above, then the system folder")
    func placesInOrder() throws {
        let outside = try folder("elsewhere")
        let install = try folder("opt", holding: [.bank, .blueprints])
        let executable = install.appendingPathComponent("bin/lianbing")
        let system = try folder("share", holding: [.courseware])
        let command = try ServeCommand.parse([])
        #expect(command.contentFolders(workingDirectory: outside, executable: executable, system: system).place?.role == "程序上一级目录")
        #expect(command.contentFolders(workingDirectory: install, executable: executable, system: system).place?.role == "工作目录")
        let bare = outside.appendingPathComponent("bin/lianbing")
        let fallback = command.contentFolders(workingDirectory: outside, executable: bare, system: system)
        #expect(fallback.place?.role == "系统目录" && fallback.found == [.courseware])
        // The working directory is the executable's parent here: looked at once.
        #expect(fallback.searched.map(\.role) == ["工作目录", "程序所在目录", "系统目录"])
    }

    @Test("Given no content anywhere, then start-up warns naming every place looked at")
    func nothingFoundWarns() throws {
        let (outside, bin, system) = (try folder("cwd"), try folder("bin"), try folder("system"))
        let found = try ServeCommand.parse(["--demo"]).contentFolders(
            workingDirectory: outside, executable: bin.appendingPathComponent("lianbing"), system: system)
        #expect(found.place == nil && found.folder(.bank) == nil)
        let report = found.report(demo: true)
        let warning = try #require(report.warning)
        #expect(report.lines.isEmpty)
        #expect(warning.hasPrefix("警告：未找到内容文件夹（QuestionBank/、Blueprints/、Courseware/）"))
        for place in [outside, bin, scratch, system] { #expect(warning.contains(place.path), "\(place.path)") }
        #expect(warning.contains("演示题库、微课和考试为空") && warning.contains("--content-dir"))
        #expect(found.report(demo: false).warning?.contains("演示") == false)
    }

    @Test("Given a --content-dir that is missing or holds no content, then serve refuses to start")
    func aWrongFolderIsRefused() throws {
        #expect(throws: (any Error).self) { try ServeCommand.parse(["--content-dir", scratch.appendingPathComponent("missing").path]) }
        #expect(throws: (any Error).self) { try ServeCommand.parse(["--content-dir", try folder("empty").path]) }
    }

    @Test("Given the demo started outside the checkout with --content-dir, then its bank and exams come from there")
    func theDemoLoadsFromTheContentFolder() async throws {
        let content = try folder("content", holding: [.bank, .blueprints])
        let command = try ServeCommand.parse(["--demo", "--content-dir", content.path])
        let found = command.contentFolders(workingDirectory: try folder("cwd"), executable: nil, system: try folder("system"))
        let db = try AppDatabase.inMemory()
        _ = try await db.installDemo({ DemoDataset.generate(scale: .demo) }, scale: .demo)
        try await command.installDemoContent(from: found, into: db)
        let op = try await db.operatorPrincipal()
        #expect(try await db.currentBankRevision() > 0)
        #expect(try await db.exams(by: op).map(\.title).sorted() == ["演示：第三季度集中考核", "演示：第四季度集中考核"])
    }
}
