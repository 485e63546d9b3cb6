import Foundation
import Hummingbird
import LianbingCore

/// `GET /api/v1/openapi.json`: the OpenAPI 3.1 description of the JSON API, as kept in
/// `Sources/LianbingServer/OpenAPI/openapi.json`. Public: it describes the API, it holds no data.
struct OpenAPIController {
    /// The file's bytes, read once; `nil` only if the resource bundle lacks it.
    static let document: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "OpenAPI")
        .flatMap { try? Data(contentsOf: $0) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/openapi.json", use: openAPI)
    }

    @Sendable func openAPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let document = Self.document else { throw LianbingError.notFound("接口说明文件") }
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: document)))
    }
}
