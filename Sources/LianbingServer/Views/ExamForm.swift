import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

/// The create-exam form as typed. Every field stays text, so a refused form comes back exactly as it was sent.
struct ExamForm: Sendable {
    var title = ""
    /// A shipped blueprint file's name; empty when the blueprint was pasted or uploaded into `blueprintText`.
    var blueprintFile = ""
    var blueprintText = ""
    var unitCode = ""
    /// A typed unit code, for units deeper than the select offers; it wins over the select.
    var otherUnitCode = ""
    var posts: [String] = []
    /// `datetime-local` values, China time.
    var opensAt = ""
    var closesAt = ""
    var durationMinutes = "60"
    var passMark = "60"
    var certifies = false
    /// The chosen internal qualification's id, or empty for the default one.
    var qualification = ""
    var reviewContent = ReviewPolicy.Content.score.rawValue
    var reviewTiming = ReviewPolicy.Timing.afterRelease.rawValue
    /// 少选得分 is on when set; `partialPercent` is then the share of the points a subset earns.
    var partial = false
    var partialPercent = "50"
    var reviewRequestDays = "7"
    var instructions = ""

    /// Tomorrow 09:00–11:00, a 60-minute paper: a plausible start the trainer edits.
    static func blank(now: Date, unitCode: String, blueprintFile: String) -> ExamForm {
        let day = ChinaTime.civilDate(of: now.addingTimeInterval(86_400))
        return ExamForm(blueprintFile: blueprintFile, unitCode: unitCode, opensAt: "\(day)T09:00", closesAt: "\(day)T11:00")
    }

    /// A draft's stored settings, to edit; the blueprint comes back as the text stored with the exam.
    init(_ exam: Exam) {
        let local = { (date: Date) in ChinaTime.format(date).replacingOccurrences(of: " ", with: "T") }
        title = exam.title
        blueprintText = exam.blueprintText
        unitCode = exam.unitCode
        posts = exam.posts
        opensAt = local(exam.opensAt)
        closesAt = local(exam.closesAt)
        durationMinutes = String(Int(exam.duration / 60))
        passMark = AppDatabase.points(exam.passMark)
        certifies = exam.certifies
        qualification = exam.qualificationId.map(String.init) ?? ""
        reviewContent = exam.review.content.rawValue
        reviewTiming = exam.review.timing.rawValue
        if case .partial(let share) = exam.multipleChoice {
            partial = true
            partialPercent = AppDatabase.points(share * 100)
        }
        reviewRequestDays = String(exam.reviewRequestDays)
        instructions = exam.instructions
    }

    /// Posts arrive as `post_0`, `post_1` … because the form parser keeps one value per name; a box counts only
    /// if its value is still the post listed at that place.
    init(_ fields: FormFields, posts allPosts: [String]) {
        let text = { (name: String) in fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        title = text("title")
        blueprintFile = text("blueprint_file")
        blueprintText = fields["blueprint_text"] ?? ""
        unitCode = text("unit_code")
        otherUnitCode = text("other_unit_code")
        posts = allPosts.enumerated().filter { fields["post_\($0.offset)"] == $0.element }.map(\.element)
        opensAt = text("opens_at")
        closesAt = text("closes_at")
        durationMinutes = text("duration_minutes")
        passMark = text("pass_mark")
        certifies = fields["certifies"] != nil
        qualification = text("qualification")
        reviewContent = text("review_content")
        reviewTiming = text("review_timing")
        partial = fields["multiple_choice"] == "partial"
        partialPercent = text("partial_percent")
        reviewRequestDays = text("review_request_days")
        instructions = fields["instructions"] ?? ""
    }

    private init(blueprintFile: String, unitCode: String, opensAt: String, closesAt: String) {
        self.blueprintFile = blueprintFile
        self.unitCode = unitCode
        self.opensAt = opensAt
        self.closesAt = closesAt
    }

    var unit: String { otherUnitCode.isEmpty ? unitCode : otherUnitCode }

    /// The chosen file's text, else the pasted text, read as a blueprint; or every problem of the file, by line.
    func blueprint(_ shipped: ShippedBlueprints) -> Result<(blueprint: Blueprint, text: String), FormProblems> {
        if !blueprintFile.isEmpty {
            guard let file = shipped.file(named: blueprintFile) else { return .failure(["找不到组卷规则文件“\(blueprintFile)”"]) }
            return .success((file.blueprint, file.text))
        }
        guard !blueprintText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(["请选择组卷规则文件，或粘贴、上传组卷规则文本"])
        }
        return BlueprintText.read(blueprintText, file: "组卷规则")
            .map { ($0, blueprintText) }
            .mapError { FormProblems($0.issues.map(\.description)) }
    }

    /// The draft the store checks further, or every problem the form has on its own, the blueprint's included.
    func draft(_ shipped: ShippedBlueprints) -> Result<ExamDraft, FormProblems> {
        var problems: [String] = []
        var read: (blueprint: Blueprint, text: String)?
        switch blueprint(shipped) {
        case .success(let found): read = found
        case .failure(let unreadable): problems += unreadable.messages
        }
        if unit.isEmpty { problems.append("请选择考生所在单位") }
        let opens = ChinaTime.parse(opensAt)
        if opens == nil { problems.append("请填写开考时间（年-月-日 时:分）") }
        let closes = ChinaTime.parse(closesAt)
        if closes == nil { problems.append("请填写截止时间（年-月-日 时:分）") }
        // Only whether each field is a number at all; its range is the store's to check, for every door alike.
        let minutes = Int(durationMinutes.trimmingCharacters(in: .whitespaces))
        if minutes == nil { problems.append("答题时长须为整数分钟") }
        let pass = Double(passMark.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
        if pass == nil { problems.append("合格分数须为数字") }
        let days = Int(reviewRequestDays.trimmingCharacters(in: .whitespaces))
        if days == nil { problems.append("成绩复核申请期限须为整数天") }
        var policy = MultipleChoicePolicy.allOrNothing
        if partial {
            if let percent = Double(partialPercent), percent.isFinite { policy = .partial(share: percent / 100) } else { problems.append("少选得分比例须为数字") }
        }
        guard let read, let opens, let closes, let minutes, let pass, let days, problems.isEmpty else {
            return .failure(FormProblems(problems))
        }
        return .success(ExamDraft(
            title: title, blueprint: read.blueprint, blueprintText: read.text, unitCode: unit, posts: posts, opensAt: opens, closesAt: closes,
            durationMinutes: minutes, passMark: pass, certifies: certifies,
            review: ReviewPolicy(
                content: ReviewPolicy.Content(rawValue: reviewContent) ?? .score, timing: ReviewPolicy.Timing(rawValue: reviewTiming) ?? .afterRelease),
            multipleChoice: policy, reviewRequestDays: days, qualificationId: certifies ? Int64(qualification) : nil, instructions: instructions))
    }
}

/// Problems with a submitted form, each a sentence the page lists.
struct FormProblems: Error, Sendable, ExpressibleByArrayLiteral {
    var messages: [String]

    init(_ messages: [String]) { self.messages = messages }
    init(arrayLiteral messages: String...) { self.messages = messages }
}
