import Foundation

/// How Workers AI turns neurons into dollars: the neuron price and the daily free allocation.
///
/// Source: cloudflare-docs `src/content/docs/workers-ai/platform/pricing.mdx`
/// @970ac7295d27cc146b7d88ed29f4463a4f02b78d — "$0.011 per 1,000 Neurons", and "10,000 Neurons
/// per day" free on both Workers Free and Workers Paid, resetting at 00:00 UTC.
public struct BillingPolicy: Sendable, Hashable, Codable {
    /// Dollars charged per 1,000 neurons beyond the free allocation.
    public var dollarsPerThousandNeurons: Decimal
    /// Neurons free per UTC day, shared by every model on the account.
    public var freeNeuronsPerDay: Neurons

    /// A policy with the given neuron price and daily free allocation.
    public init(dollarsPerThousandNeurons: Decimal, freeNeuronsPerDay: Neurons) {
        self.dollarsPerThousandNeurons = dollarsPerThousandNeurons
        self.freeNeuronsPerDay = freeNeuronsPerDay
    }

    /// Workers AI as published on the pricing page cited above: $0.011 per 1,000 neurons, 10,000 free a day.
    public static let workersAI = BillingPolicy(
        dollarsPerThousandNeurons: Decimal(11) / Decimal(1000),
        freeNeuronsPerDay: Neurons(10_000)
    )

    /// The dollar price of `neurons`, exactly (`neurons × 0.011 / 1000`).
    public func dollars(for neurons: Neurons) -> Dollars {
        Dollars(neurons.value * dollarsPerThousandNeurons / Decimal(1000))
    }

    /// The neurons of one UTC day that are billed once the free allocation is used up.
    public func billableNeurons(ofDay neurons: Neurons) -> Neurons {
        (neurons - freeNeuronsPerDay).clampedAtZero
    }

    /// The dollars billed for one UTC day's `neurons`, after the free allocation.
    public func dollarsAfterFreeAllocation(ofDay neurons: Neurons) -> Dollars {
        dollars(for: billableNeurons(ofDay: neurons))
    }

    /// How many requests of `neuronsPerRequest` each fit entirely in one day's free allocation;
    /// `nil` when a request costs nothing (then any number fits).
    public func requestsWithinFreeAllocation(neuronsPerRequest: Neurons) -> Int? {
        guard neuronsPerRequest.value > 0 else { return nil }
        var quotient = freeNeuronsPerDay.value / neuronsPerRequest.value
        var floored = Decimal()
        NSDecimalRound(&floored, &quotient, 0, .down)
        return Int(floored.description) ?? Int.max
    }
}
