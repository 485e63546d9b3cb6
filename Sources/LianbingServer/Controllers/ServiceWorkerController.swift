import Foundation
import Hummingbird
import LianbingCore

/// `GET /sw.js`: the exam page's service worker, kept as `Public/sw.js` with the other scripts. Served from the root
/// rather than `/assets`, since a worker may only control addresses beneath its own, and `no-cache` so that browsers
/// check for a new release on every visit instead of keeping an old worker for the hour assets are cached. Public:
/// it holds no data.
struct ServiceWorkerController {
    /// The file's bytes, read once; `nil` only if the resource bundle lacks it.
    static let script: Data? = Bundle.module.url(forResource: "sw", withExtension: "js", subdirectory: "Public")
        .flatMap { try? Data(contentsOf: $0) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/sw.js", use: serviceWorker)
    }

    @Sendable func serviceWorker(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let script = Self.script else { throw LianbingError.notFound("离线脚本") }
        return Response(
            status: .ok, headers: [.contentType: "application/javascript; charset=utf-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: script)))
    }
}
