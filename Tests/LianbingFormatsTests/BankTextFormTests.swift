import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

/// The question form is read as a block of a bank file: a stored question comes back unchanged, and a bad one gets
/// the reader's messages.
@Suite("BankText question form")
struct BankTextFormTests {
    @Test("Given an awkward question of each type, when put in the form and read back, then it comes back exactly")
    func roundTrip() throws {
        for question in BankTextRoundTripTests.awkward {
            var expected = BankText.canonical(question)
            expected.options = expected.options.map { $0.replacingOccurrences(of: "\n", with: " ") }
            let read = BankTextForm(question).read()
            #expect(read.issues == [], "\(question.id)")
            #expect(read.questions.map(\.question) == [expected], "\(question.id)")
        }
    }

    @Test("Given empty required fields and a value with empty lines, then the reader names what is missing and the lines are joined")
    func emptyFieldsAndEmptyLines() {
        let read = BankTextForm([.id: "F-1", .kind: "判断", .difficulty: "2", .stem: "第一行\r\n\r\n第二行", .answer: "正确"]).read()
        #expect(read.questions.isEmpty)
        #expect(Set(read.issues.map(\.reason)) == ["“知识点”为空", "“出处”为空"])
        let fixed = BankTextForm([
            .id: "F-1", .kind: "判断", .difficulty: "2", .stem: "第一行\r\n\r\n第二行", .answer: "正确", .knowledgePoints: "a", .source: "s",
        ]).read()
        #expect(fixed.questions.first?.question.stem == "第一行\n第二行")
    }
}
