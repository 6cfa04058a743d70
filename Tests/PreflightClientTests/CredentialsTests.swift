import Foundation
import PreflightClient
import Testing

@Suite("Credentials never show")
struct CredentialsTests {
    @Test("description, debug description and dump hide both values")
    func redacted() throws {
        let credentials = try Credentials(accountID: ClientHarness.accountID, apiToken: ClientHarness.token)
        var dumped = ""
        dump(credentials, to: &dumped)
        let client = WorkersAIClient(credentials: credentials)
        var dumpedClient = ""
        dump(client, to: &dumpedClient)
        for text in [String(describing: credentials), String(reflecting: credentials), dumped, dumpedClient, "\(client)"] {
            #expect(!text.contains(ClientHarness.token))
            #expect(!text.contains(ClientHarness.accountID))
        }
    }

    @Test("missing variables name the variable to set, and never echo a value")
    func fromEnvironment() {
        #expect {
            _ = try Credentials.fromEnvironment(["CLOUDFLARE_API_TOKEN": ClientHarness.token])
        } throws: { error in
            guard case .missingCredentials(let variable, _) = error as? WorkersAIError else { return false }
            return variable == "CLOUDFLARE_ACCOUNT_ID" && !"\(error)".contains(ClientHarness.token)
        }
        #expect {
            _ = try Credentials.fromEnvironment(["CLOUDFLARE_ACCOUNT_ID": ClientHarness.accountID, "CLOUDFLARE_API_TOKEN": ""])
        } throws: { error in
            guard case .missingCredentials(let variable, _) = error as? WorkersAIError else { return false }
            return variable == "CLOUDFLARE_API_TOKEN"
        }
        #expect(throws: WorkersAIError.self) {
            _ = try Credentials(accountID: "acct/../x", apiToken: ClientHarness.token)
        }
        #expect(throws: WorkersAIError.self) {
            _ = try Credentials(accountID: ClientHarness.accountID, apiToken: "tok\r\nX-Evil: 1")
        }
    }
}

@Suite("Requests never show the token")
struct RequestRedactionTests {
    @Test("printing or dumping a request hides the Authorization value")
    func redactedHeaders() throws {
        let request = HTTPRequest(
            method: "POST", url: try #require(URL(string: "https://example.invalid/x")),
            headers: [HTTPHeader("Authorization", "Bearer \(ClientHarness.token)"), HTTPHeader("Accept", "text/plain")])
        var dumped = ""
        dump(request, to: &dumped)
        for text in [String(describing: request), String(reflecting: request), dumped] {
            #expect(!text.contains(ClientHarness.token))
        }
        #expect(dumped.contains("text/plain"))
        #expect(request.header("authorization") == "Bearer \(ClientHarness.token)")  // still sent as given
    }
}
