import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
import NIOCore
import Testing

@testable import LianbingServer
@testable import LianbingStore

/// 题库 › 导入题库: an uploaded file is checked and reported as the CLI reports it before anything is written.
@Suite struct BankImportPageTests {
    static let gift = """
        $CATEGORY: $course$/top/队伍建设/学习培训形式

        ::UP-1:: 服务中心（站）至少多长时间组织一次工作人员业务培训？ {
          ~每季度
          =每半年
          ~每年
        }

        ::UP-2:: 服务中心（站）应当建立常态化培训机制。 {T}
        """

    static func upload(_ client: Client, _ text: String, name: String, query: String = "", session: Session, csrf: Bool = true) async throws -> TestResponse {
        var headers: HTTPFields = [.cookie: session.cookie, .contentType: "application/octet-stream"]
        if csrf { headers[HTTPField.Name("X-CSRF-Token")!] = session.csrf }
        return try await client.inner.execute(
            uri: "/bank/import?name=\(Client.encode(name))\(query)", method: .post, headers: headers, body: ByteBuffer(string: text))
    }

    static func owner(_ id: String, _ database: AppDatabase) async throws -> String? {
        try await database.reader.read { db in try String.fetchOne(db, sql: "SELECT ownerUnitCode FROM question WHERE id = ?", arguments: [id]) }
    }

    @Test func aTrainerSeesTheDryRunReportThenImports() async throws {
        let app = try await TestApp.demo()
        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            let page = try await client.request(.get, "/bank/import", session: trainer)
            #expect(page.status == .ok && page.text.contains("bank-import.js") && page.text.contains("type=\"file\""))
            #expect(try await client.request(.get, "/bank", session: trainer).text.contains("href=\"/bank/import\""))

            let before = try await app.database.currentBankRevision()
            let dryRun = try await Self.upload(client, Self.gift, name: "本市题目.txt", session: trainer)
            #expect(dryRun.status == .ok)
            #expect(dryRun.text.contains("GIFT 格式（按内容识别）") && dryRun.text.contains("试运行（未写入）：新增 2，修改 0，未变 0"))
            #expect(dryRun.text.contains("data-importable"))
            #expect(try await app.database.currentBankRevision() == before)

            let imported = try await Self.upload(client, Self.gift, name: "本市题目.txt", query: "&confirm=1", session: trainer)
            #expect(imported.text.contains("已导入，题库版本 \(before + 1)：新增 2") && !imported.text.contains("data-importable"))
            let root = try await app.database.operatorPrincipal()
            let city = try await app.database.account("trainer", for: root).account.unitCode
            #expect(try await Self.owner("UP-1", app.database) == city)
            #expect(try await client.request(.get, "/bank?q=UP-1", session: trainer).text.contains("/bank/UP-1"))

            // Uploaded again unchanged: nothing to do. (A GIFT question's 出处 names its file, so the name is kept.)
            let again = try await Self.upload(client, Self.gift, name: "本市题目.txt", query: "&confirm=1", session: trainer)
            #expect(again.text.contains("题库没有变化"))
            let byExtension = try await Self.upload(client, Self.gift, name: "本市题目.gift", session: trainer)
            #expect(byExtension.text.contains("GIFT 格式") && !byExtension.text.contains("按内容识别"))
        }
    }

    @Test func problemsAreListedWithFileAndLineAndNothingIsOffered() async throws {
        let app = try await TestApp.demo()
        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            _ = try await Self.upload(client, Self.gift, name: "市.gift", query: "&confirm=1", session: trainer)
            let before = try await app.database.currentBankRevision()

            let broken = try await Self.upload(client, "题号: BAD-1\n题型: 单选\n难度: 9\n", name: "坏<b>.txt", session: trainer)
            #expect(broken.status == .unprocessableContent && broken.text.contains("坏&lt;b&gt;.txt:") && broken.text.contains("未写入任何数据"))
            #expect(!broken.text.contains("data-importable"))

            // A county may not change its city's question, whatever it asks.
            let county = try await client.logIn("county")
            let changed = Self.gift.replacingOccurrences(of: "~每年", with: "~每两年")
            let refused = try await Self.upload(client, changed, name: "县.gift", query: "&confirm=1&force=1", session: county)
            #expect(refused.status == .unprocessableContent && refused.text.contains("UP-1") && refused.text.contains("无权修改") && !refused.text.contains("data-importable"))
            #expect(try await app.database.currentBankRevision() == before)

            #expect(try await Self.upload(client, Self.gift, name: "x.gift", session: trainer, csrf: false).status == .forbidden)
            let staff = try await client.logIn("staff")
            #expect(try await Self.upload(client, Self.gift, name: "x.gift", session: staff).status == .forbidden)
            #expect(try await client.request(.get, "/bank/import", session: staff).status == .forbidden)
        }
    }
}
