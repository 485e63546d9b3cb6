import LianbingCore
import Testing

@Suite("BlankNormaliser")
struct GradingBlankNormaliserTests {
    @Test("Given an answer typed in full width, with spaces or in capitals, when normalised, then it is the plain form",
        arguments: [
            ("ＱＱ群", "qq群"),
            ("１２３４５", "12345"),
            ("ＡＢＣｄｅｆ", "abcdef"),
            (" 三分之一 ", "三分之一"),
            ("三\u{3000}分 之\t一\n", "三分之一"),
            ("Hello World", "helloworld"),
            ("（１）２，３；４：５？！", "(1)2,3;4:5?!"),
            ("甲、乙。", "甲,乙."),
            ("“依法”‘办事’【一】", "\"依法\"'办事'[一]"),
            ("《退役军人保障法》", "《退役军人保障法》"),
            ("ÀÉ", "àé"),
            ("", ""),
        ])
    func normalise(input: String, expected: String) {
        #expect(BlankNormaliser.normalise(input) == expected)
        #expect(BlankNormaliser.isNormalised(expected))
        #expect(BlankNormaliser.normalise(expected) == expected)
    }

    @Test("Given text needing no change, when checked, then it is normalised; otherwise not")
    func isNormalised() {
        #expect(BlankNormaliser.isNormalised("三分之一1/3"))
        #expect(!BlankNormaliser.isNormalised("三分之一 "))
        #expect(!BlankNormaliser.isNormalised("Ａ"))
        #expect(!BlankNormaliser.isNormalised("A"))
    }

    @Test("Given a key written in full width, when a half-width answer is marked, then it is right (and the reverse)")
    func bothWays() {
        let grader = Grader(multipleChoice: .allOrNothing)
        let fullWidthKey = GradingKey(GradingFixture.question(.fillBlank, answer: .blanks([["ＷＰＳ　２０２３"]])))
        #expect(grader.mark(fullWidthKey, response: .blanks(["wps2023"]), points: 1).score == 1)
        let plainKey = GradingKey(GradingFixture.question(.fillBlank, answer: .blanks([["wps2023"]])))
        #expect(grader.mark(plainKey, response: .blanks(["ＷＰＳ　２０２３"]), points: 1).score == 1)
        #expect(grader.mark(plainKey, response: .blanks(["wps 2024"]), points: 1).score == 0)
    }
}
