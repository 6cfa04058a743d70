import Foundation
import PreflightCatalog

/// Inline SVG charts for the HTML report. Geometry uses `Double` (pixels, never money); the values
/// plotted are converted from exact decimals only here.
enum SVGCharts {
    static let palette = ["#2563eb", "#f97316", "#16a34a", "#dc2626", "#9333ea", "#0891b2", "#ca8a04", "#db2777"]

    static func color(_ index: Int) -> String { palette[index % palette.count] }

    static let monthColour = "#0f766e"

    /// Stacked bars of neurons per day and model, a dashed line at the free allocation, neurons on the
    /// left axis and the equivalent dollars (before the free allocation) on the right.
    static func costPerDay(_ forecast: Forecast) -> String {
        let width = 1000.0, height = 340.0
        let left = 78.0, right = 78.0, top = 20.0, bottom = 46.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let free = forecast.billing.freeNeuronsPerDay.value.double
        let highest = max(forecast.daily.map { $0.neurons.value.double }.max() ?? 0, free)
        let step = niceStep(highest * 1.1 / 5)
        let ceiling = (highest * 1.1 / step).rounded(.up) * step
        let y = { (value: Double) in top + plotHeight - value / ceiling * plotHeight }
        let models = forecast.models.map(\.model)
        let slot = plotWidth / Double(max(1, forecast.daily.count))
        let barWidth = max(1, slot * 0.8)
        var svg = #"<svg class="chart" viewBox="0 0 \#(Int(width)) \#(Int(height))" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Neurons and cost per day">"#
        // Grid and axes.
        var tick = 0.0
        let dollarsPerNeuron = (forecast.billing.dollarsPerThousandNeurons / 1000).double
        while tick <= ceiling + step / 2 {
            let ty = y(tick)
            svg += #"<line x1="\#(left)" y1="\#(f(ty))" x2="\#(width - right)" y2="\#(f(ty))" class="grid"/>"#
            svg += #"<text x="\#(left - 6)" y="\#(f(ty + 4))" text-anchor="end" class="tick">\#(short(tick))</text>"#
            svg += #"<text x="\#(width - right + 6)" y="\#(f(ty + 4))" class="tick">$\#(money(tick * dollarsPerNeuron, step: step * dollarsPerNeuron))</text>"#
            tick += step
        }
        svg += #"<text x="14" y="\#(f(top + plotHeight / 2))" transform="rotate(-90 14 \#(f(top + plotHeight / 2)))" text-anchor="middle" class="axis">neurons per day</text>"#
        svg += #"<text x="\#(width - 12)" y="\#(f(top + plotHeight / 2))" transform="rotate(90 \#(width - 12) \#(f(top + plotHeight / 2)))" text-anchor="middle" class="axis">$ per day before free allocation</text>"#
        // Bars.
        for (index, day) in forecast.daily.enumerated() {
            var base = 0.0
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            for part in day.byModel {
                let value = part.neurons.value.double
                guard value > 0 else { continue }
                let colour = color(models.firstIndex(of: part.model) ?? 0)
                svg += #"<rect x="\#(f(x))" y="\#(f(y(base + value)))" width="\#(f(barWidth))" height="\#(f(y(base) - y(base + value)))" fill="\#(colour)">"#
                svg += "<title>\(day.date) \(HTMLRenderer.escape(part.model)): \(Figures.neurons(part.neurons)) neurons; day billed \(Figures.dollars(day.dollars))</title></rect>"
                base += value
            }
        }
        // Free allocation line.
        let fy = y(free)
        svg += #"<line x1="\#(left)" y1="\#(f(fy))" x2="\#(width - right)" y2="\#(f(fy))" class="free"/>"#
        svg += #"<text x="\#(left + 6)" y="\#(f(fy - 6))" class="free-label">free allocation: \#(Figures.neurons(forecast.billing.freeNeuronsPerDay)) neurons/day</text>"#
        // X labels: first day, each month start, last day (skipping crowded ones).
        var lastLabelX = -100.0
        for (index, day) in forecast.daily.enumerated() where index == 0 || day.date.components.day == 1 || index == forecast.daily.count - 1 {
            let x = left + (Double(index) + 0.5) * slot
            guard x - lastLabelX > 70 else { continue }
            svg += #"<line x1="\#(f(x))" y1="\#(f(top + plotHeight))" x2="\#(f(x))" y2="\#(f(top + plotHeight + 5))" class="axisline"/>"#
            svg += #"<text x="\#(f(x))" y="\#(f(top + plotHeight + 20))" text-anchor="middle" class="tick">\#(day.date)</text>"#
            lastLabelX = x
        }
        svg += #"<line x1="\#(left)" y1="\#(f(top + plotHeight))" x2="\#(width - right)" y2="\#(f(top + plotHeight))" class="axisline"/>"#
        return svg + "</svg>"
    }

    /// A donut of each model's share of neurons, with a legend.
    static func sharePerModel(_ forecast: Forecast) -> String {
        let size = 240.0, center = 120.0, radius = 100.0, inner = 58.0
        var svg = #"<svg class="donut" viewBox="0 0 \#(Int(size)) \#(Int(size))" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Share of neurons per model">"#
        let total = forecast.total.neurons.value.double
        var angle = -Double.pi / 2
        for (index, share) in forecast.models.enumerated() {
            let fraction = total > 0 ? share.neurons.value.double / total : 0
            guard fraction > 0 else { continue }
            let title = "<title>\(HTMLRenderer.escape(share.model)): \(Figures.decimal(share.sharePercent, places: 2)) %</title>"
            if fraction >= 0.9999 {
                svg += #"<circle cx="\#(center)" cy="\#(center)" r="\#((radius + inner) / 2)" fill="none" stroke="\#(color(index))" stroke-width="\#(radius - inner)">\#(title)</circle>"#
                break
            }
            let end = angle + fraction * 2 * Double.pi
            let large = fraction > 0.5 ? 1 : 0
            let p = { (r: Double, a: Double) in "\(f(center + r * cos(a))) \(f(center + r * sin(a)))" }
            svg += #"<path d="M \#(p(radius, angle)) A \#(radius) \#(radius) 0 \#(large) 1 \#(p(radius, end)) L \#(p(inner, end)) A \#(inner) \#(inner) 0 \#(large) 0 \#(p(inner, angle)) Z" fill="\#(color(index))">\#(title)</path>"#
            angle = end
        }
        svg += #"<text x="\#(center)" y="\#(center - 4)" text-anchor="middle" class="donut-total">\#(Figures.cents(forecast.total.dollars))</text>"#
        svg += #"<text x="\#(center)" y="\#(center + 14)" text-anchor="middle" class="tick">billed</text>"#
        return svg + "</svg>"
    }

    /// Billed dollars per month as bars.
    static func billedPerMonth(_ forecast: Forecast) -> String {
        let width = 480.0, height = 240.0, left = 70.0, bottom = 40.0, top = 16.0
        let plotHeight = height - top - bottom, plotWidth = width - left - 16
        let highest = forecast.monthly.map { $0.dollars.amount.double }.max() ?? 0
        let step = niceStep(max(highest, 0.000001) * 1.1 / 4)
        let ceiling = max(step, (highest * 1.1 / step).rounded(.up) * step)
        let y = { (value: Double) in top + plotHeight - value / ceiling * plotHeight }
        var svg = #"<svg class="months" viewBox="0 0 \#(Int(width)) \#(Int(height))" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Billed dollars per month">"#
        var tick = 0.0
        while tick <= ceiling + step / 2 {
            svg += #"<line x1="\#(left)" y1="\#(f(y(tick)))" x2="\#(width - 16)" y2="\#(f(y(tick)))" class="grid"/>"#
            svg += #"<text x="\#(left - 6)" y="\#(f(y(tick) + 4))" text-anchor="end" class="tick">$\#(money(tick, step: step))</text>"#
            tick += step
        }
        let slot = plotWidth / Double(max(1, forecast.monthly.count))
        for (index, month) in forecast.monthly.enumerated() {
            let value = month.dollars.amount.double
            let x = left + Double(index) * slot + slot * 0.15
            svg += #"<rect x="\#(f(x))" y="\#(f(y(value)))" width="\#(f(slot * 0.7))" height="\#(f(y(0) - y(value)))" fill="\#(monthColour)"><title>\#(month.period): \#(Figures.dollars(month.dollars)) billed</title></rect>"#
            svg += #"<text x="\#(f(x + slot * 0.35))" y="\#(f(y(value) - 5))" text-anchor="middle" class="tick">\#(Figures.cents(month.dollars))</text>"#
            svg += #"<text x="\#(f(x + slot * 0.35))" y="\#(f(height - bottom + 18))" text-anchor="middle" class="tick">\#(month.period)</text>"#
        }
        svg += #"<line x1="\#(left)" y1="\#(f(y(0)))" x2="\#(width - 16)" y2="\#(f(y(0)))" class="axisline"/>"#
        return svg + "</svg>"
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0 else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= raw { return factor * magnitude }
        return 10 * magnitude
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Axis numbers: 12k, 1.5M.
    static func short(_ value: Double) -> String {
        if value >= 1_000_000 { return trimmed(value / 1_000_000) + "M" }
        if value >= 1000 { return trimmed(value / 1000) + "k" }
        return trimmed(value)
    }

    /// An axis amount with as many decimals as the tick step needs (at least 2).
    static func money(_ value: Double, step: Double) -> String {
        let decimals = step >= 1 ? 2 : max(2, Int((-log10(step)).rounded(.up)) + 1)
        return String(format: "%.\(decimals)f", value)
    }

    private static func trimmed(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

extension Decimal {
    /// For plotting only.
    var double: Double { Double(description) ?? 0 }
}
