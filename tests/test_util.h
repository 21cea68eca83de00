/* Helpers shared by the check suites. */
#ifndef EGDI_TEST_UTIL_H
#define EGDI_TEST_UTIL_H

#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <egdi/egdi.h>

/* Assert a call succeeds, showing the library's message if not. */
#define OK(call)                                                                   \
    do {                                                                           \
        egdi_status st_ = (call);                                                  \
        ck_assert_msg(st_ == EGDI_OK, "%s failed: %s (%s)", #call, egdi_last_error(), \
                      egdi_strerror(st_));                                         \
    } while (0)

/* Assert a call fails with `code` and a message containing `needle`. */
#define FAILS(call, code, needle)                                                         \
    do {                                                                                  \
        egdi_status st_ = (call);                                                         \
        ck_assert_msg(st_ == (code), "%s returned %d (%s), expected %d", #call, (int)st_,   \
                      egdi_last_error(), (int)(code));                                    \
        ck_assert_msg(strstr(egdi_last_error(), (needle)) != NULL,                        \
                      "message '%s' lacks '%s'", egdi_last_error(), (needle));            \
    } while (0)

#define NEAR(a, b, tol) ck_assert_msg(fabs((a) - (b)) <= (tol), "%s = %.12g, expected %.12g (tol %g)", #a, (double)(a), (double)(b), (double)(tol))

static inline double col_value(const egdi_dataset *ds, const char *unit, const char *column)
{
    size_t i, j;
    double v;
    ck_assert_int_eq(egdi_dataset_find_unit(ds, unit, &i), EGDI_OK);
    ck_assert_int_eq(egdi_dataset_find_column(ds, column, &j), EGDI_OK);
    ck_assert_int_eq(egdi_dataset_get_value(ds, i, j, &v), EGDI_OK);
    return v;
}

static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* Write `text` to a fresh temporary file; returns its path (static buffer per call site). */
static inline void write_temp(char *path, size_t size, const char *text)
{
    snprintf(path, size, "/tmp/egdi_test_XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *fp = fdopen(fd, "wb");
    fputs(text, fp);
    fclose(fp);
}

/* A fresh directory /tmp/egdi_<prefix>_XXXXXX for one test's files (dir has
 * `size` bytes); remove it with rm_tree(). */
static inline void make_dir(char *dir, size_t size, const char *prefix)
{
    snprintf(dir, size, "/tmp/egdi_%s_XXXXXX", prefix);
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* Remove everything in dir (files, links, FIFOs, one level of empty
 * subdirectories), then dir itself. */
static inline void rm_tree(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    char path[512];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat sb;
        ck_assert_int_eq(lstat(path, &sb), 0);
        ck_assert_int_eq(S_ISDIR(sb.st_mode) ? rmdir(path) : unlink(path), 0);
    }
    closedir(d);
    ck_assert_int_eq(rmdir(dir), 0);
}

#endif
