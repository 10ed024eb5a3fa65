// OpenCC 1.4.2's text dictionaries and config files (Data/, Apache-2.0), embedded so that a
// custom configuration can name them (`STPhrases.ocd2`) without OpenCC's data on the machine.
// A process reads only the pages of the ones it compiles. The list follows Data/ (a test checks
// that every file there is here).
#include "embed.h"
#include "jianfan_tables.h"

static const uint8_t dict_CJK_Compatibility_Ideographs[] = {
#embed "../../Data/Dictionaries/CJK_Compatibility_Ideographs.txt"
};
static const uint8_t dict_HKPhrases[] = {
#embed "../../Data/Dictionaries/HKPhrases.txt"
};
static const uint8_t dict_HKPhrasesRev[] = {
#embed "../../Data/Dictionaries/HKPhrasesRev.txt"
};
static const uint8_t dict_HKVariants[] = {
#embed "../../Data/Dictionaries/HKVariants.txt"
};
static const uint8_t dict_HKVariantsPhrases[] = {
#embed "../../Data/Dictionaries/HKVariantsPhrases.txt"
};
static const uint8_t dict_HKVariantsRev[] = {
#embed "../../Data/Dictionaries/HKVariantsRev.txt"
};
static const uint8_t dict_HKVariantsRevPhrases[] = {
#embed "../../Data/Dictionaries/HKVariantsRevPhrases.txt"
};
static const uint8_t dict_JPShinjitaiCharacters[] = {
#embed "../../Data/Dictionaries/JPShinjitaiCharacters.txt"
};
static const uint8_t dict_JPShinjitaiCharactersRev[] = {
#embed "../../Data/Dictionaries/JPShinjitaiCharactersRev.txt"
};
static const uint8_t dict_JPShinjitaiPhrases[] = {
#embed "../../Data/Dictionaries/JPShinjitaiPhrases.txt"
};
static const uint8_t dict_STCharacters[] = {
#embed "../../Data/Dictionaries/STCharacters.txt"
};
static const uint8_t dict_STPhrases[] = {
#embed "../../Data/Dictionaries/STPhrases.txt"
};
static const uint8_t dict_STPhrases_GeneratedFromRegionalPhrases[] = {
#embed "../../Data/Dictionaries/STPhrases_GeneratedFromRegionalPhrases.txt"
};
static const uint8_t dict_TSCharacters[] = {
#embed "../../Data/Dictionaries/TSCharacters.txt"
};
static const uint8_t dict_TSCharactersExt[] = {
#embed "../../Data/Dictionaries/TSCharactersExt.txt"
};
static const uint8_t dict_TSPhrases[] = {
#embed "../../Data/Dictionaries/TSPhrases.txt"
};
static const uint8_t dict_TWPhrases[] = {
#embed "../../Data/Dictionaries/TWPhrases.txt"
};
static const uint8_t dict_TWPhrasesRev[] = {
#embed "../../Data/Dictionaries/TWPhrasesRev.txt"
};
static const uint8_t dict_TWVariants[] = {
#embed "../../Data/Dictionaries/TWVariants.txt"
};
static const uint8_t dict_TWVariantsPhrases[] = {
#embed "../../Data/Dictionaries/TWVariantsPhrases.txt"
};
static const uint8_t dict_TWVariantsRev[] = {
#embed "../../Data/Dictionaries/TWVariantsRev.txt"
};
static const uint8_t dict_TWVariantsRevPhrases[] = {
#embed "../../Data/Dictionaries/TWVariantsRevPhrases.txt"
};
static const uint8_t config_hk2s[] = {
#embed "../../Data/Configs/hk2s.json"
};
static const uint8_t config_hk2sp[] = {
#embed "../../Data/Configs/hk2sp.json"
};
static const uint8_t config_hk2t[] = {
#embed "../../Data/Configs/hk2t.json"
};
static const uint8_t config_jp2t[] = {
#embed "../../Data/Configs/jp2t.json"
};
static const uint8_t config_s2hk[] = {
#embed "../../Data/Configs/s2hk.json"
};
static const uint8_t config_s2hkp[] = {
#embed "../../Data/Configs/s2hkp.json"
};
static const uint8_t config_s2t[] = {
#embed "../../Data/Configs/s2t.json"
};
static const uint8_t config_s2tw[] = {
#embed "../../Data/Configs/s2tw.json"
};
static const uint8_t config_s2twp[] = {
#embed "../../Data/Configs/s2twp.json"
};
static const uint8_t config_t2hk[] = {
#embed "../../Data/Configs/t2hk.json"
};
static const uint8_t config_t2jp[] = {
#embed "../../Data/Configs/t2jp.json"
};
static const uint8_t config_t2s[] = {
#embed "../../Data/Configs/t2s.json"
};
static const uint8_t config_t2tw[] = {
#embed "../../Data/Configs/t2tw.json"
};
static const uint8_t config_tw2s[] = {
#embed "../../Data/Configs/tw2s.json"
};
static const uint8_t config_tw2sp[] = {
#embed "../../Data/Configs/tw2sp.json"
};
static const uint8_t config_tw2t[] = {
#embed "../../Data/Configs/tw2t.json"
};

static const jianfan_embedded_file files[] = {
    {"CJK_Compatibility_Ideographs.txt", dict_CJK_Compatibility_Ideographs, sizeof dict_CJK_Compatibility_Ideographs},
    {"HKPhrases.txt", dict_HKPhrases, sizeof dict_HKPhrases},
    {"HKPhrasesRev.txt", dict_HKPhrasesRev, sizeof dict_HKPhrasesRev},
    {"HKVariants.txt", dict_HKVariants, sizeof dict_HKVariants},
    {"HKVariantsPhrases.txt", dict_HKVariantsPhrases, sizeof dict_HKVariantsPhrases},
    {"HKVariantsRev.txt", dict_HKVariantsRev, sizeof dict_HKVariantsRev},
    {"HKVariantsRevPhrases.txt", dict_HKVariantsRevPhrases, sizeof dict_HKVariantsRevPhrases},
    {"JPShinjitaiCharacters.txt", dict_JPShinjitaiCharacters, sizeof dict_JPShinjitaiCharacters},
    {"JPShinjitaiCharactersRev.txt", dict_JPShinjitaiCharactersRev, sizeof dict_JPShinjitaiCharactersRev},
    {"JPShinjitaiPhrases.txt", dict_JPShinjitaiPhrases, sizeof dict_JPShinjitaiPhrases},
    {"STCharacters.txt", dict_STCharacters, sizeof dict_STCharacters},
    {"STPhrases.txt", dict_STPhrases, sizeof dict_STPhrases},
    {"STPhrases_GeneratedFromRegionalPhrases.txt", dict_STPhrases_GeneratedFromRegionalPhrases, sizeof dict_STPhrases_GeneratedFromRegionalPhrases},
    {"TSCharacters.txt", dict_TSCharacters, sizeof dict_TSCharacters},
    {"TSCharactersExt.txt", dict_TSCharactersExt, sizeof dict_TSCharactersExt},
    {"TSPhrases.txt", dict_TSPhrases, sizeof dict_TSPhrases},
    {"TWPhrases.txt", dict_TWPhrases, sizeof dict_TWPhrases},
    {"TWPhrasesRev.txt", dict_TWPhrasesRev, sizeof dict_TWPhrasesRev},
    {"TWVariants.txt", dict_TWVariants, sizeof dict_TWVariants},
    {"TWVariantsPhrases.txt", dict_TWVariantsPhrases, sizeof dict_TWVariantsPhrases},
    {"TWVariantsRev.txt", dict_TWVariantsRev, sizeof dict_TWVariantsRev},
    {"TWVariantsRevPhrases.txt", dict_TWVariantsRevPhrases, sizeof dict_TWVariantsRevPhrases},
    {"hk2s.json", config_hk2s, sizeof config_hk2s},
    {"hk2sp.json", config_hk2sp, sizeof config_hk2sp},
    {"hk2t.json", config_hk2t, sizeof config_hk2t},
    {"jp2t.json", config_jp2t, sizeof config_jp2t},
    {"s2hk.json", config_s2hk, sizeof config_s2hk},
    {"s2hkp.json", config_s2hkp, sizeof config_s2hkp},
    {"s2t.json", config_s2t, sizeof config_s2t},
    {"s2tw.json", config_s2tw, sizeof config_s2tw},
    {"s2twp.json", config_s2twp, sizeof config_s2twp},
    {"t2hk.json", config_t2hk, sizeof config_t2hk},
    {"t2jp.json", config_t2jp, sizeof config_t2jp},
    {"t2s.json", config_t2s, sizeof config_t2s},
    {"t2tw.json", config_t2tw, sizeof config_t2tw},
    {"tw2s.json", config_tw2s, sizeof config_tw2s},
    {"tw2sp.json", config_tw2sp, sizeof config_tw2sp},
    {"tw2t.json", config_tw2t, sizeof config_tw2t},
};

const jianfan_embedded_file *jianfan_embedded_files(size_t *count) {
    *count = sizeof files / sizeof files[0];
    return files;
}
