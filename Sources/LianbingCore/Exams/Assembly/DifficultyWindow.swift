/// The target difficulty as bounds on the sum of a paper's difficulties.
///
/// Difficulties are integers, so a paper's mean is within `target ± tolerance` exactly when the integer sum is
/// within these bounds; the assembler compares integers and never accumulates rounding error.
enum DifficultyWindow {
    /// The sums allowed for a paper of `questions` questions; empty (`lower > upper`) when no sum fits.
    static func sums(target: Double, tolerance: Double, questions: Int) -> (lower: Int, upper: Int) {
        let n = Double(questions)
        let lower = Int(((target - tolerance) * n - 1e-9).rounded(.up))
        let upper = Int(((target + tolerance) * n + 1e-9).rounded(.down))
        return (lower, upper)
    }

    static func sums(of blueprint: Blueprint) -> (lower: Int, upper: Int) {
        sums(target: blueprint.targetDifficulty, tolerance: blueprint.difficultyTolerance, questions: blueprint.questionCount)
    }
}
