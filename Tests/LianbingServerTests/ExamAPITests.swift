import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

@Suite struct ExamAPITests {
    /// A valid response of the right shape for an item, in shown positions.
    static func someResponse(_ item: AttemptItem) -> String {
        switch item.kind {
        case .singleChoice: #"{"response":{"choices":[0]}}"#
        case .multipleChoice: #"{"response":{"choices":[0,1]}}"#
        case .trueFalse: #"{"response":{"trueFalse":true}}"#
        case .fillBlank: #"{"response":{"blanks":[\#(Array(repeating: #""某""#, count: item.blanks).joined(separator: ","))]}}"#
        case .shortAnswer: #"{"response":{"text":"按规定办理"}}"#
        }
    }

    @Test("Given a full centralised attempt through the API, then no response carries a key or an explanation")
    func noResponseOfAnInProgressAttemptCarriesKeys() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        let op = try await app.database.operatorPrincipal()
        let staffNumber = try await app.database.account("staff", for: op).account.staffNumber!
        let paper = try await app.database.papers(ofExam: exam.id, by: op).first { $0.staffNumber == staffNumber }!.paper
        var secrets: [String] = []
        for item in paper.items {
            let question = try await app.database.question(item.questionId, revision: item.revision, for: op).listing.question
            secrets.append(question.explanation)
            if case .shortAnswer(let reference, let points) = question.answer { secrets += [reference] + points }
        }
        let leaks = secrets
        try await app.run { client in
            let staff = try await client.logIn("staff")
            var bodies: [String] = []
            let mine = try await client.request(.get, "/api/v1/my/exams", session: staff)
            bodies.append(mine.text)
            #expect(try mine.json([MyExam].self).contains { $0.examId == exam.id && $0.standing == .notStarted })
            let started = try await client.request(.post, "/api/v1/my/exams/\(exam.id)/attempt", session: staff, json: "{}")
            #expect(started.status == .ok)
            bodies.append(started.text)
            let view = try started.json(AttemptView.self)
            #expect(view.items.count == paper.items.count && view.deadline != nil)
            for item in view.items {
                let saved = try await client.request(
                    .put, "/api/v1/my/attempts/\(view.id)/answers/\(item.position)", session: staff, json: Self.someResponse(item))
                #expect(saved.status == .ok, "\(item.kind): \(saved.text)")
                bodies.append(saved.text)
            }
            let resumed = try await client.request(.post, "/api/v1/my/exams/\(exam.id)/attempt", session: staff, json: "{}")
            bodies.append(resumed.text)
            #expect(try resumed.json(AttemptView.self).items.allSatisfy { $0.response != nil })
            let fetched = try await client.request(.get, "/api/v1/my/attempts/\(view.id)", session: staff)
            bodies.append(fetched.text)
            let submitted = try await client.request(.post, "/api/v1/my/attempts/\(view.id)/submit", session: staff, json: "{}")
            bodies.append(submitted.text)
            #expect(try submitted.json(AttemptView.self).state == .submitted)
            bodies.append(try await client.request(.get, "/api/v1/my/exams", session: staff).text)
            for body in bodies {
                for secret in leaks where !secret.isEmpty { #expect(!body.contains(secret), "leaked: \(secret)") }
                #expect(!body.contains("\"feedback\":{") && !body.contains("\"explanation\"") && !body.contains("\"key\""))
            }
        }
    }

    @Test("Given no CSRF token, then saving an answer is refused; another person's attempt does not exist")
    func savesNeedCSRFAndOwnership() async throws {
        let app = try await TestApp.demoWithExams()
        let anchors = try await app.anchors()
        let outside = try await app.outsideExam(unit: anchors.outsideUnit)
        let exam = try await app.openDemoExam()
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let view = try await client.request(.post, "/api/v1/my/exams/\(exam.id)/attempt", session: staff, json: "{}").json(AttemptView.self)
            let refused = try await client.request(
                .put, "/api/v1/my/attempts/\(view.id)/answers/0", session: staff, json: Self.someResponse(view.items[0]), csrf: false)
            #expect(refused.status == .forbidden)
            let bad = try await client.request(.put, "/api/v1/my/attempts/\(view.id)/answers/0", session: staff, json: #"{"response":{"text":1}}"#)
            #expect(bad.status == .badRequest)
            #expect(try await client.request(.get, "/api/v1/my/attempts/\(outside.attempt)", session: staff).status == .notFound)
            #expect(try await client.request(.post, "/api/v1/my/exams/\(outside.exam)/attempt", session: staff, json: "{}").status == .notFound)
        }
    }

    @Test("Given a self-test, then a question's key and explanation come only after that question is answered")
    func selfTestRevealsOneQuestionAtATime() async throws {
        let app = try await TestApp.demoWithExams()
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let started = try await client.request(.post, "/api/v1/my/self-tests", session: staff, json: #"{"knowledgePoints":["法律法规"],"length":5}"#)
            #expect(started.status == .created)
            let view = try started.json(AttemptView.self)
            #expect(view.items.count == 5 && view.items.allSatisfy { $0.feedback == nil } && !started.text.contains("\"explanation\""))
            let first = view.items[0]
            let answered = try await client.request(
                .post, "/api/v1/my/self-tests/\(view.id)/answers/0", session: staff, json: Self.someResponse(first))
            #expect(answered.status == .ok)
            let feedback = try answered.json(Feedback.self)
            #expect(!feedback.key.isEmpty && !feedback.explanation.isEmpty)
            let again = try await client.request(.get, "/api/v1/my/attempts/\(view.id)", session: staff).json(AttemptView.self)
            #expect(again.items[0].feedback == feedback && again.items.dropFirst().allSatisfy { $0.feedback == nil })
            let twice = try await client.request(.post, "/api/v1/my/self-tests/\(view.id)/answers/0", session: staff, json: Self.someResponse(first))
            #expect(twice.status == .conflict)
        }
    }

    @Test("Given exams inside and outside the county, then marking queues and score reviews list only the caller's")
    func markingQueueIsScoped() async throws {
        let app = try await TestApp.demoWithExams()
        let anchors = try await app.anchors()
        let outside = try await app.outsideExam(unit: anchors.outsideUnit)
        try await app.run { client in
            let county = try await client.logIn("county")
            let queue = try await client.request(.get, "/api/v1/marking", session: county).json([MarkingItem].self)
            #expect(!queue.contains { $0.examId == outside.exam })
            let reviews = try await client.request(.get, "/api/v1/score-reviews", session: county).json([ScoreReview].self)
            #expect(!reviews.contains { $0.examId == outside.exam })
            let admin = try await client.logIn("admin")
            let all = try await client.request(.get, "/api/v1/score-reviews", session: admin).json([ScoreReview].self)
            #expect(all.contains { $0.id == outside.review })
            let answers = try await client.request(.get, "/api/v1/score-reviews/\(outside.review)/answers", session: admin).json([MarkingItem].self)
            #expect(answers.count == 2 && answers.allSatisfy { $0.attemptId == outside.attempt && $0.score == 0 })
        }
    }

    @Test("Given an infeasible blueprint, then the check names every failing cell and creating the exam stores nothing")
    func blueprintCheckAndCreate() async throws {
        let app = try await TestApp.demoWithExams()
        let anchors = try await app.anchors()
        let (_, text) = try TestApp.shippedBlueprint()
        let greedy = text.replacingOccurrences(of: "功能平台 | 单选 | 1-5 | 3", with: "功能平台 | 单选 | 1-5 | 300")
            .replacingOccurrences(of: "法律法规 | 简答 | 1-5 | 1", with: "法律法规 | 简答 | 1-5 | 100")
        let greedyJSON = String(decoding: try JSONEncoder().encode(greedy), as: UTF8.self)
        let textJSON = String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            let check = try await client.request(.post, "/api/v1/blueprints/check", session: trainer, json: #"{"blueprint":\#(greedyJSON),"candidates":10}"#)
            let report = try check.json(ExamsController.BlueprintCheckJSON.self)
            #expect(!report.feasible)
            #expect(report.problems.contains { $0.contains("功能平台 · 单选") } && report.problems.contains { $0.contains("法律法规 · 简答") })
            let before = try await app.database.examTablesSnapshot()
            let body = #"{"title":"不可行","blueprint":\#(greedyJSON),"unitCode":"\#(anchors.county)","opensAt":"2030-01-01T00:00:00Z","closesAt":"2030-01-02T00:00:00Z","durationMinutes":60,"passMark":60}"#
            let created = try await client.request(.post, "/api/v1/exams", session: trainer, json: body)
            #expect(created.status == .badRequest && created.text.contains("功能平台 · 单选"))
            #expect(try await app.database.examTablesSnapshot() == before)
            let good = #"{"title":"可行","blueprint":\#(textJSON),"unitCode":"\#(anchors.county)","opensAt":"2030-01-01T00:00:00Z","closesAt":"2030-01-02T00:00:00Z","durationMinutes":60,"passMark":60}"#
            let made = try await client.request(.post, "/api/v1/exams", session: trainer, json: good)
            #expect(made.status == .created)
            let exam = try made.json(Exam.self)
            let published = try await client.request(.post, "/api/v1/exams/\(exam.id)/publish", session: trainer, json: "{}")
            #expect(published.status == .ok)
            #expect(try published.json(Exam.self).status == .published)
        }
    }
}

@Suite struct MeasuredDifficultyTests {
    @Test("Given released results, then a question's page shows its measured facility beside the declared difficulty")
    func bankPageShowsMeasure() async throws {
        let app = try await TestApp.demoWithExams()
        let op = try await app.database.operatorPrincipal()
        let released = try await app.database.exams(by: op).first { $0.status == .released }!
        let questionId = try await app.database.papers(ofExam: released.id, limit: 1, by: op)[0].paper.items[0].questionId
        let measure = try #require(try await app.database.measure(ofQuestion: questionId, by: op))
        #expect(measure.examId == released.id && measure.candidates > 0 && measure.facility != nil)
        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            let page = try await client.request(.get, "/bank/\(questionId)", session: trainer)
            #expect(page.text.contains("实测") && page.text.contains("得分率"))
        }
    }
}
