import LianbingCore
import Testing

@Suite("Training: attendance status and expert category labels")
struct TrainingLabelsTests {
    @Test("Given each attendance status, then its label is 出席/缺席/请假 and both label and raw value read back")
    func attendanceStatus() {
        #expect(AttendanceStatus.allCases.map(\.label) == ["出席", "缺席", "请假"])
        for status in AttendanceStatus.allCases {
            #expect(AttendanceStatus(label: status.label) == status)
            #expect(AttendanceStatus(label: status.rawValue) == status)
            #expect(AttendanceStatus(label: status.rawValue.uppercased()) == status)
        }
        for text in ["", "迟到", "出", "present", " 出席"] { #expect(AttendanceStatus(label: text) == nil) }
    }

    @Test("Given each expert category, then its label is 高校专家/行业精英/业务骨干 and both label and raw value read back")
    func expertCategory() {
        #expect(ExpertCategory.allCases.map(\.label) == ["高校专家", "行业精英", "业务骨干"])
        for category in ExpertCategory.allCases {
            #expect(ExpertCategory(label: category.label) == category)
            #expect(ExpertCategory(label: category.rawValue) == category)
            #expect(ExpertCategory(label: category.rawValue.uppercased()) == category)
        }
        for text in ["", "专家", "高校", "academic"] { #expect(ExpertCategory(label: text) == nil) }
    }

    @Test("Given raw values, then they are the stable English words stored and sent in APIs")
    func rawValues() {
        #expect(AttendanceStatus.allCases.map(\.rawValue) == ["attended", "absent", "excused"])
        #expect(ExpertCategory.allCases.map(\.rawValue) == ["university", "industry", "backbone"])
    }

    @Test("Given an expert draft and a unit's attributes, then the defaults are empty, not on the staff and not flagged")
    func defaults() {
        let draft = ExpertDraft(unitCode: "4401", name: "王五", category: .university)
        #expect(draft.specialties.isEmpty && draft.affiliation.isEmpty && draft.staffNumber == nil)
        #expect(UnitAttributes() == UnitAttributes(veteransServed: nil, heavyDuty: false))
    }
}
