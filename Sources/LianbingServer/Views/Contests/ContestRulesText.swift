import LianbingCore

/// A round's rules in words, as the contest page and the question sheets print them, from the rules its style keeps.
enum ContestRulesText {
    static func describe(_ round: ContestRound) -> String {
        let rules = round.rules
        let wrong = rules.wrongPoints == 0 ? "答错或超时不扣分" : "答错或超时扣 \(rules.wrongPoints) 分"
        let limit = "每题限时 \(rules.timeLimitSeconds) 秒"
        switch round.style {
        case .written:
            return "参加集中笔试，各队得分为队员笔试成绩的平均分（缺考按 0 分计），按 \(rules.writtenPercent)% 计入总分"
        case .compulsory:
            return "各队依次作答本队题目，答对得 \(rules.rightPoints) 分，\(wrong)；\(limit)"
        case .buzzer:
            return "主持人出题后抢答，以服务器收到的先后为准；答对得 \(rules.rightPoints) 分，\(wrong)；出题前抢答为犯规，扣 \(rules.foulPoints) 分；\(limit)"
        case .risk:
            let stakes = rules.stakes.map(String.init).joined(separator: "、")
            return "各队按当前得分由低到高依次选择分值（\(stakes) 分），答对得所选分值，答错或超时扣所选分值；\(limit)"
        case .judged:
            let trimmed = rules.dropped == 0 ? "取全部评委打分的平均分" : "去掉 \(rules.dropped) 个最高分和 \(rules.dropped) 个最低分后取平均分"
            return "评委按 \(rules.maxMark) 分制打分，\(trimmed)，计入总分"
        case .playoff:
            return "并列决胜：答对得 \(rules.rightPoints) 分，只用于区分并列的名次，不计入总分，答错不扣分；\(limit)"
        }
    }
}
