import Foundation
import PreflightForecast
import Testing

@Suite struct CalendarAndGrowthTests {
    @Test func dayNumbersMatchKnownDates() throws {
        #expect(CalendarDay(iso: "1970-01-01")?.dayNumber == 0)
        // 2000-03-01: 30 years incl. 7 leap days (72, 76, 80, 84, 88, 92, 96) = 10,957 days to 2000-01-01, + 31 + 29 = 11,017.
        #expect(CalendarDay(iso: "2000-03-01")?.dayNumber == 11_017)
        #expect(CalendarDay(iso: "2028-02-29") != nil)
        #expect(CalendarDay(iso: "2027-02-29") == nil)
        #expect(CalendarDay(iso: "1900-02-29") == nil)
        #expect(CalendarDay(iso: "2027-1-05") == nil)
        let day = try #require(CalendarDay(iso: "2027-01-31"))
        #expect(day.adding(days: 1).description == "2027-02-01")
        #expect(day.adding(days: 365).description == "2028-01-31")
        #expect(day.monthKey == "2027-01")
    }

    @Test func wholeMonthsCountFromTheStartDay() throws {
        let start = try #require(CalendarDay(iso: "2027-01-15"))
        #expect(try #require(CalendarDay(iso: "2027-02-14")).wholeMonths(since: start) == 0)
        #expect(try #require(CalendarDay(iso: "2027-02-15")).wholeMonths(since: start) == 1)
        #expect(try #require(CalendarDay(iso: "2028-01-15")).wholeMonths(since: start) == 12)
    }

    @Test func monthlyGrowthCompoundsAtEachMonthBoundary() throws {
        let workload = try TestModels.workload("""
            {"start_date": "2027-01-15", "days": 400, "request_types": [{"model": "m", "prompt": {"tokens": 1},
             "requests_per_day": 1000, "growth": {"percent": 10, "per": "month"}}]}
            """)
        let type = workload.requestTypes[0]
        let on = { (text: String) in type.requests(on: CalendarDay(iso: text)!, start: workload.start) }
        #expect(on("2027-02-14") == 1000)
        #expect(on("2027-02-15") == 1100)  // 1000 × 1.1
        #expect(on("2027-03-15") == 1210)  // 1000 × 1.1²
        #expect(on("2027-04-15") == 1331)  // 1000 × 1.1³
        #expect(on("2027-05-15") == 1464)  // 1000 × 1.1⁴ = 1464.1 → 1464
    }

    @Test func weeklyShrinkRoundsHalfToEven() throws {
        let workload = try TestModels.workload("""
            {"start_date": "2027-01-01", "days": 30, "request_types": [{"model": "m", "prompt": {"tokens": 1},
             "requests_per_day": 25, "growth": {"percent": -10, "per": "week"}}]}
            """)
        let type = workload.requestTypes[0]
        // day 7: 25 × 0.9 = 22.5 → 22 (half to even); day 14: 25 × 0.81 = 20.25 → 20.
        #expect(type.requests(on: workload.start.adding(days: 6), start: workload.start) == 25)
        #expect(type.requests(on: workload.start.adding(days: 7), start: workload.start) == 22)
        #expect(type.requests(on: workload.start.adding(days: 14), start: workload.start) == 20)
    }

    @Test func seededSamplingIsReproducible() {
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        let distribution = TokenDistribution.normal(mean: 500, standardDeviation: 100, min: 0, max: 900)
        let a = (0..<200).map { _ in distribution.sample(using: &first) }
        let b = (0..<200).map { _ in distribution.sample(using: &second) }
        #expect(a == b)
        #expect(a.allSatisfy { (0...900).contains($0) })
        // SplitMix64 reference value for seed 0 (first output): 0xE220A8397B1DCDAF.
        var zero = SeededGenerator(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }
}
