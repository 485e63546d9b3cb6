import Foundation
import Hummingbird

/// The address a sign-in QR code opens: `/training/sign-in?session=…&code=…` on this server.
///
/// A phone's camera needs an absolute address, so the host is the one the organiser's browser used to reach the
/// server (the `Host` header); its scheme is `https` when the server sits behind a TLS proxy (`--secure-cookies`).
/// A host that is not a plain name, IPv4 or bracketed IPv6 literal with an optional port is not trusted, and the
/// address stays relative.
enum SignInLink {
    static func path(session: Int64, code: String) -> String {
        "/training/sign-in?session=\(session)&code=\(code.urlEncoded)"
    }

    static func url(session: Int64, code: String, request: Request, secure: Bool = false) -> String {
        let path = path(session: session, code: code)
        guard let host = request.head.authority, isPlainHost(host) else { return path }
        return (secure ? "https://" : "http://") + host + path
    }

    static func isPlainHost(_ host: String) -> Bool {
        guard !host.isEmpty, host.count <= 255, !host.hasPrefix("."), !host.hasPrefix("-") else { return false }
        return host.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || ".-:[]".unicodeScalars.contains(scalar))
        }
    }
}
