/// Guangdong's prefecture-level cities and their county-level divisions (GB/T 2260, as of 2023).
///
/// Real names and codes make the demo recognisable to staff who know their own area; only the levels
/// below the county are invented.
enum GuangdongCities {
    struct City: Sendable {
        /// The first four digits of the statistical code, e.g. `4401`.
        var prefix: String
        var name: String
        /// Six-digit prefixes and names. Empty for the two cities whose towns sit directly under the city.
        var counties: [(prefix: String, name: String)]
    }

    static let provinceCode = "440000000000"
    static let provinceName = "广东省"

    static let all: [City] = [
        City(prefix: "4401", name: "广州市", counties: [
            ("440103", "荔湾区"), ("440104", "越秀区"), ("440105", "海珠区"), ("440106", "天河区"),
            ("440111", "白云区"), ("440112", "黄埔区"), ("440113", "番禺区"), ("440114", "花都区"),
            ("440115", "南沙区"), ("440117", "从化区"), ("440118", "增城区"),
        ]),
        City(prefix: "4402", name: "韶关市", counties: [
            ("440203", "武江区"), ("440204", "浈江区"), ("440205", "曲江区"), ("440222", "始兴县"),
            ("440224", "仁化县"), ("440229", "翁源县"), ("440232", "乳源瑶族自治县"), ("440233", "新丰县"),
            ("440281", "乐昌市"), ("440282", "南雄市"),
        ]),
        City(prefix: "4403", name: "深圳市", counties: [
            ("440303", "罗湖区"), ("440304", "福田区"), ("440305", "南山区"), ("440306", "宝安区"),
            ("440307", "龙岗区"), ("440308", "盐田区"), ("440309", "龙华区"), ("440310", "坪山区"),
            ("440311", "光明区"),
        ]),
        City(prefix: "4404", name: "珠海市", counties: [
            ("440402", "香洲区"), ("440403", "斗门区"), ("440404", "金湾区"),
        ]),
        City(prefix: "4405", name: "汕头市", counties: [
            ("440507", "龙湖区"), ("440511", "金平区"), ("440512", "濠江区"), ("440513", "潮阳区"),
            ("440514", "潮南区"), ("440515", "澄海区"), ("440523", "南澳县"),
        ]),
        City(prefix: "4406", name: "佛山市", counties: [
            ("440604", "禅城区"), ("440605", "南海区"), ("440606", "顺德区"), ("440607", "三水区"),
            ("440608", "高明区"),
        ]),
        City(prefix: "4407", name: "江门市", counties: [
            ("440703", "蓬江区"), ("440704", "江海区"), ("440705", "新会区"), ("440781", "台山市"),
            ("440783", "开平市"), ("440784", "鹤山市"), ("440785", "恩平市"),
        ]),
        City(prefix: "4408", name: "湛江市", counties: [
            ("440802", "赤坎区"), ("440803", "霞山区"), ("440804", "坡头区"), ("440811", "麻章区"),
            ("440823", "遂溪县"), ("440825", "徐闻县"), ("440881", "廉江市"), ("440882", "雷州市"),
            ("440883", "吴川市"),
        ]),
        City(prefix: "4409", name: "茂名市", counties: [
            ("440902", "茂南区"), ("440904", "电白区"), ("440981", "高州市"), ("440982", "化州市"),
            ("440983", "信宜市"),
        ]),
        City(prefix: "4412", name: "肇庆市", counties: [
            ("441202", "端州区"), ("441203", "鼎湖区"), ("441204", "高要区"), ("441223", "广宁县"),
            ("441224", "怀集县"), ("441225", "封开县"), ("441226", "德庆县"), ("441284", "四会市"),
        ]),
        City(prefix: "4413", name: "惠州市", counties: [
            ("441302", "惠城区"), ("441303", "惠阳区"), ("441322", "博罗县"), ("441323", "惠东县"),
            ("441324", "龙门县"),
        ]),
        City(prefix: "4414", name: "梅州市", counties: [
            ("441402", "梅江区"), ("441403", "梅县区"), ("441422", "大埔县"), ("441423", "丰顺县"),
            ("441424", "五华县"), ("441426", "平远县"), ("441427", "蕉岭县"), ("441481", "兴宁市"),
        ]),
        City(prefix: "4415", name: "汕尾市", counties: [
            ("441502", "城区"), ("441521", "海丰县"), ("441523", "陆河县"), ("441581", "陆丰市"),
        ]),
        City(prefix: "4416", name: "河源市", counties: [
            ("441602", "源城区"), ("441621", "紫金县"), ("441622", "龙川县"), ("441623", "连平县"),
            ("441624", "和平县"), ("441625", "东源县"),
        ]),
        City(prefix: "4417", name: "阳江市", counties: [
            ("441702", "江城区"), ("441704", "阳东区"), ("441721", "阳西县"), ("441781", "阳春市"),
        ]),
        City(prefix: "4418", name: "清远市", counties: [
            ("441802", "清城区"), ("441803", "清新区"), ("441821", "佛冈县"), ("441823", "阳山县"),
            ("441825", "连山壮族瑶族自治县"), ("441826", "连南瑶族自治县"), ("441881", "英德市"), ("441882", "连州市"),
        ]),
        City(prefix: "4419", name: "东莞市", counties: []),
        City(prefix: "4420", name: "中山市", counties: []),
        City(prefix: "4451", name: "潮州市", counties: [
            ("445102", "湘桥区"), ("445103", "潮安区"), ("445122", "饶平县"),
        ]),
        City(prefix: "4452", name: "揭阳市", counties: [
            ("445202", "榕城区"), ("445203", "揭东区"), ("445222", "揭西县"), ("445224", "惠来县"),
            ("445281", "普宁市"),
        ]),
        City(prefix: "4453", name: "云浮市", counties: [
            ("445302", "云城区"), ("445303", "云安区"), ("445321", "新兴县"), ("445322", "郁南县"),
            ("445381", "罗定市"),
        ]),
    ]

    /// Towns (镇) and subdistricts (街道) under 东莞 and 中山, which have no county level.
    static let directTownCounts: [String: Int] = ["4419": 32, "4420": 23]

    /// The share of an area's towns that are urban subdistricts (街道) rather than towns (镇); it also
    /// decides how many of the stations below are communities (社区) rather than villages (村).
    static func urbanity(prefix: String, name: String) -> Double {
        // Shenzhen abolished its towns and villages in 2004; Guangzhou's old core is all subdistricts.
        if prefix.hasPrefix("4403") || ["440103", "440104", "440105", "440106"].contains(prefix) { return 1 }
        switch prefix {
        case "4419": return 4.0 / 32  // 东莞: 4 subdistricts, 28 towns
        case "4420": return 8.0 / 23  // 中山: 8 subdistricts, 15 towns
        default: return name.hasSuffix("区") ? 0.4 : 0.15  // a county keeps a subdistrict or two at its seat
        }
    }

    /// The three cities of the small demo, three real divisions each: an urban core, a suburb and a
    /// rural or mountain county, so every kind of area shows up.
    static let demoSelection: [(city: String, counties: [String])] = [
        ("4401", ["440106", "440111", "440117"]),
        ("4402", ["440203", "440232", "440282"]),
        ("4414", ["441402", "441403", "441481"]),
    ]

    /// 从化区, 广州: a rural district inside a big city, so the `county` and `trainer` demo accounts see
    /// real village stations. Present in both scales.
    static let designatedCounty = "440117"

    static func city(_ prefix: String) -> City { all.first { $0.prefix == prefix }! }
}
