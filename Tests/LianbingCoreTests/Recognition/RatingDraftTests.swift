import LianbingCore
import Testing

@Suite("Recognition: satisfaction rating drafts, aspects and sources")
struct RatingDraftTests {
    static func draft(_ attitude: Int, _ efficiency: Int, _ outcome: Int, comment: String = "", staff: String? = nil) -> RatingDraft {
        RatingDraft(scores: [.attitude: attitude, .efficiency: efficiency, .outcome: outcome], comment: comment, staffNumber: staff, source: .poster)
    }

    @Test("Given the aspects and sources, then their labels and stored raw values are fixed")
    func labels() {
        #expect(RatingAspect.allCases.map(\.label) == ["态度", "效率", "结果"])
        #expect(RatingAspect.allCases.map(\.rawValue) == ["attitude", "efficiency", "outcome"])
        #expect(RatingSource.allCases.map(\.label) == ["扫码评价", "窗口评价器", "纸质问卷", "电话回访"])
        #expect(RatingSource.allCases.map(\.rawValue) == ["poster", "counter", "paper", "phone"])
        #expect(RatingDraft.commentLimit == 200)
    }

    @Test("Given a complete draft, then checking trims the comment and the staff number and keeps the scores")
    func accepted() throws {
        let checked = try Self.draft(5, 4, 3, comment: "  办事快，态度好。\r\n谢谢！ \n", staff: " 440100001 ").checked()
        #expect(checked.scores == [.attitude: 5, .efficiency: 4, .outcome: 3])
        #expect(checked.comment == "办事快，态度好。\n谢谢！")
        #expect(checked.staffNumber == "440100001" && checked.source == .poster)
        #expect(try Self.draft(1, 1, 1, staff: "  ").checked().staffNumber == nil)
        #expect(try Self.draft(5, 5, 5).checked().comment == "")
    }

    @Test("Given a missing or out-of-range score, then the refusal names the aspect")
    func scores() {
        for aspect in RatingAspect.allCases {
            var missing = Self.draft(3, 3, 3)
            missing.scores[aspect] = nil
            #expect(throws: LianbingError.invalid("请为“\(aspect.label)”打分（1 到 5 分）")) { try missing.checked() }
            for score in [0, 6, -1, Int.max, Int.min] {
                var wrong = Self.draft(3, 3, 3)
                wrong.scores[aspect] = score
                #expect(throws: LianbingError.invalid("“\(aspect.label)”评分须为 1 到 5 分之间的整数")) { try wrong.checked() }
            }
        }
        #expect(throws: LianbingError.invalid("请为“态度”打分（1 到 5 分）")) {
            try RatingDraft(scores: [:], source: .counter).checked()
        }
    }

    @Test("Given comments at and past 200 characters, then 200 pass after trimming, counted as characters, and 201 are refused")
    func commentLength() throws {
        let limit = String(repeating: "好", count: 200)
        #expect(try Self.draft(4, 4, 4, comment: "  \(limit)\n").checked().comment == limit)
        // Emoji made of several code points count once each.
        let family = String(repeating: "👨‍👩‍👧", count: 200)
        #expect(try Self.draft(4, 4, 4, comment: family).checked().comment == family)
        #expect(throws: LianbingError.invalid("评价内容不超过 200 个字，现有 201 个字")) {
            try Self.draft(4, 4, 4, comment: limit + "!").checked()
        }
    }

    @Test("Given control characters, then newlines (however sent) pass and every other one is refused")
    func controlCharacters() throws {
        #expect(try Self.draft(4, 4, 4, comment: "第一行\n第二行\r第三行").checked().comment == "第一行\n第二行\n第三行")
        for bad in ["\u{0}", "\u{7}", "\t", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{9F}"] {
            #expect(throws: LianbingError.invalid("评价内容含有不可见的控制字符，请删除后重试")) {
                try Self.draft(4, 4, 4, comment: "前\(bad)后").checked()
            }
        }
    }

    @Test("Given scores, then overall is their mean and a 1 or 2 anywhere opens a follow-up")
    func overallAndFollowUp() {
        #expect(Self.draft(5, 4, 3).overall == 4)
        #expect(Self.draft(5, 5, 4).overall == 14.0 / 3.0)
        #expect(RatingDraft(scores: [:], source: .phone).overall == 0)
        #expect(!Self.draft(3, 3, 3).needsFollowUp)
        #expect(!Self.draft(5, 5, 5).needsFollowUp)
        for aspect in RatingAspect.allCases {
            for score in [1, 2] {
                var draft = Self.draft(5, 5, 5)
                draft.scores[aspect] = score
                #expect(draft.needsFollowUp && draft.overall > 3)
            }
        }
    }
}
