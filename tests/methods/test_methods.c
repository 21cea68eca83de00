/* Per-node methods on hand-computed fixtures. Every expected value is derived
 * in the comments; tolerance 1e-12 unless stated (exact arithmetic up to a few ulps). */
#include "test_util.h"

#define TOL 1e-12

/* Units u1..u4 with indicator x = {1, 2, 3, 6}, y = {4, 4, 0, 2}, w = {4, 8, 3, 6}. */
static egdi_dataset *fixture(void)
{
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    const char *u[4] = {"u1", "u2", "u3", "u4"};
    for (int i = 0; i < 4; i++)
        OK(egdi_dataset_add_unit(ds, u[i], NULL, NULL));
    OK(egdi_dataset_add_numeric(ds, "x", (double[]){1, 2, 3, 6}, 4));
    OK(egdi_dataset_add_numeric(ds, "y", (double[]){4, 4, 0, 2}, 4));
    OK(egdi_dataset_add_numeric(ds, "w", (double[]){4, 8, 3, 6}, 4));
    OK(egdi_dataset_add_numeric(ds, "gap", (double[]){1, NAN, 3, 5}, 4));
    OK(egdi_dataset_add_numeric(ds, "flat", (double[]){2, 2, 2, 2}, 4));
    return ds;
}

/* One stand-alone indicator on column `src`, with the given method; returns its scores. */
static void single(const char *src, egdi_norm m, const double *p, size_t np, int dir,
                   double cap_hi, double out[4])
{
    egdi_dataset *ds = fixture();
    egdi_index *idx;
    egdi_result *res;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_indicator(idx, "i", NULL, 1));
    OK(egdi_index_set_source(idx, "i", src));
    OK(egdi_index_set_normalization(idx, "i", m, p, np));
    OK(egdi_index_set_direction(idx, "i", dir));
    OK(egdi_index_set_caps(idx, "i", NAN, cap_hi));
    OK(egdi_compute(idx, ds, &res));
    OK(egdi_result_get_scores(res, "i", out, 4));
    egdi_result_free(res);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}

START_TEST(zscore_population_sd)
{
    /* x = {1,2,3,6}: mean 3; population variance (4+1+0+9)/4 = 3.5; sd = 1.8708286933869707
     * z = (x-3)/sd = {-1.0690449676496976, -0.5345224838248488, 0, 1.6035674514745464} */
    double z[4];
    single("x", EGDI_NORM_ZSCORE, NULL, 0, 1, NAN, z);
    NEAR(z[0], -1.0690449676496976, TOL);
    NEAR(z[1], -0.5345224838248488, TOL);
    NEAR(z[2], 0.0, TOL);
    NEAR(z[3], 1.6035674514745464, TOL);
    /* target mean 10, sd 2: 10 + 2 z */
    single("x", EGDI_NORM_ZSCORE, (double[]){10, 2}, 2, 1, NAN, z);
    NEAR(z[3], 10 + 2 * 1.6035674514745464, TOL);
}
END_TEST

START_TEST(minmax_caps_direction)
{
    double v[4];
    /* (x - 1) / (6 - 1) = {0, 0.2, 0.4, 1} */
    single("x", EGDI_NORM_MINMAX, NULL, 0, 1, NAN, v);
    NEAR(v[1], 0.2, TOL);
    NEAR(v[2], 0.4, TOL);
    NEAR(v[3], 1.0, TOL);
    /* cap at 4 first: {1,2,3,4} -> {0, 1/3, 2/3, 1} */
    single("x", EGDI_NORM_MINMAX, NULL, 0, 1, 4, v);
    NEAR(v[1], 1.0 / 3, TOL);
    NEAR(v[2], 2.0 / 3, TOL);
    /* direction -1: (6 - x) / 5 = {1, 0.8, 0.6, 0} */
    single("x", EGDI_NORM_MINMAX, NULL, 0, -1, NAN, v);
    NEAR(v[0], 1.0, TOL);
    NEAR(v[1], 0.8, TOL);
    NEAR(v[3], 0.0, TOL);
    /* target range [0, 100]: {0, 20, 40, 100} */
    single("x", EGDI_NORM_MINMAX, (double[]){0, 100}, 2, 1, NAN, v);
    NEAR(v[2], 40.0, 1e-10);
    /* missing values are skipped by the statistics and stay missing:
     * gap = {1, NaN, 3, 5} -> {0, NaN, 0.5, 1} */
    single("gap", EGDI_NORM_MINMAX, NULL, 0, 1, NAN, v);
    ck_assert(isnan(v[1]));
    NEAR(v[2], 0.5, TOL);
}
END_TEST

START_TEST(goalposts_and_fracmax)
{
    double v[4];
    /* goalposts 0..5: x/5 clipped = {0.2, 0.4, 0.6, 1} (6 is clipped to 1) */
    single("x", EGDI_NORM_GOALPOSTS, (double[]){0, 5}, 2, 1, NAN, v);
    NEAR(v[0], 0.2, TOL);
    NEAR(v[3], 1.0, TOL);
    /* scale 100: {20, 40, 60, 100} */
    single("x", EGDI_NORM_GOALPOSTS, (double[]){0, 5, 100}, 3, 1, NAN, v);
    NEAR(v[2], 60.0, 1e-10);
    /* fraction of the maximum 6: {1/6, 1/3, 1/2, 1} */
    single("x", EGDI_NORM_FRACMAX, NULL, 0, 1, NAN, v);
    NEAR(v[0], 1.0 / 6, TOL);
    NEAR(v[2], 0.5, TOL);
}
END_TEST

START_TEST(weighted_means)
{
    egdi_dataset *ds = fixture();
    egdi_index *idx;
    egdi_result *res;
    double v[4];
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "arith", NULL, 1));
    OK(egdi_index_add_indicator(idx, "x", "arith", 3));
    OK(egdi_index_add_indicator(idx, "y", "arith", 1));
    OK(egdi_index_add_aggregate(idx, "geo", NULL, 1));
    OK(egdi_index_add_indicator(idx, "xx", "geo", 1));
    OK(egdi_index_set_source(idx, "xx", "x"));
    OK(egdi_index_add_indicator(idx, "w", "geo", 1));
    OK(egdi_index_set_aggregation(idx, "geo", EGDI_AGG_GEOMEAN));
    OK(egdi_compute(idx, ds, &res));
    /* (3x + y)/4 = {7/4, 10/4, 9/4, 20/4} */
    OK(egdi_result_get_scores(res, "arith", v, 4));
    NEAR(v[0], 1.75, TOL);
    NEAR(v[1], 2.5, TOL);
    NEAR(v[2], 2.25, TOL);
    NEAR(v[3], 5.0, TOL);
    /* sqrt(x w) = {sqrt 4, sqrt 16, sqrt 9, sqrt 36} = {2, 4, 3, 6} */
    OK(egdi_result_get_scores(res, "geo", v, 4));
    NEAR(v[0], 2.0, TOL);
    NEAR(v[1], 4.0, TOL);
    NEAR(v[2], 3.0, TOL);
    NEAR(v[3], 6.0, TOL);
    /* the full matrix is node-major: row 0 = "arith" */
    double m[6 * 4];
    OK(egdi_result_get_matrix(res, m, 24));
    NEAR(m[3], 5.0, TOL);
    /* recompute in place with new weights (x only): arith = x */
    OK(egdi_index_set_weight(idx, "y", 0));
    OK(egdi_compute_into(idx, ds, res));
    OK(egdi_result_get_scores(res, "arith", v, 4));
    NEAR(v[3], 6.0, TOL);
    egdi_result_free(res);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(survey_style_composite)
{
    /* TII-like node as the Survey builds it from 2020: cap 120, z-score each indicator,
     * mean, min-max the composite.
     * i1 = {10, 20, 30}: z1 = {-1.2247448713915890, 0, 1.2247448713915890}
     * i2 = {0, 10, 150} capped to {0, 10, 120}: mean 130/3, population sd 54.365021434333...
     *      z2 = {-0.7970811413304, -0.6131393394849, 1.4102204808153}
     * mean c = {-1.0109130063610, -0.3065696697425, 1.3174826761035}
     * min-max: {0, (c2-c1)/(c3-c1) = 0.7043433366186/2.3283956824645 = 0.3025015644562, 1} */
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    for (int i = 0; i < 3; i++)
        OK(egdi_dataset_add_unit(ds, (const char *[]){"a", "b", "c"}[i], NULL, NULL));
    OK(egdi_dataset_add_numeric(ds, "i1", (double[]){10, 20, 30}, 3));
    OK(egdi_dataset_add_numeric(ds, "i2", (double[]){0, 10, 150}, 3));
    egdi_index *idx;
    egdi_result *res;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "tii", NULL, 1));
    OK(egdi_index_set_normalization(idx, "tii", EGDI_NORM_MINMAX, NULL, 0));
    const char *ind[2] = {"i1", "i2"};
    for (int k = 0; k < 2; k++) {
        OK(egdi_index_add_indicator(idx, ind[k], "tii", 0.5));
        OK(egdi_index_set_caps(idx, ind[k], NAN, 120));
        OK(egdi_index_set_normalization(idx, ind[k], EGDI_NORM_ZSCORE, NULL, 0));
    }
    OK(egdi_compute(idx, ds, &res));
    double v[3];
    OK(egdi_result_get_raw(res, "tii", v, 3));
    NEAR(v[1], -0.3065696697425, 1e-12);
    OK(egdi_result_get_scores(res, "tii", v, 3));
    NEAR(v[0], 0.0, TOL);
    NEAR(v[1], 0.3025015644562, 1e-12);
    NEAR(v[2], 1.0, TOL);
    egdi_result_free(res);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(overflow_is_an_error)
{
    /* found by fuzzing: 1e300 * 1e300 overflows the weighted sum although each
     * value is finite; 1.1 gave the aggregate -inf/inf and min-max then gave
     * every unit NaN without an error. Now the node and unit are named. */
    egdi_dataset *ds;
    egdi_index *idx;
    egdi_result *res = NULL;
    const double a[] = {1e300, 1e300, 2e300}, b[] = {1e300, -1e300, 1e300};
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_unit(ds, "u1", NULL, NULL));
    OK(egdi_dataset_add_unit(ds, "u2", NULL, NULL));
    OK(egdi_dataset_add_unit(ds, "u3", NULL, NULL));
    OK(egdi_dataset_add_numeric(ds, "a", a, 3));
    OK(egdi_dataset_add_numeric(ds, "b", b, 3));
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "top", NULL, 1));
    OK(egdi_index_add_indicator(idx, "a", "top", 1e300));
    OK(egdi_index_add_indicator(idx, "b", "top", 1));
    FAILS(egdi_compute(idx, ds, &res), EGDI_ERR_DOMAIN,
          "aggregate 'top': unit 'u1': the weighted mean overflows");
    ck_assert_ptr_null(res);
    egdi_index_free(idx);
    /* min-max over a range wider than a double: -1e308 .. 1e308 */
    const double c[] = {-1e308, 0, 1e308};
    OK(egdi_dataset_add_numeric(ds, "c", c, 3));
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_indicator(idx, "c", NULL, 1));
    OK(egdi_index_set_normalization(idx, "c", EGDI_NORM_MINMAX, NULL, 0));
    FAILS(egdi_compute(idx, ds, &res), EGDI_ERR_DOMAIN, "node 'c': min-max of values from");
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(domain_errors)
{
    egdi_dataset *ds = fixture();
    egdi_index *idx;
    egdi_result *res = NULL;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_indicator(idx, "flat", NULL, 1));
    OK(egdi_index_set_normalization(idx, "flat", EGDI_NORM_ZSCORE, NULL, 0));
    FAILS(egdi_compute(idx, ds, &res), EGDI_ERR_DOMAIN, "node 'flat': z-score of values with zero standard deviation");
    OK(egdi_index_set_normalization(idx, "flat", EGDI_NORM_MINMAX, NULL, 0));
    FAILS(egdi_compute(idx, ds, &res), EGDI_ERR_DOMAIN, "node 'flat': min-max of values that are all 2");
    OK(egdi_index_add_indicator(idx, "nosuch", NULL, 1));
    OK(egdi_index_set_normalization(idx, "flat", EGDI_NORM_NONE, NULL, 0));
    FAILS(egdi_compute(idx, ds, &res), EGDI_ERR_NOT_FOUND, "indicator 'nosuch': the data has no numeric column 'nosuch'");
    ck_assert_ptr_null(res);
    egdi_index_free(idx);
    /* geometric mean of a zero */
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "g", NULL, 1));
    OK(egdi_index_add_indicator(idx, "y", "g", 1));
    OK(egdi_index_set_aggregation(idx, "g", EGDI_AGG_GEOMEAN));
    /* since 1.1 the message names the unit and the child by code (1.0: "unit 3") */
    FAILS(egdi_compute(idx, ds, &res), EGDI_ERR_DOMAIN,
          "aggregate 'g': unit 'u3': child 'y' is 0: the geometric mean needs values > 0");
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("methods");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, zscore_population_sd);
    tcase_add_test(tc, minmax_caps_direction);
    tcase_add_test(tc, goalposts_and_fracmax);
    tcase_add_test(tc, weighted_means);
    tcase_add_test(tc, survey_style_composite);
    tcase_add_test(tc, domain_errors);
    tcase_add_test(tc, overflow_is_an_error);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
