// The word segmenter's lexicon (Data/Lexicon/words.bin: jieba 0.42.1's dict.txt and the
// Traditional forms of its words, MIT; see Data/Lexicon/PROVENANCE.md), embedded so that
// `--segmenter words` needs no file. A process that never segments by words reads none of its
// pages.
#include "embed.h"
#include "jianfan_tables.h"

_Alignas(16) static const uint8_t words[] = {
#embed "../../Data/Lexicon/words.bin"
};

const uint8_t *jianfan_words_data(void) { return words; }
size_t jianfan_words_size(void) { return sizeof words; }
