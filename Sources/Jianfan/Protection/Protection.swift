internal import CJianfanICU // Its headers keep ICU's types out of Swift.

/// What a conversion copies unconverted: the markup of the text (``Markup``) and regular
/// expressions whose matches are kept as they are.
///
/// A protected span is copied byte for byte, and phrase matching never crosses its edges: the
/// text on each side converts as a text of its own. Spans are found a line at a time (front
/// matter, fenced code, and HTML tags, comments and `<script>`/`<style>` contents may span
/// lines); a line longer than 1 MiB is taken in parts, cut where the conversion cannot change
/// (at a space, `，` or `。` where one allows it) and outside protected spans, so its output
/// is the whole line's.
///
/// ```swift
/// let markdown = Converter(.s2t).protecting(Protection(markup: .markdown))
/// markdown.convert("头发 `头发` [头发](http://头发.cn)")   // "頭髮 `头发` [頭髮](http://头发.cn)"
/// let patterns = try Protection(patterns: ["#\\w+"])   // hashtags stay as written
/// Converter(.s2t).protecting(patterns).convert("头发 #头发")   // "頭髮 #头发"
/// ```
public struct Protection: Sendable, Equatable {
    /// The markup whose code, tags, addresses and entities are copied unconverted.
    ///
    /// ```swift
    /// Protection(markup: .html).markup   // .html
    /// ```
    public var markup: Markup
    /// ICU regular expressions (UTF-8 patterns); text matching any of them is copied
    /// unconverted. Each is matched within one line at a time: `^` and `$` match at the line's
    /// ends, and no match spans a line break.
    ///
    /// ```swift
    /// try Protection(patterns: ["\\d+号"]).patterns   // ["\\d+号"]
    /// ```
    public let patterns: [String]

    /// Nothing protected: conversion as without protection.
    ///
    /// ```swift
    /// Protection.none.isEmpty   // true
    /// ```
    public static let none = Protection(markup: .none)

    /// A protection by markup alone.
    ///
    /// ```swift
    /// let protection = Protection(markup: .mediawiki)
    /// ```
    public init(markup: Markup) {
        self.markup = markup
        self.patterns = []
    }

    /// A protection by markup and regular expressions, each compiled once here to check it.
    ///
    /// ```swift
    /// let protection = try Protection(markup: .markdown, patterns: ["\\$[^$]+\\$"])   // TeX math too
    /// ```
    /// - Throws: ``ProtectionError`` for a pattern ICU rejects (with ICU's error and the
    ///   offset), or when ICU's regular expressions are not available.
    public init(markup: Markup = .none, patterns: [String]) throws(ProtectionError) {
        for pattern in patterns { _ = try ProtectedPattern(pattern) }
        self.markup = markup
        self.patterns = patterns
    }

    /// Patterns compiled once already (a ``Normalizer``'s, checked when set): not again.
    init(markup: Markup, checked patterns: [String]) {
        self.markup = markup
        self.patterns = patterns
    }

    /// Whether nothing is protected.
    ///
    /// ```swift
    /// Protection(markup: .html).isEmpty   // false
    /// ```
    public var isEmpty: Bool { markup == .none && patterns.isEmpty }
}

/// A `--protect` pattern that cannot be used: ICU rejected it, or ICU is not available.
public struct ProtectionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pattern as given.
    ///
    /// ```swift
    /// print(error.pattern)   // "[a-"
    /// ```
    public let pattern: String
    /// ICU's error name (`U_REGEX_MISSING_CLOSE_BRACKET`) or why ICU cannot be used.
    ///
    /// ```swift
    /// print(error.reason)
    /// ```
    public let reason: String
    /// Where in the pattern ICU stopped (UTF-16 units, which for most patterns are
    /// characters), when it said.
    ///
    /// ```swift
    /// error.offset   // 3
    /// ```
    public let offset: Int?

    /// `invalid regular expression '[a-' (U_REGEX_MISSING_CLOSE_BRACKET at offset 3)`.
    ///
    /// ```swift
    /// print(error.description)
    /// ```
    public var description: String {
        if let offset { return "invalid regular expression '\(pattern)' (\(reason) at offset \(offset))" }
        return "regular expression '\(pattern)' cannot be used: \(reason)"
    }
}
