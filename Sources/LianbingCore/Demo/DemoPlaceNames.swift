/// Invented names for towns and villages, in the style of Lingnan place names (凤岗, 沙坑, 龙塘, 新围).
///
/// Two characters: a descriptive first character and a landform second one, which is how most of the
/// province's villages are actually named.
enum DemoPlaceNames {
    static let firsts = Array("石沙龙凤新东西南北和平安乐大上下黄白青金长高横竹梅桂松永兴福太古连仁鹤马莲榕")
    static let seconds = Array("岗塘沙坑围田湖山头坪岭洲涌埔湾背圩墩岩溪桥门林园坊朗滘陂冲洞江")

    /// Pairs that read as ordinary words or famous places rather than as a village.
    static let rejected: Set<String> = [
        "大头", "上头", "下头", "白头", "平头", "石头", "上门", "大门", "上山", "下山", "下岗", "上岗",
        "金门", "黄山", "长江", "太湖", "西湖",
    ]

    /// A stem not yet used among `siblings`, which it is added to. Siblings may differ only in suffix
    /// (石龙镇 / 石龙街道) in reality, but that makes pick lists confusing, so stems are kept apart.
    static func stem(_ dice: inout DemoDice, siblings: inout Set<String>) -> String {
        while true {
            let first = dice.pick(firsts)
            let second = dice.pick(seconds)
            guard first != second else { continue }
            let stem = String([first, second])
            if rejected.contains(stem) || siblings.contains(stem) { continue }
            siblings.insert(stem)
            return stem
        }
    }
}
