import Foundation

extension String {
    /// This string as one path segment or query value: staff numbers and unit codes may hold any character.
    var urlEncoded: String { addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
}
