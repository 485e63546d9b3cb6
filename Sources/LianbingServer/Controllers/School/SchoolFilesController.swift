import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// The files a lesson shows: the images and PDFs stored with its revisions, and the audio and video of the media folder
/// (`serve --media`), sent in the parts a phone's player asks for (`Range`), so it seeks without fetching the whole
/// file. Everyone signed in reads them, as they read the lessons. `SecurityHeadersMiddleware` adds `nosniff`, so a
/// browser takes each file for the type it is sent as.
struct SchoolFilesController {
    let database: AppDatabase
    let mediaFolder: URL?
    let fileIO = FileIO()

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/school/lessons/:lesson/files/**", use: file)
        router.get("/school/media/:name", use: media)
    }

    /// Where a lesson's page points a file of its revision: that revision's file never changes, so it is kept for good.
    static func fileURL(lesson: String, revision: Int, name: String) -> String {
        "/school/lessons/\(lesson)/files/\(name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name)?revision=\(revision)"
    }

    static func mediaURL(_ media: LessonMedia) -> String { "/school/media/\(media.name)" }

    @Sendable func file(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.principal()
        let id = try context.parameters.require("lesson")
        guard Question.isValidID(id) else { throw LianbingError.notFound("微课 \(id.prefix(32))") }
        // The router keeps percent escapes; the stored name is the path as the lesson's author wrote it.
        let name = context.parameters.getCatchAll().map { $0.removingPercentEncoding ?? String($0) }.joined(separator: "/")
        let revision = request.queryInt("revision")
        let file = try await database.lessonFile(id, name: name, revision: revision)
        return Response(
            status: .ok,
            headers: [.contentType: file.kind.mediaType, .cacheControl: revision == nil ? "private, no-cache" : "private, max-age=31536000, immutable"],
            body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }

    @Sendable func media(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.principal()
        guard let mediaFolder else { throw LianbingError.notFound("音视频：服务器未设置媒体文件夹（lianbing serve --media）") }
        let name = try context.parameters.require("name")
        // The name is checked before it touches the disk: one file of the folder, never a path.
        guard let media = LessonMedia(name: name) else { throw LianbingError.notFound("音视频 \(name.prefix(100))") }
        let path = mediaFolder.appendingPathComponent(media.name).path
        guard let values = try? URL(fileURLWithPath: path).resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]), values.isRegularFile == true,
            let size = values.fileSize
        else { throw LianbingError.notFound("音视频 \(media.name)：媒体文件夹中没有这个文件") }
        var headers: HTTPFields = [.contentType: media.kind.mediaType, .acceptRanges: "bytes", .cacheControl: "private, max-age=3600"]
        switch RangeRequest(header: request.headers[.range], size: size) {
        case .whole:
            return Response(status: .ok, headers: headers, body: try await fileIO.loadFile(path: path, context: context))
        case .part(let range):
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
            return Response(status: .partialContent, headers: headers, body: try await fileIO.loadFile(path: path, range: range, context: context))
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        }
    }
}
