import Foundation

/// The five levels of a national vocational skill qualification (国家职业技能等级), lowest first.
public enum QualificationLevel: String, CaseIterable, Sendable, Codable {
    case five = "五级/初级工"
    case four = "四级/中级工"
    case three = "三级/高级工"
    case two = "二级/技师"
    case one = "一级/高级技师"

    public var label: String { rawValue }

    /// The full label, either half of it (`四级`, `中级工`), or the digit of the level (`4`); a full-width slash is
    /// read as `/`.
    public init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "／", with: "/")
        guard !text.isEmpty else { return nil }
        let digits = ["5": Self.five, "4": .four, "3": .three, "2": .two, "1": .one]
        if let level = digits[text] {
            self = level
            return
        }
        guard let level = Self.allCases.first(where: { $0.rawValue == text || $0.rawValue.split(separator: "/").contains(Substring(text)) })
        else { return nil }
        self = level
    }

    public static var choices: String { allCases.map(\.rawValue).joined(separator: "、") }
}

/// Where a recorded national qualification stands: the holder's record waits for an administrator to check it
/// against the scanned certificate.
public enum NationalQualificationStatus: String, CaseIterable, Sendable, Codable {
    case pending, accepted, rejected

    public var label: String {
        switch self {
        case .pending: "待审核"
        case .accepted: "已认可"
        case .rejected: "未通过"
        }
    }

    public init?(parsing text: String) {
        guard let status = Self(rawValue: text) ?? Self.allCases.first(where: { $0.label == text }) else { return nil }
        self = status
    }
}

/// A national qualification (退役军人事务员) as someone records it: whose, which level, the certificate's number,
/// who issued it and when.
public struct NationalQualificationDraft: Sendable, Codable, Equatable {
    /// Whose; nil for the caller's own.
    public var staffNumber: String?
    /// Which national qualification; nil for the seeded 退役军人事务员.
    public var qualificationId: Int64?
    public var level: String
    public var certificateNumber: String
    public var issuer: String
    /// `YYYY-MM-DD`.
    public var issuedOn: String

    public init(
        staffNumber: String? = nil, qualificationId: Int64? = nil, level: String, certificateNumber: String, issuer: String, issuedOn: String
    ) {
        self.staffNumber = staffNumber
        self.qualificationId = qualificationId
        self.level = level
        self.certificateNumber = certificateNumber
        self.issuer = issuer
        self.issuedOn = issuedOn
    }

    public static let numberLength = 1...40
    public static let issuerLength = 1...100
    public static let firstDate = CivilDate(year: 2000, month: 1, day: 1)!

    /// The checked values.
    public struct Checked: Sendable, Equatable {
        public var level: QualificationLevel
        /// Upper-cased: numbers differ only by their digits and letters, never by case.
        public var certificateNumber: String
        public var issuer: String
        public var issuedOn: CivilDate
    }

    /// Every field's problem, in form order; empty when the draft is good. `today` is China time's date.
    public func problems(today: CivilDate) -> [String] {
        var problems: [String] = []
        if QualificationLevel(parsing: level) == nil { problems.append("等级须为 \(QualificationLevel.choices) 之一") }
        let number = certificateNumber.trimmingCharacters(in: .whitespaces)
        if !Self.numberLength.contains(number.count) || !number.unicodeScalars.allSatisfy(Self.isNumberCharacter) {
            problems.append("证书编号须为 1 到 40 位字母、数字或 -")
        }
        let issuer = issuer.trimmingCharacters(in: .whitespaces)
        if !Self.issuerLength.contains(issuer.count) || issuer.contains(where: \.isNewline) {
            problems.append("发证机关须为 1 到 100 个字，不含换行")
        }
        if let date = CivilDate(issuedOn), issuedOn.trimmingCharacters(in: .whitespaces).count <= 10 {
            if date < Self.firstDate || date > today { problems.append("发证日期须在 2000-01-01 到今天（\(today)）之间") }
        } else {
            problems.append("发证日期须为 YYYY-MM-DD 格式的日期")
        }
        return problems
    }

    /// The checked values, or `invalid` naming every problem.
    public func checked(today: CivilDate) throws -> Checked {
        let problems = problems(today: today)
        guard problems.isEmpty, let level = QualificationLevel(parsing: level), let date = CivilDate(issuedOn) else {
            throw LianbingError.invalid(problems.joined(separator: "；"))
        }
        return Checked(
            level: level, certificateNumber: certificateNumber.trimmingCharacters(in: .whitespaces).uppercased(),
            issuer: issuer.trimmingCharacters(in: .whitespaces), issuedOn: date)
    }

    static func isNumberCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
    }
}

/// The kinds of file a scanned certificate may be, recognised by their first bytes, never by what the sender says.
public enum ScanFormat: String, CaseIterable, Sendable, Codable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case pdf = "application/pdf"

    /// The largest scan accepted (5 MB): a phone photo or a one-page PDF.
    public static let maxBytes = 5 * 1024 * 1024

    public var mediaType: String { rawValue }

    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .pdf: "pdf"
        }
    }

    public init?(fileExtension: String) {
        guard let format = Self.allCases.first(where: { $0.fileExtension == fileExtension }) else { return nil }
        self = format
    }

    /// JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`, PDF `%PDF-`.
    public static func sniff(_ bytes: some Collection<UInt8>) -> ScanFormat? {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        return nil
    }

    /// The media type a `Content-Type` header names, parameters ignored; nil for anything else.
    public init?(contentType: String) {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard let format = Self(rawValue: type == "image/jpg" ? "image/jpeg" : type) else { return nil }
        self = format
    }

    public static var choices: String { "JPEG、PNG 或 PDF" }
}

/// A row of the qualification import file (`lianbing qualification import`), with its line.
public struct NationalQualificationImportRow: Sendable, Equatable {
    public var line: Int
    /// With its `staffNumber` set.
    public var draft: NationalQualificationDraft

    public init(line: Int, draft: NationalQualificationDraft) {
        self.line = line
        self.draft = draft
    }
}
