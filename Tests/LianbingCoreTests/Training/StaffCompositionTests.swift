import LianbingCore
import Testing

@Suite("Training: staff composition (item 17)")
struct StaffCompositionTests {
    static func person(_ number: String, veteran: Bool = false, entitled: Bool = false, skills: [String] = [], active: Bool = true) -> Staff {
        Staff(number: number, name: number, unitCode: "u", post: Post.worker, isVeteran: veteran, isEntitledPerson: entitled, specialties: skills, isActive: active)
    }

    @Test("Given a unit's staff, then a person who is both counts once, the inactive not at all, and one third exactly passes")
    func counts() {
        let people = [
            Self.person("1", veteran: true, entitled: true), Self.person("2", skills: ["法律咨询"]), Self.person("3", skills: ["信息化", "法律"]),
            Self.person("4", veteran: true, active: false),
        ]
        let composition = StaffComposition(people)
        #expect(composition.staff == 3 && composition.veteransOrEntitled == 1 && !composition.isBelowOneThird)
        #expect(composition.specialists == ["法律": 2, "信息化": 1])
        #expect(StaffComposition(Array(people.prefix(3)) + [Self.person("5")]).isBelowOneThird)
        #expect(StaffComposition([]).veteranShare == nil && !StaffComposition([]).isBelowOneThird)
    }

    @Test("Given several units, then those below one third are listed worst first, ties by code")
    func flaggedOrder() {
        let none = StaffComposition([Self.person("a"), Self.person("b")])
        let quarter = StaffComposition([Self.person("a", veteran: true), Self.person("b"), Self.person("c"), Self.person("d")])
        let half = StaffComposition([Self.person("a", entitled: true), Self.person("b")])
        #expect(StaffComposition.flagged([("3", quarter), ("2", none), ("1", half), ("0", none)]) == ["0", "2", "3"])
    }
}
