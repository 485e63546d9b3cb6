import Testing

@testable import LianbingFormats

/// Lessons are rendered by cmark-gfm in its safe mode: CommonMark as its spec defines it, GitHub's tables, and nothing
/// a lesson's author could use to run code in a reader's browser.
@Suite struct MarkdownDocumentTests {
    /// Examples from the CommonMark spec (0.29) and the GFM spec's table example 198, with the HTML they give there.
    @Test func rendersAsTheSpecsSay() {
        #expect(MarkdownDocument("*foo*").html == "<p><em>foo</em></p>\n")
        #expect(MarkdownDocument("# foo").html == "<h1>foo</h1>\n")
        #expect(MarkdownDocument("> # Foo\n> bar\n> baz").html == "<blockquote>\n<h1>Foo</h1>\n<p>bar\nbaz</p>\n</blockquote>\n")
        #expect(MarkdownDocument("[link](/uri \"title\")").html == "<p><a href=\"/uri\" title=\"title\">link</a></p>\n")
        #expect(MarkdownDocument("| foo | bar |\n| --- | --- |\n| baz | bim |").html == """
            <table>
            <thead>
            <tr>
            <th>foo</th>
            <th>bar</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>baz</td>
            <td>bim</td>
            </tr>
            </tbody>
            </table>

            """)
        #expect(MarkdownDocument("中文**加粗**与`代码`").html == "<p>中文<strong>加粗</strong>与<code>代码</code></p>\n")
    }

    @Test func nothingALessonContainsRunsInTheBrowser() {
        let hostile = """
            <script>alert(1)</script>

            <div onclick="alert(2)">块</div>

            行内 <img src=x onerror="alert(3)"> 和 <a href="javascript:alert(4)">链接</a>

            [点我](javascript:alert(5)) [再点](JaVaScRiPt:alert(6)) [vb](vbscript:msgbox) ![图](javascript:alert(7))

            [数据](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==)

            <iframe src="https://example.com"></iframe>
            """
        let html = MarkdownDocument(hostile).html.lowercased()
        for active in ["<script", "onclick", "onerror", "javascript:", "vbscript:", "data:text/html", "<iframe", "<img src=x", "<div"] {
            #expect(!html.contains(active), "\(active) survived: \(html)")
        }
        #expect(html.contains("raw html omitted"))
        // The text around them is kept.
        #expect(html.contains("行内") && html.contains("点我"))
    }

    @Test func findsTheFilesALessonRefersToWithTheirLines() {
        let document = MarkdownDocument("# 题\n\n见 [附件](附件.pdf)。\n\n第二段\n![图一](图1.png) 和 [外链](https://example.com)")
        #expect(document.references.map(\.destination) == ["附件.pdf", "图1.png", "https://example.com"])
        #expect(document.references.map(\.isImage) == [false, true, false])
        // Inline nodes carry their own line: the image is on the paragraph's second line.
        #expect(document.references.map(\.line) == [3, 6, 6])
    }
}
