import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import LianbingServer
import Testing

/// `Sources/LianbingServer/OpenAPI/openapi.json` describes exactly the router's `/api/v1` routes, and the server
/// serves that file unchanged at `GET /api/v1/openapi.json`, to anyone.
@Suite struct OpenAPITests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/LianbingServer/OpenAPI/openapi.json")

    static let methods = ["get", "put", "post", "delete", "patch", "head", "options"]

    static func document() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: file))
        return try #require(object as? [String: Any], "openapi.json is not a JSON object")
    }

    /// `"GET /api/v1/exams/{exam}"` for every operation: the form of `route.description`.
    static func operations(_ document: [String: Any]) throws -> Set<String> {
        let paths = try #require(document["paths"] as? [String: Any])
        var operations: Set<String> = []
        for (path, item) in paths {
            let item = try #require(item as? [String: Any], "\(path)")
            for method in methods where item[method] != nil { operations.insert("\(method.uppercased()) \(path)") }
        }
        return operations
    }

    @Test func everyAPIRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let app = try await TestApp.demo()
        let router = try await buildRouter(database: app.database, settings: app.settings)
        let routes = Set(router.routes.map(\.description).filter { $0.split(separator: " ").dropFirst().first?.hasPrefix("/api/v1") == true })
        #expect(routes.count > 40)
        let documented = try Self.operations(try Self.document())
        #expect(routes.subtracting(documented).isEmpty, "routes missing from openapi.json: \(routes.subtracting(documented).sorted())")
        #expect(documented.subtracting(routes).isEmpty, "documented but not routed: \(documented.subtracting(routes).sorted())")
    }

    /// Path templates use the router's parameter names, and every one of them is declared as a path parameter.
    @Test func pathParametersMatchTheTemplates() throws {
        let document = try Self.document()
        let paths = try #require(document["paths"] as? [String: Any])
        let shared = (document["components"] as? [String: Any])?["parameters"] as? [String: Any] ?? [:]
        for (path, item) in paths {
            let item = try #require(item as? [String: Any])
            let template = Set(path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) })
            for method in Self.methods {
                guard let operation = item[method] as? [String: Any] else { continue }
                let declared = ((item["parameters"] as? [Any] ?? []) + (operation["parameters"] as? [Any] ?? [])).compactMap { entry -> String? in
                    var parameter = entry as? [String: Any]
                    if let reference = parameter?["$ref"] as? String {
                        parameter = shared[String(reference.split(separator: "/").last ?? "")] as? [String: Any]
                    }
                    guard parameter?["in"] as? String == "path" else { return nil }
                    return parameter?["name"] as? String
                }
                #expect(Set(declared) == template, "\(method.uppercased()) \(path) declares path parameters \(declared.sorted())")
            }
        }
    }

    /// Every `$ref` points at something the document has.
    @Test func everyReferenceResolves() throws {
        let document = try Self.document()
        var unresolved: [String] = []
        func visit(_ value: Any) {
            if let object = value as? [String: Any] {
                if let reference = object["$ref"] as? String {
                    var target: Any? = document
                    for part in reference.dropFirst(2).split(separator: "/") { target = (target as? [String: Any])?[String(part)] }
                    if !reference.hasPrefix("#/") || target == nil { unresolved.append(reference) }
                }
                object.values.forEach(visit)
            } else if let array = value as? [Any] {
                array.forEach(visit)
            }
        }
        visit(document)
        #expect(document["openapi"] as? String == "3.1.0")
        #expect(unresolved.isEmpty, "unresolved: \(Set(unresolved).sorted())")
    }

    @Test func servedDocumentIsTheFileAndNeedsNoLogin() async throws {
        let file = try Data(contentsOf: Self.file)
        try await TestApp.demo().run { client in
            let response = try await client.request(.get, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(Data(buffer: response.body) == file, "the served document differs from openapi.json")
            let parsed = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            #expect(parsed?["openapi"] as? String == "3.1.0")
            // Signed in, it is the same document.
            let staff = try await client.logIn("staff")
            #expect(try await client.request(.get, "/api/v1/openapi.json", session: staff).status == .ok)
        }
    }
}
