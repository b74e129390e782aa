#ifndef CMARK_INLINES_GUARD_H
#define CMARK_INLINES_GUARD_H

/// How many times cmark-gfm asked to clear its extensions' special characters and was not
/// obeyed: above zero once a parse has run, where this process's definition of
/// cmark_manage_extensions_special_characters is the one the library calls.
long chonoi_cmark_kept_special_characters(void);

/// 1 if the library's own cmark_manage_extensions_special_characters was found to set them.
int chonoi_cmark_sets_special_characters(void);

#endif
