import LianbingCore

/// Writes the canonical text of a blueprint.
enum BlueprintTextWriter {
    static func write(_ blueprint: Blueprint) -> String {
        var lines: [String] = [
            "\(BlueprintTextSyntax.Key.title.rawValue): \(BlueprintTextSyntax.escape(blueprint.title))",
            "\(BlueprintTextSyntax.Key.purpose.rawValue): \(blueprint.purpose.label)",
            "\(BlueprintTextSyntax.Key.totalPoints.rawValue): \(BlueprintTextValues.text(blueprint.totalPoints))",
            "\(BlueprintTextSyntax.Key.targetDifficulty.rawValue): \(blueprint.targetDifficulty) ± \(blueprint.difficultyTolerance)",
        ]
        if let cap = blueprint.exposureCap {
            lines.append("\(BlueprintTextSyntax.Key.exposureCap.rawValue): \(BlueprintTextValues.percentText(cap))")
        }
        // Written only where they differ from what a file without them means.
        if !blueprint.separatesSameQuote { lines.append("\(BlueprintTextSyntax.Key.separatesSameQuote.rawValue): 否") }
        if blueprint.excludesRevealed { lines.append("\(BlueprintTextSyntax.Key.excludesRevealed.rawValue): 是") }
        lines += ["", "[\(BlueprintTextSyntax.Part.sections.rawValue)]"]
        for section in blueprint.sections {
            lines.append("\(section.kind.label) 每题 \(BlueprintTextValues.text(section.pointsPerQuestion)) 分")
        }
        lines += ["", "[\(BlueprintTextSyntax.Part.cells.rawValue)]", "# 知识点 | 题型 | 难度 | 题数"]
        for cell in blueprint.cells {
            let band = cell.difficulty.lowerBound == cell.difficulty.upperBound
                ? "\(cell.difficulty.lowerBound)" : "\(cell.difficulty.lowerBound)-\(cell.difficulty.upperBound)"
            lines.append("\(BlueprintTextSyntax.escape(cell.knowledgePoint)) | \(cell.kind.label) | \(band) | \(cell.count)")
        }
        if !blueprint.enemyGroups.isEmpty {
            lines += ["", "[\(BlueprintTextSyntax.Part.enemyGroups.rawValue)]"]
            lines += blueprint.enemyGroups.map { $0.joined(separator: " ") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
