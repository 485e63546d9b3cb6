/// Where a certificate stands on a given day, as the holder, the managers and the public verification page see it.
public enum CertificateStatus: String, Sendable, Codable, CaseIterable {
    case valid
    case expired
    case revoked
    case superseded

    /// The word shown on pages: 有效 / 已过期 / 已撤销 / 已被新证书替代.
    public var label: String {
        switch self {
        case .valid: "有效"
        case .expired: "已过期"
        case .revoked: "已撤销"
        case .superseded: "已被新证书替代"
        }
    }

    /// The status on `today`. The most telling fact wins: revoked before superseded (a renewal does not clear a
    /// revocation), superseded before expired (the holder is told where the newer one is, not that this one ran
    /// out). A certificate is valid through its expiry date inclusive, as the date printed on it says.
    public static func of(expiresOn: CivilDate, today: CivilDate, revoked: Bool, superseded: Bool) -> CertificateStatus {
        if revoked { return .revoked }
        if superseded { return .superseded }
        return today > expiresOn ? .expired : .valid
    }
}
