#ifndef CHONOI_CTEXT_H
#define CHONOI_CTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// Whether `bytes` are well-formed UTF-8 (no overlong forms, no surrogates, nothing past
/// U+10FFFF): the definition of Swift's String(validating:), without making a string.
/// With AVX2, 32 bytes at a time (Keiser and Lemire's lookup algorithm, as in simdjson);
/// elsewhere the scalar loop below.
bool chonoi_utf8_valid(const uint8_t *bytes, size_t count);

/// The same answer one character at a time (ASCII eight bytes at a time): the fallback,
/// public so the tests hold both to the standard library.
bool chonoi_utf8_valid_scalar(const uint8_t *bytes, size_t count);

#endif
