/// Throughput arithmetic shared by the benchmarks and the side-by-side runner.
public enum Rate {
    /// `bytes` over `duration`, as a whole number of bytes per second (0 for a zero duration).
    public static func bytesPerSecond(_ bytes: Int, in duration: Duration) -> Int {
        let seconds = Rate.seconds(duration)
        return seconds > 0 ? Int(Double(bytes) / seconds) : 0
    }

    /// `duration` in seconds.
    public static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
