/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast pseudo-random generator whose output
/// depends only on the seed, so a forecast is reproducible byte for byte on every machine.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator that starts from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0..<bound`, without modulo bias (rejection sampling); our own so that
    /// results do not depend on the standard library's algorithm for `Int.random(in:using:)`.
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let range = UInt64(bound)
        let limit = UInt64.max - UInt64.max % range
        while true {
            let value = next()
            if value < limit { return Int(value % range) }
        }
    }

    /// A number in [0, 1) from the top 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

extension TokenDistribution {
    /// Draws one count.
    ///
    /// Normal draws use the Irwin–Hall approximation (sum of 12 uniforms minus 6), which needs only
    /// addition and multiplication, so the result is identical on every platform (no libm calls);
    /// the draw is rounded to the nearest whole token and clamped into `min...max`.
    public func sample(using generator: inout SeededGenerator) -> Int {
        switch self {
        case .fixed(let value): return value
        case .uniform(let low, let high): return low + generator.below(high - low + 1)
        case .normal(let mean, let deviation, let low, let high):
            var sum = 0.0
            for _ in 0..<12 { sum += generator.unit() }
            let draw = (Double(mean) + (sum - 6) * Double(deviation)).rounded()
            return Swift.min(high, Swift.max(low, Int(draw)))
        }
    }

    /// The largest count this distribution can produce.
    public var maximum: Int {
        switch self {
        case .fixed(let value): return value
        case .uniform(_, let high), .normal(_, _, _, let high): return high
        }
    }
}
