/// The enemy groups already on the paper being made.
///
/// A mark per group holding the number of the paper that took it, so starting the next paper is one increment
/// rather than clearing an array (or a set of strings) for every paper.
struct PaperGroups: Sendable {
    let groupOf: [Int32]
    private var paperOfGroup: [UInt32]
    private var paper: UInt32 = 1

    init(_ groups: EnemyGroups) {
        groupOf = groups.groupOf
        paperOfGroup = Array(repeating: 0, count: groups.count)
    }

    mutating func startPaper() {
        paper &+= 1
        if paper == 0 {
            // After 4 billion papers the marks wrap: clear them once so an old mark cannot pass for a new one.
            for index in paperOfGroup.indices { paperOfGroup[index] = 0 }
            paper = 1
        }
    }

    @inline(__always)
    func isFree(_ question: Int) -> Bool { paperOfGroup[Int(groupOf[question])] != paper }

    @inline(__always)
    mutating func take(_ question: Int) { paperOfGroup[Int(groupOf[question])] = paper }

    @inline(__always)
    mutating func release(_ question: Int) { paperOfGroup[Int(groupOf[question])] = 0 }
}
