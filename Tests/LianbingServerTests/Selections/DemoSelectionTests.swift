import Foundation
import LianbingCore
import LianbingStore
import Testing

/// The demo's selection reads what the other demos recorded: every one of its six criteria has real values that
/// tell candidates apart, so a newcomer's ranked list is an honest picture of what the product can weigh.
@Suite("Demo selection")
struct DemoSelectionTests {
    @Test("Given the whole demo, when its selection is computed, then no criterion is all zero, all missing or all equal")
    func everyCriterionReadsRealData() async throws {
        let app = try await TestApp.demoWithExams()
        _ = try await app.database.installDemoContest()
        try await app.database.installDemoRatings()
        try await app.database.installDemoSelection()
        // Made once: a second start keeps it.
        try await app.database.installDemoSelection()
        let op = try await app.database.operatorPrincipal()
        let summaries = try await app.database.selections(by: op)
        #expect(summaries.count == 1)
        let selection = try await app.database.selection(try #require(summaries.first).id, by: op)
        let outcome = try #require(selection.outcome)
        #expect(selection.status == .computed && selection.rules.criteria.count == SelectionCriterion.allCases.count)
        #expect(outcome.lines.count > 20)
        for (index, item) in selection.rules.criteria.enumerated() {
            let values = outcome.lines.compactMap { $0.candidate.raw[index] }
            #expect(!values.isEmpty, "\(item.criterion.label): no candidate has a value")
            #expect(values.contains { $0 != 0 }, "\(item.criterion.label): all zero")
            #expect(Set(values).count > 1, "\(item.criterion.label): every value equal")
        }
        #expect(outcome.placesGiven == selection.rules.quota.places && selection.nominees.count == outcome.placesGiven)
        // The county's administrator manages it; the list is explained line by line.
        let login = try await app.database.logIn(username: "county", password: AppDatabase.demoPassword, address: nil, userAgent: nil)
        let county = try await app.database.selection(selection.id, by: login.session.principal)
        #expect(county.manageable)
        #expect(try #require(county.resultTable).rows.count == outcome.lines.count)
    }
}
