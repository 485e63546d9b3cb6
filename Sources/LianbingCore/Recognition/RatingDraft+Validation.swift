import Foundation

extension RatingDraft {
    /// The draft made ready to store, or a refusal that says what to fix: every aspect scored from 1 to 5; the
    /// comment trimmed, its line breaks made `\n` (forms send `\r\n`), at most `commentLimit` characters and no
    /// other control character (they break exports and can hide text); an empty staff number read as none.
    public func checked() throws -> RatingDraft {
        var draft = self
        for aspect in RatingAspect.allCases {
            guard let score = scores[aspect] else {
                throw LianbingError.invalid("请为“\(aspect.label)”打分（\(Self.scoreRange.lowerBound) 到 \(Self.scoreRange.upperBound) 分）")
            }
            try InputBounds.check(score, in: Self.scoreRange, "“\(aspect.label)”评分", unit: "分")
        }
        let comment = comment.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard comment.count <= Self.commentLimit else {
            throw LianbingError.invalid("评价内容不超过 \(Self.commentLimit) 个字，现有 \(comment.count) 个字")
        }
        guard !comment.unicodeScalars.contains(where: { $0 != "\n" && $0.properties.generalCategory == .control }) else {
            throw LianbingError.invalid("评价内容含有不可见的控制字符，请删除后重试")
        }
        draft.comment = comment
        draft.staffNumber = staffNumber.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        return draft
    }
}
