import Foundation
import LianbingCore
import LianbingStore

/// What a live screen sends: the host's console, a judge, or a contestant's phone. One shape for all, each action
/// reading the fields it needs; the room checks who may send which.
struct LiveRequest: Decodable {
    var action: String
    var round: Int?
    var question: Int?
    var team: Int64?
    var verdict: AnswerVerdict?
    var amount: Int?
    var mark: Int?
    var running: Bool?
    var frozen: Bool?
    var sequence: Int?
    var text: String?
}

/// The whole picture a screen draws, sent after every change and on (re)connecting, so a screen that missed
/// messages only needs the next one. Keys and explanations appear only in the host's version.
struct LiveState: Encodable {
    let type = "state"
    var role: String
    var team: Int64?
    var contest: LiveContest
    var round: LiveRound?
    var question: ContestQuestionView?
    var timer: LiveTimer
    var buzz: LiveBuzz?
    /// Teams in the order the server received their buzzes for the open question: the host's console only.
    var buzzOrder: [LiveBuzz]?
    var board: [LiveStanding]
    var frozen: Bool
    var lastEvent: LiveEvent?
    /// Answers typed on contestants' phones for the open question: the host's console only.
    var answers: [LiveAnswer]?
    /// In a risk round, the order in which teams choose their stakes (lowest score first): the host's console only.
    var stakeOrder: [String]?
}

struct LiveContest: Encodable {
    var id: Int64
    var title: String
    var status: String
    var statusLabel: String
    var format: String
    var rounds: [LiveRound]
    var sequence: Int
}

struct LiveRound: Encodable {
    var number: Int
    var title: String
    var style: String
    var label: String
    var questions: Int
    var timeLimitSeconds: Int
    var stakes: [Int]
}

struct LiveTimer: Encodable {
    var running: Bool
    /// Milliseconds left when the message was made; screens count down from here.
    var remainingMilliseconds: Int
    var limitMilliseconds: Int
}

struct LiveBuzz: Encodable {
    var team: Int64
    var name: String
    var elapsedMilliseconds: Int?
}

struct LiveStanding: Encodable {
    var team: Int64
    var name: String
    var unitName: String
    var rank: Int
    var points: Double
    var pointsText: String
    var written: String
    var wrongAnswers: Int
}

struct LiveEvent: Encodable {
    var sequence: Int
    var label: String
    var teamName: String?
    var changeText: String
}

struct LiveAnswer: Encodable {
    var team: Int64
    var name: String
    var text: String
}

/// A refusal or an acknowledgement of one request.
struct LiveReply: Encodable {
    var type: String
    var action: String
    var message: String?
}
