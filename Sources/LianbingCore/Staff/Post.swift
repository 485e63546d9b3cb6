/// A post (岗位). Posts are data; these five are seeded, administrators may add more.
public enum Post {
    public static let director = "主任（站长）"
    public static let receptionist = "接访员"
    public static let worker = "工作人员"
    public static let agent = "代办员"
    public static let informant = "信息员"

    public static let seeded = [director, receptionist, worker, agent, informant]
}
