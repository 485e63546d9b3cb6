import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingStore
import Testing

/// Foreign files with types the product lacks: refused by name, or imported without them on request.
@Suite struct UnsupportedImportTests {
    static let gift = """
        $CATEGORY: $course$/队伍建设/学习培训形式

        ::G-1:: 服务中心（站）至少多长时间组织一次业务培训？ { ~每季度 =每半年 ~每年 }

        ::G-2:: 连线：把方式与含义配对 { =以会代训 -> 会议 =组织观摩 -> 观看 =实践教学 -> 实践 }

        ::G-3:: 每年至少组织几次？ {#2}
        """

    static let moodle = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
          <question type="truefalse">
            <name><text>M-1</text></name>
            <questiontext format="plain_text"><text>退役军人和其他优抚对象比例原则上不少于三分之一。</text></questiontext>
            <answer fraction="100"><text>true</text></answer>
            <answer fraction="0"><text>false</text></answer>
          </question>
          <question type="matching">
            <name><text>M-2</text></name>
            <questiontext format="plain_text"><text>配对</text></questiontext>
          </question>
          <question type="numerical">
            <name><text>M-3</text></name>
            <questiontext format="plain_text"><text>几次？</text></questiontext>
            <answer fraction="100"><text>2</text></answer>
          </question>
        </quiz>
        """

    @Test(arguments: [("quiz.gift", gift), ("quiz.xml", moodle)])
    func unsupportedTypesAreNamedOrSkipped(file: String, text: String) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-unsupported-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(file).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let dbPath = directory.appendingPathComponent("db.sqlite").path
        let store = try AppDatabase.open(path: dbPath, passwords: PasswordHasher(cost: 4))
        _ = try await store.importUnits(
            [UnitTreeBuilder.Row(line: 2, unit: ServiceUnit(code: "44", name: "广东省", level: .province, parentCode: nil))], file: "org",
            by: .operator(root: UnitPath(codes: [])))
        let op = try await store.operatorPrincipal()

        let read = try BankFiles.read(path, format: nil)
        #expect(read.unsupported.count == 2, "\(read.unsupported)")
        let error = await #expect(throws: LianbingError.self) { try await store.importQuestions(read, note: file, by: op) }
        guard case .importRejected(let failure) = error else { Issue.record("expected importRejected"); return }
        #expect(failure.issues.count == 2)
        #expect(failure.issues.allSatisfy { $0.reason.contains("不支持的题型") })
        #expect(try await store.currentBankRevision() == 0)

        let result = try await store.importQuestions(read, note: file, skipUnsupported: true, by: op)
        #expect(result.added == 1 && result.skipped.count == 2)
        // And through the command line, which exits non-zero without the flag.
        await #expect(throws: ExitCode.self) {
            try await Lianbing.execute(["bank", "import", path, "--db", dbPath + "2", "--bcrypt-cost", "4"])
        }
    }
}
