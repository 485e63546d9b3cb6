/// The rules an event must keep to join a log, checked before it is appended so that the log never holds an event
/// the board would have to guess about.
extension ScoreTally {
    public func check(_ event: ContestEvent, rounds: ClosedRange<Int>) throws {
        guard event.sequence == events.count + 1 else { throw LianbingError.conflict("记录顺序有误，请刷新后重试") }
        guard rounds.contains(event.round) else { throw LianbingError.notFound("比赛没有第 \(event.round) 轮") }
        if let question = event.question { try InputBounds.check(question, in: 1...ContestBounds.questions.upperBound, "题号") }
        let limit = ContestBounds.change.upperBound * 100
        guard (-limit...limit).contains(event.change.hundredths) else {
            throw LianbingError.invalid("分值须在 \(ContestBounds.change.lowerBound) 到 \(ContestBounds.change.upperBound) 之间")
        }
        guard event.kind.movesPoints || event.change == .zero else { throw LianbingError.invalid("\(event.kind.label)不计分") }
        switch event.kind {
        case .opened, .passed:
            break
        case .correction:
            guard let target = event.corrects, (1..<event.sequence).contains(target) else {
                throw LianbingError.notFound("要更正的记录不存在")
            }
            guard isInEffect(target) else { throw LianbingError.conflict("第 \(target) 条记录已被更正") }
            guard events[target - 1].kind != .opened else { throw LianbingError.invalid("已出示的题目不能撤回") }
        default:
            guard let team = event.team, standing(of: team) != nil else { throw LianbingError.notFound("本场比赛没有该参赛队") }
        }
        if let elapsed = event.elapsedMilliseconds {
            try InputBounds.check(elapsed, in: 0...ContestBounds.timeLimitSeconds.upperBound * 1_000 * 10, "答题用时", unit: "毫秒")
        }
    }
}
