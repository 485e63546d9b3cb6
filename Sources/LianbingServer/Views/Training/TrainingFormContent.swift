import LianbingCore
import LianbingStore

/// What the session form partial (`training-form.mustache`) shows: the form as typed, its choices and problems.
struct TrainingFormContent: Sendable {
    struct KindOption: Sendable {
        var value: String
        var label: String
        var selected: Bool
        /// The kind's default for 业务培训, for the script that keeps the box in step with the kind.
        var business: Bool
    }

    struct PostChoice: Sendable {
        var field: String
        var name: String
        var checked: Bool
    }

    var action: String
    var submitLabel: String
    var form: TrainingSessionForm
    var units: [SelectOption]
    var audienceUnits: [SelectOption]
    var kinds: [KindOption]
    var posts: [PostChoice]
    /// The organiser cannot change once the session exists.
    var isEditing: Bool
    /// Each refusal beside its field; `problems` are those that name none, listed above the form.
    var messages: FieldMessages
    var problems: [String]
    var hasProblems: Bool

    /// The words by which the store and the form name each field, most specific first (`FieldMessages`): the
    /// audience before the organiser, whose unit other messages mention in passing.
    static func fields(isEditing: Bool) -> [(name: String, words: [String])] {
        [
            ("title", ["培训名称"]), ("kind", ["培训类型"]), ("ends_at", ["结束时间", "最长"]), ("starts_at", ["开始时间", "培训时间"]),
            ("hours", ["学时"]), ("capacity", ["容量", "邀请人数"]), ("place", ["地点"]), ("topics", ["培训专题", "知识点"]),
            ("trainers", ["授课人", "专家"]), ("audience_unit", ["培训对象", "岗位"]),
        ] + (isEditing ? [] : [("unit_code", ["主办单位", "单位"])])
    }

    static func make(
        _ form: TrainingSessionForm, action: String, submitLabel: String, isEditing: Bool, problems: [String], principal: Principal,
        database: AppDatabase
    ) async throws -> TrainingFormContent {
        var form = form
        let units = try await UnitChoices.options(selected: form.unitCode, for: principal, database: database)
        let audienceUnits = try await UnitChoices.options(selected: form.audienceUnit, for: principal, database: database)
        // A unit deeper than the select offers comes back in the typed-code field.
        if !units.contains(where: \.selected), form.otherUnitCode.isEmpty, !isEditing { form.otherUnitCode = form.unitCode }
        if !audienceUnits.contains(where: \.selected), form.otherAudienceUnit.isEmpty { form.otherAudienceUnit = form.audienceUnit }
        let posts = try await database.posts()
        let messages = FieldMessages(problems, fields: fields(isEditing: isEditing))
        return TrainingFormContent(
            action: action, submitLabel: submitLabel, form: form, units: units, audienceUnits: audienceUnits,
            kinds: TrainingKind.allCases.map {
                KindOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.kind, business: $0.isBusinessTraining)
            },
            posts: posts.enumerated().map { PostChoice(field: "post_\($0.offset)", name: $0.element, checked: form.posts.contains($0.element)) },
            isEditing: isEditing, messages: messages, problems: messages.general, hasProblems: !problems.isEmpty)
    }
}
