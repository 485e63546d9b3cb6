extension PaperAssembler {
    /// The drawn questions as a paper: sections in blueprint order, questions shuffled within each section (the
    /// draw order would otherwise show the cells), options of choice questions shuffled.
    mutating func paper(_ generator: inout SeededGenerator) -> Paper {
        for section in cursor.indices { cursor[section] = sectionStart[section] }
        for cell in cells.indices {
            let section = sectionOfCell[cell]
            for slot in cellStart[cell]..<cellStart[cell + 1] {
                ordered[cursor[section]] = drawn[slot]
                cursor[section] += 1
            }
        }
        for section in cursor.indices { generator.shuffle(&ordered, in: sectionStart[section]..<sectionStart[section + 1]) }
        var items: [PaperItem] = []
        items.reserveCapacity(ordered.count)
        for (position, index) in ordered.enumerated() {
            let question = pool[index]
            items.append(
                PaperItem(
                    questionId: question.id, revision: question.revision, section: sectionAt[position], points: pointsAt[position],
                    difficulty: question.difficulty, optionOrder: question.kind.hasOptions ? generator.optionOrder(question.optionCount) : []))
        }
        return Paper(items: items)
    }
}
