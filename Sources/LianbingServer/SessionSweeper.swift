import LianbingStore
import Logging
import ServiceLifecycle

/// Deletes idle sessions every few minutes, so the table does not grow without bound.
struct SessionSweeper: Service {
    let database: AppDatabase
    let policy: SessionPolicy
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let removed = try await database.purgeSessions(policy: policy)
                    if removed > 0 { logger.info("removed idle sessions", metadata: ["count": "\(removed)"]) }
                } catch {
                    logger.error("session sweep failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: .seconds(300))
            }
        }
    }
}
