import GRDB
import LianbingCore

struct StaffRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "staff"
    var number: String
    var name: String
    var unitCode: String
    var post: String
    var isVeteran: Bool
    var isEntitledPerson: Bool
    /// `;`-separated, the same separator as the import file.
    var specialties: String
    var hireDate: String?
    var isActive: Bool
    var leftOn: String?

    init(_ staff: Staff) {
        number = staff.number
        name = staff.name
        unitCode = staff.unitCode
        post = staff.post
        isVeteran = staff.isVeteran
        isEntitledPerson = staff.isEntitledPerson
        specialties = staff.specialties.joined(separator: ";")
        hireDate = staff.hireDate?.description
        isActive = staff.isActive
        leftOn = staff.leftOn?.description
    }

    var staff: Staff {
        Staff(
            number: number, name: name, unitCode: unitCode, post: post, isVeteran: isVeteran,
            isEntitledPerson: isEntitledPerson, specialties: specialties.split(separator: ";").map(String.init),
            hireDate: hireDate.flatMap(CivilDate.init), isActive: isActive,
            leftOn: leftOn.flatMap(CivilDate.init))
    }
}
