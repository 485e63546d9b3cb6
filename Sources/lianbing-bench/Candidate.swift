import Foundation
import LianbingCore
import LianbingStore
import NIOCore

/// One candidate as the benchmarks drive them: a session, then an attempt.
struct Candidate {
    let session: LoadSessionCookie
    var attempt: StartedAttempt?
    var saves = 0

    init(_ session: LoadSession) {
        self.session = LoadSessionCookie(cookie: "lb_session=" + session.token, csrfToken: session.csrfToken)
    }

    /// An answer of the item's shape; a different `variant` gives a different answer where the shape allows.
    static func response(to item: StartedAttempt.Item, variant: Int) -> Response {
        switch item.kind {
        case .singleChoice, .multipleChoice: .choices([variant % max(1, item.options.count)])
        case .trueFalse: .trueFalse(variant % 2 == 0)
        case .fillBlank: .blanks((0..<item.blanks).map { "答\(variant)-\($0)" })
        case .shortAnswer: .text("作答 \(variant)：按规定及时办理，做好台账记录。")
        }
    }

    private struct SaveBody: Encodable { var response: Response }

    /// `{"response": …}`; encoding strings, numbers and booleans cannot fail.
    static func saveBody(_ response: Response) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONEncoder().encode(SaveBody(response: response)))
    }
}

/// What the start response tells the benchmarks (the rest of the attempt view is only carried).
struct StartedAttempt: Decodable {
    struct Item: Decodable {
        var kind: QuestionKind
        var options: [String]
        var blanks: Int
        var response: Response?
    }

    var id: Int64
    var deadline: Date?
    var serverTime: Date
    var items: [Item]

    static func decode(_ body: ByteBuffer) -> StartedAttempt? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(StartedAttempt.self, from: Data(body.readableBytesView))
    }
}
