import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// JSON shapes of `/api/v1`, documented in `docs/API.md`. Dates are ISO-8601 in UTC.
struct UnitJSON: Codable, Sendable {
    var code: String
    var name: String
    /// 省/市/县/镇/村
    var level: String
    /// 省级/地级以上市/县（市、区）/乡镇（街道）/村（社区）
    var levelName: String
    var parentCode: String?
    var childCount: Int

    init(_ listing: UnitListing) {
        code = listing.code
        name = listing.name
        level = listing.level.label
        levelName = listing.level.displayName
        parentCode = listing.parentCode
        childCount = listing.childCount
    }
}

struct UnitDetailJSON: Codable, Sendable {
    var unit: UnitJSON
    var ancestors: [UnitJSON]
    var staffCount: Int
}

struct StaffJSON: Codable, Sendable {
    var number: String
    var name: String
    var unitCode: String
    var unitName: String
    var post: String
    var isVeteran: Bool
    var isEntitledPerson: Bool
    var specialties: [String]
    var hireDate: String?
    var isActive: Bool
    var username: String?

    init(_ listing: StaffListing) {
        let staff = listing.staff
        number = staff.number
        name = staff.name
        unitCode = staff.unitCode
        unitName = listing.unitName
        post = staff.post
        isVeteran = staff.isVeteran
        isEntitledPerson = staff.isEntitledPerson
        specialties = staff.specialties
        hireDate = staff.hireDate?.description
        isActive = staff.isActive
        username = listing.username
    }
}

struct AccountJSON: Codable, Sendable {
    var username: String
    var role: Role
    var unitCode: String
    var unitName: String
    var staffNumber: String?
    var staffName: String?
    var mustChangePassword: Bool
    var isDisabled: Bool
    var createdAt: Date

    init(_ listing: AccountListing) {
        let account = listing.account
        username = account.username
        role = account.role
        unitCode = account.unitCode
        unitName = listing.unitName
        staffNumber = account.staffNumber
        staffName = listing.staffName
        mustChangePassword = account.mustChangePassword
        isDisabled = account.isDisabled
        createdAt = account.createdAt
    }
}

struct PageJSON<Item: Codable & Sendable>: Codable, Sendable {
    var items: [Item]
    var page: Int
    var perPage: Int
    var total: Int

    init<Source>(_ page: Page<Source>, _ transform: (Source) -> Item) {
        items = page.items.map(transform)
        self.page = page.page
        perPage = page.perPage
        total = page.total
    }
}

struct MeJSON: Codable, Sendable {
    var username: String
    var role: Role
    var roleName: String
    var unit: UnitJSON
    var staffNumber: String?
    /// The name on the staff record; absent for accounts without one.
    var name: String?
    var mustChangePassword: Bool
    var csrfToken: String
}

/// Encodes any `Encodable` as a JSON response with ISO-8601 dates.
struct JSONBody<Value: Encodable & Sendable>: ResponseGenerator {
    var value: Value
    var status: HTTPResponse.Status = .ok

    init(_ value: Value, status: HTTPResponse.Status = .ok) {
        self.value = value
        self.status = status
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try Self.encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension Request {
    /// Decodes a JSON body, insisting on the JSON content type: browsers cannot send that cross-site without
    /// a CORS preflight, which this server never grants.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: AppRequestContext) async throws -> T {
        guard headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw HTTPError(.unsupportedMediaType)
        }
        var request = self
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw LianbingError.invalid("请求内容不是有效的 JSON，或缺少必填字段")
        }
    }

    /// An integer query parameter; absent or unparsable gives `nil`.
    func queryInt(_ name: String) -> Int? { uri.queryParameters[Substring(name)].flatMap { Int($0) } }

    func query(_ name: String) -> String? {
        uri.queryParameters[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
    }
}
