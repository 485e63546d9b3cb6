import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore
import Testing

/// `lianbing bank show --revision N` names who made the revision and why: an import's note, a browser save's reason.
@Suite struct BankShowRevisionTests {
    @Test func showNamesTheAuthorAndReasonOfEachRevision() async throws {
        let files = try BankCommandTests()
        try await files.initialise("show.sqlite")
        let bank = try files.write("sample.txt", BankText.write(BankCommandTests.sample))
        try await files.run(["bank", "import", bank], db: "show.sqlite")
        let store = try AppDatabase.open(path: files.path("show.sqlite"), passwords: PasswordHasher(cost: 4))
        var corrected = BankCommandTests.sample[2]
        corrected.answer = .trueFalse(false)
        try await store.saveQuestion(corrected, basedOn: 1, reason: "标准答案有误", by: try await store.operatorPrincipal())

        let second = try BinaryTests.run(["bank", "show", "S-3", "--revision", "2", "--db", files.path("show.sqlite")])
        #expect(second.status == 0 && second.stdout.contains("# 网页编辑：") && second.stdout.contains("原因：标准答案有误"), "\(second.stdout)")
        #expect(second.stdout.contains("答案: 错误"), "\(second.stdout)")
        let first = try BinaryTests.run(["bank", "show", "S-3", "--revision", "1", "--db", files.path("show.sqlite")])
        #expect(first.stdout.contains("# 导入：") && first.stdout.contains("原因：\(bank)") && first.stdout.contains("答案: 正确"), "\(first.stdout)")
    }
}
