import LianbingStore
import Logging
import ServiceLifecycle

/// Submits attempts whose deadline has passed, so an exam is marked even if its browser never comes back.
/// Every read of an attempt does the same on the spot; this catches the ones nobody reads.
struct AttemptSweeper: Service {
    let database: AppDatabase
    let logger: Logger
    static let interval = Duration.seconds(5)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let submitted = try await database.submitExpiredAttempts()
                    if submitted > 0 { logger.info("auto-submitted attempts at their deadline", metadata: ["count": "\(submitted)"]) }
                } catch {
                    logger.error("attempt sweep failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: Self.interval)
            }
        }
    }
}
