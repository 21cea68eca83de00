/* Missing data: aggregation over the children that have a value, MinShare, zero weights,
 * and imputation. Every expected value is derived by hand in the comments; tolerance
 * 1e-12 (a few ulps of values below 100). */
#include "test_util.h"

#define TOL 1e-12

/* A dataset of n units u1..un with numeric columns given as (name, values) pairs. */
static egdi_dataset *units(size_t n)
{
    egdi_dataset *ds;
    char code[32];
    OK(egdi_dataset_new(&ds));
    for (size_t i = 0; i < n; i++) {
        snprintf(code, sizeof code, "u%zu", i + 1);
        OK(egdi_dataset_add_unit(ds, code, NULL, NULL));
    }
    return ds;
}

static void scores(const egdi_index *idx, const egdi_dataset *ds, const char *node, double *out)
{
    egdi_result *res;
    OK(egdi_compute(idx, ds, &res));
    OK(egdi_result_get_scores(res, node, out, egdi_dataset_n_units(ds)));
    egdi_result_free(res);
}

START_TEST(mean_skips_missing_children)
{
    /* u1: x = NaN, y = 4, z = 6, weights 1, 2, 1 -> (2*4 + 1*6) / (2 + 1) = 14/3
     * u2: x = 1, y = 2, z = 3 -> (1 + 4 + 3) / 4 = 2
     * u3: all missing -> missing (also with MinShare 0) */
    egdi_dataset *ds = units(3);
    OK(egdi_dataset_add_numeric(ds, "x", (double[]){NAN, 1, NAN}, 3));
    OK(egdi_dataset_add_numeric(ds, "y", (double[]){4, 2, NAN}, 3));
    OK(egdi_dataset_add_numeric(ds, "z", (double[]){6, 3, NAN}, 3));
    egdi_index *idx;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "a", NULL, 1));
    OK(egdi_index_add_indicator(idx, "x", "a", 1));
    OK(egdi_index_add_indicator(idx, "y", "a", 2));
    OK(egdi_index_add_indicator(idx, "z", "a", 1));
    size_t k;
    OK(egdi_index_find_node(idx, "a", &k));
    ck_assert_double_eq(egdi_index_node_min_share(idx, k), 0); /* custom default: 0 */
    OK(egdi_index_find_node(idx, "x", &k));
    ck_assert(isnan(egdi_index_node_min_share(idx, k))); /* indicators have none */
    double v[3];
    scores(idx, ds, "a", v);
    NEAR(v[0], 14.0 / 3, TOL);
    NEAR(v[1], 2.0, TOL);
    ck_assert(isnan(v[2]));
    /* geometric mean, same weights: u1 exp((2 ln 4 + ln 6) / 3) = (96)^(1/3);
     * u2 (1 * 2^2 * 3)^(1/4) = 12^(1/4) */
    OK(egdi_index_set_aggregation(idx, "a", EGDI_AGG_GEOMEAN));
    scores(idx, ds, "a", v);
    NEAR(v[0], cbrt(96.0), TOL);
    NEAR(v[1], pow(12.0, 0.25), TOL);
    ck_assert(isnan(v[2]));
    /* a missing aggregate is skipped by its parent like any child:
     * root r = mean(a, w) with w = 10 for all: u3 -> 10; u1 -> (14/3 + 10) / 2 = 22/3 */
    OK(egdi_index_set_aggregation(idx, "a", EGDI_AGG_MEAN));
    OK(egdi_dataset_add_numeric(ds, "w", (double[]){10, 10, 10}, 3));
    egdi_index *root;
    OK(egdi_index_new(&root));
    OK(egdi_index_add_aggregate(root, "r", NULL, 1));
    OK(egdi_index_add_aggregate(root, "a", "r", 1));
    OK(egdi_index_add_indicator(root, "x", "a", 1));
    OK(egdi_index_add_indicator(root, "y", "a", 2));
    OK(egdi_index_add_indicator(root, "z", "a", 1));
    OK(egdi_index_add_indicator(root, "w", "r", 1));
    scores(root, ds, "r", v);
    NEAR(v[0], 22.0 / 3, TOL);
    NEAR(v[1], 6.0, TOL); /* (2 + 10) / 2 */
    NEAR(v[2], 10.0, TOL);
    egdi_index_free(root);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

/* Four equally weighted children c1..c4 = 1, 2, 3, 4; u1 has all, u2 lacks c4, u3 lacks c3
 * and c4, u4 has only c1. Shares 1, 0.75, 0.5, 0.25; means 2.5, 2, 1.5, 1. */
START_TEST(min_share_boundaries)
{
    egdi_dataset *ds = units(4);
    OK(egdi_dataset_add_numeric(ds, "c1", (double[]){1, 1, 1, 1}, 4));
    OK(egdi_dataset_add_numeric(ds, "c2", (double[]){2, 2, 2, NAN}, 4));
    OK(egdi_dataset_add_numeric(ds, "c3", (double[]){3, 3, NAN, NAN}, 4));
    OK(egdi_dataset_add_numeric(ds, "c4", (double[]){4, NAN, NAN, NAN}, 4));
    egdi_index *idx;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "a", NULL, 1));
    const char *c[4] = {"c1", "c2", "c3", "c4"};
    for (int k = 0; k < 4; k++)
        OK(egdi_index_add_indicator(idx, c[k], "a", 1));
    const double mean[4] = {2.5, 2, 1.5, 1}, share[4] = {1, 0.75, 0.5, 0.25};
    /* a value is kept iff share >= MinShare: equal keeps it, strictly below drops it */
    const double min_share[] = {0, 0.25, 0.5, 0.5000001, 0.75, 0.76, 1};
    for (size_t m = 0; m < sizeof min_share / sizeof *min_share; m++) {
        OK(egdi_index_set_min_share(idx, "a", min_share[m]));
        double v[4];
        scores(idx, ds, "a", v);
        for (int i = 0; i < 4; i++) {
            if (share[i] >= min_share[m])
                ck_assert_msg(fabs(v[i] - mean[i]) <= TOL, "MinShare %g, u%d: %g", min_share[m],
                              i + 1, v[i]);
            else
                ck_assert_msg(isnan(v[i]), "MinShare %g, u%d: %g, expected missing",
                              min_share[m], i + 1, v[i]);
        }
    }
    FAILS(egdi_index_set_min_share(idx, "a", 1.5), EGDI_ERR_INVALID_INDEX, "not in [0, 1]");
    FAILS(egdi_index_set_min_share(idx, "a", NAN), EGDI_ERR_INVALID_INDEX, "not in [0, 1]");
    FAILS(egdi_index_set_min_share(idx, "c1", 0.5), EGDI_ERR_INVALID_INDEX, "indicator");
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

/* The share is (children with a value) / (children), compared with MinShare as a ratio:
 * 25 children, MinShare 0.28 = 7/25 (7.0 / 25 == 0.28 in doubles). u1 has 7 children, share
 * exactly 0.28: kept (mean of 1..7 = 4); u2 has 6: 0.24 < 0.28, missing. */
START_TEST(min_share_exact_ratio)
{
    ck_assert(7.0 / 25 == 0.28);
    egdi_dataset *ds = units(2);
    egdi_index *idx;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "a", NULL, 1));
    char name[16];
    for (int k = 1; k <= 25; k++) {
        snprintf(name, sizeof name, "c%d", k);
        OK(egdi_dataset_add_numeric(ds, name, (double[]){k <= 7 ? k : NAN, k <= 6 ? k : NAN}, 2));
        OK(egdi_index_add_indicator(idx, name, "a", 1));
    }
    OK(egdi_index_set_min_share(idx, "a", 0.28));
    double v[2];
    scores(idx, ds, "a", v);
    NEAR(v[0], 4.0, TOL);
    ck_assert(isnan(v[1]));
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(zero_weight_children)
{
    /* a = mean(x w1, y w1, z w0) with MinShare 1. z is missing for u1 and present (1000) for
     * u2: z takes no part either way. u1: (2 + 4) / 2 = 3; u2: (6 + 8) / 2 = 7. u3 lacks y:
     * share 1/2 < 1, missing. */
    egdi_dataset *ds = units(3);
    OK(egdi_dataset_add_numeric(ds, "x", (double[]){2, 6, 1}, 3));
    OK(egdi_dataset_add_numeric(ds, "y", (double[]){4, 8, NAN}, 3));
    OK(egdi_dataset_add_numeric(ds, "z", (double[]){NAN, 1000, 5}, 3));
    egdi_index *idx;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "a", NULL, 1));
    OK(egdi_index_add_indicator(idx, "x", "a", 1));
    OK(egdi_index_add_indicator(idx, "y", "a", 1));
    OK(egdi_index_add_indicator(idx, "z", "a", 0));
    OK(egdi_index_set_min_share(idx, "a", 1));
    double v[3];
    scores(idx, ds, "a", v);
    NEAR(v[0], 3.0, TOL);
    NEAR(v[1], 7.0, TOL);
    ck_assert(isnan(v[2]));
    /* with MinShare 0 u3 keeps x alone: 1 (z still ignored) */
    OK(egdi_index_set_min_share(idx, "a", 0));
    scores(idx, ds, "a", v);
    NEAR(v[2], 1.0, TOL);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

/* Nine units; x = {1, NaN, 3, 10, NaN, 6, NaN, 4, NaN}, y = {2, 9, NaN, 4, 6, NaN...};
 * group g = {A, A, B, A, "", B, C, A, B} (u5 has no group; C's only unit lacks x). */
#define NU 9
static egdi_dataset *impute_data(void)
{
    egdi_dataset *ds = units(NU);
    OK(egdi_dataset_add_numeric(ds, "x", (double[]){1, NAN, 3, 10, NAN, 6, NAN, 4, NAN}, NU));
    OK(egdi_dataset_add_numeric(ds, "y", (double[]){2, 9, NAN, 4, 6, NAN, NAN, NAN, NAN}, NU));
    const char *g[NU] = {"A", "A", "B", "A", NULL, "B", "C", "A", "B"};
    OK(egdi_dataset_add_labels(ds, "g", g, NU));
    return ds;
}

/* Indicator `src` imputed by `m` (normalisation none), its values and flags. */
static void imputed(egdi_impute m, const char *group, const char *src, double *v, int *flag)
{
    egdi_dataset *ds = impute_data();
    egdi_index *idx;
    egdi_result *res;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "a", NULL, 1));
    OK(egdi_index_add_indicator(idx, "i", "a", 1));
    OK(egdi_index_set_source(idx, "i", src));
    OK(egdi_index_set_imputation(idx, "i", m, group));
    OK(egdi_compute(idx, ds, &res));
    OK(egdi_result_get_scores(res, "i", v, NU));
    OK(egdi_result_get_imputed(res, "i", flag, NU));
    egdi_result_free(res);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}

/* expected[i]: NaN = stays missing (flag 0); the cells present in `src` are unchanged. */
static void expect(const double *v, const int *flag, const double *src, const double *want)
{
    for (int i = 0; i < NU; i++) {
        if (!isnan(src[i])) {
            ck_assert_msg(v[i] == src[i] && flag[i] == 0, "u%d changed", i + 1);
        } else if (isnan(want[i])) {
            ck_assert_msg(isnan(v[i]) && flag[i] == 0, "u%d: %g flag %d", i + 1, v[i], flag[i]);
        } else {
            NEAR(v[i], want[i], TOL);
            ck_assert_msg(flag[i] == 1, "u%d not flagged", i + 1);
        }
    }
}

START_TEST(imputation_methods)
{
    const double x[NU] = {1, NAN, 3, 10, NAN, 6, NAN, 4, NAN};
    const double y[NU] = {2, 9, NAN, 4, 6, NAN, NAN, NAN, NAN};
    double v[NU];
    int f[NU];
    /* mean of x: (1 + 3 + 10 + 6 + 4) / 5 = 4.8 for every missing cell */
    imputed(EGDI_IMPUTE_MEAN, NULL, "x", v, f);
    expect(v, f, x, (double[]){0, 4.8, 0, 0, 4.8, 0, 4.8, 0, 4.8});
    /* median of x, odd count: sorted 1 3 4 6 10 -> 4 */
    imputed(EGDI_IMPUTE_MEDIAN, NULL, "x", v, f);
    expect(v, f, x, (double[]){0, 4, 0, 0, 4, 0, 4, 0, 4});
    /* y: mean (2 + 9 + 4 + 6) / 4 = 5.25; median, even count: sorted 2 4 6 9 -> (4 + 6)/2 = 5 */
    imputed(EGDI_IMPUTE_MEAN, NULL, "y", v, f);
    expect(v, f, y, (double[]){0, 0, 5.25, 0, 0, 5.25, 5.25, 5.25, 5.25});
    imputed(EGDI_IMPUTE_MEDIAN, NULL, "y", v, f);
    expect(v, f, y, (double[]){0, 0, 5, 0, 0, 5, 5, 5, 5});
    /* group mean of x: A = {1, 10, 4} -> 5; B = {3, 6} -> 4.5; u5 has no group and C has
     * no value: both stay missing, unflagged */
    imputed(EGDI_IMPUTE_GROUP_MEAN, "g", "x", v, f);
    expect(v, f, x, (double[]){0, 5, 0, 0, NAN, 0, NAN, 0, 4.5});
    /* group median of x: A sorted 1 4 10 -> 4 (odd); B 3 6 -> 4.5 (even) */
    imputed(EGDI_IMPUTE_GROUP_MEDIAN, "g", "x", v, f);
    expect(v, f, x, (double[]){0, 4, 0, 0, NAN, 0, NAN, 0, 4.5});
    /* group mean of y: A = {2, 9, 4} -> 5 (u8); B has no y at all (u3, u6, u9 stay missing) */
    imputed(EGDI_IMPUTE_GROUP_MEAN, "g", "y", v, f);
    expect(v, f, y, (double[]){0, 0, NAN, 0, 0, NAN, NAN, 5, NAN});
    /* group median of y: A sorted 2 4 9 -> 4 */
    imputed(EGDI_IMPUTE_GROUP_MEDIAN, "g", "y", v, f);
    expect(v, f, y, (double[]){0, 0, NAN, 0, 0, NAN, NAN, 4, NAN});
    /* none: nothing filled, nothing flagged */
    imputed(EGDI_IMPUTE_NONE, NULL, "x", v, f);
    expect(v, f, x, (double[]){0, NAN, 0, 0, NAN, 0, NAN, 0, NAN});
}
END_TEST

START_TEST(imputation_errors)
{
    egdi_dataset *ds = impute_data();
    egdi_index *idx;
    egdi_result *res = NULL;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "a", NULL, 1));
    OK(egdi_index_add_indicator(idx, "x", "a", 1));
    FAILS(egdi_index_set_imputation(idx, "x", EGDI_IMPUTE_GROUP_MEAN, NULL),
          EGDI_ERR_INVALID_INDEX, "needs a group column");
    FAILS(egdi_index_set_imputation(idx, "x", EGDI_IMPUTE_MEAN, "g"), EGDI_ERR_INVALID_INDEX,
          "takes no group column");
    FAILS(egdi_index_set_imputation(idx, "a", EGDI_IMPUTE_MEAN, NULL), EGDI_ERR_INVALID_INDEX,
          "aggregate");
    FAILS(egdi_index_set_imputation(idx, "x", (egdi_impute)9, NULL), EGDI_ERR_INVALID_INDEX,
          "unknown imputation");
    /* the group column must exist in the data */
    OK(egdi_index_set_imputation(idx, "x", EGDI_IMPUTE_GROUP_MEAN, "region"));
    FAILS(egdi_compute(idx, ds, &res), EGDI_ERR_NOT_FOUND, "'region'");
    ck_assert_ptr_null(res);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(impute_then_zscore)
{
    /* x imputed by its mean 4.8: {1, 4.8, 3, 10, 4.8, 6, 4.8, 4, 4.8}. The z-score is fitted
     * after imputation: mean 4.8 (filling with the mean keeps it); squared deviations 14.44,
     * 3.24, 27.04, 1.44, 0.64 (sum 46.8) and 0 for the four filled cells, so the population
     * variance is 46.8 / 9 = 5.2. z(u4) = 5.2 / sqrt(5.2) = sqrt(5.2); z(u1) = -3.8/sqrt(5.2);
     * filled cells 0. (Fitted before imputation it would be 5.2 / sqrt(46.8 / 5).) */
    egdi_dataset *ds = impute_data();
    egdi_index *idx;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_indicator(idx, "x", NULL, 1));
    OK(egdi_index_set_imputation(idx, "x", EGDI_IMPUTE_MEAN, NULL));
    OK(egdi_index_set_method(idx, "x", EGDI_STEP_NORMALISE, "zscore", NULL));
    double v[NU];
    scores(idx, ds, "x", v);
    NEAR(v[3], sqrt(5.2), TOL);
    NEAR(v[0], -3.8 / sqrt(5.2), TOL);
    NEAR(v[1], 0.0, TOL);
    NEAR(v[8], 0.0, TOL);
    ck_assert(fabs(v[3] - 5.2 / sqrt(46.8 / 5)) > 0.5); /* distinguishable from the other order */
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(survey_presets_min_share)
{
    /* the Survey ranks only countries with every component and indicator */
    const egdi_survey_input kinds[2] = {EGDI_INPUT_COMPONENTS, EGDI_INPUT_RAW};
    for (int t = 0; t < 2; t++) {
        egdi_index *idx;
        OK(egdi_survey_index(2022, kinds[t], &idx));
        size_t n_agg = 0;
        for (size_t k = 0; k < egdi_index_n_nodes(idx); k++) {
            if (egdi_index_node_is_indicator(idx, k))
                continue;
            ck_assert_msg(egdi_index_node_min_share(idx, k) == 1.0, "%s",
                          egdi_index_node_code(idx, k));
            n_agg++;
        }
        ck_assert_uint_eq(n_agg, kinds[t] == EGDI_INPUT_RAW ? 3 : 1); /* egdi (tii, hci) */
        egdi_index_free(idx);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("methods_missing");
    TCase *tc = tcase_create("missing");
    tcase_add_test(tc, mean_skips_missing_children);
    tcase_add_test(tc, min_share_boundaries);
    tcase_add_test(tc, min_share_exact_ratio);
    tcase_add_test(tc, zero_weight_children);
    tcase_add_test(tc, imputation_methods);
    tcase_add_test(tc, imputation_errors);
    tcase_add_test(tc, impute_then_zscore);
    tcase_add_test(tc, survey_presets_min_share);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
