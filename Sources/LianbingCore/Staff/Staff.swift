/// A member of staff (工作人员) of exactly one service unit. No national ID numbers are held.
public struct Staff: Sendable, Codable, Hashable {
    /// The staff number (工号), unique across the province.
    public var number: String
    public var name: String
    public var unitCode: String
    /// The post (岗位) name; posts are data, see `Post`.
    public var post: String
    /// 退役军人
    public var isVeteran: Bool
    /// 其他优抚对象
    public var isEntitledPerson: Bool
    /// 专长, e.g. 法律, 信息化, 心理服务.
    public var specialties: [String]
    public var hireDate: CivilDate?
    /// 在岗
    public var isActive: Bool
    /// 离职日期: from this date on they are no longer staff.
    public var leftOn: CivilDate?

    public init(
        number: String, name: String, unitCode: String, post: String, isVeteran: Bool = false,
        isEntitledPerson: Bool = false, specialties: [String] = [], hireDate: CivilDate? = nil, isActive: Bool = true,
        leftOn: CivilDate? = nil
    ) {
        self.number = number
        self.name = name
        self.unitCode = unitCode
        self.post = post
        self.isVeteran = isVeteran
        self.isEntitledPerson = isEntitledPerson
        self.specialties = specialties
        self.hireDate = hireDate
        self.isActive = isActive
        self.leftOn = leftOn
    }
}
