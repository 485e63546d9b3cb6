/// The three kinds of expert the source asks to draw on for training (item 18: 高校专家、行业精英、业务骨干).
public enum ExpertCategory: String, Sendable, Codable, CaseIterable {
    case university
    case industry
    case backbone

    /// The label used in import files and pages.
    public var label: String {
        switch self {
        case .university: "高校专家"
        case .industry: "行业精英"
        case .backbone: "业务骨干"
        }
    }

    /// Accepts the label (高校专家) or the raw value in any letter case (university).
    public init?(label: String) {
        if let category = ExpertCategory.allCases.first(where: { $0.label == label }) {
            self = category
        } else if let category = ExpertCategory(rawValue: label.lowercased()) {
            self = category
        } else {
            return nil
        }
    }
}

/// An expert (专家) as an import file or a form describes them, before the store gives them an identity.
public struct ExpertDraft: Sendable, Hashable, Codable {
    /// The unit whose expert pool (专家库) they belong to.
    public var unitCode: String
    public var name: String
    public var category: ExpertCategory
    /// Knowledge points they can teach, e.g. 政策法规, 优抚.
    public var specialties: [String]
    /// 工作单位及职务, free text.
    public var affiliation: String
    /// Set when the expert is also a member of staff (typically a 业务骨干).
    public var staffNumber: String?

    public init(
        unitCode: String, name: String, category: ExpertCategory, specialties: [String] = [], affiliation: String = "",
        staffNumber: String? = nil
    ) {
        self.unitCode = unitCode
        self.name = name
        self.category = category
        self.specialties = specialties
        self.affiliation = affiliation
        self.staffNumber = staffNumber
    }
}

/// An expert read from line `line` of an import file.
public struct ExpertImportRow: Sendable, Hashable {
    public var line: Int
    public var expert: ExpertDraft

    public init(line: Int, expert: ExpertDraft) {
        self.line = line
        self.expert = expert
    }
}
