/* libFuzzer harness: egdi_index_read_csv_buffer() (index definitions in the
 * iMeta layout), the writer round trip, and a small computation.
 *
 * Input: the whole input is the iMeta text (no option byte).
 *
 * Invariants: see fuzz/README.md. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_util.h"

static char tmpdir[4096];

static void remove_tmpdir(void)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/a.csv", tmpdir);
    unlink(path);
    snprintf(path, sizeof path, "%s/b.csv", tmpdir);
    unlink(path);
    rmdir(tmpdir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *base = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/egdi-fuzz-imeta-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        abort();
    }
    atexit(remove_tmpdir);
    return 0;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    FUZZ_CHECK(fp != NULL);
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    FUZZ_CHECK(buf != NULL);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            FUZZ_CHECK(buf != NULL);
        }
    }
    fclose(fp);
    *len = n;
    return buf;
}

/* Compute the definition on 5 units with fixed values in every source column
 * (and the group columns), then check the result. Failures (e.g. a method's
 * domain) only have to follow the failure contract. */
static void compute_small(const egdi_index *idx)
{
    static const char *const codes[5] = {"A", "B", "C", "D", "E"};
    static const double vals[5] = {1.0, 2.0, NAN, 0.5, 4.0};
    static const char *const groups[5] = {"g1", "g1", "g2", "g2", NULL};
    egdi_dataset *ds = NULL;
    FUZZ_CHECK(egdi_dataset_new(&ds) == EGDI_OK);
    FUZZ_CHECK(egdi_dataset_add_units(ds, codes, NULL, 5) == EGDI_OK);
    size_t nn = egdi_index_n_nodes(idx), k = 0;
    for (size_t i = 0; i < nn; i++) {
        size_t j;
        const char *src = egdi_index_node_source(idx, i);
        if (src && egdi_dataset_find_column(ds, src, &j) != EGDI_OK) {
            double v[5];
            for (size_t u = 0; u < 5; u++) /* differ per column, keep one missing value */
                v[u] = isnan(vals[u]) ? NAN : vals[u] * (double)(k + 1) + (double)u * 0.25;
            k++;
            fuzz_before_call();
            fuzz_check_status(egdi_dataset_add_numeric(ds, src, v, 5), NULL);
        }
        const char *grp = egdi_index_node_impute_group(idx, i);
        if (grp && egdi_dataset_find_column(ds, grp, &j) != EGDI_OK) {
            fuzz_before_call();
            fuzz_check_status(egdi_dataset_add_labels(ds, grp, groups, 5), NULL);
        }
    }
    egdi_result *res = NULL;
    fuzz_before_call();
    egdi_status st = egdi_compute(idx, ds, &res);
    if (st != EGDI_OK)
        fuzz_check_failure(st, res);
    else
        fuzz_check_result(idx, ds, res, NULL);
    if (st == EGDI_OK && fuzz_verbose())
        fprintf(stderr, "egdi-fuzz: computed the definition on 5 units\n");
    egdi_result_free(res);
    egdi_dataset_free(ds);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    egdi_index *idx = NULL;
    fuzz_before_call();
    egdi_status st = egdi_index_read_csv_buffer((const char *)data, size, &idx);
    if (st != EGDI_OK) {
        fuzz_check_failure(st, idx);
        return 0;
    }
    fuzz_check_index(idx);
    if (fuzz_verbose())
        fprintf(stderr, "egdi-fuzz: read %zu nodes\n", egdi_index_n_nodes(idx));

    /* round trip: write, read back: the same definition; writing that again
     * gives the same text */
    char a[4200], b[4200];
    snprintf(a, sizeof a, "%s/a.csv", tmpdir);
    snprintf(b, sizeof b, "%s/b.csv", tmpdir);
    fuzz_before_call();
    st = egdi_index_write_csv(idx, a);
    FUZZ_CHECKF(st == EGDI_OK, "writing a definition that was read failed: %s",
                egdi_last_error());
    egdi_index *back = NULL;
    fuzz_before_call();
    st = egdi_index_read_csv(a, &back);
    if (st != EGDI_OK) {
        size_t len;
        char *text = slurp(a, &len);
        FUZZ_CHECKF(0, "reading back the written definition failed: %s\n--- written:\n%.*s",
                    egdi_last_error(), (int)(len < 4000 ? len : 4000), text);
    }
    fuzz_check_index(back);
    fuzz_check_same_index(idx, back);
    FUZZ_CHECK(egdi_index_write_csv(back, b) == EGDI_OK);
    size_t la, lb;
    char *ta = slurp(a, &la), *tb = slurp(b, &lb);
    FUZZ_CHECKF(la == lb && memcmp(ta, tb, la) == 0, "written twice, different text:\n%.*s\n---\n"
                "%.*s", (int)la, ta, (int)lb, tb);
    free(ta);
    free(tb);
    egdi_index_free(back);

    /* a deep copy is the same definition */
    egdi_index *copy = NULL;
    FUZZ_CHECK(egdi_index_clone(idx, &copy) == EGDI_OK);
    fuzz_check_same_index(idx, copy);
    egdi_index_free(copy);

    compute_small(idx);
    egdi_index_free(idx);
    return 0;
}
