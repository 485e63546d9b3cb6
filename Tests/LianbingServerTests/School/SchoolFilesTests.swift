import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// A lesson's images and PDFs come from the database with their type, and its audio and video from the media folder in
/// the byte ranges a phone's player asks for; no name reaches outside either.
@Suite struct SchoolFilesTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 9, 9])
    static let pdf = Data("%PDF-1.4\n%%EOF\n".utf8)
    static let lesson = Lesson(
        id: "WK-F1", title: "带文件的微课", knowledgePoints: ["队伍建设/学习培训形式"], minutes: 5, source: "粤退役军人发〔2023〕22号 二（五）19",
        body: "## 讲解\n![流程](图/流程.png)\n\n[通知](通知.pdf) [讲解视频](media:wk-f1.mp4) [录音](media:wk-f1.mp3)\n## 情景\n乙\n## 工作要求\n丙")
    static let image = "/school/lessons/WK-F1/files/%E5%9B%BE/%E6%B5%81%E7%A8%8B.png"

    static func app(mediaFolder: URL? = nil) async throws -> TestApp {
        var app = try await TestApp.demo()
        app.settings.mediaFolder = mediaFolder
        let files = ["WK-F1": [LessonFile(name: "图/流程.png", data: png), LessonFile(name: "通知.pdf", data: pdf)]]
        _ = try await app.database.importLessons([lesson], files: files, by: try await app.database.operatorPrincipal())
        return app
    }

    @Test func theLessonPageShowsItsFilesAndPlayersAndTheFilesComeWithTheirType() async throws {
        try await Self.app().run { client in
            let staff = try await client.logIn("staff")
            let page = try await client.request(.get, "/school/lessons/WK-F1", session: staff).text
            #expect(page.contains(#"<img src="\#(Self.image)?revision=1" alt="流程" />"#))
            #expect(page.contains(#"<a href="/school/lessons/WK-F1/files/%E9%80%9A%E7%9F%A5.pdf?revision=1">通知</a>"#))
            #expect(page.contains(#"<video controls playsinline preload="metadata"><source src="/school/media/wk-f1.mp4" type="video/mp4"></video>"#))
            #expect(page.contains(#"<audio controls preload="metadata"><source src="/school/media/wk-f1.mp3" type="audio/mpeg"></audio>"#))
            #expect(page.contains(#"讲解视频 · <a href="/school/media/wk-f1.mp4" download>下载</a>"#))

            let image = try await client.request(.get, Self.image + "?revision=1", session: staff)
            #expect(image.status == .ok && Data(buffer: image.body) == Self.png)
            #expect(image.headers[.contentType] == "image/png" && image.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(image.headers[.cacheControl] == "private, max-age=31536000, immutable")
            let pdf = try await client.request(.get, "/school/lessons/WK-F1/files/通知.pdf", session: staff)
            #expect(pdf.status == .ok && Data(buffer: pdf.body) == Self.pdf && pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.headers[.cacheControl] == "private, no-cache")

            for missing in [
                "/school/lessons/WK-F1/files/无.png", "/school/lessons/WK-NONE/files/通知.pdf", Self.image + "?revision=2",
                "/school/lessons/WK-F1/files/..%2F..%2Fetc%2Fpasswd", "/school/lessons/WK-F1/files/%E5%9B%BE/../%E5%9B%BE/%E6%B5%81%E7%A8%8B.png",
            ] {
                #expect(try await client.request(.get, missing, session: staff).status == .notFound, "\(missing)")
            }
            #expect(try await client.request(.get, Self.image).status == .found)
        }
    }

    @Test func mediaIsServedInTheRangesAPlayerAsksFor() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-media-\(UUID())")
        let folder = root.appendingPathComponent("media")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let bytes = Data((0..<100).map { UInt8($0) })
        try bytes.write(to: folder.appendingPathComponent("wk-f1.mp4"))
        // Beside the folder, where a path out of it would lead.
        try bytes.write(to: root.appendingPathComponent("secret.mp4"))
        try await Self.app(mediaFolder: folder).run { client in
            let staff = try await client.logIn("staff")
            func get(_ range: String?, _ uri: String = "/school/media/wk-f1.mp4") async throws -> TestResponse {
                try await client.request(.get, uri, session: staff, headers: range.map { [.range: $0] } ?? [:])
            }
            let full = try await get(nil)
            #expect(full.status == .ok && Data(buffer: full.body) == bytes)
            #expect(full.headers[.contentType] == "video/mp4" && full.headers[.acceptRanges] == "bytes" && full.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            for (range, expected) in [("bytes=0-9", 0...9), ("bytes=-5", 95...99), ("bytes=10-", 10...99), ("bytes=90-1000", 90...99)] {
                let part = try await get(range)
                #expect(part.status == .partialContent, "\(range)")
                #expect(part.headers[.contentRange] == "bytes \(expected.lowerBound)-\(expected.upperBound)/100", "\(range)")
                #expect(Data(buffer: part.body) == bytes[expected], "\(range)")
            }
            let beyond = try await get("bytes=100-")
            #expect(beyond.status == .rangeNotSatisfiable && beyond.headers[.contentRange] == "bytes */100")
            let several = try await get("bytes=0-1,5-6")
            #expect(several.status == .ok && Data(buffer: several.body) == bytes)

            for outside in ["/school/media/..%2Fsecret.mp4", "/school/media/%2E%2E%2Fsecret.mp4", "/school/media/none.mp4", "/school/media/wk-f1.txt"] {
                #expect(try await get(nil, outside).status == .notFound, "\(outside)")
            }
            // Dot segments are refused before routing.
            #expect(try await get(nil, "/school/media/../secret.mp4").status == .badRequest)
            #expect(try await client.request(.get, "/school/media/wk-f1.mp4").status == .found)
        }
    }

    @Test func withoutAMediaFolderMediaLinksAnswerNotFoundAndSaySo() async throws {
        try await Self.app().run { client in
            let response = try await client.request(.get, "/school/media/wk-f1.mp4", session: try await client.logIn("staff"))
            #expect(response.status == .notFound && response.text.contains("未设置媒体文件夹"))
        }
    }

    @Test func rangeHeadersAreReadAsTheRFCSays() {
        #expect(RangeRequest(header: nil, size: 10) == .whole)
        #expect(RangeRequest(header: "items=0-1", size: 10) == .whole)
        #expect(RangeRequest(header: "bytes=5-2", size: 10) == .whole)
        #expect(RangeRequest(header: "bytes=a-", size: 10) == .whole)
        #expect(RangeRequest(header: "bytes=-", size: 10) == .whole)
        #expect(RangeRequest(header: "bytes=-0", size: 10) == .unsatisfiable)
        #expect(RangeRequest(header: "bytes=0-", size: 0) == .unsatisfiable)
        #expect(RangeRequest(header: "bytes=-99999999999999999999999", size: 10) == .part(0...9))
        #expect(RangeRequest(header: "bytes=0-99999999999999999999999", size: 10) == .part(0...9))
        #expect(RangeRequest(header: "bytes=99999999999999999999999-", size: 10) == .unsatisfiable)
        #expect(RangeRequest(header: "Bytes=9-9", size: 10) == .part(9...9))
    }
}
