/// The line a contest page shows after a form succeeded and redirected back to it (`?done=…&n=…`). Codes and a
/// number, not text, travel in the address, so a crafted link cannot make the page say anything else.
enum ContestPageNotice {
    static func message(_ code: String?, count: Int?) -> String? {
        let n = count.map(String.init) ?? ""
        return switch code {
        case "created": "比赛已创建。报名参赛队、设置轮次后即可开始比赛。"
        case "team": "参赛队已报名。"
        case "round": "轮次已添加。"
        case "started": "比赛已开始：题目和轮次已固定，主持人可在主持台出题。"
        case "finished": "比赛已结束，名次已确定，可以打印成绩表和荣誉证书。"
        case "substituted": "换人已登记。"
        case "frozen": "已封榜：大屏排行榜停在当前成绩，主持台仍显示实时成绩。"
        case "unfrozen": "已解除封榜，大屏排行榜恢复实时成绩。"
        case "revealed": "已揭晓下一条成绩。"
        case "written": "笔试成绩已录入。"
        case "advanced": "已办理晋级：\(n) 支参赛队报名本比赛。"
        default: nil
        }
    }
}
