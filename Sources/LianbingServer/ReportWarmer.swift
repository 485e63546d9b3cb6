import LianbingStore
import Logging
import ServiceLifecycle

/// Keeps the whole tree's training dashboard computed: after a write to what the reports read, the next round
/// recomputes them once, in the background, so the province's administrators rarely wait for them. Exam traffic does
/// not touch those tables, so on an exam day a round is a handful of cache hits.
struct ReportWarmer: Service {
    let database: AppDatabase
    let logger: Logger
    static let interval = Duration.seconds(30)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await database.warmTrainingReports()
                } catch {
                    logger.warning("training report warm-up failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: Self.interval)
            }
        }
    }
}
