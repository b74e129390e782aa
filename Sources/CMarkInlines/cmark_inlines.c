// cmark-gfm keeps the characters that start an inline extension (strikethrough's `~`,
// autolink's `:`, `w`, `@`) in one table for the whole process: each parse sets them when its
// inline parsing starts and clears them when it ends (process_inlines in blocks.c), so a parse
// that ends clears them under another thread's feet and that one loses its autolinks and
// strikethroughs (upstream github/cmark-gfm PR #176, still open). Every parse in chonoi
// attaches the same extensions, so the table, once set, never needs clearing: this definition
// stands in for the library's (it calls it through its PLT, and a definition in the executable
// comes first) and passes only the setting on. `CMarkDocument` parses without its lock only
// after seeing that the library called this one; otherwise (another linker, macOS's two-level
// namespace) parsing stays serialised as before.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>

#include "CMarkInlines.h"

struct cmark_parser;
typedef void (*manage_function)(struct cmark_parser *, int);

static manage_function library_manage;
static pthread_once_t library_found = PTHREAD_ONCE_INIT;
static atomic_long kept;

static void find_library_manage(void) {
    library_manage = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
}

void cmark_manage_extensions_special_characters(struct cmark_parser *parser, int add) {
    pthread_once(&library_found, find_library_manage);
    if (add) {
        if (library_manage) library_manage(parser, add);
    } else if (library_manage) {
        atomic_fetch_add_explicit(&kept, 1, memory_order_relaxed);
    }
}

long chonoi_cmark_kept_special_characters(void) {
    return atomic_load_explicit(&kept, memory_order_relaxed);
}

int chonoi_cmark_sets_special_characters(void) {
    pthread_once(&library_found, find_library_manage);
    return library_manage != NULL;
}
