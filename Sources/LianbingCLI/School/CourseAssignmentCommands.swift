import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension CourseCommand {
    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "布置必修微课：某单位及其下级（可限岗位）在截止日期前学完；不给微课则列出已布置的必修任务，给 --progress 则列出某任务的完成情况。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "单位编码：该单位及其下级的工作人员须学。")
        var unit: String?

        @Option(help: "必修任务名称（不超过 60 个字），如 \"第四季度必修\"。")
        var title: String?

        @Option(help: "微课编号（可重复，1–50 节）。")
        var lesson: [String] = []

        @Option(help: "截止日期（含当天，北京时间），如 2026-12-31。")
        var deadline: String?

        @Option(help: "只限这些岗位（可重复）；省略则不限岗位。")
        var post: [String] = []

        @Option(help: "列出这个必修任务的完成情况（未学完的在前）。")
        var progress: Int64?

        func validate() throws {
            if let progress, progress <= 0 { throw ValidationError("--progress 须为正整数的任务编号") }
            guard !lesson.isEmpty else { return }
            guard unit != nil, title != nil, let deadline else { throw ValidationError("布置必修须同时给出 --unit、--title、--lesson 和 --deadline") }
            guard CivilDate(deadline) != nil else { throw ValidationError("--deadline 须为 YYYY-MM-DD 日期；收到：\(deadline)") }
            try ValidationError.bounded { try InputBounds.check(lesson.count, in: AppDatabase.assignmentLessons, "--lesson", unit: "节") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let op = try await db.operatorPrincipal()
                if let progress {
                    let result = try await db.lessonAssignmentProgress(progress, for: op)
                    Console.out("\(result.assignment.title)（\(result.assignment.unitName)，\(result.assignment.deadline) 前）：\(result.finishedCount) / \(result.people.count) 人学完 \(result.assignment.lessons.count) 节。")
                    for person in result.people {
                        Console.out("  \(person.staffNumber)\t\(person.name)\t\(person.unitName)\t\(person.post)\t\(person.completed)/\(result.assignment.lessons.count)")
                    }
                } else if let unit, let title, let deadline, let day = CivilDate(deadline), !lesson.isEmpty {
                    let assignment = try await db.assignLessons(
                        LessonAssignmentDraft(unitCode: unit, title: title, posts: post, lessons: lesson, deadline: day), by: op)
                    Console.out("已布置必修任务 \(assignment.id)：\(assignment.title)，\(assignment.unitName)，\(assignment.lessons.count) 节，\(assignment.deadline) 前。")
                    Console.out("完成情况：lianbing course assign --progress \(assignment.id)")
                } else {
                    let all = try await db.lessonAssignments(for: op)
                    if all.isEmpty { Console.out("还没有必修任务。") }
                    for assignment in all {
                        Console.out("\(assignment.id)\t\(assignment.title)\t\(assignment.unitName)\t\(assignment.deadline) 前\t\(assignment.lessons.map(\.id).joined(separator: "、"))")
                    }
                }
            }
        }
    }

    struct StudyDay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "study-day",
            abstract: "安排学习日：一场“学习日”类型的培训（立即发布、邀请全部对象），在其时间内学完指定微课即记为参加。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "主办单位编码。")
        var unit: String

        @Option(help: "学习日名称（不超过 100 个字）。")
        var title: String

        @Option(help: "开始时间（北京时间），如 \"2026-12-10 08:00\"。")
        var starts: String

        @Option(help: "结束时间（北京时间），如 \"2026-12-10 21:00\"。")
        var ends: String

        @Option(help: "学习日的学时（0–500），学完当天微课者计入。")
        var hours: Double

        @Option(help: "微课编号（可重复，1–20 节）。")
        var lesson: [String]

        @Option(help: "当天自测的题量（1–100），就这些微课的知识点出题；省略则不安排自测。")
        var selfTest: Int?

        @Option(help: "对象范围：该单位及其下级；省略则为主办单位。")
        var audience: String?

        @Option(help: "只限这些岗位（可重复）；省略则不限岗位。")
        var post: [String] = []

        func validate() throws {
            try SessionTimes.check(starts: try SessionTimes.starts(starts), ends: try SessionTimes.ends(ends))
            try SessionTimes.check(hours: hours)
            try ValidationError.bounded { try InputBounds.check(lesson.count, in: AppDatabase.studyDayLessons, "--lesson", unit: "节") }
            if let selfTest { try ValidationError.bounded { try InputBounds.check(selfTest, in: SelfTestRequest.lengths, "--self-test", unit: "题") } }
            guard !title.trimmingCharacters(in: .whitespaces).isEmpty, title.count <= 100 else { throw ValidationError("--title 不能为空，且不超过 100 个字") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let draft = TrainingSessionDraft(
                    unitCode: unit, title: title, kind: .studyDay, startsAt: try SessionTimes.starts(starts), endsAt: try SessionTimes.ends(ends),
                    hours: hours, audienceUnit: audience, audiencePosts: post)
                let day = try await db.scheduleStudyDay(draft, lessons: lesson, selfTestLength: selfTest, by: try await db.operatorPrincipal())
                Console.out("已安排学习日（培训 \(day.session.id)），邀请 \(day.session.invited) 人，微课 \(day.lessons.map(\.title).joined(separator: "、"))。")
                Console.out("出勤：lianbing training session show \(day.session.id)")
            }
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "网校统计：某单位及其下一级各单位的微课完成情况、各微课的完成与小测，以及不及格最多的小测。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "单位编码；省略则为全省。")
        var unit: String?

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let report = try await db.schoolReport(unit: unit, for: try await db.operatorPrincipal())
                Console.out("\(report.unitName)：")
                Console.out("单位\t在岗人数\t学过的人\t完成节次\t完成分钟")
                for row in report.units { Console.out("\(row.name)\t\(row.staff)\t\(row.learners)\t\(row.completions)\t\(row.minutes)") }
                Console.out("")
                Console.out("微课\t打开\t完成\t小测\t不及格")
                for row in report.lessons { Console.out("\(row.id) \(row.title)\t\(row.opened)\t\(row.completions)\t\(row.checks)\t\(row.failedChecks)") }
                if !report.mostFailed.isEmpty {
                    Console.out("")
                    Console.out("不及格最多的小测：" + report.mostFailed.prefix(5).map { "\($0.id)（\($0.failedChecks)/\($0.checks)）" }.joined(separator: "、"))
                }
            }
        }
    }
}
