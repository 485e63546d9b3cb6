import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Training sign-in codes")
struct SignInTests {
    /// A published session of 天河区 starting 09:00 today, with TH0003 (the `staff` account) invited; the clock at 09:10.
    private func published(invite: [String] = [Roster.huashiInformant.number]) async throws -> (Fixture, TrainingSession) {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        var draft = tianheSession()
        draft.audiencePosts = []
        let session = try await fixture.db.createTrainingSession(draft, invitees: invite, by: county)
        _ = try await fixture.db.publishTrainingSession(session.id, by: county)
        fixture.clock.advance(by: ChinaTime.parse("2023-11-15 09:10")!.timeIntervalSince(fixture.clock.now))
        return (fixture, session)
    }

    @Test("The code on the organiser's screen signs an invitee in once; the second time the same day is refused")
    func signInOnce() async throws {
        let (fixture, session) = try await published()
        let code = try await fixture.db.signInCode(session.id, for: fixture.countyAdmin())
        #expect(code.day == CivilDate("2023-11-15"))
        let receipt = try await fixture.db.signIn(code: code.code, session: nil, by: fixture.staffUser())
        #expect(receipt.sessionId == session.id && !receipt.isWalkIn)
        await #expect(throws: LianbingError.conflict("您今天已签到")) {
            try await fixture.db.signIn(code: code.code, session: session.id, by: fixture.staffUser())
        }
        #expect(try await fixture.db.trainingAttendance(session.id, for: fixture.countyAdmin()).map(\.source) == ["code"])
    }

    @Test("A code stops working once it has changed (after a short grace for typing)")
    func codeExpires() async throws {
        let (fixture, session) = try await published()
        let code = try await fixture.db.signInCode(session.id, for: fixture.countyAdmin())
        fixture.clock.advance(by: code.changesAt.timeIntervalSince(fixture.clock.now) + AppDatabase.signInGrace + 1)
        let fresh = try await fixture.db.signInCode(session.id, for: fixture.countyAdmin())
        #expect(fresh.code != code.code)
        await #expect(throws: LianbingError.invalid("签到码不正确或已过期，请扫描屏幕上最新的二维码")) {
            try await fixture.db.signIn(code: code.code, session: session.id, by: fixture.staffUser())
        }
        _ = try await fixture.db.signIn(code: fresh.code, session: session.id, by: fixture.staffUser())
    }

    @Test("Refused outside the day's window: before half an hour ahead and after the end")
    func outsideWindow() async throws {
        let (fixture, session) = try await published()
        fixture.clock.advance(by: ChinaTime.parse("2023-11-15 12:01")!.timeIntervalSince(fixture.clock.now))
        let code = try await fixture.db.signInCode(session.id, for: fixture.countyAdmin())
        #expect(code.day == nil)
        await #expect(throws: LianbingError.conflict("不在签到时间内：每天开始前 30 分钟至结束时可签到")) {
            try await fixture.db.signIn(code: code.code, session: session.id, by: fixture.staffUser())
        }
        #expect(SignInWindow.window(on: CivilDate("2023-11-15")!, startsAt: session.startsAt, endsAt: session.endsAt)
            == ChinaTime.parse("2023-11-15 08:30")!..<ChinaTime.parse("2023-11-15 12:00")!)
    }

    @Test("Refused for a person outside the audience; an audience member who was not invited signs in as a walk-in")
    func audience() async throws {
        let (fixture, session) = try await published(invite: [])
        var draft = tianheSession()
        draft.audienceUnit = Code.wushan
        let other = try await fixture.db.createTrainingSession(draft, by: fixture.countyAdmin())
        _ = try await fixture.db.publishTrainingSession(other.id, by: fixture.countyAdmin())
        let otherCode = try await fixture.db.signInCode(other.id, for: fixture.countyAdmin())
        await #expect(throws: LianbingError.forbidden("您不在本次培训的对象范围内")) {
            try await fixture.db.signIn(code: otherCode.code, session: other.id, by: fixture.staffUser())
        }
        let code = try await fixture.db.signInCode(session.id, for: fixture.countyAdmin())
        let receipt = try await fixture.db.signIn(code: code.code, session: nil, by: fixture.staffUser())
        #expect(receipt.isWalkIn)
    }

    @Test("A wrong code names nothing about the session")
    func wrongCode() async throws {
        let (fixture, session) = try await published()
        let code = try await fixture.db.signInCode(session.id, for: fixture.countyAdmin())
        let wrong = code.code == "000000" ? "000001" : "000000"
        await #expect(throws: LianbingError.invalid("签到码不正确或已过期，请扫描屏幕上最新的二维码")) {
            try await fixture.db.signIn(code: wrong, session: session.id, by: fixture.staffUser())
        }
        await #expect(throws: LianbingError.invalid("签到码为 6 位数字")) {
            try await fixture.db.signIn(code: "12345678901234567890", session: nil, by: fixture.staffUser())
        }
    }
}
