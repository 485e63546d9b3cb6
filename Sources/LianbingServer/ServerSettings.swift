import Foundation
import LianbingCore
import LianbingStore

/// Everything about the server that an operator may tune from the command line.
public struct ServerSettings: Sendable {
    public static let defaultMaxBodySize = 2 * 1024 * 1024

    public var host: String
    public var port: Int
    public var sessions: SessionPolicy
    public var maxBodySize: Int
    /// Set when a TLS-terminating proxy sits in front, so cookies are only sent over HTTPS.
    public var secureCookies: Bool
    public var throttle: LoginThrottle.Limits
    /// Wrong training sign-in codes, counted apart from logins. As logins, except that one address may fail more
    /// often: a whole training room signs in at once from behind one wifi gateway.
    public var signInThrottle: LoginThrottle.Limits
    /// The address of a reverse proxy whose `X-Forwarded-For` names the client (`ClientAddress`); without it every
    /// client behind the proxy would share the proxy's address, and one login budget.
    public var trustedProxy: String?
    /// Where the public reaches the product (`serve --public-url`): printed QR codes point there. Without it,
    /// pages that print a code say so instead of guessing an address from the request.
    public var publicURL: PublicURL?
    /// The folder of uploaded files (scanned certificates) beside the database: `serve` sets
    /// `FileStore.beside(databasePath:)`; by default a fresh temporary folder (tests, in-memory databases).
    public var files = FileStore.temporary()
    /// The folder of the lessons' audio and video (`serve --media`), outside git; nil: none, and media links answer 404.
    public var mediaFolder: URL?
    /// The shipped assessment blueprints offered on the create form: `serve` sets the `Blueprints/` it found
    /// (`--content-dir`); nil offers none. By default the working directory's, as tests run from a checkout.
    public var blueprintsFolder: URL? = URL(fileURLWithPath: "Blueprints", isDirectory: true)
    /// Lookups on the public certificate verification page per client address: 30 a minute is far above a person
    /// checking certificates by hand.
    public var verifyThrottle = LoginThrottle.Limits(perAccountAndAddress: 30, perAddress: 30, perAccount: .max, window: 60)

    public init(
        host: String = "127.0.0.1", port: Int = 8080, sessions: SessionPolicy = SessionPolicy(),
        maxBodySize: Int = ServerSettings.defaultMaxBodySize, secureCookies: Bool = false,
        throttle: LoginThrottle.Limits = LoginThrottle.Limits(), trustedProxy: String? = nil,
        signInThrottle: LoginThrottle.Limits = LoginThrottle.Limits(perAddress: 300), publicURL: PublicURL? = nil
    ) {
        self.publicURL = publicURL
        self.host = host
        self.port = port
        self.sessions = sessions
        self.maxBodySize = maxBodySize
        self.secureCookies = secureCookies
        self.throttle = throttle
        self.signInThrottle = signInThrottle
        self.trustedProxy = trustedProxy
    }
}
