/// Invented personal names that look like those on a Guangdong staff list.
enum DemoPersonNames {
    /// Weighted roughly by how common each surname is in Guangdong, where 陈, 李 and 黄 lead.
    static let surnames: [(String, Int)] = [
        ("陈", 12), ("李", 8), ("黄", 8), ("张", 5), ("梁", 5), ("林", 5), ("刘", 4), ("吴", 4), ("罗", 3),
        ("何", 3), ("郑", 3), ("杨", 3), ("谢", 2), ("钟", 2), ("邓", 2), ("叶", 2), ("冯", 2), ("曾", 2),
        ("周", 2), ("蔡", 2), ("许", 2), ("王", 2), ("苏", 2), ("卢", 2), ("赖", 1), ("朱", 1), ("潘", 1),
        ("彭", 1), ("胡", 1), ("莫", 1), ("徐", 1), ("邱", 1), ("温", 1), ("廖", 1), ("古", 1), ("欧阳", 1),
    ]

    // Given names are built from a first and a second character typical of each sex, which gives thousands
    // of combinations; characters that pair into words or famous names are left out or rejected below.
    static let maleFirsts = Array("志建国家俊文永德伟振汉子卓嘉浩宇晓海耀炳展")
    static let maleSeconds = Array("华明强辉峰斌涛杰勇鹏豪荣林彬亮平坤成东洪波雄生良威")
    static let maleSingles = Array("伟强军斌涛杰勇峰鹏辉浩磊波健彬明")
    static let femaleFirsts = Array("丽美秀晓雪春慧嘉淑玉桂佩咏婉雅静欣诗颖思凤")
    static let femaleSeconds = Array("芳娟玲婷敏霞燕琳华英萍仪珊雯怡欣琪莹虹芬兰清")
    static let femaleSingles = Array("芳娟敏静丽燕琳婷霞玲莉颖欣")

    /// Given names that are ordinary words, and full names of the famous.
    static let rejected: Set<String> = [
        "文明", "永生", "家生",
        "刘德华", "张国荣", "林俊杰", "张家辉", "黄晓明", "黄子华", "王杰", "张杰", "李健", "林峰", "欧阳峰",
        "李鹏", "胡春华", "周慧敏", "陈慧琳", "刘嘉玲", "梁咏琪", "邓丽欣", "钟嘉欣", "李嘉欣", "杨颖", "张敏",
    ]

    static func name(_ dice: inout DemoDice, male: Bool) -> String {
        while true {
            let surname = dice.pick(weighted: surnames)
            let given: String
            if dice.chance(0.25) {
                given = String(dice.pick(male ? maleSingles : femaleSingles))
            } else {
                let first = dice.pick(male ? maleFirsts : femaleFirsts)
                let second = dice.pick(male ? maleSeconds : femaleSeconds)
                guard first != second else { continue }
                given = String([first, second])
            }
            let full = surname + given
            if rejected.contains(given) || rejected.contains(full) { continue }
            return full
        }
    }
}
