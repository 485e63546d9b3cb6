/// The line a page shows after a form succeeded and redirected back to it (`?done=…&who=…`). Codes, not text,
/// travel in the address, so a crafted link cannot make the page say anything else.
enum Notice {
    static func message(_ code: String?, who: String?) -> String? {
        let who = who ?? ""
        return switch code {
        case "created": "考试已创建为草稿。核对设置后发布，发布时确定考生名单并生成试卷。"
        case "edited": "草稿已保存。核对设置后发布。"
        case "deleted": "考试草稿已删除。"
        case "published": "考试已发布：考生名单已确定，每位考生的试卷已生成。"
        case "closed": "考试已结束，作答中的试卷已自动交卷。"
        case "released": "成绩已发布，考生可按查看设置查看成绩。"
        case "added": "已将 \(who) 加入考生名单，并为其生成试卷。"
        case "removed": "已将 \(who) 移出考生名单。"
        case "override": "已调整 \(who) 的作答时间。"
        case "reopened": "已为 \(who) 重新开放作答。"
        case "excused": "已批准 \(who) 免考。"
        case "excuse-withdrawn": "已撤销 \(who) 的免考。"
        case "marked": "评分已保存。"
        case "answered": "复核答复已保存。"
        case "disabled": "已停用账号 \(who)，该账号已退出登录。"
        case "enabled": "已启用账号 \(who)。"
        case "remarked": "已重新评分，考生得分随之更新。核对后请答复复核申请。"
        case "review-reopened": "复核申请已重新打开：可重新评分，再确认结果后答复。"
        default: nil
        }
    }
}
