import LianbingCore

/// A lesson's body as its page shows it: cmark-gfm's safe HTML, with the files beside the lesson and the media folder's
/// files pointed at where the server serves them, and the audio and video it links to, for players after the body.
public struct LessonHTML: Sendable {
    public struct Player: Sendable, Equatable {
        public var title: String
        public var url: String
        public var mediaType: String
        public var isVideo: Bool
    }

    public var html: String
    /// One per media file, in the order the body first links to them.
    public var players: [Player]

    /// `fileURL` maps a file's name (`LessonReference.local`) to its address, `mediaURL` a media file's. Anything else
    /// keeps its destination: a link to another site stays a link, and `course validate` has refused images from one
    /// (the page's Content-Security-Policy would not load them either).
    public init(body: String, fileURL: (String) -> String, mediaURL: (LessonMedia) -> String) {
        let document = MarkdownDocument(body)
        var players: [Player] = []
        document.rewriteDestinations { reference in
            switch LessonReference(destination: reference.destination) {
            case .local(let name): return fileURL(name)
            case .media(let name):
                guard let media = LessonMedia(name: name) else { return nil }
                let url = mediaURL(media)
                if !players.contains(where: { $0.url == url }) {
                    players.append(Player(title: reference.text.isEmpty ? name : reference.text, url: url, mediaType: media.kind.mediaType, isVideo: media.kind.isVideo))
                }
                return url
            case .anchor, .elsewhere, .outside: return nil
            }
        }
        html = document.html
        self.players = players
    }
}
