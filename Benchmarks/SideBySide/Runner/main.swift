import BenchmarkInputs
import Foundation
import PreflightCatalog
import PreflightTokenizer

// The Swift half of the side-by-side benchmark (driven by side_by_side.py, which runs the Python
// references in the same session). Single-threaded except `batch`. Prints one JSON object.
//
//   SideBySide TOKENIZER FILE REPS           encode and count FILE REPS times each
//   SideBySide ids TOKENIZER FILE            the ids of FILE, for the agreement check
//   SideBySide load TOKENIZER                load time and resident memory before/after
//   SideBySide upto TOKENIZER FILE LIMIT REPS  count(of:upTo:) with early exit
//   SideBySide batch TOKENIZER FILE REPS     one text per line: count each in a loop vs counts(of:)
//   SideBySide inputs DIR                    writes the generated benchmark inputs to DIR

let arguments = Array(CommandLine.arguments.dropFirst())

do {
    switch arguments.first {
    case "ids": try SideBySide.ids(name: arguments[1], file: arguments[2])
    case "load": try SideBySide.load(name: arguments[1])
    case "upto": try SideBySide.upTo(name: arguments[1], file: arguments[2], limit: Int(arguments[3]) ?? 8_192, reps: reps(arguments[4]))
    case "batch": try SideBySide.batch(name: arguments[1], file: arguments[2], reps: reps(arguments[3]))
    case "inputs": try SideBySide.writeInputs(to: arguments[1])
    case .some where arguments.count == 3: try SideBySide.time(name: arguments[0], file: arguments[1], reps: reps(arguments[2]))
    default:
        FileHandle.standardError.write(Data("usage: SideBySide TOKENIZER FILE REPS (or ids/load/upto/batch/inputs; see main.swift)\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("SideBySide: \(error)\n".utf8))
    exit(1)
}

func reps(_ text: String) -> Int { max(1, Int(text) ?? 1) }
