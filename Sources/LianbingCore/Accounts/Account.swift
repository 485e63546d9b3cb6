import Foundation

/// A login. Bound to a unit; optionally linked to the staff member it belongs to.
public struct Account: Sendable, Codable, Hashable {
    public var id: Int64
    public var username: String
    public var role: Role
    public var unitCode: String
    public var staffNumber: String?
    /// Set for generated and reset passwords: the holder must choose their own at next login.
    public var mustChangePassword: Bool
    public var isDisabled: Bool
    public var createdAt: Date

    public init(
        id: Int64, username: String, role: Role, unitCode: String, staffNumber: String?, mustChangePassword: Bool,
        isDisabled: Bool, createdAt: Date
    ) {
        self.id = id
        self.username = username
        self.role = role
        self.unitCode = unitCode
        self.staffNumber = staffNumber
        self.mustChangePassword = mustChangePassword
        self.isDisabled = isDisabled
        self.createdAt = createdAt
    }

    /// Usernames are typed on phones and printed on slips: ASCII letters, digits, `.`, `_`, `-`, 2–32 characters.
    public static func isValidUsername(_ name: String) -> Bool {
        (2...32).contains(name.count)
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
            }
    }
}
