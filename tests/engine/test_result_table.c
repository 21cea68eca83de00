/* egdi_result_to_dataset(): a result as a table of scores, competition ranks, raw values,
 * imputation flags and the data's labels, on a 4-unit example derived by hand.
 *
 * Data (units a, b, c, d): x = {0.5, 0.9, 0.5, NA}, y = {2, NA, 4, NA}, region = {N, S, N, -}.
 * Index: top = mean(x, y); x: imputed by the mean, no normalisation; y: direction -1,
 * imputed by the mean, min-max.
 *   x imputed for d: (0.5 + 0.9 + 0.5) / 3 = 0.63333...; scores x = {0.5, 0.9, 0.5, 0.6333}
 *     ranks (competition, highest first): b 1, d 2, a 3, c 3 -> {3, 1, 3, 2}
 *   y imputed for b and d: (2 + 4) / 2 = 3; with direction -1 (raw): {-2, -3, -4, -3};
 *     min-max over [-4, -2]: {1, 0.5, 0, 0.5}; ranks {1, 2, 4, 2}
 *   top = (x + y) / 2 = {0.75, 0.7, 0.25, 0.566667}; ranks {1, 2, 4, 3}
 *   rounded to 0 decimals (halves away from zero): top {1, 1, 0, 1}, y {1, 1, 0, 1}: both
 *   ranked {1, 1, 4, 1}
 *   imputed: a "", b "y", c "", d "x;y" (node order). */
#include "test_util.h"

static egdi_dataset *example_data(void)
{
    static const char *const codes[] = {"a", "b", "c", "d"};
    static const char *const names[] = {"Alpha", "Beta", "Gamma", "Delta"};
    static const char *const region[] = {"N", "S", "N", NULL};
    const double x[] = {0.5, 0.9, 0.5, NAN}, y[] = {2, NAN, 4, NAN};
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_units(ds, codes, names, 4));
    OK(egdi_dataset_add_numeric(ds, "x", x, 4));
    OK(egdi_dataset_add_labels(ds, "region", region, 4));
    OK(egdi_dataset_add_numeric(ds, "y", y, 4));
    return ds;
}

static egdi_index *example_index(int impute)
{
    egdi_index *idx = NULL;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "top", NULL, 1));
    OK(egdi_index_add_indicator(idx, "x", "top", 1));
    OK(egdi_index_add_indicator(idx, "y", "top", 1));
    OK(egdi_index_set_direction(idx, "y", -1));
    OK(egdi_index_set_normalization(idx, "y", EGDI_NORM_MINMAX, NULL, 0));
    if (impute) {
        OK(egdi_index_set_imputation(idx, "x", EGDI_IMPUTE_MEAN, NULL));
        OK(egdi_index_set_imputation(idx, "y", EGDI_IMPUTE_MEAN, NULL));
    }
    return idx;
}

static void check_column(const egdi_dataset *t, const char *column, const double *want)
{
    static const char *const units[] = {"a", "b", "c", "d"};
    for (int i = 0; i < 4; i++) {
        double v = col_value(t, units[i], column);
        if (isnan(want[i]))
            ck_assert_msg(isnan(v), "%s/%s = %g, expected missing", column, units[i], v);
        else
            ck_assert_msg(fabs(v - want[i]) <= 1e-12, "%s/%s = %.17g, expected %.17g", column,
                          units[i], v, want[i]);
    }
}

static void check_names(const egdi_dataset *t, const char *const *want, size_t n)
{
    ck_assert_uint_eq(egdi_dataset_n_columns(t), n);
    for (size_t j = 0; j < n; j++)
        ck_assert_str_eq(egdi_dataset_column_name(t, j), want[j]);
}

START_TEST(defaults_scores_ranks_flags_labels)
{
    egdi_dataset *data = example_data(), *t = NULL;
    egdi_index *idx = example_index(1);
    egdi_result *res = NULL;
    OK(egdi_compute(idx, data, &res));
    OK(egdi_result_to_dataset(res, data, NULL, &t));
    static const char *const cols[] = {"top", "x", "y", "top_rank", "x_rank", "y_rank",
                                       "imputed", "region"};
    check_names(t, cols, 8);
    ck_assert_uint_eq(egdi_dataset_n_units(t), 4);
    ck_assert_str_eq(egdi_dataset_unit_code(t, 3), "d");
    ck_assert_str_eq(egdi_dataset_unit_name(t, 3), "Delta");
    const double top[] = {0.75, 0.7, 0.25, (1.9 / 3 + 0.5) / 2};
    const double x[] = {0.5, 0.9, 0.5, 1.9 / 3}, y[] = {1, 0.5, 0, 0.5};
    check_column(t, "top", top);
    check_column(t, "x", x);
    check_column(t, "y", y);
    check_column(t, "top_rank", (const double[]){1, 2, 4, 3});
    check_column(t, "x_rank", (const double[]){3, 1, 3, 2});
    check_column(t, "y_rank", (const double[]){1, 2, 4, 2});
    static const char *const flags[] = {"", "y", "", "x;y"}, *const region[] = {"N", "S", "N",
                                                                                  ""};
    for (size_t i = 0; i < 4; i++) {
        ck_assert_str_eq(egdi_dataset_get_label(t, i, 6), flags[i]);
        ck_assert_str_eq(egdi_dataset_get_label(t, i, 7), region[i]);
    }
    egdi_dataset_free(t);
    egdi_result_free(res);
    egdi_index_free(idx);
    egdi_dataset_free(data);
}
END_TEST

START_TEST(chosen_nodes_raw_and_rank_decimals)
{
    egdi_dataset *data = example_data(), *t = NULL;
    egdi_index *idx = example_index(1);
    egdi_result *res = NULL;
    OK(egdi_compute(idx, data, &res));
    egdi_result_table_options o;
    OK(egdi_result_table_options_init_version(&o, 1));
    ck_assert_int_eq(o.ranks, 1);
    ck_assert_int_eq(o.rank_decimals, -1);
    const char *nodes[] = {"y", "top"};
    o.nodes = nodes;
    o.n_nodes = 2;
    o.raw = 1;
    o.labels = 0;
    o.imputed = 0;
    o.rank_decimals = 0;
    OK(egdi_result_to_dataset(res, data, &o, &t));
    static const char *const cols[] = {"y", "top", "y_rank", "top_rank", "y_raw", "top_raw"};
    check_names(t, cols, 6);
    check_column(t, "top_rank", (const double[]){1, 1, 4, 1}); /* on {1, 1, 0, 1} */
    check_column(t, "y_rank", (const double[]){1, 1, 4, 1}); /* {1, 0.5, 0, 0.5} -> {1, 1, 0, 1} */
    check_column(t, "y_raw", (const double[]){-2, -3, -4, -3});
    egdi_dataset_free(t);
    t = NULL;
    /* without ranks; an index without imputation has no flags column */
    o.ranks = 0;
    o.raw = 0;
    o.imputed = 1;
    OK(egdi_result_to_dataset(res, data, &o, &t));
    static const char *const cols2[] = {"y", "top", "imputed"};
    check_names(t, cols2, 3);
    egdi_dataset_free(t);
    egdi_result_free(res);
    egdi_index_free(idx);
    idx = example_index(0);
    OK(egdi_compute(idx, data, &res));
    OK(egdi_result_to_dataset(res, data, NULL, &t));
    ck_assert_uint_eq(egdi_dataset_n_columns(t), 7); /* 3 scores, 3 ranks, region */
    /* y without imputation: missing for b and d, and so unranked */
    check_column(t, "y_rank", (const double[]){1, NAN, 2, NAN});
    check_column(t, "x_rank", (const double[]){2, 1, 2, NAN});
    egdi_dataset_free(t);
    egdi_result_free(res);
    egdi_index_free(idx);
    egdi_dataset_free(data);
}
END_TEST

START_TEST(errors)
{
    egdi_dataset *data = example_data(), *other = NULL, *t = NULL;
    egdi_index *idx = example_index(1);
    egdi_result *res = NULL;
    OK(egdi_compute(idx, data, &res));
    egdi_result_table_options o = EGDI_RESULT_TABLE_OPTIONS_INIT;
    const char *nodes[] = {"x", "nope"};
    o.nodes = nodes;
    o.n_nodes = 2;
    FAILS(egdi_result_to_dataset(res, data, &o, &t), EGDI_ERR_NOT_FOUND, "no node 'nope'");
    nodes[1] = "x";
    FAILS(egdi_result_to_dataset(res, data, &o, &t), EGDI_ERR_DUPLICATE, "x");
    o.n_nodes = 0;
    o.nodes = NULL;
    o.rank_decimals = 16;
    FAILS(egdi_result_to_dataset(res, data, &o, &t), EGDI_ERR_INVALID_ARG, "rank_decimals 16");
    o.rank_decimals = -1;
    o.version = 99;
    FAILS(egdi_result_to_dataset(res, data, &o, &t), EGDI_ERR_INVALID_ARG, "version 99");
    FAILS(egdi_result_table_options_init_version(&o, 0), EGDI_ERR_INVALID_ARG, "version 0");
    /* the data must be the one computed on: same units, same order */
    OK(egdi_dataset_clone(data, &other));
    OK(egdi_dataset_add_unit(other, "e", NULL, NULL));
    FAILS(egdi_result_to_dataset(res, other, NULL, &t), EGDI_ERR_INVALID_ARG,
          "the data have 5 units, the result 4");
    egdi_dataset_free(other);
    const size_t rows[] = {1, 0, 2, 3};
    OK(egdi_dataset_select_units(data, rows, 4, &other));
    FAILS(egdi_result_to_dataset(res, other, NULL, &t), EGDI_ERR_INVALID_ARG,
          "unit 1 is 'b' in the data but 'a' in the result");
    FAILS(egdi_result_to_dataset(NULL, data, NULL, &t), EGDI_ERR_INVALID_ARG, "res");
    ck_assert_ptr_null(t);
    egdi_dataset_free(other);
    egdi_result_free(res);
    egdi_index_free(idx);
    egdi_dataset_free(data);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("result_table");
    TCase *tc = tcase_create("result_table");
    tcase_add_test(tc, defaults_scores_ranks_flags_labels);
    tcase_add_test(tc, chosen_nodes_raw_and_rank_decimals);
    tcase_add_test(tc, errors);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
