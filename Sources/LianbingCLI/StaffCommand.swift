import ArgumentParser
import LianbingCore
import LianbingFormats
import LianbingStore

struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "工作人员花名册：导入、导出、新增、修改、调动、离职、轮岗交流与基层锻炼。",
        subcommands: [Import.self, Export.self, Add.self, Edit.self, Move.self, Leave.self, Placement.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "从 CSV 或 .xlsx 导入花名册，按工号新增或更新（表头：工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗）。有任何错误则全部不导入。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "花名册 CSV 文件（UTF-8 或 GBK/GB18030 均可）或 .xlsx 工作簿。", completion: .file(extensions: ["csv", "xlsx"]))
        var file: String

        @OptionGroup var sheetOption: SheetOption

        func run() async throws {
            try await reportingErrors {
                let parsed = try StaffCSV.read(try readInput(file), file: file, sheet: sheetOption.sheet).get()
                let db = try database.open()
                let summary = try await db.importStaff(parsed, file: file, by: try await db.operatorPrincipal())
                Console.out("花名册导入完成：新增 \(summary.inserted)，更新 \(summary.updated)，未变 \(summary.unchanged)。")
            }
        }
    }
}

extension StaffCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "把花名册导出为 CSV 或 Excel 工作簿（.xlsx），与导入格式相同，按工号排序；工号、单位编码为文字单元格。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "只导出此单位及其下级单位的人员（单位编码）；省略则为全部。")
        var unit: String?

        @Flag(help: "只导出在岗人员（不含离职日期已到的）。")
        var activeOnly = false

        @Option(help: "输出文件，.csv 或 .xlsx；省略则写到标准输出。", completion: .file(extensions: ["csv", "xlsx"]))
        var out: String?

        @OptionGroup var format: TableFormatOption

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let staff = try await db.roster(
                    unit: unit, filter: StaffFilter(hasLeft: activeOnly ? false : nil), for: try await db.operatorPrincipal())
                try writeTable(StaffCSV.table(staff, title: "花名册"), to: out, format: format.format, db: db)
                if let out { Console.out("已写入 \(out)：\(staff.count) 人。") }
            }
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "调动：自某日起把工作人员调到另一单位。此前的出勤仍记在原单位，培训覆盖随人走；登录账号随人调动。",
            discussion: "调动须按时间先后登记，不能早于上一次调动，也不能早于入职日期。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "工号。")
        var number: String

        @Option(help: "调入单位编码。")
        var to: String

        @Option(help: "调动生效日期（YYYY-MM-DD）：自该日起属于新单位。")
        var on: String

        func validate() throws { _ = try CivilDateOption.parse(on, option: "--on") }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                try await db.moveStaff(number, to: to, on: try CivilDateOption.parse(on, option: "--on"), by: try await db.operatorPrincipal())
                Console.out("已登记调动：\(number) 自 \(on) 起调入 \(to)。")
            }
        }
    }

    struct Leave: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "登记离职日期（或用 --undo 撤销）：自该日起不再计入培训覆盖和人员结构，培训记录保留。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "工号。")
        var number: String

        @Option(help: "离职日期（YYYY-MM-DD）。")
        var on: String?

        @Flag(help: "撤销已登记的离职。")
        var undo = false

        func validate() throws {
            guard (on != nil) != undo else { throw ValidationError("请用 --on 给出离职日期，或用 --undo 撤销离职登记，二者选一") }
            _ = try CivilDateOption.parse(on, option: "--on")
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let date = try CivilDateOption.parse(on, option: "--on")
                try await db.recordLeaving(number, on: date, by: try await db.operatorPrincipal())
                Console.out(date.map { "已登记 \(number) 于 \($0) 离职。" } ?? "已撤销 \(number) 的离职登记。")
            }
        }
    }

    struct Placement: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "登记轮岗交流或基层锻炼：记入本人档案、按服务单位统计，不改变其所属单位。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "工号。")
        var number: String

        @Option(help: "类型：轮岗交流 或 基层锻炼（或 rotation、grassroots）。")
        var kind: String

        @Option(help: "轮岗或锻炼所在单位编码。")
        var unit: String

        @Option(help: "开始日期（YYYY-MM-DD）。")
        var from: String

        @Option(help: "结束日期（YYYY-MM-DD）；省略则为尚未结束。")
        var to: String?

        @Option(help: "备注，不超过 200 个字。")
        var note: String = ""

        func validate() throws {
            guard PlacementKind(label: kind) != nil else { throw ValidationError("--kind 须为 轮岗交流 或 基层锻炼；收到：\(kind)") }
            let from = try CivilDateOption.parse(from, option: "--from")
            if let to = try CivilDateOption.parse(to, option: "--to"), to < from { throw ValidationError("--to 不能早于 --from") }
            guard note.count <= 200 else { throw ValidationError("--note 不超过 200 个字") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let kind = PlacementKind(label: kind)!
                let id = try await db.addPlacement(
                    number, kind: kind, unitCode: unit, startsOn: try CivilDateOption.parse(from, option: "--from"),
                    endsOn: try CivilDateOption.parse(to, option: "--to"), note: note, by: try await db.operatorPrincipal())
                Console.out("已登记\(kind.label)（记录 \(id)）：\(number) 在 \(unit)，\(from) 至 \(to ?? "今")。")
            }
        }
    }
}

struct PostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "post", abstract: "岗位（主任（站长）、接访员等）。", subcommands: [List.self, Add.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出全部岗位。")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                for post in try await database.open().posts() { Console.out(post) }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "新增一个岗位。")
        @OptionGroup var database: DatabaseOptions

        @Argument(help: "岗位名称。")
        var name: String

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                try await db.addPost(name, by: try await db.operatorPrincipal())
                Console.out("已新增岗位：\(name)")
            }
        }
    }
}
