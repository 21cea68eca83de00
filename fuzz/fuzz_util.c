/* Shared helpers of the libFuzzer harnesses (see fuzz_util.h). */
#include "fuzz_util.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fuzz_fail(const char *file, int line, const char *expr, const char *fmt, ...)
{
    fprintf(stderr, "\n==egdi-fuzz== invariant violated at %s:%d: %s\n", file, line, expr);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n==egdi-fuzz== last libegdi error: %s\n", egdi_last_error());
    fflush(stderr);
    __builtin_trap();
}

int fuzz_strict(const char *name)
{
    const char *s = getenv("EGDI_FUZZ_STRICT");
    if (!s || !*s || strcmp(s, "0") == 0)
        return 0;
    if (strcmp(s, "1") == 0 || strcmp(s, "all") == 0)
        return 1;
    size_t len = strlen(name);
    for (const char *p = s; (p = strstr(p, name)) != NULL; p += len)
        if ((p == s || p[-1] == ',') && (p[len] == '\0' || p[len] == ','))
            return 1;
    return 0;
}

/* ---- byte reader ---- */
uint8_t fuzz_u8(fuzz_in *in)
{
    if (in->n == 0)
        return 0;
    in->n--;
    return *in->p++;
}

uint16_t fuzz_u16(fuzz_in *in)
{
    uint16_t hi = fuzz_u8(in);
    return (uint16_t)((hi << 8) | fuzz_u8(in));
}

uint64_t fuzz_u64(fuzz_in *in)
{
    uint64_t v = 0;
    for (int k = 0; k < 8; k++)
        v = (v << 8) | fuzz_u8(in);
    return v;
}

static const double edge_values[] = {
    NAN, 0.0, -0.0, 1.0, -1.0, 0.5, 0.25, 0.75, 1e308, -1e308, DBL_MAX, -DBL_MAX, DBL_MIN,
    5e-324, INFINITY, -INFINITY, 1e15 + 0.5, 0.125, 100.0, 120.0, 1.005, 1.0 / 3, 2.0 / 3,
    1e-12, 4503599627370496.0, 9007199254740992.0, -0.5, 0.49999999999999994, 1e300, -1e300,
    2.5, 0.1, 0.2, 0.3, 1e-300, 0.99999999999999989, 1.0000000000000002, 0.45721, 0.91377,
    1e16, 123456789.123456789};
#define N_EDGE (sizeof edge_values / sizeof *edge_values)

double fuzz_double(fuzz_in *in)
{
    uint8_t s = fuzz_u8(in);
    switch (s & 3) {
    case 0: { /* raw bits */
        uint64_t bits = fuzz_u64(in);
        double d;
        memcpy(&d, &bits, sizeof d);
        return d;
    }
    case 1: /* a small decimal: k / 2^e or k / 10^e */
    {
        int16_t k = (int16_t)fuzz_u16(in);
        uint8_t e = fuzz_u8(in);
        return (e & 0x80) ? k / pow(10.0, e & 7) : k / (double)(1u << (e & 15));
    }
    default:
        return edge_values[(s >> 2) % N_EDGE];
    }
}

double fuzz_weight(fuzz_in *in)
{
    static const double w[] = {1.0, 0.5, 2.0, 1.0 / 3, 0.0, 3.0, 0.1, 1e-300, 1e300, 0.34, 0.25};
    uint8_t s = fuzz_u8(in);
    if (s >= 250) /* invalid on purpose: the setters must refuse them */
        return s == 250 ? NAN : s == 251 ? INFINITY : s == 252 ? -1.0 : s == 253 ? -0.0 : 5e-324;
    return w[s % (sizeof w / sizeof *w)];
}

/* ---- invariants ---- */
void fuzz_before_call(void)
{
    egdi_clear_error();
}

int fuzz_verbose(void)
{
    static int cached = -1;
    if (cached < 0) {
        const char *s = getenv("EGDI_FUZZ_VERBOSE");
        cached = s && *s && strcmp(s, "0") != 0;
    }
    return cached;
}

void fuzz_check_failure(egdi_status st, const void *out_value)
{
    if (fuzz_verbose())
        fprintf(stderr, "egdi-fuzz: call failed as allowed: %s: %s\n",
                egdi_status_name(st) ? egdi_status_name(st) : "?", egdi_last_error());
    FUZZ_CHECKF(st != EGDI_OK, "expected a failure");
    FUZZ_CHECKF(out_value == NULL, "failed call (%s) left a non-NULL out-pointer %p",
                egdi_status_name(st) ? egdi_status_name(st) : "?", out_value);
    const char *msg = egdi_last_error();
    FUZZ_CHECKF(msg != NULL && msg[0] != '\0', "failed call (status %d) left no message",
                (int)st);
    FUZZ_CHECKF(egdi_last_status() == st, "egdi_last_status() %d != returned status %d",
                (int)egdi_last_status(), (int)st);
    FUZZ_CHECKF(egdi_status_name(st) != NULL, "unknown status %d", (int)st);
}

void fuzz_check_status(egdi_status st, const void *out_value)
{
    if (st != EGDI_OK)
        fuzz_check_failure(st, out_value);
}

int fuzz_same_double(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return memcmp(&a, &b, sizeof a) == 0;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int trimmed(const char *s)
{
    size_t len = strlen(s);
    return len == 0 || (!is_blank(s[0]) && !is_blank(s[len - 1]));
}

void fuzz_check_dataset(const egdi_dataset *ds, int finite_numbers)
{
    FUZZ_CHECK(ds != NULL);
    size_t n = egdi_dataset_n_units(ds), m = egdi_dataset_n_columns(ds);
    for (size_t i = 0; i < n; i++) {
        const char *code = egdi_dataset_unit_code(ds, i);
        const char *name = egdi_dataset_unit_name(ds, i);
        FUZZ_CHECKF(code != NULL && name != NULL, "unit %zu of %zu: NULL code or name", i, n);
        FUZZ_CHECKF(code[0] != '\0', "unit %zu: empty code", i);
        FUZZ_CHECKF(trimmed(code) && trimmed(name), "unit %zu: code '%s' or name '%s' is not "
                    "trimmed", i, code, name);
        size_t pos = (size_t)-1;
        egdi_status st = egdi_dataset_find_unit(ds, code, &pos);
        FUZZ_CHECKF(st == EGDI_OK && pos == i, "unit %zu: code '%s' found at %zu (status %d): "
                    "codes are not unique", i, code, pos, (int)st);
    }
    FUZZ_CHECK(egdi_dataset_unit_code(ds, n) == NULL);
    FUZZ_CHECK(egdi_dataset_unit_name(ds, n) == NULL);

    double *v = malloc((n ? n : 1) * sizeof *v);
    int *lc = malloc((n ? n : 1) * sizeof *lc);
    FUZZ_CHECK(v && lc);
    for (size_t j = 0; j < m; j++) {
        const char *cname = egdi_dataset_column_name(ds, j);
        FUZZ_CHECKF(cname != NULL && cname[0] != '\0', "column %zu: no name", j);
        size_t pos = (size_t)-1;
        egdi_status st = egdi_dataset_find_column(ds, cname, &pos);
        FUZZ_CHECKF(st == EGDI_OK && pos == j, "column %zu '%s' found at %zu: names not unique",
                    j, cname, pos);
        egdi_column_kind kind;
        FUZZ_CHECK(egdi_dataset_column_kind(ds, j, &kind) == EGDI_OK);
        if (kind == EGDI_COLUMN_NUMERIC) {
            FUZZ_CHECK(egdi_dataset_get_numeric(ds, j, v, n) == EGDI_OK);
            for (size_t i = 0; i < n; i++) {
                double x;
                FUZZ_CHECK(egdi_dataset_get_value(ds, i, j, &x) == EGDI_OK);
                FUZZ_CHECK(fuzz_same_double(x, v[i]));
                if (finite_numbers)
                    FUZZ_CHECKF(isnan(v[i]) || isfinite(v[i]), "column '%s', unit %zu: %g", cname,
                                i, v[i]);
            }
        } else {
            FUZZ_CHECK(kind == EGDI_COLUMN_LABEL);
            size_t L = 0;
            FUZZ_CHECK(egdi_dataset_n_levels(ds, j, &L) == EGDI_OK);
            for (size_t k = 0; k < L; k++) {
                const char *lev = egdi_dataset_level(ds, j, k);
                FUZZ_CHECKF(lev != NULL && lev[0] != '\0', "column '%s': level %zu empty", cname,
                            k);
                for (size_t k2 = 0; k2 < k; k2++)
                    FUZZ_CHECKF(strcmp(lev, egdi_dataset_level(ds, j, k2)) != 0,
                                "column '%s': levels %zu and %zu are both '%s'", cname, k2, k,
                                lev);
            }
            FUZZ_CHECK(egdi_dataset_level(ds, j, L) == NULL);
            FUZZ_CHECK(egdi_dataset_get_level_codes(ds, j, lc, n) == EGDI_OK);
            for (size_t i = 0; i < n; i++) {
                const char *lab = egdi_dataset_get_label(ds, i, j);
                FUZZ_CHECK(lab != NULL);
                FUZZ_CHECKF(lc[i] >= -1 && lc[i] < (long)L, "column '%s', unit %zu: level %d of "
                            "%zu", cname, i, lc[i], L);
                if (lc[i] < 0)
                    FUZZ_CHECK(lab[0] == '\0');
                else
                    FUZZ_CHECK(strcmp(lab, egdi_dataset_level(ds, j, (size_t)lc[i])) == 0);
            }
        }
    }
    FUZZ_CHECK(egdi_dataset_column_name(ds, m) == NULL);
    free(v);
    free(lc);
}

void fuzz_check_same_dataset(const egdi_dataset *a, const egdi_dataset *b)
{
    size_t n = egdi_dataset_n_units(a), m = egdi_dataset_n_columns(a);
    FUZZ_CHECKF(egdi_dataset_n_units(b) == n, "units: %zu then %zu", n, egdi_dataset_n_units(b));
    FUZZ_CHECKF(egdi_dataset_n_columns(b) == m, "columns: %zu then %zu", m,
                egdi_dataset_n_columns(b));
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECKF(strcmp(egdi_dataset_unit_code(a, i), egdi_dataset_unit_code(b, i)) == 0,
                    "unit %zu: code '%s' then '%s'", i, egdi_dataset_unit_code(a, i),
                    egdi_dataset_unit_code(b, i));
        FUZZ_CHECKF(strcmp(egdi_dataset_unit_name(a, i), egdi_dataset_unit_name(b, i)) == 0,
                    "unit %zu: name '%s' then '%s'", i, egdi_dataset_unit_name(a, i),
                    egdi_dataset_unit_name(b, i));
    }
    for (size_t j = 0; j < m; j++) {
        const char *na = egdi_dataset_column_name(a, j), *nb = egdi_dataset_column_name(b, j);
        FUZZ_CHECKF(strcmp(na, nb) == 0, "column %zu: '%s' then '%s'", j, na, nb);
        egdi_column_kind ka, kb;
        FUZZ_CHECK(egdi_dataset_column_kind(a, j, &ka) == EGDI_OK);
        FUZZ_CHECK(egdi_dataset_column_kind(b, j, &kb) == EGDI_OK);
        FUZZ_CHECKF(ka == kb, "column '%s': kind %d then %d", na, (int)ka, (int)kb);
        for (size_t i = 0; i < n; i++) {
            if (ka == EGDI_COLUMN_NUMERIC) {
                double x, y;
                FUZZ_CHECK(egdi_dataset_get_value(a, i, j, &x) == EGDI_OK);
                FUZZ_CHECK(egdi_dataset_get_value(b, i, j, &y) == EGDI_OK);
                FUZZ_CHECKF(fuzz_same_double(x, y), "column '%s', unit '%s': %.17g then %.17g",
                            na, egdi_dataset_unit_code(a, i), x, y);
            } else {
                const char *x = egdi_dataset_get_label(a, i, j), *y = egdi_dataset_get_label(b, i, j);
                FUZZ_CHECKF(strcmp(x, y) == 0, "column '%s', unit '%s': label '%s' then '%s'", na,
                            egdi_dataset_unit_code(a, i), x, y);
            }
        }
    }
}

char *fuzz_write_csv(const egdi_dataset *ds, const egdi_csv_options *opts, size_t *len)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *fp = open_memstream(&buf, &size);
    FUZZ_CHECK(fp != NULL);
    fuzz_before_call();
    egdi_status st = egdi_dataset_write_csv_stream(ds, fp, opts);
    FUZZ_CHECK(fclose(fp) == 0);
    if (st != EGDI_OK) {
        fuzz_check_failure(st, NULL);
        free(buf);
        return NULL;
    }
    *len = size;
    return buf;
}

void fuzz_check_ranks(const double *keys, size_t n, egdi_ties ties, const int *ranks)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(keys[i]))
            m++;
    for (size_t i = 0; i < n; i++) {
        if (isnan(keys[i])) {
            FUZZ_CHECKF(ranks[i] == 0, "value %zu is missing but has rank %d", i, ranks[i]);
            continue;
        }
        FUZZ_CHECKF(ranks[i] >= 1 && (size_t)ranks[i] <= m, "value %zu (%.17g): rank %d not in "
                    "1..%zu", i, keys[i], ranks[i], m);
        size_t better = 0, equal_before = 0, distinct_better = 0;
        for (size_t j = 0; j < n; j++) {
            if (isnan(keys[j]))
                continue;
            if (keys[j] > keys[i]) {
                better++;
                int first = 1; /* count each distinct better key once */
                for (size_t k = 0; k < j && first; k++)
                    if (!isnan(keys[k]) && keys[k] == keys[j])
                        first = 0;
                distinct_better += (size_t)first;
            } else if (keys[j] == keys[i] && j < i) {
                equal_before++;
            }
            if (ties != EGDI_TIES_FIRST && keys[j] == keys[i])
                FUZZ_CHECKF(ranks[j] == ranks[i], "equal values %zu and %zu (%.17g): ranks %d "
                            "and %d", i, j, keys[i], ranks[i], ranks[j]);
            if (keys[j] > keys[i])
                FUZZ_CHECKF(ranks[j] < ranks[i], "value %zu (%.17g) > value %zu (%.17g) but "
                            "rank %d >= %d", j, keys[j], i, keys[i], ranks[j], ranks[i]);
        }
        size_t want = ties == EGDI_TIES_MIN     ? better + 1
                      : ties == EGDI_TIES_DENSE ? distinct_better + 1
                                                : better + equal_before + 1;
        FUZZ_CHECKF((size_t)ranks[i] == want, "value %zu (%.17g): rank %d, expected %zu (ties %d)",
                    i, keys[i], ranks[i], want, (int)ties);
    }
    if (ties == EGDI_TIES_MIN) {
        double *r = malloc((n ? n : 1) * sizeof *r);
        FUZZ_CHECK(r != NULL);
        for (size_t i = 0; i < n; i++)
            r[i] = isnan(keys[i]) ? NAN : (double)ranks[i];
        fuzz_check_competition_ranks(r, n);
        free(r);
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void fuzz_check_competition_ranks(const double *ranks, size_t n)
{
    double *r = malloc((n ? n : 1) * sizeof *r);
    FUZZ_CHECK(r != NULL);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(ranks[i])) {
            FUZZ_CHECKF(ranks[i] >= 1 && ranks[i] == floor(ranks[i]), "rank %.17g of unit %zu "
                        "is not a whole number >= 1", ranks[i], i);
            r[m++] = ranks[i];
        }
    qsort(r, m, sizeof *r, cmp_double);
    if (m > 0)
        FUZZ_CHECKF(r[0] == 1, "the best rank is %g, not 1", r[0]);
    for (size_t k = 0; k < m;) {
        size_t mult = 1;
        while (k + mult < m && r[k + mult] == r[k])
            mult++;
        if (k + mult < m)
            FUZZ_CHECKF(r[k + mult] == r[k] + (double)mult, "rank %g occurs %zu times but the "
                        "next rank is %g", r[k], mult, r[k + mult]);
        FUZZ_CHECKF(r[k] <= (double)m, "rank %g of %zu ranked values", r[k], m);
        k += mult;
    }
    free(r);
}

static int group_order(const char *g)
{
    static const char *const names[] = {"", "Low", "Middle", "High", "Very High"};
    for (int k = 0; k < 5; k++)
        if (strcmp(g, names[k]) == 0)
            return k;
    return -1;
}

static size_t must_find_column(const egdi_dataset *ds, const char *name, egdi_column_kind kind)
{
    size_t j = (size_t)-1;
    egdi_column_kind k;
    FUZZ_CHECKF(egdi_dataset_find_column(ds, name, &j) == EGDI_OK, "table has no column '%s'",
                name);
    FUZZ_CHECK(egdi_dataset_column_kind(ds, j, &k) == EGDI_OK);
    FUZZ_CHECKF(k == kind, "table column '%s' has kind %d", name, (int)k);
    return j;
}

void fuzz_check_survey_table(const egdi_dataset *data, const egdi_dataset *table, int edition)
{
    egdi_edition_info info;
    memset(&info, 0, sizeof info);
    info.version = EGDI_EDITION_INFO_VERSION;
    FUZZ_CHECK(egdi_survey_edition_info(edition, &info) == EGDI_OK);
    int has_rating_classes = info.has_rating_classes;
    fuzz_check_dataset(table, 0);
    size_t n = egdi_dataset_n_units(data);
    FUZZ_CHECKF(egdi_dataset_n_units(table) == n, "table has %zu units, data %zu",
                egdi_dataset_n_units(table), n);
    for (size_t i = 0; i < n; i++)
        FUZZ_CHECKF(strcmp(egdi_dataset_unit_code(data, i), egdi_dataset_unit_code(table, i)) == 0,
                    "unit %zu: '%s' in the data, '%s' in the table", i,
                    egdi_dataset_unit_code(data, i), egdi_dataset_unit_code(table, i));
    static const char *const numeric[] = {"osi", "tii", "hci", "egdi", "rank"};
    for (size_t c = 0; c < 5; c++)
        must_find_column(table, numeric[c], EGDI_COLUMN_NUMERIC);
    size_t je = must_find_column(table, "egdi", EGDI_COLUMN_NUMERIC);
    size_t jr = must_find_column(table, "rank", EGDI_COLUMN_NUMERIC);
    size_t jg = must_find_column(table, "group", EGDI_COLUMN_LABEL);
    size_t jc = must_find_column(table, "rating_class", EGDI_COLUMN_LABEL);
    double *e = malloc((n ? n : 1) * sizeof *e), *r = malloc((n ? n : 1) * sizeof *r);
    FUZZ_CHECK(e && r);
    FUZZ_CHECK(egdi_dataset_get_numeric(table, je, e, n) == EGDI_OK);
    FUZZ_CHECK(egdi_dataset_get_numeric(table, jr, r, n) == EGDI_OK);
    fuzz_check_competition_ranks(r, n);
    for (size_t i = 0; i < n; i++) {
        const char *g = egdi_dataset_get_label(table, i, jg);
        const char *c = egdi_dataset_get_label(table, i, jc);
        int go = group_order(g);
        FUZZ_CHECKF(go >= 0, "unit %zu: group '%s'", i, g);
        FUZZ_CHECKF(isnan(e[i]) == isnan(r[i]), "unit %zu: egdi %g but rank %g", i, e[i], r[i]);
        FUZZ_CHECKF(isnan(e[i]) == (go == 0), "unit %zu: egdi %g but group '%s'", i, e[i], g);
        int known = 0;
        for (int k = 0; k <= 16; k++)
            known |= strcmp(c, egdi_rating_class_label(k)) == 0;
        FUZZ_CHECKF(known, "unit %zu: rating class '%s'", i, c);
        if (has_rating_classes)
            FUZZ_CHECKF((c[0] != '\0') == (go != 0), "unit %zu: group '%s', class '%s'", i, g, c);
        else
            FUZZ_CHECKF(c[0] == '\0', "unit %zu: class '%s' before 2020", i, c);
        for (size_t k = 0; k < i; k++) {
            if (isnan(e[i]) || isnan(e[k]))
                continue;
            /* rank and group are monotone in the EGDI (they use it rounded) */
            size_t hi = e[i] > e[k] ? i : k, lo = hi == i ? k : i;
            if (e[hi] > e[lo]) {
                FUZZ_CHECKF(r[hi] <= r[lo], "egdi %.17g (unit %zu) > %.17g (unit %zu) but rank "
                            "%g > %g", e[hi], hi, e[lo], lo, r[hi], r[lo]);
                FUZZ_CHECKF(group_order(egdi_dataset_get_label(table, hi, jg)) >=
                                group_order(egdi_dataset_get_label(table, lo, jg)),
                            "egdi %.17g (unit %zu) > %.17g (unit %zu) but a lower group", e[hi],
                            hi, e[lo], lo);
            }
        }
    }
    free(e);
    free(r);
}

/* ---- index definitions and results ---- */
int fuzz_method_info(egdi_step step, int id, egdi_method_info *info, size_t *pos)
{
    for (size_t i = 0; i < egdi_method_count(); i++) {
        memset(info, 0, sizeof *info);
        info->version = EGDI_METHOD_INFO_VERSION;
        FUZZ_CHECK(egdi_method_get_info(i, info) == EGDI_OK);
        if (info->step == step && info->id == id) {
            if (pos)
                *pos = i;
            return 1;
        }
    }
    return 0;
}

static int node_applies(int is_indicator, egdi_step step)
{
    return step == EGDI_STEP_NORMALISE || (step == EGDI_STEP_IMPUTE) == (is_indicator == 1);
}

void fuzz_check_index(const egdi_index *idx)
{
    fuzz_before_call();
    egdi_status st = egdi_index_validate(idx);
    FUZZ_CHECKF(st == EGDI_OK, "validate: %s", egdi_last_error());
    size_t n = egdi_index_n_nodes(idx);
    FUZZ_CHECK(n >= 1);
    FUZZ_CHECK(egdi_index_node_code(idx, n) == NULL);
    FUZZ_CHECK(egdi_index_node_is_indicator(idx, n) == -1);
    for (size_t i = 0; i < n; i++) {
        const char *code = egdi_index_node_code(idx, i);
        FUZZ_CHECK(code != NULL && code[0] != '\0');
        FUZZ_CHECK(egdi_index_node_name(idx, i) != NULL);
        size_t pos = (size_t)-1;
        FUZZ_CHECKF(egdi_index_find_node(idx, code, &pos) == EGDI_OK && pos == i,
                    "node %zu '%s' found at %zu", i, code, pos);
        int ind = egdi_index_node_is_indicator(idx, i);
        FUZZ_CHECK(ind == 0 || ind == 1);
        FUZZ_CHECK((egdi_index_node_source(idx, i) != NULL) == (ind == 1));
        double w = egdi_index_node_weight(idx, i);
        FUZZ_CHECKF(isfinite(w) && w >= 0, "node '%s': weight %g", code, w);
        int dir = egdi_index_node_direction(idx, i);
        FUZZ_CHECKF(dir == 1 || dir == -1, "node '%s': direction %d", code, dir);
        double ms = egdi_index_node_min_share(idx, i);
        if (ind)
            FUZZ_CHECK(isnan(ms));
        else
            FUZZ_CHECKF(ms >= 0 && ms <= 1, "node '%s': MinShare %g", code, ms);
        /* the parent is an aggregate; following parents ends at a root */
        const char *parent = egdi_index_node_parent(idx, i);
        size_t steps = 0;
        for (size_t k = i; (parent = egdi_index_node_parent(idx, k)) != NULL; steps++) {
            FUZZ_CHECKF(steps < n, "node '%s' is on a parent cycle", code);
            FUZZ_CHECKF(egdi_index_find_node(idx, parent, &k) == EGDI_OK,
                        "node '%s': parent '%s' not found", code, parent);
            FUZZ_CHECKF(egdi_index_node_is_indicator(idx, k) == 0, "parent '%s' is an indicator",
                        parent);
        }
        /* levels: indicators 1, aggregates 1 + their highest child */
        int level = egdi_index_node_level(idx, i), want = 1, kids = 0;
        for (size_t c = 0; c < n; c++) {
            const char *pc = egdi_index_node_parent(idx, c);
            if (pc && strcmp(pc, code) == 0) {
                kids++;
                int lc = egdi_index_node_level(idx, c);
                if (lc + 1 > want)
                    want = lc + 1;
            }
        }
        FUZZ_CHECKF(ind ? kids == 0 && level == 1 : kids > 0 && level == want,
                    "node '%s': level %d, %d children, expected level %d", code, level, kids,
                    want);
        /* methods come from the registry, with their parameters */
        for (int s = EGDI_STEP_IMPUTE; s <= EGDI_STEP_AGGREGATE; s++) {
            int id = egdi_index_node_method(idx, i, (egdi_step)s);
            if (!node_applies(ind, (egdi_step)s)) {
                FUZZ_CHECKF(id == -1, "node '%s': step %d does not apply but has method %d", code,
                            s, id);
                continue;
            }
            egdi_method_info info;
            size_t mpos = 0;
            FUZZ_CHECKF(fuzz_method_info((egdi_step)s, id, &info, &mpos),
                        "node '%s': step %d: method %d not in the registry", code, s, id);
            FUZZ_CHECK(egdi_method_name((egdi_step)s, id) != NULL);
            double p[16];
            FUZZ_CHECK(info.n_params <= 16);
            FUZZ_CHECK(egdi_index_node_params(idx, i, (egdi_step)s, p, info.n_params) == EGDI_OK);
            for (size_t k = 0; k < info.n_params; k++) {
                egdi_param_info pi;
                memset(&pi, 0, sizeof pi);
                pi.version = EGDI_PARAM_INFO_VERSION;
                FUZZ_CHECK(egdi_method_get_param(mpos, k, &pi) == EGDI_OK);
                FUZZ_CHECKF(isfinite(p[k]), "node '%s': %s parameter %s = %g", code, info.name,
                            pi.name, p[k]);
                if (!isnan(pi.lower))
                    FUZZ_CHECKF(pi.lower_open ? p[k] > pi.lower : p[k] >= pi.lower,
                                "node '%s': %s parameter %s = %g below %g", code, info.name,
                                pi.name, p[k], pi.lower);
                if (!isnan(pi.upper))
                    FUZZ_CHECKF(p[k] <= pi.upper, "node '%s': %s parameter %s = %g above %g", code,
                                info.name, pi.name, p[k], pi.upper);
            }
            if (s == EGDI_STEP_IMPUTE)
                FUZZ_CHECKF((egdi_index_node_impute_group(idx, i) != NULL) ==
                                ((info.flags & EGDI_METHOD_USES_GROUPS) != 0),
                            "node '%s': imputation %s, group column %s", code, info.name,
                            egdi_index_node_impute_group(idx, i) ? "set" : "not set");
        }
    }
}

void fuzz_check_same_index(const egdi_index *a, const egdi_index *b)
{
    size_t n = egdi_index_n_nodes(a);
    FUZZ_CHECKF(egdi_index_n_nodes(b) == n, "%zu nodes, then %zu", n, egdi_index_n_nodes(b));
    for (size_t i = 0; i < n; i++) {
        const char *code = egdi_index_node_code(a, i);
        size_t k;
        FUZZ_CHECKF(egdi_index_find_node(b, code, &k) == EGDI_OK, "node '%s' lost", code);
#define SAME_STR(f)                                                                        \
    do {                                                                                   \
        const char *x = f(a, i), *y = f(b, k);                                             \
        FUZZ_CHECKF((!x && !y) || (x && y && strcmp(x, y) == 0), "node '%s': " #f " '%s' then '%s'", \
                    code, x ? x : "(null)", y ? y : "(null)");                             \
    } while (0)
        SAME_STR(egdi_index_node_name);
        SAME_STR(egdi_index_node_parent);
        SAME_STR(egdi_index_node_source);
        SAME_STR(egdi_index_node_impute_group);
#undef SAME_STR
        FUZZ_CHECK(egdi_index_node_is_indicator(a, i) == egdi_index_node_is_indicator(b, k));
        FUZZ_CHECKF(fuzz_same_double(egdi_index_node_weight(a, i), egdi_index_node_weight(b, k)),
                    "node '%s': weight %.17g then %.17g", code, egdi_index_node_weight(a, i),
                    egdi_index_node_weight(b, k));
        FUZZ_CHECK(egdi_index_node_direction(a, i) == egdi_index_node_direction(b, k));
        FUZZ_CHECK(egdi_index_node_level(a, i) == egdi_index_node_level(b, k));
        FUZZ_CHECK(fuzz_same_double(egdi_index_node_min_share(a, i),
                                    egdi_index_node_min_share(b, k)));
        for (int s = EGDI_STEP_IMPUTE; s <= EGDI_STEP_AGGREGATE; s++) {
            int id = egdi_index_node_method(a, i, (egdi_step)s);
            FUZZ_CHECKF(id == egdi_index_node_method(b, k, (egdi_step)s),
                        "node '%s': step %d method %d then %d", code, s, id,
                        egdi_index_node_method(b, k, (egdi_step)s));
            egdi_method_info info;
            if (id < 0 || !fuzz_method_info((egdi_step)s, id, &info, NULL))
                continue;
            double p[16], q[16];
            FUZZ_CHECK(egdi_index_node_params(a, i, (egdi_step)s, p, info.n_params) == EGDI_OK);
            FUZZ_CHECK(egdi_index_node_params(b, k, (egdi_step)s, q, info.n_params) == EGDI_OK);
            for (size_t j = 0; j < info.n_params; j++)
                FUZZ_CHECKF(fuzz_same_double(p[j], q[j]), "node '%s': %s parameter %zu: %.17g "
                            "then %.17g", code, info.name, j, p[j], q[j]);
        }
    }
}

/* The values as text for a message (a static buffer; up to 24 values). */
static const char *fuzz_format_values(const double *v, size_t n)
{
    static char buf[24 * 26 + 8];
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && i < 24; i++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%.17g", i ? " " : "", v[i]);
    return buf;
}

void fuzz_check_result(const egdi_index *idx, const egdi_dataset *ds, const egdi_result *res,
                       double **scores_out)
{
    size_t n = egdi_dataset_n_units(ds), nn = egdi_index_n_nodes(idx);
    FUZZ_CHECK(egdi_result_n_units(res) == n);
    FUZZ_CHECK(egdi_result_n_nodes(res) == nn);
    double *mat = malloc((nn * n ? nn * n : 1) * sizeof *mat);
    double *sc = malloc((n ? n : 1) * sizeof *sc), *raw = malloc((n ? n : 1) * sizeof *raw);
    int *imp = malloc((n ? n : 1) * sizeof *imp);
    FUZZ_CHECK(mat && sc && raw && imp);
    FUZZ_CHECK(egdi_result_get_matrix(res, mat, nn * n) == EGDI_OK);
    for (size_t i = 0; i < nn; i++) {
        const char *code = egdi_index_node_code(idx, i);
        int ind = egdi_index_node_is_indicator(idx, i);
        FUZZ_CHECK(egdi_result_get_scores(res, code, sc, n) == EGDI_OK);
        FUZZ_CHECK(egdi_result_get_raw(res, code, raw, n) == EGDI_OK);
        for (size_t u = 0; u < n; u++)
            FUZZ_CHECKF(fuzz_same_double(sc[u], mat[i * n + u]), "node '%s', unit %zu: score "
                        "%.17g but matrix %.17g", code, u, sc[u], mat[i * n + u]);
        fuzz_before_call();
        egdi_status st = egdi_result_get_imputed(res, code, imp, n);
        if (ind) {
            FUZZ_CHECKF(st == EGDI_OK, "imputed flags of indicator '%s': %s", code,
                        egdi_last_error());
            for (size_t u = 0; u < n; u++) {
                FUZZ_CHECK(imp[u] == 0 || imp[u] == 1);
                if (egdi_index_node_method(idx, i, EGDI_STEP_IMPUTE) == EGDI_IMPUTE_NONE)
                    FUZZ_CHECK(imp[u] == 0);
            }
        } else if (st != EGDI_OK) {
            fuzz_check_failure(st, NULL);
        }
        /* normalisation: a missing value stays missing; ranges of the bounded methods */
        int norm = egdi_index_node_method(idx, i, EGDI_STEP_NORMALISE);
        double p[4] = {0, 0, 0, 1}; /* goalposts: lo hi scale trunc */
        egdi_method_info info;
        FUZZ_CHECK(fuzz_method_info(EGDI_STEP_NORMALISE, norm, &info, NULL));
        FUZZ_CHECK(info.n_params <= 4);
        FUZZ_CHECK(egdi_index_node_params(idx, i, EGDI_STEP_NORMALISE, p, info.n_params) ==
                   EGDI_OK);
        for (size_t u = 0; u < n; u++) {
            double s = sc[u], r = raw[u];
            if (isnan(r))
                FUZZ_CHECKF(isnan(s), "node '%s', unit %zu: missing value normalised to %.17g",
                            code, u, s);
            switch (norm) {
            case EGDI_NORM_NONE:
                FUZZ_CHECKF(fuzz_same_double(s, r), "node '%s', unit %zu: no normalisation but "
                            "%.17g -> %.17g", code, u, r, s);
                break;
            case EGDI_NORM_MINMAX:
                if (p[0] == 0 && p[1] == 1)
                    FUZZ_CHECKF(isnan(s) || (s >= -1e-12 && s <= 1 + 1e-12), "node '%s', unit "
                                "%zu: min-max score %.17g outside [0, 1] (value %.17g)", code, u,
                                s, r);
                FUZZ_CHECKF(isnan(r) || !isnan(s), "node '%s', unit %zu: value %.17g has a "
                                "NaN min-max score (lo=%.17g hi=%.17g; values: %s)", code, u, r,
                                p[0], p[1], fuzz_format_values(raw, n));
                break;
            case EGDI_NORM_GOALPOSTS: /* clamped unless trunc=0 */
                FUZZ_CHECKF(isnan(s) || p[3] == 0 || (s >= 0 && s <= p[2]), "node '%s', unit "
                            "%zu: goalposts score %.17g outside [0, %g]", code, u, s, p[2]);
                break;
            case EGDI_NORM_FRACMAX:
                FUZZ_CHECKF(isnan(s) || s <= 1 + 1e-12, "node '%s', unit %zu: fraction of the "
                            "maximum %.17g > 1", code, u, s);
                break;
            default:
                break;
            }
        }
        if (scores_out)
            memcpy(scores_out[i], sc, n * sizeof *sc);
    }
    FUZZ_CHECK(egdi_result_get_scores(res, "\x01no such node", sc, n) != EGDI_OK);
    free(mat);
    free(sc);
    free(raw);
    free(imp);
}
