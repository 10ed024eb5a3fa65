// Compiles Data/ into Sources/CJianfanTables/tables.bin, the tables embedded in the library.
// Usage: swift run jianfan-tables [DATA_DIR] [OUTPUT]   (run from the package root)
import Foundation
import Jianfan

let arguments = CommandLine.arguments.dropFirst()
let data = URL(fileURLWithPath: arguments.first ?? "Data")
let output = URL(fileURLWithPath: arguments.dropFirst().first ?? "Sources/CJianfanTables/tables.bin")
do {
    let blob = try TableSetCompiler(dataDirectory: data).compile()
    try Data(blob).write(to: output, options: .atomic)
    print("wrote \(output.path): \(blob.count) bytes")
} catch {
    FileHandle.standardError.write(Data("jianfan-tables: \(error)\n".utf8))
    exit(1)
}
