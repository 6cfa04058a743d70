import Synchronization

/// The Unicode classes that the published split regexes distinguish, one value per scalar.
///
/// Every class the patterns use is a union of these: `\p{L}` = upper ∪ lower ∪ otherLetter,
/// `\p{N}` = number, `\s` (the White_Space property, as Rust's `regex` and Python's `regex`
/// define it) = newline ∪ space, `\p{M}` = mark, and o200k's `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]` =
/// upper ∪ otherLetter ∪ mark. No White_Space scalar is a letter, number or mark, so the classes
/// are disjoint.
enum ScalarClass: UInt8 {
    /// Lu and Lt.
    case upper = 0
    /// Ll.
    case lower = 1
    /// Lm and Lo: in both of o200k's case sets.
    case otherLetter = 2
    /// Mn, Mc, Me.
    case mark = 3
    /// Nd, Nl, No.
    case number = 4
    /// `\r` and `\n`, which the patterns name apart from other white space.
    case newline = 5
    /// Any other White_Space scalar.
    case space = 6
    /// Everything else: punctuation, symbols, controls, unassigned.
    case other = 7

    @inline(__always) var bit: UInt8 { 1 << rawValue }

    /// Classifies one scalar from the standard library's Unicode tables.
    static func of(_ scalar: Unicode.Scalar) -> ScalarClass {
        if scalar == "\r" || scalar == "\n" { return .newline }
        let properties = scalar.properties
        let category = properties.generalCategory
        switch category {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control:
            // Every White_Space scalar is in one of these categories; asking only for them
            // halves the cost of building the class table.
            if properties.isWhitespace { return .space }
        default:
            break
        }
        switch category {
        case .uppercaseLetter, .titlecaseLetter: return .upper
        case .lowercaseLetter: return .lower
        case .modifierLetter, .otherLetter: return .otherLetter
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .decimalNumber, .letterNumber, .otherNumber: return .number
        default: return .other
        }
    }
}

/// Sets of `ScalarClass` as bit masks, named after the regex classes they implement.
enum ClassSet {
    /// `\p{L}`.
    static let letter: UInt8 = ScalarClass.upper.bit | ScalarClass.lower.bit | ScalarClass.otherLetter.bit
    /// `\p{N}`.
    static let number: UInt8 = ScalarClass.number.bit
    /// `\s`.
    static let whitespace: UInt8 = ScalarClass.newline.bit | ScalarClass.space.bit
    /// `[^\r\n\p{L}\p{N}]`: the optional one-scalar prefix of a word.
    static let wordPrefix: UInt8 = ScalarClass.mark.bit | ScalarClass.space.bit | ScalarClass.other.bit
    /// `[^\s\p{L}\p{N}]`: punctuation and symbols (and marks).
    static let punctuation: UInt8 = ScalarClass.mark.bit | ScalarClass.other.bit
    /// o200k's `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`.
    static let casedUpper: UInt8 = ScalarClass.upper.bit | ScalarClass.otherLetter.bit | ScalarClass.mark.bit
    /// o200k's `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`.
    static let casedLower: UInt8 = ScalarClass.lower.bit | ScalarClass.otherLetter.bit | ScalarClass.mark.bit
}

/// Classifies the scalars of UTF-8 text from a two-level table over the whole code space: one
/// 256-entry page per 256-scalar block, each built from the standard library's properties the
/// first time a scalar of that block is seen, plus an ASCII page built at first use.
///
/// Lazy pages because building the whole BMP up front cost 25–47 M instructions (callgrind,
/// Docs/profile-notes.md §4) on the first text of every process, while real texts touch a few
/// blocks (about 100 k instructions each).
final class ScalarClassTable: @unchecked Sendable {
    // @unchecked Sendable: `ascii` is written only in `init`; each page is built privately and
    // then published once through an atomic compare-exchange (acquire/release), never written
    // again nor freed, so readers see either no page or a complete one.

    /// The one table of the process.
    static let shared = ScalarClassTable()

    /// Number of 256-scalar blocks in the code space (U+0000 through U+10FFFF).
    private static let pageCount = 0x110000 >> 8

    /// Class of each ASCII scalar, the path taken for most bytes.
    let ascii: UnsafePointer<UInt8>
    private let pages: UnsafeMutablePointer<Atomic<UnsafePointer<UInt8>?>>

    private init() {
        let ascii = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x80)
        for value in 0..<0x80 {
            // Invariant: every value below 0x80 is a scalar.
            ascii[value] = Unicode.Scalar(UInt8(value)).classRawValue
        }
        self.ascii = UnsafePointer(ascii)
        pages = .allocate(capacity: Self.pageCount)
        for index in 0..<Self.pageCount { (pages + index).initialize(to: Atomic(nil)) }
    }

    /// The class of scalar value `value` (surrogates and values past U+10FFFF are `.other`).
    @inline(__always)
    func classRawValue(of value: UInt32) -> UInt8 {
        let index = Int(value >> 8)
        guard index < Self.pageCount else { return ScalarClass.other.rawValue }
        // Invariant: index < pageCount, the directory's size; pages have 256 entries.
        if let page = pages[index].load(ordering: .acquiring) { return page[Int(value & 0xFF)] }
        return buildPage(index)[Int(value & 0xFF)]
    }

    /// Builds block `index` and publishes it; a thread that loses the race uses the winner's page.
    @inline(never)
    private func buildPage(_ index: Int) -> UnsafePointer<UInt8> {
        let page = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x100)
        for offset in 0..<0x100 {
            let value = UInt32(index << 8 | offset)
            page[offset] = Unicode.Scalar(value)?.classRawValue ?? ScalarClass.other.rawValue
        }
        let built = UnsafePointer(page)
        let (exchanged, original) = pages[index].compareExchange(
            expected: nil, desired: built, ordering: .acquiringAndReleasing)
        if exchanged { return built }
        page.deallocate()
        return original ?? built
    }
}

extension Unicode.Scalar {
    fileprivate var classRawValue: UInt8 { ScalarClass.of(self).rawValue }
}

/// A read cursor over valid UTF-8 that yields each scalar's class (as a one-bit mask) and byte
/// length.
///
/// Input always comes from a Swift `String`, so it is valid UTF-8; the decoder still never reads
/// past `end` (a truncated sequence is treated as one `.other` byte).
struct ClassCursor {
    let base: UnsafePointer<UInt8>
    let end: Int
    let ascii: UnsafePointer<UInt8>
    // unowned(unsafe): the shared table lives for the whole process; no reference counting per cursor copy.
    unowned(unsafe) let table: ScalarClassTable

    init(base: UnsafePointer<UInt8>, end: Int) {
        self.base = base
        self.end = end
        self.table = ScalarClassTable.shared
        self.ascii = table.ascii
    }

    /// The class bit and byte length of the scalar at `i`. Requires `i < end`.
    @inline(__always)
    func scalar(at i: Int) -> (bits: UInt8, length: Int) {
        // Invariant: callers pass 0 <= i < end, and `end` is within the buffer.
        let b0 = base[i]
        // Invariant: b0 < 0x80, the ASCII table's size.
        if b0 < 0x80 { return (1 << ascii[Int(b0)], 1) }
        return decodeSlow(at: i, lead: b0)
    }

    @inline(never)
    func decodeSlow(at i: Int, lead b0: UInt8) -> (bits: UInt8, length: Int) {
        let length: Int
        var value: UInt32
        if b0 & 0xE0 == 0xC0 {
            length = 2; value = UInt32(b0 & 0x1F)
        } else if b0 & 0xF0 == 0xE0 {
            length = 3; value = UInt32(b0 & 0x0F)
        } else if b0 & 0xF8 == 0xF0 {
            length = 4; value = UInt32(b0 & 0x07)
        } else {
            return (ScalarClass.other.bit, 1)
        }
        guard i + length <= end else { return (ScalarClass.other.bit, 1) }
        for k in 1..<length {
            // Invariant: i + k < i + length <= end.
            value = (value << 6) | UInt32(base[i + k] & 0x3F)
        }
        return (1 << table.classRawValue(of: value), length)
    }
}
