#ifndef CHONOI_CPLATFORM_H
#define CHONOI_CPLATFORM_H

// The system calls Swift's Glibc module does not export (glibc declares them only under
// _GNU_SOURCE) or that differ by name between Linux and macOS.

/// Swaps two paths in one atomic step: Linux's renameat2(RENAME_EXCHANGE), macOS's
/// renamex_np(RENAME_SWAP). Returns 0, or -1 with errno (ENOSYS where neither exists,
/// EINVAL where the file system does not support it).
int chonoi_rename_exchange(const char *first, const char *second);

/// Gives the memory freed so far back to the system: glibc's malloc_trim(0), which Swift's
/// Glibc module does not export. Nothing elsewhere.
void chonoi_return_freed_memory(void);

#endif
