#include "cphotos.h"

#include <stdio.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <vips/vips.h>

static GOnce init_once = G_ONCE_INIT;

/// libvips' warnings ("error in tile …") go to stderr; failures come back as errors anyway.
static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void) domain; (void) level; (void) message; (void) data;
}

static gpointer start(gpointer unused) {
    (void) unused;
    if (VIPS_INIT("chonoi")) return GINT_TO_POINTER(-1);
    // Sellers' files are untrusted: loaders libvips itself does not trust (ImageMagick, MAT,
    // raw formats …) are never used, whatever a file's bytes claim to be.
    vips_block_untrusted_set(TRUE);
    // Callers run one pipeline per core; libvips' own threads would only add memory.
    vips_concurrency_set(1);
    // Every photo is read once: caching operations would keep decoded images alive.
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, quiet, NULL);
#if defined(__GLIBC__)
    // glibc gives each thread its own heap ("arena"); the large, short-lived buffers of decoding
    // and encoding then stay mapped in every arena. Two arenas keep peak memory near what two
    // pipelines need (libvips' own advice for glibc).
    mallopt(M_ARENA_MAX, 2);
#endif
    return GINT_TO_POINTER(0);
}

int cphotos_init(void) {
    return GPOINTER_TO_INT(g_once(&init_once, start, NULL));
}

const char *cphotos_vips_version(void) {
    return vips_version_string();
}

void cphotos_take_error(char *buffer, size_t size) {
    char *message = vips_error_buffer_copy();
    if (size > 0) {
        snprintf(buffer, size, "%s", message ? message : "");
        size_t n = strlen(buffer);
        while (n > 0 && (buffer[n - 1] == '\n' || buffer[n - 1] == ' ')) buffer[--n] = 0;
    }
    g_free(message);
}

static void loader_name(const char *path, char *out, size_t size) {
    const char *name = vips_foreign_find_load(path);
    out[0] = 0;
    if (!name) return;
    // A class name such as "VipsForeignLoadJpegFile" → its nickname "jpegload".
    GType type = g_type_from_name(name);
    if (type) {
        gpointer klass = g_type_class_ref(type);
        const char *nick = VIPS_OBJECT_CLASS(klass)->nickname;
        snprintf(out, size, "%s", nick ? nick : name);
        g_type_class_unref(klass);
    } else {
        snprintf(out, size, "%s", name);
    }
}

int cphotos_read_header(const char *path, cphotos_header *out) {
    if (cphotos_init()) return -1;
    memset(out, 0, sizeof *out);
    loader_name(path, out->loader, sizeof out->loader);
    if (!out->loader[0]) return -1;
    // Opening is lazy: only the header is parsed until pixels are asked for.
    VipsImage *image = vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) return -1;
    out->width = vips_image_get_width(image);
    out->height = vips_image_get_height(image);
    out->orientation = vips_image_get_orientation(image);
    int swap = vips_image_get_orientation_swap(image);
    out->oriented_width = swap ? out->height : out->width;
    out->oriented_height = swap ? out->width : out->height;
    g_object_unref(image);
    return 0;
}

/// 8-bit sRGB (or grey), whatever the source's colour space and depth.
static int to_srgb(VipsImage *in, VipsImage **out) {
    VipsInterpretation space = vips_image_guess_interpretation(in);
    if (space == VIPS_INTERPRETATION_B_W && in->BandFmt == VIPS_FORMAT_UCHAR) {
        *out = in;
        g_object_ref(in);
        return 0;
    }
    if (space == VIPS_INTERPRETATION_sRGB && in->BandFmt == VIPS_FORMAT_UCHAR) {
        *out = in;
        g_object_ref(in);
        return 0;
    }
    VipsImage *srgb;
    if (vips_colourspace(in, &srgb, VIPS_INTERPRETATION_sRGB, NULL)) return -1;
    if (srgb->BandFmt == VIPS_FORMAT_UCHAR) {
        *out = srgb;
        return 0;
    }
    int status = vips_cast(srgb, out, VIPS_FORMAT_UCHAR, NULL);
    g_object_unref(srgb);
    return status;
}

/// Removes every metadata item (EXIF and its GPS block, XMP, IPTC, ICC profile, comments …).
/// The savers' `strip` option is not enough: libvips 8.14's WebP saver still writes EXIF, XMP
/// and ICC chunks with it (the tests caught it).
static void strip_metadata(VipsImage *image) {
    gchar **fields = vips_image_get_fields(image);
    for (int i = 0; fields[i]; i++) vips_image_remove(image, fields[i]);
    g_strfreev(fields);
}

static unsigned le32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (unsigned) p[3] << 24; }
static void put_le32(unsigned char *p, unsigned v) { p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24; }

/// Drops the EXIF, XMP and ICCP chunks from a WebP file in place (libvips 8.14's WebP saver
/// writes a small EXIF chunk even with `strip`), clearing their flags in the VP8X header.
static void strip_webp_chunks(unsigned char *data, size_t *length) {
    size_t n = *length;
    if (n < 12 || memcmp(data, "RIFF", 4) || memcmp(data + 8, "WEBP", 4)) return;
    size_t read = 12, write = 12;
    while (read + 8 <= n) {
        size_t size = le32(data + read + 4), total = 8 + size + (size & 1);
        if (read + total > n) total = n - read;
        int drop = !memcmp(data + read, "EXIF", 4) || !memcmp(data + read, "XMP ", 4) || !memcmp(data + read, "ICCP", 4);
        if (!drop) {
            if (!memcmp(data + read, "VP8X", 4) && size >= 4) data[read + 8] &= (unsigned char) ~(0x20 | 0x08 | 0x04);
            memmove(data + write, data + read, total);
            write += total;
        }
        read += total;
    }
    put_le32(data + 4, (unsigned) (write - 8));
    *length = write;
}

static int encode(VipsImage *image, const cphotos_output *o, cphotos_result *r) {
    r->width = vips_image_get_width(image);
    r->height = vips_image_get_height(image);
    if (o->format == CPHOTOS_WEBP) {
        if (vips_webpsave_buffer(image, &r->data, &r->length, "Q", o->quality, "strip", TRUE, NULL)) return -1;
        strip_webp_chunks(r->data, &r->length);
        return 0;
    }
    VipsImage *flat = image;
    g_object_ref(image);
    if (vips_image_hasalpha(image)) {
        g_object_unref(flat);
        double white[3] = {255, 255, 255};
        VipsArrayDouble *background = vips_array_double_new(white, 3);
        int status = vips_flatten(image, &flat, "background", background, NULL);
        vips_area_unref(VIPS_AREA(background));
        if (status) return -1;
    }
    int status = vips_jpegsave_buffer(flat, &r->data, &r->length, "Q", o->quality, "strip", TRUE,
                                      "optimize_coding", TRUE, "interlace", TRUE, NULL);
    g_object_unref(flat);
    return status;
}

/// Whether the file has an embedded colour profile (a phone's Display P3 photo): then libvips
/// converts it to sRGB before the profile is stripped. Without one the pixels are sRGB already,
/// and the (costly) colour transform is skipped.
static int has_profile(const char *path) {
    VipsImage *image = vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) return 0;
    int yes = vips_image_get_typeof(image, VIPS_META_ICC_NAME) != 0;
    g_object_unref(image);
    return yes;
}

int cphotos_render(const char *path, int base_width, const cphotos_output *outputs, int count,
                   cphotos_result *results) {
    if (cphotos_init()) return -1;
    memset(results, 0, sizeof *results * (size_t) count);
    VipsImage *thumb = NULL, *base = NULL, *memory = NULL;
    const char *profile = has_profile(path) ? "srgb" : NULL;
    // One decode, shrunk on load where the format allows; the orientation is applied here.
    int status = profile
        ? vips_thumbnail(path, &thumb, base_width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                         "export_profile", profile, "fail_on", VIPS_FAIL_ON_ERROR, NULL)
        : vips_thumbnail(path, &thumb, base_width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                         "fail_on", VIPS_FAIL_ON_ERROR, NULL);
    if (status) goto fail;
    if (to_srgb(thumb, &base)) goto fail;
    // The decoded base is small (at most base_width wide): every output is computed from it.
    if (!(memory = vips_image_copy_memory(base))) goto fail;
    strip_metadata(memory);
    int base_w = vips_image_get_width(memory), base_h = vips_image_get_height(memory);
    for (int i = 0; i < count; i++) {
        const cphotos_output *o = &outputs[i];
        VipsImage *sized = NULL;
        if (o->crop_height > 0) {
            // A fixed frame (Open Graph): from the base when it is large enough, else from the file.
            double scale = (double) o->width / base_w;
            if ((double) o->crop_height / base_h > scale) scale = (double) o->crop_height / base_h;
            if (scale <= 1.0) {
                status = vips_thumbnail_image(memory, &sized, o->width, "height", o->crop_height,
                                              "crop", VIPS_INTERESTING_CENTRE, "no_rotate", TRUE, NULL);
            } else {
                VipsImage *fresh = NULL;
                status = profile
                    ? vips_thumbnail(path, &fresh, o->width, "height", o->crop_height, "crop", VIPS_INTERESTING_CENTRE,
                                     "export_profile", profile, "fail_on", VIPS_FAIL_ON_ERROR, NULL)
                    : vips_thumbnail(path, &fresh, o->width, "height", o->crop_height, "crop", VIPS_INTERESTING_CENTRE,
                                     "fail_on", VIPS_FAIL_ON_ERROR, NULL);
                if (!status) {
                    VipsImage *converted = NULL;
                    status = to_srgb(fresh, &converted);
                    g_object_unref(fresh);
                    if (!status) {
                        sized = vips_image_copy_memory(converted);
                        g_object_unref(converted);
                        if (sized) strip_metadata(sized); else status = -1;
                    }
                }
            }
        } else if (o->width >= base_w) {
            sized = memory;
            g_object_ref(memory);
            status = 0;
        } else {
            status = vips_thumbnail_image(memory, &sized, o->width, "height", VIPS_MAX_COORD,
                                          "size", VIPS_SIZE_DOWN, "no_rotate", TRUE, NULL);
        }
        if (status) goto fail;
        status = encode(sized, o, &results[i]);
        g_object_unref(sized);
        if (status) goto fail;
    }
    g_object_unref(memory);
    g_object_unref(base);
    g_object_unref(thumb);
#if defined(__GLIBC__)
    malloc_trim(0); // give the photo's buffers back before the next one
#endif
    return 0;
fail:
    if (memory) g_object_unref(memory);
    if (base) g_object_unref(base);
    if (thumb) g_object_unref(thumb);
    for (int i = 0; i < count; i++) {
        g_free(results[i].data);
        results[i].data = NULL;
    }
    return -1;
}

int cphotos_try_decode(const char *path) {
    if (cphotos_init()) return -1;
    VipsImage *thumb = NULL;
    double mean;
    if (vips_thumbnail(path, &thumb, 16, "fail_on", VIPS_FAIL_ON_ERROR, NULL)) return -1;
    int status = vips_avg(thumb, &mean, NULL);
    g_object_unref(thumb);
    return status;
}

void cphotos_free(void *data) {
    g_free(data);
}

int cphotos_sha256_file(const char *path, char hex[65]) {
    FILE *file = fopen(path, "rb");
    if (!file) return -1;
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    unsigned char buffer[1 << 16];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, file)) > 0) g_checksum_update(sum, buffer, n);
    int failed = ferror(file);
    fclose(file);
    if (!failed) snprintf(hex, 65, "%s", g_checksum_get_string(sum));
    g_checksum_free(sum);
    return failed ? -1 : 0;
}
