#ifndef CHONOI_CQRMASK_H
#define CHONOI_CQRMASK_H

#include <qrencode.h>
#include <stdint.h>

/// The symbol `QRcode_encodeString(text, 0, level, QR_MODE_8, 1)` returns, module for
/// module, with the mask chosen in a few microseconds instead of libqrencode's ~100: its
/// choice (the same penalty rules, the same quirks, the first lowest score) computed 64
/// modules at a time. Free the result with `QRcode_free`. NULL when libqrencode would
/// return NULL (text too long, NUL inside, no memory).
QRcode *chonoi_qr_encode(const char *text, QRecLevel level);

/// Whether the fast path can run: it needs two functions libqrencode exports on Debian but
/// does not declare in its header. Without them `chonoi_qr_encode` is `QRcode_encodeString`.
int chonoi_qr_fast_mask_available(void);

/// For tests: whether the finder-like penalty of one row or column (module i in bit i, `width`
/// modules) is the same computed from its bits as from its list of runs, libqrencode's way.
int chonoi_qr_finder_like_agrees(uint64_t line, int width);

#endif
