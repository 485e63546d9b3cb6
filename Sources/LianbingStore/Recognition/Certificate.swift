import Foundation
import LianbingCore

/// A certificate as those who manage it see it: the holder's full name and what happened to it.
public struct Certificate: Sendable, Codable, Equatable {
    public var number: String
    public var staffNumber: String
    public var holderName: String
    public var unitCode: String
    public var unitName: String
    public var qualification: String
    public var examId: Int64
    public var examTitle: String
    /// The unit that organised the exam: who issues the certificate.
    public var issuerName: String
    public var issuedOn: CivilDate
    public var expiresOn: CivilDate
    public var status: CertificateStatus
    public var revokedAt: Date?
    public var revokedReason: String?
    /// The newer certificate that replaced this one on renewal.
    public var supersededBy: String?
}

/// What the public verification page may show of a certificate, and nothing more: the holder's name masked.
public struct VerifiedCertificate: Sendable, Codable, Equatable {
    public var number: String
    public var maskedName: String
    public var qualification: String
    public var issuedOn: CivilDate
    public var expiresOn: CivilDate
    public var status: CertificateStatus
}

/// A qualification a certificate can certify.
public struct Qualification: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Issued here by passing a certifying assessment.
        case `internal`
        /// Issued by the state (退役军人事务员); only recorded here.
        case national

        public var label: String { self == .internal ? "本系统考核" : "国家职业资格" }
    }

    public var id: Int64
    public var name: String
    public var kind: Kind
    /// Years an internal certificate stays valid; nil for national ones.
    public var validityYears: Int?
}
