import ArgumentParser
import Foundation

/// The operator's tool on the server machine. It acts with full scope over the whole tree.
public struct Lianbing: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lianbing",
        abstract: "练兵：退役军人服务中心（站）培训、考核与练兵比武平台。",
        discussion: "命令行在服务器上以操作员身份运行，可操作整个单位树；其他人通过浏览器或 API 登录，只能操作本单位及下级。",
        subcommands: [
            InitCommand.self, ServeCommand.self, OrgCommand.self, StaffCommand.self, PostCommand.self, UserCommand.self,
            BankCommand.self, BlueprintCommand.self, ExamCommand.self, MarkCommand.self, TrainingCommand.self, AuditCommand.self, BackupCommand.self,
            ExpertCommand.self, ContestCommand.self, CertCommand.self, RatingCommand.self, QualificationCommand.self, CourseCommand.self,
            SelectCommand.self,
        ])

    public init() {}
}

extension Lianbing {
    /// Parses `arguments` and runs the chosen command to completion, async commands included.
    /// Thrown errors are those of the command (`ExitCode`, validation errors); `main` reports them.
    public static func execute(_ arguments: [String]) async throws {
        var command = try parseAsRoot(arguments)
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    /// The process entry point: runs the command line and exits with its status.
    public static func runMain() async -> Never {
        do {
            try await execute(Array(CommandLine.arguments.dropFirst()))
            exit(withError: nil)
        } catch {
            exit(withError: error)
        }
    }
}
