import FuzzSupport
import Jianfan

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// OpenCC configuration files and text dictionaries on arbitrary bytes.
///
/// Input: three parts separated by NUL bytes: a configuration (written as `c.json`), a
/// dictionary (`d.txt`, which the configuration may name as a `text` dictionary) and a text.
/// Loading must either give a converter or throw ``ConfigurationError`` with a reason, naming
/// the file it blames with line and column from 1 when it gives them. A loaded configuration
/// must convert the text the same through the byte API on one thread and on two and through
/// `convert(_ text: String)`, to valid UTF-8. The dictionary part is also read as a user
/// dictionary (`UserDictionary(parsing:name:)`): accepted or refused the same way, and when
/// accepted, s2t overridden by it is checked like a configuration.
///
/// OpenCC's three large dictionaries are replaced by small ones made from the text
/// (``StandInDictionaries``): compiling STPhrases on every execution made the target run at
/// one execution per second.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let parts = input.remaining.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    let configuration = parts.first.map(Array.init) ?? []
    let dictionary = parts.count > 1 ? Array(parts[1]) : []
    let text = String(decoding: parts.count > 2 ? Array(parts[2]) : [], as: UTF8.self)

    Scratch.store(StandInDictionaries.asText(configuration), at: Scratch.configuration)
    standIns.write(for: text, naming: configuration, into: Scratch.directory)
    Scratch.store(dictionary, at: Scratch.dictionary)
    do {
        let converter = try Converter(configuration: Scratch.configuration)
        check(converter, on: text, what: "configuration")
    } catch {
        checkError(error)
    }

    do {
        let mine = try UserDictionary(parsing: String(decoding: dictionary, as: UTF8.self), name: "d.txt")
        check(try Converter(.s2t).overriding(mine), on: text, what: "user dictionary")
    } catch {
        checkError(error)
    }
    return 0
}

/// Read once: the large dictionaries' entries, indexed by the first scalar of their key.
let standIns = StandInDictionaries()

/// The same output from every entry point, and valid UTF-8 (a String's bytes always are).
func check(_ converter: Converter, on text: String, what: String) {
    var one = converter
    one.maximumThreads = 1
    let bytes = Array(text.utf8)
    let single = FuzzCheck.converted(bytes, with: one)
    var two = converter
    two.maximumThreads = 2
    FuzzCheck.expect(FuzzCheck.converted(bytes, with: two) == single, "\(what): two threads differ")
    FuzzCheck.expect(Array(converter.convert(text).utf8) == single, "\(what): convert(String) differs")
    FuzzCheck.expect(UTF8Validation.firstInvalidOffset(in: single) == nil, "\(what): output is not UTF-8")
}

func checkError(_ error: ConfigurationError) {
    FuzzCheck.expect(!error.reason.isEmpty, "an error without a reason")
    FuzzCheck.expect(error.line.map { $0 >= 1 } ?? true, "line \(error.line!) in \(error)")
    FuzzCheck.expect(error.column.map { $0 >= 1 } ?? true, "column \(error.column!) in \(error)")
}

/// The two files, in a directory of this process's own.
enum Scratch {
    static let directory: String = {
        let temporary = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(temporary)/jianfan-fuzz-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("mkdtemp failed") }
        return String(cString: made)
    }()
    static let configuration = directory + "/c.json"
    static let dictionary = directory + "/d.txt"

    static func store(_ bytes: [UInt8], at path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fatalError("cannot write \(path)") }
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n <= 0 { fatalError("cannot write \(path)") }
                done += n
            }
        }
        close(fd)
    }
}

@main enum Main { static func main() { FuzzMain.run(fuzzConfiguration) } }
