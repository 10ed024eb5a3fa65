#include "jianfan_icu.h"
