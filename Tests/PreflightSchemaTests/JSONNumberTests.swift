import PreflightSchema
import Testing

@Suite("Exact JSON numbers")
struct JSONNumberTests {
    func number(_ text: String) -> JSONNumber {
        guard let value = JSONNumber(parsing: text) else {
            Issue.record("'\(text)' did not parse")
            return 0
        }
        return value
    }

    @Test("equal values written differently are equal and hash alike")
    func equality() {
        #expect(number("1") == number("1.0"))
        #expect(number("1") == number("10e-1"))
        #expect(number("-0") == number("0"))
        #expect(number("100") == number("1E2"))
        #expect(Set([number("2.50"), number("2.5"), number("25e-1")]).count == 1)
        #expect(JSONValue.number(number("1")) == JSONValue.number(number("1.0")))
    }

    @Test("ordering is exact beyond Double precision")
    func ordering() {
        #expect(number("972783798187987123879878123.188781371") > number("972783798187987123879878123.18878137"))
        #expect(number("-1e400") < number("-1e399"))
        #expect(number("0.1") < number("0.10000000000000001"))
        #expect(number("-2") < number("1e-400"))
    }

    @Test("multipleOf is exact", arguments: [
        ("0.3", "0.1", true), ("0.0075", "0.0001", true), ("0.00751", "0.0001", false), ("1e308", "0.5", true),
        ("12345678901234567890", "10", true), ("12345678901234567891", "10", false), ("4.5", "1.5", true),
        ("19.99", "0.01", true), ("1", "3", false), ("0", "7.1", true), ("7", "0.000001", true),
    ])
    func multipleOf(_ value: String, _ divisor: String, _ expected: Bool) {
        #expect(number(value).isMultiple(of: number(divisor)) == expected)
    }

    @Test("integers: 1.0 is an integer; intValue only when it fits")
    func integers() {
        #expect(number("1.0").isInteger)
        #expect(number("1e3").intValue == 1000)
        #expect(!number("1.5").isInteger)
        #expect(number("1e400").intValue == nil)
        #expect(number("-42").intValue == -42)
    }
}
