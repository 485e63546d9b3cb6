import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import NIOCore
import Testing

/// A server over the demo data (bcrypt cost 4), driven through `app.test(.router)`.
struct TestApp {
    let database: AppDatabase
    var settings = ServerSettings(maxBodySize: 64 * 1024)

    static func demo(database: AppDatabase? = nil) async throws -> TestApp {
        let database = try database ?? AppDatabase.inMemory()
        _ = try await database.installDemo({ DemoDataset.generate(scale: .demo) }, scale: .demo)
        return TestApp(database: database)
    }

    func run(
        extraRoutes: @Sendable (Router<AppRequestContext>) -> Void = { _ in },
        _ body: @Sendable (Client) async throws -> Void
    ) async throws {
        let router = try await buildRouter(database: database, settings: settings)
        extraRoutes(router)
        let app = Application(router: router)
        try await app.test(.router) { client in try await body(Client(inner: client)) }
    }

    /// Demo anchors, read back from the database, for building in- and out-of-scope requests.
    func anchors() async throws -> (county: String, outsideUnit: String, outsideStaff: String, insideStaff: String) {
        let root = try await database.operatorPrincipal()
        let county = try await database.account("county", for: root).account.unitCode
        let all = try await database.units(parent: nil, for: root)
        let outsideUnit = all.first { $0.level == .county && $0.code != county }!.code
        let outsideStaff = try await database.staff(query: nil, unit: outsideUnit, page: PageRequest(page: 1, perPage: 1), for: root).items[0].staff.number
        let insideStaff = try await database.staff(query: nil, unit: county, page: PageRequest(page: 1, perPage: 1), for: root).items[0].staff.number
        return (county, outsideUnit, outsideStaff, insideStaff)
    }
}

/// A signed-in (or anonymous) caller: keeps the session cookie and CSRF token.
struct Session: Sendable {
    var cookie: String
    var csrf: String
}

struct Client: Sendable {
    let inner: any TestClientProtocol

    @discardableResult
    func request(
        _ method: HTTPRequest.Method, _ uri: String, session: Session? = nil, json: String? = nil, form: [String: String]? = nil,
        csrf: Bool = true, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        var body: ByteBuffer?
        if let session {
            headers.append(HTTPField(name: .cookie, value: session.cookie))
            if csrf, json != nil || form == nil, method != .get { headers[HTTPField.Name("X-CSRF-Token")!] = session.csrf }
        }
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: json)
        }
        if var form {
            if csrf, let session { form["_csrf"] = session.csrf }
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: form.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&"))
        }
        return try await inner.execute(uri: uri, method: method, headers: headers, body: body)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    func logIn(_ username: String, password: String = AppDatabase.demoPassword) async throws -> Session {
        let response = try await request(.post, "/api/v1/session", json: #"{"username":"\#(username)","password":"\#(password)"}"#)
        #expect(response.status == .ok, "login \(username) failed: \(response.status)")
        let cookie = try #require(response.headers[.setCookie]?.split(separator: ";").first.map(String.init))
        let me = try JSONDecoder().decode(MeJSON.self, from: Data(buffer: response.body))
        return Session(cookie: cookie, csrf: me.csrfToken)
    }
}

extension Data {
    init(buffer: ByteBuffer) { self.init(buffer.readableBytesView) }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(buffer: body))
    }

    var errorCode: String? {
        struct Envelope: Decodable { struct Inner: Decodable { var code: String; var message: String }; var error: Inner }
        return try? json(Envelope.self).error.code
    }
}
