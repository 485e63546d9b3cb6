import LianbingCore

extension Certificate {
    /// Certificates as one table, for the CLI, the CSV download and the page alike.
    public static func table(_ certificates: [Certificate]) -> ReportTable {
        ReportTable(
            title: "证书",
            columns: ["证书编号", "工号", "姓名", "单位", "资格", "考试", "发证日期", "有效期至", "状态", "撤销原因", "替代证书"],
            rows: certificates.map {
                [
                    $0.number, $0.staffNumber, $0.holderName, $0.unitName, $0.qualification, $0.examTitle, $0.issuedOn.description,
                    $0.expiresOn.description, $0.status.label, $0.revokedReason ?? "", $0.supersededBy ?? "",
                ]
            },
            kinds: [.text, .text, .text, .text, .text, .text, .date, .date, .text, .text, .text])
    }
}
