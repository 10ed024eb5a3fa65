/// Why a configuration file, a dictionary or a list of user entries cannot be used, and where:
/// the file, and the line and column (JSON) or the line (a text dictionary) or byte offset.
///
/// ```swift
/// do {
///     _ = try Converter(configuration: "\(folder)/mine.json")
/// } catch {
///     print(error)   // …/mine.json:3:25: dictionary type "marisa" is not one of text, ocd2, ocd, inline, group
/// }
/// ```
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file at fault, as it was named (nil for entries given in code).
    public let file: String?
    /// 1-based line, when the fault has one.
    public let line: Int?
    /// 1-based column in Unicode scalars, for JSON.
    public let column: Int?
    /// What is wrong.
    public let reason: String

    /// An error about `file`, optionally at a line and column.
    public init(file: String?, line: Int? = nil, column: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `FILE:LINE:COLUMN: reason`, with the parts that are known.
    public var description: String {
        var place = file ?? ""
        if let line { place += (place.isEmpty ? "line " : ":") + "\(line)" }
        if let column { place += ":\(column)" }
        return place.isEmpty ? reason : "\(place): \(reason)"
    }
}
