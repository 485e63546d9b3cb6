import Foundation

extension ExpertDraft {
    /// Longest accepted name (姓名) and 工作单位及职务, in characters: the same limits as the import file.
    public static let maximumNameLength = 32
    public static let maximumAffiliationLength = 100
    /// Specialties one expert may list, and the longest, as a session's topics.
    public static let maximumSpecialties = 20
    public static let maximumSpecialtyLength = 64

    /// What an expert says about themselves, trimmed and checked before the store looks at pools and staff: a name,
    /// an affiliation within its limit, up to 20 specialties (blanks and repeats dropped, order kept), and an empty
    /// staff number read as none.
    public func validated() throws -> ExpertDraft {
        var draft = self
        draft.unitCode = unitCode.trimmingCharacters(in: .whitespaces)
        draft.name = name.trimmingCharacters(in: .whitespaces)
        draft.affiliation = affiliation.trimmingCharacters(in: .whitespaces)
        draft.staffNumber = staffNumber.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        guard !draft.name.isEmpty, draft.name.count <= Self.maximumNameLength else {
            throw LianbingError.invalid("专家姓名不能为空，且不超过 \(Self.maximumNameLength) 个字")
        }
        guard draft.affiliation.count <= Self.maximumAffiliationLength else {
            throw LianbingError.invalid("工作单位及职务不超过 \(Self.maximumAffiliationLength) 个字")
        }
        var seen = Set<String>()
        draft.specialties = specialties.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard draft.specialties.count <= Self.maximumSpecialties else {
            throw LianbingError.invalid("专长最多 \(Self.maximumSpecialties) 个，收到 \(draft.specialties.count) 个")
        }
        if let bad = draft.specialties.first(where: { $0.count > Self.maximumSpecialtyLength || $0.contains("|") }) {
            throw LianbingError.invalid("专长“\(bad.prefix(20))”无效：每个不超过 \(Self.maximumSpecialtyLength) 个字，且不含“|”")
        }
        return draft
    }
}
