import Testing

@testable import LianbingCore

@Suite("BankValidator warnings")
struct BankValidatorWarningTests {
    private static let longStem = "某镇退役军人服务站辖区退役军人较多、任务较重。按照行动计划，该站至少多长时间组织一次工作人员业务培训？"

    private func question(_ kind: QuestionKind, id: String, stem: String) -> Question {
        var question = BankValidatorFixture.question(kind, id: id)
        question.stem = stem
        return question
    }

    private func nearDuplicateWarnings(_ report: BankReport) -> [ImportIssue] {
        report.warnings.filter { $0.reason.contains("可能重复") }
    }

    @Test("Given the same stem with other punctuation, spacing and full-width letters, when validated, then it is reported as the same, naming both")
    func sameAfterNormalising() {
        let report = BankValidator.validate([
            BankValidatorFixture.located(question(.singleChoice, id: "N-1", stem: "按照行动计划，ABC站至少多长时间组织一次培训？"), file: "a.txt", line: 1),
            BankValidatorFixture.located(question(.singleChoice, id: "N-2", stem: "按照 行动计划 ＡＢＣ站至少多长时间组织一次培训。"), file: "b.txt", line: 30),
        ])
        #expect(
            nearDuplicateWarnings(report) == [
                ImportIssue(file: "b.txt", line: 30, reason: "N-2 题干与 N-1（a.txt 第 1 行）相同，可能重复")
            ])
        #expect(report.errors == [])
    }

    @Test("Given a long stem with one word changed, when validated, then it is reported as highly similar with a percentage")
    func oneWordChanged() {
        let changed = Self.longStem.replacingOccurrences(of: "业务培训", with: "业务学习")
        let report = BankValidator.validate([
            BankValidatorFixture.located(question(.singleChoice, id: "N-1", stem: Self.longStem), line: 1),
            BankValidatorFixture.located(question(.singleChoice, id: "N-2", stem: changed), line: 12),
        ])
        let warnings = nearDuplicateWarnings(report)
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 12)
        #expect(warnings.first?.reason.hasPrefix("N-2 题干与 N-1（a.txt 第 1 行）高度相似（") == true)
    }

    @Test("Given near-identical stems of different types, when validated, then they are not compared")
    func differentKinds() {
        let report = BankValidator.validate([
            BankValidatorFixture.located(question(.singleChoice, id: "N-1", stem: Self.longStem), line: 1),
            BankValidatorFixture.located(question(.shortAnswer, id: "N-2", stem: Self.longStem), line: 12),
        ])
        #expect(nearDuplicateWarnings(report) == [])
    }

    @Test("Given short stems that differ in their key word, when validated, then they are not duplicates")
    func shortStemsDiffer() {
        let report = BankValidator.validate([
            BankValidatorFixture.located(question(.trueFalse, id: "N-1", stem: "服务站每半年培训一次。"), line: 1),
            BankValidatorFixture.located(question(.trueFalse, id: "N-2", stem: "服务站每季度培训一次。"), line: 12),
        ])
        #expect(nearDuplicateWarnings(report) == [])
    }

    @Test("Given stems that share a long boilerplate opening but ask different things, when validated, then they are not duplicates")
    func sharedBoilerplate() {
        let opening = "根据《广东省退役军人服务中心（站）规范化建设行动计划》的要求，"
        let report = BankValidator.validate([
            BankValidatorFixture.located(question(.singleChoice, id: "N-1", stem: opening + "镇级服务站应当配备几名专职工作人员？"), line: 1),
            BankValidatorFixture.located(question(.singleChoice, id: "N-2", stem: opening + "县级服务中心多久组织一次业务培训？"), line: 12),
        ])
        #expect(nearDuplicateWarnings(report) == [])
    }

    @Test("Given a stem pasted into three questions, when validated, then each copy names the first, not each other")
    func threeCopies() {
        let report = BankValidator.validate((1...3).map { BankValidatorFixture.located(question(.trueFalse, id: "N-\($0)", stem: Self.longStem), line: $0 * 10) })
        let warnings = nearDuplicateWarnings(report)
        #expect(warnings.map(\.line) == [20, 30])
        #expect(warnings.allSatisfy { $0.reason.contains("N-1（a.txt 第 10 行）相同") })
    }

    @Test("Given a knowledge point used by one question only, when validated, then it is named with the question")
    func loneKnowledgePoint() {
        let report = BankValidator.validate([
            BankValidatorFixture.located(BankValidatorFixture.question(.trueFalse, id: "K-1", knowledgePoint: "队伍建设/培训"), line: 1),
            BankValidatorFixture.located(BankValidatorFixture.question(.singleChoice, id: "K-2", knowledgePoint: "队伍建设/培训"), line: 10),
            BankValidatorFixture.located(BankValidatorFixture.question(.fillBlank, id: "K-3", knowledgePoint: "队伍建设/培圳"), line: 20),
        ])
        #expect(
            report.warnings == [
                ImportIssue(file: "a.txt", line: 20, reason: "K-3 知识点“队伍建设/培圳”只有这一道题使用：如果不是笔误，可以忽略")
            ])
        #expect(report.errors == [])
    }

    @Test("Given a knowledge point listed twice in one question, when validated, then it still counts as one question")
    func knowledgePointTwiceInOneQuestion() {
        var question = BankValidatorFixture.question(.trueFalse, id: "K-1")
        question.knowledgePoints = ["a/b", "a/b"]
        #expect(BankValidator.validate([BankValidatorFixture.located(question)]).warnings.map(\.reason) == ["K-1 知识点“a/b”只有这一道题使用：如果不是笔误，可以忽略"])
    }

    @Test("Given the same bank in another order, when validated, then the report is identical")
    func deterministic() {
        var questions = (0..<40).map { index in
            BankValidatorFixture.located(
                question(QuestionKind.allCases[index % 5], id: "D-\(index)", stem: index % 4 == 0 ? Self.longStem : "不同的题干\(index)号，各不相同"),
                file: "f\(index % 3).txt", line: index)
        }
        let report = BankValidator.validate(questions)
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<5 {
            questions.shuffle(using: &generator)
            #expect(BankValidator.validate(questions) == report)
        }
        #expect(!nearDuplicateWarnings(report).isEmpty)
    }

    // MARK: Scale

    /// `count` valid questions with distinct random stems over a common boilerplate opening (so that frequent
    /// shingles exist), knowledge points shared by many questions, and distinct options.
    static func generatedBank(count: Int, seed: UInt64 = 20_231_122) -> [LocatedQuestion] {
        var generator = SeededGenerator(seed: seed)
        let characters = (0x4E00..<(0x4E00 + 3_000)).compactMap(Unicode.Scalar.init).map(Character.init)
        func words(_ n: Int) -> String { String((0..<n).map { _ in characters.randomElement(using: &generator)! }) }
        return (0..<count).map { index in
            let kind = QuestionKind.allCases[index % 5]
            var question = BankValidatorFixture.question(kind, id: "G-\(index)", knowledgePoint: "生成/知识点\(index % 97)")
            let stem = "根据行动计划，下列说法正确的是：" + words(Int.random(in: 20...40, using: &generator))
            question.stem = kind == .fillBlank ? stem + "____" : stem
            question.options = question.options.map { $0 + words(4) }
            question.difficulty = 1 + index % 5
            return BankValidatorFixture.located(question, file: "gen\(index % 20).txt", line: 1 + index * 12)
        }
    }

    @Test("Given 10,000 distinct generated questions, when validated, then there are no errors and no warnings")
    func tenThousandDistinct() {
        let report = BankValidator.validate(Self.generatedBank(count: 10_000))
        #expect(report.errors == [])
        #expect(report.warnings == [])
    }

    @Test("Given 10,000 questions with planted near-duplicates, when validated, then exactly the planted pairs are reported")
    func tenThousandWithPlanted() {
        var bank = Self.generatedBank(count: 10_000)
        // Question i + 5 has the same type as i; plant copies with a small change at a few places.
        var planted: [(original: String, copy: String)] = []
        for index in stride(from: 100, to: 10_000, by: 1_000) {
            let original = bank[index].question
            var copy = bank[index + 5]
            var stem = Array(original.stem)
            stem[stem.count / 2] = "某"  // one character in the random part
            copy.question.stem = String(stem)
            bank[index + 5] = copy
            planted.append((original.id, copy.question.id))
        }
        let report = BankValidator.validate(bank)
        #expect(report.errors == [])
        let warnings = nearDuplicateWarnings(report)
        #expect(warnings.count == planted.count, "\(warnings)")
        for (original, copy) in planted {
            #expect(warnings.contains { $0.reason.hasPrefix("\(copy) 题干与 \(original)（") }, "\(copy) ~ \(original)")
        }
    }
}

@Suite("NearDuplicateIndex")
struct NearDuplicateIndexTests {
    @Test("Given text with punctuation, spaces and full-width letters, when normalised, then only the words are left, lower-cased")
    func normalise() {
        let normalised = NearDuplicateIndex.normalise("“每半年”， Ａb\u{3000}c！____ (站)")
        #expect(String(String.UnicodeScalarView(normalised.compactMap(Unicode.Scalar.init))) == "每半年abc站")
    }

    @Test("Given texts of 0, 1, 2 and 3+ characters, when shingled, then short texts get one shingle and repeats count once")
    func shingles() {
        #expect(NearDuplicateIndex.shingles([]) == [])
        #expect(NearDuplicateIndex.shingles([65]).count == 1)
        #expect(NearDuplicateIndex.shingles([65, 66]).count == 1)
        #expect(NearDuplicateIndex.shingles([65, 66]) != NearDuplicateIndex.shingles([65]))
        #expect(NearDuplicateIndex.shingles([1, 2, 3, 1, 2, 3, 1, 2, 3]).count == 3)
    }

    @Test("Given random texts and their variants, when indexed, then the pairs are exactly those a brute-force comparison finds")
    func matchesBruteForce() {
        var generator = SeededGenerator(seed: 99)
        let alphabet = Array("甲乙丙丁戊己庚辛壬癸子丑")
        var texts: [String] = []
        for _ in 0..<300 {
            if !texts.isEmpty, Bool.random(using: &generator) {
                // A variant of an earlier text: a few characters changed.
                var characters = Array(texts.randomElement(using: &generator)!)
                for _ in 0..<Int.random(in: 0...2, using: &generator) where !characters.isEmpty {
                    characters[Int.random(in: 0..<characters.count, using: &generator)] = alphabet.randomElement(using: &generator)!
                }
                texts.append(String(characters))
            } else {
                texts.append(String((0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
            }
        }
        let index = NearDuplicateIndex(threshold: 0.8, maxPostings: .max)
        let found = Set(index.pairs(texts).map { "\($0.earlier)-\($0.later)" })

        // Brute force, with the same grouping of identical sets: a copy pairs with the first of its group only.
        let sets = texts.map { Set(NearDuplicateIndex.shingles(NearDuplicateIndex.normalise($0))) }
        var expected = Set<String>()
        var representatives: [Int] = []
        for later in sets.indices where !sets[later].isEmpty {
            if let first = representatives.first(where: { sets[$0] == sets[later] }) {
                expected.insert("\(first)-\(later)")
                continue
            }
            for earlier in representatives {
                let common = sets[earlier].intersection(sets[later]).count
                if Double(common) / Double(sets[earlier].union(sets[later]).count) >= 0.8 - 1e-9 { expected.insert("\(earlier)-\(later)") }
            }
            representatives.append(later)
        }
        #expect(found == expected)
        #expect(!expected.isEmpty)
    }
}
