import Foundation
import LianbingCore
import Testing

/// How a lesson's links are read: a file beside it by a name that never leaves its folder, a media file by a name that
/// is one file of the media folder, anything else left to the browser or refused.
@Suite struct LessonReferenceTests {
    @Test func destinationsAreClassified() {
        #expect(LessonReference(destination: "图1.png") == .local("图1.png"))
        #expect(LessonReference(destination: "./a/../b/%E5%9B%BE.png") == .local("b/图.png"))
        #expect(LessonReference(destination: "100%.pdf") == .local("100%.pdf"))
        for outside in ["../a.png", "a/../../b.png", "/etc/passwd", "%2E%2E/a.png", "."] { #expect(LessonReference(destination: outside) == .outside, "\(outside)") }
        for elsewhere in ["https://example.com/a.png", "//example.com/a.png", "data:image/png;base64,AA", "mailto:a@b.cn", "JavaScript:alert(1)"] {
            #expect(LessonReference(destination: elsewhere) == .elsewhere, "\(elsewhere)")
        }
        #expect(LessonReference(destination: "Media:wk.mp4") == .media("wk.mp4"))
        #expect(LessonReference(destination: "#讲解") == .anchor && LessonReference(destination: "") == .anchor)
    }

    @Test func mediaNamesAreOneFileOfTheFolder() {
        #expect(LessonMedia(name: "wk-xd19_v2.MP4")?.kind == .mp4)
        #expect(LessonMedia(name: "a.webm")?.kind.isVideo == true && LessonMedia(name: "a.m4a")?.kind.isVideo == false)
        for bad in ["../a.mp4", "a/b.mp4", ".mp4", "讲解.mp3", "a.mov", "a", "a.mp4%00", String(repeating: "a", count: 101) + ".mp3", "a b.mp3"] {
            #expect(LessonMedia(name: bad) == nil, "\(bad)")
        }
    }

    @Test func fileBytesMustBeWhatTheExtensionSays() {
        let gif = Data("GIF89a".utf8) + Data(count: 4)
        let webp = Data("RIFF".utf8) + Data(count: 4) + Data("WEBPVP8 ".utf8)
        #expect(LessonFile(name: "a.GIF", data: gif).problem == nil && LessonFile(name: "b.webp", data: webp).problem == nil)
        #expect(LessonFile(name: "a.jpg", data: Data([0xFF, 0xD8, 0xFF, 0xE0])).problem == nil)
        #expect(LessonFile(name: "a.jpeg", data: gif).problem == "内容不是扩展名所说的JPEG 图片")
        #expect(LessonFile(name: "a.webp", data: Data("RIFF0000WAVE".utf8)).problem != nil)
        #expect(LessonFile(name: "a.docx", data: gif).problem?.hasPrefix("本地文件只能是") == true)
        #expect(LessonFile.problem(name: "a.pdf", asImage: true) != nil && LessonFile.problem(name: "a.pdf", asImage: false) == nil)
    }
}
