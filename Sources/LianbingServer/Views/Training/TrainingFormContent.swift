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
    var problems: [String]
    var hasProblems: Bool

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
        return TrainingFormContent(
            action: action, submitLabel: submitLabel, form: form, units: units, audienceUnits: audienceUnits,
            kinds: TrainingKind.allCases.map {
                KindOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.kind, business: $0.isBusinessTraining)
            },
            posts: posts.enumerated().map { PostChoice(field: "post_\($0.offset)", name: $0.element, checked: form.posts.contains($0.element)) },
            isEditing: isEditing, problems: problems, hasProblems: !problems.isEmpty)
    }
}
