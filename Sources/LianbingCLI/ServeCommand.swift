import ArgumentParser
import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingServer
import LianbingStore
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "启动网页和 API 服务。")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "监听地址。")
    var host = "127.0.0.1"

    @Option(help: "监听端口。")
    var port = 8080

    @Flag(help: "在空数据库上生成演示数据（已有演示数据则保留，只确保演示账号可用）。演示账号密码均为 lianbing-demo。")
    var demo = false

    @Option(help: "演示数据规模：demo（约 100 个单位）或 province（全省约 28,000 个单位、50,000 名工作人员）。")
    var demoScale: String?

    @Option(help: "会话闲置多少分钟后失效。")
    var sessionIdleMinutes = 120

    @Option(help: "请求体大小上限（KB）。")
    var maxBodyKb = 2048

    @Flag(help: "会话 Cookie 只经 HTTPS 发送（前置 HTTPS 反向代理时开启）。")
    var secureCookies = false

    @Option(help: "前置反向代理的 IP 地址：仅来自该地址的请求，才以 X-Forwarded-For 最右一项作为客户端地址（用于登录限流和作答记录）。")
    var trustedProxy: String?

    @Option(help: "对外访问地址（如 https://lianbing.example.gov.cn）：证书和评价海报上的二维码指向这里；不设置时打印页会提示。")
    var publicUrl: String?

    @Option(help: "音视频文件夹（不在 git 中）：微课里写成 media:文件名 的音频和视频从这里提供，手机可拖动进度；不设置时这些链接答复“未找到”。", completion: .directory)
    var media: String?

    @Option(help: "日志级别：trace、debug、info、notice、warning、error。")
    var logLevel = "info"

    @Option(help: "SQLite 落盘方式：full（默认，已确认保存的答案断电也不丢）或 normal（进程崩溃不丢，断电可能丢失最后几次提交）。")
    var synchronous: SynchronousMode = .full

    /// The demo carries the bank in `QuestionBank/` when started from a checkout; unchanged files make no new revision.
    func importDemoBank(into db: AppDatabase) async throws {
        guard FileManager.default.fileExists(atPath: "QuestionBank") else { return }
        do {
            let result = try await db.importQuestions(
                try BankFiles.read("QuestionBank", format: .bank), note: "QuestionBank（演示）", by: try await db.operatorPrincipal())
            let revision = try await db.currentBankRevision()
            Console.out("业务题库：版本 \(revision)，本次新增 \(result.added)、修改 \(result.changed)。")
        } catch let error as LianbingError {
            Console.error("业务题库未导入：")
            for line in ErrorReport.lines(for: error) { Console.error("  " + line) }
        }
    }

    /// The demo carries the lessons in `Courseware/` when started from a checkout; unchanged lessons make no new revision.
    func importDemoCourseware(into db: AppDatabase) async throws {
        guard FileManager.default.fileExists(atPath: "Courseware"), FileManager.default.fileExists(atPath: "QuestionBank") else { return }
        let read = try CourseCommand.check("Courseware", bank: "QuestionBank")
        guard read.issues.isEmpty else {
            Console.error("微课未导入：")
            for issue in read.issues { Console.error("  \(issue)") }
            return
        }
        let result = try await CourseCommand.importLessons(read.lessons, into: db)
        Console.out("网校微课：本次新增 \(result.added) 节、修改 \(result.changed) 节。")
    }

    /// The demo's exams follow the shipped blueprint; without a checkout there is no bank to draw from.
    func installDemoExams(into db: AppDatabase) async throws {
        let path = "Blueprints/季度集中考核.txt"
        guard try await db.currentBankRevision() > 0, let data = FileManager.default.contents(atPath: path) else { return }
        switch BlueprintText.read(data, file: path) {
        case .success(let blueprint):
            try await db.installDemoExams(blueprint: blueprint, blueprintText: String(decoding: data, as: UTF8.self))
            Console.out("演示考试：进行中的集中考核一场（staff 可参加）、已发布成绩的一场。")
        case .failure(let failure):
            Console.error("演示考试未生成：")
            for issue in failure.issues { Console.error("  \(issue)") }
        }
    }

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port 须在 1 到 65535 之间") }
        // Both are multiplied out below: a week of idleness and a gigabyte of body are far past any real need.
        try ValidationError.bounded { try InputBounds.check(sessionIdleMinutes, in: 1...10_080, "--session-idle-minutes", unit: "分钟") }
        try ValidationError.bounded { try InputBounds.check(maxBodyKb, in: 1...1_048_576, "--max-body-kb", unit: "KB") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("未知的日志级别：\(logLevel)") }
        if let demoScale, DemoScale(rawValue: demoScale) == nil { throw ValidationError("--demo-scale 须为 demo 或 province") }
        if let publicUrl { try ValidationError.bounded { _ = try PublicURL(publicUrl) } }
        if let media {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: media, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--media 须为已有的文件夹：\(media)")
            }
        }
        if let trustedProxy, ClientAddress.canonical(trustedProxy) == nil {
            throw ValidationError("--trusted-proxy 须为 IPv4 或 IPv6 地址：\(trustedProxy)")
        }
    }

    func run() async throws {
        var logger = Logger(label: "lianbing")
        logger.logLevel = Logger.Level(rawValue: logLevel)!
        try await reportingErrors {
            let db = try database.open(synchronous: synchronous)
            if demo || demoScale != nil {
                let scale = demoScale.flatMap(DemoScale.init) ?? .demo
                let logins = try await db.installDemo({ DemoDataset.generate(scale: scale) }, scale: scale) { Console.error($0) }
                Console.out("演示账号（密码均为 \(AppDatabase.demoPassword)）：")
                for login in logins { Console.out("  \(login.username.padding(toLength: 8, withPad: " ", startingAt: 0)) \(login.role.displayName) · \(login.unitName)") }
                try await importDemoBank(into: db)
                try await importDemoCourseware(into: db)
                try await installDemoExams(into: db)
                let players = try await db.installDemoContest()
                Console.out("演示比赛的选手账号（密码同上）：\(players.map(\.username).joined(separator: "、"))")
                try await db.installDemoRatings()
                try await db.installDemoPostRequirements()
                try await db.installDemoSelection()
                try await db.installDemoSchool()
            }
            var settings = ServerSettings(
                host: host, port: port, sessions: SessionPolicy(idleTimeout: TimeInterval(sessionIdleMinutes * 60)),
                maxBodySize: maxBodyKb * 1024, secureCookies: secureCookies, trustedProxy: trustedProxy,
                publicURL: try publicUrl.map(PublicURL.init))
            settings.files = database.files
            settings.mediaFolder = media.map { URL(fileURLWithPath: $0, isDirectory: true) }
            let app = try await buildApplication(database: db, settings: settings, logger: logger)
            Console.out("练兵已启动：http://\(host):\(port)/")
            try await app.runService()
        }
    }
}

extension SynchronousMode: ExpressibleByArgument {}
