import LianbingCore
import Testing

@testable import LianbingFormats

/// A lesson's page points its files and media where the server serves them, by changing cmark's tree, and stays
/// cmark's safe rendering: nothing the author writes as HTML reaches the reader.
@Suite struct LessonHTMLTests {
    static func render(_ body: String) -> LessonHTML {
        LessonHTML(body: body, fileURL: { "/f/\($0)" }, mediaURL: { "/m/\($0.name)" })
    }

    @Test func relativeDestinationsPointAtTheServedFiles() {
        let page = Self.render("![图一](./图/1.png)\n\n[附件](附件.pdf) [上](#top) [网站](https://example.com/a.png) [外](../x.pdf)")
        #expect(page.html.contains(#"<img src="/f/%E5%9B%BE/1.png" alt="图一" />"#))
        #expect(page.html.contains(#"<a href="/f/%E9%99%84%E4%BB%B6.pdf">附件</a>"#))
        // What is not a file beside the lesson keeps its destination (validate has refused the rest).
        #expect(page.html.contains(##"href="#top""##) && page.html.contains(#"href="https://example.com/a.png""#) && page.html.contains(#"href="../x.pdf""#))
        #expect(page.players.isEmpty)
    }

    @Test func mediaLinksBecomePlayersAndDownloadLinks() {
        let page = Self.render("看 [讲解 *视频*](media:wk-1.mp4)，听 [录音](media:wk-1.mp3)，再看 [一遍](media:wk-1.mp4)。[坏](media:../a.mp4)")
        #expect(page.players == [
            LessonHTML.Player(title: "讲解 视频", url: "/m/wk-1.mp4", mediaType: "video/mp4", isVideo: true),
            LessonHTML.Player(title: "录音", url: "/m/wk-1.mp3", mediaType: "audio/mpeg", isVideo: false),
        ])
        #expect(page.html.contains(#"<a href="/m/wk-1.mp4">讲解 <em>视频</em></a>"#))
        #expect(!page.html.contains("/m/../a.mp4"))
    }

    @Test func nothingActiveComesFromRawHTMLOrARewrite() {
        let page = LessonHTML(
            body: "<video src=x onerror=alert(1)></video>\n\n行内 <audio src=y>\n\n![图](1.png) [视频](media:a.mp4)",
            fileURL: { _ in "javascript:alert(2)" }, mediaURL: { _ in "/m/a.mp4" })
        let html = page.html.lowercased()
        for active in ["<video", "<audio", "onerror", "javascript:"] { #expect(!html.contains(active), "\(active) survived: \(html)") }
        #expect(html.contains("raw html omitted") && html.contains(#"href="/m/a.mp4""#))
    }
}
