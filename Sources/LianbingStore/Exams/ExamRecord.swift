import Foundation
import GRDB
import LianbingCore

struct ExamRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "exam"
    var id: Int64?
    var title: String
    var blueprintText: String
    var blueprint: String
    var blueprintVersion: String
    var bankRevision: Int?
    var seed: Int64
    var frozenCandidates: Int?
    var unitCode: String
    var posts: String
    var opensAt: Date
    var closesAt: Date
    /// The close planned before an administrator ended the exam early (`closesAt` is then when); nil otherwise.
    var plannedClosesAt: Date? = nil
    var durationSeconds: Int
    var passMark: Double
    var certifies: Bool
    var reviewContent: String
    var reviewTiming: String
    var multipleChoice: String
    var reviewRequestDays: Int
    var status: String
    var createdBy: String
    var createdAt: Date
    var publishedAt: Date?
    var releasedAt: Date?
    /// `|id|id|`: left out of the pool at publication (`Blueprint.excludesRevealed`).
    var withheldQuestions: String? = nil
    /// Questions on the papers whose keys earlier exams had shown, counted at publication.
    var revealedOnPapers: Int? = nil
    /// What passing certifies (`qualification`); set when `certifies`.
    var qualificationId: Int64? = nil
    /// 考生须知; empty for none.
    var instructions: String = ""

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func decodedBlueprint() throws -> Blueprint { try JSONDecoder().decode(Blueprint.self, from: Data(blueprint.utf8)) }
    func decodedMultipleChoice() throws -> MultipleChoicePolicy {
        try JSONDecoder().decode(MultipleChoicePolicy.self, from: Data(multipleChoice.utf8))
    }
    var reviewPolicy: ReviewPolicy {
        ReviewPolicy(content: ReviewPolicy.Content(rawValue: reviewContent)!, timing: ReviewPolicy.Timing(rawValue: reviewTiming)!)
    }
    var postList: [String] { posts.split(separator: "|").map(String.init) }
    var withheldList: Set<String> { Set((withheldQuestions ?? "").split(separator: "|").map(String.init)) }
    var examStatus: ExamStatus { ExamStatus(rawValue: status)! }
    /// Seeds are 64-bit unsigned; SQLite integers are signed, so the bits are stored as they are.
    var generatorSeed: UInt64 { UInt64(bitPattern: seed) }
}

struct ExamCandidateRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "examCandidate"
    var examId: Int64
    var staffNumber: String
    var sequence: Int
    var paper: String?
    var form: String?
    var excusedReason: String?
    var extraSeconds: Int
    var closesAt: Date?
    var addedAt: Date

    func decodedPaper() throws -> Paper? { try paper.map(AppDatabase.decodePaper) }
}

struct AttemptRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "attempt"
    var id: Int64?
    var examId: Int64?
    var staffNumber: String
    var purpose: String
    var paper: String
    var startedAt: Date
    var deadline: Date?
    var state: String
    var submittedAt: Date?
    var score: Double?
    var maxScore: Double
    var pendingCount: Int
    var lastSeenAt: Date
    var hiddenCount: Int
    var hiddenSeconds: Double

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func decodedPaper() throws -> Paper { try AppDatabase.decodePaper(paper) }
    var attemptState: AttemptState { AttemptState(rawValue: state)! }
    var paperPurpose: PaperPurpose { PaperPurpose(rawValue: purpose)! }
}

struct AnswerRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "attemptAnswer"
    var attemptId: Int64
    var position: Int
    var response: String?
    var savedAt: Date
    var score: Double?
    var markedBy: String?
    var markedAt: Date?
    var comment: String?

    func decodedResponse() throws -> Response? { try response.map { try JSONDecoder().decode(Response.self, from: Data($0.utf8)) } }
}

extension AppDatabase {
    /// Compact JSON with sorted keys: papers and blueprints are compared and hashed as strings.
    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try questionEncoder.encode(value), as: UTF8.self)
    }

    /// A stored paper, read directly where it is in the stored layout (`Paper(storedJSON:)`).
    static func decodePaper(_ json: String) throws -> Paper {
        if let paper = Paper(storedJSON: json) { return paper }
        return try JSONDecoder().decode(Paper.self, from: Data(json.utf8))
    }

    /// A paper in the same bytes, written directly where it can be (`Paper.storedJSON`).
    static func json(_ paper: Paper) throws -> String {
        if let json = paper.storedJSON { return json }
        return String(decoding: try questionEncoder.encode(paper), as: UTF8.self)
    }
}
