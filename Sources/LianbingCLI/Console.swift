import Foundation

/// Output for people: results to standard output, problems and progress to standard error.
enum Console {
    /// Written straight to the file descriptor: `print` would sit in a buffer when output goes to a log file,
    /// and the start-up lines of `serve` would not appear until much later.
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Progress only on a terminal, so scripts and logs get clean output.
    static var showsProgress: Bool { isatty(STDERR_FILENO) != 0 }

    static func progress(_ done: Int, of total: Int, _ label: String) {
        guard showsProgress, total > 0 else { return }
        let text = "\r\(label) \(done)/\(total)" + (done == total ? "\n" : "")
        FileHandle.standardError.write(Data(text.utf8))
    }
}
