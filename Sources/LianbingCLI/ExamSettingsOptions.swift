import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

/// An exam's settings on the command line: what `exam create` makes a draft from and `exam edit` replaces a
/// draft's settings with.
struct ExamSettingsOptions: ParsableArguments {
    @Option(help: "考试名称。")
    var title: String

    @Option(help: "组卷规则文件（.txt，格式见 Blueprints/README.md）。", completion: .file(extensions: ["txt"]))
    var blueprint: String

    @Option(help: "考生范围：该单位及其下级的在岗工作人员。")
    var unit: String

    @Option(help: "只考这些岗位的人员（可重复）；省略则不限岗位。")
    var post: [String] = []

    @Option(help: "开始时间（北京时间），如 \"2026-11-25 09:00\"。")
    var opens: String

    @Option(help: "结束时间（北京时间），如 \"2026-11-25 17:00\"。")
    var closes: String

    @Option(help: "答题时长（分钟）。")
    var duration: Int

    @Option(help: "合格分数。")
    var passMark: Double

    @Flag(help: "计入持证上岗：发布成绩时给合格者发放本系统岗位考核证书（不是国家职业资格证书）。")
    var certifies = false

    @Option(help: "合格者取得的资格编号（见 lianbing cert qualifications）；省略为默认的本系统考核资格。须与 --certifies 同用。")
    var qualification: Int64?

    @Option(help: "交卷后考生可看：score（仅成绩）、answers（成绩和本人作答）、keys（另含答案和解析）。")
    var review: ReviewPolicy.Content = .score

    @Option(help: "何时可看：immediately（交卷后立即）、after-release（成绩发布后）、after-close（考试结束后）。")
    var reviewTiming: ReviewPolicy.Timing = .afterRelease

    @Option(help: "多选题少选得分比例（0–1 之间，如 0.5）；省略则全部选对才得分。")
    var partialShare: Double?

    @Option(help: "成绩发布后可申请复核的天数。")
    var reviewDays = 7

    @Option(help: "随机种子：相同规则、题库版本和种子总能组出相同的试卷；省略则随机选取。")
    var seed: UInt64?

    @Option(help: "考生须知：考生开始作答前看到的说明（不超过 2000 字）；省略则没有。")
    var instructions = ""

    func validate() throws {
        _ = try ChinaTimeOption.parse(opens, option: "--opens")
        _ = try ChinaTimeOption.parse(closes, option: "--closes")
        try ValidationError.bounded { try InputBounds.check(duration, in: InputBounds.minutes, "--duration", unit: "分钟") }
        try ValidationError.bounded { try InputBounds.check(reviewDays, in: InputBounds.reviewDays, "--review-days", unit: "天") }
        if qualification != nil, !certifies { throw ValidationError("--qualification 须与 --certifies 同用") }
    }

    /// The draft these options describe, with the blueprint file read.
    func draft() throws -> ExamDraft {
        let file = try BlueprintFile.read(blueprint)
        return ExamDraft(
            title: title, blueprint: file.blueprint, blueprintText: file.text, unitCode: unit, posts: post,
            opensAt: try ChinaTimeOption.parse(opens, option: "--opens"), closesAt: try ChinaTimeOption.parse(closes, option: "--closes"),
            durationMinutes: duration, passMark: passMark, certifies: certifies,
            review: ReviewPolicy(content: review, timing: reviewTiming),
            multipleChoice: partialShare.map { .partial(share: $0) } ?? .allOrNothing, reviewRequestDays: reviewDays, seed: seed,
            qualificationId: qualification, instructions: instructions)
    }
}
