/// The `--name value` options of a benchmark command; anything else is refused, so a typo cannot silently fall
/// back to a default.
struct BenchOptions {
    private var values: [String: String] = [:]

    init(_ arguments: ArraySlice<String>, allowed: Set<String>) throws {
        var rest = arguments[...]
        while let name = rest.popFirst() {
            guard name.hasPrefix("--"), allowed.contains(String(name.dropFirst(2))), let value = rest.popFirst() else {
                throw BenchError("unknown or incomplete option \(name); options: " + allowed.sorted().map { "--\($0) VALUE" }.joined(separator: " "))
            }
            values[String(name.dropFirst(2))] = value
        }
    }

    func int(_ name: String, _ fallback: Int) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), value > 0 else { throw BenchError("--\(name) wants a positive whole number, not \(text)") }
        return value
    }

    /// As `int`, and within `range`, so a value the run could not sensibly take is refused before anything starts.
    func int(_ name: String, _ fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        let value = try int(name, fallback)
        guard range.contains(value) else { throw BenchError("--\(name) is between \(range.lowerBound) and \(range.upperBound), not \(value)") }
        return value
    }

    func choice(_ name: String, _ fallback: String, of choices: [String]) throws -> String {
        let value = values[name] ?? fallback
        guard choices.contains(value) else { throw BenchError("--\(name) is one of \(choices.joined(separator: ", ")), not \(value)") }
        return value
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
