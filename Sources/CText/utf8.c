// UTF-8 validation for the content loader: every byte of every entry is checked, 131 MB for
// the 10,000-business catalog, where a byte-at-a-time loop was a tenth of `chonoi check`.
#include "CText.h"
#include <string.h>

bool chonoi_utf8_valid_scalar(const uint8_t *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t w; memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080ULL) == 0) { i += 8; continue; }
        }
        uint8_t b0 = s[i];
        if (b0 < 0x80) { i++; continue; }
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return false;
            i += 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            if (i + 2 >= n || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) return false;
            if (b0 == 0xE0 && s[i + 1] < 0xA0) return false;
            if (b0 == 0xED && s[i + 1] > 0x9F) return false;
            i += 3;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (i + 3 >= n || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80) return false;
            if (b0 == 0xF0 && s[i + 1] < 0x90) return false;
            if (b0 == 0xF4 && s[i + 1] > 0x8F) return false;
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

#if defined(__x86_64__)
#include <immintrin.h>

// Each byte pair (previous byte, this byte) is classified by three 16-entry tables, on the high
// and low nibble of the previous byte and the high nibble of this one; a bit survives the AND
// of the three only for an error of that kind. The bytes two and three back say where a
// continuation byte must be; `incomplete_max` catches a sequence cut off at the end.

#define TOO_SHORT (1 << 0)
#define TOO_LONG (1 << 1)
#define OVERLONG_3 (1 << 2)
#define TOO_LARGE (1 << 3)
#define SURROGATE (1 << 4)
#define OVERLONG_2 (1 << 5)
#define TOO_LARGE_1000 (1 << 6)
#define OVERLONG_4 (1 << 6)
#define TWO_CONTS ((char)0x80) // (1 << 7), as the char _mm256_setr_epi8 takes
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS)

__attribute__((target("avx2"))) static inline __m256i prev_n(__m256i input, __m256i prev, int n) {
    __m256i shuffled = _mm256_permute2x128_si256(prev, input, 0x21);
    switch (n) {
    case 1: return _mm256_alignr_epi8(input, shuffled, 15);
    case 2: return _mm256_alignr_epi8(input, shuffled, 14);
    default: return _mm256_alignr_epi8(input, shuffled, 13);
    }
}

__attribute__((target("avx2"))) static bool valid_avx2(const uint8_t *s, size_t n) {
    const __m256i table1 = _mm256_setr_epi8(
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT,
        TOO_SHORT | OVERLONG_3 | SURROGATE, TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4,
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT,
        TOO_SHORT | OVERLONG_3 | SURROGATE, TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
#define LOW_TABLE \
        CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY, \
        CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, \
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, \
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, \
        CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000
    const __m256i table2 = _mm256_setr_epi8(LOW_TABLE, LOW_TABLE);
#define HIGH2_TABLE \
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, \
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4, \
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE, \
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, \
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, \
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT
    const __m256i table3 = _mm256_setr_epi8(HIGH2_TABLE, HIGH2_TABLE);
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const __m256i incomplete_max = _mm256_setr_epi8(
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1));
    __m256i error = _mm256_setzero_si256();
    __m256i prev_input = _mm256_setzero_si256();
    __m256i prev_incomplete = _mm256_setzero_si256();
    size_t i = 0;
    uint8_t tail[32];
    while (i < n) {
        __m256i input;
        if (i + 32 <= n) { // the last, partial block is padded with NULs (ASCII)
            input = _mm256_loadu_si256((const __m256i *)(s + i));
        } else {
            memset(tail, 0, 32);
            memcpy(tail, s + i, n - i);
            input = _mm256_loadu_si256((const __m256i *)tail);
        }
        i += 32;
        if (_mm256_movemask_epi8(input) == 0) {
            error = _mm256_or_si256(error, prev_incomplete);
            prev_incomplete = _mm256_setzero_si256();
            prev_input = input;
            continue;
        }
        __m256i prev1 = prev_n(input, prev_input, 1);
        __m256i b1h = _mm256_shuffle_epi8(table1, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble));
        __m256i b1l = _mm256_shuffle_epi8(table2, _mm256_and_si256(prev1, nibble));
        __m256i b2h = _mm256_shuffle_epi8(table3, _mm256_and_si256(_mm256_srli_epi16(input, 4), nibble));
        __m256i special = _mm256_and_si256(_mm256_and_si256(b1h, b1l), b2h);
        __m256i prev2 = prev_n(input, prev_input, 2);
        __m256i prev3 = prev_n(input, prev_input, 3);
        __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xE0 - 0x80)));
        __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xF0 - 0x80)));
        __m256i must23_80 = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
        error = _mm256_or_si256(error, _mm256_xor_si256(must23_80, special));
        prev_incomplete = _mm256_subs_epu8(input, incomplete_max);
        prev_input = input;
    }
    error = _mm256_or_si256(error, prev_incomplete);
    return _mm256_testz_si256(error, error);
}
#endif

bool chonoi_utf8_valid(const uint8_t *s, size_t n) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) return valid_avx2(s, n);
#endif
    return chonoi_utf8_valid_scalar(s, n);
}
