import Foundation

/// A Cloudflare account id and API token.
///
/// Neither value is ever printed, logged, reflected or put in an error: `description`,
/// `debugDescription` and `Mirror` show placeholders, and the client scrubs both from any text it
/// logs or stores in an error.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let accountID: String
    let apiToken: String

    /// The environment variable holding the account id.
    public static let accountVariable = "CLOUDFLARE_ACCOUNT_ID"
    /// The environment variable holding the API token.
    public static let tokenVariable = "CLOUDFLARE_API_TOKEN"

    /// Credentials given directly. The account id must be a plain identifier (letters, digits, `-`, `_`)
    /// because it becomes part of the URL path; the token must not contain line breaks.
    public init(accountID: String, apiToken: String) throws(WorkersAIError) {
        let account = accountID.trimmingCharacters(in: .whitespacesAndNewlines)
        let token = apiToken.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !account.isEmpty else {
            throw .missingCredentials(variable: Self.accountVariable, reason: "the Cloudflare account id is empty")
        }
        guard account.utf8.allSatisfy(Self.isIdentifierByte) else {
            throw .missingCredentials(
                variable: Self.accountVariable, reason: "the Cloudflare account id may hold only letters, digits, '-' and '_'")
        }
        guard !token.isEmpty else {
            throw .missingCredentials(variable: Self.tokenVariable, reason: "the Cloudflare API token is empty")
        }
        guard token.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .missingCredentials(
                variable: Self.tokenVariable, reason: "the Cloudflare API token contains spaces, line breaks or non-ASCII bytes")
        }
        self.accountID = account
        self.apiToken = token
    }

    /// Reads `CLOUDFLARE_ACCOUNT_ID` and `CLOUDFLARE_API_TOKEN` from `environment`.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(WorkersAIError) -> Credentials {
        guard let account = environment[accountVariable], !account.isEmpty else {
            throw .missingCredentials(variable: accountVariable, reason: "no Cloudflare account id in the environment")
        }
        guard let token = environment[tokenVariable], !token.isEmpty else {
            throw .missingCredentials(variable: tokenVariable, reason: "no Cloudflare API token in the environment")
        }
        return try Credentials(accountID: account, apiToken: token)
    }

    /// `Credentials(account: <redacted>, token: <redacted>)`.
    public var description: String { "Credentials(account: <redacted>, token: <redacted>)" }
    /// Same as `description`: nothing secret.
    public var debugDescription: String { description }
    /// A mirror with placeholders, so `dump` and reflection show nothing secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["account": "<redacted>", "token": "<redacted>"], displayStyle: .struct)
    }

    /// `text` with the token and account id replaced by placeholders, for logs and error messages.
    /// - Complexity: O(n) in the length of `text`.
    func redacting(_ text: String) -> String {
        text.replacingOccurrences(of: apiToken, with: "<token>").replacingOccurrences(of: accountID, with: "{account_id}")
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }
}
