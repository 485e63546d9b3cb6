import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingStore
import Testing

/// `lianbing qualification …` and the files `lianbing backup` carries.
@Suite struct QualificationCommandTests {
    let fixture: TrainingFixture

    init() throws { fixture = try TrainingFixture("qualification") }

    static let good = """
        工号,等级,证书编号,发证机关,发证日期
        GD1,四级/中级工,S440100-2023-0001,广东省人力资源和社会保障厅,2023-06-30
        GD2,三级,s440100-2023-0002,广州市人力资源和社会保障局,2024-01-15

        """

    static let bad = """
        工号,等级,证书编号,发证机关,发证日期
        GD1,四级/中级工,S440100-2023-0001,广东省人力资源和社会保障厅,2023-06-30
        GD2,特级,S440100-2023-0002,广州市人力资源和社会保障局,2024-01-15
        GD3,五级,S440100-2023-0001,广州市人力资源和社会保障局,2024-01-15
        GD9,五级,S440100-2023-0009,广州市人力资源和社会保障局,2024-01-15
        GD4,五级,编号 4,广州市人力资源和社会保障局,1999-12-31

        """

    @Test func badOptionsAreRefusedBeforeAnythingRuns() {
        #expect(TrainingFixture.refusal(["qualification", "list", "--status", "lost"])?.contains("--status") == true)
        #expect(TrainingFixture.refusal(["qualification", "reject", "1"]) != nil)
        #expect(TrainingFixture.refusal(["qualification", "accept", "x"]) != nil)
        #expect(TrainingFixture.refusal(["qualification", "list", "--status", "待审核"]) == nil)
    }

    @Test func aGoodFileIsImportedAsAcceptedAndABadOneNotAtAll() async throws {
        try await fixture.prepare()
        let badFile = try fixture.write("bad.csv", Self.bad)
        #expect(await fixture.refused(["qualification", "import", badFile]))
        let database = try fixture.store()
        let op = try await database.operatorPrincipal()
        #expect(try await database.nationalQualifications(NationalQualificationFilter(), by: op).isEmpty)
        if TrainingFixture.binaryBuilt {
            let outcome = try fixture.binary(["qualification", "import", badFile])
            #expect(outcome.status != 0)
            for line in [3, 4, 5, 6] { #expect(outcome.stderr.contains("\(badFile):\(line): "), "line \(line): \(outcome.stderr)") }
            #expect(!outcome.stderr.contains("\(badFile):2: "))
        }

        try await fixture.run(["qualification", "import", try fixture.write("good.csv", Self.good)])
        let imported = try await database.nationalQualifications(NationalQualificationFilter(), by: op)
        #expect(Set(imported.map(\.certificateNumber)) == ["S440100-2023-0001", "S440100-2023-0002"])
        #expect(imported.allSatisfy { $0.status == .accepted && !$0.hasScan })
        #expect(Set(imported.map(\.level)) == [.four, .three])
        // The same numbers again: refused as already recorded.
        #expect(await fixture.refused(["qualification", "import", try fixture.write("again.csv", Self.good)]))
        try await fixture.run(["qualification", "list", "--unit", TrainingFixture.county, "--status", "accepted"])
    }

    @Test func theOperatorReviewsAndTheBackupCarriesTheScan() async throws {
        try await fixture.prepare()
        let database = try fixture.store()
        let op = try await database.operatorPrincipal()
        let files = FileStore.beside(databasePath: fixture.db)
        let scan = Data("%PDF-1.7\n%%EOF\n".utf8)
        var ids: [Int64] = []
        for (staff, number) in [("GD3", "R-1"), ("GD4", "R-2")] {
            let record = try await database.recordNationalQualification(
                NationalQualificationDraft(staffNumber: staff, level: "五级", certificateNumber: number, issuer: "天河区人社局", issuedOn: "2024-03-01"), by: op)
            _ = try await database.attachQualificationScan(record.id, data: scan, declared: .pdf, files: files, by: op)
            ids.append(record.id)
        }
        try await fixture.run(["qualification", "accept", "\(ids[0])"])
        #expect(await fixture.refused(["qualification", "reject", "\(ids[1])", "--note", " "]))
        try await fixture.run(["qualification", "reject", "\(ids[1])", "--note", "扫描件模糊，请重新上传"])
        #expect(await fixture.refused(["qualification", "accept", "\(ids[1])"]))
        #expect(try await database.nationalQualification(ids[0], by: op).status == .accepted)
        #expect(try await database.nationalQualification(ids[1], by: op).reviewNote == "扫描件模糊，请重新上传")

        let backup = fixture.path("backups/copy.sqlite")
        try await fixture.run(["backup", backup])
        let copiedFiles = FileStore.beside(databasePath: backup)
        #expect(copiedFiles.directory.path.hasSuffix("backups/copy-files"))
        let copy = try AppDatabase.open(path: backup, passwords: PasswordHasher(cost: 4))
        let restored = try await copy.qualificationScan(ids[0], files: copiedFiles, by: try await copy.operatorPrincipal())
        #expect(restored.data == scan)
    }
}
