/// Who is acting, and over what part of the tree.
///
/// Service-layer methods take a principal and check scope themselves, so no caller can forget to.
/// The CLI acts as `.operator`, with the whole tree in scope.
public struct Principal: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case account(id: Int64, username: String, role: Role, staffNumber: String?)
        case `operator`
    }

    public var kind: Kind
    /// The root of everything this principal may see.
    public var scope: UnitPath

    public init(kind: Kind, scope: UnitPath) {
        self.kind = kind
        self.scope = scope
    }

    /// The server machine's operator: full scope, all roles.
    public static func `operator`(root: UnitPath) -> Principal { Principal(kind: .operator, scope: root) }

    public var role: Role? {
        if case .account(_, _, let role, _) = kind { return role }
        return nil
    }

    public var accountID: Int64? {
        if case .account(let id, _, _, _) = kind { return id }
        return nil
    }

    public var isOperator: Bool { kind == .operator }

    /// The staff record an account is linked to: who sits exams and self-tests.
    public var staffNumber: String? {
        if case .account(_, _, _, let number) = kind { return number }
        return nil
    }

    public func covers(_ path: UnitPath) -> Bool { scope.contains(path) }

    /// Operators have every role; accounts only their own (administrators include trainer rights).
    public func has(_ needed: Role) -> Bool {
        guard let role else { return true }
        switch needed {
        case .staff: return true
        case .trainer: return role == .trainer || role == .admin
        case .admin: return role == .admin
        }
    }
}
