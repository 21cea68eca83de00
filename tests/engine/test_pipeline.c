/* Denomination and screening (pipeline.h), values derived by hand.
 *
 * Units a b c d; x = {2, NA, 6, 0} divided by pop = {2, 4, 3, 1}: {1, NA, 2, 0};
 * y = {4, 8, NA, 0}. Both imputed by their mean: x over a c d = (1 + 2 + 0) / 3 = 1 (b),
 * y over a b d = 12 / 3 = 4 (c). top = mean(x, y), no normalisation. */
#include "test_util.h"

static egdi_index *make_index(void)
{
    egdi_index *idx = NULL;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "top", NULL, 1));
    OK(egdi_index_add_indicator(idx, "x", "top", 1));
    OK(egdi_index_add_indicator(idx, "y", "top", 1));
    OK(egdi_index_set_denominator(idx, "x", "pop"));
    OK(egdi_index_set_imputation(idx, "x", EGDI_IMPUTE_MEAN, NULL));
    OK(egdi_index_set_imputation(idx, "y", EGDI_IMPUTE_MEAN, NULL));
    return idx;
}

static egdi_dataset *make_data(double pop_d)
{
    static const char *const codes[] = {"a", "b", "c", "d"};
    const double x[] = {2, NAN, 6, 0}, y[] = {4, 8, NAN, 0}, pop[] = {2, 4, 3, pop_d};
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_units(ds, codes, NULL, 4));
    OK(egdi_dataset_add_numeric(ds, "x", x, 4));
    OK(egdi_dataset_add_numeric(ds, "y", y, 4));
    OK(egdi_dataset_add_numeric(ds, "pop", pop, 4));
    return ds;
}

START_TEST(denominators)
{
    egdi_index *idx = make_index();
    egdi_dataset *ds = make_data(1);
    egdi_result *res = NULL;
    OK(egdi_compute(idx, ds, &res));
    double v[4];
    OK(egdi_result_get_raw(res, "x", v, 4));
    ck_assert(v[0] == 1 && v[1] == 1 && v[2] == 2 && v[3] == 0);
    OK(egdi_result_get_scores(res, "top", v, 4));
    ck_assert(v[0] == 2.5 && v[1] == 4.5 && v[2] == 3 && v[3] == 0);
    egdi_result_free(res);
    egdi_dataset_free(ds);
    /* a zero denominator under a value is refused naming the unit and the column; under a
     * missing value it does not matter; a missing denominator makes the value missing */
    ds = make_data(0);
    FAILS(egdi_compute(idx, ds, &res), EGDI_ERR_DOMAIN,
          "indicator 'x': unit 'd': denominator column 'pop' is zero");
    egdi_dataset_free(ds);
    ds = make_data(NAN);
    OK(egdi_compute(idx, ds, &res));
    OK(egdi_result_get_raw(res, "x", v, 4)); /* d missing, imputed: (1 + 2) / 2 */
    ck_assert(v[3] == 1.5);
    egdi_result_free(res);
    OK(egdi_index_set_denominator(idx, "x", "area"));
    FAILS(egdi_compute(idx, ds, &res), EGDI_ERR_NOT_FOUND, "no denominator column 'area'");
    FAILS(egdi_index_set_denominator(idx, "top", "pop"), EGDI_ERR_INVALID_INDEX, "aggregate");
    OK(egdi_index_set_denominator(idx, "x", NULL));
    ck_assert_ptr_null(egdi_index_node_denominator(idx, 1));
    egdi_dataset_free(ds);
    egdi_index_free(idx);
}
END_TEST

START_TEST(screen_before_and_after_imputation)
{
    egdi_index *idx = make_index();
    egdi_dataset *ds = make_data(1);
    egdi_pipeline_options o = EGDI_PIPELINE_OPTIONS_INIT;
    egdi_pipeline *pl = NULL;
    /* before imputation, all data needed: b and c (Dat_Avail 0.5) go; x and y imputed over
     * a and d only (nothing missing there) */
    o.screen = EGDI_SCREEN_BY_NA;
    o.dat_thresh = 1;
    o.stage = EGDI_SCREEN_INPUT;
    OK(egdi_pipeline_run(idx, ds, &o, &pl));
    ck_assert_uint_eq(egdi_result_n_units(egdi_pipeline_result(pl)), 2);
    egdi_screen_info si;
    OK(egdi_pipeline_screen_unit(pl, 1, &si));
    ck_assert(si.n_missing == 1 && si.dat_avail == 0.5 && si.low_data && !si.included);
    egdi_pipeline_free(pl);
    /* after imputation, by zeros (Non_Zero < 0.6): d (two zeros of two) goes; b keeps x = 1,
     * imputed from all four units (over a and c only it would be 1.5) */
    o.screen = EGDI_SCREEN_BY_ZEROS;
    o.nonzero_thresh = 0.6;
    o.stage = EGDI_SCREEN_IMPUTED;
    OK(egdi_pipeline_run(idx, ds, &o, &pl));
    const egdi_result *res = egdi_pipeline_result(pl);
    ck_assert_uint_eq(egdi_result_n_units(res), 3);
    double v[3];
    OK(egdi_result_get_scores(res, "top", v, 3));
    ck_assert(v[0] == 2.5 && v[1] == 4.5 && v[2] == 3);
    OK(egdi_pipeline_screen_unit(pl, 3, &si));
    ck_assert(si.n_zero == 2 && si.non_zero == 0 && si.low_nonzero && !si.included);
    egdi_dataset *tab = NULL;
    OK(egdi_pipeline_to_dataset(pl, NULL, &tab)); /* the flags survive the second pass */
    size_t j;
    OK(egdi_dataset_find_column(tab, "imputed", &j));
    ck_assert_str_eq(egdi_dataset_get_label(tab, 1, j), "x");
    ck_assert_str_eq(egdi_dataset_get_label(tab, 2, j), "y");
    egdi_dataset_free(tab);
    OK(egdi_pipeline_screen_table(pl, &tab));
    ck_assert(col_value(tab, "d", "Included") == 0 && col_value(tab, "d", "Non_Zero") == 0);
    egdi_dataset_free(tab);
    egdi_pipeline_free(pl);
    o.dat_thresh = 2; /* refused: not a share */
    FAILS(egdi_pipeline_run(idx, ds, &o, &pl), EGDI_ERR_INVALID_ARG, "0..1");
    const char *both[] = {"a"};
    o.dat_thresh = 0.5;
    o.include = both, o.n_include = 1, o.exclude = both, o.n_exclude = 1;
    FAILS(egdi_pipeline_run(idx, ds, &o, &pl), EGDI_ERR_INVALID_ARG, "both forced");
    egdi_dataset_free(ds);
    egdi_index_free(idx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("pipeline");
    TCase *tc = tcase_create("pipeline");
    tcase_add_test(tc, denominators);
    tcase_add_test(tc, screen_before_and_after_imputation);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
