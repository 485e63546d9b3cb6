import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// National qualifications (退役军人事务员): staff record theirs with a scan, administrators over them review.
@Suite struct NationalQualificationTests {
    static let pdf = Data("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".utf8)
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])

    static func draft(
        _ number: String = "S4401-2023-000123", staff: String? = nil, level: String = "四级/中级工", issuer: String = "广东省人力资源和社会保障厅",
        on date: String = "2023-06-30"
    ) -> NationalQualificationDraft {
        NationalQualificationDraft(staffNumber: staff, level: level, certificateNumber: number, issuer: issuer, issuedOn: date)
    }

    @Test func theHolderRecordsUploadsAndTheCountyAdministratorAccepts() async throws {
        let fixture = try await Fixture.make()
        let files = FileStore.temporary()
        let staff = try await fixture.staffUser()
        let record = try await fixture.db.recordNationalQualification(Self.draft("s4401-2023-000123"), by: staff)
        #expect(record.status == .pending)
        #expect(record.staffNumber == Roster.huashiInformant.number)
        #expect(record.certificateNumber == "S4401-2023-000123")
        #expect(record.level == .four)
        #expect(record.qualification == "退役军人事务员（国家职业技能等级）")
        #expect(!record.hasScan)

        let county = try await fixture.countyAdmin()
        // Nothing to check against yet.
        await expectError(.conflict) { try await fixture.db.reviewNationalQualification(record.id, accept: true, note: nil, by: county) }

        let scanned = try await fixture.db.attachQualificationScan(record.id, data: Self.pdf, declared: .pdf, files: files, by: staff)
        #expect(scanned.scanType == .pdf)
        #expect(scanned.scanSize == Self.pdf.count)
        let scan = try await fixture.db.qualificationScan(record.id, files: files, by: county)
        #expect(scan.data == Self.pdf)
        #expect(scan.format == .pdf)

        let accepted = try await fixture.db.reviewNationalQualification(record.id, accept: true, note: "核验无误", by: county)
        #expect(accepted.status == .accepted)
        #expect(accepted.reviewedBy == "county")
        #expect(accepted.reviewNote == "核验无误")
        // Once accepted: no second review, no new scan.
        await expectError(.conflict) { try await fixture.db.reviewNationalQualification(record.id, accept: false, note: "再退", by: county) }
        await expectError(.conflict) {
            try await fixture.db.attachQualificationScan(record.id, data: Self.png, declared: .png, files: files, by: staff)
        }
        let audit = try await fixture.db.snapshot("auditEntry").joined(separator: "\n")
        for action in ["qualification.record", "qualification.scan", "qualification.accept"] { #expect(audit.contains(action), "\(action)") }
        #expect(try await fixture.db.myNationalQualifications(by: staff).map(\.status) == [.accepted])
    }

    @Test func aRejectionNeedsANoteAndTheHolderResubmits() async throws {
        let fixture = try await Fixture.make()
        let files = FileStore.temporary()
        let staff = try await fixture.staffUser()
        let county = try await fixture.countyAdmin()
        let record = try await fixture.db.recordNationalQualification(Self.draft(), by: staff)
        _ = try await fixture.db.attachQualificationScan(record.id, data: Self.png, declared: nil, files: files, by: staff)
        await expectError(.invalid) { try await fixture.db.reviewNationalQualification(record.id, accept: false, note: "  ", by: county) }
        await expectError(.invalid) {
            try await fixture.db.reviewNationalQualification(record.id, accept: false, note: String(repeating: "字", count: 201), by: county)
        }
        let rejected = try await fixture.db.reviewNationalQualification(record.id, accept: false, note: "等级与扫描件不符", by: county)
        #expect(rejected.status == .rejected)
        // Recording the same number again resubmits the holder's own rejected record.
        let again = try await fixture.db.recordNationalQualification(Self.draft(level: "三级"), by: staff)
        #expect(again.id == record.id)
        #expect(again.status == .pending)
        #expect(again.level == .three)
        #expect(again.reviewNote == nil)
        #expect(try await fixture.db.count("nationalQualification") == 1)
    }

    @Test func scopeFollowsTheHoldersUnit() async throws {
        let fixture = try await Fixture.make()
        let files = FileStore.temporary()
        let staff = try await fixture.staffUser()
        let record = try await fixture.db.recordNationalQualification(Self.draft(), by: staff)
        _ = try await fixture.db.attachQualificationScan(record.id, data: Self.pdf, declared: .pdf, files: files, by: staff)
        let other = try await fixture.otherCountyAdmin()
        await expectError(.notFound) { try await fixture.db.nationalQualification(record.id, by: other) }
        await expectError(.notFound) { try await fixture.db.qualificationScan(record.id, files: files, by: other) }
        await expectError(.notFound) { try await fixture.db.reviewNationalQualification(record.id, accept: true, note: nil, by: other) }
        await expectError(.notFound) {
            try await fixture.db.attachQualificationScan(record.id, data: Self.pdf, declared: .pdf, files: files, by: other)
        }
        #expect(try await fixture.db.nationalQualifications(NationalQualificationFilter(), by: other).isEmpty)
        await expectError(.notFound) {
            try await fixture.db.nationalQualifications(NationalQualificationFilter(unit: Code.tianhe), by: other)
        }
        // Staff may not list, review, or record for others.
        await expectError(.forbidden) { try await fixture.db.nationalQualifications(NationalQualificationFilter(), by: staff) }
        await expectError(.forbidden) { try await fixture.db.reviewNationalQualification(record.id, accept: true, note: nil, by: staff) }
        await expectError(.forbidden) {
            try await fixture.db.recordNationalQualification(Self.draft("OTHER-1", staff: Roster.tianheDirector.number), by: staff)
        }
        // Administrators record for staff of their subtree only.
        let county = try await fixture.countyAdmin()
        let forDirector = try await fixture.db.recordNationalQualification(Self.draft("TH-1", staff: Roster.tianheDirector.number), by: county)
        #expect(forDirector.holderName == Roster.tianheDirector.name)
        await expectError(.notFound) {
            try await fixture.db.recordNationalQualification(Self.draft("WJ-1", staff: Roster.xiheWorker.number), by: county)
        }
        await expectError(.invalid) { try await fixture.db.recordNationalQualification(Self.draft("NOBODY-1"), by: county) }
        let pending = try await fixture.db.nationalQualifications(NationalQualificationFilter(status: .pending), by: county)
        #expect(Set(pending.map(\.id)) == [record.id, forDirector.id])
        let province = try await fixture.provinceAdmin()
        #expect(try await fixture.db.nationalQualifications(NationalQualificationFilter(query: "王五"), by: province).map(\.id) == [record.id])
    }

    @Test func boundsAreCheckedBeforeAnythingIsWritten() async throws {
        let fixture = try await Fixture.make()
        let staff = try await fixture.staffUser()
        // The fixture's clock stands on 2023-11-15 (China time; 2023-11-14 in UTC).
        for bad in [
            Self.draft(level: "特级"), Self.draft(""), Self.draft(String(repeating: "9", count: 41)), Self.draft("NO 1"), Self.draft("编号1"),
            Self.draft(issuer: ""), Self.draft(issuer: String(repeating: "厅", count: 101)), Self.draft(on: "1999-12-31"), Self.draft(on: "2023-11-16"),
            Self.draft(on: "2023-02-30"), Self.draft(on: "yesterday"),
        ] {
            await expectError(.invalid) { try await fixture.db.recordNationalQualification(bad, by: staff) }
        }
        for good in [
            Self.draft(String(repeating: "9", count: 40), level: "一级/高级技师", on: "2000-01-01"), Self.draft("A", level: "初级工", on: "2023-11-15"),
            Self.draft("b-2", level: "2", issuer: String(repeating: "厅", count: 100)),
        ] {
            _ = try await fixture.db.recordNationalQualification(good, by: staff)
        }
        #expect(try await fixture.db.count("nationalQualification") == 3)
    }

    @Test func aDuplicateNumberNamesItsHolderOnlyWithinScope() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        _ = try await fixture.db.recordNationalQualification(Self.draft("DUP-1", staff: Roster.xiheWorker.number), by: op)
        let staff = try await fixture.staffUser()
        let hidden = await expectError(.conflict) { try await fixture.db.recordNationalQualification(Self.draft("dup-1"), by: staff) }
        #expect(hidden?.message.contains(Roster.xiheWorker.name) == false)
        #expect(hidden?.message.contains(Roster.xiheWorker.number) == false)
        let county = try await fixture.countyAdmin()
        let countyMessage = await expectError(.conflict) {
            try await fixture.db.recordNationalQualification(Self.draft("DUP-1", staff: Roster.tianheDirector.number), by: county)
        }
        #expect(countyMessage?.message.contains(Roster.xiheWorker.name) == false)
        let wujiang = try await fixture.otherCountyAdmin()
        let named = await expectError(.conflict) {
            try await fixture.db.recordNationalQualification(Self.draft("DUP-1", staff: Roster.wujiangDirector.number), by: wujiang)
        }
        #expect(named?.message.contains(Roster.xiheWorker.name) == true)
        #expect(try await fixture.db.count("nationalQualification") == 1)
    }

    @Test func scansAreKnownByTheirFirstBytes() async throws {
        let fixture = try await Fixture.make()
        let files = FileStore.temporary()
        let staff = try await fixture.staffUser()
        let record = try await fixture.db.recordNationalQualification(Self.draft(), by: staff)
        await expectError(.invalid) {
            try await fixture.db.attachQualificationScan(record.id, data: Data("<html><script>".utf8), declared: .pdf, files: files, by: staff)
        }
        await expectError(.invalid) { try await fixture.db.attachQualificationScan(record.id, data: Self.pdf, declared: .jpeg, files: files, by: staff) }
        await expectError(.invalid) { try await fixture.db.attachQualificationScan(record.id, data: Data(), declared: nil, files: files, by: staff) }
        var big = Self.png
        big.append(Data(count: ScanFormat.maxBytes))
        await expectError(.invalid) { try await fixture.db.attachQualificationScan(record.id, data: big, declared: .png, files: files, by: staff) }
        #expect(try await fixture.db.nationalQualification(record.id, by: staff).hasScan == false)
        #expect(ScanFormat.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        // Names are the content's hash; the same content is written once, and nothing else is a name.
        let name = try files.save(Self.pdf, as: .pdf)
        #expect(try files.save(Self.pdf, as: .pdf) == name)
        #expect(FileStore.isValidName(name))
        for bad in ["../x.pdf", name + "/", "ABC.pdf", String(repeating: "a", count: 64) + ".exe"] { #expect(!FileStore.isValidName(bad)) }
    }

    @Test func importIsAllOrNothingAndRecordsAcceptedWithoutScans() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        func rows(_ drafts: [NationalQualificationDraft]) -> ParsedImport<NationalQualificationImportRow> {
            ParsedImport(rows: drafts.enumerated().map { NationalQualificationImportRow(line: $0.offset + 2, draft: $0.element) })
        }
        let bad = rows([
            Self.draft("IMP-1", staff: Roster.tianheDirector.number), Self.draft("IMP-1", staff: Roster.shipaiReceptionist.number),
            Self.draft("IMP-2", staff: Roster.xiheWorker.number), Self.draft("IMP-3", staff: Roster.huashiInformant.number, level: "特级"),
        ])
        let error = await expectError(.importRejected) { try await fixture.db.importNationalQualifications(bad, file: "q.csv", by: county) }
        guard case .importRejected(let failure) = error else { return }
        #expect(failure.issues.map(\.line) == [3, 4, 5])
        #expect(failure.issues.allSatisfy { $0.file == "q.csv" })
        #expect(try await fixture.db.count("nationalQualification") == 0)

        let good = rows([Self.draft("IMP-1", staff: Roster.tianheDirector.number), Self.draft("IMP-2", staff: Roster.huashiInformant.number)])
        #expect(try await fixture.db.importNationalQualifications(good, file: "q.csv", by: county) == 2)
        let all = try await fixture.db.nationalQualifications(NationalQualificationFilter(), by: county)
        #expect(all.allSatisfy { $0.status == .accepted && !$0.hasScan && $0.reviewedBy == "county" })
        await expectError(.forbidden) { try await fixture.db.importNationalQualifications(good, file: "q.csv", by: try await fixture.staffUser()) }
    }

    @Test func aBackupCarriesTheScansItsDatabaseNames() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("live/lianbing.sqlite").path
            let fixture = try await Fixture.make(path: path)
            defer { try? fixture.db.close() }
            let files = FileStore.beside(databasePath: path)
            #expect(files.directory.lastPathComponent == "lianbing-files")
            let staff = try await fixture.staffUser()
            let record = try await fixture.db.recordNationalQualification(Self.draft(), by: staff)
            _ = try await fixture.db.attachQualificationScan(record.id, data: Self.pdf, declared: .pdf, files: files, by: staff)
            // A file nobody names (a scan replaced since) stays behind.
            _ = try files.save(Self.png, as: .png)

            let backup = dir.appendingPathComponent("copies/2026-01-01.sqlite").path
            let report = try await fixture.db.backup(to: backup, files: files)
            #expect(report == BackupReport(files: 1, missing: []))
            let copiedFiles = FileStore.beside(databasePath: backup)
            #expect(try FileManager.default.contentsOfDirectory(atPath: copiedFiles.directory.path).filter { !$0.hasPrefix(".") }.count == 1)

            // Restored: the copy and its folder, opened as the database, serve the same scan.
            let copy = try AppDatabase.open(path: backup, passwords: PasswordHasher(cost: 4))
            defer { try? copy.close() }
            let county = try await copy.reader.read { db in
                try AppDatabase.principal(for: try #require(try AccountRecord.filter(Column("username") == "county").fetchOne(db)), db)
            }
            #expect(try await copy.qualificationScan(record.id, files: copiedFiles, by: county).data == Self.pdf)
        }
    }
}
