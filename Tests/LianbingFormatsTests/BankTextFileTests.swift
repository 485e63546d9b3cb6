import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

/// The file as a whole: encodings, files that are not text, and inputs meant to hurt.
@Suite("BankText files")
struct BankTextFileTests {
    /// A 判断 question with a comment, CRLF line ends, saved as GB18030 (`iconv -f UTF-8 -t GB18030`), as Notepad on
    /// a Chinese Windows machine saves "ANSI" text:
    /// `# 队伍建设` / `题号: GB-001` / `题型: 判断` / `知识点: 队伍建设/人员配备` / `难度: 1` /
    /// `出处: 粤退役军人发〔2023〕22号 二（五）17` / `题干: 服务站工作人员中退役军人比例原则上不少于三分之一。` / `答案: 对`.
    static let gb18030Question = Data([
        0x23, 0x20, 0xb6, 0xd3, 0xce, 0xe9, 0xbd, 0xa8, 0xc9, 0xe8, 0x0d, 0x0a, 0xcc, 0xe2, 0xba, 0xc5, 0x3a, 0x20, 0x47, 0x42,
        0x2d, 0x30, 0x30, 0x31, 0x0d, 0x0a, 0xcc, 0xe2, 0xd0, 0xcd, 0x3a, 0x20, 0xc5, 0xd0, 0xb6, 0xcf, 0x0d, 0x0a, 0xd6, 0xaa,
        0xca, 0xb6, 0xb5, 0xe3, 0x3a, 0x20, 0xb6, 0xd3, 0xce, 0xe9, 0xbd, 0xa8, 0xc9, 0xe8, 0x2f, 0xc8, 0xcb, 0xd4, 0xb1, 0xc5,
        0xe4, 0xb1, 0xb8, 0x0d, 0x0a, 0xc4, 0xd1, 0xb6, 0xc8, 0x3a, 0x20, 0x31, 0x0d, 0x0a, 0xb3, 0xf6, 0xb4, 0xa6, 0x3a, 0x20,
        0xd4, 0xc1, 0xcd, 0xcb, 0xd2, 0xdb, 0xbe, 0xfc, 0xc8, 0xcb, 0xb7, 0xa2, 0xa1, 0xb2, 0x32, 0x30, 0x32, 0x33, 0xa1, 0xb3,
        0x32, 0x32, 0xba, 0xc5, 0x20, 0xb6, 0xfe, 0xa3, 0xa8, 0xce, 0xe5, 0xa3, 0xa9, 0x31, 0x37, 0x0d, 0x0a, 0xcc, 0xe2, 0xb8,
        0xc9, 0x3a, 0x20, 0xb7, 0xfe, 0xce, 0xf1, 0xd5, 0xbe, 0xb9, 0xa4, 0xd7, 0xf7, 0xc8, 0xcb, 0xd4, 0xb1, 0xd6, 0xd0, 0xcd,
        0xcb, 0xd2, 0xdb, 0xbe, 0xfc, 0xc8, 0xcb, 0xb1, 0xc8, 0xc0, 0xfd, 0xd4, 0xad, 0xd4, 0xf2, 0xc9, 0xcf, 0xb2, 0xbb, 0xc9,
        0xd9, 0xd3, 0xda, 0xc8, 0xfd, 0xb7, 0xd6, 0xd6, 0xae, 0xd2, 0xbb, 0xa1, 0xa3, 0x0d, 0x0a, 0xb4, 0xf0, 0xb0, 0xb8, 0x3a,
        0x20, 0xb6, 0xd4, 0x0d, 0x0a,
    ])

    static let gb18030Expected = Question(
        id: "GB-001", kind: .trueFalse, stem: "服务站工作人员中退役军人比例原则上不少于三分之一。", answer: .trueFalse(true),
        knowledgePoints: ["队伍建设/人员配备"], difficulty: 1, source: "粤退役军人发〔2023〕22号 二（五）17")

    static let smallQuestion = "题号: B-1\n题型: 判断\n知识点: a/b\n难度: 1\n出处: s\n题干: 对吗？\n答案: 对\n"

    @Test("Given a GB18030 file with CRLF line ends, when read, then the question comes back in Chinese on the right line")
    func gb18030() throws {
        let read = try #require(BankText.read(Self.gb18030Question, file: "gb.txt").value)
        #expect(read.issues == [])
        #expect(read.questions == [LocatedQuestion(question: Self.gb18030Expected, file: "gb.txt", line: 2)])
    }

    @Test("Given UTF-8 with a BOM, when read, then the BOM is not part of the first key and lines count from 1")
    func utf8BOM() throws {
        let read = try #require(BankText.read(Data([0xEF, 0xBB, 0xBF]) + Data(Self.smallQuestion.utf8), file: "bom.txt").value)
        #expect(read.issues == [])
        #expect(read.questions.map(\.line) == [1])
        #expect(read.questions.first?.question.id == "B-1")
    }

    @Test("Given an empty file or a bare BOM, when read, then the file is refused as empty on line 0")
    func empty() {
        for data in [Data(), Data([0xEF, 0xBB, 0xBF])] {
            #expect(BankText.read(data, file: "e.txt").issues == [ImportIssue(file: "e.txt", line: 0, reason: "文件是空的")])
        }
    }

    @Test("Given a PNG, a workbook or bytes with NULs, when read, then the file is refused with one issue on line 0")
    func binary() {
        for data in [Fixture.pngHeader, Fixture.zipHeader, Data("题号: X\n".utf8) + Data([0, 1, 2, 3])] {
            let issues = BankText.read(data, file: "b.txt").issues
            #expect(issues.count == 1)
            #expect(issues.first?.line == 0)
            #expect(issues.first?.file == "b.txt")
        }
    }

    @Test("Given bytes that are neither UTF-8 nor GB18030, when read, then the file is refused")
    func undecodable() {
        // 0xFF never occurs in either encoding.
        let issues = BankText.read(Data("题号: X\n".utf8) + Data([0xFF, 0xFF, 0x41]), file: "x.txt").issues
        #expect(issues.map(\.line) == [0])
    }

    @Test("Given random bytes, when read, then reading never crashes and a refusal is always on line 0")
    func randomBytes() {
        var generator = SeededGenerator(seed: 7)
        for round in 0..<300 {
            let count = Int.random(in: 0..<2_000, using: &generator)
            // Half the rounds stay printable-ish so that they get past the binary check into the parser.
            let bytes = (0..<count).map { _ in
                round.isMultiple(of: 2)
                    ? UInt8.random(in: 0...255, using: &generator)
                    : [0x0A, 0x20, 0x3A, 0x5C, 0x7C, 0x2F, 0x3B, 0x41, 0x2E, 0x23, 0x5F, 0xE9, 0xA2, 0x98][Int.random(in: 0..<14, using: &generator)]
            }
            switch BankText.read(Data(bytes), file: "r.txt") {
            case .failure(let failure): #expect(failure.issues.allSatisfy { $0.line == 0 })
            case .success(let read): #expect(read.issues.allSatisfy { $0.line >= 1 })
            }
        }
    }

    @Test("Given random lines built from the format's own pieces, when read, then every issue has a line and nothing crashes")
    func randomStructure() {
        var generator = SeededGenerator(seed: 11)
        let pieces = [
            "题号: X-1", "题号: X-2", "题型: 单选", "题型: 填空", "题型: 简答", "题型: 判断", "知识点: a/b", "难度: 3", "出处: s",
            "题干: ____", "A. a", "B. b", "C. c", "I. i", "答案: A", "答案: 对", "答案: x|y", "参考答案: r", "评分要点: p", "  续行",
            "", "# 注释", "乱写", "键：", ":", "：", "A.", "A", "  ", "\t", "题号:", "答案: \\", "答案: ||//", "知识点: \\/\\;",
        ]
        for _ in 0..<300 {
            let lines = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            let text = lines.joined(separator: ["\n", "\r\n", "\r"].randomElement(using: &generator)!)
            guard case .success(let read) = BankText.read(Data(text.utf8), file: "s.txt") else { continue }
            #expect(read.issues.allSatisfy { (1...max(1, lines.count)).contains($0.line) }, "\(text)")
            for located in read.questions { #expect((1...lines.count).contains(located.line)) }
        }
    }

    @Test("Given a 10 MB value on one line, when read, then it is refused at its line, quickly, without quoting it")
    func hugeValue() throws {
        let huge = "题号: H-1\n题型: 判断\n题干: " + String(repeating: "长文", count: 10 * 1024 * 1024 / 6) + "\n答案: 对\n"
        let start = ContinuousClock.now
        let read = try #require(BankText.read(Data(huge.utf8), file: "h.txt").value)
        #expect(ContinuousClock.now - start < hugeInputTimeLimit)
        #expect(read.questions.isEmpty)
        #expect(read.issues.contains { $0.line == 3 && $0.reason.contains("内容过长") })
        #expect(read.issues.allSatisfy { $0.reason.count < 300 })
    }

    @Test("Given a 10 MB line that is not a key, an option or a continuation, when read, then it is one short issue")
    func hugeGarbageLine() throws {
        for line in [String(repeating: "乱", count: 3_500_000), String(repeating: "a", count: 10_000_000), "  " + String(repeating: "b", count: 10_000_000)] {
            let start = ContinuousClock.now
            let read = try #require(BankText.read(Data(line.utf8), file: "g.txt").value)
            #expect(ContinuousClock.now - start < hugeInputTimeLimit)
            #expect(read.issues.count == 1)
            #expect(read.issues.first?.line == 1)
            #expect((read.issues.first?.reason.count ?? .max) < 300)
        }
    }

    @Test("Given 10 MB of one-character lines, when read, then the time stays linear and the issues are capped with a summary")
    func manyShortLines() throws {
        let text = String(repeating: "乱\n", count: 2_500_000)
        let start = ContinuousClock.now
        let read = try #require(BankText.read(Data(text.utf8), file: "m.txt").value)
        #expect(ContinuousClock.now - start < hugeInputTimeLimit)
        #expect(read.questions.isEmpty)
        #expect(read.issues.count == BankText.maxIssuesPerFile + 1)
        #expect(read.issues.first?.line == 0)
        #expect(read.issues.first?.reason.contains("另有 \(2_500_000 - BankText.maxIssuesPerFile) 处未列出") == true)
    }

    @Test("Given 10,000 questions written by the writer, when read back, then all come back and none has an issue")
    func tenThousand() throws {
        let questions = (0..<10_000).map { index in
            Question(
                id: "Q\(index)", kind: .singleChoice, stem: "第\(index)题：关于服务站的问题\n第二行", options: ["甲\(index)", "乙", "丙", "丁"],
                answer: .choices([index % 4]), explanation: "解析", knowledgePoints: ["培训/第\(index % 50)类"], difficulty: 1 + index % 5,
                source: "某法 第\(index)条", tags: ["t\(index % 7)"])
        }
        let data = BankText.write(questions)
        let read = try #require(BankText.read(data, file: "big.txt").value)
        #expect(read.issues.isEmpty)
        #expect(read.questions.map(\.question) == questions)
    }
}
