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

    @Option(
        help: "内容文件夹：其下的 QuestionBank/（题库）、Blueprints/（组卷规则）、Courseware/（微课）供演示导入和新建考试页使用。给出时只在这里找；不给时依次找工作目录、程序所在目录及其上一级、/usr/share/lianbing，用第一个含有其中任一文件夹的。",
        completion: .directory)
    var contentDir: String?

    /// Where the content is, looked for from this process's working directory and executable.
    func contentFolders(
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
        executable: URL? = Bundle.main.executableURL, system: URL = ContentFolders.systemFolder
    ) -> ContentFolders {
        ContentFolders.locate(
            ContentFolders.places(contentDir: contentDir, workingDirectory: workingDirectory, executable: executable, system: system))
    }

    /// The demo's bank, its lessons and its exams, from the content folders; unchanged files make no new revision.
    func installDemoContent(from content: ContentFolders, into db: AppDatabase) async throws {
        if let bank = content.folder(.bank) {
            try await importDemoBank(from: bank, into: db)
            if let courseware = content.folder(.courseware) { try await importDemoCourseware(from: courseware, bank: bank, into: db) }
        }
        if let blueprints = content.folder(.blueprints) { try await installDemoExams(from: blueprints, into: db) }
    }

    func importDemoBank(from folder: URL, into db: AppDatabase) async throws {
        do {
            let result = try await db.importQuestions(
                try BankFiles.read(folder.path, format: .bank), note: "QuestionBank（演示）", by: try await db.operatorPrincipal())
            let revision = try await db.currentBankRevision()
            Console.out("业务题库（\(folder.path)）：版本 \(revision)，本次新增 \(result.added)、修改 \(result.changed)。")
        } catch let error as LianbingError {
            Console.error("业务题库未导入：")
            for line in ErrorReport.lines(for: error) { Console.error("  " + line) }
        }
    }

    func importDemoCourseware(from folder: URL, bank: URL, into db: AppDatabase) async throws {
        let read = try CourseCommand.check(folder.path, bank: bank.path)
        guard read.issues.isEmpty else {
            Console.error("微课未导入：")
            for issue in read.issues { Console.error("  \(issue)") }
            return
        }
        let result = try await CourseCommand.importLessons(read.lessons, into: db)
        Console.out("网校微课（\(folder.path)）：本次新增 \(result.added) 节、修改 \(result.changed) 节。")
    }

    /// The demo's exams follow the shipped quarterly blueprint; without a bank there is nothing to draw from.
    func installDemoExams(from folder: URL, into db: AppDatabase) async throws {
        let path = folder.appendingPathComponent("季度集中考核.txt").path
        guard try await db.currentBankRevision() > 0, let data = FileManager.default.contents(atPath: path) else { return }
        switch BlueprintText.read(data, file: path) {
        case .success(let blueprint):
            try await db.installDemoExams(blueprint: blueprint, blueprintText: String(decoding: data, as: UTF8.self))
            Console.out("演示考试（\(path)）：进行中的集中考核一场（staff 可参加）、已发布成绩的一场。")
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
        if let contentDir, ContentFolders.held(in: URL(fileURLWithPath: contentDir, isDirectory: true)).isEmpty {
            throw ValidationError("--content-dir 须为含 QuestionBank/、Blueprints/ 或 Courseware/ 的文件夹：\(contentDir)")
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
            let content = contentFolders()
            let report = content.report(demo: demo || demoScale != nil)
            report.lines.forEach(Console.out)
            report.warning.map(Console.error)
            if demo || demoScale != nil {
                let scale = demoScale.flatMap(DemoScale.init) ?? .demo
                let logins = try await db.installDemo({ DemoDataset.generate(scale: scale) }, scale: scale) { Console.error($0) }
                Console.out("演示账号（密码均为 \(AppDatabase.demoPassword)）：")
                for login in logins { Console.out("  \(login.username.padding(toLength: 8, withPad: " ", startingAt: 0)) \(login.role.displayName) · \(login.unitName)") }
                try await installDemoContent(from: content, into: db)
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
            settings.blueprintsFolder = content.folder(.blueprints)
            let app = try await buildApplication(database: db, settings: settings, logger: logger)
            Console.out("练兵已启动：http://\(host):\(port)/")
            try await app.runService()
        }
    }
}

extension SynchronousMode: ExpressibleByArgument {}
