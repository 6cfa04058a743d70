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

/// Classifies the scalars of UTF-8 text: one table built once for the Basic Multilingual Plane
/// (ASCII included), and the standard library's properties above it.
struct ScalarClassTable: @unchecked Sendable {
    // @unchecked Sendable: the table is written once inside `shared`'s initialiser (which Swift
    // runs exactly once, thread-safely) and is never written again nor freed.
    let classes: UnsafePointer<UInt8>

    /// Class of every BMP scalar, indexed by scalar value (surrogates are `.other`; they never
    /// occur in valid UTF-8). Built on first use from `ScalarClass.of`; 64 KB, never freed.
    static let shared: ScalarClassTable = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
        for value in 0..<0x10000 {
            if let scalar = Unicode.Scalar(UInt32(value)) {
                table[value] = ScalarClass.of(scalar).rawValue
            } else {
                table[value] = ScalarClass.other.rawValue
            }
        }
        return ScalarClassTable(classes: UnsafePointer(table))
    }()
}

/// A read cursor over valid UTF-8 that yields each scalar's class (as a one-bit mask) and byte
/// length.
///
/// Input always comes from a Swift `String`, so it is valid UTF-8; the decoder still never reads
/// past `end` (a truncated sequence is treated as one `.other` byte).
struct ClassCursor {
    let base: UnsafePointer<UInt8>
    let end: Int
    let classes: UnsafePointer<UInt8>

    init(base: UnsafePointer<UInt8>, end: Int) {
        self.base = base
        self.end = end
        self.classes = ScalarClassTable.shared.classes
    }

    /// The class bit and byte length of the scalar at `i`. Requires `i < end`.
    @inline(__always)
    func scalar(at i: Int) -> (bits: UInt8, length: Int) {
        // Invariant: callers pass 0 <= i < end, and `end` is within the buffer.
        let b0 = base[i]
        // Invariant: b0 < 0x80 < 0x10000, the table's size.
        if b0 < 0x80 { return (1 << classes[Int(b0)], 1) }
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
        // Invariant: value < 0x10000, the table's size.
        if value < 0x10000 { return (1 << classes[Int(value)], length) }
        guard let scalar = Unicode.Scalar(value) else { return (ScalarClass.other.bit, length) }
        return (ScalarClass.of(scalar).bit, length)
    }
}
