import LianbingCore
import Testing

@Suite("Recognition: certificate status and validity")
struct CertificateStatusTests {
    static func day(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test("Given each status, then its label is 有效/已过期/已撤销/已被新证书替代 and its raw value the stored English word")
    func labels() {
        #expect(CertificateStatus.allCases.map(\.label) == ["有效", "已过期", "已撤销", "已被新证书替代"])
        #expect(CertificateStatus.allCases.map(\.rawValue) == ["valid", "expired", "revoked", "superseded"])
    }

    @Test("Given an expiry date, then the certificate is valid through that day inclusive and expired from the next")
    func expiryInclusive() {
        let expires = Self.day("2029-03-04")
        #expect(CertificateStatus.of(expiresOn: expires, today: Self.day("2026-03-05"), revoked: false, superseded: false) == .valid)
        #expect(CertificateStatus.of(expiresOn: expires, today: Self.day("2029-03-04"), revoked: false, superseded: false) == .valid)
        #expect(CertificateStatus.of(expiresOn: expires, today: Self.day("2029-03-05"), revoked: false, superseded: false) == .expired)
    }

    @Test("Given every combination, then revoked wins over superseded, superseded over expired, and expired over valid")
    func precedence() {
        let expires = Self.day("2029-03-04")
        for revoked in [false, true] {
            for superseded in [false, true] {
                for today in [Self.day("2029-03-04"), Self.day("2030-01-01")] {
                    let expected: CertificateStatus =
                        revoked ? .revoked : superseded ? .superseded : today > expires ? .expired : .valid
                    #expect(CertificateStatus.of(expiresOn: expires, today: today, revoked: revoked, superseded: superseded) == expected)
                }
            }
        }
        #expect(CertificateStatus.of(expiresOn: expires, today: Self.day("2031-01-01"), revoked: true, superseded: true) == .revoked)
    }

    @Test("Given issue dates, then a certificate expires the day before the same date years later, 29 February standing in as 28")
    func expiry() {
        #expect(CertificateValidity.expiry(issuedOn: Self.day("2026-03-05"), years: 3) == Self.day("2029-03-04"))
        #expect(CertificateValidity.expiry(issuedOn: Self.day("2024-02-29"), years: 1) == Self.day("2025-02-27"))
        #expect(CertificateValidity.expiry(issuedOn: Self.day("2024-02-29"), years: 4) == Self.day("2028-02-28"))
        #expect(CertificateValidity.expiry(issuedOn: Self.day("2026-01-01"), years: 1) == Self.day("2026-12-31"))
        #expect(CertificateValidity.expiry(issuedOn: Self.day("2026-03-01"), years: 2) == Self.day("2028-02-29"))
        #expect(CertificateValidity.expiry(issuedOn: Self.day("2099-12-31"), years: 10) == Self.day("2109-12-30"))
        // Valid through the expiry, so every year is covered in full.
        for years in CertificateValidity.years {
            let issued = Self.day("2026-03-05")
            let expires = CertificateValidity.expiry(issuedOn: issued, years: years)
            #expect(CertificateStatus.of(expiresOn: expires, today: expires, revoked: false, superseded: false) == .valid)
            #expect(expires.adding(days: 1) == CivilDate(year: 2026 + years, month: 3, day: 5))
        }
    }

    @Test("Given validity years at and past the range's edges, then 1 to 10 pass, the rest are refused, and expiry clamps instead of trapping")
    func years() throws {
        #expect(CertificateValidity.years == 1...10)
        #expect(try CertificateValidity.check(years: 1) == 1 && CertificateValidity.check(years: 10) == 10)
        for years in [0, 11, -1, Int.max, Int.min] {
            #expect(throws: LianbingError.invalid("证书有效期须为 1 到 10 年之间的整数")) { try CertificateValidity.check(years: years) }
        }
        let issued = Self.day("2026-03-05")
        #expect(CertificateValidity.expiry(issuedOn: issued, years: Int.max) == Self.day("2036-03-04"))
        #expect(CertificateValidity.expiry(issuedOn: issued, years: Int.min) == Self.day("2027-03-04"))
        #expect(CertificateValidity.expiry(issuedOn: Self.day("2199-06-01"), years: 10) == Self.day("2200-12-31"))
    }
}
