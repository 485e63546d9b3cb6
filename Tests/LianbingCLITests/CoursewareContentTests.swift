import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingFormats
import Testing

/// The lessons shipped in `Courseware/` are content staff learn from: these tests hold them to the rules in
/// `Courseware/README.md`, as `QuestionBankContentTests` holds the bank to its own.
@Suite struct CoursewareContentTests {
    static let root = QuestionBankContentTests.root
    static let coursewarePath = root.appendingPathComponent("Courseware").path

    static func lessons() throws -> [CoursewareCheck.Located] {
        let read = try CoursewareFiles.read(coursewarePath)
        #expect(read.issues.isEmpty, "\(read.issues.prefix(10))")
        return read.lessons
    }

    @Test func everyLessonReadsAndChecksAgainstTheBank() throws {
        let lessons = try Self.lessons()
        let bank = try QuestionBankContentTests.bank().questions.map(\.question)
        let issues = CoursewareCheck.issues(lessons, bank: bank, posts: Post.seeded)
        #expect(issues.isEmpty, "\(issues.prefix(10))")
    }

    /// Items 1–20 of the plan, its general requirements and its four guarantee measures each have a lesson; the law
    /// has at least three.
    @Test func atLeast24LessonsCoverThePlanAndTheLaw() throws {
        let lessons = try Self.lessons().map(\.lesson).filter { $0.status == .active }
        #expect(lessons.count >= 24)
        let sources = lessons.map(\.source).joined(separator: "\n")
        for item in 1...20 {
            #expect(sources.range(of: "）\(item)(?![0-9])", options: .regularExpression) != nil, "item \(item) has no lesson")
        }
        for section in ["一（", "三（一）", "三（二）", "三（三）", "三（四）"] {
            #expect(sources.contains(section), "\(section) has no lesson")
        }
        #expect(lessons.filter { $0.source.hasPrefix("《中华人民共和国退役军人保障法》") }.count >= 3)
    }

    /// A lesson on the plan quotes, as block quotes, sentences exactly as the seed writes them; a lesson on the law
    /// quotes nothing and cites only articles the bank's law questions rest on.
    @Test func everyQuoteOccursVerbatimInTheSeedAndLawLessonsCiteOnlyTheBanksArticles() throws {
        let seed = try QuestionBankContentTests.seed()
        let bank = try QuestionBankContentTests.bank().questions.map(\.question)
        let articlePattern = "第[一二三四五六七八九十百零]+条"
        let banked = Set(bank.filter { $0.source.contains("退役军人保障法") }.flatMap { Self.matches(articlePattern, in: $0.source) })
        for located in try Self.lessons() {
            let lesson = located.lesson
            let quotes = Self.blockQuotes(lesson.body)
            if lesson.source.hasPrefix("粤退役军人发〔2023〕22号") {
                #expect(!quotes.isEmpty, "\(located.file): no quote")
                for quote in quotes {
                    let bare = String(quote.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
                    #expect(seed.contains(bare), "\(located.file): not in the seed: \(quote)")
                }
            } else {
                #expect(lesson.source.hasPrefix("《中华人民共和国退役军人保障法》"), "\(located.file): unknown source \(lesson.source)")
                #expect(quotes.isEmpty, "\(located.file): a law lesson quotes the law")
                for article in Self.matches(articlePattern, in: lesson.source + lesson.body) {
                    #expect(banked.contains(article), "\(located.file): \(article) is not an article the bank rests on")
                }
            }
        }
    }

    /// The paragraphs of block quotes, their lines joined.
    static func blockQuotes(_ body: String) -> [String] {
        var quotes: [String] = []
        var current: [String] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(">") {
                current.append(line.dropFirst().trimmingCharacters(in: .whitespaces))
            } else if !current.isEmpty {
                quotes.append(current.joined())
                current = []
            }
        }
        if !current.isEmpty { quotes.append(current.joined()) }
        return quotes.filter { !$0.isEmpty }
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }
}
