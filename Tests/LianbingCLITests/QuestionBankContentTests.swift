import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingFormats
import Testing

/// The bank shipped in `QuestionBank/` is content staff are examined on: these tests hold it to the rules in
/// `QuestionBank/README.md`.
@Suite struct QuestionBankContentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bankPath = root.appendingPathComponent("QuestionBank").path

    static func bank() throws -> QuestionImport { try BankFiles.read(bankPath, format: .bank) }

    /// The seed with all whitespace removed: quotes are checked against it, since the seed breaks sentences
    /// across lines and pages.
    static func seed() throws -> String {
        let text = try String(contentsOf: root.appendingPathComponent("seeds/000_6fe6509ac139b0be.txt"), encoding: .utf8)
        return String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    @Test func theBankParsesAndValidatesWithoutErrors() throws {
        let read = try Self.bank()
        #expect(read.issues.isEmpty, "\(read.issues.prefix(10))")
        let report = BankValidator.validate(read.questions)
        #expect(report.errors.isEmpty, "\(report.errors.prefix(10))")
    }

    @Test func atLeast300ActiveQuestionsOfAllFiveTypesWithSpreadDifficultyAndMixedUsage() throws {
        let active = try Self.bank().questions.map(\.question).filter { $0.status == .active }
        #expect(active.count >= 300)
        #expect(Set(active.map(\.kind)) == Set(QuestionKind.allCases))
        #expect(Set(active.map(\.difficulty)) == [1, 2, 3, 4, 5])
        #expect(Set(active.map(\.usage)) == Set(QuestionUsage.allCases))
    }

    /// The seed's sentences, ended by 。；？！, as ranges of the whitespace-free seed.
    static func sentences(of seed: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var start = seed.startIndex
        for index in seed.indices where "。；？！".contains(seed[index]) {
            result.append(start..<seed.index(after: index))
            start = seed.index(after: index)
        }
        if start < seed.endIndex { result.append(start..<seed.endIndex) }
        return result
    }

    @Test func everyQuoteOccursVerbatimInTheSeedAndNoSentenceCarriesMoreThanThreeQuestions() throws {
        let seed = try Self.seed()
        let sentences = Self.sentences(of: seed)
        let questions = try Self.bank().questions.map(\.question)
        var perSentence: [Int: [String]] = [:]
        for question in questions where !question.quote.isEmpty {
            let quote = String(question.quote.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
            guard let found = seed.range(of: quote) else {
                Issue.record("\(question.id): 原文 not found in the seed: \(question.quote)")
                continue
            }
            // A quote of a clause rests on the sentence that holds it; one spanning two sentences rests on both.
            for (index, sentence) in sentences.enumerated() where sentence.overlaps(found) {
                perSentence[index, default: []].append(question.id)
            }
        }
        for (index, ids) in perSentence where ids.count > 3 {
            Issue.record("\(ids.count) questions rest on one sentence (\(ids.joined(separator: ", "))): \(seed[sentences[index]].prefix(40))…")
        }
    }

    @Test func theSeedCarriesAtLeastHalfTheBankAndCoversEveryItemAndTheGuaranteeMeasures() throws {
        let questions = try Self.bank().questions.map(\.question)
        let fromSeed = questions.filter { $0.source.hasPrefix("粤退役军人发〔2023〕22号") && !$0.quote.isEmpty }
        #expect(fromSeed.count >= 150)
        let sections = Set(fromSeed.map { $0.source.replacingOccurrences(of: "粤退役军人发〔2023〕22号", with: "").trimmingCharacters(in: .whitespaces) })
        for item in 1...20 {
            #expect(sections.contains { $0.hasSuffix("）\(item)") }, "item \(item) has no question")
        }
        for measure in ["三（一）", "三（二）", "三（三）", "三（四）"] {
            #expect(sections.contains(measure), "\(measure) has no question")
        }
        let fromLaw = questions.filter { !$0.source.hasPrefix("粤退役军人发〔2023〕22号") }
        #expect(fromLaw.count * 3 < questions.count)
    }

    @Test func atLeastAQuarterAreScenarioQuestions() throws {
        let questions = try Self.bank().questions.map(\.question)
        let scenarios = questions.filter { $0.tags.contains("情景题") }
        #expect(scenarios.count * 4 >= questions.count)
    }

    /// A question travels alone — on a paper, in a self-test, in the wrong-question book — so "本法" must say which law.
    @Test func everyActiveStemThatSaysThisLawNamesIt() throws {
        let questions = try Self.bank().questions.map(\.question).filter { $0.status == .active }
        let named = try Regex("《[^》]+法》")
        for question in questions where question.stem.contains("本法") {
            #expect(question.stem.contains(named), "\(question.id): \(question.stem)")
        }
    }
}
