import ArgumentParser
import LianbingCore
import LianbingFormats
import LianbingStore

extension StaffCommand {
    /// The flags and fields `add` and `edit` share; in `edit` an option left out keeps what the roster holds.
    struct Fields: ParsableArguments {
        @Option(help: "姓名，不超过 \(Staff.maxNameLength) 个字。")
        var name: String?

        @Option(help: "岗位名称（须已存在，见 lianbing post list）。")
        var post: String?

        @Flag(inversion: .prefixedNo, help: "是否退役军人。")
        var veteran: Bool?

        @Flag(inversion: .prefixedNo, help: "是否其他优抚对象。")
        var entitled: Bool?

        @Option(help: "专长，用 ; 或 、 分隔，如 \"法律;心理服务\"；给空字符串则清空。")
        var specialties: String?

        @Option(help: "入职日期（YYYY-MM-DD）。")
        var hired: String?

        @Flag(inversion: .prefixedNo, help: "是否在岗（新增时默认在岗）。")
        var active: Bool?

        func validate() throws { _ = try CivilDateOption.parse(hired, option: "--hired") }

        /// `staff` with the options given applied.
        func applied(to staff: Staff) throws -> Staff {
            var staff = staff
            if let name { staff.name = name.trimmingCharacters(in: .whitespaces) }
            if let post { staff.post = post.trimmingCharacters(in: .whitespaces) }
            if let veteran { staff.isVeteran = veteran }
            if let entitled { staff.isEntitledPerson = entitled }
            if let specialties { staff.specialties = StaffCSV.specialties(in: specialties) }
            if let hired { staff.hireDate = try CivilDateOption.parse(hired, option: "--hired") as CivilDate }
            if let active { staff.isActive = active }
            return staff
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "新增一名工作人员，检查与花名册导入的一行相同。",
            discussion: "例：lianbing staff add GZ0101 --name 张三 --unit 440106000000 --post 接访员 --veteran --hired 2024-03-01")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "工号（也将作为其登录用户名），不超过 \(StaffCSV.maxNumberLength) 个字符，不含空格。")
        var number: String

        @Option(help: "所属单位编码（须在您的管辖范围内）。")
        var unit: String

        @OptionGroup var fields: Fields

        func validate() throws {
            guard fields.name != nil, fields.post != nil else { throw ValidationError("新增须给出 --name 和 --post") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let staff = try fields.applied(to: Staff(number: number, name: "", unitCode: unit, post: ""))
                try await db.addStaff(staff, by: try await db.operatorPrincipal())
                Console.out("已新增工作人员：\(staff.number) \(staff.name)（\(staff.unitCode)，\(staff.post)）。")
            }
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "修改一名工作人员的信息，只改给出的选项，检查与花名册导入的一行相同。",
            discussion: "调到其他单位请用 lianbing staff move（须给出生效日期）；离职请用 lianbing staff leave。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "工号。")
        var number: String

        @OptionGroup var fields: Fields

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                let staff = try fields.applied(to: try await db.staffMember(number, for: principal).staff)
                try await db.editStaff(staff, by: principal)
                Console.out("已保存 \(staff.number) \(staff.name) 的信息。")
            }
        }
    }
}
