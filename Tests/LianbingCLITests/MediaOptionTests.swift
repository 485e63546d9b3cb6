import ArgumentParser
import Foundation
@testable import LianbingCLI
import Testing

@Suite struct MediaOptionTests {
    @Test func theMediaFolderMustBeAnExistingFolder() throws {
        let folder = FileManager.default.temporaryDirectory.path
        #expect(try ServeCommand.parse(["--media", folder]).media == folder)
        #expect(try ServeCommand.parse([]).media == nil)
        #expect(throws: (any Error).self) { try ServeCommand.parse(["--media", "/nonexistent/lianbing-media"]) }
        #expect(throws: (any Error).self) { try ServeCommand.parse(["--media", "/etc/hostname"]) }
    }
}
