import Foundation
import LianbingCore
import Testing

@testable import LianbingStore

/// A selection from rules to award: rules locked once computed, the list adjusted only with a reason and before
/// publication, published for a notice period in which objections are taken, finalised only after it and with
/// every objection answered, the award then on each winner's record; and who may see what along the way.
@Suite("Selections")
struct SelectionLifecycleTests {
    /// 天河区's three active staff (TH0004 has left service) on two criteria every one of them has a value for.
    static func rules(places: Int = 2, sharing: SelectionQuota.Sharing = .total) -> SelectionRules {
        SelectionRules(
            award: "优秀工作者", posts: [Post.director, Post.receptionist, Post.informant], from: CivilDate("2023-01-01")!,
            through: CivilDate("2023-12-31")!, criteria: [WeightedCriterion(.trainingHours, weight: 50), WeightedCriterion(.certificate, weight: 50)],
            quota: SelectionQuota(places: places, sharing: sharing))
    }

    @Test("Given a computed selection, then its rules are locked, the list changes only with a reason, and each change is logged")
    func computeLocksAndAdjustments() async throws {
        let fixture = try await Fixture.make()
        let admin = try await fixture.countyAdmin()
        let created = try await fixture.db.createSelection(unitCode: Code.tianhe, title: "  2023 年度优秀工作者  ", rules: Self.rules(), by: admin)
        #expect(created.title == "2023 年度优秀工作者" && created.status == .draft && created.outcome == nil && created.manageable)
        _ = try await fixture.db.updateSelectionRules(created.id, title: "天河区 2023 年度优秀工作者", rules: Self.rules(places: 1), by: admin)

        let computed = try await fixture.db.computeSelection(created.id, by: admin)
        let outcome = try #require(computed.outcome)
        #expect(outcome.lines.map(\.candidate.number) == ["TH0001", "TH0002", "TH0003"])
        #expect(computed.nominees.map(\.number) == ["TH0001"])
        await expectError(.conflict) { try await fixture.db.updateSelectionRules(created.id, title: "改", rules: Self.rules(places: 3), by: admin) }

        await expectError(.invalid) { try await fixture.db.adjustSelection(created.id, staffNumber: "TH0002", action: .add, reason: " ", by: admin) }
        await expectError(.invalid) { try await fixture.db.adjustSelection(created.id, staffNumber: "WJ0001", action: .add, reason: "外县人员", by: admin) }
        await expectError(.conflict) { try await fixture.db.adjustSelection(created.id, staffNumber: "TH0001", action: .add, reason: "重复增列", by: admin) }
        _ = try await fixture.db.adjustSelection(created.id, staffNumber: "TH0001", action: .remove, reason: "本年度受过通报批评", by: admin)
        let adjusted = try await fixture.db.adjustSelection(created.id, staffNumber: "TH0003", action: .add, reason: "群众来信表扬三次", by: admin)
        #expect(adjusted.nominees.map(\.number) == ["TH0003"] && adjusted.nominees[0].added)
        #expect(adjusted.adjustments.map(\.reason) == ["本年度受过通报批评", "群众来信表扬三次"])
        let audit = try await fixture.db.auditEntries().map(\.action)
        #expect(["selection.create", "selection.rules", "selection.compute", "selection.remove", "selection.add"].allSatisfy(audit.contains))
        // Recomputing keeps the administrators' changes: they are part of the record, not of the ranking.
        #expect(try await fixture.db.computeSelection(created.id, by: admin).nominees.map(\.number) == ["TH0003"])
    }

    @Test("Given a published selection, then objections are taken in the notice period and it is final only after it, with every objection answered")
    func noticePeriodAndFinalising() async throws {
        let fixture = try await Fixture.make()
        let admin = try await fixture.countyAdmin()
        let staff = try await fixture.staffUser()
        let id = try await fixture.db.createSelection(unitCode: Code.tianhe, title: "天河区优秀工作者", rules: Self.rules(), by: admin).id
        await expectError(.conflict) { try await fixture.db.publishSelection(id, by: admin) }
        _ = try await fixture.db.computeSelection(id, by: admin)
        // Not yet public: staff in the subtree do not see it.
        await expectError(.notFound) { try await fixture.db.selection(id, by: staff) }
        await expectError(.invalid) { try await fixture.db.publishSelection(id, workingDays: 0, by: admin) }
        // 2023-11-15 (China) is a Wednesday: one working day ends the same day.
        let published = try await fixture.db.publishSelection(id, workingDays: 1, by: admin)
        #expect(published.status == .published && published.noticeEndsOn == CivilDate("2023-11-15"))
        await expectError(.conflict) { try await fixture.db.computeSelection(id, by: admin) }

        let seen = try await fixture.db.selection(id, by: staff)
        #expect(!seen.manageable && seen.outcome == nil && seen.nominees.map(\.number) == ["TH0001", "TH0002"])
        await expectError(.invalid) { try await fixture.db.objectToSelection(id, staffNumber: "TH0003", text: "他不在名单上", by: staff) }
        let objected = try await fixture.db.objectToSelection(id, staffNumber: "TH0002", text: "该同志本年度有两次接访投诉。", by: staff)
        #expect(objected.objections.count == 1)
        await expectError(.forbidden) { try await fixture.db.answerSelectionObjection(id, objection: objected.objections[0].id, answer: "已核实", by: staff) }
        await expectError(.conflict) { try await fixture.db.finaliseSelection(id, by: admin) }

        fixture.clock.advance(by: 86_400)
        await expectError(.conflict) { try await fixture.db.objectToSelection(id, staffNumber: nil, text: "公示期已过再提", by: staff) }
        await expectError(.conflict) { try await fixture.db.finaliseSelection(id, by: admin) }
        _ = try await fixture.db.answerSelectionObjection(id, objection: objected.objections[0].id, answer: "经核实，两次投诉均不属实。", by: admin)
        let final = try await fixture.db.finaliseSelection(id, by: admin)
        #expect(final.status == .final && final.openObjections == 0)
        await expectError(.conflict) { try await fixture.db.adjustSelection(id, staffNumber: "TH0003", action: .add, reason: "定稿后增列", by: admin) }
        let awards = try await fixture.db.selectionAwards(ofStaff: "TH0002", by: admin)
        #expect(awards.map(\.award) == ["优秀工作者"] && awards[0].awardedOn == CivilDate("2023-11-16"))
        #expect(try await fixture.db.selectionAwards(ofStaff: "TH0003", by: staff).isEmpty)
        await expectError(.notFound) { try await fixture.db.selectionAwards(ofStaff: "TH0002", by: staff) }
    }

    @Test("Given selections of two counties and of the province, then each administrator manages their own subtree's, and a published province selection reads read-only below")
    func scope() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let other = try await fixture.otherCountyAdmin()
        let province = try await fixture.provinceAdmin()
        let countyId = try await fixture.db.createSelection(unitCode: Code.tianhe, title: "天河区优秀工作者", rules: Self.rules(), by: county).id
        await expectError(.notFound) { try await fixture.db.createSelection(unitCode: Code.tianhe, title: "越权", rules: Self.rules(), by: other) }
        await expectError(.notFound) { try await fixture.db.selection(countyId, by: other) }
        await expectError(.notFound) { try await fixture.db.computeSelection(countyId, by: other) }
        #expect(try await fixture.db.selections(by: other).isEmpty)
        // The province's administrators manage everything below them.
        #expect(try await fixture.db.selection(countyId, by: province).manageable)

        let provinceId = try await fixture.db.createSelection(
            unitCode: Code.province, title: "全省优秀工作者", rules: Self.rules(places: 2, sharing: .city), by: province
        ).id
        await expectError(.notFound) { try await fixture.db.selection(provinceId, by: county) }
        let computed = try await fixture.db.computeSelection(provinceId, by: province)
        // Places per city on eligible staff (the province's own director counts against the province unit): 广州 has
        // four, 韶关 one, the province one; Sainte-Laguë gives 广州 4 then 4 ÷ 3 > 1, so both places.
        let shares = try #require(computed.outcome).shares
        #expect(shares.map(\.unit) == [Code.province, Code.guangzhou, Code.shaoguan])
        #expect(shares.map(\.eligible) == [1, 4, 1] && shares.map(\.places) == [0, 2, 0])
        _ = try await fixture.db.publishSelection(provinceId, by: province)
        let readOnly = try await fixture.db.selection(provinceId, by: county)
        #expect(!readOnly.manageable && readOnly.outcome == nil && readOnly.nominees.count == 2)
        #expect(try await fixture.db.selections(by: county).map(\.id) == [provinceId, countyId])
        #expect(try await fixture.db.selections(by: other).map(\.id) == [provinceId])
        await expectError(.forbidden) { try await fixture.db.finaliseSelection(provinceId, by: county) }
        await expectError(.forbidden) { try await fixture.db.adjustSelection(provinceId, staffNumber: "TH0001", action: .remove, reason: "越权撤下", by: county) }
    }
}
