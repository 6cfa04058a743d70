/// BERT's normaliser, as Hugging Face's `BertNormalizer` applies it (`bert.rs`), in its order:
///
/// 1. clean text: drop NUL, U+FFFD and control characters (categories Cc, Cf, Co, Cs, except tab,
///    newline and carriage return), then turn white space (`White_Space`) into a space;
/// 2. put spaces around CJK ideographs, so each becomes its own word;
/// 3. strip accents: NFD (through ICU), then drop nonspacing marks (Mn);
/// 4. lowercase, scalar by scalar (full mappings, no final-sigma rule).
///
/// With `lowercase` on and `strip_accents` unset, accents are stripped too (`bert-base-uncased`).
///
/// Character classes follow Hugging Face's, which come from crates with Unicode 8.0 tables: a
/// character assigned later is "unassigned" there (so never removed as a control character,
/// never punctuation, never a stripped mark). ``generalCategory(_:)`` reproduces that with the
/// scalar's Unicode age. Measured against tokenizers 0.23.3 over U+0080…U+31FFF, this leaves
/// seven code points whose category itself changed since 8.0 (e.g. U+1734, U+166D) different.
public struct BertNormalizer: Sendable, Hashable {
    /// Step 1.
    public var cleansText: Bool
    /// Step 2.
    public var isolatesCJKIdeographs: Bool
    /// Step 3.
    public var stripsAccents: Bool
    /// Step 4.
    public var lowercases: Bool

    /// A normaliser with Hugging Face's options; `stripAccents: nil` follows `lowercase`.
    public init(lowercase: Bool = true, stripAccents: Bool? = nil, cleanText: Bool = true, handleChineseChars: Bool = true) {
        self.cleansText = cleanText
        self.isolatesCJKIdeographs = handleChineseChars
        self.stripsAccents = stripAccents ?? lowercase
        self.lowercases = lowercase
    }

    /// The normalised text, or nil when it is unchanged.
    /// - Complexity: O(*n*); ASCII text never reaches ICU. Each pass writes UTF-8 bytes into
    ///   one growing buffer (appending to `String.UnicodeScalarView` copied the whole string
    ///   per append here, which made long CJK texts quadratic).
    func normalized(_ text: String) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 2)
        var isASCII = true
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x80 { isASCII = false }
            if cleansText {
                if Self.isRemovedByCleaning(scalar) { continue }
                if scalar.properties.isWhitespace { output.append(0x20); continue }
            }
            if isolatesCJKIdeographs && Self.isCJKIdeograph(scalar.value) {
                output.append(0x20)
                Self.append(scalar, to: &output)
                output.append(0x20)
                continue
            }
            Self.append(scalar, to: &output)
        }
        if stripsAccents && !isASCII {
            let current = String(decoding: output, as: UTF8.self)
            let decomposed = ICUNormalization.normalize(current, form: .nfd) ?? current
            output.removeAll(keepingCapacity: true)
            for scalar in decomposed.unicodeScalars where Self.generalCategory(scalar) != .nonspacingMark {
                Self.append(scalar, to: &output)
            }
        }
        if lowercases {
            var lowered: [UInt8] = []
            lowered.reserveCapacity(output.count)
            for scalar in String(decoding: output, as: UTF8.self).unicodeScalars {
                if scalar.value < 0x80 {
                    let byte = UInt8(scalar.value)
                    lowered.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                } else if scalar.properties.changesWhenLowercased {
                    for mapped in scalar.properties.lowercaseMapping.unicodeScalars { Self.append(mapped, to: &lowered) }
                } else {
                    Self.append(scalar, to: &lowered)
                }
            }
            output = lowered
        }
        return output.elementsEqual(text.utf8) ? nil : String(decoding: output, as: UTF8.self)
    }

    @inline(__always)
    private static func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        UTF8.encode(scalar) { output.append($0) }
    }

    /// NUL, U+FFFD, and "other" characters except tab, newline and carriage return (`is_control`).
    @inline(__always)
    static func isRemovedByCleaning(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0, 0xFFFD: return true
        case 0x09, 0x0A, 0x0D: return false
        case 0x20..<0x7F: return false
        default:
            switch generalCategory(scalar) {
            case .control, .format, .privateUse, .surrogate: return true
            default: return false
            }
        }
    }

    /// The scalar's general category as Unicode 8.0 tables give it: nil (unassigned) for a
    /// scalar assigned after 8.0. See the type's documentation for why.
    @inline(__always)
    static func generalCategory(_ scalar: Unicode.Scalar) -> Unicode.GeneralCategory? {
        guard let age = scalar.properties.age, age.major < 9 else { return nil }
        return scalar.properties.generalCategory
    }

    /// The CJK Unified Ideographs blocks BERT isolates (`is_chinese_char` in Hugging Face's
    /// `bert.rs`, which starts Extension E at U+2B920 where Google's BERT says U+2B820).
    @inline(__always)
    static func isCJKIdeograph(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
             0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
