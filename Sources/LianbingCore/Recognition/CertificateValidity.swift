/// How long an internal certificate stays valid, and its last valid day.
public enum CertificateValidity {
    /// Years a qualification may set: at least one, and no more than ten, after which skills are re-examined.
    public static let years: ClosedRange<Int> = 1...10

    /// `years` if allowed, else a refusal saying the range, for the forms and files that set a qualification.
    @discardableResult public static func check(years value: Int) throws -> Int {
        try InputBounds.check(value, in: years, "证书有效期", unit: "年")
    }

    /// The last valid day: the day before the same calendar date `years` later, so a certificate issued on
    /// 2026-03-05 for 3 years is valid through 2029-03-04, and `years` full years are covered. Issued on 29 February,
    /// the later year's 28 February stands in for the missing date, so it runs through 27 February.
    ///
    /// `years` outside `years` is clamped into it rather than trapping (check it with `check(years:)` first); the
    /// result cannot leave the dates `CivilDate` holds for any issue date up to the end of 2190, and past that it stops at
    /// the last date `CivilDate` holds.
    public static func expiry(issuedOn: CivilDate, years: Int) -> CivilDate {
        let clamped = min(max(years, self.years.lowerBound), self.years.upperBound)
        // `adding(months:)` keeps the day or takes the month's last day: 2024-02-29 + 12 months = 2025-02-28.
        guard let anniversary = issuedOn.adding(months: clamped * 12), let expiry = anniversary.adding(days: -1) else {
            return CivilDate(year: 2200, month: 12, day: 31)!
        }
        return expiry
    }
}
