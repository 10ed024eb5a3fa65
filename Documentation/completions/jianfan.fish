function __jianfan_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __jianfan_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __jianfan_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __jianfan_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __jianfan_parse_tokens -S
    set -l unparsed_tokens (__jianfan_tokens -pc)
    switch $unparsed_tokens[1]
    case 'jianfan'
        __jianfan_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'convert'
            __jianfan_parse_subcommand -r 1 'c/config=' 'i/input=+' 'o/output=' 'in-place' 'include-tofu-risk-dictionaries' 'lossy' 'engine=' 'icu-transform=' 'path=+' 'noflush' 'dict=+' 'no-cache' 'inspect' 'segmentation' 'ambiguities' 'jsonl=+' 'csv=' 'tsv=' 'skip-invalid' 'check' 'diff' 'markup=' 'protect=+' 'segmenter=' 'output-dir=' 'include=+' 'exclude=+' 'all' 'format=' 'set-language' 'v/verbose' 'from-encoding=' 'to-encoding=' 'version' 'h/help'
        case 'configs'
            __jianfan_parse_subcommand 0 'version' 'h/help'
        case 'normalize'
            __jianfan_parse_subcommand -r 1 'to=' 'c/config=' 'markup=' 'protect=+' 'steps=' 'o/output=' 'in-place' 'against=+' 'json' 'html=' 'stats' 'lossy' 'minimum-match=' 'maximum-gap=' 'color=' 'jsonl=+' 'csv=' 'tsv=' 'skip-invalid' 'check' 'diff' 'version' 'h/help'
        case 'transforms'
            __jianfan_parse_subcommand 0 'version' 'h/help'
        case 'detect'
            __jianfan_parse_subcommand -r 1 'json' 'version' 'h/help'
        case 'help'
            __jianfan_parse_subcommand -r 1 'version'
        end
    end
end

function __jianfan_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __jianfan_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __jianfan_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __jianfan_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__jianfan_tokens -p)
    if test -z "$(__jianfan_tokens -t)"
        set -l index (count (__jianfan_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'jianfan' -f
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan" version' -l 'version' -d 'Show the version.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_positional "jianfan" -eq 1' -fa 'convert' -d 'Convert text with an OpenCC configuration (the default subcommand).'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_positional "jianfan" -eq 1' -fa 'configs' -d 'List the conversion configurations, one per line.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_positional "jianfan" -eq 1' -fa 'normalize' -d 'Normalize a document, or align it with the references that quote it.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_positional "jianfan" -eq 1' -fa 'transforms' -d 'List ICU\'s transform IDs, one per line (for --icu-transform).'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_positional "jianfan" -eq 1' -fa 'detect' -d 'Tell whether each input is Simplified, Traditional, mixed, Japanese or none.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_positional "jianfan" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" c config' -s 'c' -l 'config' -d 'The conversion: s2t, t2s, s2twp, … (`s2t.json` also works; see `jianfan configs`), or an OpenCC configuration file (a path, or a name found in a --path directory or OPENCC_DATA_DIR).' -rfka 's2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert"' -s 'i' -l 'input' -d 'An input file; repeat for several. `-` is standard input.' -rF
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_positional "jianfan convert" -ge 1' -F
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" o output' -s 'o' -l 'output' -d 'The output file, replaced only once the conversion succeeds (default: standard output).' -rF
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" in-place' -l 'in-place' -d 'Rewrite each input file with its conversion.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" include-tofu-risk-dictionaries' -l 'include-tofu-risk-dictionaries' -d 'Also use the dictionaries OpenCC marks as possibly producing characters fonts lack.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" lossy' -l 'lossy' -d 'Replace invalid input with U+FFFD, and characters --to-encoding lacks with &#x…; references, instead of failing (each counted on standard error).'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" engine' -l 'engine' -d 'table: OpenCC\'s dictionaries, output identical to opencc; icu: an ICU transform (default: table).' -rfka 'table icu'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" icu-transform' -l 'icu-transform' -d 'An ICU transform (`jianfan transforms` lists them); implies --engine icu. Default for --engine icu: Hans-Hant for s2* configs, Hant-Hans for configs producing Simplified.' -rfka '(jianfan transforms)'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert"' -l 'path' -d 'A directory to search for custom configuration and dictionary files; repeat for several (as opencc\'s --path).' -rfa '(__jianfan_complete_directories)'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" noflush' -l 'noflush' -d 'Accepted for opencc compatibility: output is written per converted piece (up to 64 KB), not flushed per line.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert"' -l 'dict' -d 'An OpenCC text dictionary (key<TAB>value per line) whose entries win where they match; the configuration converts around them. Repeat for several (the first file with a key wins).' -rF
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" no-cache' -l 'no-cache' -d 'Compile a configuration file (-c FILE.json) and the --dict files even if their tables are cached, and cache nothing (the cache: $JIANFAN_CACHE_DIR, else $XDG_CACHE_HOME/jianfan, else ~/.cache/jianfan).'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" inspect' -l 'inspect' -d 'Print opencc\'s --inspect JSON record for each line (segments and every stage\'s output), with Jianfan\'s offsets.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" segmentation' -l 'segmentation' -d 'Print opencc\'s --segmentation JSON record for each line, with Jianfan\'s offsets.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" ambiguities' -l 'ambiguities' -d 'Print opencc\'s JSON Lines of the spans one-to-many entries decided (def, lit, amb, end records).'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert"' -l 'jsonl' -d 'Each line is JSON: convert this field\'s strings only (dotted path like meta.title, `*` for all; repeatable).' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" csv' -l 'csv' -d 'Input is CSV: convert this column only (header name or 1-based index).' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" tsv' -l 'tsv' -d 'Input is TSV: convert this column only (header name or 1-based index).' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" skip-invalid' -l 'skip-invalid' -d 'With --jsonl/--csv/--tsv: pass invalid lines through unchanged (counted on standard error) instead of failing.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" check' -l 'check' -d 'Write nothing; list the inputs the command would change and exit 1 if there are any.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" diff' -l 'diff' -d 'Write nothing; print a unified diff of what would change (exit 1 if anything would).'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" markup' -l 'markup' -d 'What to copy unconverted: none: nothing; markdown: front matter, fenced and inline code, HTML tags with their attributes, comments, link targets, entities, URLs, e-mail addresses; html: tags with their attributes (but the values of alt, title, aria-label), comments, script and style contents, entities, URLs, e-mail addresses; mediawiki: -{…}- spans (shown unconverted without the markers, -{zh-hans:…;zh-hant:…}- as the target\'s variant). Default: by extension (.md, .markdown: markdown; .html, .htm, .xhtml: html), none for standard input and other files.' -rfka 'none markdown html mediawiki'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert"' -l 'protect' -d 'Copy text matching this ICU regular expression unconverted, matched within each line; repeat for several.' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" segmenter' -l 'segmenter' -d 'greedy: OpenCC\'s longest match (the default); words: the likeliest reading where phrases overlap.' -rfka 'greedy words'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" output-dir' -l 'output-dir' -d 'Write each input\'s conversion under DIR, mirroring directories given as inputs.' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert"' -l 'include' -d 'In directories, convert only files matching GLOB (repeatable; `*`, `**`, `?`, `[…]`).' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert"' -l 'exclude' -d 'In directories, leave out files and directories matching GLOB (repeatable).' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" all' -l 'all' -d 'In directories, also convert hidden files and what .gitignore files exclude.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" format' -l 'format' -d 'Treat inputs as this document format, whatever their extension: epub, docx, xlsx, pptx, odt, ods, odp, srt, ass, ssa, vtt.' -rfka 'epub docx xlsx pptx odt ods odp srt ass ssa vtt'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" set-language' -l 'set-language' -d 'In documents, change the language tags (xml:lang, dc:language, w:lang) to the conversion\'s target (zh-CN → zh-TW).'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" v verbose' -s 'v' -l 'verbose' -d 'Report each file\'s outcome, and the encoding an input was read in, on standard error.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" from-encoding' -l 'from-encoding' -d 'The inputs\' encoding, by an ICU converter name (GB18030, GBK, Big5, Big5-HKSCS, Shift_JIS, EUC-JP, UTF-16LE, UTF-32…), or auto: a byte order mark decides UTF-8/16/32, valid UTF-8 is UTF-8, else ICU\'s detector picks GB18030 or Big5.' -rfka 'auto UTF-8 GB18030 GBK Big5 Big5-HKSCS Shift_JIS EUC-JP EUC-KR UTF-16LE UTF-16BE UTF-32LE UTF-32BE'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" to-encoding' -l 'to-encoding' -d 'The output\'s encoding (an ICU converter name). Default: UTF-8 for standard output and -o; with --in-place and --output-dir each file keeps its own.' -rfka 'UTF-8 GB18030 GBK Big5 Big5-HKSCS Shift_JIS EUC-JP EUC-KR UTF-16LE UTF-16BE UTF-32LE UTF-32BE'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" version' -l 'version' -d 'Show the version.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan convert" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan configs" version' -l 'version' -d 'Show the version.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan configs" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" to' -l 'to' -d 'Convert to this script: simplified (t2s) or traditional (s2t).' -rfka 'simplified traditional'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" c config' -s 'c' -l 'config' -d 'Convert with this OpenCC configuration.' -rfka 's2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" markup' -l 'markup' -d 'What every step leaves byte-identical: none: nothing; markdown: front matter, fenced and inline code, HTML tags with their attributes, comments, link targets, entities, URLs, e-mail addresses; html: tags with their attributes (but the values of alt, title, aria-label), comments, script and style contents, entities, URLs, e-mail addresses; mediawiki: -{…}- spans (markers included). Default: by extension (.md, .markdown: markdown; .html, .htm, .xhtml: html), else by the text\'s start (<!DOCTYPE html, <html, <?xml: html), else markdown.' -rfka 'none markdown html mediawiki'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize"' -l 'protect' -d 'Leave text matching this ICU regular expression byte-identical, matched within each line; repeat for several.' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" steps' -l 'steps' -d 'The steps, comma-separated: readings,punctuation,lines,script.' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" o output' -s 'o' -l 'output' -d 'Write the result here, replaced only once every input is normalized (default: standard output).' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" in-place' -l 'in-place' -d 'Rewrite each input file with its normalization.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize"' -l 'against' -d 'A reference to align the document with; repeat for several.' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" json' -l 'json' -d 'Print JSON: the alignment report with --against, else per input one line with version, file, text and step reports.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" html' -l 'html' -d 'With --against, also write a side-by-side HTML view here.' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" stats' -l 'stats' -d 'Print each step\'s number of changes, and whether the input was already in the target script, on standard error.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" lossy' -l 'lossy' -d 'Replace invalid UTF-8 with U+FFFD instead of failing.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" minimum-match' -l 'minimum-match' -d 'Shortest passage reported, in equal scalars.' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" maximum-gap' -l 'maximum-gap' -d 'Widest difference bridged inside a passage, in scalars.' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" color' -l 'color' -d 'Color the terminal report: auto, always or never.' -rfka 'auto always never'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize"' -l 'jsonl' -d 'Each line is JSON: convert this field\'s strings only (dotted path like meta.title, `*` for all; repeatable).' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" csv' -l 'csv' -d 'Input is CSV: convert this column only (header name or 1-based index).' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" tsv' -l 'tsv' -d 'Input is TSV: convert this column only (header name or 1-based index).' -rfka ''
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" skip-invalid' -l 'skip-invalid' -d 'With --jsonl/--csv/--tsv: pass invalid lines through unchanged (counted on standard error) instead of failing.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" check' -l 'check' -d 'Write nothing; list the inputs the command would change and exit 1 if there are any.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" diff' -l 'diff' -d 'Write nothing; print a unified diff of what would change (exit 1 if anything would).'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" version' -l 'version' -d 'Show the version.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan normalize" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan transforms" version' -l 'version' -d 'Show the version.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan transforms" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan detect" json' -l 'json' -d 'Print one JSON object per input: input, script, region, counts.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan detect" version' -l 'version' -d 'Show the version.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan detect" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'jianfan' -n '__jianfan_should_offer_completions_for_flags_or_options "jianfan help" version' -l 'version' -d 'Show the version.'
