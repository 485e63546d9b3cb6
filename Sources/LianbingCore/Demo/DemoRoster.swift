/// Staffs every unit: one director (主任（站长）) each, and a level-dependent number of others.
enum DemoRoster {
    static let specialties = ["法律", "信息化", "心理服务", "财会", "就业指导"]

    /// Centres have reception desks and back offices; a village station's helper mostly runs errands and
    /// reports, so the mix of posts shifts with the level.
    private static func otherPosts(_ level: UnitLevel) -> [(String, Int)] {
        switch level {
        case .province, .city, .county: [(Post.receptionist, 3), (Post.worker, 4), (Post.agent, 1), (Post.informant, 2)]
        case .town: [(Post.receptionist, 2), (Post.worker, 3), (Post.agent, 2), (Post.informant, 2)]
        case .village: [(Post.receptionist, 1), (Post.worker, 1), (Post.agent, 2), (Post.informant, 3)]
        }
    }

    static func build(for units: [ServiceUnit], profile: DemoProfile, dice: inout DemoDice) -> [Staff] {
        var staff: [Staff] = []
        staff.reserveCapacity(units.count * 2)
        var numbers: Set<String> = []
        numbers.reserveCapacity(units.count * 2)
        for unit in units {
            let headCount =
                switch unit.level {
                case .village: dice.pick(weighted: profile.staffPerVillage)
                case .town: dice.int(in: profile.staffPerTown)
                case .province, .city, .county: dice.int(in: profile.staffPerCentre)
                }
            for position in 0..<headCount {
                let post = position == 0 ? Post.director : dice.pick(weighted: otherPosts(unit.level))
                let number = freshNumber(&dice, taken: &numbers)
                staff.append(member(number: number, unit: unit, post: post, dice: &dice))
            }
        }
        return staff
    }

    /// Random rather than sequential, so numbers carry no hint of unit or seniority, as in a real roster.
    private static func freshNumber(_ dice: inout DemoDice, taken: inout Set<String>) -> String {
        while true {
            let number = "GD" + String(dice.int(in: 1_000_000...9_999_999))
            if taken.insert(number).inserted { return number }
        }
    }

    private static func member(number: String, unit: ServiceUnit, post: String, dice: inout DemoDice) -> Staff {
        // Directors are more often veterans themselves; overall about 40% are, as the sector intends.
        let isVeteran = dice.chance(post == Post.director ? 0.45 : 0.35)
        let isEntitledPerson = !isVeteran && dice.chance(0.08)
        let name = DemoPersonNames.name(&dice, male: dice.chance(isVeteran ? 0.9 : 0.5))

        var skills: [String] = []
        if dice.chance(unit.level.isCentre ? 0.25 : 0.08) {
            skills.append(dice.pick(specialties))
            if dice.chance(0.15) {
                let second = dice.pick(specialties)
                if second != skills[0] { skills.append(second) }
            }
        }

        let year = dice.int(in: 2016...2025)
        let month = dice.int(in: 1...12)
        let day = dice.int(in: 1...CivilDate.daysIn(month: month, year: year))

        return Staff(
            number: number, name: name, unitCode: unit.code, post: post, isVeteran: isVeteran,
            isEntitledPerson: isEntitledPerson, specialties: skills, hireDate: CivilDate(year: year, month: month, day: day),
            isActive: !dice.chance(0.03))
    }
}
