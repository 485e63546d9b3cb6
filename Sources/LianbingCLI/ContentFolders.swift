import Foundation

/// Where `serve` finds the content kept in git — the bank (`QuestionBank/`), the assessment blueprints
/// (`Blueprints/`) and the lessons (`Courseware/`) — wherever the binary is started from, without copying it
/// anywhere. All three come from one place, the first that holds any of them, because lessons are checked against
/// the bank beside them. An explicit `--content-dir` is the only place looked at: the operator said where, and a
/// stray `QuestionBank/` in the working directory must not win over it. Otherwise: the working directory, the
/// executable's folder and the one above it (`/opt/lianbing/bin/lianbing` beside `/opt/lianbing/QuestionBank`),
/// then `/usr/share/lianbing`.
struct ContentFolders: Equatable {
    enum Kind: String, CaseIterable {
        case bank = "QuestionBank"
        case blueprints = "Blueprints"
        case courseware = "Courseware"

        var label: String {
            switch self {
            case .bank: "题库"
            case .blueprints: "组卷规则"
            case .courseware: "微课"
            }
        }
    }

    struct Place: Equatable {
        var folder: URL
        /// How start-up names it: 工作目录, 程序所在目录, --content-dir…
        var role: String

        var description: String { "\(folder.path)（\(role)）" }
    }

    static let systemFolder = URL(fileURLWithPath: "/usr/share/lianbing", isDirectory: true)

    /// The place used; nil when no place holds any of the folders.
    var place: Place?
    var found: [Kind]
    /// Every place looked at, named in the warning when nothing was found.
    var searched: [Place]

    func folder(_ kind: Kind) -> URL? {
        found.contains(kind) ? place?.folder.appendingPathComponent(kind.rawValue, isDirectory: true) : nil
    }

    /// The places to look, in order, each once.
    static func places(contentDir: String?, workingDirectory: URL, executable: URL?, system: URL = systemFolder) -> [Place] {
        if let contentDir { return [Place(folder: URL(fileURLWithPath: contentDir, isDirectory: true).standardizedFileURL, role: "--content-dir")] }
        let beside = executable.map { $0.resolvingSymlinksInPath().deletingLastPathComponent() }
        let candidates = [
            Place(folder: workingDirectory, role: "工作目录"),
            beside.map { Place(folder: $0, role: "程序所在目录") },
            beside.map { Place(folder: $0.deletingLastPathComponent(), role: "程序上一级目录") },
            Place(folder: system, role: "系统目录"),
        ].compactMap { $0 }.map { Place(folder: $0.folder.standardizedFileURL, role: $0.role) }
        var seen: Set<String> = []
        return candidates.filter { seen.insert($0.folder.path).inserted }
    }

    /// The content folders each place holds, in `Kind` order.
    static func held(in folder: URL) -> [Kind] {
        Kind.allCases.filter { kind in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(kind.rawValue).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
    }

    static func locate(_ places: [Place]) -> ContentFolders {
        for place in places {
            let found = held(in: place.folder)
            if !found.isEmpty { return ContentFolders(place: place, found: found, searched: places) }
        }
        return ContentFolders(place: nil, found: [], searched: places)
    }

    /// What start-up says: where the content comes from, or a warning naming every place looked at.
    func report(demo: Bool) -> (lines: [String], warning: String?) {
        guard let place else {
            let names = Kind.allCases.map { $0.rawValue + "/" }.joined(separator: "、")
            let effect = "新建考试页不提供现成的组卷规则" + (demo ? "，演示题库、微课和考试为空" : "")
            return ([], "警告：未找到内容文件夹（\(names)），已查找 \(searched.map(\.description).joined(separator: "、"))；\(effect)。可用 --content-dir 指定。")
        }
        let held = found.map { "\($0.label) \($0.rawValue)/" }.joined(separator: "、")
        let missing = Kind.allCases.filter { !found.contains($0) }.map { "\($0.rawValue)/" }
        return (["内容文件夹：\(place.description)：\(held)" + (missing.isEmpty ? "。" : "；没有 \(missing.joined(separator: "、"))。")], nil)
    }
}
