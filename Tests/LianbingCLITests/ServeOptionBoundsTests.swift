import ArgumentParser
@testable import LianbingCLI
import Testing

@Suite struct ServeOptionBoundsTests {
    @Test func optionsThatAreMultipliedOutAreBoundedFirst() throws {
        #expect(try ServeCommand.parse(["--session-idle-minutes", "10080", "--max-body-kb", "1048576"]).maxBodyKb == 1_048_576)
        for bad in [
            ["--max-body-kb", "9223372036854775807"], ["--max-body-kb", "0"], ["--session-idle-minutes", "153722867280912931"],
            ["--session-idle-minutes", "0"], ["--port", "70000"],
        ] {
            #expect(throws: (any Error).self, "\(bad)") { try ServeCommand.parse(bad) }
        }
    }
}
