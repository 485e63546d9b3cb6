import Foundation
import LianbingCore

/// A national qualification (退役军人事务员) a member of staff recorded, as the holder and the administrators over
/// their unit see it.
public struct NationalQualification: Sendable, Codable, Equatable {
    public var id: Int64
    public var staffNumber: String
    public var holderName: String
    public var unitCode: String
    public var unitName: String
    public var qualificationId: Int64
    public var qualification: String
    public var level: QualificationLevel
    public var certificateNumber: String
    public var issuer: String
    public var issuedOn: CivilDate
    /// The scan's kind and size; nil when recorded without one (the CLI import) or before it was uploaded.
    public var scanType: ScanFormat?
    public var scanSize: Int?
    public var status: NationalQualificationStatus
    public var submittedAt: Date
    public var submittedBy: String
    public var reviewedAt: Date?
    public var reviewedBy: String?
    public var reviewNote: String?

    public var hasScan: Bool { scanType != nil }
}

/// Which recorded national qualifications an administrator's list shows.
public struct NationalQualificationFilter: Sendable, Equatable {
    /// Only those of staff in this unit's subtree (within the caller's).
    public var unit: String?
    public var status: NationalQualificationStatus?
    /// Staff number or name, contained.
    public var query: String?

    public init(unit: String? = nil, status: NationalQualificationStatus? = nil, query: String? = nil) {
        self.unit = unit
        self.status = status
        self.query = query
    }
}

/// A scan as it is served back: its bytes, kind and the file name to offer.
public struct QualificationScan: Sendable {
    public var data: Data
    public var format: ScanFormat
    public var filename: String
}
