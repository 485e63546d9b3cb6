import Foundation
import LianbingCore

extension Date {
    /// How times appear on pages: China time, to the minute.
    var chinaTime: String { ChinaTime.format(self) }
}
