import LianbingCore

/// One printable certificate (荣誉证书 and the like): an A4 landscape page drawn by the partial `certificate.mustache`
/// with `certificate.css`. A page lists its certificates in a section (`{{#certificates}}{{> certificate}}{{/certificates}}`)
/// and loads that stylesheet; each certificate prints on a page of its own.
///
/// Nothing in it is about contests: whoever awards something fills in the title, who receives it, what for, who
/// awards it and when, so that later awards (the recognition of excellent staff, training honours) print the same way.
/// Every text is data and is escaped by the template.
struct PrintableCertificate: Sendable {
    /// The heading: `荣誉证书`.
    var title: String
    /// Who receives it: a name, or names separated by `、`.
    var recipient: String
    /// What for, as a sentence: `在……中荣获`.
    var body: String
    /// The honour itself in large type (`一等奖`), after the body; nil for none.
    var distinction: String?
    /// Who awards it: the organising unit.
    var issuer: String
    /// When, in Chinese numerals (`CertificateDate.text`).
    var date: String
    /// A serial number printed in the corner; nil for none.
    var number: String?
    /// A line under the distinction, such as the expiry; nil for none.
    var validity: String?
    /// Where anyone can check it: the QR code (SVG from `QRCode`, drawn here, so safe to insert) and its address.
    var verification: Verification?
    /// Small print at the foot; nil for none.
    var note: String?

    struct Verification: Sendable {
        var qr: String
        var address: String
    }

    init(
        title: String = "荣誉证书", recipient: String, body: String, distinction: String? = nil, issuer: String, date: String, number: String? = nil,
        validity: String? = nil, verification: Verification? = nil, note: String? = nil
    ) {
        self.validity = validity
        self.verification = verification
        self.note = note
        self.title = title
        self.recipient = recipient
        self.body = body
        self.distinction = distinction
        self.issuer = issuer
        self.date = date
        self.number = number
    }
}

/// Dates as certificates and official documents write them: `二〇二六年三月五日`.
enum CertificateDate {
    static func text(_ date: CivilDate) -> String {
        let digits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        let year = String(String(date.year).compactMap { $0.wholeNumberValue.map { digits[$0] } })
        return "\(year)年\(number(date.month))月\(number(date.day))日"
    }

    /// 1–99 in Chinese numerals: `五`, `十`, `十二`, `二十`, `三十一`.
    static func number(_ value: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard (1...99).contains(value) else { return String(value) }
        let tens = value / 10, ones = value % 10
        switch tens {
        case 0: return digits[ones]
        case 1: return "十" + digits[ones]
        default: return digits[tens] + "十" + digits[ones]
        }
    }
}
