import Foundation
import Hummingbird
import HummingbirdWebSocket
import LianbingCore
import LianbingStore
import Logging

/// Builds the router: middleware outermost first, then every controller's routes.
public func buildRouter(database: AppDatabase, settings: ServerSettings) async throws -> Router<AppRequestContext> {
    let pages = try await PageRenderer.load()
    let throttle = LoginThrottle(limits: settings.throttle, clock: database.clock)
    // Wrong sign-in codes count as wrong passwords do, but apart from them: a mistyped code never blocks a login.
    let signIns = SignInGate(database: database, throttle: LoginThrottle(limits: settings.signInThrottle, clock: database.clock))
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ErrorMiddleware(pages: pages))
    router.add(middleware: RequestTargetMiddleware())
    router.add(middleware: ClientAddressMiddleware(trustedProxy: settings.trustedProxy))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: BodyLimitMiddleware(limit: settings.maxBodySize))
    if let assets = Bundle.module.url(forResource: "Public", withExtension: nil) {
        router.add(middleware: FileMiddleware(assets.path, urlBasePath: "/assets", cacheControl: .init([(MediaType(type: .any), [.maxAge(3600)])])))
    }
    router.add(middleware: SessionMiddleware(database: database, policy: settings.sessions))
    router.add(middleware: CSRFMiddleware())
    HomeController(database: database, pages: pages).addRoutes(to: router)
    SessionController(database: database, pages: pages, throttle: throttle, settings: settings).addRoutes(to: router)
    UnitsController(database: database, pages: pages).addRoutes(to: router)
    StaffController(database: database, pages: pages).addRoutes(to: router)
    StaffEditPagesController(database: database, pages: pages).addRoutes(to: router)
    AccountsController(database: database, pages: pages).addRoutes(to: router)
    AuditController(database: database, pages: pages).addRoutes(to: router)
    BankController(database: database, pages: pages).addRoutes(to: router)
    BankEditController(database: database, pages: pages).addRoutes(to: router)
    BankImportController(database: database, pages: pages).addRoutes(to: router)
    ExamsController(database: database).addRoutes(to: router)
    ExamPagesController(database: database, pages: pages).addRoutes(to: router)
    ExamCreationController(database: database, pages: pages, shipped: ShippedBlueprints(directory: settings.blueprintsFolder)).addRoutes(to: router)
    CandidatePagesController(database: database, pages: pages).addRoutes(to: router)
    ExamReportsController(database: database, pages: pages).addRoutes(to: router)
    ResultsOverviewController(database: database, pages: pages).addRoutes(to: router)
    MarkingPagesController(database: database, pages: pages).addRoutes(to: router)
    ScoreReviewPagesController(database: database, pages: pages).addRoutes(to: router)
    AttemptsController(database: database).addRoutes(to: router)
    MyPagesController(database: database, pages: pages).addRoutes(to: router)
    TrainingSessionsController(database: database).addRoutes(to: router)
    TrainingInviteesController(database: database).addRoutes(to: router)
    TrainingAttendanceController(database: database).addRoutes(to: router)
    TrainingSignInController(database: database, gate: signIns, secure: settings.secureCookies).addRoutes(to: router)
    TrainingRatingsController(database: database).addRoutes(to: router)
    TrainingPagesController(database: database, pages: pages).addRoutes(to: router)
    TrainingDetailController(database: database, pages: pages).addRoutes(to: router)
    TrainingAttendancePagesController(database: database, pages: pages).addRoutes(to: router)
    TrainingSignInPagesController(database: database, pages: pages, gate: signIns, secure: settings.secureCookies).addRoutes(to: router)
    MyTrainingPagesController(database: database, pages: pages).addRoutes(to: router)
    TrainingReportsController(database: database).addRoutes(to: router)
    TrainingDashboardController(database: database, pages: pages).addRoutes(to: router)
    TrainingPlanController(database: database, pages: pages).addRoutes(to: router)
    ExpertsController(database: database).addRoutes(to: router)
    ExpertPagesController(database: database, pages: pages).addRoutes(to: router)
    CurriculumStandardsController(database: database).addRoutes(to: router)
    ContestsController(database: database).addRoutes(to: router)
    CurriculumStandardsPagesController(database: database, pages: pages).addRoutes(to: router)
    ContestPagesController(database: database, pages: pages).addRoutes(to: router)
    SelectionPagesController(database: database, pages: pages).addRoutes(to: router)
    ContestLiveController(database: database, pages: pages, hub: ContestLiveHub(database: database)).addRoutes(to: router)
    CertificatesController(database: database).addRoutes(to: router)
    SelectionsController(database: database).addRoutes(to: router)
    CertificatePagesController(database: database, pages: pages, publicURL: settings.publicURL).addRoutes(to: router)
    SchoolPagesController(database: database, pages: pages).addRoutes(to: router)
    SchoolFilesController(database: database, mediaFolder: settings.mediaFolder).addRoutes(to: router)
    LessonsController(database: database).addRoutes(to: router)
    SchoolManagePagesController(database: database, pages: pages).addRoutes(to: router)
    RecommendationPagesController(database: database, pages: pages).addRoutes(to: router)
    RecommendationsController(database: database).addRoutes(to: router)
    PostRequirementsController(database: database).addRoutes(to: router)
    PostRequirementPagesController(database: database, pages: pages).addRoutes(to: router)
    NationalQualificationsController(database: database, files: settings.files).addRoutes(to: router)
    NationalQualificationPagesController(database: database, pages: pages).addRoutes(to: router)
    VerifyController(database: database, pages: pages, throttle: LoginThrottle(limits: settings.verifyThrottle, clock: database.clock))
        .addRoutes(to: router)
    RatingsController(database: database).addRoutes(to: router)
    RatingPagesController(database: database, pages: pages, publicURL: settings.publicURL).addRoutes(to: router)
    RatingPublicController(
        database: database, pages: pages, throttle: RatingThrottle(clock: database.clock), secure: settings.secureCookies
    ).addRoutes(to: router)
    OpenAPIController().addRoutes(to: router)
    ServiceWorkerController().addRoutes(to: router)
    return router
}

/// The whole server. Refuses to start on a database that was never initialised.
public func buildApplication(database: AppDatabase, settings: ServerSettings, logger: Logger) async throws -> some ApplicationProtocol {
    guard try await database.isInitialised() else { throw LianbingError.notInitialised }
    let router = try await buildRouter(database: database, settings: settings)
    // HTTP/1.1 with the upgrade to WebSocket for the contests' live screens, on the same port and router.
    var app = Application(
        router: router, server: .http1WebSocketUpgrade(webSocketRouter: router),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "lianbing"), logger: logger)
    app.addServices(
        SessionSweeper(database: database, policy: settings.sessions, logger: logger), AttemptSweeper(database: database, logger: logger),
        ReportWarmer(database: database, logger: logger))
    return app
}
