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
        func link(_ number: Int) -> String {
            var components = URLComponents()
            components.path = path
            components.queryItems = query.compactMap { key, value in value.map { URLQueryItem(name: key, value: $0) } }
                .sorted { $0.name < $1.name } + [URLQueryItem(name: "page", value: String(number))]
            return components.string ?? path
        }
        previous = page.page > 1 ? link(page.page - 1) : nil
        next = page.page < page.pageCount ? link(page.page + 1) : nil
    }
}
