/// BERT's normaliser, as Hugging Face's `BertNormalizer` applies it (`bert.rs`), in its order:
///
/// 1. clean text: drop NUL, U+FFFD and control characters (categories Cc, Cf, Co, Cs, except tab,
///    newline and carriage return), then turn white space (`White_Space`) into a space;
/// 2. put spaces around CJK ideographs, so each becomes its own word;
/// 3. strip accents: NFD (through ICU), then drop nonspacing marks (Mn);
/// 4. lowercase, scalar by scalar (full mappings, no final-sigma rule).
///
/// With `lowercase` on and `strip_accents` unset, accents are stripped too (`bert-base-uncased`).
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
    /// - Complexity: O(*n*); ASCII text never reaches ICU.
    func normalized(_ text: String) -> String? {
        var scalars = String.UnicodeScalarView()
        var isASCII = true
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x80 { isASCII = false }
            if cleansText {
                if Self.isRemovedByCleaning(scalar) { continue }
                if scalar.properties.isWhitespace { scalars.append(" "); continue }
            }
            if isolatesCJKIdeographs && Self.isCJKIdeograph(scalar.value) {
                scalars.append(" ")
                scalars.append(scalar)
                scalars.append(" ")
                continue
            }
            scalars.append(scalar)
        }
        var result = String(scalars)
        if stripsAccents && !isASCII {
            let decomposed = ICUNormalization.normalize(result, form: .nfd) ?? result
            var kept = String.UnicodeScalarView()
            for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
                kept.append(scalar)
            }
            result = String(kept)
        }
        if lowercases {
            var lowered = String.UnicodeScalarView()
            for scalar in result.unicodeScalars {
                if scalar.value < 0x80 {
                    let byte = UInt8(scalar.value)
                    lowered.append(byte >= 0x41 && byte <= 0x5A ? Unicode.Scalar(byte + 0x20) : scalar)
                } else {
                    lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            }
            result = String(lowered)
        }
        return result.utf8.elementsEqual(text.utf8) ? nil : result
    }

    /// NUL, U+FFFD, and "other" characters except tab, newline and carriage return (`is_control`).
    @inline(__always)
    static func isRemovedByCleaning(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0, 0xFFFD: return true
        case 0x09, 0x0A, 0x0D: return false
        case 0x20..<0x7F: return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .privateUse, .surrogate: return true
            default: return false
            }
        }
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
