/* libFuzzer harness: egdi_compute() and the plan/evaluation interface on
 * fuzzed index definitions and datasets, egdi_rank() on the scores, and
 * egdi_survey_compute_ex() on fuzzed component data.
 *
 * Input: byte 0 selects the mode, the rest is consumed as structured values
 * (fuzz_util.c: fuzz_u8, fuzz_double, fuzz_weight; bytes past the end read
 * as 0):
 *   byte0 % 3 == 0  programmatic index: sizes, tree, up to 16 setter calls
 *                   (methods drawn from the registry, parameters as numbers
 *                   or as text), then the dataset values;
 *   byte0 % 3 == 1  iMeta index: 2 bytes length L, then L bytes of iMeta
 *                   text, then the dataset values for the source columns;
 *   byte0 % 3 == 2  Survey: edition, input kind, options, then the data
 *                   (osi, tii, hci, epi or the raw indicators; region).
 * Seeds: fuzz/corpus/compute/ (see fuzz/README.md for how they were made).
 *
 * Invariants: see fuzz/README.md. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"

#define MAX_UNITS 24
#define MAX_AGG 4
#define MAX_IND 8
#define MAX_OPS 16

static const char *const agg_codes[MAX_AGG] = {"a0", "a1", "a2", "a3"};
static const char *const ind_codes[MAX_IND + 4] = {"i0", "i1", "i2", "i3", "i4", "i5",
                                                   "i6", "i7", "i8", "i9", "i10", "i11"};

/* ---- dataset from bytes ---- */

/* A value for a data cell: mostly plain numbers, sometimes ties with the
 * previous unit, edge values (NaN, huge, tiny, negative, zero, inf). */
static double cell_value(fuzz_in *in, double prev)
{
    uint8_t s = fuzz_u8(in);
    switch (s % 8) {
    case 0:
        return prev; /* a tie */
    case 1:
    case 2:
        return fuzz_double(in);
    case 3:
        return NAN;
    default:
        return (double)fuzz_u8(in) / 255.0 * ((s & 0x80) ? 100.0 : 1.0);
    }
}

static void make_units(fuzz_in *in, egdi_dataset *ds, size_t n)
{
    static const char *const code_tab[MAX_UNITS] = {
        "u0",  "u1",  "u2",  "u3",  "u4",  "u5",  "u6",  "u7",  "u8",  "u9",  "u10", "u11",
        "u12", "u13", "u14", "u15", "u16", "u17", "u18", "u19", "u20", "u21", "u22", "u23"};
    (void)in;
    FUZZ_CHECK(egdi_dataset_add_units(ds, code_tab, NULL, n) == EGDI_OK);
}

static void add_column(fuzz_in *in, egdi_dataset *ds, const char *name)
{
    size_t n = egdi_dataset_n_units(ds), j;
    if (egdi_dataset_find_column(ds, name, &j) == EGDI_OK)
        return;
    double v[MAX_UNITS];
    double prev = 0.5;
    for (size_t u = 0; u < n; u++)
        prev = v[u] = cell_value(in, prev);
    fuzz_before_call();
    egdi_status st = egdi_dataset_add_numeric(ds, name, v, n);
    fuzz_check_status(st, NULL);
}

static void add_groups(fuzz_in *in, egdi_dataset *ds, const char *name)
{
    static const char *const labels[4] = {"A", "B", "", NULL};
    size_t n = egdi_dataset_n_units(ds), j;
    if (egdi_dataset_find_column(ds, name, &j) == EGDI_OK)
        return;
    const char *l[MAX_UNITS];
    for (size_t u = 0; u < n; u++)
        l[u] = labels[fuzz_u8(in) % 4];
    fuzz_before_call();
    fuzz_check_status(egdi_dataset_add_labels(ds, name, l, n), NULL);
}

/* ---- programmatic index ---- */

static const char *pick_node(fuzz_in *in, size_t n_agg, size_t n_ind)
{
    size_t k = fuzz_u8(in) % (n_agg + n_ind + 1);
    return k < n_agg ? agg_codes[k] : k < n_agg + n_ind ? ind_codes[k - n_agg] : "zz";
}

/* Parameter text for method @p m (registry position): "name=value" pairs or
 * numbers in order, sometimes garbage. */
static void param_text(fuzz_in *in, size_t m, size_t n_params, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    uint8_t style = fuzz_u8(in);
    size_t count = style & 4 ? n_params + (style & 8 ? 1 : 0) : style % (n_params + 1);
    for (size_t k = 0; k < count && used + 64 < size; k++) {
        double v = fuzz_u8(in) & 1 ? fuzz_double(in) : (double)(int8_t)fuzz_u8(in);
        egdi_param_info pi;
        memset(&pi, 0, sizeof pi);
        pi.version = EGDI_PARAM_INFO_VERSION;
        int named = (style & 1) && k < n_params && egdi_method_get_param(m, k, &pi) == EGDI_OK;
        int w = named ? snprintf(buf + used, size - used, "%s%s=%.17g", used ? " " : "", pi.name,
                                 v)
                      : snprintf(buf + used, size - used, "%s%.17g", used ? " " : "", v);
        if (w > 0)
            used += (size_t)w;
    }
    if ((style & 0x30) == 0x30 && used + 8 < size)
        strcat(buf, " x=");
}

/* One setter call chosen by the next byte. Failures must follow the failure
 * contract; the definition stays usable either way. */
static void mutate(fuzz_in *in, egdi_index *idx, size_t n_agg, size_t n_ind, size_t *n_extra)
{
    static const int dirs[4] = {1, -1, 0, 2};
    static const double shares[6] = {0.0, 0.5, 1.0, NAN, -0.1, 1.5};
    uint8_t op = fuzz_u8(in) % 12;
    const char *node = pick_node(in, n_agg, n_ind + *n_extra);
    egdi_status st = EGDI_OK;
    fuzz_before_call();
    switch (op) {
    case 0:
        st = egdi_index_set_weight(idx, node, fuzz_weight(in));
        break;
    case 1:
        st = egdi_index_set_direction(idx, node, dirs[fuzz_u8(in) % 4]);
        break;
    case 2: {
        double lo = fuzz_u8(in) & 1 ? NAN : fuzz_double(in);
        double hi = fuzz_u8(in) & 1 ? NAN : fuzz_double(in);
        st = egdi_index_set_caps(idx, node, lo, hi);
        break;
    }
    case 3: {
        double p[4];
        size_t np = fuzz_u8(in) % 5;
        for (size_t k = 0; k < np; k++)
            p[k] = fuzz_u8(in) & 1 ? fuzz_double(in) : (double)(int8_t)fuzz_u8(in);
        st = egdi_index_set_normalization(idx, node, (egdi_norm)(fuzz_u8(in) % 6),
                                          np ? p : NULL, np);
        break;
    }
    case 4:
        st = egdi_index_set_aggregation(idx, node, (egdi_agg)(fuzz_u8(in) % 3));
        break;
    case 5:
    case 6: { /* any method of the registry by name, parameters as text */
        size_t m = fuzz_u8(in) % (egdi_method_count() + 1);
        egdi_method_info info;
        memset(&info, 0, sizeof info);
        info.version = EGDI_METHOD_INFO_VERSION;
        char params[512];
        if (m < egdi_method_count()) {
            FUZZ_CHECK(egdi_method_get_info(m, &info) == EGDI_OK);
            param_text(in, m, info.n_params, params, sizeof params);
            st = egdi_index_set_method(idx, node, info.step, info.name,
                                       fuzz_u8(in) & 1 ? params : NULL);
        } else {
            st = egdi_index_set_method(idx, node, (egdi_step)(fuzz_u8(in) % 4), "nosuch", NULL);
        }
        break;
    }
    case 7: {
        static const char *const groups[3] = {"grp", NULL, "nope"};
        st = egdi_index_set_imputation(idx, node, (egdi_impute)(fuzz_u8(in) % 6),
                                       groups[fuzz_u8(in) % 3]);
        break;
    }
    case 8:
        st = egdi_index_set_min_share(idx, node, shares[fuzz_u8(in) % 6]);
        break;
    case 9: {
        static const char *const srcs[4] = {"i0", "i1", "grp", "zz"};
        st = egdi_index_set_source(idx, node, srcs[fuzz_u8(in) % 4]);
        break;
    }
    case 10: {
        double p[2] = {fuzz_double(in), fuzz_double(in)};
        size_t np = fuzz_u8(in) % 3;
        st = egdi_index_set_aggregation_params(idx, node, (egdi_agg)(fuzz_u8(in) % 2),
                                               np ? p : NULL, np);
        break;
    }
    default: /* one more indicator under an aggregate (or a root) */
        if (*n_extra < 4) {
            size_t pa = fuzz_u8(in) % (n_agg + 1);
            st = egdi_index_add_indicator(idx, ind_codes[n_ind + *n_extra],
                                          pa < n_agg ? agg_codes[pa] : NULL, fuzz_weight(in));
            if (st == EGDI_OK)
                (*n_extra)++;
        }
        break;
    }
    fuzz_check_status(st, NULL);
}

static egdi_index *programmatic_index(fuzz_in *in, size_t *n_ind_out)
{
    size_t n_agg = fuzz_u8(in) % (MAX_AGG + 1);
    size_t n_ind = 1 + fuzz_u8(in) % MAX_IND;
    egdi_index *idx = NULL;
    FUZZ_CHECK(egdi_index_new(&idx) == EGDI_OK);
    for (size_t a = 0; a < n_agg; a++) {
        size_t p = a ? fuzz_u8(in) % (a + 1) : 0; /* an earlier aggregate, or a root */
        fuzz_before_call();
        egdi_status st = egdi_index_add_aggregate(idx, agg_codes[a],
                                                  a && p < a ? agg_codes[p] : NULL,
                                                  fuzz_weight(in));
        fuzz_check_status(st, NULL);
    }
    for (size_t i = 0; i < n_ind; i++) {
        /* byte 0: indicator i under aggregate i, the rest under the last ones */
        size_t p = (fuzz_u8(in) + i) % (n_agg + 1);
        fuzz_before_call();
        egdi_status st = egdi_index_add_indicator(idx, ind_codes[i],
                                                  p < n_agg ? agg_codes[p] : NULL,
                                                  fuzz_weight(in));
        fuzz_check_status(st, NULL);
    }
    size_t n_extra = 0, ops = fuzz_u8(in) % (MAX_OPS + 1);
    for (size_t k = 0; k < ops; k++)
        mutate(in, idx, n_agg, n_ind, &n_extra);
    *n_ind_out = n_ind + n_extra;
    return idx;
}

/* ---- checks around one computation ---- */

/* 1 if every number of the dataset is finite or NaN (subnormal numbers
 * included: the CSV writer writes them and the reader reads them back). */
static int all_finite_or_nan(const egdi_dataset *ds)
{
    size_t n = egdi_dataset_n_units(ds);
    for (size_t j = 0; j < egdi_dataset_n_columns(ds); j++) {
        egdi_column_kind k;
        FUZZ_CHECK(egdi_dataset_column_kind(ds, j, &k) == EGDI_OK);
        for (size_t u = 0; u < n && k == EGDI_COLUMN_NUMERIC; u++) {
            double v;
            FUZZ_CHECK(egdi_dataset_get_value(ds, u, j, &v) == EGDI_OK);
            if (isinf(v))
                return 0;
        }
    }
    return 1;
}

/* Scores of every node by the index's node order, as an array of rows. */
static double **alloc_rows(size_t nn, size_t n)
{
    double **rows = calloc(nn ? nn : 1, sizeof *rows);
    FUZZ_CHECK(rows != NULL);
    for (size_t i = 0; i < nn; i++) {
        rows[i] = malloc((n ? n : 1) * sizeof **rows);
        FUZZ_CHECK(rows[i] != NULL);
    }
    return rows;
}

static void free_rows(double **rows, size_t nn)
{
    for (size_t i = 0; i < nn; i++)
        free(rows[i]);
    free(rows);
}

/* Ranks of a node's scores with the next bytes' decimals and ties rule. */
static void check_rank(fuzz_in *in, const double *x, size_t n)
{
    int d = fuzz_u8(in) % 19, decimals = d == 18 ? -2 : d - 1; /* -2, 16, 17 invalid */
    egdi_ties ties = (egdi_ties)(fuzz_u8(in) % 4); /* 3 is invalid */
    int ranks[MAX_UNITS + 1];
    fuzz_before_call();
    egdi_status st = egdi_rank(x, n, decimals, ties, ranks);
    if (st != EGDI_OK) {
        fuzz_check_failure(st, NULL);
        FUZZ_CHECK(decimals < -1 || decimals > 15 || (int)ties == 3);
        return;
    }
    FUZZ_CHECK(decimals >= -1 && decimals <= 15 && (int)ties != 3);
    double keys[MAX_UNITS + 1];
    if (decimals >= 0)
        FUZZ_CHECK(egdi_round(x, n, decimals, keys) == EGDI_OK);
    else
        memcpy(keys, x, n * sizeof *x);
    if (fuzz_verbose()) {
        fprintf(stderr, "egdi-fuzz: egdi_rank(decimals %d, ties %d):", decimals, (int)ties);
        for (size_t u = 0; u < n; u++)
            fprintf(stderr, " %.17g->%d", x[u], ranks[u]);
        fprintf(stderr, "\n");
    }
    fuzz_check_ranks(keys, n, ties, ranks);
}

/* The dirty path of an evaluation context against a fresh egdi_compute(). */
static void compare_eval(const egdi_index *idx, const egdi_dataset *ds, egdi_eval *ev,
                         const egdi_plan *plan, const char *what)
{
    size_t n = egdi_dataset_n_units(ds), nn = egdi_index_n_nodes(idx);
    egdi_result *res = NULL;
    fuzz_before_call();
    egdi_status st_c = egdi_compute(idx, ds, &res);
    fuzz_check_status(st_c, res);
    fuzz_before_call();
    egdi_status st_e = egdi_eval_run(ev);
    fuzz_check_status(st_e, NULL);
    /* both fail or both succeed; the status may differ (a full computation
     * validates the whole definition first, a context's run meets the
     * problems in evaluation order) */
    FUZZ_CHECKF((st_c == EGDI_OK) == (st_e == EGDI_OK), "%s: compute says %d, the evaluation "
                "context %d (%s)", what, (int)st_c, (int)st_e, egdi_last_error());
    if (st_c != EGDI_OK) {
        egdi_result_free(res);
        return;
    }
    double a[MAX_UNITS + 1], b[MAX_UNITS + 1];
    for (size_t i = 0; i < nn; i++) {
        const char *code = egdi_index_node_code(idx, i);
        size_t k;
        FUZZ_CHECK(egdi_plan_find_node(plan, code, &k) == EGDI_OK);
        FUZZ_CHECK(egdi_result_get_scores(res, code, a, n) == EGDI_OK);
        FUZZ_CHECK(egdi_eval_get_scores(ev, k, b, n) == EGDI_OK);
        /* equal values: a context that is set to -0 where it holds 0 keeps 0
         * (the setters skip equal values), a fresh computation has -0 */
        for (size_t u = 0; u < n; u++)
            FUZZ_CHECKF(a[u] == b[u] || (isnan(a[u]) && isnan(b[u])), "%s: node '%s', unit "
                        "%zu: compute %.17g, evaluation context %.17g", what, code, u, a[u],
                        b[u]);
    }
    egdi_result_free(res);
}

/* EGDI_FUZZ_DUMP=DIR: write the definition and the data of each computation
 * to DIR/index.csv and DIR/data.csv (to look at a crash input). */
static void dump(const egdi_index *idx, const egdi_dataset *ds)
{
    const char *dir = getenv("EGDI_FUZZ_DUMP");
    if (!dir || !*dir)
        return;
    char path[4096];
    snprintf(path, sizeof path, "%s/index.csv", dir);
    egdi_status st = egdi_index_write_csv(idx, path);
    snprintf(path, sizeof path, "%s/data.csv", dir);
    egdi_status sd = egdi_dataset_write_csv(ds, path, NULL);
    fprintf(stderr, "egdi-fuzz: dumped to %s: index %s, data %s\n", dir, egdi_status_name(st),
            egdi_status_name(sd));
}

static void compute_and_check(fuzz_in *in, const egdi_index *idx, const egdi_dataset *ds)
{
    size_t n = egdi_dataset_n_units(ds), nn = egdi_index_n_nodes(idx);
    dump(idx, ds);
    egdi_result *res = NULL;
    fuzz_before_call();
    egdi_status st = egdi_compute(idx, ds, &res);
    egdi_plan *plan = NULL;
    egdi_eval *ev = NULL;
    if (st != EGDI_OK) {
        fuzz_check_failure(st, res);
        /* the plan/evaluation path fails too, with the same status */
        fuzz_before_call();
        egdi_status sp = egdi_plan_new(idx, ds, &plan);
        if (sp == EGDI_OK) {
            fuzz_before_call();
            sp = egdi_eval_new(plan, &ev);
            if (sp == EGDI_OK) {
                fuzz_before_call();
                sp = egdi_eval_run(ev);
                fuzz_check_status(sp, NULL);
            } else {
                fuzz_check_failure(sp, ev);
            }
        } else {
            fuzz_check_failure(sp, plan);
        }
        FUZZ_CHECKF(sp == st, "egdi_compute failed with %d, plan/eval gave %d (%s)", (int)st,
                    (int)sp, egdi_last_error());
        egdi_eval_free(ev);
        egdi_plan_free(plan);
        return;
    }
    fuzz_check_index(idx);
    if (fuzz_verbose())
        fprintf(stderr, "egdi-fuzz: computed %zu nodes for %zu units\n", nn, n);
    double **scores = alloc_rows(nn, n);
    fuzz_check_result(idx, ds, res, scores);
    for (size_t i = 0; i < nn; i++)
        check_rank(in, scores[i], n);

    /* the same scores from a plan and an evaluation context */
    FUZZ_CHECKF(egdi_plan_new(idx, ds, &plan) == EGDI_OK, "plan: %s", egdi_last_error());
    FUZZ_CHECK(egdi_plan_n_nodes(plan) == nn && egdi_plan_n_units(plan) == n);
    FUZZ_CHECKF(egdi_eval_new(plan, &ev) == EGDI_OK, "eval: %s", egdi_last_error());
    FUZZ_CHECKF(egdi_eval_run(ev) == EGDI_OK, "eval run: %s", egdi_last_error());
    double b[MAX_UNITS + 1];
    int r1[MAX_UNITS + 1], r2[MAX_UNITS + 1];
    for (size_t i = 0; i < nn; i++) {
        const char *code = egdi_index_node_code(idx, i);
        size_t k;
        FUZZ_CHECK(egdi_plan_find_node(plan, code, &k) == EGDI_OK);
        FUZZ_CHECK(strcmp(egdi_plan_node_code(plan, k), code) == 0);
        FUZZ_CHECK(egdi_eval_get_scores(ev, k, b, n) == EGDI_OK);
        for (size_t u = 0; u < n; u++)
            FUZZ_CHECKF(fuzz_same_double(scores[i][u], b[u]), "node '%s', unit %zu: compute "
                        "%.17g, evaluation context %.17g", code, u, scores[i][u], b[u]);
        int dec = (int)(fuzz_u8(in) % 17) - 1;
        fuzz_before_call();
        egdi_status s1 = egdi_eval_rank(ev, k, dec, r1, n);
        egdi_status s2 = egdi_rank(scores[i], n, dec, EGDI_TIES_MIN, r2);
        FUZZ_CHECKF(s1 == s2, "node '%s': egdi_eval_rank %d, egdi_rank %d (%s)", code, (int)s1,
                    (int)s2, egdi_last_error());
        if (s1 == EGDI_OK)
            FUZZ_CHECKF(n == 0 || memcmp(r1, r2, n * sizeof *r1) == 0,
                        "node '%s': egdi_eval_rank and egdi_rank differ", code);
    }

    /* change a weight in the context and in a copy of the definition */
    egdi_index *copy = NULL;
    FUZZ_CHECK(egdi_index_clone(idx, &copy) == EGDI_OK);
    size_t node = fuzz_u8(in) % nn, k;
    const char *code = egdi_index_node_code(idx, node);
    FUZZ_CHECK(egdi_plan_find_node(plan, code, &k) == EGDI_OK);
    double w = fuzz_weight(in);
    fuzz_before_call();
    egdi_status se = egdi_eval_set_weight(ev, k, w);
    fuzz_check_status(se, NULL);
    fuzz_before_call();
    egdi_status si = egdi_index_set_weight(copy, code, w);
    fuzz_check_status(si, NULL);
    if (se == EGDI_OK && si == EGDI_OK) {
        double got;
        FUZZ_CHECK(egdi_eval_get_weight(ev, k, &got) == EGDI_OK && got == w); /* +-0 alike */
        compare_eval(copy, ds, ev, plan, "after set_weight");

        /* recompute into the existing result */
        fuzz_before_call();
        egdi_status sc = egdi_compute_into(copy, ds, res);
        fuzz_check_status(sc, NULL);
        egdi_result *fresh = NULL;
        fuzz_before_call();
        egdi_status sf = egdi_compute(copy, ds, &fresh);
        fuzz_check_status(sf, fresh);
        FUZZ_CHECKF((sc == EGDI_OK) == (sf == EGDI_OK), "compute_into %d, compute %d", (int)sc,
                    (int)sf);
        if (sc == EGDI_OK) {
            double **again = alloc_rows(nn, n);
            fuzz_check_result(copy, ds, res, again);
            double x[MAX_UNITS + 1];
            for (size_t i = 0; i < nn; i++) {
                FUZZ_CHECK(egdi_result_get_scores(fresh, egdi_index_node_code(copy, i), x, n) ==
                           EGDI_OK);
                for (size_t u = 0; u < n; u++)
                    FUZZ_CHECKF(fuzz_same_double(x[u], again[i][u]), "compute_into: node '%s', "
                                "unit %zu: %.17g, fresh compute %.17g",
                                egdi_index_node_code(copy, i), u, again[i][u], x[u]);
            }
            free_rows(again, nn);
        } else {
            /* a failed compute_into leaves a result whose getters fail */
            FUZZ_CHECK(egdi_result_get_scores(res, code, b, n) != EGDI_OK);
        }
        egdi_result_free(fresh);
    }

    /* change one input value in the context and in a copy of the data */
    size_t ni = 0, which = fuzz_u8(in);
    for (size_t i = 0; i < nn; i++)
        ni += egdi_index_node_is_indicator(idx, i) == 1;
    if (n > 0 && ni > 0 && se == EGDI_OK && si == EGDI_OK) {
        size_t target = 0, seen = 0;
        for (size_t i = 0; i < nn; i++)
            if (egdi_index_node_is_indicator(idx, i) == 1 && seen++ == which % ni)
                target = i;
        const char *src = egdi_index_node_source(idx, target);
        size_t users = 0;
        for (size_t i = 0; i < nn; i++) {
            const char *s = egdi_index_node_source(idx, i);
            users += s && strcmp(s, src) == 0;
        }
        size_t unit = fuzz_u8(in) % n, col;
        double v = cell_value(in, 0.5);
        FUZZ_CHECK(egdi_plan_find_node(plan, egdi_index_node_code(idx, target), &k) == EGDI_OK);
        fuzz_before_call();
        egdi_status sv = egdi_eval_set_value(ev, unit, k, v);
        fuzz_check_status(sv, NULL);
        /* only comparable when no other indicator reads the same column */
        if (sv == EGDI_OK && users == 1 && egdi_dataset_find_column(ds, src, &col) == EGDI_OK) {
            egdi_dataset *ds2 = NULL;
            FUZZ_CHECK(egdi_dataset_clone(ds, &ds2) == EGDI_OK);
            FUZZ_CHECK(egdi_dataset_set_value(ds2, unit, col, v) == EGDI_OK);
            compare_eval(copy, ds2, ev, plan, "after set_value");
            egdi_dataset_free(ds2);
        }
    }
    egdi_index_free(copy);
    egdi_eval_free(ev);
    egdi_plan_free(plan);
    free_rows(scores, nn);
    egdi_result_free(res);
}

/* Write the dataset as CSV and read it back: the same dataset (when every
 * number is finite or NaN; infinity is not a CSV number). */
static void dataset_round_trip(const egdi_dataset *ds)
{
    if (!all_finite_or_nan(ds) || egdi_dataset_n_units(ds) == 0)
        return;
    size_t len = 0;
    char *text = fuzz_write_csv(ds, NULL, &len);
    FUZZ_CHECK(text != NULL);
    /* the label columns by name, so that an all-empty label column stays one */
    const char *labels[8];
    size_t nl = 0;
    for (size_t j = 0; j < egdi_dataset_n_columns(ds) && nl < 8; j++) {
        egdi_column_kind k;
        FUZZ_CHECK(egdi_dataset_column_kind(ds, j, &k) == EGDI_OK);
        if (k == EGDI_COLUMN_LABEL)
            labels[nl++] = egdi_dataset_column_name(ds, j);
    }
    egdi_csv_options o = EGDI_CSV_OPTIONS_INIT;
    o.label_columns = labels;
    o.n_label_columns = nl;
    egdi_dataset *back = NULL;
    fuzz_before_call();
    egdi_status st = egdi_dataset_read_csv_buffer(text, len, &o, &back);
    FUZZ_CHECKF(st == EGDI_OK, "reading back a written dataset failed: %s\n--- written:\n%.*s",
                egdi_last_error(), (int)(len < 4000 ? len : 4000), text);
    fuzz_check_same_dataset(ds, back);
    egdi_dataset_free(back);
    free(text);
}

static void run_programmatic(fuzz_in *in)
{
    size_t n_ind = 0;
    egdi_index *idx = programmatic_index(in, &n_ind);
    size_t n = fuzz_u8(in) % (MAX_UNITS + 1);
    uint8_t flags = fuzz_u8(in);
    egdi_dataset *ds = NULL;
    FUZZ_CHECK(egdi_dataset_new(&ds) == EGDI_OK);
    make_units(in, ds, n);
    size_t n_cols = (flags & 1) && n_ind > 1 ? n_ind - 1 : n_ind; /* sometimes one missing */
    for (size_t c = 0; c < n_cols; c++)
        add_column(in, ds, ind_codes[c]);
    if (flags & 2)
        add_groups(in, ds, "grp");
    compute_and_check(in, idx, ds);
    if (flags & 4)
        dataset_round_trip(ds);
    egdi_dataset_free(ds);
    egdi_index_free(idx);
}

static void run_imeta(fuzz_in *in)
{
    size_t len = fuzz_u16(in);
    if (len > in->n)
        len = in->n;
    const char *text = (const char *)in->p;
    in->p += len;
    in->n -= len;
    egdi_index *idx = NULL;
    fuzz_before_call();
    egdi_status st = egdi_index_read_csv_buffer(text, len, &idx);
    if (st != EGDI_OK) {
        fuzz_check_failure(st, idx);
        return;
    }
    size_t n = fuzz_u8(in) % (MAX_UNITS + 1);
    egdi_dataset *ds = NULL;
    FUZZ_CHECK(egdi_dataset_new(&ds) == EGDI_OK);
    make_units(in, ds, n);
    size_t nn = egdi_index_n_nodes(idx);
    for (size_t i = 0; i < nn && i < 32; i++) {
        const char *src = egdi_index_node_source(idx, i);
        if (src)
            add_column(in, ds, src);
        const char *grp = egdi_index_node_impute_group(idx, i);
        if (grp)
            add_groups(in, ds, grp);
    }
    compute_and_check(in, idx, ds);
    egdi_dataset_free(ds);
    egdi_index_free(idx);
}

static void run_survey(fuzz_in *in)
{
    size_t ne = egdi_survey_n_editions();
    int edition = egdi_survey_edition(fuzz_u8(in) % (ne + 1)); /* 0: not an edition */
    egdi_survey_input input = fuzz_u8(in) % 4 == 0 ? EGDI_INPUT_RAW : EGDI_INPUT_COMPONENTS;
    egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;
    uint8_t f = fuzz_u8(in);
    if (f & 1)
        o.quantile_type = fuzz_u8(in) % 11;
    if (f & 2)
        o.rank_decimals = (int)(fuzz_u8(in) % 20) - 3;
    if (f & 4)
        for (int k = 0; k < 3; k++)
            o.thresholds[k] = fuzz_u8(in) & 1 ? fuzz_double(in) : fuzz_u8(in) / 255.0;
    if (f & 8) {
        static const char *const groups[3] = {"region", NULL, "nope"};
        o.impute = (egdi_impute)(fuzz_u8(in) % 6);
        o.impute_group = groups[fuzz_u8(in) % 3];
    }
    size_t n = fuzz_u8(in) % (MAX_UNITS + 1);
    egdi_dataset *ds = NULL;
    FUZZ_CHECK(egdi_dataset_new(&ds) == EGDI_OK);
    make_units(in, ds, n);
    if (input == EGDI_INPUT_COMPONENTS || (f & 16)) {
        add_column(in, ds, "osi");
        add_column(in, ds, "tii");
        add_column(in, ds, "hci");
        if (f & 32)
            add_column(in, ds, "epi");
    }
    if (input == EGDI_INPUT_RAW && edition) {
        add_column(in, ds, "osi_raw");
        add_column(in, ds, "epi_raw");
        static const char *const comps[2] = {"tii", "hci"};
        for (int c = 0; c < 2; c++) {
            const char *code;
            for (size_t i = 0; (code = egdi_survey_indicator(edition, comps[c], i)) != NULL; i++)
                add_column(in, ds, code);
        }
    }
    if (f & 64)
        add_groups(in, ds, "region");
    egdi_dataset *tab = NULL;
    fuzz_before_call();
    egdi_status st = egdi_survey_compute_ex(edition, input, ds, fuzz_u8(in) % 8 ? &o : NULL,
                                            &tab);
    if (st != EGDI_OK) {
        fuzz_check_failure(st, tab);
    } else {
        fuzz_check_survey_table(ds, tab, edition);
        if (fuzz_verbose())
            fprintf(stderr, "egdi-fuzz: ranking table of %d for %zu units\n", edition,
                    egdi_dataset_n_units(tab));
        dataset_round_trip(tab);
        egdi_dataset_free(tab);
    }
    egdi_dataset_free(ds);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_in in = {data, size};
    switch (fuzz_u8(&in) % 3) {
    case 0:
        run_programmatic(&in);
        break;
    case 1:
        run_imeta(&in);
        break;
    default:
        run_survey(&in);
        break;
    }
    return 0;
}
