import Testing

/// Subtitles: cue text converted; timings, numbers, styles and override tags untouched.
@Suite("Subtitles")
struct SubtitleTests {
    private func convert(_ name: String, _ text: String) throws -> String {
        let dir = try TemporaryDirectory()
        try dir.write(name, text)
        let result = try CLI.run(["-c", "s2t", name, "-o", "out"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        return try dir.readText("out")
    }

    @Test("SRT: cue text with {\\an8} and <i> tags, CRLF kept")
    func srt() throws {
        let input = "\u{FEFF}1\r\n00:00:01,000 --> 00:00:02,500\r\n{\\an8}<i>头发</i>后来\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\n<font color=\"#头发\">后来</font>\r\n"
        let expected = "\u{FEFF}1\r\n00:00:01,000 --> 00:00:02,500\r\n{\\an8}<i>頭髮</i>後來\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\n<font color=\"#头发\">後來</font>\r\n"
        #expect(try convert("a.srt", input) == expected)
    }

    @Test("ASS: style names, fields and override blocks kept; only dialogue text converted")
    func ass() throws {
        let input = """
            [Script Info]
            Title: 头发
            [V4+ Styles]
            Format: Name, Fontname, Fontsize
            Style: 头发,黑体,20
            [Events]
            Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
            Dialogue: 0,0:00:01.00,0:00:02.00,头发,后来,0,0,0,,{\\an8\\fn黑体}头发,后来\\N后来
            Comment: 0,0:00:01.00,0:00:02.00,头发,后来,0,0,0,,头发

            """
        let expected = """
            [Script Info]
            Title: 头发
            [V4+ Styles]
            Format: Name, Fontname, Fontsize
            Style: 头发,黑体,20
            [Events]
            Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
            Dialogue: 0,0:00:01.00,0:00:02.00,头发,后来,0,0,0,,{\\an8\\fn黑体}頭髮,後來\\N後來
            Comment: 0,0:00:01.00,0:00:02.00,头发,后来,0,0,0,,头发

            """
        #expect(try convert("a.ass", input) == expected)
    }

    @Test("WebVTT: header, NOTE, cue identifiers and <v> tags kept")
    func vtt() throws {
        let input = "WEBVTT 头发\n\nNOTE 头发\n\n头发-1\n00:01.000 --> 00:02.000 align:start\n<v 后来>头发&amp;后来\n"
        let expected = "WEBVTT 头发\n\nNOTE 头发\n\n头发-1\n00:01.000 --> 00:02.000 align:start\n<v 后来>頭髮&amp;後來\n"
        #expect(try convert("a.vtt", input) == expected)
    }
}
