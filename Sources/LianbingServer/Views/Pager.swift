import Foundation
import LianbingStore

/// Previous/next links for a paged list, keeping the other query parameters.
struct Pager: Sendable {
    var page: Int
    var pageCount: Int
    var previous: String?
    var next: String?

    init<Item>(page: Page<Item>, path: String, query: [String: String?]) {
        self.page = page.page
        pageCount = page.pageCount
        let link = { (number: Int) in Self.href(path, query: query, page: number) }
        previous = page.page > 1 ? link(page.page - 1) : nil
        next = page.page < page.pageCount ? link(page.page + 1) : nil
    }

    /// `path` with the parameters that have a value, in name order, then the page if any: a page link, or the same
    /// list as a download.
    static func href(_ path: String, query: [String: String?], page: Int? = nil) -> String {
        var components = URLComponents()
        components.path = path
        let items = query.compactMap { key, value in value.map { URLQueryItem(name: key, value: $0) } }.sorted { $0.name < $1.name }
            + (page.map { [URLQueryItem(name: "page", value: String($0))] } ?? [])
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? path
    }
}
