import Foundation
import LianbingCore
import LianbingFormats

/// The assessment blueprints kept under `Blueprints/` with the bank (`ServerSettings.blueprintsFolder`), offered on
/// the create form beside pasting one: trainers keep blueprints in git next to the bank.
struct ShippedBlueprints: Sendable {
    struct File: Sendable {
        var name: String
        var text: String
        var blueprint: Blueprint
    }

    var directory: URL? = URL(fileURLWithPath: "Blueprints")

    /// Readable files for centralised assessments, by name; self-test blueprints cannot make an exam.
    func files() -> [File] {
        guard let directory else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                let text = try? CSVTextDecoder.decode(data, file: name).get().text,
                let blueprint = try? BlueprintText.read(text, file: name).get(), blueprint.purpose == .assessment
            else { return nil }
            return File(name: name, text: text, blueprint: blueprint)
        }
    }

    /// Only a name the listing offers is read, so a form cannot reach any other path.
    func file(named name: String) -> File? { files().first { $0.name == name } }
}
