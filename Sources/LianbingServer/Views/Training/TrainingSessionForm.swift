import Foundation
import LianbingCore
import LianbingStore

/// The new-session form (新建培训) as typed. Every field stays text, so a refused form comes back exactly as sent;
/// the store checks every range.
struct TrainingSessionForm: Sendable {
    var unitCode = ""
    /// A typed unit code, for organisers deeper than the select offers; it wins over the select.
    var otherUnitCode = ""
    var title = ""
    var kind = TrainingKind.course.rawValue
    var isBusiness = true
    /// The kind the business box was last set for: while the box still shows that kind's default, the session
    /// takes its own kind's default (so changing the kind without a script still gets the right flag).
    var businessBasis = TrainingKind.course.rawValue
    /// `datetime-local` values, China time.
    var startsAt = ""
    var endsAt = ""
    var hours = "3"
    var topics = ""
    var audienceUnit = ""
    var otherAudienceUnit = ""
    var posts: [String] = []
    var capacity = ""
    var place = ""
    var trainers = ""

    /// Tomorrow 09:00–12:00, three hours, for the caller's own unit: a plausible start the organiser edits.
    static func blank(now: Date, unitCode: String) -> TrainingSessionForm {
        let day = ChinaTime.civilDate(of: now.addingTimeInterval(86_400))
        var form = TrainingSessionForm()
        form.unitCode = unitCode
        form.audienceUnit = unitCode
        form.startsAt = "\(day)T09:00"
        form.endsAt = "\(day)T12:00"
        return form
    }

    /// A session's stored settings, to edit.
    init(_ session: TrainingSession) {
        let local = { (date: Date) in ChinaTime.format(date).replacingOccurrences(of: " ", with: "T") }
        unitCode = session.unitCode
        title = session.title
        kind = session.kind.rawValue
        isBusiness = session.isBusiness
        businessBasis = session.kind.rawValue
        startsAt = local(session.startsAt)
        endsAt = local(session.endsAt)
        hours = AppDatabase.points(session.hours)
        topics = session.topics.joined(separator: "\n")
        audienceUnit = session.audienceUnit
        posts = session.audiencePosts
        capacity = session.capacity.map(String.init) ?? ""
        place = session.place
        trainers = session.trainers.map(\.name).joined(separator: "、")
    }

    init() {}

    /// Posts arrive as `post_0`, `post_1` … (the form parser keeps one value per name); a box counts only if its
    /// value is still the post listed at that place.
    init(_ fields: FormFields, posts allPosts: [String]) {
        let text = { (name: String) in fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        unitCode = text("unit_code")
        otherUnitCode = text("other_unit_code")
        title = text("title")
        kind = text("kind")
        isBusiness = fields["business"] != nil
        businessBasis = text("business_basis")
        startsAt = text("starts_at")
        endsAt = text("ends_at")
        hours = text("hours")
        topics = fields["topics"] ?? ""
        audienceUnit = text("audience_unit")
        otherAudienceUnit = text("other_audience_unit")
        posts = allPosts.enumerated().filter { fields["post_\($0.offset)"] == $0.element }.map(\.element)
        capacity = text("capacity")
        place = text("place")
        trainers = fields["trainers"] ?? ""
    }

    var unit: String { otherUnitCode.isEmpty ? unitCode : otherUnitCode }
    var audience: String { otherAudienceUnit.isEmpty ? (audienceUnit.isEmpty ? unit : audienceUnit) : otherAudienceUnit }

    /// Items typed one per line or separated by 、，,；;
    static func items(_ text: String) -> [String] {
        text.split(whereSeparator: { "\n\r、，,；;".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The draft the store checks further, or every problem the form has on its own. A trainer named as one of
    /// `existing` (the session being edited) keeps its link to the expert pool.
    func draft(existing: [TrainingSession.Trainer] = []) -> Result<TrainingSessionDraft, FormProblems> {
        var problems: [String] = []
        if unit.isEmpty { problems.append("请选择主办单位") }
        let trainingKind = TrainingKind(rawValue: kind)
        if trainingKind == nil { problems.append("请选择培训类型") }
        let starts = ChinaTime.parse(startsAt)
        if starts == nil { problems.append("请填写开始时间（年-月-日 时:分）") }
        let ends = ChinaTime.parse(endsAt)
        if ends == nil { problems.append("请填写结束时间（年-月-日 时:分）") }
        // Only whether each field is a number at all; its range is the store's to check, for every door alike.
        let creditedHours = Double(hours).flatMap { $0.isFinite ? $0 : nil }
        if creditedHours == nil { problems.append("学时须为数字，如 3 或 1.5") }
        var seats: Int?
        if !capacity.isEmpty {
            seats = Int(capacity)
            if seats == nil { problems.append("容量须为整数人数，不限容量请留空") }
        }
        guard let trainingKind, let starts, let ends, let creditedHours, problems.isEmpty else { return .failure(FormProblems(problems)) }
        let basis = TrainingKind(rawValue: businessBasis) ?? trainingKind
        // The box as the page set it for `basis`: the kind's own default applies; changed by hand: the choice.
        let business: Bool? = isBusiness == basis.isBusinessTraining ? nil : isBusiness
        return .success(TrainingSessionDraft(
            unitCode: unit, title: title, kind: trainingKind, isBusiness: business, startsAt: starts, endsAt: ends, hours: creditedHours,
            topics: Self.items(topics), audienceUnit: audience, audiencePosts: posts, capacity: seats, place: place,
            trainers: Self.items(trainers).map { name in
                existing.first { $0.name == name }?.expertId.map(TrainerRef.expert) ?? .name(name)
            }))
    }
}
