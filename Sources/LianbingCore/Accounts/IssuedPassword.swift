/// A password the system chose, to be handed to its holder once and changed at first login.
public struct IssuedPassword: Sendable, Codable, Equatable {
    public var username: String
    public var password: String
    public var staffNumber: String?
    public var staffName: String?
    public var unitCode: String
    public var unitName: String

    public init(username: String, password: String, staffNumber: String?, staffName: String?, unitCode: String, unitName: String) {
        self.username = username
        self.password = password
        self.staffNumber = staffNumber
        self.staffName = staffName
        self.unitCode = unitCode
        self.unitName = unitName
    }
}
