import Testing

@testable import LianbingCore

@Suite("ContestPoints")
struct ContestPointsTests {
    @Test("Given points in hundredths, when shown, then as the board shows them", arguments: [
        (1_200, "12"), (1_250, "12.5"), (-325, "-3.25"), (5, "0.05"), (0, "0"), (-5, "-0.05"), (50, "0.5"),
        (-1_200, "-12"), (1_201, "12.01"), (1_210, "12.1"), (8_767, "87.67"), (-100, "-1"), (-10, "-0.1"),
        (1_000_000, "10000"),
    ])
    func text(_ hundredths: Int, _ expected: String) {
        #expect(ContestPoints(hundredths: hundredths).text == expected)
    }

    @Test("Given whole points, when built, then they are held in hundredths")
    func wholePoints() {
        #expect(ContestPoints(points: 12).hundredths == 1_200)
        #expect(ContestPoints(points: -3).hundredths == -300)
        #expect(ContestPoints(points: 12).value == 12)
        #expect(ContestPoints(hundredths: -325).value == -3.25)
    }

    @Test("Given a fractional value, when rounded, then to the nearest hundredth, halves away from zero", arguments: [
        (87.666, 8_767), (12.5, 1_250), (0.125, 13), (-0.125, -13), (33.333_333, 3_333), (0.004, 0), (-3.25, -325),
    ])
    func rounding(_ value: Double, _ hundredths: Int) {
        #expect(ContestPoints(rounding: value).hundredths == hundredths)
    }

    @Test("Given points, when added, subtracted, negated and compared, then it is exact integer arithmetic")
    func arithmetic() {
        var total = ContestPoints(hundredths: 10)
        for _ in 0..<9 { total += ContestPoints(hundredths: 10) }
        #expect(total == ContestPoints(points: 1))
        #expect(ContestPoints(points: 5) - ContestPoints(hundredths: 25) == ContestPoints(hundredths: 475))
        #expect(ContestPoints(points: 5) + ContestPoints(points: -7) == ContestPoints(points: -2))
        #expect(-ContestPoints(points: 5) == ContestPoints(points: -5))
        #expect(-ContestPoints.zero == .zero)
        #expect(ContestPoints(hundredths: -1) < .zero)
        #expect(ContestPoints(hundredths: 1_250) > ContestPoints(points: 12))
        #expect([ContestPoints(points: 3), ContestPoints(hundredths: -5), .zero].sorted() == [ContestPoints(hundredths: -5), .zero, ContestPoints(points: 3)])
    }
}
