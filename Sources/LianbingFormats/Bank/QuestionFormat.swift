import Foundation
import LianbingCore

/// The formats a bank can be read from and written to, chosen by name or by file extension.
public enum QuestionFormat: String, Sendable, CaseIterable {
    /// The bank's own text format (`QuestionBank/*.txt`).
    case bank
    case csv
    case gift
    case moodleXML = "moodle-xml"

    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "txt", "bank": self = .bank
        // The question template as a workbook is read by the same table reader as its CSV.
        case "csv", "xlsx": self = .csv
        case "gift": self = .gift
        case "xml": self = .moodleXML
        default: return nil
        }
    }

    public var fileExtension: String {
        switch self {
        case .bank: "txt"
        case .csv: "csv"
        case .gift: "gift"
        case .moodleXML: "xml"
        }
    }

    public func read(_ data: Data, file: String) -> Result<QuestionImport, ImportFailure> {
        switch self {
        case .bank: BankText.read(data, file: file)
        case .csv: QuestionCSV.read(data, file: file)
        case .gift: GIFT.read(data, file: file)
        case .moodleXML: MoodleXML.read(data, file: file)
        }
    }

    public func write(_ questions: [Question]) -> Data {
        switch self {
        case .bank: BankText.write(questions)
        case .csv: QuestionCSV.write(questions)
        case .gift: GIFT.write(questions)
        case .moodleXML: MoodleXML.write(questions)
        }
    }
}
