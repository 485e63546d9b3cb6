import GRDB
import LianbingCore

extension AppDatabase {
    /// Append-only: a migration that has shipped is never edited; changes come as new, named migrations.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 hierarchy, staff, accounts, sessions") { db in
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "unit") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("level", .integer).notNull().check { (1...5).contains($0) }
                t.column("parentCode", .text).references("unit", onDelete: .restrict).indexed()
                t.column("path", .text).notNull().unique()
            }
            try db.create(table: "post") { t in
                t.primaryKey("name", .text)
                t.column("position", .integer).notNull()
            }
            try db.create(table: "staff") { t in
                t.primaryKey("number", .text)
                t.column("name", .text).notNull().indexed()
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict).indexed()
                t.column("post", .text).notNull().references("post", onDelete: .restrict, onUpdate: .cascade)
                t.column("isVeteran", .boolean).notNull()
                t.column("isEntitledPerson", .boolean).notNull()
                t.column("specialties", .text).notNull()
                t.column("hireDate", .text)
                t.column("isActive", .boolean).notNull()
            }
            try db.create(table: "account") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("username", .text).notNull().unique().collate(.nocase)
                t.column("passwordHash", .text).notNull()
                t.column("role", .text).notNull().check { ["staff", "trainer", "admin"].contains($0) }
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict).indexed()
                t.column("staffNumber", .text).unique().references("staff", onDelete: .setNull, onUpdate: .cascade)
                t.column("mustChangePassword", .boolean).notNull()
                t.column("isDisabled", .boolean).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "session") { t in
                // Only a hash of the token is stored, so a copied database or backup opens no sessions.
                t.primaryKey("tokenHash", .text)
                t.column("accountId", .integer).notNull().references("account", onDelete: .cascade).indexed()
                t.column("csrfToken", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("lastSeenAt", .datetime).notNull()
                t.column("address", .text)
                t.column("userAgent", .text)
            }
            try db.create(table: "auditEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("detail", .text).notNull()
            }
            for (position, name) in Post.seeded.enumerated() {
                try db.execute(sql: "INSERT INTO post (name, position) VALUES (?, ?)", arguments: [name, position])
            }
        }
        migrator.registerMigration("v2 question bank with revisions") { db in
            try db.create(table: "bankRevision") { t in
                // The bank snapshot an exam records: a question's revision in snapshot N is its latest with bankRevision <= N.
                t.primaryKey("number", .integer)
                t.column("createdAt", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("note", .text).notNull()
                t.column("added", .integer).notNull()
                t.column("changed", .integer).notNull()
            }
            try db.create(table: "question") { t in
                t.primaryKey("id", .text)
                t.column("currentRevision", .integer).notNull()
            }
            try db.create(table: "questionRevision") { t in
                t.column("questionId", .text).notNull().references("question", onDelete: .restrict)
                t.column("revision", .integer).notNull()
                t.column("bankRevision", .integer).notNull().references("bankRevision", onDelete: .restrict)
                t.column("kind", .text).notNull()
                t.column("status", .text).notNull()
                t.column("usage", .text).notNull()
                t.column("difficulty", .integer).notNull()
                // `|a/b|c|`: each knowledge point between bars, so a point and everything under it is one LIKE.
                t.column("knowledgePoints", .text).notNull()
                t.column("stem", .text).notNull()
                t.column("content", .jsonText).notNull()
                t.primaryKey(["questionId", "revision"])
            }
            try db.create(index: "questionRevision_bankRevision", on: "questionRevision", columns: ["bankRevision"])
        }
        migrator.registerMigration("v3 exams, attempts, self-tests") { db in
            try db.create(table: "exam") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("title", .text).notNull()
                // The blueprint file as given, and its parsed form; `blueprintVersion` is a hash of the parsed form.
                t.column("blueprintText", .text).notNull()
                t.column("blueprint", .jsonText).notNull()
                t.column("blueprintVersion", .text).notNull()
                // Set when papers are made; the snapshot every paper of the exam draws from.
                t.column("bankRevision", .integer)
                t.column("seed", .integer).notNull()
                // How many candidates the list held when it was frozen: the exposure cap's base, and the papers a
                // regeneration must reproduce, whoever is added or removed later.
                t.column("frozenCandidates", .integer)
                // The candidate list: this unit's subtree, optionally only some posts (`|a|b|`, empty for all).
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict).indexed()
                t.column("posts", .text).notNull()
                t.column("opensAt", .datetime).notNull()
                t.column("closesAt", .datetime).notNull()
                t.column("durationSeconds", .integer).notNull()
                t.column("passMark", .double).notNull()
                t.column("certifies", .boolean).notNull()
                t.column("reviewContent", .text).notNull()
                t.column("reviewTiming", .text).notNull()
                t.column("multipleChoice", .jsonText).notNull()
                t.column("reviewRequestDays", .integer).notNull()
                t.column("status", .text).notNull().check { ["draft", "published", "released"].contains($0) }
                t.column("createdBy", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("publishedAt", .datetime)
                t.column("releasedAt", .datetime)
            }
            try db.create(table: "examCandidate") { t in
                t.column("examId", .integer).notNull().references("exam", onDelete: .cascade)
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .restrict, onUpdate: .cascade).indexed()
                // Order of paper assembly: the frozen list first (by staff number), later additions after it.
                t.column("sequence", .integer).notNull()
                t.column("paper", .jsonText)
                t.column("form", .text)
                t.column("excusedReason", .text)
                t.column("extraSeconds", .integer).notNull().defaults(to: 0)
                // An individual late window replaces the exam's close for this candidate.
                t.column("closesAt", .datetime)
                t.column("addedAt", .datetime).notNull()
                t.primaryKey(["examId", "staffNumber"])
            }
            try db.create(table: "examForm") { t in
                t.column("examId", .integer).notNull().references("exam", onDelete: .cascade)
                t.column("letter", .text).notNull()
                t.column("paper", .jsonText).notNull()
                t.primaryKey(["examId", "letter"])
            }
            try db.create(table: "attempt") { t in
                t.autoIncrementedPrimaryKey("id")
                // NULL for a self-test.
                t.column("examId", .integer).references("exam", onDelete: .cascade)
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .restrict, onUpdate: .cascade).indexed()
                t.column("purpose", .text).notNull()
                t.column("paper", .jsonText).notNull()
                t.column("startedAt", .datetime).notNull()
                // NULL for a self-test, which has no time limit.
                t.column("deadline", .datetime).indexed()
                t.column("state", .text).notNull().indexed()
                t.column("submittedAt", .datetime)
                // NULL until every item is marked.
                t.column("score", .double)
                t.column("maxScore", .double).notNull()
                t.column("pendingCount", .integer).notNull().defaults(to: 0)
                t.column("lastSeenAt", .datetime).notNull()
                t.column("hiddenCount", .integer).notNull().defaults(to: 0)
                t.column("hiddenSeconds", .double).notNull().defaults(to: 0)
            }
            try db.create(index: "attempt_exam_candidate", on: "attempt", columns: ["examId", "staffNumber"], unique: true, condition: Column("examId") != nil)
            try db.create(table: "attemptAnswer") { t in
                t.column("attemptId", .integer).notNull().references("attempt", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("response", .jsonText)
                t.column("savedAt", .datetime).notNull()
                t.column("score", .double)
                t.column("markedBy", .text)
                t.column("markedAt", .datetime)
                t.column("comment", .text)
                t.primaryKey(["attemptId", "position"])
            }
            try db.create(table: "attemptVisit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("attemptId", .integer).notNull().references("attempt", onDelete: .cascade).indexed()
                t.column("at", .datetime).notNull()
                t.column("kind", .text).notNull()
                t.column("address", .text)
                t.column("userAgent", .text)
            }
            try db.create(table: "scoreReview") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("attemptId", .integer).notNull().references("attempt", onDelete: .cascade).unique()
                t.column("requestedAt", .datetime).notNull()
                t.column("reason", .text).notNull()
                t.column("reply", .text)
                t.column("answeredBy", .text)
                t.column("answeredAt", .datetime)
                t.column("scoreBefore", .double)
                t.column("scoreAfter", .double)
            }
            try db.create(table: "wrongQuestion") { t in
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .cascade, onUpdate: .cascade)
                t.column("questionId", .text).notNull().references("question", onDelete: .cascade)
                t.column("knowledgePoint", .text).notNull()
                t.column("streak", .integer).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.primaryKey(["staffNumber", "questionId"])
            }
            try db.create(table: "questionMeasure") { t in
                // Measured beside the declared difficulty: the latest exam's item statistics for the question.
                t.primaryKey("questionId", .text).references("question", onDelete: .cascade)
                t.column("examId", .integer).notNull().references("exam", onDelete: .cascade)
                t.column("candidates", .integer).notNull()
                t.column("facility", .double)
                t.column("discriminationIndex", .double)
                t.column("measuredAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v4 audit scope, score changes after release") { db in
            // The unit an entry concerns, so an administrator reads the log of their own subtree. Entries written
            // before this carried no unit; they go to the root, where only a province administrator reads them.
            try db.alter(table: "auditEntry") { t in t.add(column: "unitPath", .text) }
            try db.execute(sql: "UPDATE auditEntry SET unitPath = (SELECT path FROM unit WHERE parentCode IS NULL)")
            try db.create(index: "auditEntry_on_unitPath_at", on: "auditEntry", columns: ["unitPath", "at"])
            // Questions a blueprint asked to leave out because earlier exams had shown their keys, kept so that the
            // papers regenerate; and how many such questions the papers used anyway, reported at publication.
            try db.alter(table: "exam") { t in
                t.add(column: "withheldQuestions", .text)
                t.add(column: "revealedOnPapers", .integer)
            }
            // The last personal window of an exam, read before any key is shown: one probe rather than a scan.
            try db.create(index: "examCandidate_on_examId_closesAt", on: "examCandidate", columns: ["examId", "closesAt"])
            // Every change of a released result, with the score and outcome either side: the administrator is shown
            // those that turn a pass into a fail or back.
            try db.create(table: "scoreChange") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("examId", .integer).notNull().references("exam", onDelete: .cascade).indexed()
                t.column("attemptId", .integer).notNull().references("attempt", onDelete: .cascade)
                t.column("staffNumber", .text).notNull()
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("scoreBefore", .double)
                t.column("scoreAfter", .double)
                t.column("passedBefore", .boolean)
                t.column("passedAfter", .boolean)
            }
        }
        migrator.registerMigration("v5 training") { db in
            // Item 19 obliges "任务较重" centres and stations: how many veterans a unit serves and the explicit flag
            // are data, so the rule can be a setting.
            try db.alter(table: "unit") { t in
                t.add(column: "veteransServed", .integer)
                t.add(column: "heavyDuty", .boolean).notNull().defaults(to: false)
            }
            // From this date on the person is no longer staff: coverage and composition drop them.
            try db.alter(table: "staff") { t in t.add(column: "leftOn", .text) }
            // A dated move. Before `movedOn` the person belonged to `fromUnit`: their unit on a date is the
            // `fromUnit` of their first move after it, or their present unit when there is none.
            try db.create(table: "staffMove") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .cascade, onUpdate: .cascade)
                t.column("movedOn", .text).notNull()
                t.column("fromUnit", .text).notNull().references("unit", onDelete: .restrict)
                t.column("toUnit", .text).notNull().references("unit", onDelete: .restrict)
                t.column("recordedAt", .datetime).notNull()
                t.column("actor", .text).notNull()
            }
            try db.create(index: "staffMove_on_staffNumber_movedOn", on: "staffMove", columns: ["staffNumber", "movedOn"])
            // 轮岗交流 and 基层锻炼 (item 19): dated entries of a person's record, counted per unit served.
            try db.create(table: "staffPlacement") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .cascade, onUpdate: .cascade).indexed()
                t.column("kind", .text).notNull().check { ["rotation", "grassroots"].contains($0) }
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict).indexed()
                t.column("startsOn", .text).notNull()
                t.column("endsOn", .text)
                t.column("note", .text).notNull()
                t.column("recordedAt", .datetime).notNull()
                t.column("actor", .text).notNull()
            }
            try db.create(table: "expert") { t in
                t.autoIncrementedPrimaryKey("id")
                // The pool it belongs to: a province, city or county unit.
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict).indexed()
                t.column("name", .text).notNull()
                t.column("category", .text).notNull().check { ["university", "industry", "backbone"].contains($0) }
                // Knowledge points, `|a|b|` as on questions, so a session's topics find their experts with LIKE.
                t.column("specialties", .text).notNull()
                t.column("affiliation", .text).notNull()
                t.column("staffNumber", .text).references("staff", onDelete: .setNull, onUpdate: .cascade)
                t.column("accountId", .integer).references("account", onDelete: .setNull)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "trainingSession") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict).indexed()
                t.column("title", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("isBusiness", .boolean).notNull()
                t.column("startsAt", .datetime).notNull()
                t.column("endsAt", .datetime).notNull()
                // The China date it starts on: what places it in a half-year or cycle (23:30 on 30 June is H1).
                t.column("startDate", .text).notNull().indexed()
                t.column("hours", .double).notNull()
                t.column("topics", .text).notNull()
                t.column("audienceUnit", .text).notNull().references("unit", onDelete: .restrict)
                t.column("audiencePosts", .text).notNull()
                t.column("capacity", .integer)
                t.column("place", .text).notNull()
                t.column("status", .text).notNull().check { ["draft", "published", "held", "closed"].contains($0) }
                // Keys the rotating sign-in code; never leaves the server.
                t.column("signInSecret", .blob).notNull()
                t.column("createdBy", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("publishedAt", .datetime)
                t.column("closedAt", .datetime)
            }
            try db.create(table: "trainingTrainer") { t in
                t.column("sessionId", .integer).notNull().references("trainingSession", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("expertId", .integer).references("expert", onDelete: .setNull).indexed()
                t.column("name", .text).notNull()
                t.primaryKey(["sessionId", "position"])
            }
            try db.create(table: "trainingInvitee") { t in
                t.column("sessionId", .integer).notNull().references("trainingSession", onDelete: .cascade)
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .cascade, onUpdate: .cascade).indexed()
                t.primaryKey(["sessionId", "staffNumber"])
            }
            try db.create(table: "trainingAttendance") { t in
                t.column("sessionId", .integer).notNull().references("trainingSession", onDelete: .cascade)
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .cascade, onUpdate: .cascade)
                t.column("day", .text).notNull()
                t.column("status", .text).notNull().check { ["attended", "absent", "excused"].contains($0) }
                t.column("reason", .text).notNull()
                t.column("hours", .double).notNull()
                // The attendee's unit on that day, kept: the half-year rule asks who attended from where then.
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict)
                t.column("isWalkIn", .boolean).notNull()
                t.column("source", .text).notNull()
                t.column("recordedAt", .datetime).notNull()
                t.column("recordedBy", .text).notNull()
                t.primaryKey(["sessionId", "staffNumber", "day"])
            }
            try db.create(index: "trainingAttendance_on_staffNumber_day", on: "trainingAttendance", columns: ["staffNumber", "day"])
            // Corrections to a closed session's attendance, each with its reason: the record is locked, not frozen.
            try db.create(table: "trainingAmendment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("sessionId", .integer).notNull().references("trainingSession", onDelete: .cascade).indexed()
                t.column("staffNumber", .text).notNull()
                t.column("day", .text).notNull()
                t.column("before", .text)
                t.column("after", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(table: "trainingRating") { t in
                t.column("sessionId", .integer).notNull().references("trainingSession", onDelete: .cascade)
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .cascade, onUpdate: .cascade)
                t.column("score", .integer).notNull().check { (1...5).contains($0) }
                t.column("comment", .text).notNull()
                t.column("ratedAt", .datetime).notNull()
                t.primaryKey(["sessionId", "staffNumber"])
            }
            // Versioned: a new version applies from its date, so last cycle's results keep the standard they had.
            try db.create(table: "curriculumStandard") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("post", .text).notNull().references("post", onDelete: .restrict, onUpdate: .cascade)
                t.column("level", .integer).notNull().check { (1...5).contains($0) }
                t.column("version", .integer).notNull()
                t.column("hours", .double).notNull()
                t.column("topics", .text).notNull()
                t.column("effectiveFrom", .text).notNull()
                t.column("createdBy", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["post", "level", "version"])
            }
        }
        migrator.registerMigration("v6 report generation") { db in
            // One number that every write to what the training reports read moves on, whichever program writes
            // (the server, the CLI beside it): a cached report is good while the number is the one it was made at.
            try db.create(table: "reportGeneration") { t in
                t.column("id", .integer).primaryKey().check { $0 == 1 }
                t.column("value", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO reportGeneration (id, value) VALUES (1, 0)")
            // Spelled out rather than shared with the code, so that this migration stays as it shipped.
            let sources = [
                "unit", "staff", "staffMove", "staffPlacement", "post", "meta", "trainingSession", "trainingAttendance", "trainingTrainer",
                "trainingRating", "curriculumStandard",
            ]
            for table in sources {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try db.execute(
                        sql: """
                            CREATE TRIGGER reportGeneration_\(table)_\(event.lowercased()) AFTER \(event) ON \(table)
                            BEGIN UPDATE reportGeneration SET value = value + 1; END
                            """)
                }
            }
        }
        registerContestMigration(&migrator)
        registerCertificateMigration(&migrator)
        registerRatingMigration(&migrator)
        registerPostCertificationMigration(&migrator)
        registerSelectionMigration(&migrator)
        registerSchoolMigration(&migrator)
        registerLessonFileMigration(&migrator)
        registerReviewMigration(&migrator)
        registerLearningMigration(&migrator)
        registerLastLoginMigration(&migrator)
        registerPlannedCloseMigration(&migrator)
        registerInstructionsMigration(&migrator)
        registerPointTallyMigration(&migrator)
        registerQuestionOwnerMigration(&migrator)
        return migrator
    }
}
