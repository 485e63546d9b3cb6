import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingFormats
import LianbingStore
import Testing

/// `bank import` of Moodle's own exports (issue 18): the three failures a new user met, end to end.
@Suite struct MoodleImportCommandTests {
    /// Moodle's GIFT export saved as `.txt`: a category under Moodle's default one, an essay without grader
    /// information, and two identical questions sharing a name.
    static let gift = """
        // question: 0  name: Switch category to $course$/top/Default for 退役军人服务培训/政策法规
        $CATEGORY: $course$/top/Default for 退役军人服务培训/政策法规

        // question: 11  name: 施行日期
        ::施行日期::[html]<p dir\\="ltr">《退役军人保障法》自何时起施行？</p>{=2021年1月1日 ~2020年1月1日 ~2022年1月1日}

        // question: 12  name: 简述职责
        ::简述职责::[html]<p dir\\="ltr">简述退役军人服务站的主要职责。</p>{}

        // question: 13  name: 判断
        ::判断::服务站应当设立在村（社区）。{TRUE}

        // question: 14  name: 判断
        ::判断::服务站应当设立在村（社区）。{TRUE}

        """

    @Test func moodleGIFTSavedAsTxtImportsWithTheEssayAsDraft() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-moodle-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("moodle-export.txt").path
        try Data(Self.gift.utf8).write(to: URL(fileURLWithPath: path))

        let read = try BankFiles.read(path, format: nil)
        #expect(read.issues.isEmpty, "\(read.issues)")
        #expect(read.questions.count == 3)
        #expect(read.notes.count == 2)
        // `--format` still overrides: read as the bank's own format, the same file is all problems.
        #expect(try BankFiles.read(path, format: .bank).questions.isEmpty)

        let store = try AppDatabase.open(path: directory.appendingPathComponent("db.sqlite").path, passwords: PasswordHasher(cost: 4))
        _ = try await store.importUnits(
            [UnitTreeBuilder.Row(line: 2, unit: ServiceUnit(code: "44", name: "广东省", level: .province, parentCode: nil))], file: "org",
            by: .operator(root: UnitPath(codes: [])))
        let result = try await store.importQuestions(read, note: path, by: try await store.operatorPrincipal())
        #expect(result.added == 3)
        #expect(result.warnings.contains { $0.reason.contains("简答“简述职责”参考答案为空、缺少评分要点，已作为草稿导入") })
        #expect(result.warnings.contains { $0.reason.contains("只导入一次") })
        let listed = try await store.questions(QuestionFilter(), for: try await store.operatorPrincipal()).items.map(\.question)
        #expect(listed.filter { $0.status == .draft }.map(\.stem) == ["简述退役军人服务站的主要职责。"])
        #expect(Set(listed.flatMap(\.knowledgePoints)) == ["政策法规"])

        // Importing the same file again finds the same questions.
        let again = try await store.importQuestions(try BankFiles.read(path, format: nil), note: path, by: try await store.operatorPrincipal())
        #expect(again.added == 0 && again.changed == 0 && again.unchanged == 3)
    }

    @Test func theShippedBankIsStillDetectedAsBankFiles() throws {
        let files = try BankFiles.collect(QuestionBankContentTests.bankPath, format: nil)
        #expect(files.count > 5)
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(QuestionFormat.detect(data, fileExtension: URL(fileURLWithPath: file).pathExtension)?.format == .bank, "\(file)")
        }
        let read = try BankFiles.read(QuestionBankContentTests.bankPath, format: nil)
        #expect(read.issues.isEmpty)
        #expect(read.questions.count == (try QuestionBankContentTests.bank()).questions.count)
    }
}
