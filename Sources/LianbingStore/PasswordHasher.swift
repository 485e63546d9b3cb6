import Dispatch
import HummingbirdBcrypt

/// bcrypt with a configurable cost, always run on a dispatch queue: a hash takes a quarter of a second at
/// cost 12, which must not stall the server's event loops or its two cooperative threads.
public struct PasswordHasher: Sendable {
    public let cost: UInt8
    private let decoyHash: String

    public init(cost: UInt8 = 12) {
        self.cost = cost
        decoyHash = Bcrypt.hash("lianbing-decoy", cost: cost)
    }

    public func hash(_ password: String) async -> String {
        let cost = self.cost
        return await offload { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async -> Bool {
        await offload { Bcrypt.verify(password, hash: hash) }
    }

    /// Spends the same time as a real check, so a wrong username answers no faster than a wrong password.
    public func verifyAgainstNothing(_ password: String) async {
        _ = await verify(password, hash: decoyHash)
    }

    private func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
