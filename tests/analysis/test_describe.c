/* Statistics (describe.h) on small data whose values are derived by hand in
 * the comments, or are R's documented results (?cor.test's example, R 4.x:
 * "t = 1.8411, df = 7, p-value = 0.1082", "T = 26, p-value = 0.1194",
 * "S = 48, p-value = 0.0968"), with more digits from an independent
 * computation (scipy 1.10 for the t and normal tails and the exact Kendall
 * distribution; a brute-force enumeration of the 9! permutations for
 * Spearman). Tolerances: 1e-12 relative on closed forms, 1e-9 on tail
 * probabilities. */
#include "test_util.h"

#define REL(got, want, tol) \
    ck_assert_msg(fabs((double)(got) - (double)(want)) <= (tol) * fabs((double)(want)), \
                  "%s = %.17g, expected %.17g", \
                  #got, (double)(got), (double)(want))

/* x = 1 2 3 4 10: mean 4, d = -3 -2 -1 0 6, sum d^2 = 50, sum d^3 = 180,
 * sum d^4 = 1394 (m = 5).
 * sd = sqrt(50 / 4) = sqrt(12.5);
 * skew = sqrt(5) 180 / 50^1.5 * sqrt(5 * 4) / 3 = 1800 / (150 sqrt(50)) = 6 sqrt(2) / 5;
 * r = 5 * 1394 / 50^2 = 2.788, kurt = (6 (2.788 - 3) + 6) * 4 / (3 * 2) = 3.152. */
START_TEST(moments_by_hand)
{
    const double x[] = {1, 2, NAN, 3, 4, 10};
    double s, k;
    OK(egdi_skewness(x, 6, &s));
    OK(egdi_kurtosis(x, 6, &k));
    REL(s, 6 * sqrt(2.0) / 5, 1e-12);
    REL(k, 3.152, 1e-12);
    /* too few values, or no spread: not defined */
    const double three[] = {1, 2, 4}, flat[] = {2, 2, 2, 2, 2};
    OK(egdi_skewness(three, 3, &s));
    OK(egdi_kurtosis(three, 3, &k));
    ck_assert(!isnan(s) && isnan(k));
    REL(s, 0.935219529582825, 1e-12); /* d = -4/3 -1/3 5/3: sqrt(3) (60/27) / (42/9)^1.5 * sqrt(6) */
    OK(egdi_skewness(flat, 5, &s));
    ck_assert(isnan(s));
    const double inf[] = {1, INFINITY, 2};
    FAILS(egdi_skewness(inf, 3, &s), EGDI_ERR_DOMAIN, "infinite");
}
END_TEST

static egdi_dataset *small_data(void)
{
    /* a = 1..5; b = 2 4 5 4 5 (ties); c constant; d = 0 0 7 NaN 1 */
    const char *codes[] = {"U1", "U2", "U3", "U4", "U5"};
    const double a[] = {1, 2, 3, 4, 5}, b[] = {2, 4, 5, 4, 5}, c[] = {3, 3, 3, 3, 3},
                 d[] = {0, 0, 7, NAN, 1};
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_units(ds, codes, NULL, 5));
    OK(egdi_dataset_add_numeric(ds, "a", a, 5));
    OK(egdi_dataset_add_numeric(ds, "b", b, 5));
    OK(egdi_dataset_add_numeric(ds, "c", c, 5));
    OK(egdi_dataset_add_numeric(ds, "d", d, 5));
    const char *grp[] = {"x", "x", "y", "y", "y"};
    OK(egdi_dataset_add_labels(ds, "group", grp, 5));
    return ds;
}

static const char *label(const egdi_dataset *ds, const char *unit, const char *column)
{
    size_t i, j;
    OK(egdi_dataset_find_unit(ds, unit, &i));
    OK(egdi_dataset_find_column(ds, column, &j));
    return egdi_dataset_get_label(ds, i, j);
}

/* The get_stats table of b and d (N = 5 units):
 * b = 2 4 5 4 5: min 2, max 5, mean 4, median 4, sd sqrt((4+0+1+0+1)/4) = sqrt(1.5),
 *   3 distinct values, the most frequent twice (4 and 5), no zero;
 *   d = -2 0 1 0 1: skew = sqrt(5) (-8+1+1) / 6^1.5 * sqrt(20) / 3 = -60 / (3 * 6^1.5);
 * d = 0 0 7 . 1: 4 values, 2 zeros, 3 distinct, mean 2, median 0.5, Frc.Avail 0.8,
 *   N.NonZero / N = 2/5 < 0.5 -> Flag.NonZero LOW, Frc.NonZero = 2/4. */
START_TEST(stats_table_by_hand)
{
    egdi_dataset *ds = small_data(), *t = NULL;
    const char *cols[] = {"b", "d", "c"};
    OK(egdi_describe(ds, cols, 3, NULL, &t));
    ck_assert_uint_eq(egdi_dataset_n_units(t), 3);
    ck_assert_str_eq(egdi_dataset_column_name(t, 0), "Min");
    ck_assert_str_eq(egdi_dataset_column_name(t, 18), "Flag.SkewKurt");
    ck_assert_str_eq(egdi_dataset_column_name(t, 20), "N.Zero");
    REL(col_value(t, "b", "Min"), 2, 0);
    REL(col_value(t, "b", "Max"), 5, 0);
    REL(col_value(t, "b", "Mean"), 4, 1e-15);
    REL(col_value(t, "b", "Median"), 4, 0);
    REL(col_value(t, "b", "Std"), sqrt(1.5), 1e-14);
    REL(col_value(t, "b", "Skew"), -60 / (3 * pow(6, 1.5)), 1e-12);
    REL(col_value(t, "b", "N.Unique"), 3, 0);
    REL(col_value(t, "b", "N.Same"), 2, 0);
    REL(col_value(t, "b", "Frc.Same"), 0.4, 1e-15);
    ck_assert_str_eq(label(t, "b", "Flag.NonZero"), "ok");
    ck_assert_str_eq(label(t, "b", "Flag.SkewKurt"), "ok");
    REL(col_value(t, "d", "N.Avail"), 4, 0);
    REL(col_value(t, "d", "N.Missing"), 1, 0);
    REL(col_value(t, "d", "N.Zero"), 2, 0);
    REL(col_value(t, "d", "N.NonZero"), 2, 0);
    REL(col_value(t, "d", "Frc.Avail"), 0.8, 1e-15);
    REL(col_value(t, "d", "Frc.NonZero"), 0.5, 1e-15);
    REL(col_value(t, "d", "Median"), 0.5, 0);
    REL(col_value(t, "d", "Mean"), 2, 1e-15);
    ck_assert_str_eq(label(t, "d", "Flag.NonZero"), "LOW"); /* 2/5 < 0.5 */
    ck_assert_str_eq(label(t, "d", "Flag.Avail"), "ok");    /* 0.8 >= 0.65 */
    ck_assert_str_eq(label(t, "d", "Flag.Unique"), "ok");   /* 3/5 >= 0.5 */
    /* a constant column: no skew or kurtosis, so no outlier verdict; one unique value */
    ck_assert(isnan(col_value(t, "c", "Skew")));
    ck_assert_str_eq(label(t, "c", "Flag.SkewKurt"), "");
    ck_assert_str_eq(label(t, "c", "Flag.Unique"), "LOW");
    REL(col_value(t, "c", "Std"), 0, 0);
    egdi_dataset_free(t);

    /* thresholds: t_avail 0.9 flags d (0.8) */
    egdi_describe_options o;
    egdi_describe_options_init(&o);
    o.t_avail = 0.9;
    OK(egdi_describe(ds, cols + 1, 1, &o, &t));
    ck_assert_str_eq(label(t, "d", "Flag.Avail"), "LOW");
    egdi_dataset_free(t);
    /* every numeric column by default (the label column is skipped) */
    OK(egdi_describe(ds, NULL, 0, NULL, &t));
    ck_assert_uint_eq(egdi_dataset_n_units(t), 4);
    egdi_dataset_free(t);
    const char *bad[] = {"group"}, *none[] = {"zz"}, *twice[] = {"a", "a"};
    FAILS(egdi_describe(ds, bad, 1, NULL, &t), EGDI_ERR_INVALID_ARG, "group");
    FAILS(egdi_describe(ds, none, 1, NULL, &t), EGDI_ERR_NOT_FOUND, "zz");
    ck_assert_int_eq(egdi_describe(ds, twice, 2, NULL, &t), EGDI_ERR_DUPLICATE);
    ck_assert_ptr_null(t);
    egdi_dataset_free(ds);
}
END_TEST

/* a = 1..5, b = 2 4 5 4 5.
 * Pearson: dx = -2..2, dy = -2 0 1 0 1: sxy = 6, sxx = 10, syy = 6, r = 6 / sqrt(60);
 *   t = sqrt(3) r / sqrt(1 - 0.6) = sqrt(4.5), 3 df, two-sided p = 0.12402706265755462.
 * Spearman: ranks of b = 1 2.5 4.5 2.5 4.5 (average ties), dy = -2 -.5 1.5 -.5 1.5:
 *   sxy = 7, syy = 9, rho = 7 / sqrt(90); ties -> t approximation, p = 0.15461852312844906.
 * Kendall: 7 concordant, 1 discordant, 2 pairs tied in b only (n0 = 10):
 *   tau-b = 6 / sqrt(10 * 8); normal approximation with the tie-corrected variance
 *   (v0 = 5*4*15 = 300, b has two pairs of ties: vu = 2 * 2*1*9 = 36, var = 264/18),
 *   S = 6, z = 6 / sqrt(14.6667), p = 0.11718508719813801. */
START_TEST(correlation_by_hand_with_ties)
{
    const double a[] = {1, 2, 3, 4, 5}, b[] = {2, 4, 5, 4, 5};
    double r, p;
    size_t m;
    OK(egdi_correlation(a, b, 5, EGDI_CORR_PEARSON, &r, &p, &m));
    REL(r, 6 / sqrt(60.0), 1e-14);
    REL(p, 0.12402706265755462, 1e-9);
    ck_assert_uint_eq(m, 5);
    OK(egdi_correlation(a, b, 5, EGDI_CORR_SPEARMAN, &r, &p, NULL));
    REL(r, 7 / sqrt(90.0), 1e-14);
    REL(p, 0.15461852312844906, 1e-9);
    OK(egdi_correlation(a, b, 5, EGDI_CORR_KENDALL, &r, &p, NULL));
    REL(r, 6 / sqrt(80.0), 1e-14);
    REL(p, 0.11718508719813801, 1e-9);
    REL(p, 2 * 0.5 * erfc(6 / sqrt(264.0 / 18) / sqrt(2.0)), 1e-12);
    /* pairwise complete: a NaN drops the pair (4 pairs: 1 2 3 5 vs 2 4 5 5) */
    const double bn[] = {2, 4, 5, NAN, 5};
    OK(egdi_correlation(a, bn, 5, EGDI_CORR_KENDALL, &r, &p, &m));
    ck_assert_uint_eq(m, 4);
    REL(r, 5 / sqrt(6.0 * 5), 1e-14); /* 5 concordant, 0 discordant, 1 tie in b */
    /* reversed order: the same magnitude, negative */
    const double rev[] = {5, 4, 3, 2, 1};
    OK(egdi_correlation(rev, b, 5, EGDI_CORR_KENDALL, &r, &p, NULL));
    REL(r, -6 / sqrt(80.0), 1e-14);
}
END_TEST

/* R's ?cor.test example (9 pairs, no ties). */
START_TEST(correlation_r_example)
{
    const double x[] = {44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1};
    const double y[] = {2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8};
    double r, p;
    OK(egdi_correlation(x, y, 9, EGDI_CORR_PEARSON, &r, &p, NULL));
    REL(r, 0.5711815575638288, 1e-12);
    REL(p, 0.10817305434949383, 1e-9); /* R: 0.1082 */
    /* Kendall exact: T = 26 concordant of 36, tau = (26 - 10) / 36 */
    OK(egdi_correlation(x, y, 9, EGDI_CORR_KENDALL, &r, &p, NULL));
    REL(r, 16.0 / 36, 1e-14);
    REL(p, 0.11943893298059964, 1e-9); /* R: 0.1194 */
    /* Spearman exact: S = 48, rho = 1 - 6 * 48 / 720 = 0.6; P[S <= 48] = 17563 / 362880 */
    OK(egdi_correlation(x, y, 9, EGDI_CORR_SPEARMAN, &r, &p, NULL));
    REL(r, 0.6, 1e-14);
    REL(p, 0.09679783950617284, 1e-12); /* R: 0.0968 */
}
END_TEST

/* AS 89's Edgeworth branch (10 <= m <= 1290, no ties). The documented value of
 * R package pspearman: pspearman(36, 10, approximation = "AS89") = 0.005825634
 * = P[S <= 36] for 10 items (R's own test calls the same pRho). y below is 1..10
 * with 1<->4 and 5<->8 swapped: S = 9 + 9 + 9 + 9 = 36, rho = 1 - 6 * 36 / 990;
 * two-sided p = 2 * 0.005825634. The mirrored data (-y) give -rho and the same p
 * from the other tail. */
START_TEST(spearman_edgeworth)
{
    const double x[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const double y[] = {4, 2, 3, 1, 8, 6, 7, 5, 9, 10};
    const double yn[] = {-4, -2, -3, -1, -8, -6, -7, -5, -9, -10};
    double r, p, rn, pn;
    OK(egdi_correlation(x, y, 10, EGDI_CORR_SPEARMAN, &r, &p, NULL));
    REL(r, 1 - 216.0 / 990, 1e-14);
    REL(p, 2 * 0.005825634, 1e-7);
    OK(egdi_correlation(x, yn, 10, EGDI_CORR_SPEARMAN, &rn, &pn, NULL));
    REL(rn, -r, 1e-14);
    REL(pn, p, 1e-12);
}
END_TEST

/* Constant columns and too few pairs: NaN, reported, never refused. */
START_TEST(undefined_correlations)
{
    const double a[] = {1, 2, 3, 4}, c[] = {3, 3, 3, 3}, two[] = {1, NAN, NAN, 2};
    double r, p;
    size_t m;
    for (int k = 0; k < 3; k++) {
        OK(egdi_correlation(a, c, 4, (egdi_corr_method)k, &r, &p, &m));
        ck_assert(isnan(r) && isnan(p));
        ck_assert_uint_eq(m, 4);
    }
    /* 2 pairs: r = 1 but Pearson's t test needs 3 (R's cor.test stops) */
    OK(egdi_correlation(a, two, 4, EGDI_CORR_PEARSON, &r, &p, &m));
    ck_assert_uint_eq(m, 2);
    REL(r, 1, 1e-15);
    ck_assert(isnan(p));
    FAILS(egdi_correlation(a, c, 4, (egdi_corr_method)7, &r, &p, &m), EGDI_ERR_INVALID_ARG,
          "method");
    egdi_corr_method meth;
    OK(egdi_corr_method_from_name("Kendall", &meth));
    ck_assert_int_eq(meth, EGDI_CORR_KENDALL);
    FAILS(egdi_corr_method_from_name("tau", &meth), EGDI_ERR_NOT_FOUND, "spearman");
    ck_assert_str_eq(egdi_corr_method_name(EGDI_CORR_SPEARMAN), "spearman");
}
END_TEST

/* The matrix: rows a b c against columns a d. a with itself: r 1, p 0. a with c: NaN.
 * a with d over 4 pairs (1 2 3 5 vs 0 0 7 1): Pearson dx = -1.75 -.75 .25 2.25,
 * dy = -2 -2 5 -1: sxy = 3.5 + 1.5 + 1.25 - 2.25 = 4, sxx = 8.75, syy = 34,
 * r = 4 / sqrt(297.5). */
START_TEST(matrix_by_hand)
{
    egdi_dataset *ds = small_data(), *r = NULL, *p = NULL;
    const char *rows[] = {"a", "b", "c"}, *cols[] = {"a", "d"};
    OK(egdi_correlate(ds, rows, 3, cols, 2, NULL, &r, &p));
    ck_assert_uint_eq(egdi_dataset_n_units(r), 3);
    ck_assert_uint_eq(egdi_dataset_n_columns(r), 2);
    REL(col_value(r, "a", "a"), 1, 1e-15);
    ck_assert(col_value(p, "a", "a") == 0);
    ck_assert(isnan(col_value(r, "c", "a")) && isnan(col_value(p, "c", "a")));
    REL(col_value(r, "a", "d"), 4 / sqrt(297.5), 1e-13);
    REL(col_value(r, "b", "a"), 6 / sqrt(60.0), 1e-14);
    REL(col_value(p, "b", "a"), 0.12402706265755462, 1e-9);
    egdi_dataset_free(r), egdi_dataset_free(p);
    /* max_p: p 0.124 > 0.1 -> missing; the diagonal (p 0) stays */
    egdi_corr_options o;
    egdi_corr_options_init(&o);
    o.max_p = 0.1;
    OK(egdi_correlate(ds, rows, 2, NULL, 0, &o, &r, NULL));
    ck_assert(isnan(col_value(r, "b", "a")));
    REL(col_value(r, "b", "b"), 1, 1e-15);
    egdi_dataset_free(r);
    o.max_p = 2;
    FAILS(egdi_correlate(ds, rows, 2, NULL, 0, &o, &r, NULL), EGDI_ERR_INVALID_ARG, "max_p");
    const char *lab[] = {"group"};
    FAILS(egdi_correlate(ds, lab, 1, NULL, 0, NULL, &r, NULL), EGDI_ERR_INVALID_ARG, "labels");
    ck_assert_ptr_null(r);
    egdi_dataset_free(ds);
}
END_TEST

/* An index: I <- {P <- {a, b}, Q <- {c2, d2}}; values by code (the index's
 * result table) or by source for indicators. */
static egdi_index *small_index(void)
{
    egdi_index *idx = NULL;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "I", NULL, 1));
    OK(egdi_index_add_aggregate(idx, "P", "I", 1));
    OK(egdi_index_add_aggregate(idx, "Q", "I", 1));
    OK(egdi_index_add_indicator(idx, "a", "P", 1));
    OK(egdi_index_add_indicator(idx, "b", "P", 1));
    OK(egdi_index_add_indicator(idx, "x", "Q", 1));
    OK(egdi_index_add_indicator(idx, "y", "Q", 1));
    OK(egdi_index_set_source(idx, "x", "a")); /* x reads column a */
    OK(egdi_index_set_source(idx, "y", "d"));
    return idx;
}

/* Cronbach by hand on P = {a, b}: var a = 2.5, var b = 1.5, cov = 6 / 4 = 1.5:
 * sum C = 2.5 + 1.5 + 2 * 1.5 = 7, alpha = 4 * (3 / 2) / 7 = 6 / 7.
 * Q = {x (= a), y (= d)}: pairwise: var a = 2.5 (5 values), var d over 4 = 34 / 3,
 * cov(a, d) over 4 pairs = 4 / 3: sum = 2.5 + 34/3 + 8/3 = 16.5, mean off-diagonal
 * (8/3) / 2 = 4/3, alpha = 4 (4/3) / 16.5. */
START_TEST(index_functions)
{
    egdi_dataset *ds = small_data(), *t = NULL, *p = NULL;
    egdi_index *idx = small_index();
    egdi_result *res = NULL;
    OK(egdi_compute(idx, ds, &res));
    egdi_result_table_options to = EGDI_RESULT_TABLE_OPTIONS_INIT;
    to.ranks = 0;
    egdi_dataset *scores = NULL;
    OK(egdi_result_to_dataset(res, ds, &to, &scores));

    OK(egdi_index_cronbach(idx, scores, 0, &t)); /* no normalisation: scores = values */
    ck_assert_uint_eq(egdi_dataset_n_units(t), 3); /* I (P, Q), P, Q */
    REL(col_value(t, "P", "alpha"), 6.0 / 7, 1e-13);
    REL(col_value(t, "Q", "alpha"), 4 * (4.0 / 3) / 16.5, 1e-13);
    REL(col_value(t, "P", "n_items"), 2, 0);
    egdi_dataset_free(t);
    OK(egdi_index_cronbach(idx, ds, 1, &t)); /* I over its 4 indicators; P and Q as before */
    REL(col_value(t, "Q", "alpha"), 4 * (4.0 / 3) / 16.5, 1e-13);
    REL(col_value(t, "I", "n_items"), 4, 0);
    REL(col_value(t, "P", "alpha"), 6.0 / 7, 1e-13);
    egdi_dataset_free(t);

    OK(egdi_index_describe(idx, ds, 1, NULL, &t));
    ck_assert_uint_eq(egdi_dataset_n_units(t), 4);
    REL(col_value(t, "x", "Mean"), 3, 1e-15); /* column a through its source */
    ck_assert_str_eq(egdi_dataset_unit_code(t, 2), "x");
    egdi_dataset_free(t);

    /* within level 1, grouped by level 2: a-x are in different groups -> missing */
    egdi_corr_options o;
    egdi_corr_options_init(&o);
    o.group_level = 2;
    OK(egdi_index_correlate(idx, ds, 1, 1, &o, &t, &p));
    REL(col_value(t, "a", "b"), 6 / sqrt(60.0), 1e-14);
    ck_assert(isnan(col_value(t, "a", "x")) && isnan(col_value(p, "a", "x")));
    REL(col_value(t, "x", "y"), 4 / sqrt(297.5), 1e-13);
    egdi_dataset_free(t), egdi_dataset_free(p);
    o.group_level = 1;
    FAILS(egdi_index_correlate(idx, ds, 1, 1, &o, &t, NULL), EGDI_ERR_INVALID_ARG, "group");
    o.group_level = 0;
    FAILS(egdi_index_correlate(idx, ds, 1, 5, &o, &t, NULL), EGDI_ERR_INVALID_ARG, "level 5");
    /* across levels on the scores: P is the mean of a and b, so corr(P, a) as computed */
    OK(egdi_index_correlate(idx, scores, 2, 1, NULL, &t, NULL));
    ck_assert_uint_eq(egdi_dataset_n_units(t), 2);
    ck_assert_uint_eq(egdi_dataset_n_columns(t), 4);
    /* P = (a + b) / 2 = 1.5 3 4 4 5: dP = -2 -.5 .5 .5 1.5, da = -2..2: sxy = 4 + .5 + 0 + .5 + 3
     * = 8, sPP = 4 + .25 + .25 + .25 + 2.25 = 7, r = 8 / sqrt(70) */
    REL(col_value(t, "P", "a"), 8 / sqrt(70.0), 1e-13);
    egdi_dataset_free(t);

    OK(egdi_index_parent_correlations(idx, scores, NULL, &t));
    ck_assert_uint_eq(egdi_dataset_n_units(t), 6); /* every node but I */
    ck_assert_str_eq(label(t, "a", "parent"), "P");
    REL(col_value(t, "a", "correlation"), 8 / sqrt(70.0), 1e-13);
    REL(col_value(t, "y", "n"), 4, 0);
    egdi_dataset_free(t);

    /* a node without a column */
    egdi_dataset *bare = NULL;
    const char *codes[] = {"U1", "U2"};
    OK(egdi_dataset_new(&bare));
    OK(egdi_dataset_add_units(bare, codes, NULL, 2));
    FAILS(egdi_index_describe(idx, bare, 1, NULL, &t), EGDI_ERR_NOT_FOUND, "node a");
    FAILS(egdi_index_cronbach(idx, bare, 0, &t), EGDI_ERR_NOT_FOUND, "node P");
    FAILS(egdi_index_parent_correlations(idx, bare, NULL, &t), EGDI_ERR_NOT_FOUND, "node");
    ck_assert_ptr_null(t);
    egdi_dataset_free(bare);
    egdi_dataset_free(scores);
    egdi_result_free(res);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

/* Cronbach on a plain row-major matrix: the P case above. */
START_TEST(cronbach_plain)
{
    const double x[] = {1, 2, 2, 4, 3, 5, 4, 4, 5, 5};
    double alpha;
    OK(egdi_cronbach_alpha(x, 5, 2, &alpha));
    REL(alpha, 6.0 / 7, 1e-13);
    FAILS(egdi_cronbach_alpha(x, 10, 1, &alpha), EGDI_ERR_INVALID_ARG, "2 or more");
}
END_TEST

/* Knight's O(m log m) tau-b against the O(m^2) definition on 2000 pseudo-random
 * pairs with many ties (values 0..19). */
START_TEST(kendall_matches_definition)
{
    enum { M = 2000 };
    static double x[M], y[M];
    unsigned s = 12345;
    for (size_t i = 0; i < M; i++) {
        s = s * 1103515245u + 12345u;
        x[i] = (double)((s >> 16) % 20);
        s = s * 1103515245u + 12345u;
        y[i] = (double)((s >> 16) % 20) + (i % 3 == 0 ? x[i] : 0);
    }
    double num = 0, tx = 0, ty = 0;
    for (size_t i = 0; i < M; i++)
        for (size_t j = i + 1; j < M; j++) {
            double a = (x[i] > x[j]) - (x[i] < x[j]), b = (y[i] > y[j]) - (y[i] < y[j]);
            num += a * b, tx += a * a, ty += b * b;
        }
    double r, p;
    OK(egdi_correlation(x, y, M, EGDI_CORR_KENDALL, &r, &p, NULL));
    REL(r, num / sqrt(tx * ty), 1e-12);
    ck_assert(p >= 0 && p <= 1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("describe");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, moments_by_hand);
    tcase_add_test(tc, stats_table_by_hand);
    tcase_add_test(tc, correlation_by_hand_with_ties);
    tcase_add_test(tc, correlation_r_example);
    tcase_add_test(tc, spearman_edgeworth);
    tcase_add_test(tc, undefined_correlations);
    tcase_add_test(tc, matrix_by_hand);
    tcase_add_test(tc, index_functions);
    tcase_add_test(tc, cronbach_plain);
    tcase_add_test(tc, kendall_matches_definition);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
