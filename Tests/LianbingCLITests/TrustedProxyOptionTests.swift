import ArgumentParser
@testable import LianbingCLI
import Testing

@Suite struct TrustedProxyOptionTests {
    @Test func trustedProxyMustBeAnIPAddress() throws {
        #expect(try ServeCommand.parse(["--trusted-proxy", "10.0.0.2"]).trustedProxy == "10.0.0.2")
        #expect(try ServeCommand.parse(["--trusted-proxy", "::1"]).trustedProxy == "::1")
        #expect(try ServeCommand.parse([]).trustedProxy == nil)
        for bad in ["proxy.local", "10.0.0.256", "10.0.0.2:8080", ""] {
            #expect(throws: (any Error).self, "\(bad)") { try ServeCommand.parse(["--trusted-proxy", bad]) }
        }
    }
}
