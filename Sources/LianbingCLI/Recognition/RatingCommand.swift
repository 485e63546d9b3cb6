import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

/// `lianbing rating …`: 满意度评定 from the server machine, with full scope.
struct RatingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rating",
        abstract: "满意度评定：排名报表、扫码评价海报、回访。",
        discussion: """
            排名按贝叶斯平均分：每个单位或工作人员的平均分按“另有 10 条评价、每条都是统计范围内的平均分”折算，\
            评价少的不会因一两条满分排到前面；同分时评价多者在前，再按编码或工号。
            """,
        subcommands: [Report.self, Poster.self, FollowUp.self])
}

extension RatingCommand {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "满意度排名：单位（或工作人员）的排名分、平均分、评价数、各项平均和差评数。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "统计该单位及其下级（单位编码）；省略则为整个单位树。")
        var unit: String?

        @Flag(help: "按工作人员排名（只统计选了工作人员的评价），而不是按单位。")
        var staff = false

        @Flag(help: "以 JSON 输出完整报表，含每月趋势。")
        var json = false

        @Option(help: "把排名表导出为 CSV（UTF-8 带 BOM）或 .xlsx 文件（不会覆盖已有文件）。", completion: .file(extensions: ["csv", "xlsx"]))
        var out: String?

        @OptionGroup var format: TableFormatOption

        func validate() throws {
            if let out, FileManager.default.fileExists(atPath: out) { throw ValidationError("文件已存在，不会覆盖：\(out)") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let report = try await db.satisfactionReport(unit: unit, by: try await db.operatorPrincipal())
                let table = report.table(staff: staff)
                if json {
                    try JSONOutput.print(report)
                } else {
                    for line in ReportOutput.lines(table, limit: nil) { Console.out(line) }
                    Console.out("共 \(report.ratings) 条评价，范围平均分 \(report.prior.map { String(format: "%.2f", $0) } ?? "—")，待回访 \(report.openFollowUps) 条。")
                }
                if let out {
                    try writeTable(table, to: out, format: format.format, db: db)
                    Console.error("已导出“\(table.title)”\(table.rows.count) 行到 \(out)。")
                }
            }
        }
    }

    struct Poster: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "生成单位的扫码评价海报（A4）：.svg 只含二维码，.html 为可直接打印的整页海报。",
            discussion: "单位还没有评价地址时会生成一个。二维码指向 <public-url>/rate/<token>。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "单位编码。")
        var unit: String

        @Option(help: "对外访问地址（如 https://lianbing.example.gov.cn），与 serve --public-url 相同。")
        var publicUrl: String

        @Option(help: "输出文件：以 .svg 或 .html 结尾（不会覆盖已有文件）。", completion: .file(extensions: ["svg", "html"]))
        var out: String

        func validate() throws {
            try ValidationError.bounded { _ = try PublicURL(publicUrl) }
            guard out.hasSuffix(".svg") || out.hasSuffix(".html") else { throw ValidationError("--out 须以 .svg 或 .html 结尾：\(out)") }
            if FileManager.default.fileExists(atPath: out) { throw ValidationError("文件已存在，不会覆盖：\(out)") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let station = try await db.ratingStation(unit, by: try await db.operatorPrincipal())
                let address = try PublicURL(publicUrl).address("/rate/\(station.token)")
                let svg = try QRCode(encoding: address).svg(title: "扫码评价二维码")
                let text = out.hasSuffix(".svg") ? svg : RatingPosterHTML.page(unitName: station.unitName, address: address, qr: svg)
                try writeOutput(Data(text.utf8), to: out)
                Console.out("已生成\(station.unitName)的扫码评价海报：\(out)（\(address)）")
            }
        }
    }

    struct FollowUp: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "follow-up", abstract: "评价回访：任一项 1–2 分的评价需要回访。", subcommands: [List.self, Close.self])

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "列出待回访（加 --all 含已办结）的评价。")

            @OptionGroup var database: DatabaseOptions

            @Option(help: "只列该单位及其下级（单位编码）。")
            var unit: String?

            @Flag(help: "包括已办结的回访。")
            var all = false

            func run() async throws {
                try await reportingErrors {
                    let db = try database.open()
                    let list = try await db.ratingFollowUps(unit: unit, openOnly: !all, by: try await db.operatorPrincipal())
                    let rows = list.map { rating -> [String] in
                        [
                            String(rating.id), rating.unitName, ChinaTime.format(rating.at), "\(rating.attitude)/\(rating.efficiency)/\(rating.outcome)",
                            rating.source.label, rating.hidden ? "（已隐藏）" : rating.comment,
                            rating.followUp.map { $0.isOpen ? "待回访" : "已办结：\($0.outcome?.label ?? "")" } ?? "",
                        ]
                    }
                    for line in TableText.render(title: "评价回访", columns: ["编号", "单位", "时间", "态度/效率/结果", "来源", "意见", "回访"], rows: rows) {
                        Console.out(line)
                    }
                }
            }
        }

        struct Close: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "办结一条评价的回访，记录结果。")

            @OptionGroup var database: DatabaseOptions

            @Argument(help: "评价编号。")
            var rating: Int64

            @Option(help: "回访结果：resolved（问题已解决）、explained（已解释说明）、unreachable（无法联系）、unfounded（经核实不属实）。")
            var outcome: String

            @Option(help: "回访记录（不超过 500 字）。")
            var note: String = ""

            func validate() throws {
                guard rating > 0 else { throw ValidationError("评价编号须为正整数") }
                guard RatingFollowUpOutcome(rawValue: outcome) != nil else {
                    throw ValidationError("--outcome 须为 resolved、explained、unreachable 或 unfounded：\(outcome)")
                }
            }

            func run() async throws {
                try await reportingErrors {
                    let db = try database.open()
                    let closed = try await db.closeRatingFollowUp(
                        rating, outcome: RatingFollowUpOutcome(rawValue: outcome)!, note: note, by: try await db.operatorPrincipal())
                    Console.out("已办结评价 \(closed.id)（\(closed.unitName)）的回访：\(closed.followUp?.outcome?.label ?? "")。")
                }
            }
        }
    }
}

/// The poster as one self-contained HTML file for printing (A4, one page; nothing loaded from anywhere).
enum RatingPosterHTML {
    static func page(unitName: String, address: String, qr: String) -> String {
        let name = escape(unitName), shown = escape(address)
        return """
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>扫码评价：\(name)</title>
            <style>
            @page { size: A4 portrait; margin: 0; }
            body { margin: 0; font-family: "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; }
            .poster { width: 180mm; margin: 10mm auto; text-align: center; border: 3mm solid #8a1c1c; padding: 12mm 10mm; break-inside: avoid; }
            .kicker { font-size: 16pt; color: #8a1c1c; margin: 0; } h1 { font-size: 26pt; margin: 4mm 0; }
            .call { font-size: 44pt; font-weight: 700; color: #8a1c1c; margin: 6mm 0 2mm; letter-spacing: .2em; }
            .qr svg { width: 110mm; height: 110mm; } .address { font-size: 9pt; color: #555; word-break: break-all; }
            </style></head>
            <body><main class="poster"><p class="kicker">退役军人服务中心（站）</p><h1>\(name)</h1><p class="call">扫码评价</p>
            <p>请对我们的服务态度、效率和结果打分</p><div class="qr">\(qr)</div><p class="address">\(shown)</p>
            <p>用手机相机或微信扫一扫，无需登录，匿名评价。</p></main></body></html>

            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
