import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
import LianbingFormats
@testable import LianbingServer
import LianbingStore
import Testing

/// Skills contests through the JSON API: a county administrator creates a contest, enters teams, sets a round of
/// bank questions and starts it; the host opens a question and rules on it, the board moves and a correction moves
/// it back; bad bodies and numbers out of range are refused (400/404), never a 500; the projector's board needs no
/// login and shows neither members nor the key; a contestant cannot read a question before it is opened.
@Suite struct ContestAPITests {
    /// A demo server with the shipped bank, a county contest of two teams (the `staff` login on the first) and a
    /// compulsory round of three bank questions, created through the API and not yet started.
    struct Fixture {
        var app: TestApp
        var training: TrainingFixture
        var contest: ContestJSON
        var first: ContestTeamJSON
        var second: ContestTeamJSON
        var questionIds: [String]
        /// Every member's name, to show the public board holds none.
        var memberNames: [String]
        /// County staff on no team.
        var spare: [String]

        static func make(client: Client, training: TrainingFixture, questionIds: [String], basePoints: Int = 100) async throws -> Fixture {
            let app = training.app
            let op = try await app.database.operatorPrincipal()
            let roster = try await app.database.staff(query: nil, unit: training.county, page: PageRequest(page: 1, perPage: 20), for: op).items
                .map(\.staff).filter { $0.isActive && $0.number != training.staffNumber }
            let county = try await client.logIn("county")
            let today = ChinaTime.civilDate(of: app.database.clock())
            let created = try await client.request(
                .post, "/api/v1/contests", session: county,
                json: #"{"title":"区业务技能比武","unitCode":"\#(training.county)","format":"team","heldOn":"\#(today)","basePoints":\#(basePoints),"tieBreakers":["written","fewer-wrong","less-time"]}"#)
            #expect(created.status == .created, "\(created.text)")
            let contest = try created.json(ContestJSON.self)
            let first = try await client.request(
                .post, "/api/v1/contests/\(contest.id)/teams", session: county,
                json: #"{"name":"甲队","members":["\#(training.staffNumber)","\#(roster[0].number)"],"captain":"\#(training.staffNumber)"}"#)
            #expect(first.status == .created, "\(first.text)")
            let second = try await client.request(
                .post, "/api/v1/contests/\(contest.id)/teams", session: county, json: #"{"name":"乙队","members":["\#(roster[1].number)","\#(roster[2].number)"]}"#)
            #expect(second.status == .created, "\(second.text)")
            let ids = questionIds.map { "\"\($0)\"" }.joined(separator: ",")
            let round = try await client.request(
                .post, "/api/v1/contests/\(contest.id)/rounds", session: county,
                json: #"{"style":"compulsory","title":"必答题","rules":{"rightPoints":10,"wrongPoints":5},"questionIds":[\#(ids)]}"#)
            #expect(round.status == .created, "\(round.text)")
            let plan = try round.json(ContestRoundJSON.self)
            #expect(plan.number == 1 && plan.questionIds == questionIds && plan.rules.rightPoints == 10 && plan.rules.timeLimitSeconds == 30)
            let staffName = try await app.database.staffMember(training.staffNumber, for: op).staff.name
            return Fixture(
                app: app, training: training, contest: try await client.request(.get, "/api/v1/contests/\(contest.id)", session: county).json(ContestJSON.self),
                first: try first.json(ContestTeamJSON.self), second: try second.json(ContestTeamJSON.self), questionIds: questionIds,
                memberNames: [staffName] + roster.prefix(3).map(\.name), spare: roster.dropFirst(3).map(\.number))
        }

        var uri: String { "/api/v1/contests/\(contest.id)" }
    }

    /// A demo server with the shipped bank imported (the contest's questions come from it).
    static func withBank() async throws -> (TrainingFixture, [String]) {
        let training = try await TrainingFixture.make()
        var bank = QuestionImport()
        let folder = TestApp.root.appendingPathComponent("QuestionBank")
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! where url.pathExtension == "txt" {
            bank.append(try BankText.read(try Data(contentsOf: url), file: url.path).get())
        }
        let op = try await training.app.database.operatorPrincipal()
        _ = try await training.app.database.importQuestions(bank, note: "QuestionBank", by: op)
        let questions = try await training.app.database.questions(QuestionFilter(kind: .singleChoice), page: PageRequest(page: 1, perPage: 3), for: op)
        return (training, questions.items.map(\.question.id))
    }

    static func event(_ fields: String) -> String { "{\(fields)}" }

    @Test("Given a contest with teams and a round of bank questions, when it starts and the host opens a question and rules it right, then the board shows the points and a correction takes them back")
    func runARound() async throws {
        let (training, questionIds) = try await Self.withBank()
        try await training.app.run { client in
            let f = try await Fixture.make(client: client, training: training, questionIds: questionIds)
            let county = try await client.logIn("county")
            #expect(f.contest.isManaged && f.contest.boardToken != nil && f.contest.status == .preparing && f.contest.teams.count == 2)
            #expect(try await client.request(.post, "\(f.uri)/events", session: county, json: #"{"round":1,"action":"open","question":1}"#).status == .conflict)

            let started = try await client.request(.post, "\(f.uri)/status", session: county, json: #"{"status":"running"}"#)
            #expect(started.status == .ok)
            #expect(try started.json(ContestJSON.self).status == .running)
            // No more teams or rounds once it runs.
            let late = try await client.request(.post, "\(f.uri)/teams", session: county, json: #"{"name":"丙队","members":["\#(f.spare[0])"]}"#)
            #expect(late.status == .conflict)

            let opened = try await client.request(.post, "\(f.uri)/events", session: county, json: #"{"round":1,"action":"open","question":1}"#)
            #expect(opened.status == .created, "\(opened.text)")
            #expect(try opened.json(ContestUpdateJSON.self).event.kind == .opened)
            let hostQuestion = try await client.request(.get, "\(f.uri)/rounds/1/questions/1", session: county).json(ContestQuestionJSON.self)
            #expect(hostQuestion.key != nil && hostQuestion.kind == .singleChoice && hostQuestion.options.count >= 2)

            let ruled = try await client.request(
                .post, "\(f.uri)/events", session: county,
                json: #"{"round":1,"action":"rule","team":\#(f.first.id),"question":1,"verdict":"right","elapsedMilliseconds":3200}"#)
            #expect(ruled.status == .created, "\(ruled.text)")
            let update = try ruled.json(ContestUpdateJSON.self)
            #expect(update.event.kind == .right && update.event.change == 10 && update.event.sequence == 2)
            #expect(update.board.first?.teamId == f.first.id && update.board.first?.points == 110 && update.board.first?.pointsText == "110")

            let board = try await client.request(.get, "\(f.uri)/board", session: county).json(ContestBoardJSON.self)
            #expect(!board.isPublic && !board.frozen)
            #expect(board.standings.map(\.teamId) == [f.first.id, f.second.id])
            #expect(board.standings.map(\.points) == [110, 100] && board.standings.map(\.rank) == [1, 2])
            #expect(board.standings[0].answerMilliseconds == 3200)

            let corrected = try await client.request(
                .post, "\(f.uri)/events", session: county, json: #"{"round":1,"action":"correct","sequence":2,"reason":"判错，撤回"}"#)
            #expect(corrected.status == .created, "\(corrected.text)")
            #expect(try corrected.json(ContestUpdateJSON.self).event.kind == .correction)
            let back = try await client.request(.get, "\(f.uri)/board", session: county).json(ContestBoardJSON.self)
            #expect(back.standings.map(\.points) == [100, 100] && back.standings.map(\.rank) == [1, 1])

            // Hand-entered points keep their hundredths; the log shows what is in effect.
            let manual = try await client.request(
                .post, "\(f.uri)/events", session: county, json: #"{"round":1,"action":"manual","team":\#(f.second.id),"points":2.5,"reason":"纸质记分补录"}"#)
            #expect(manual.status == .created, "\(manual.text)")
            let afterManual = try manual.json(ContestUpdateJSON.self).board
            #expect(afterManual.first?.teamId == f.second.id && afterManual.first?.points == 102.5 && afterManual.first?.pointsText == "102.5")
            let log = try await client.request(.get, "\(f.uri)/events", session: county).json([ContestEventJSON].self)
            #expect(log.map(\.kind) == [.opened, .right, .correction, .manual])
            #expect(log.map(\.inEffect) == [true, false, true, true])
            #expect(log[3].changeText == "2.5" && log[3].reason == "纸质记分补录")

            // A buzz goes through the live screens' arbiter only.
            let buzz = try await client.request(.post, "\(f.uri)/events", session: county, json: #"{"round":1,"action":"buzz","team":\#(f.first.id)}"#)
            #expect(buzz.status == .badRequest && buzz.errorCode == "invalid")
            // A written round's scores come from an exam: this round is not one.
            #expect(try await client.request(.post, "\(f.uri)/written", session: county, json: #"{"round":1}"#).status == .badRequest)
        }
    }

    @Test("Given bad bodies and numbers out of range anywhere, then the API answers 400 or 404, never a server error")
    func badInputIsRefused() async throws {
        let (training, questionIds) = try await Self.withBank()
        try await training.app.run { client in
            let f = try await Fixture.make(client: client, training: training, questionIds: questionIds)
            let county = try await client.logIn("county")
            let huge = "9223372036854775807", beyond = "99999999999999999999", lowest = "-9223372036854775808"
            let today = ChinaTime.civilDate(of: f.app.database.clock())
            let contest = { (extra: String) in
                #"{"title":"越界","unitCode":"\#(training.county)","format":"team","heldOn":"\#(today)"\#(extra)}"#
            }
            let refusals: [(HTTPRequest.Method, String, String?, [HTTPResponse.Status])] = [
                (.post, "/api/v1/contests", "{not json", [.badRequest]),
                (.post, "/api/v1/contests", contest(#","basePoints":\#(huge)"#), [.badRequest]),
                (.post, "/api/v1/contests", contest(#","basePoints":1e30"#), [.badRequest]),
                (.post, "/api/v1/contests", contest(#","basePoints":-1"#), [.badRequest]),
                (.post, "/api/v1/contests", contest(#","tieBreakers":["fastest"]"#), [.badRequest]),
                (.post, "/api/v1/contests", #"{"title":"越界","unitCode":"\#(training.county)","format":"team","heldOn":"2026-02-30"}"#, [.badRequest]),
                (.post, "/api/v1/contests", #"{"title":"越界","unitCode":"\#(training.county)","format":"relay","heldOn":"\#(today)"}"#, [.badRequest]),
                (.get, "/api/v1/contests/\(beyond)", nil, [.badRequest]),
                (.get, "/api/v1/contests/abc", nil, [.badRequest]),
                (.get, "/api/v1/contests/-1", nil, [.notFound]),
                (.get, "/api/v1/contests/\(huge)", nil, [.notFound]),
                (.get, "/api/v1/contests/\(lowest)/board", nil, [.notFound]),
                (.post, "/api/v1/contests/\(beyond)/status", #"{"status":"running"}"#, [.badRequest]),
                (.post, "\(f.uri)/status", #"{"status":"preparing"}"#, [.badRequest]),
                (.post, "\(f.uri)/rounds", #"{"style":"compulsory","rules":{"rightPoints":\#(huge)},"questionIds":["\#(questionIds[0])"]}"#, [.badRequest]),
                (.post, "\(f.uri)/rounds", #"{"style":"compulsory","rules":{"timeLimitSeconds":\#(lowest)},"questionIds":["\#(questionIds[0])"]}"#, [.badRequest]),
                (.post, "\(f.uri)/rounds", #"{"style":"risk","rules":{"stakes":[10,\#(huge)]},"questionIds":["\#(questionIds[0])"]}"#, [.badRequest]),
                (.post, "\(f.uri)/rounds", #"{"style":"judged","rules":{"maxMark":1e300}}"#, [.badRequest]),
                (.post, "\(f.uri)/rounds", #"{"style":"written","examId":\#(huge)}"#, [.notFound]),
                (.post, "\(f.uri)/rounds", #"{"style":"marathon"}"#, [.badRequest]),
                (.post, "\(f.uri)/teams", #"{"name":"丙队","members":[]}"#, [.badRequest]),
                (.post, "/api/v1/contest-teams/\(beyond)/substitutions", #"{"out":"a","in":"b","reason":"病假"}"#, [.badRequest]),
                (.post, "/api/v1/contest-teams/\(huge)/substitutions", #"{"out":"a","in":"b","reason":"病假"}"#, [.notFound]),
                (.post, "/api/v1/contest-teams/\(f.first.id)/substitutions", #"{"out":"a","in":"b"}"#, [.badRequest]),
                (.post, "\(f.uri)/events", #"{"round":\#(huge),"action":"open","question":1}"#, [.notFound]),
                (.post, "\(f.uri)/events", #"{"round":\#(beyond),"action":"open","question":1}"#, [.badRequest]),
                (.post, "\(f.uri)/events", #"{"round":1,"action":"open","question":\#(lowest)}"#, [.notFound]),
                (.post, "\(f.uri)/events", #"{"round":1,"action":"open"}"#, [.badRequest]),
                (.post, "\(f.uri)/events", #"{"round":1,"action":"manual","team":\#(f.first.id),"points":1e308,"reason":"越界"}"#, [.badRequest]),
                (.post, "\(f.uri)/events", #"{"round":1,"action":"manual","team":\#(f.first.id),"points":-10000.01,"reason":"越界"}"#, [.badRequest]),
                (.post, "\(f.uri)/events", #"{"round":1,"action":"correct","sequence":\#(lowest)}"#, [.notFound]),
                (.post, "\(f.uri)/events", #"{"round":1,"action":"stake","team":\#(f.first.id),"question":1,"amount":\#(huge)}"#, [.badRequest]),
                (.post, "\(f.uri)/events", #"{"round":1,"action":"mark","team":\#(f.first.id),"mark":\#(lowest)}"#, [.badRequest]),
                (.post, "\(f.uri)/events", #"{"round":1,"action":"rule","team":\#(lowest),"question":1,"verdict":"right"}"#, [.notFound]),
                (.post, "\(f.uri)/events", #"{"round":1,"action":"rule","team":\#(f.first.id),"question":1,"verdict":"maybe"}"#, [.badRequest]),
                (.post, "\(f.uri)/events", #"{"round":1,"action":"rule","team":\#(f.first.id),"question":1,"verdict":"right","elapsedMilliseconds":\#(huge)}"#, [.badRequest]),
                (.post, "\(f.uri)/written", #"{"round":\#(lowest)}"#, [.notFound]),
                (.post, "\(f.uri)/advance", #"{"from":\#(f.contest.id),"top":0}"#, [.badRequest]),
                (.post, "\(f.uri)/advance", #"{"from":\#(f.contest.id),"top":1,"perUnit":1}"#, [.badRequest]),
                (.post, "\(f.uri)/advance", #"{"from":\#(huge),"perUnit":\#(huge)}"#, [.badRequest]),
                (.post, "\(f.uri)/freeze", #"{"frozen":"yes"}"#, [.badRequest]),
                (.get, "\(f.uri)/rounds/\(huge)/questions/1", nil, [.notFound]),
                (.get, "\(f.uri)/rounds/1/questions/\(beyond)", nil, [.badRequest]),
                (.get, "\(f.uri)/rounds/-1/questions/-1", nil, [.notFound]),
                (.get, "/api/v1/contest-medals?from=2026-13-01", nil, [.badRequest]),
                (.get, "/api/v1/contest-medals?from=2026-12-01&through=2026-01-01", nil, [.badRequest]),
                (.get, "/api/v1/staff/\(training.staffNumber)/contest-percentile?through=tomorrow", nil, [.badRequest]),
                (.get, "/api/v1/boards/\(String(repeating: "x", count: 5_000))", nil, [.notFound]),
            ]
            for (method, uri, json, expected) in refusals {
                let response = try await client.request(method, uri, session: county, json: json ?? (method == .get ? nil : "{}"))
                #expect(expected.contains(response.status), "\(method) \(uri.prefix(120)) \(json ?? "") answered \(response.status): \(response.text.prefix(200))")
                #expect(response.status.code < 500)
            }
            // JSON only, and a session with its CSRF token for every change.
            let form = try await client.request(.post, "\(f.uri)/freeze", session: county, form: ["frozen": "true"])
            #expect(form.status == .unsupportedMediaType)
            let noToken = try await client.request(.post, "\(f.uri)/freeze", session: county, json: #"{"frozen":true}"#, csrf: false)
            #expect(noToken.status == .forbidden)
            #expect(try await client.request(.post, "\(f.uri)/freeze", json: #"{"frozen":true}"#).status == .unauthorized)
            #expect(try await client.request(.get, "/api/v1/contests").status == .unauthorized)
            // Nothing above changed the contest.
            let after = try await client.request(.get, f.uri, session: county).json(ContestJSON.self)
            #expect(after.status == .preparing && after.rounds.count == 1 && after.teams.count == 2 && !after.frozen)
        }
    }

    @Test("Given the projector link, then the public board answers without a login with the standings and the open question, and no member and no key")
    func publicBoardNeedsNoLogin() async throws {
        let (training, questionIds) = try await Self.withBank()
        try await training.app.run { client in
            let f = try await Fixture.make(client: client, training: training, questionIds: questionIds)
            let county = try await client.logIn("county")
            let token = try #require(f.contest.boardToken)
            _ = try await client.request(.post, "\(f.uri)/status", session: county, json: #"{"status":"running"}"#)
            _ = try await client.request(.post, "\(f.uri)/events", session: county, json: #"{"round":1,"action":"open","question":2}"#)
            #expect(try await client.request(.get, "\(f.uri)/rounds/1/questions/2", session: county).json(ContestQuestionJSON.self).key != nil)

            let response = try await client.request(.get, "/api/v1/boards/\(token)")
            #expect(response.status == .ok, "\(response.text)")
            let board = try response.json(ContestPublicBoardJSON.self)
            #expect(board.title == "区业务技能比武" && board.status == .running && !board.frozen)
            #expect(Set(board.teams.map(\.name)) == ["甲队", "乙队"] && board.standings.count == 2)
            #expect(board.standings.allSatisfy { $0.points == 100 && $0.pointsText == "100" })
            let open = try #require(board.openQuestion)
            #expect(open.round == 1 && open.number == 2 && open.key == nil && open.explanation == nil && open.scoringPoints == nil)
            #expect(!response.text.contains(#""key""#) && !response.text.contains(#""members""#) && !response.text.contains(#""explanation""#))
            for name in f.memberNames { #expect(!response.text.contains(name), "member \(name) on the public board") }
            for member in f.first.members + f.second.members { #expect(!response.text.contains(member.staffNumber)) }
            #expect(!response.text.contains(token))
            #expect(try await client.request(.get, "/api/v1/boards/not-a-token").status == .notFound)
            // A browser signed in with a generated password still shows it (the rest waits for the password change).
            let issued = try await f.app.database.resetPassword("trainer", by: try await f.app.database.operatorPrincipal())
            let pending = try await client.logIn("trainer", password: issued.password)
            #expect(try await client.request(.get, "/api/v1/boards/\(token)", session: pending).status == .ok)
            #expect(try await client.request(.get, "/api/v1/contests", session: pending).errorCode == "password_change_required")

            // Frozen, the public board stays where it was while the host's moves on; reveal moves it one step.
            #expect(try await client.request(.post, "\(f.uri)/freeze", session: county, json: #"{"frozen":true}"#).json(ContestJSON.self).frozen)
            _ = try await client.request(
                .post, "\(f.uri)/events", session: county, json: #"{"round":1,"action":"rule","team":\#(f.second.id),"question":2,"verdict":"wrong"}"#)
            let frozen = try await client.request(.get, "/api/v1/boards/\(token)").json(ContestPublicBoardJSON.self)
            #expect(frozen.frozen && frozen.standings.allSatisfy { $0.points == 100 })
            let host = try await client.request(.get, "\(f.uri)/board", session: county).json(ContestBoardJSON.self)
            #expect(host.standings.last?.points == 95)
            let revealed = try await client.request(.post, "\(f.uri)/reveal", session: county, json: "{}")
            #expect(revealed.status == .ok)
            let shown = try await client.request(.get, "/api/v1/boards/\(token)").json(ContestPublicBoardJSON.self)
            #expect(shown.standings.map(\.points).sorted() == [95, 100])
        }
    }

    @Test("Given a contestant, then they see their contest and the public board, but no unopened question, no key, no log and no management")
    func contestantSeesOnlyWhatIsOpened() async throws {
        let (training, questionIds) = try await Self.withBank()
        try await training.app.run { client in
            let f = try await Fixture.make(client: client, training: training, questionIds: questionIds)
            let county = try await client.logIn("county")
            let staff = try await client.logIn("staff")
            let listed = try await client.request(.get, "/api/v1/contests", session: staff).json([ContestJSON].self)
            let mine = try #require(listed.first { $0.id == f.contest.id })
            #expect(!mine.isManaged && mine.boardToken == nil && mine.rounds.allSatisfy { $0.questionIds.isEmpty })
            // Before the contest starts, and after it starts until the host opens it, the question is not there.
            #expect(try await client.request(.get, "\(f.uri)/rounds/1/questions/1", session: staff).status == .notFound)
            _ = try await client.request(.post, "\(f.uri)/status", session: county, json: #"{"status":"running"}"#)
            #expect(try await client.request(.get, "\(f.uri)/rounds/1/questions/1", session: staff).status == .notFound)
            _ = try await client.request(.post, "\(f.uri)/events", session: county, json: #"{"round":1,"action":"open","question":1}"#)
            let seen = try await client.request(.get, "\(f.uri)/rounds/1/questions/1", session: staff)
            #expect(seen.status == .ok)
            let question = try seen.json(ContestQuestionJSON.self)
            #expect(question.key == nil && question.explanation == nil && !seen.text.contains(#""key""#))
            #expect(try await client.request(.get, "\(f.uri)/rounds/1/questions/2", session: staff).status == .notFound)

            let board = try await client.request(.get, "\(f.uri)/board", session: staff).json(ContestBoardJSON.self)
            #expect(board.isPublic && board.standings.count == 2)
            #expect(try await client.request(.get, "\(f.uri)/results", session: staff).status == .ok)
            #expect(try await client.request(.get, "\(f.uri)/substitutions", session: staff).status == .ok)
            // Hosting and managing are not theirs.
            let refused: [(HTTPRequest.Method, String, String?)] = [
                (.get, "\(f.uri)/events", nil),
                (.post, "\(f.uri)/events", #"{"round":1,"action":"rule","team":\#(f.first.id),"question":1,"verdict":"right"}"#),
                (.post, "\(f.uri)/status", #"{"status":"finished"}"#),
                (.post, "\(f.uri)/freeze", #"{"frozen":true}"#),
                (.post, "\(f.uri)/reveal", "{}"),
                (.post, "\(f.uri)/teams", #"{"name":"丙队","members":["\#(f.spare[0])"]}"#),
                (.post, "\(f.uri)/rounds", #"{"style":"judged"}"#),
                (.post, "\(f.uri)/written", #"{"round":1}"#),
                (.post, "\(f.uri)/advance", #"{"from":\#(f.contest.id),"top":1}"#),
                (.post, "/api/v1/contests", #"{"title":"员工办赛","unitCode":"\#(training.county)","format":"team","heldOn":"2026-06-01"}"#),
                (.post, "/api/v1/contest-teams/\(f.first.id)/substitutions", #"{"out":"\#(training.staffNumber)","in":"\#(f.spare[0])","reason":"换人"}"#),
                (.get, "/api/v1/contest-medals", nil),
                (.get, "/api/v1/staff/\(f.spare[0])/contest-percentile", nil),
            ]
            for (method, uri, json) in refused {
                let response = try await client.request(method, uri, session: staff, json: json)
                #expect([.forbidden, .notFound].contains(response.status), "\(method) \(uri) answered \(response.status)")
            }
            let own = try await client.request(.get, "/api/v1/staff/\(training.staffNumber)/contest-percentile", session: staff)
            #expect(own.status == .ok)
            #expect(try own.json(ContestPercentileJSON.self).percentile == nil)
        }
    }

    @Test("Given a finished county contest, then the results list the teams with their members, the medal table and percentiles count it, and the province sends its winner on to the city")
    func resultsMedalsPercentileAdvance() async throws {
        let (training, questionIds) = try await Self.withBank()
        try await training.app.run { client in
            let f = try await Fixture.make(client: client, training: training, questionIds: questionIds)
            let county = try await client.logIn("county")
            // A substitution before the start, logged with its reason.
            let out = try #require(f.second.members.first { !$0.isCaptain }).staffNumber
            let swapped = try await client.request(
                .post, "/api/v1/contest-teams/\(f.second.id)/substitutions", session: county, json: #"{"out":"\#(out)","in":"\#(f.spare[0])","reason":"因病换人"}"#)
            #expect(swapped.status == .ok, "\(swapped.text)")
            #expect(try swapped.json(ContestTeamJSON.self).members.map(\.staffNumber).contains(f.spare[0]))
            let log = try await client.request(.get, "\(f.uri)/substitutions", session: county).json([ContestSubstitutionJSON].self)
            #expect(log.map(\.reason) == ["因病换人"] && log.first?.inStaffNumber == f.spare[0] && log.first?.outStaffNumber == out)

            _ = try await client.request(.post, "\(f.uri)/status", session: county, json: #"{"status":"running"}"#)
            _ = try await client.request(.post, "\(f.uri)/events", session: county, json: #"{"round":1,"action":"open","question":1}"#)
            _ = try await client.request(
                .post, "\(f.uri)/events", session: county, json: #"{"round":1,"action":"rule","team":\#(f.first.id),"question":1,"verdict":"right"}"#)
            let finished = try await client.request(.post, "\(f.uri)/status", session: county, json: #"{"status":"finished"}"#)
            #expect(try finished.json(ContestJSON.self).status == .finished)
            #expect(try await client.request(.post, "\(f.uri)/events", session: county, json: #"{"round":1,"action":"open","question":2}"#).status == .conflict)

            let results = try await client.request(.get, "\(f.uri)/results", session: county).json(ContestResultsJSON.self)
            #expect(results.isFinal && results.lines.map(\.team.name) == ["甲队", "乙队"] && results.lines.map(\.standing.rank) == [1, 2])
            #expect(results.lines[0].team.members.contains { $0.staffNumber == training.staffNumber && $0.isCaptain })

            let medals = try await client.request(.get, "/api/v1/contest-medals?unit=\(training.county)", session: county)
            #expect(medals.status == .ok, "\(medals.text)")
            let table = try medals.json(ContestMedalTableJSON.self)
            #expect(table.lines.map(\.firsts).reduce(0, +) == 1 && table.lines.map(\.entered).reduce(0, +) == 2)
            let whole = try await client.request(.get, "/api/v1/contest-medals", session: county).json(ContestMedalTableJSON.self)
            #expect(whole.unitCode == training.county && whole.lines.map(\.entered).reduce(0, +) == 2)
            let staff = try await client.logIn("staff")
            let best = try await client.request(.get, "/api/v1/staff/\(training.staffNumber)/contest-percentile", session: staff).json(ContestPercentileJSON.self)
            #expect(best.percentile == 100)
            let loser = try await client.request(.get, "/api/v1/staff/\(f.spare[0])/contest-percentile?from=2000-01-01&through=2099-12-31", session: county)
            #expect(try loser.json(ContestPercentileJSON.self).percentile == 0)

            // The province administrator runs the city's contest; the county's winner goes on to it.
            let op = try await f.app.database.operatorPrincipal()
            let city = try #require(try await f.app.database.unitDetail(training.county, for: op).ancestors.first { $0.level == .city }).code
            let admin = try await client.logIn("admin")
            let upper = try await client.request(
                .post, "/api/v1/contests", session: admin, json: #"{"title":"市业务技能比武","unitCode":"\#(city)","format":"team","heldOn":"2026-09-01"}"#)
            #expect(upper.status == .created, "\(upper.text)")
            let upperId = try upper.json(ContestJSON.self).id
            #expect(try await client.request(.post, "/api/v1/contests/\(upperId)/advance", session: county, json: #"{"from":\#(f.contest.id),"top":1}"#).status == .notFound)
            let advanced = try await client.request(.post, "/api/v1/contests/\(upperId)/advance", session: admin, json: #"{"from":\#(f.contest.id),"top":1}"#)
            #expect(advanced.status == .created, "\(advanced.text)")
            let teams = try advanced.json([ContestTeamJSON].self)
            #expect(teams.map(\.name) == ["甲队"] && teams.first?.advancedFrom == f.first.id)
        }
    }
}
