import Foundation
public import PreflightCatalog

/// Number formatting for people, locale-independent so reports are identical everywhere.
/// Dollars: half-to-even to 6 places (`Dollars.description`); neurons: half-to-even to 3 places;
/// both with `,` thousands separators.
public enum Figures {
    /// `$1,234.567890`.
    public static func dollars(_ amount: Dollars) -> String {
        let text = Dollars.fixedPointText(amount.rounded(scale: Dollars.displayScale), scale: Dollars.displayScale)
        return (text.hasPrefix("-") ? "-$" + grouped(String(text.dropFirst())) : "$" + grouped(text))
    }

    /// `$1,234.57`: dollars rounded half-to-even to cents, for chart labels.
    public static func cents(_ amount: Dollars) -> String {
        let text = Dollars.fixedPointText(amount.rounded(scale: 2), scale: 2)
        return (text.hasPrefix("-") ? "-$" + grouped(String(text.dropFirst())) : "$" + grouped(text))
    }

    /// `12,345.679` (at most 3 decimals, trailing zeros dropped).
    public static func neurons(_ amount: Neurons) -> String { decimal(amount.value, places: 3) }

    /// A whole number with separators: `1,234,567`.
    public static func integer(_ value: Int) -> String { grouped(String(value)) }

    /// A decimal rounded half-to-even to `places`, trailing zeros dropped, with separators.
    public static func decimal(_ value: Decimal, places: Int) -> String {
        var exact = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, places, .bankers)
        let text = rounded.description
        return text.hasPrefix("-") ? "-" + grouped(String(text.dropFirst())) : grouped(text)
    }

    /// Inserts `,` every three digits of the whole part of a plain decimal text.
    static func grouped(_ text: String) -> String {
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = Array(parts.first ?? "0")
        var result: [Character] = []
        while whole.count > 3 {
            result.insert(contentsOf: [","] + whole.suffix(3), at: 0)
            whole.removeLast(3)
        }
        result.insert(contentsOf: whole, at: 0)
        return String(result) + (parts.count > 1 ? "." + parts[1] : "")
    }
}
