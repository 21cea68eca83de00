/* Weights (weights.h): rescaled and effective weights, setting them, PCA, entropy and
 * optimised weights on cases solved by hand (derivations in the comments). */
#include "test_util.h"

/* R (root) -> A (weight 1), B (3); A -> a1 (2), a2 (2); B -> b1 (1), b2 (1), b3 (2).
 * Rescaled: A 1/4, B 3/4; a1 = a2 = 1/2; b1 = b2 = 1/4, b3 = 1/2.
 * Effective: a1 = a2 = 1/8, b1 = b2 = 3/16, b3 = 3/8 (the indicators sum to 1). */
static egdi_index *tree(void)
{
    egdi_index *idx = NULL;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "R", NULL, 1));
    OK(egdi_index_add_aggregate(idx, "A", "R", 1));
    OK(egdi_index_add_aggregate(idx, "B", "R", 3));
    OK(egdi_index_add_indicator(idx, "a1", "A", 2));
    OK(egdi_index_add_indicator(idx, "a2", "A", 2));
    OK(egdi_index_add_indicator(idx, "b1", "B", 1));
    OK(egdi_index_add_indicator(idx, "b2", "B", 1));
    OK(egdi_index_add_indicator(idx, "b3", "B", 2));
    return idx;
}

START_TEST(rescaled_and_effective)
{
    egdi_index *idx = tree();
    static const double resc[] = {1, 0.25, 0.75, 0.5, 0.5, 0.25, 0.25, 0.5};
    static const double eff[] = {1, 0.25, 0.75, 0.125, 0.125, 0.1875, 0.1875, 0.375};
    double r[8], e[8];
    OK(egdi_weights_rescaled(idx, r, 8));
    OK(egdi_weights_effective(idx, e, 8));
    for (int k = 0; k < 8; k++) {
        NEAR(r[k], resc[k], 1e-15);
        NEAR(e[k], eff[k], 1e-15);
    }
    egdi_dataset *t = NULL;
    OK(egdi_weights_table(idx, &t));
    NEAR(col_value(t, "b3", "Effective"), 0.375, 1e-15);
    NEAR(col_value(t, "b3", "Weight"), 2, 0);
    NEAR(col_value(t, "B", "Level"), 2, 0);
    size_t j;
    OK(egdi_dataset_find_column(t, "Parent", &j));
    ck_assert_str_eq(egdi_dataset_get_label(t, 5, j), "B");
    egdi_dataset_free(t);
    FAILS(egdi_weights_effective(idx, e, 7), EGDI_ERR_INVALID_ARG, "8 nodes");
    egdi_index_free(idx);
}
END_TEST

START_TEST(set_and_equal)
{
    egdi_index *idx = tree();
    double w[8] = {NAN, NAN, 1, NAN, NAN, 0, 0, NAN};
    double e[8];
    OK(egdi_weights_set(idx, w, 8));
    OK(egdi_weights_effective(idx, e, 8)); /* A = B = 1/2; b3 takes all of B */
    NEAR(e[7], 0.5, 1e-15);
    NEAR(e[3], 0.25, 1e-15);
    w[7] = 0; /* b1, b2, b3 would all weigh 0: refused, nothing changed */
    FAILS(egdi_weights_set(idx, w, 8), EGDI_ERR_INVALID_INDEX, "'B'");
    NEAR(egdi_index_node_weight(idx, 7), 2, 0);
    w[7] = -1;
    FAILS(egdi_weights_set(idx, w, 8), EGDI_ERR_INVALID_ARG, "'b3'");
    OK(egdi_weights_set_equal(idx, 1)); /* indicators 1 each: b1 = b2 = b3 = 1/3 of B */
    OK(egdi_weights_effective(idx, e, 8));
    NEAR(e[7], 0.5 / 3, 1e-15);
    NEAR(egdi_index_node_weight(idx, 2), 1, 0); /* level 2 untouched (set to 1 above) */
    FAILS(egdi_weights_set_equal(idx, 4), EGDI_ERR_INVALID_ARG, "level 4");
    egdi_index_free(idx);
}
END_TEST

/* u = (1, 2, 3, 4), v = (2, 1, 4, 3): means 2.5, sample variances 5/3, covariance
 * (0.75 * 4) / 3 = 1, so r = 0.6. The correlation matrix [[1, .6], [.6, 1]] has
 * eigenvalues 1.6 and 0.4 with eigenvectors (1, 1)/sqrt 2 and (1, -1)/sqrt 2: sdev
 * sqrt(1.6) and sqrt(0.4); PC1 sums to > 0, PC2 sums to 0 so its first loading is
 * made positive. A fifth row with a NaN is left out. */
START_TEST(pca_by_hand)
{
    const double x[] = {1, 2, 2, 1, 3, 4, 4, 3, NAN, 7};
    double rot[4], sdev[2];
    size_t used = 0;
    OK(egdi_pca(x, 5, 2, rot, sdev, &used));
    ck_assert_uint_eq(used, 4);
    double h = 1 / sqrt(2.0);
    NEAR(rot[0], h, 1e-14);  /* u on PC1 */
    NEAR(rot[2], h, 1e-14);  /* v on PC1 */
    NEAR(rot[1], h, 1e-14);  /* u on PC2 */
    NEAR(rot[3], -h, 1e-14); /* v on PC2 */
    NEAR(sdev[0], sqrt(1.6), 1e-14);
    NEAR(sdev[1], sqrt(0.4), 1e-14);
    /* errors: 2 complete rows for 2 columns; a constant column; infinity */
    FAILS(egdi_pca(x, 2, 2, rot, sdev, NULL), EGDI_ERR_DATA, "2 complete rows");
    const double c[] = {1, 5, 2, 5, 3, 5, 4, 5};
    FAILS(egdi_pca(c, 4, 2, rot, sdev, NULL), EGDI_ERR_DOMAIN, "column 2 is constant");
    const double inf[] = {1, INFINITY, 2, 1, 3, 4, 4, 3};
    FAILS(egdi_pca(inf, 4, 2, rot, sdev, NULL), EGDI_ERR_INVALID_ARG, "infinite");
}
END_TEST

/* Entropy of a column with shares p: -(sum p ln p) / ln m, m = 3 rows.
 * col 1 = (1, 2, 3): p = (1/6, 1/3, 1/2), e1 = (ln 6 / 6 + ln 3 / 3 + ln 2 / 2) / ln 3;
 * col 2 = (1, 0, 1): p = (1/2, 0, 1/2), 0 ln 0 = 0, e2 = ln 2 / ln 3;
 * w_j = (1 - e_j) / (2 - e1 - e2). */
START_TEST(entropy_by_hand)
{
    const double x[] = {1, 1, 2, 0, 3, 1};
    double w[2], e[2];
    size_t used;
    OK(egdi_entropy_weights(x, 3, 2, w, e, &used));
    double e1 = (log(6) / 6 + log(3) / 3 + log(2) / 2) / log(3), e2 = log(2) / log(3);
    NEAR(e[0], e1, 1e-15);
    NEAR(e[1], e2, 1e-15);
    NEAR(w[0], (1 - e1) / (2 - e1 - e2), 1e-15);
    NEAR(w[1], (1 - e2) / (2 - e1 - e2), 1e-15);
    /* evenly spread (1, 1, 1) -> weight 0; all on one unit (0, 0, 3) -> weight 1 */
    const double y[] = {1, 0, 1, 0, 1, 3};
    OK(egdi_entropy_weights(y, 3, 2, w, NULL, NULL));
    NEAR(w[0], 0, 1e-15);
    NEAR(w[1], 1, 1e-15);
    const double neg[] = {1, 0, -1, 0, 1, 3};
    FAILS(egdi_entropy_weights(neg, 3, 2, w, NULL, NULL), EGDI_ERR_DOMAIN, "row 2, column 1");
    const double zero[] = {1, 0, 2, 0, 1, 0};
    FAILS(egdi_entropy_weights(zero, 3, 2, w, NULL, NULL), EGDI_ERR_DOMAIN, "column 2 is 0");
    const double even[] = {1, 2, 1, 2, 1, 2};
    FAILS(egdi_entropy_weights(even, 3, 2, w, NULL, NULL), EGDI_ERR_DATA, "evenly");
    const double one[] = {1, 2, NAN, 2, 1, NAN};
    FAILS(egdi_entropy_weights(one, 3, 2, w, NULL, NULL), EGDI_ERR_DATA, "1 complete rows");
}
END_TEST

/* I -> x, y (weights 1, 1) on the data of pca_by_hand (var x = var y, r = 0.6). */
static void small_index(egdi_index **idx, egdi_dataset **data)
{
    OK(egdi_index_new(idx));
    OK(egdi_index_add_aggregate(*idx, "I", NULL, 1));
    OK(egdi_index_add_indicator(*idx, "x", "I", 1));
    OK(egdi_index_add_indicator(*idx, "y", "I", 1));
    OK(egdi_dataset_new(data));
    const char *codes[] = {"U1", "U2", "U3", "U4"};
    OK(egdi_dataset_add_units(*data, codes, NULL, 4));
    const double x[] = {1, 2, 3, 4}, y[] = {2, 1, 4, 3}, i[] = {1, 1, 1, 1};
    OK(egdi_dataset_add_numeric(*data, "x", x, 4));
    OK(egdi_dataset_add_numeric(*data, "y", y, 4));
    OK(egdi_dataset_add_numeric(*data, "I", i, 4));
}

START_TEST(index_pca_and_entropy)
{
    egdi_index *idx;
    egdi_dataset *data, *load = NULL, *var = NULL, *det = NULL;
    small_index(&idx, &data);
    egdi_weights_options o = EGDI_WEIGHTS_OPTIONS_INIT;
    double w[3];
    OK(egdi_weights_pca(idx, data, &o, w, 3, &load, &var));
    ck_assert(isnan(w[0]));
    NEAR(w[1], 1 / sqrt(2.0), 1e-14);
    NEAR(col_value(load, "y", "PC2"), -1 / sqrt(2.0), 1e-14);
    NEAR(col_value(var, "I.PC1", "Variance"), 0.8, 1e-14); /* 1.6 / 2 */
    NEAR(col_value(var, "I.PC2", "Rows"), 4, 0);
    OK(egdi_weights_entropy(idx, data, &o, w, 3, &det));
    /* x = (1,2,3,4): p = k/10; y is a permutation of x: equal entropies, weights 1/2 */
    NEAR(w[1], 0.5, 1e-15);
    NEAR(col_value(det, "y", "Weight"), 0.5, 1e-15);
    double ex = -(0.1 * log(0.1) + 0.2 * log(0.2) + 0.3 * log(0.3) + 0.4 * log(0.4)) / log(4);
    NEAR(col_value(det, "x", "Entropy"), ex, 1e-15);
    o.level = 3;
    FAILS(egdi_weights_pca(idx, data, &o, w, 3, NULL, NULL), EGDI_ERR_NOT_FOUND, "level 3");
    o.level = 1;
    o.under = "nope";
    FAILS(egdi_weights_entropy(idx, data, &o, w, 3, NULL), EGDI_ERR_NOT_FOUND, "'nope'");
    egdi_dataset_free(load);
    egdi_dataset_free(var);
    egdi_dataset_free(det);
    egdi_index_free(idx);
    egdi_dataset_free(data);
}
END_TEST

/* I = a x + b y with var x = var y = s^2 and cov = 0.6 s^2:
 * corr(x, I) / corr(y, I) = (a + 0.6 b) / (0.6 a + b), at most 1 / 0.6 (b = 0), so
 * x's share c_x / (c_x + c_y) is at most 1 / 1.6 = 0.625. Targets (2, 1) ask for 2/3:
 * the best non-negative weights are (1, 0), share (0.625, 0.375), objective
 * log(mean((2/3 - 0.625)^2, (1/3 - 0.375)^2)) = log((1/24)^2). At equal weights the
 * shares are 1/2 each: log(mean((1/6)^2, (1/6)^2)) = log(1/36). */
START_TEST(optimised_by_hand)
{
    egdi_index *idx;
    egdi_dataset *data, *det = NULL;
    small_index(&idx, &data);
    egdi_weights_opt_options o = EGDI_WEIGHTS_OPT_OPTIONS_INIT;
    const double targets[] = {2, 1}, equal[] = {1, 1};
    o.level = 1;
    o.targets = targets;
    o.n_targets = 2;
    o.start = equal;
    o.n_start = 2;
    o.tolerance = 1e-8;
    egdi_weights_opt_report r = {EGDI_WEIGHTS_OPT_REPORT_VERSION, 0, 0, 0, 0, 0, 0};
    double w[3];
    OK(egdi_weights_optimise(idx, data, &o, w, 3, &r, &det));
    NEAR(r.start_objective, log(1.0 / 36), 1e-12);
    NEAR(r.objective, log(1.0 / 576), 1e-6);
    ck_assert_msg(r.converged == 1, "%zu iterations, size %g", r.iterations, r.size);
    ck_assert(isnan(w[0]));
    NEAR(w[1], 1, 1e-4);
    NEAR(col_value(det, "x", "Share"), 0.625, 1e-5);
    NEAR(col_value(det, "x", "Target"), 2.0 / 3, 1e-15);
    NEAR(col_value(det, "y", "Start"), 0.5, 1e-15);
    egdi_dataset_free(det);
    /* equal targets are met exactly at equal weights (symmetry) */
    o.targets = NULL;
    o.max_iter = 0;
    OK(egdi_weights_optimise(idx, data, &o, w, 3, &r, NULL));
    ck_assert_uint_eq(r.iterations, 0);
    NEAR(r.objective, log(DBL_MIN), 1e-9);
    /* errors */
    o.level = 2;
    FAILS(egdi_weights_optimise(idx, data, &o, w, 3, &r, NULL), EGDI_ERR_INVALID_ARG,
          "at least 2");
    o.level = 1;
    o.n_start = 3;
    FAILS(egdi_weights_optimise(idx, data, &o, w, 3, &r, NULL), EGDI_ERR_INVALID_ARG,
          "3 starting weights for 2 nodes");
    egdi_index_free(idx);
    egdi_dataset_free(data);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("analysis_weights");
    TCase *tc = tcase_create("weights");
    tcase_add_test(tc, rescaled_and_effective);
    tcase_add_test(tc, set_and_equal);
    tcase_add_test(tc, pca_by_hand);
    tcase_add_test(tc, entropy_by_hand);
    tcase_add_test(tc, index_pca_and_entropy);
    tcase_add_test(tc, optimised_by_hand);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
