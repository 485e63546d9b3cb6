/// The line a training page shows after a form succeeded and redirected back to it (`?done=…&n=…`). Codes and a
/// number, not text, travel in the address, so a crafted link cannot make the page say anything else.
enum TrainingNotice {
    static func message(_ code: String?, count: Int?) -> String? {
        let n = count.map(String.init) ?? ""
        return switch code {
        case "created": "培训已创建为草稿。邀请人员、核对设置后发布，发布后受邀人员可以看到并签到。"
        case "edited": "培训设置已保存。"
        case "deleted": "培训草稿已删除。"
        case "published": "培训已发布：受邀人员可在“我的培训”看到它，每天开始前 30 分钟起可扫码签到。"
        case "closed": "培训已结束，出勤已锁定；此后的更正须填写更正原因并记入日志。"
        case "invited": "已新邀请 \(n) 人。"
        case "uninvited": "已取消邀请。"
        case "marked": "出勤已登记。"
        case "imported": "考勤表已导入，共 \(n) 条。"
        case "rated": "评价已提交，谢谢！"
        case "trainer": "已设为授课人。"
        default: nil
        }
    }
}
