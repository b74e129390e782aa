// Picks the QR mask the way libqrencode 4's Mask_mask does (mask.c), but on rows and columns
// held as 64-bit words: at ~60,000 codes per catalog build, libqrencode's choice (eight masks
// scored module by module, with a mispredicted branch at most run boundaries) was a seventh
// of the build's CPU time.

#include "CQRMask.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

// Internal to libqrencode but exported by Debian's build; weak, so a build without them links
// and falls back to the public QRcode_encodeString.
extern QRcode *QRcode_encodeMask(QRinput *input, int mask) __attribute__((weak));
extern int Split_splitStringToQRinput(const char *string, QRinput *input, QRencodeMode hint,
                                      int casesensitive) __attribute__((weak));

enum { MAX_WIDTH = 64, MASKS = 8, PERIOD = 12 };

// Bit x (or y) set where mask m flips a data module: the pattern's expression is 0 (mask.c's
// MASKMAKER). Every pattern repeats every 12 rows and every 12 columns.
static uint64_t rowPattern[MASKS][PERIOD];
static uint64_t columnPattern[MASKS][PERIOD];
static pthread_once_t patternsMade = PTHREAD_ONCE_INIT;

static int flips(int m, unsigned x, unsigned y) {
    switch (m) {
    case 0: return ((x + y) & 1) == 0;
    case 1: return (y & 1) == 0;
    case 2: return (x % 3) == 0;
    case 3: return ((x + y) % 3) == 0;
    case 4: return (((y / 2) + (x / 3)) & 1) == 0;
    case 5: return (((x * y) & 1) + (x * y) % 3) == 0;
    case 6: return ((((x * y) & 1) + (x * y) % 3) & 1) == 0;
    default: return ((((x * y) % 3) + ((x + y) & 1)) & 1) == 0;
    }
}

static void makePatterns(void) {
    for (int m = 0; m < MASKS; m++) {
        for (unsigned k = 0; k < PERIOD; k++) {
            uint64_t row = 0, column = 0;
            for (unsigned i = 0; i < MAX_WIDTH; i++) {
                row |= (uint64_t)flips(m, i, k) << i;
                column |= (uint64_t)flips(m, k, i) << i;
            }
            rowPattern[m][k] = row;
            columnPattern[m][k] = column;
        }
    }
}

// The 15-bit format information: error level and mask, BCH(15,5) with the standard's XOR mask.
static unsigned formatInfo(QRecLevel level, int mask) {
    static const unsigned levelBits[4] = {1, 0, 3, 2}; // L, M, Q, H
    unsigned data = (levelBits[level & 3] << 3) | (unsigned)mask;
    unsigned v = data << 10;
    for (int i = 14; i >= 10; i--) {
        if (v & (1u << i)) v ^= 0x537u << (i - 10);
    }
    return ((data << 10) | v) ^ 0x5412u;
}

// Where bit i of the format information goes, twice (mask.c's Mask_writeFormatInformation).
static void formatPositions(int width, int i, int xy[4]) {
    if (i < 8) {
        xy[0] = width - 1 - i; xy[1] = 8;
        xy[2] = 8; xy[3] = i < 6 ? i : i + 1;
    } else {
        int j = i - 8;
        xy[0] = 8; xy[1] = width - 7 + j;
        xy[2] = j == 0 ? 7 : 6 - j; xy[3] = 8;
    }
}

static inline uint64_t lowBits(int n) { return n >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << n) - 1); }

// N3 of one line, exactly as Mask_calcN1N3 scores libqrencode's run lengths: a dark run of 3f
// between runs of f (dark, light | light, dark), counted when the light run on one side is at
// least 4f long; by libqrencode's reading also when the pattern's first dark run is the line's
// first, or nothing dark follows it. A "run" of -1 stands in front of a line that starts dark.
static int finderLikeByRuns(uint64_t line, int width) {
    int runs[MAX_WIDTH + 2];
    int n = 0, start = 0;
    if (line & 1) runs[n++] = -1;
    uint64_t changes = (line ^ (line >> 1)) & lowBits(width - 1);
    while (changes) {
        int j = __builtin_ctzll(changes);
        changes &= changes - 1;
        runs[n++] = j + 1 - start;
        start = j + 1;
    }
    runs[n++] = width - start;

    int demerit = 0;
    for (int i = 3; i < n - 2; i += 2) {
        if (runs[i] % 3 != 0) continue;
        int fact = runs[i] / 3;
        if (runs[i - 2] == fact && runs[i - 1] == fact && runs[i + 1] == fact && runs[i + 2] == fact) {
            if (i == 3 || runs[i - 3] >= 4 * fact) demerit += 40;
            else if (i + 4 >= n || runs[i + 3] >= 4 * fact) demerit += 40;
        }
    }
    return demerit;
}

// The same for f = 1: the modules 1011101 with no dark module just before or after, found by
// shifting the line.
static int finderLikeByBits(uint64_t dark, int width) {
    uint64_t all = lowBits(width), light = ~dark & all;
    uint64_t lastStart = (uint64_t)1 << (width - 7);
    uint64_t at = dark & (light >> 1) & (dark >> 2) & (dark >> 3) & (dark >> 4) & (light >> 5) & (dark >> 6)
        & ((light << 1) | 1) & ((light >> 7) | lastStart);
    int demerit = 0;
    while (at) {
        int p = __builtin_ctzll(at);
        at &= at - 1;
        uint64_t before = lowBits(p), after = all & ~lowBits(p + 7);
        int lightBefore = p >= 4 && ((light >> (p - 4)) & 0xF) == 0xF;
        int lightAfter = p + 11 <= width && ((light >> (p + 7)) & 0xF) == 0xF;
        if ((dark & before) == 0 || lightBefore) demerit += 40;
        else if ((dark & after) == 0 || lightAfter) demerit += 40;
    }
    return demerit;
}

static inline uint64_t bitsAt(uint64_t x, int from, int count) { return (x >> from) & lowBits(count); }

// The same for f >= 2, where the middle dark run is 6, 9, 12 … modules long: from each dark
// run that long, its neighbours are checked in place, without listing every run of the line
// (finderLikeByRuns took most of the time of the lines it was used for, a third of them).
static int finderLikeLarge(uint64_t dark, int width) {
    uint64_t all = lowBits(width), light = ~dark & all;
    uint64_t six = dark & (dark >> 1) & (dark >> 2) & (dark >> 3) & (dark >> 4) & (dark >> 5);
    uint64_t longRuns = six & ~(dark << 1);
    int demerit = 0;
    while (longRuns) {
        int p = __builtin_ctzll(longRuns);
        longRuns &= longRuns - 1;
        uint64_t lightAfterP = light >> p;
        int length = lightAfterP ? __builtin_ctzll(lightAfterP) : width - p;
        if (length % 3 != 0) continue;
        int f = length / 3, q = p + length;
        int s = p - 2 * f, e = q + 2 * f;
        if (s < 0 || e > width) continue;
        if (bitsAt(light, p - f, f) != lowBits(f) || bitsAt(dark, s, f) != lowBits(f)) continue;
        if (s > 0 && ((dark >> (s - 1)) & 1)) continue;
        if (bitsAt(light, q, f) != lowBits(f) || bitsAt(dark, q + f, f) != lowBits(f)) continue;
        if (e < width && ((dark >> e) & 1)) continue;
        int noDarkBefore = (dark & lowBits(s)) == 0;
        int lightBefore = s >= 4 * f && bitsAt(light, s - 4 * f, 4 * f) == lowBits(4 * f);
        int noDarkAfter = (dark & all & ~lowBits(e)) == 0;
        int lightAfter = e + 4 * f <= width && bitsAt(light, e, 4 * f) == lowBits(4 * f);
        if (noDarkBefore || lightBefore) demerit += 40;
        else if (noDarkAfter || lightAfter) demerit += 40;
    }
    return demerit;
}

// N3 of a line: f = 1 from its bits, larger f from its long dark runs.
static int finderLike(uint64_t line, int width) {
    uint64_t sixDark = line & (line >> 1) & (line >> 2) & (line >> 3) & (line >> 4) & (line >> 5);
    return finderLikeByBits(line, width) + (sixDark ? finderLikeLarge(line, width) : 0);
}

int chonoi_qr_finder_like_agrees(uint64_t line, int width) {
    if (width < 7 || width > MAX_WIDTH) return 1;
    line &= lowBits(width);
    return finderLike(line, width) == finderLikeByRuns(line, width);
}

// N1 and N3 of one line (a row or a column, module i in bit i). N1: 3 + (L - 5) for each run of
// L >= 5 modules of one colour; with s marking where five modules in a row agree, a run gives
// L - 4 bits of s and one start of a stretch of s.
static int scoreLine(uint64_t line, int width) {
    uint64_t agree = ~(line ^ (line >> 1)) & lowBits(width - 1);
    uint64_t five = agree & (agree >> 1) & (agree >> 2) & (agree >> 3);
    int demerit = __builtin_popcountll(five) + 2 * __builtin_popcountll(five & ~(five << 1));
    return demerit + finderLike(line, width);
}

static int score(const uint64_t *rows, const uint64_t *columns, int width) {
    int blacks = 0, demerit = 0;
    int w2 = width * width;
    for (int y = 0; y < width; y++) blacks += __builtin_popcountll(rows[y]);
    int ratio = (200 * blacks + w2) / w2 / 2;
    demerit = (abs(ratio - 50) / 5) * 10;
    // N2: 2x2 blocks of one colour.
    uint64_t inner = lowBits(width - 1);
    for (int y = 1; y < width; y++) {
        uint64_t same = ~(rows[y - 1] ^ rows[y]);
        uint64_t across = ~(rows[y] ^ (rows[y] >> 1));
        demerit += 3 * __builtin_popcountll(same & (same >> 1) & across & inner);
    }
    for (int y = 0; y < width; y++) demerit += scoreLine(rows[y], width);
    for (int x = 0; x < width; x++) demerit += scoreLine(columns[x], width);
    return demerit;
}

// Rows (or columns) of mask m: the unmasked modules, flipped where data meets the pattern,
// with m's format information written in.
static void apply(int m, const uint64_t *plain, const uint64_t *data, const uint64_t pattern[MASKS][PERIOD],
                  const uint64_t *format, int width, uint64_t *out) {
    for (int i = 0; i < width; i++) out[i] = plain[i] ^ (data[i] & pattern[m][i % PERIOD]) ^ format[i];
}

int chonoi_qr_fast_mask_available(void) {
    return QRcode_encodeMask != NULL && Split_splitStringToQRinput != NULL;
}

QRcode *chonoi_qr_encode(const char *text, QRecLevel level) {
    if (!chonoi_qr_fast_mask_available()) return QRcode_encodeString(text, 0, level, QR_MODE_8, 1);
    QRinput *input = QRinput_new2(0, level);
    if (input == NULL) return NULL;
    if (Split_splitStringToQRinput(text, input, QR_MODE_8, 1) < 0) {
        QRinput_free(input);
        return NULL;
    }
    QRcode *code = QRcode_encodeMask(input, 0);
    if (code == NULL || code->width > MAX_WIDTH) {
        // Past version 11 (long text): libqrencode's own choice.
        QRcode_free(code);
        code = QRcode_encodeMask(input, -1);
        QRinput_free(input);
        return code;
    }
    QRinput_free(input);
    pthread_once(&patternsMade, makePatterns);

    int width = code->width;
    unsigned char *modules = code->data;
    // Dark modules and data modules (libqrencode marks every other module with 0x80), by row
    // and by column.
    uint64_t dark[MAX_WIDTH] = {0}, data[MAX_WIDTH] = {0}, darkT[MAX_WIDTH] = {0}, dataT[MAX_WIDTH] = {0};
    for (int y = 0; y < width; y++) {
        const unsigned char *row = modules + y * width;
        for (int x = 0; x < width; x++) {
            uint64_t isDark = row[x] & 1, isData = (row[x] >> 7) ^ 1;
            dark[y] |= isDark << x;
            data[y] |= isData << x;
            darkT[x] |= isDark << y;
            dataT[x] |= isData << y;
        }
    }
    // Format information: clear mask 0's (checking it is where and what we expect), keep each
    // mask's as a difference to XOR in.
    uint64_t format[MASKS][MAX_WIDTH] = {{0}}, formatT[MASKS][MAX_WIDTH] = {{0}};
    uint64_t formatCells[MAX_WIDTH] = {0}, formatCellsT[MAX_WIDTH] = {0};
    unsigned formats[MASKS];
    for (int m = 0; m < MASKS; m++) formats[m] = formatInfo(level, m);
    int consistent = 1;
    for (int i = 0; i < 15; i++) {
        int xy[4];
        formatPositions(width, i, xy);
        for (int k = 0; k < 4; k += 2) {
            int x = xy[k], y = xy[k + 1];
            formatCells[y] |= (uint64_t)1 << x;
            formatCellsT[x] |= (uint64_t)1 << y;
            if ((modules[y * width + x] & 1) != ((formats[0] >> i) & 1)) consistent = 0;
            for (int m = 0; m < MASKS; m++) {
                if ((formats[m] >> i) & 1) {
                    format[m][y] |= (uint64_t)1 << x;
                    formatT[m][x] |= (uint64_t)1 << y;
                }
            }
        }
    }
    if (!consistent) {
        // Not the layout this code was written against: let libqrencode choose.
        QRcode_free(code);
        return QRcode_encodeString(text, 0, level, QR_MODE_8, 1);
    }
    uint64_t plain[MAX_WIDTH], plainT[MAX_WIDTH];
    for (int i = 0; i < width; i++) {
        plain[i] = (dark[i] ^ (data[i] & rowPattern[0][i % PERIOD])) & ~formatCells[i];
        plainT[i] = (darkT[i] ^ (dataT[i] & columnPattern[0][i % PERIOD])) & ~formatCellsT[i];
    }

    int best = 0, bestDemerit = 0;
    uint64_t rows[MAX_WIDTH], columns[MAX_WIDTH];
    for (int m = 0; m < MASKS; m++) {
        apply(m, plain, data, rowPattern, format[m], width, rows);
        apply(m, plainT, dataT, columnPattern, formatT[m], width, columns);
        int demerit = score(rows, columns, width);
        if (m == 0 || demerit < bestDemerit) {
            best = m;
            bestDemerit = demerit;
        }
    }
    if (best != 0) {
        apply(best, plain, data, rowPattern, format[best], width, rows);
        for (int y = 0; y < width; y++) {
            unsigned char *row = modules + y * width;
            for (int x = 0; x < width; x++) row[x] = (unsigned char)((row[x] & ~1u) | ((rows[y] >> x) & 1));
        }
    }
    return code;
}
