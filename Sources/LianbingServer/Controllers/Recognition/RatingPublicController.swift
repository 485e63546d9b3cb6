import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// The public rating form (扫码评价) at `/rate/<token>`, with no login, and the counter mode of the same form on the
/// unit's tablet at the service desk (`/rate/<token>/counter`).
///
/// Anti-forgery is a double submit of a signed cookie: the form's `_rate` field must equal the `lb_rater` cookie,
/// whose value is a device id and the database's signature of it (`AppDatabase.newRatingDevice`). A cross-site form
/// cannot read the cookie to copy it, and a cookie planted from a sibling domain is not signed. The cookie is
/// `SameSite=Lax` so that a scan (a top-level visit from the camera app) keeps the device's id, and lasts a year: the
/// id is what "one rating per device per unit per day" counts. `RatingThrottle` limits posts per address and per
/// counter.
struct RatingPublicController {
    let database: AppDatabase
    let pages: PageRenderer
    let throttle: RatingThrottle
    let secure: Bool

    static let deviceCookie = "lb_rater"
    static let counterCookie = "lb_counter"
    static let formField = "_rate"
    /// Seconds the counter shows its thanks before the empty form returns.
    static let counterResetSeconds = 4

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/rate/:token", use: form)
        router.get("/rate/:token/counter", use: counter)
        router.post("/rate/:token", use: submit)
    }

    // MARK: - Content

    struct Option { var value: Int; var label: String; var checked: Bool }
    struct AspectRow { var key: String; var label: String; var options: [Option] }
    struct Choice { var choice: String; var label: String; var selected: Bool }

    struct FormContent {
        var token: String
        var unitName: String
        var device: String
        var mode: String
        var isCounter: Bool
        var aspects: [AspectRow]
        var staff: [Choice]
        var hasStaff: Bool
        var comment: String
        var commentLimit: Int
        var error: String?
        /// Thanks instead of the form (after a rating, or when this device rated the unit today).
        var thanks: String?
        var resetURL: String?
        var resetSeconds: Int
    }

    static let scoreLabels = [5: "非常满意", 4: "满意", 3: "一般", 2: "不满意", 1: "非常不满意"]

    // MARK: - Handlers

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let station = try await database.publicRatingStation(token: token)
        let (device, fresh) = try await device(request)
        var thanks: String?
        if request.query("thanks") != nil {
            thanks = "感谢您的评价！您的意见将帮助我们改进服务。"
        } else if try await database.hasRatedToday(token: token, device: device.id) {
            thanks = "本设备今天已评价过\(station.unitName)，感谢您的反馈；明天可再次评价。"
        }
        return render(token: token, station: station, device: device, counter: false, fields: nil, error: nil, thanks: thanks, fresh: fresh)
    }

    /// The counter mode. Opened once on the tablet with the key from the unit's rating page (`?key=…`), which becomes a
    /// cookie for this address alone; without it the page says how to open it.
    @Sendable func counter(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let station = try await database.publicRatingStation(token: token)
        if let key = request.query("key") {
            guard try await database.isRatingCounterKey(key, token: token) else { throw LianbingError.forbidden("柜台模式的密钥不正确，请在管理页重新打开") }
            var response = Response.redirect(to: "/rate/\(token)/counter", type: .normal)
            response.setCookie(
                Cookie(name: Self.counterCookie, value: key, maxAge: 400 * 86_400, path: "/rate/\(token)", secure: secure, httpOnly: true, sameSite: .lax))
            return response
        }
        guard try await counterUnlocked(request, token: token) else {
            throw LianbingError.forbidden("本设备未开启柜台评价模式：请管理员在“满意度评定”管理页打开柜台链接")
        }
        let (device, fresh) = try await device(request)
        let thanks = request.query("thanks") != nil ? "感谢您的评价！" : nil
        return render(token: token, station: station, device: device, counter: true, fields: nil, error: nil, thanks: thanks, fresh: fresh)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let station = try await database.publicRatingStation(token: token)
        let counter = try await counterUnlocked(request, token: token)
        let counterUnit = counter ? try await database.ratingUnitCode(token: token) : nil
        if let wait = await throttle.admit(address: context.remoteAddress, counterUnit: counterUnit) {
            let (device, fresh) = try await device(request)
            var response = render(
                token: token, station: station, device: device, counter: counter, fields: nil, error: LianbingError.throttled(retryAfter: wait).message,
                thanks: nil, fresh: fresh, status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        let fields = try await FormFields.from(request, context: context)
        let wantsCounter = fields["mode"] == "counter"
        guard let cookie = request.cookies[Self.deviceCookie]?.value, let presented = fields[Self.formField],
            CSRFMiddleware.constantTimeEquals(String(cookie), presented), let id = try await database.verifiedRatingDevice(String(cookie))
        else {
            let (device, fresh) = try await device(request)
            return render(
                token: token, station: station, device: device, counter: counter && wantsCounter, fields: fields, error: "页面已过期，请重新提交评价",
                thanks: nil, fresh: fresh, status: .forbidden)
        }
        let device = Device(id: id, cookie: String(cookie))
        if wantsCounter, !counter {
            return render(
                token: token, station: station, device: device, counter: false, fields: fields, error: "本设备未开启柜台评价模式", thanks: nil, fresh: false,
                status: .forbidden)
        }
        var scores: [RatingAspect: Int] = [:]
        for aspect in RatingAspect.allCases {
            if let text = fields[aspect.rawValue], text.count <= 3, let score = Int(text) { scores[aspect] = score }
        }
        do {
            try await database.submitPublicRating(
                token: token, scores: scores, comment: fields["comment"] ?? "", staffChoice: fields["staff"], source: wantsCounter ? .counter : .poster,
                device: id)
            return .redirect(to: wantsCounter ? "/rate/\(token)/counter?thanks=1" : "/rate/\(token)?thanks=1", type: .normal)
        } catch let error as LianbingError {
            let status: HTTPResponse.Status =
                switch error {
                case .conflict: .conflict
                case .notFound: .notFound
                case .forbidden: .forbidden
                default: .badRequest
                }
            return render(
                token: token, station: station, device: device, counter: wantsCounter, fields: fields, error: error.message, thanks: nil, fresh: false,
                status: status)
        }
    }

    // MARK: - Helpers

    struct Device { var id: String; var cookie: String }

    /// The device of a valid cookie, or a new one (to be set on the response).
    private func device(_ request: Request) async throws -> (Device, fresh: Bool) {
        if let cookie = request.cookies[Self.deviceCookie]?.value, let id = try await database.verifiedRatingDevice(String(cookie)) {
            return (Device(id: id, cookie: String(cookie)), false)
        }
        let cookie = try await database.newRatingDevice()
        return (Device(id: String(cookie.split(separator: ".")[0]), cookie: cookie), true)
    }

    private func counterUnlocked(_ request: Request, token: String) async throws -> Bool {
        guard let key = request.cookies[Self.counterCookie]?.value, !key.isEmpty else { return false }
        return try await database.isRatingCounterKey(String(key), token: token)
    }

    private func render(
        token: String, station: PublicRatingStation, device: Device, counter: Bool, fields: FormFields?, error: String?, thanks: String?,
        fresh: Bool, status: HTTPResponse.Status = .ok
    ) -> Response {
        let aspects = RatingAspect.allCases.map { aspect in
            AspectRow(
                key: aspect.rawValue, label: aspect.label,
                options: [5, 4, 3, 2, 1].map { Option(value: $0, label: Self.scoreLabels[$0]!, checked: fields?[aspect.rawValue] == String($0)) })
        }
        let chosen = fields?["staff"]
        let content = FormContent(
            token: token, unitName: station.unitName, device: device.cookie, mode: counter ? "counter" : "poster", isCounter: counter, aspects: aspects,
            staff: station.staff.map { Choice(choice: $0.choice, label: "\($0.maskedName)（\($0.post)）", selected: $0.choice == chosen) },
            hasStaff: !station.staff.isEmpty, comment: String((fields?["comment"] ?? "").prefix(RatingDraft.commentLimit * 2)),
            commentLimit: RatingDraft.commentLimit, error: error, thanks: thanks,
            resetURL: counter && thanks != nil ? "/rate/\(token)/counter" : nil, resetSeconds: Self.counterResetSeconds)
        var response = pages.render(
            "rating-form", title: "满意度评价：\(station.unitName)", session: nil, content: content, status: status, styles: ["rating.css"],
            scripts: ["rating.js"])
        if fresh {
            response.setCookie(
                Cookie(name: Self.deviceCookie, value: device.cookie, maxAge: 400 * 86_400, path: "/rate/", secure: secure, httpOnly: true, sameSite: .lax))
        }
        return response
    }
}
