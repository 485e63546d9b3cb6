import Foundation
import LianbingCore
import LianbingStore

/// Signing in to a training session with the code from the organiser's screen, for the API and the page alike.
///
/// A code is six digits, so wrong ones are throttled as wrong passwords are (`LoginThrottle`, keyed by account and
/// client address): every refused attempt counts, and once over a limit the caller waits (429 with `Retry-After`)
/// without the code being looked at. The counts are kept apart from the login ones, so mistyped codes never stop
/// anybody from logging in.
struct SignInGate: Sendable {
    let database: AppDatabase
    let throttle: LoginThrottle

    func signIn(code: String, session: Int64?, by principal: Principal, address: String?) async throws -> SignInReceipt {
        // The stored username, so that every spelling of one account shares one count.
        var account = "operator"
        if case .account(_, let username, _, _) = principal.kind { account = username.lowercased() }
        if let wait = await throttle.retryAfter(account: account, address: address) {
            throw LianbingError.throttled(retryAfter: wait)
        }
        do {
            let receipt = try await database.signIn(code: code, session: session, by: principal)
            await throttle.recordSuccess(account: account, address: address)
            return receipt
        } catch let error as LianbingError {
            await throttle.recordFailure(account: account, address: address)
            throw error
        }
    }
}
