// Shared helpers for the test targets: fixture loading, a loopback HTTP server, text generators.
