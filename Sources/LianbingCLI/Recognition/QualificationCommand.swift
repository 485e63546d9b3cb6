import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

/// `lianbing qualification list|import|accept|reject`: the national qualifications (退役军人事务员) staff record, over
/// the same service as the pages.
struct QualificationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qualification", abstract: "国家职业资格（退役军人事务员）：查看、批量导入、审核工作人员登记的证书。",
        discussion: """
            工作人员在“我的证书”登记国家职业技能等级证书并上传扫描件，由其上级单位管理员核验后认可或退回。\
            扫描件保存在数据库旁的 -files 目录（如 data/lianbing-files/），lianbing backup 一并备份。
            """,
        subcommands: [List.self, Import.self, Accept.self, Reject.self])

    static func print(_ records: [NationalQualification]) {
        guard !records.isEmpty else { return Console.out("没有符合条件的记录。") }
        let table = ReportTable(
            title: "国家职业资格 \(records.count) 条", columns: ["编号", "工号", "姓名", "单位", "等级", "证书编号", "发证机关", "发证日期", "扫描件", "状态"],
            rows: records.map {
                [
                    "\($0.id)", $0.staffNumber, $0.holderName, $0.unitName, $0.level.rawValue, $0.certificateNumber, $0.issuer, $0.issuedOn.description,
                    $0.scanType.map { $0 == .pdf ? "PDF" : "图片" } ?? "无", $0.status.label,
                ]
            })
        for line in TableText.render(table, limit: nil) { Console.out(line) }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出登记的国家职业资格（新登记的在前）。")
        @OptionGroup var database: DatabaseOptions

        @Option(help: "只列该单位及其下级单位的工作人员（单位编码）。")
        var unit: String?

        @Option(help: "只列该状态：pending（待审核）、accepted（已认可）或 rejected（未通过）。")
        var status: String?

        func validate() throws {
            if let status, NationalQualificationStatus(parsing: status) == nil { throw ValidationError("--status 须为 pending、accepted 或 rejected") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let filter = NationalQualificationFilter(unit: unit, status: status.flatMap(NationalQualificationStatus.init(parsing:)))
                QualificationCommand.print(try await db.nationalQualifications(filter, by: try await db.operatorPrincipal()))
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "从 CSV 或 .xlsx 导入国家职业资格（表头：工号,等级,证书编号,发证机关,发证日期），记为已认可、无扫描件。有任何错误则全部不导入，并列出每一处错误的文件和行号。",
            discussion: "等级：五级/初级工、四级/中级工、三级/高级工、二级/技师、一级/高级技师（也可只写 四级 或 中级工）。证书编号 1–40 位字母、数字或 -；发证日期 2000-01-01 到今天。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "CSV 文件（UTF-8 或 GBK/GB18030 均可）或 .xlsx 工作簿。", completion: .file(extensions: ["csv", "xlsx"]))
        var file: String

        @OptionGroup var sheetOption: SheetOption

        func run() async throws {
            try await reportingErrors {
                let parsed = try NationalQualificationCSV.read(try readInput(file), file: file, sheet: sheetOption.sheet).mapError(LianbingError.importRejected).get()
                let db = try database.open()
                let count = try await db.importNationalQualifications(parsed, file: file, by: try await db.operatorPrincipal())
                Console.out("已导入国家职业资格 \(count) 条（已认可）。")
            }
        }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "认可一条待审核的记录（须已上传扫描件）。")
        @OptionGroup var database: DatabaseOptions

        @Argument(help: "记录编号（list 的“编号”列）。")
        var id: Int64

        @Option(help: "审核意见（可选，不超过 200 字）。")
        var note: String?

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let record = try await db.reviewNationalQualification(id, accept: true, note: note, by: try await db.operatorPrincipal())
                Console.out("已认可：\(record.holderName)（\(record.staffNumber)）\(record.level.rawValue) \(record.certificateNumber)")
            }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "退回一条待审核的记录，须写明原因。")
        @OptionGroup var database: DatabaseOptions

        @Argument(help: "记录编号（list 的“编号”列）。")
        var id: Int64

        @Option(help: "退回原因（1–200 字）。")
        var note: String

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let record = try await db.reviewNationalQualification(id, accept: false, note: note, by: try await db.operatorPrincipal())
                Console.out("已退回：\(record.holderName)（\(record.staffNumber)）\(record.certificateNumber)：\(record.reviewNote ?? "")")
            }
        }
    }
}
