/* Outlier treatment (COINr's Treat() defaults), values derived by hand.
 *
 * x = nine 0s and one 10 (n = 10): mean 1; deviations nine -1 and one 9:
 *   sum d^2 = 9 + 81 = 90, sum d^3 = -9 + 729 = 720, sum d^4 = 9 + 6561 = 6570;
 *   skew = sqrt(10) 720 / 90^1.5 * sqrt(10 * 9) / 8 = sqrt(10) (90^1.5 = 90 sqrt(90));
 *   r = 10 * 6570 / 90^2 = 73/9, kurt = (11 (73/9 - 3) + 6) * 9 / (8 * 7) = 560/56 = 10.
 * So it fails (|skew| >= 2, kurt >= 3.5). Any affine image has the same skew and kurt. */
#include "test_util.h"

static egdi_index *one_indicator(const char *method, const char *params, int direction)
{
    egdi_index *idx = NULL;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "top", NULL, 1));
    OK(egdi_index_add_indicator(idx, "x", "top", 1));
    OK(egdi_index_set_direction(idx, "x", direction));
    OK(egdi_index_set_treatment(idx, "x", method, params));
    return idx;
}

static egdi_dataset *column(const double *x, size_t n)
{
    egdi_dataset *ds = NULL;
    static const char *const codes[] = {"u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8",
                                        "u9"};
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_units(ds, codes, NULL, n));
    OK(egdi_dataset_add_numeric(ds, "x", x, n));
    return ds;
}

START_TEST(winsorise_one_point_high_and_low)
{
    for (int side = 0; side < 2; side++) {
        double x[10] = {0};
        x[9] = side ? -10 : 10; /* low side: skew -sqrt(10) */
        egdi_index *idx = one_indicator("winsorise", NULL, side ? -1 : 1);
        egdi_dataset *ds = column(x, 10);
        egdi_result *res = NULL;
        OK(egdi_compute(idx, ds, &res));
        egdi_treatment_info ti = {.version = EGDI_TREATMENT_INFO_VERSION};
        int pts[10];
        OK(egdi_result_get_treatment(res, "x", &ti, pts, 10));
        ck_assert_int_eq(ti.pass[0], 0);
        NEAR(ti.skew[0], side ? -sqrt(10) : sqrt(10), 1e-14);
        NEAR(ti.kurt[0], 10, 1e-13);
        /* the extreme takes the next value (0): constant, the check is undefined, no log */
        ck_assert(ti.winsorised && ti.n_winsorised == 1 && !ti.logged);
        ck_assert_int_eq(ti.pass[1], -1);
        ck_assert_int_eq(pts[9], side ? EGDI_POINT_WINLO : EGDI_POINT_WINHI);
        ck_assert_int_eq(pts[0], 0);
        double raw[10];
        OK(egdi_result_get_raw(res, "x", raw, 10)); /* treated, then the direction */
        for (int i = 0; i < 10; i++)
            ck_assert(raw[i] == 0);
        egdi_result_free(res);
        egdi_dataset_free(ds);
        egdi_index_free(idx);
    }
}
END_TEST

START_TEST(log_and_forced_winsorisation)
{
    /* log: log(x - 0 + 0.01 * 10) = log(0.1) and log(10.1); still two values in the same
     * proportions: skew sqrt(10), kurt 10, so it still fails, and is kept */
    double x[10] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 10};
    egdi_index *idx = one_indicator("log", NULL, 1);
    egdi_dataset *ds = column(x, 10);
    egdi_result *res = NULL;
    OK(egdi_compute(idx, ds, &res));
    egdi_treatment_info ti = {.version = EGDI_TREATMENT_INFO_VERSION};
    OK(egdi_result_get_treatment(res, "x", &ti, NULL, 0));
    ck_assert(ti.logged && !ti.winsorised && ti.pass[2] == 0 && ti.n_points == 10);
    NEAR(ti.skew[2], sqrt(10), 1e-12);
    double raw[10];
    OK(egdi_result_get_raw(res, "x", raw, 10));
    NEAR(raw[0], log(0.1), 1e-15);
    NEAR(raw[9], log(10.1), 1e-15);
    egdi_result_free(res);
    egdi_dataset_free(ds);
    egdi_index_free(idx);
    /* force=1 on 1..5 (passes: skew 0): step 1 skew 0 >= 0, 5 -> 4: {1,2,3,4,4};
     * step 2: deviations from 2.8 sum to -2.88 cubed, skew < 0, 1 -> 2: {2,2,3,4,4};
     * nwin = 1 (last high set) + 1 (last low set) = 2 = winmax: stop */
    double y[5] = {1, 2, 3, 4, 5};
    idx = one_indicator("winsorise", "winmax=2 force=1", 1);
    ds = column(y, 5);
    OK(egdi_compute(idx, ds, &res));
    int pts[5];
    OK(egdi_result_get_treatment(res, "x", &ti, pts, 5));
    ck_assert(ti.pass[0] == 1 && ti.winsorised && ti.n_winsorised == 2 && !ti.logged);
    ck_assert(pts[0] == EGDI_POINT_WINLO && pts[4] == EGDI_POINT_WINHI && pts[2] == 0);
    OK(egdi_result_get_raw(res, "x", raw, 5));
    const double want[5] = {2, 2, 3, 4, 4};
    for (int i = 0; i < 5; i++)
        ck_assert(raw[i] == want[i]);
    egdi_result_free(res);
    egdi_dataset_free(ds);
    egdi_index_free(idx);
}
END_TEST

START_TEST(settings_and_refusals)
{
    egdi_index *idx = one_indicator("none", NULL, 1);
    FAILS(egdi_index_set_treatment(idx, "x", "winsorize", NULL), EGDI_ERR_INVALID_INDEX,
          "unknown treatment 'winsorize' (none|winsorise|log)");
    FAILS(egdi_index_set_treatment(idx, "top", "winsorise", NULL), EGDI_ERR_INVALID_INDEX,
          "aggregate");
    FAILS(egdi_index_set_treatment(idx, "x", "winsorise", "winmax=-1"), EGDI_ERR_INVALID_INDEX,
          "winmax");
    OK(egdi_index_set_treatment(idx, NULL, "winsorise", "winmax=3 kurt=4"));
    double p[4];
    size_t k;
    OK(egdi_index_find_node(idx, "x", &k));
    ck_assert_int_eq(egdi_index_node_treatment(idx, k), EGDI_TREAT_WINSORISE);
    OK(egdi_index_node_treatment_params(idx, k, p, 4));
    ck_assert(p[0] == 3 && p[1] == 2 && p[2] == 4 && p[3] == 0);
    ck_assert_str_eq(egdi_treat_param_name(EGDI_TREAT_WINSORISE, 0), "winmax");
    egdi_index *cp = NULL; /* clones keep the treatment */
    OK(egdi_index_clone(idx, &cp));
    ck_assert_int_eq(egdi_index_node_treatment(cp, k), EGDI_TREAT_WINSORISE);
    egdi_index_free(cp);
    /* fewer than 4 values: no kurtosis (COINr stops with an error) */
    double x[3] = {1, 2, 50};
    egdi_dataset *ds = column(x, 3);
    egdi_result *res = NULL;
    FAILS(egdi_compute(idx, ds, &res), EGDI_ERR_DATA, "indicator 'x': outlier treatment "
          "(winsorise) needs at least 4 values");
    egdi_dataset_free(ds);
    egdi_index_free(idx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("treat");
    TCase *tc = tcase_create("treat");
    tcase_add_test(tc, winsorise_one_point_high_and_low);
    tcase_add_test(tc, log_and_forced_winsorisation);
    tcase_add_test(tc, settings_and_refusals);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
