/// The kinds of training activity the source names (item 19: 专题培训班、以会代训、组织观摩、实践教学; 学习日; 网校+微课;
/// 选派人员参加上级组织的培训), and what each counts for by default. A session may override its business flag.
public enum TrainingKind: String, Sendable, Codable, CaseIterable {
    case course
    case meeting
    case observation
    case practice
    case studyDay = "study-day"
    case onlineSchool = "online-school"
    case higherLevel = "higher-level"
    case other

    public var label: String {
        switch self {
        case .course: "专题培训班"
        case .meeting: "以会代训"
        case .observation: "组织观摩"
        case .practice: "实践教学"
        case .studyDay: "学习日"
        case .onlineSchool: "网校学习"
        case .higherLevel: "上级调训"
        case .other: "其他"
        }
    }

    /// A business training (业务培训) by default: the four forms item 19 lists.
    public var isBusinessTraining: Bool { [.course, .meeting, .observation, .practice].contains(self) }

    /// Counts towards the organising unit's half-year requirement when it is a business training; staff sent to a
    /// training organised higher up are covered, but the sending unit has not organised anything.
    public func countsForHalfYear(business: Bool) -> Bool { business && self != .higherLevel }

    /// Counts towards the attendee's rolling coverage: any business training, and 上级调训.
    public func countsForCoverage(business: Bool) -> Bool { business || self == .higherLevel }
}
