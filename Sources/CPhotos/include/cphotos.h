// A small, non-variadic C surface over libvips for the Photos module: Swift cannot call
// libvips' variadic functions (vips_thumbnail, vips_webpsave_buffer …) directly.
#ifndef CPHOTOS_H
#define CPHOTOS_H

#include <stddef.h>

/// Starts libvips once per process: blocks loaders libvips marks untrusted, one worker
/// thread per pipeline (callers run pipelines in parallel themselves), no operation cache.
/// Returns 0, or -1 when libvips cannot start.
int cphotos_init(void);

/// The version of the linked libvips, e.g. "8.14.1" (part of every cache key).
const char *cphotos_vips_version(void);

typedef struct {
    int width, height;                   // as stored
    int oriented_width, oriented_height; // as shown, after the EXIF orientation
    int orientation;                     // 1-8
    char loader[48];                     // libvips' loader, e.g. "jpegload", "pngload", "heifload"
} cphotos_header;

/// Reads only the header of `path` (no pixels are decoded). 0, or -1 with cphotos_error set.
int cphotos_read_header(const char *path, cphotos_header *out);

/// The last libvips error of this thread, copied into `buffer`; clears libvips' error buffer.
void cphotos_take_error(char *buffer, size_t size);

enum { CPHOTOS_WEBP = 0, CPHOTOS_JPEG = 1 };

typedef struct {
    int width;        // target width in pixels
    int crop_height;  // 0: keep the aspect ratio; > 0: fill width × crop_height, cropped at the centre
    int format;       // CPHOTOS_WEBP or CPHOTOS_JPEG
    int quality;      // 1-100
} cphotos_output;

typedef struct {
    void *data;       // encoded bytes (free with cphotos_free)
    size_t length;
    int width, height;
} cphotos_result;

/// Decodes `path` once, at `base_width` (never wider than the source; JPEG and WebP shrink on
/// load), applies the EXIF orientation, converts to sRGB, then encodes every output from that one
/// decoded image, with all metadata stripped. 0, or -1 (results freed) with the error set.
int cphotos_render(const char *path, int base_width, const cphotos_output *outputs, int count,
                   cphotos_result *results);

/// Decodes a tiny version of the picture (shrinking on load), to learn whether its pixels decode
/// at all, e.g. a HEIC photo when libheif lacks the HEVC decoder. 0, or -1 with the error set.
int cphotos_try_decode(const char *path);

void cphotos_free(void *data);

/// SHA-256 of the file's bytes as 64 hex digits (+ NUL) in `hex`; 0, or -1 if unreadable.
int cphotos_sha256_file(const char *path, char hex[65]);

#endif
