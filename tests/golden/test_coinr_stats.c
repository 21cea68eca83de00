/* Golden test of the statistics (describe.h) against COINr 1.1.14 on its ASEM
 * example (tests/golden/coinr-stats/README.md says which COINr call produced
 * each file). Units are matched by code and variables by name, never by
 * position (COINr orders its matrices alphabetically, libegdi in index order).
 * Tolerance: 1e-9 relative for every number (an exact 0 must be exactly 0). */
#include "test_util.h"

#define ASEM EGDI_TEST_FIXTURES "/../golden/coinr-asem/"
#define STATS EGDI_TEST_FIXTURES "/../golden/coinr-stats/"
#define TOL_REL 1e-9

static egdi_dataset *read_table(const char *file, const char *code_column)
{
    egdi_csv_options o = EGDI_CSV_OPTIONS_INIT;
    o.code_column = code_column;
    o.name_column = "uName"; /* absent from COINr's outputs: names default to codes */
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_read_csv(file, &o, &ds));
    return ds;
}

static egdi_index *asem_index(void)
{
    egdi_index *idx = NULL;
    OK(egdi_index_read_csv(ASEM "asem_minmax_mean.csv", &idx));
    return idx;
}

static int close_rel(double got, double want)
{
    if (isnan(want) || isnan(got))
        return isnan(want) && isnan(got);
    return fabs(got - want) <= TOL_REL * fabs(want);
}

/* Compare every numeric cell of `want` (rows and columns by name) with `got`;
 * returns the number of cells compared and the largest relative difference. */
static size_t compare_tables(const egdi_dataset *got, const egdi_dataset *want, double *max_rel)
{
    size_t compared = 0;
    for (size_t i = 0; i < egdi_dataset_n_units(want); i++) {
        const char *row = egdi_dataset_unit_code(want, i);
        size_t gi;
        ck_assert_msg(egdi_dataset_find_unit(got, row, &gi) == EGDI_OK, "no row %s", row);
        for (size_t j = 0; j < egdi_dataset_n_columns(want); j++) {
            egdi_column_kind kind;
            OK(egdi_dataset_column_kind(want, j, &kind));
            const char *column = egdi_dataset_column_name(want, j);
            size_t gj;
            ck_assert_msg(egdi_dataset_find_column(got, column, &gj) == EGDI_OK, "no column %s",
                          column);
            if (kind == EGDI_COLUMN_LABEL) {
                ck_assert_str_eq(egdi_dataset_get_label(got, gi, gj),
                                 egdi_dataset_get_label(want, i, j));
                compared++;
                continue;
            }
            double g, w;
            OK(egdi_dataset_get_value(got, gi, gj, &g));
            OK(egdi_dataset_get_value(want, i, j, &w));
            ck_assert_msg(close_rel(g, w), "%s/%s = %.17g, COINr %.17g", row, column, g, w);
            if (!isnan(w) && w != 0 && fabs(g - w) / fabs(w) > *max_rel)
                *max_rel = fabs(g - w) / fabs(w);
            compared++;
        }
    }
    return compared;
}

/* get_stats(coin_a, dset = "Raw", nsignif = NULL): 49 indicators x 19 columns. */
START_TEST(stats_raw)
{
    egdi_index *idx = asem_index();
    egdi_dataset *data = read_table(ASEM "input_ASEM_iData.csv", "uCode");
    egdi_dataset *want = read_table(STATS "f_stats_raw.csv", "iCode"), *got = NULL;
    ck_assert_uint_eq(egdi_dataset_n_units(want), 49);
    ck_assert_uint_eq(egdi_dataset_n_columns(want), 19);
    OK(egdi_index_describe(idx, data, 1, NULL, &got));
    ck_assert_uint_eq(egdi_dataset_n_units(got), 49);
    double max_rel = 0;
    size_t n = compare_tables(got, want, &max_rel);
    ck_assert_uint_eq(n, 49 * 19);
    /* the outlier flags (|skew| > 2 and kurt > 3.5) agree: 18 indicators are OUT */
    size_t j, out = 0;
    OK(egdi_dataset_find_column(got, "Flag.SkewKurt", &j));
    for (size_t i = 0; i < 49; i++)
        out += strcmp(egdi_dataset_get_label(got, i, j), "OUT") == 0;
    size_t wj, want_out = 0;
    OK(egdi_dataset_find_column(want, "Flag.SkewKurt", &wj));
    for (size_t i = 0; i < 49; i++)
        want_out += strcmp(egdi_dataset_get_label(want, i, wj), "OUT") == 0;
    ck_assert_uint_eq(out, want_out);
    ck_assert_uint_gt(out, 0);
    printf("coinr-stats get_stats: %zu cells, max relative difference %.3g, %zu OUT\n", n,
           max_rel, out);
    egdi_dataset_free(got), egdi_dataset_free(want), egdi_dataset_free(data);
    egdi_index_free(idx);
}
END_TEST

/* get_corr(coin_a, "Raw", Levels = 1, cortype, pval = 0, make_long = FALSE). */
static void corr_matrix(egdi_corr_method method, const char *file)
{
    egdi_index *idx = asem_index();
    egdi_dataset *data = read_table(ASEM "input_ASEM_iData.csv", "uCode");
    egdi_dataset *want = read_table(file, "iCode"), *got = NULL, *p = NULL;
    egdi_corr_options o;
    egdi_corr_options_init(&o);
    o.method = method;
    OK(egdi_index_correlate(idx, data, 1, 1, &o, &got, &p));
    double max_rel = 0;
    size_t n = compare_tables(got, want, &max_rel);
    ck_assert_uint_eq(n, 49 * 49);
    printf("coinr-stats %s matrix: %zu cells, max relative difference %.3g\n",
           egdi_corr_method_name(method), n, max_rel);
    egdi_dataset_free(got), egdi_dataset_free(p), egdi_dataset_free(want);
    egdi_dataset_free(data);
    egdi_index_free(idx);
}

START_TEST(corr_pearson) { corr_matrix(EGDI_CORR_PEARSON, STATS "f_corr_raw_pearson.csv"); }
END_TEST

START_TEST(corr_spearman) { corr_matrix(EGDI_CORR_SPEARMAN, STATS "f_corr_raw_spearman.csv"); }
END_TEST

/* A long COINr file: "Var1","Var2","Correlation" rows (codes quoted, NA = missing). */
typedef struct long_row {
    char a[32], b[32];
    double v;
} long_row;

static size_t read_long(const char *file, long_row *rows, size_t cap)
{
    FILE *fp = fopen(file, "r");
    ck_assert_msg(fp != NULL, "cannot open %s", file);
    char line[256];
    size_t n = 0;
    ck_assert(fgets(line, sizeof line, fp) != NULL); /* header */
    while (fgets(line, sizeof line, fp)) {
        ck_assert_uint_lt(n, cap);
        char *f1 = strtok(line, ","), *f2 = strtok(NULL, ","), *f3 = strtok(NULL, ",\r\n");
        ck_assert(f1 && f2 && f3);
        snprintf(rows[n].a, sizeof rows[n].a, "%.*s", (int)strlen(f1) - 2, f1 + 1);
        snprintf(rows[n].b, sizeof rows[n].b, "%.*s", (int)strlen(f2) - 2, f2 + 1);
        rows[n].v = strcmp(f3, "NA") == 0 ? NAN : strtod(f3, NULL);
        n++;
    }
    fclose(fp);
    return n;
}

/* get_corr(coin_a, "Raw", Levels = 1, cortype) with COINr's default pval = 0.05: a
 * correlation whose cor.test p-value exceeds 0.05 is NA. Same NA pattern, same values. */
static void corr_long(egdi_corr_method method, const char *file)
{
    static long_row rows[2401];
    size_t n = read_long(file, rows, 2401);
    ck_assert_uint_eq(n, 49 * 49);
    egdi_index *idx = asem_index();
    egdi_dataset *data = read_table(ASEM "input_ASEM_iData.csv", "uCode"), *got = NULL;
    egdi_corr_options o;
    egdi_corr_options_init(&o);
    o.method = method;
    o.max_p = 0.05;
    OK(egdi_index_correlate(idx, data, 1, 1, &o, &got, NULL));
    size_t na = 0;
    for (size_t k = 0; k < n; k++) {
        double g = col_value(got, rows[k].a, rows[k].b);
        ck_assert_msg(close_rel(g, rows[k].v), "%s %s: %.17g, COINr %.17g", rows[k].a,
                      rows[k].b, g, rows[k].v);
        na += isnan(rows[k].v) != 0;
    }
    ck_assert_uint_gt(na, 0);
    ck_assert_uint_lt(na, n);
    printf("coinr-stats %s, p > 0.05 blanked: %zu of %zu, as COINr\n",
           egdi_corr_method_name(method), na, n);
    egdi_dataset_free(got), egdi_dataset_free(data);
    egdi_index_free(idx);
}

START_TEST(corr_pearson_pval)
{
    corr_long(EGDI_CORR_PEARSON, STATS "f_corr_raw_pearson_long_pval0.05.csv");
}
END_TEST

START_TEST(corr_spearman_pval)
{
    corr_long(EGDI_CORR_SPEARMAN, STATS "f_corr_raw_spearman_long_pval0.05.csv");
}
END_TEST

/* get_cronbach(coin_a, "Raw" / "Normalised", iCodes = pillar, Level = 1) for the 8
 * pillars; the normalised data are pipeline a's min-max [0, 100] with directions. */
START_TEST(cronbach_pillars)
{
    egdi_index *idx = asem_index();
    egdi_dataset *data = read_table(ASEM "input_ASEM_iData.csv", "uCode");
    egdi_dataset *want = read_table(STATS "f_cronbach_level2.csv", "Aggregate");
    egdi_dataset *raw = NULL, *norm = NULL, *scores = NULL;
    egdi_result *res = NULL;
    OK(egdi_index_cronbach(idx, data, 1, &raw));
    OK(egdi_compute(idx, data, &res));
    egdi_result_table_options to = EGDI_RESULT_TABLE_OPTIONS_INIT;
    to.ranks = 0;
    OK(egdi_result_to_dataset(res, data, &to, &scores));
    OK(egdi_index_cronbach(idx, scores, 0, &norm));
    ck_assert_uint_eq(egdi_dataset_n_units(want), 8);
    double max_rel = 0;
    for (size_t i = 0; i < 8; i++) {
        const char *p = egdi_dataset_unit_code(want, i);
        double ar = col_value(raw, p, "alpha"), an = col_value(norm, p, "alpha");
        double wr = col_value(want, p, "alpha_raw"), wn = col_value(want, p, "alpha_normalised_minmax");
        ck_assert_msg(close_rel(ar, wr), "%s raw alpha %.17g, COINr %.17g", p, ar, wr);
        ck_assert_msg(close_rel(an, wn), "%s normalised alpha %.17g, COINr %.17g", p, an, wn);
        max_rel = fmax(max_rel, fmax(fabs(ar - wr) / fabs(wr), fabs(an - wn) / fabs(wn)));
        ck_assert(col_value(raw, p, "n_items") == col_value(want, p, "n_ind"));
    }
    printf("coinr-stats Cronbach: 16 alphas, max relative difference %.3g\n", max_rel);
    egdi_dataset_free(raw), egdi_dataset_free(norm), egdi_dataset_free(scores);
    egdi_dataset_free(want), egdi_dataset_free(data);
    egdi_result_free(res);
    egdi_index_free(idx);
}
END_TEST

/* get_corr(coin_c, "Aggregated", Levels = c(3, 4) and c(2, 4), pval = 0): the Index
 * against the sub-indexes and the pillars of COINr's example build. The level-3 pair
 * is also each sub-index's correlation with its parent. */
START_TEST(corr_across_levels)
{
    egdi_index *idx = asem_index();
    egdi_dataset *agg = read_table(STATS "c_example_aggregated.csv", "uCode"), *got = NULL;
    static long_row rows[16];
    for (int level = 2; level <= 3; level++) {
        size_t n = read_long(level == 2 ? STATS "g_corr_nominal_level2_index.csv"
                                        : STATS "g_corr_nominal_level3_index.csv",
                             rows, 16);
        ck_assert_uint_eq(n, level == 2 ? 8 : 2);
        OK(egdi_index_correlate(idx, agg, 4, level, NULL, &got, NULL));
        ck_assert_uint_eq(egdi_dataset_n_units(got), 1);
        for (size_t k = 0; k < n; k++) {
            double g = col_value(got, rows[k].a, rows[k].b);
            ck_assert_msg(close_rel(g, rows[k].v), "%s %s: %.17g, COINr %.17g", rows[k].a,
                          rows[k].b, g, rows[k].v);
        }
        egdi_dataset_free(got);
    }
    OK(egdi_index_parent_correlations(idx, agg, NULL, &got));
    for (size_t k = 0; k < 2; k++) { /* rows still hold level 3 */
        ck_assert_str_eq(rows[k].a, "Index");
        double g = col_value(got, rows[k].b, "correlation");
        ck_assert_msg(close_rel(g, rows[k].v), "%s with its parent: %.17g, COINr %.17g",
                      rows[k].b, g, rows[k].v);
        ck_assert(col_value(got, rows[k].b, "n") == 51);
    }
    egdi_dataset_free(got), egdi_dataset_free(agg);
    egdi_index_free(idx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("coinr_stats");
    TCase *tc = tcase_create("asem");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, stats_raw);
    tcase_add_test(tc, corr_pearson);
    tcase_add_test(tc, corr_spearman);
    tcase_add_test(tc, corr_pearson_pval);
    tcase_add_test(tc, corr_spearman_pval);
    tcase_add_test(tc, cronbach_pillars);
    tcase_add_test(tc, corr_across_levels);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
