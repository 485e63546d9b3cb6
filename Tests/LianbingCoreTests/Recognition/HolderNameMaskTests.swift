import LianbingCore
import Testing

@Suite("Recognition: holder names masked for the public verification page")
struct HolderNameMaskTests {
    @Test("Given names of one, two and more characters, then one shows *, two keep the first, more keep surname and last with one * between")
    func lengths() {
        #expect(HolderNameMask.mask("") == "")
        #expect(HolderNameMask.mask("   ") == "")
        #expect(HolderNameMask.mask("张") == "*")
        #expect(HolderNameMask.mask("张三") == "张*")
        #expect(HolderNameMask.mask("张小明") == "张*明")
        // However many are hidden, one * stands for them: the mask does not give away the length.
        #expect(HolderNameMask.mask("张小明明") == "张*明")
        #expect(HolderNameMask.mask("阿依古丽·买买提") == "阿*提")
    }

    @Test("Given compound surnames, then both characters are kept, and a one-character given name is hidden whole")
    func compoundSurnames() {
        #expect(HolderNameMask.mask("欧阳小明") == "欧阳*明")
        #expect(HolderNameMask.mask("欧阳明") == "欧阳*")
        #expect(HolderNameMask.mask("司马相如") == "司马*如")
        #expect(HolderNameMask.mask("诸葛亮") == "诸葛*")
        #expect(HolderNameMask.mask("第五伦") == "第五*")
        // Two characters are a surname and a given name, never a compound surname alone.
        #expect(HolderNameMask.mask("欧阳") == "欧*")
        // A name that merely starts like one (欧 alone) keeps one character.
        #expect(HolderNameMask.mask("欧明亮") == "欧*亮")
        #expect(HolderNameMask.compoundSurnames.count == 37)
        #expect(HolderNameMask.compoundSurnames.allSatisfy { $0.count == 2 })
        for surname in HolderNameMask.compoundSurnames {
            #expect(HolderNameMask.mask(surname + "明") == surname + "*")
            #expect(HolderNameMask.mask(surname + "小明") == surname + "*明")
        }
    }

    @Test("Given surrounding spaces and characters made of several code points, then spaces are trimmed and each character counts once")
    func graphemes() {
        #expect(HolderNameMask.mask("  张小明\n") == "张*明")
        #expect(HolderNameMask.mask("\t欧阳明 ") == "欧阳*")
        // é as e + combining accent, and a family emoji: one character each.
        #expect(HolderNameMask.mask("Re\u{301}") == "R*")
        #expect(HolderNameMask.mask("张👨‍👩‍👧明") == "张*明")
        #expect(HolderNameMask.mask("👨‍👩‍👧") == "*")
    }
}
