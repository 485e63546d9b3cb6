import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

/// `lianbing cert …`: the certificates (持证上岗) certifying assessments issue, over the same service as the pages.
struct CertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert", abstract: "证书（持证上岗）：查看、撤销、到期提醒、导出和查验。",
        discussion: """
            计入持证上岗的集中考核发布成绩时，每位合格考生自动获得一张证书，编号格式 LB-年份-序号-校验位（校验位按 ISO 7064 MOD 37,36 计算）。\
            再次通过同一资格的考核会换发新证，原证改为“已被新证书替代”。
            """,
        subcommands: [List.self, Show.self, Revoke.self, Expiring.self, Export.self, Verify.self, Qualifications.self, Requirement.self, Compliance.self])
}

/// The filters `list` and `export` share.
struct CertificateFilterOptions: ParsableArguments {
    @Option(help: "只列该单位及其下级单位（单位编码）。")
    var unit: String?

    @Option(help: "只列该状态：valid（有效）、expired（已过期）、revoked（已撤销）或 superseded（已被替代）。")
    var status: String?

    @Option(name: .customLong("q"), help: "工号或姓名。")
    var query: String?

    func validate() throws {
        if let status, CertificateStatus(rawValue: status) == nil { throw ValidationError("--status 须为 valid、expired、revoked 或 superseded") }
    }

    var filter: CertificateFilter { CertificateFilter(unit: unit, status: status.flatMap(CertificateStatus.init), query: query) }
}

extension CertCommand {
    static func print(_ certificates: [Certificate]) {
        let table = Certificate.table(certificates)
        guard !certificates.isEmpty else { return Console.out("没有符合条件的证书。") }
        for line in TableText.render(ReportTable(title: "证书 \(certificates.count) 张", columns: Array(table.columns.prefix(9)), rows: table.rows.map { Array($0.prefix(9)) }), limit: nil) {
            Console.out(line)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出证书（新发的在前）。")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var options: CertificateFilterOptions

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                CertCommand.print(try await db.certificates(options.filter, by: try await db.operatorPrincipal()))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "显示一张证书的全部信息。")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "证书编号，如 LB-2026-000001-X（大小写和连字符可省）。")
        var number: String

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let certificate = try await db.certificate(number, by: try await db.operatorPrincipal())
                Console.out("证书编号：\(certificate.number)（\(certificate.status.label)）")
                Console.out("持证人：\(certificate.holderName)（\(certificate.staffNumber)，\(certificate.unitName)）")
                Console.out("资格：\(certificate.qualification)；考试：\(certificate.examTitle)（\(certificate.examId)），发证单位 \(certificate.issuerName)")
                Console.out("发证日期：\(certificate.issuedOn)，有效期至：\(certificate.expiresOn)")
                if let reason = certificate.revokedReason { Console.out("撤销原因：\(reason)") }
                if let newer = certificate.supersededBy { Console.out("已换发新证：\(newer)") }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "撤销一张证书（须写明原因；它替代的原证书恢复有效）。")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "证书编号。")
        var number: String
        @Option(help: "撤销原因（1 到 200 个字），记入操作日志。")
        var reason: String

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let certificate = try await db.revokeCertificate(number, reason: reason, by: try await db.operatorPrincipal())
                Console.out("已撤销证书 \(certificate.number)（\(certificate.holderName)）：\(reason)")
            }
        }
    }

    struct Expiring: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出在若干天内到期、仍然有效的证书，便于提醒复训复考。")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "多少天内到期（1 到 3650）。")
        var days = 90
        @Option(help: "只列该单位及其下级单位（单位编码）。")
        var unit: String?

        func validate() throws { try ValidationError.bounded { try InputBounds.check(days, in: CertificateFilter.expiringDays, "--days", unit: "天") } }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                CertCommand.print(try await db.certificates(CertificateFilter(unit: unit, expiringWithinDays: days), by: try await db.operatorPrincipal()))
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "把证书导出为 CSV（UTF-8 带 BOM）或 Excel 工作簿（.xlsx，编号为文本、不会变成科学计数法，日期为日期单元格），列与网页下载的相同。")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var options: CertificateFilterOptions
        @Option(help: "只导出在若干天内到期、仍然有效的证书（1 到 3650）。")
        var expiringWithin: Int?
        @Option(help: "写入的文件：扩展名 .xlsx 写 Excel 工作簿，其余写 CSV（不会覆盖已有文件）。", completion: .file(extensions: ["csv", "xlsx"]))
        var out: String
        @OptionGroup var format: TableFormatOption

        func validate() throws {
            if let expiringWithin {
                try ValidationError.bounded { try InputBounds.check(expiringWithin, in: CertificateFilter.expiringDays, "--expiring-within", unit: "天") }
            }
            if FileManager.default.fileExists(atPath: out) { throw ValidationError("文件已存在，不会覆盖：\(out)") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                var filter = options.filter
                filter.expiringWithinDays = expiringWithin
                let certificates = try await db.certificates(filter, by: try await db.operatorPrincipal())
                let table = Certificate.table(certificates)
                try writeTable(table, to: out, format: format.format, db: db)
                Console.out("已导出证书 \(certificates.count) 张到 \(out)。")
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "像公开查验页一样查验一张证书：状态、持证人（部分隐去）、资格和日期。")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "证书编号。")
        var number: String

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                guard let found = try await db.verifyCertificate(number) else { throw LianbingError.notFound("证书 \(number)") }
                Console.out("\(found.number)：\(found.status.label)")
                Console.out("持证人 \(found.maskedName) · \(found.qualification) · \(found.issuedOn) 发证，有效期至 \(found.expiresOn)")
            }
        }
    }

    struct Qualifications: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "qualifications", abstract: "列出资格；--add 添加本系统考核资格，--set-validity 设置其有效期（年）。")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "要设置有效期的资格编号（见列表）。")
        var id: Int64?
        @Option(help: "新的有效期（1 到 10 年），只影响此后发放的证书。")
        var setValidity: Int?
        @Option(help: "添加一项本系统考核资格（名称 2 到 40 个字，不能写成国家职业资格），与 --validity 同用。")
        var add: String?
        @Option(help: "--add 的资格的有效期（1 到 10 年）。")
        var validity: Int?

        func validate() throws {
            guard (id == nil) == (setValidity == nil) else { throw ValidationError("--id 和 --set-validity 须同时给出") }
            guard (add == nil) == (validity == nil) else { throw ValidationError("--add 和 --validity 须同时给出") }
            if let validity { try ValidationError.bounded { try InputBounds.check(validity, in: CertificateValidity.years, "--validity", unit: "年") } }
            if let setValidity { try ValidationError.bounded { try InputBounds.check(setValidity, in: CertificateValidity.years, "--set-validity", unit: "年") } }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                if let add, let validity {
                    let added = try await db.addQualification(name: add, validityYears: validity, by: try await db.operatorPrincipal())
                    Console.out("已添加资格 \(added.id)：\(added.name)（有效期 \(validity) 年）。")
                }
                if let id, let setValidity {
                    try await db.setQualificationValidity(id, years: setValidity, by: try await db.operatorPrincipal())
                    Console.out("资格 \(id) 的有效期已设为 \(setValidity) 年。")
                }
                for qualification in try await db.qualifications() {
                    let validity = qualification.validityYears.map { "有效期 \($0) 年" } ?? "只登记，不在本系统发证"
                    Console.out("\(qualification.id)  \(qualification.name)（\(qualification.kind.label)，\(validity)）")
                }
            }
        }
    }
}
