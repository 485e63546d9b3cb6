import Foundation
import LianbingCore
import LianbingStore

/// How scores, review policies and answers read to a member of staff on their own pages.
enum CandidateWording {
    /// `78`, or `78.5` when there is a fraction.
    static func points(_ value: Double) -> String { MessageNumber.text(value) }

    static func score(_ score: Double, of maximum: Double) -> String { "\(points(score)) / \(points(maximum)) 分" }

    static func minutes(_ duration: TimeInterval) -> String { "\(Int((duration / 60).rounded())) 分钟" }

    /// What the candidate is told before starting and again with the result: `共 30 题 · 满分 100 分 · 及格 60 分`.
    static func paper(questions: Int, points maximum: Double, passMark: Double?) -> String {
        "共 \(questions) 题 · 满分 \(points(maximum)) 分" + (passMark.map { " · 及格 \(points($0)) 分" } ?? "")
    }

    /// What the policy will show, and from when: told before the exam and again while waiting for results.
    static func policy(_ policy: ReviewPolicy) -> String { "本场考试\(when(policy.timing))\(what(policy.content))。" }

    /// Said on a submitted attempt whose result is not visible yet.
    static func waiting(_ policy: ReviewPolicy?) -> String {
        guard let policy else { return "成绩公布后可在“我的记录”中查看。" }
        // "Immediately" still waits for short answers to be marked.
        if policy.timing == .immediately { return "简答题阅卷完成后即可查看\(what(policy.content))。" }
        return "成绩尚未公布：\(Self.policy(policy))届时可在“我的记录”中查看。"
    }

    static func when(_ timing: ReviewPolicy.Timing) -> String {
        switch timing {
        case .immediately: "交卷后即可查看"
        case .afterRelease: "成绩发布后可查看"
        case .afterClose: "考试结束后可查看"
        }
    }

    static func what(_ content: ReviewPolicy.Content) -> String {
        switch content {
        case .score: "成绩（不公布试题答案）"
        case .answers: "成绩和本人作答（不公布标准答案）"
        case .keys: "成绩、本人作答、标准答案和解析"
        }
    }

    /// A response as the candidate gave it, choices in the letters they saw.
    static func response(_ response: Response?) -> String {
        switch response {
        case nil: "未作答"
        case .choices(let shown)?: Answer.letters(shown)
        case .trueFalse(let value)?: value ? "正确" : "错误"
        case .blanks(let texts)?: texts.enumerated().map { "（\($0.offset + 1)）\($0.element.isEmpty ? "未填" : $0.element)" }.joined(separator: "　")
        case .text(let text)?: text
        }
    }

    static func kind(_ kind: QuestionKind) -> String { kind.label + "题" }
}
