/// A refused form's messages placed beside the fields they are about, so a phone shows each where it is typed
/// (forms carry `novalidate`: browsers in messaging apps show no validation bubbles, and the server's message is
/// the one that counts). A message belongs to the first field whose wording it contains, as the store words its
/// refusals after the field ("答题时长须为…"); a message that names no field stays at the top of the form.
struct FieldMessages: Sendable {
    /// Form field name → its messages, joined.
    var byField: [String: String]
    var general: [String]
    var hasGeneral: Bool

    /// `fields`: field name and the words that name it, in the order to try them.
    init(_ messages: [String], fields: [(name: String, words: [String])]) {
        var byField: [String: [String]] = [:]
        var general: [String] = []
        for message in messages {
            if let field = fields.first(where: { $0.words.contains { message.contains($0) } }) {
                byField[field.name, default: []].append(message)
            } else {
                general.append(message)
            }
        }
        self.byField = byField.mapValues { $0.joined(separator: "；") }
        self.general = general
        hasGeneral = !general.isEmpty
    }

    static let none = FieldMessages([], fields: [])
}
