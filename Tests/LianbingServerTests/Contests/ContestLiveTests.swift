import Foundation
import LianbingCore
@testable import LianbingServer
import LianbingSocketClient
import LianbingStore
import Testing

/// The live screens over real sockets: what each screen receives, and how the server rules buzzes.
@Suite(.serialized) struct ContestLiveTests {
    static func question(_ state: [String: Any]) -> [String: Any]? { state["question"] as? [String: Any] }
    static func buzz(_ state: [String: Any]) -> String? { (state["buzz"] as? [String: Any])?["name"] as? String }

    @Test func aPhoneGetsNoQuestionBeforeItOpensAndNeverAKey() async throws {
        try await LiveContest.run(teams: 3) { live in
            let host = try await live.host()
            let phone = try await live.contestant(0)
            let board = try await live.board()
            try await phone.state { Self.question($0) == nil }
            #expect(!phone.messages.joined().contains("stem"))
            host.send(#"{"action":"open","question":1}"#)
            let shown = try await phone.state { Self.question($0) != nil }
            #expect(Self.question(shown)?["stem"] != nil)
            try await board.state { Self.question($0) != nil }
            let hostState = try await host.state { Self.question($0) != nil }
            #expect(Self.question(hostState)?["answer"] != nil, "the host sees the key")
            for screen in [phone, board] {
                for message in screen.messages {
                    #expect(!message.contains("\"answer\""), "a key reached a phone or the board: \(message.prefix(200))")
                    #expect(!message.contains("\"explanation\""))
                    #expect(!message.contains("buzzOrder"))
                }
            }
            for screen in [host, phone, board] { await screen.close() }
        }
    }

    @Test func buzzesSentOneMillisecondApartAreRankedInThatOrder() async throws {
        try await LiveContest.run(teams: 4) { live in
            let host = try await live.host()
            var phones: [LiveScreen] = []
            for index in 0..<4 { phones.append(try await live.contestant(index)) }
            for phone in phones { try await phone.state() }
            host.send(#"{"action":"open","question":1}"#)
            for phone in phones { try await phone.state { Self.question($0) != nil } }
            // Sent in the order 2, 0, 3, 1, a millisecond apart.
            for index in [2, 0, 3, 1] {
                phones[index].send(#"{"action":"buzz"}"#)
                try await Task.sleep(for: .milliseconds(1))
            }
            let ruled = try await host.state { ($0["buzzOrder"] as? [Any])?.count == 4 }
            let order = (ruled["buzzOrder"] as! [[String: Any]]).map { $0["team"] as! Int }
            #expect(order == [2, 0, 3, 1].map { Int(live.contestants[$0].team) })
            let events = try await live.events()
            #expect(events.filter { $0.kind == .buzzed }.map(\.team) == [live.contestants[2].team])
            for screen in phones + [host] { await screen.close() }
        }
    }

    @Test func twoHundredPhonesBuzzingAtOnceGiveExactlyOneWinnerAndNoError() async throws {
        try await LiveContest.run(teams: 200) { live in
            let host = try await live.host()
            var phones: [LiveScreen] = []
            for index in 0..<200 { phones.append(try await live.contestant(index)) }
            host.send(#"{"action":"open","question":1}"#)
            for phone in phones { try await phone.state { Self.question($0) != nil } }
            await withTaskGroup(of: Void.self) { group in
                for phone in phones { group.addTask { phone.send(#"{"action":"buzz"}"#) } }
            }
            try await host.state { Self.buzz($0) != nil }
            try await Task.sleep(for: .milliseconds(300))
            let events = try await live.events()
            #expect(events.filter { $0.kind == .buzzed }.count == 1)
            #expect(events.filter { $0.kind == .foul }.isEmpty)
            for phone in phones {
                #expect(!phone.messages.contains { $0.contains(#""type":"error""#) }, "\(phone.messages.last ?? "")")
            }
            for screen in phones + [host] { await screen.close() }
        }
    }

    @Test func aBuzzBeforeTheQuestionOpensIsAFoul() async throws {
        try await LiveContest.run(teams: 2) { live in
            let phone = try await live.contestant(0)
            try await phone.state()
            phone.send(#"{"action":"buzz"}"#)
            try await phone.state { ($0["lastEvent"] as? [String: Any])?["label"] as? String == ContestEventKind.foul.label }
            let events = try await live.events()
            #expect(events.map(\.kind) == [.foul])
            #expect(events.first?.change == ContestPoints(points: -5))
            await phone.close()
        }
    }

    @Test func theHostRulesTheWinnerAndEveryScreenUpdates() async throws {
        try await LiveContest.run(teams: 3) { live in
            let host = try await live.host()
            let phone = try await live.contestant(1)
            let board = try await live.board()
            host.send(#"{"action":"open","question":1}"#)
            try await phone.state { Self.question($0) != nil }
            phone.send(#"{"action":"buzz"}"#)
            try await host.state { Self.buzz($0) != nil }
            host.send(#"{"action":"rule","team":\#(live.contestants[1].team),"verdict":"right"}"#)
            let top = { (state: [String: Any]) -> [String: Any]? in (state["board"] as? [[String: Any]])?.first }
            let after = try await board.state { top($0)?["pointsText"] as? String == "110" }
            #expect(top(after)?["team"] as? Int == Int(live.contestants[1].team))
            #expect(Self.question(after) == nil, "a ruled question leaves the screens")
            // Undo is a correction: the board goes back.
            host.send(#"{"action":"correct"}"#)
            try await board.state { top($0)?["pointsText"] as? String == "100" }
            #expect(try await live.events().last?.kind == .correction)
            for screen in [host, phone, board] { await screen.close() }
        }
    }

    @Test func aPhoneThatReconnectsComesBackToTheSamePicture() async throws {
        try await LiveContest.run(teams: 2) { live in
            let host = try await live.host()
            host.send(#"{"action":"open","question":2}"#)
            try await host.state { Self.question($0) != nil }
            let phone = try await live.contestant(0)
            phone.send(#"{"action":"buzz"}"#)
            try await phone.state { Self.buzz($0) != nil }
            await phone.close()
            let again = try await live.contestant(0)
            let state = try await again.state()
            #expect(Self.question(state)?["number"] as? Int == 2)
            #expect(Self.buzz(state) != nil)
            #expect(state["team"] as? Int == Int(live.contestants[0].team))
            await again.close()
            await host.close()
        }
    }

    @Test func aFrozenBoardStopsWhileTheHostSeesLiveScores() async throws {
        try await LiveContest.run(teams: 2, style: .compulsory) { live in
            let host = try await live.host()
            let board = try await live.board()
            host.send(#"{"action":"freeze","frozen":true}"#)
            try await board.state { $0["frozen"] as? Bool == true }
            host.send(#"{"action":"open","question":1}"#)
            try await host.state { Self.question($0) != nil }
            host.send(#"{"action":"rule","team":\#(live.contestants[0].team),"verdict":"right"}"#)
            let points = { (state: [String: Any]) in ((state["board"] as? [[String: Any]]) ?? []).map { $0["pointsText"] as? String ?? "" } }
            try await host.state { points($0).contains("110") }
            let frozen = try await board.state()
            #expect(!points(frozen).contains("110"))
            host.send(#"{"action":"reveal"}"#)
            try await board.state { points($0).contains("110") }
            for screen in [host, board] { await screen.close() }
        }
    }

    @Test func aRiskRoundTakesThePhonesStakeAndTheLowestScoreChoosesFirst() async throws {
        try await LiveContest.run(teams: 3, style: .risk) { live in
            let host = try await live.host()
            let phone = try await live.contestant(0)
            let names = { (state: [String: Any]) in state["stakeOrder"] as? [String] ?? [] }
            let first = try await host.state { names($0).count == 3 }
            let leader = names(first)[0]
            host.send(#"{"action":"open","question":1}"#)
            try await phone.state { Self.question($0) != nil }
            phone.send(#"{"action":"stake","amount":20}"#)
            try await host.state { ($0["lastEvent"] as? [String: Any])?["label"] as? String == ContestEventKind.staked.label }
            host.send(#"{"action":"rule","team":\#(live.contestants[0].team),"verdict":"right"}"#)
            let after = try await host.state { (($0["board"] as? [[String: Any]])?.first?["pointsText"] as? String) == "120" }
            #expect(names(after).last == leader, "the team now ahead chooses last")
            #expect(!phone.messages.contains { $0.contains("stakeOrder") }, "the order is the host's")
            for screen in [host, phone] { await screen.close() }
        }
    }

    @Test func socketsAreRefusedOutsideTheirScope() async throws {
        try await LiveContest.run(teams: 1) { live in
            // No session, a wrong board link, another site's page, a county administrator below the organiser: no socket.
            await #expect(throws: (any Error).self) {
                _ = try await LiveSocket.connect(port: live.port, path: "/contests/\(live.contestId)/live", cookie: live.countyCookie)
            }
            await #expect(throws: (any Error).self) {
                _ = try await LiveSocket.connect(port: live.port, path: "/contests/\(live.contestId)/live")
            }
            await #expect(throws: (any Error).self) {
                _ = try await LiveSocket.connect(port: live.port, path: "/board/not-a-token/live")
            }
            await #expect(throws: (any Error).self) {
                _ = try await LiveSocket.connect(
                    port: live.port, path: "/contests/\(live.contestId)/live", cookie: live.hostCookie, origin: "http://evil.example")
            }
            // A member of staff who is in no team of the contest.
            let root = try await live.database.operatorPrincipal()
            let province = try await live.database.account("admin", for: root).account.unitCode
            let outsider = try await live.database.staff(query: nil, unit: province, page: PageRequest(page: 1, perPage: 5), for: root).items
                .map(\.staff.number).first { number in !live.contestants.contains { $0.staffNumber == number } }!
            let session = try await live.database.openLoadSessions(forStaff: [outsider], by: root)[0]
            await #expect(throws: (any Error).self) {
                _ = try await LiveSocket.connect(port: live.port, path: "/contests/\(live.contestId)/live", cookie: "lb_session=\(session.token)")
            }
        }
    }
}
