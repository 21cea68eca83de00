/* egdi_compute_by_period(): an index on a panel, per period or pooled (COINr's
 * Normalise(purse, global = TRUE)), on a 3 units x 2 periods example derived by hand.
 *
 * Rows (input order), unit, Time, x, y:
 *   A:2020 A 2020  1 10      A:2021 A 2021  3 20
 *   B:2020 B 2020  2 30      B:2021 B 2021  4 40
 *   C:2020 C 2020  3 20      C:2021 C 2021  5 30
 * Index: top = mean(x, y), x and y min-max to [0, 1], top not normalised.
 *
 * Per period (each period's own min and max):
 *   2020: x over [1, 3] -> A 0, B 0.5, C 1;  y over [10, 30] -> A 0, B 1, C 0.5
 *         top = (x + y) / 2 -> A 0, B 0.75, C 0.75; ranks A 3, B 1, C 1
 *   2021: x over [3, 5] -> A 0, B 0.5, C 1;  y over [20, 40] -> A 0, B 1, C 0.5
 *         top -> A 0, B 0.75, C 0.75 (the same: growth is invisible); ranks A 3, B 1, C 1
 * Pooled (min and max of all six rows): x over [1, 5], y over [10, 40]:
 *   x: A20 0, B20 0.25, C20 0.5, A21 0.5, B21 0.75, C21 1
 *   y: A20 0, B20 2/3, C20 1/3, A21 1/3, B21 1, C21 2/3
 *   top: A20 0, B20 (0.25 + 2/3) / 2 = 11/24, C20 (0.5 + 1/3) / 2 = 5/12,
 *        A21 5/12, B21 (0.75 + 1) / 2 = 7/8, C21 (1 + 2/3) / 2 = 5/6
 *   ranks within each period: 2020 B 1, C 2, A 3; 2021 B 1, C 2, A 3 (over all six rows
 *   A21 would be 4th, tied with C20).
 * Tolerance 1e-12 (a few roundings of numbers near 1). */
#include "test_util.h"

static const char *const ROWS[] = {"A:2020", "A:2021", "B:2020", "B:2021", "C:2020", "C:2021"};

/* The first n rows of the example (n = 5 drops C:2021), optionally with the Time of row
 * `bad` replaced by `bad_time`. */
static egdi_dataset *panel_data(size_t n, int bad, double bad_time)
{
    static const char *const unit[] = {"A", "A", "B", "B", "C", "C"};
    static const char *const names[] = {"Alpha", "Alpha", "Beta", "Beta", "Gamma", "Gamma"};
    double time[] = {2020, 2021, 2020, 2021, 2020, 2021};
    const double x[] = {1, 3, 2, 4, 3, 5}, y[] = {10, 20, 30, 40, 20, 30};
    if (bad >= 0)
        time[bad] = bad_time;
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_units(ds, ROWS, names, n));
    OK(egdi_dataset_add_labels(ds, "unit", unit, n));
    OK(egdi_dataset_add_numeric(ds, "Time", time, n));
    OK(egdi_dataset_add_numeric(ds, "x", x, n));
    OK(egdi_dataset_add_numeric(ds, "y", y, n));
    return ds;
}

static egdi_index *minmax_index(void)
{
    egdi_index *idx = NULL;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "top", NULL, 1));
    OK(egdi_index_add_indicator(idx, "x", "top", 1));
    OK(egdi_index_add_indicator(idx, "y", "top", 1));
    OK(egdi_index_set_normalization(idx, "x", EGDI_NORM_MINMAX, NULL, 0));
    OK(egdi_index_set_normalization(idx, "y", EGDI_NORM_MINMAX, NULL, 0));
    return idx;
}

static egdi_compute_by_period_options opts_for(int pooled)
{
    egdi_compute_by_period_options o = EGDI_COMPUTE_BY_PERIOD_OPTIONS_INIT;
    o.period_column = "Time";
    o.pooled = pooled;
    o.unit_column = "unit";
    return o;
}

/* Column `column` of the first n rows equals want (NaN = missing). */
static void check(const egdi_dataset *t, const char *column, const double *want, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        double v = col_value(t, ROWS[i], column);
        if (isnan(want[i]))
            ck_assert_msg(isnan(v), "%s/%s = %g, expected missing", column, ROWS[i], v);
        else
            ck_assert_msg(fabs(v - want[i]) <= 1e-12, "%s/%s = %.17g, expected %.17g", column,
                          ROWS[i], v, want[i]);
    }
}

static void check_names(const egdi_dataset *t, const char *const *want, size_t n)
{
    ck_assert_uint_eq(egdi_dataset_n_columns(t), n);
    for (size_t j = 0; j < n; j++)
        ck_assert_str_eq(egdi_dataset_column_name(t, j), want[j]);
}

static egdi_dataset *run(const egdi_index *idx, const egdi_dataset *data,
                         const egdi_compute_by_period_options *o)
{
    egdi_dataset *t = NULL;
    OK(egdi_compute_by_period(idx, data, o, &t));
    return t;
}

START_TEST(minmax_per_period)
{
    egdi_dataset *data = panel_data(6, -1, 0);
    egdi_index *idx = minmax_index();
    egdi_compute_by_period_options o = opts_for(0);
    egdi_dataset *t = run(idx, data, &o);
    static const char *const cols[] = {"Time", "top", "x", "y", "top_rank", "x_rank", "y_rank",
                                       "unit"};
    check_names(t, cols, 8);
    ck_assert_uint_eq(egdi_dataset_n_units(t), 6);
    for (size_t i = 0; i < 6; i++) /* the input's rows in the input's order */
        ck_assert_str_eq(egdi_dataset_unit_code(t, i), ROWS[i]);
    ck_assert_str_eq(egdi_dataset_unit_name(t, 5), "Gamma");
    ck_assert_str_eq(egdi_dataset_get_label(t, 3, 7), "B");
    const double time[] = {2020, 2021, 2020, 2021, 2020, 2021};
    const double x[] = {0, 0, 0.5, 0.5, 1, 1}, y[] = {0, 0, 1, 1, 0.5, 0.5};
    const double top[] = {0, 0, 0.75, 0.75, 0.75, 0.75}, top_rank[] = {3, 3, 1, 1, 1, 1};
    check(t, "Time", time, 6);
    check(t, "x", x, 6);
    check(t, "y", y, 6);
    check(t, "top", top, 6);
    check(t, "top_rank", top_rank, 6);
    egdi_dataset_free(t);
    egdi_index_free(idx);
    egdi_dataset_free(data);
}
END_TEST

START_TEST(minmax_pooled)
{
    egdi_dataset *data = panel_data(6, -1, 0);
    egdi_index *idx = minmax_index();
    egdi_compute_by_period_options o = opts_for(1);
    egdi_dataset *t = run(idx, data, &o);
    const double x[] = {0, 0.5, 0.25, 0.75, 0.5, 1};
    const double y[] = {0, 1.0 / 3, 2.0 / 3, 1, 1.0 / 3, 2.0 / 3};
    const double top[] = {0, 5.0 / 12, 11.0 / 24, 7.0 / 8, 5.0 / 12, 5.0 / 6};
    const double top_rank[] = {3, 3, 1, 1, 2, 2}, x_rank[] = {3, 3, 2, 2, 1, 1};
    check(t, "x", x, 6);
    check(t, "y", y, 6);
    check(t, "top", top, 6);
    check(t, "top_rank", top_rank, 6);
    check(t, "x_rank", x_rank, 6);
    egdi_dataset_free(t);
    egdi_index_free(idx);
    egdi_dataset_free(data);
}
END_TEST

/* z-scores of x alone (population sd, the default).
 * Per period: x = {1, 2, 3} in both periods, mean 2, sd sqrt(2/3) = 0.8164965809:
 *   z = {-1.224744871, 0, 1.224744871} for A, B, C in each period.
 * Pooled: x = {1, 3, 2, 4, 3, 5}, mean 3, squares 4+0+1+1+0+4 = 10, sd sqrt(10/6):
 *   z = (x - 3) / 1.290994449 = {-1.549193338, 0, -0.7745966692, 0.7745966692, 0,
 *   1.549193338}. */
START_TEST(zscore_pooled_and_per_period)
{
    egdi_dataset *data = panel_data(6, -1, 0);
    egdi_index *idx = NULL;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "top", NULL, 1));
    OK(egdi_index_add_indicator(idx, "x", "top", 1));
    OK(egdi_index_set_normalization(idx, "x", EGDI_NORM_ZSCORE, NULL, 0));
    egdi_compute_by_period_options o = opts_for(0);
    egdi_dataset *t = run(idx, data, &o);
    double s = sqrt(1.5);
    const double per[] = {-s, -s, 0, 0, s, s};
    check(t, "x", per, 6);
    egdi_dataset_free(t);
    o.pooled = 1;
    t = run(idx, data, &o);
    double sd = sqrt(10.0 / 6);
    const double pooled[] = {-2 / sd, 0, -1 / sd, 1 / sd, 0, 2 / sd};
    check(t, "x", pooled, 6);
    NEAR(col_value(t, "A:2020", "x"), -1.549193338, 1e-9);
    egdi_dataset_free(t);
    egdi_index_free(idx);
    egdi_dataset_free(data);
}
END_TEST

/* C has no row in 2021 (the first five rows).
 * Per period: 2020 as before; 2021 x over [3, 4] -> A 0, B 1, y over [20, 40] -> A 0, B 1;
 *   top A21 0, B21 1; ranks 2021 B 1, A 2.
 * Pooled over five rows: x over [1, 4] -> A20 0, A21 2/3, B20 1/3, B21 1, C20 2/3;
 *   y over [10, 40] -> A20 0, A21 1/3, B20 2/3, B21 1, C20 1/3;
 *   top A20 0, A21 1/2, B20 1/2, B21 1, C20 1/2; ranks 2020 B 1, C 1, A 3; 2021 B 1, A 2. */
START_TEST(unit_missing_in_a_period)
{
    egdi_dataset *data = panel_data(5, -1, 0);
    egdi_index *idx = minmax_index();
    egdi_compute_by_period_options o = opts_for(0);
    egdi_dataset *t = run(idx, data, &o);
    ck_assert_uint_eq(egdi_dataset_n_units(t), 5);
    const double top[] = {0, 0, 0.75, 1, 0.75}, rank[] = {3, 2, 1, 1, 1};
    check(t, "top", top, 5);
    check(t, "top_rank", rank, 5);
    egdi_dataset_free(t);
    o.pooled = 1;
    t = run(idx, data, &o);
    const double ptop[] = {0, 0.5, 0.5, 1, 0.5}, prank[] = {3, 2, 1, 1, 1};
    const double px[] = {0, 2.0 / 3, 1.0 / 3, 1, 2.0 / 3};
    check(t, "top", ptop, 5);
    check(t, "top_rank", prank, 5);
    check(t, "x", px, 5);
    egdi_dataset_free(t);
    egdi_index_free(idx);
    egdi_dataset_free(data);
}
END_TEST

/* Imputation is fitted like normalisation: y of B:2021 missing, imputed by the mean.
 * Per period: mean of 2021's other y (A 20, C 30) = 25. Pooled: mean of the five other
 * rows (10 + 20 + 30 + 20 + 30) / 5 = 22. y is not normalised, so its score is the value.
 * Also: table options (only "y", raw values, no ranks, no labels) and the "imputed" column. */
START_TEST(imputation_and_table_options)
{
    egdi_dataset *data = panel_data(6, -1, 0);
    size_t jy;
    OK(egdi_dataset_find_column(data, "y", &jy));
    OK(egdi_dataset_set_value(data, 3, jy, NAN));
    egdi_index *idx = NULL;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "top", NULL, 1));
    OK(egdi_index_add_indicator(idx, "y", "top", 1));
    OK(egdi_index_set_imputation(idx, "y", EGDI_IMPUTE_MEAN, NULL));
    static const char *const nodes[] = {"y"};
    egdi_result_table_options to = EGDI_RESULT_TABLE_OPTIONS_INIT;
    to.nodes = nodes;
    to.n_nodes = 1;
    to.ranks = 0;
    to.raw = 1;
    to.labels = 0;
    egdi_compute_by_period_options o = opts_for(0);
    o.table = &to;
    egdi_dataset *t = run(idx, data, &o);
    static const char *const cols[] = {"Time", "y", "y_raw", "imputed"};
    check_names(t, cols, 4);
    NEAR(col_value(t, "B:2021", "y"), 25, 1e-12);
    NEAR(col_value(t, "B:2021", "y_raw"), 25, 1e-12);
    ck_assert_str_eq(egdi_dataset_get_label(t, 3, 3), "y");
    ck_assert_str_eq(egdi_dataset_get_label(t, 2, 3), "");
    egdi_dataset_free(t);
    o.pooled = 1;
    t = run(idx, data, &o);
    NEAR(col_value(t, "B:2021", "y"), 22, 1e-12);
    NEAR(col_value(t, "A:2020", "y"), 10, 0);
    egdi_dataset_free(t);
    egdi_index_free(idx);
    egdi_dataset_free(data);
}
END_TEST

START_TEST(errors)
{
    egdi_dataset *data = panel_data(6, -1, 0), *t = NULL;
    egdi_index *idx = minmax_index();
    egdi_compute_by_period_options o = opts_for(0);
    o.period_column = "Year";
    FAILS(egdi_compute_by_period(idx, data, &o, &t), EGDI_ERR_NOT_FOUND, "no period column 'Year'");
    o.period_column = "unit";
    FAILS(egdi_compute_by_period(idx, data, &o, &t), EGDI_ERR_INVALID_ARG,
          "period column 'unit' is a label column");
    o = opts_for(0);
    o.unit_column = "Time";
    FAILS(egdi_compute_by_period(idx, data, &o, &t), EGDI_ERR_INVALID_ARG,
          "unit column 'Time' is numeric");
    o.unit_column = "region";
    FAILS(egdi_compute_by_period(idx, data, &o, &t), EGDI_ERR_NOT_FOUND, "no unit column 'region'");
    /* the default period column, "edition", is absent here */
    FAILS(egdi_compute_by_period(idx, data, NULL, &t), EGDI_ERR_NOT_FOUND,
          "no period column 'edition'");
    o = opts_for(0);
    o.version = 99;
    FAILS(egdi_compute_by_period(idx, data, &o, &t), EGDI_ERR_INVALID_ARG, "version 99");
    FAILS(egdi_compute_by_period(NULL, data, &o, &t), EGDI_ERR_INVALID_ARG, "idx");
    egdi_result_table_options to = EGDI_RESULT_TABLE_OPTIONS_INIT;
    to.rank_decimals = 16;
    o = opts_for(0);
    o.table = &to;
    FAILS(egdi_compute_by_period(idx, data, &o, &t), EGDI_ERR_INVALID_ARG, "rank_decimals 16");
    ck_assert_ptr_null(t);
    egdi_dataset_free(data);

    /* a missing period names the row */
    data = panel_data(6, 4, NAN);
    o = opts_for(0);
    FAILS(egdi_compute_by_period(idx, data, &o, &t), EGDI_ERR_INVALID_ARG,
          "unit 'C:2020' has no period");
    egdi_dataset_free(data);

    /* C:2020's Time set to 2021: unit C twice in 2021 */
    data = panel_data(6, 4, 2021);
    FAILS(egdi_compute_by_period(idx, data, &o, &t), EGDI_ERR_DUPLICATE,
          "unit 'C' appears twice in Time 2021 (rows 'C:2020' and 'C:2021')");
    o.unit_column = NULL; /* not checked: C's two rows are two units of 2021 */
    OK(egdi_compute_by_period(idx, data, &o, &t));
    egdi_dataset_free(t);
    t = NULL;
    egdi_dataset_free(data);

    /* one unit in 2021 (the first row and the three 2020 rows): min-max of 2021 has one
     * value, refused naming the period; pooled, 2021 borrows 2020's spread */
    static const size_t keep[] = {0, 1, 2, 4};
    egdi_dataset *full = panel_data(6, -1, 0);
    OK(egdi_dataset_select_units(full, keep, 4, &data));
    FAILS(egdi_compute_by_period(idx, data, &o, &t), EGDI_ERR_DOMAIN,
          "min-max needs at least 2 values, got 1");
    ck_assert_msg(strncmp(egdi_last_error(), "Time 2021: node '", 17) == 0, "%s",
                  egdi_last_error());
    ck_assert_ptr_null(t);
    o.pooled = 1;
    OK(egdi_compute_by_period(idx, data, &o, &t));
    NEAR(col_value(t, "A:2021", "x"), 1, 1e-12); /* x over [1, 3]: A21 = 3 */
    NEAR(col_value(t, "A:2021", "top_rank"), 1, 0);
    egdi_dataset_free(t);
    t = NULL;
    egdi_dataset_free(data);
    egdi_dataset_free(full);

    /* all values equal in a period: the zero-range error, with the period */
    data = panel_data(6, -1, 0);
    size_t jx;
    OK(egdi_dataset_find_column(data, "x", &jx));
    OK(egdi_dataset_set_value(data, 3, jx, 3));
    OK(egdi_dataset_set_value(data, 5, jx, 3));
    o.pooled = 0;
    FAILS(egdi_compute_by_period(idx, data, &o, &t), EGDI_ERR_DOMAIN,
          "Time 2021: node 'x': min-max of values that are all 3");
    egdi_dataset_free(data);
    egdi_index_free(idx);
}
END_TEST

START_TEST(options_init)
{
    egdi_compute_by_period_options o;
    memset(&o, 0xab, sizeof o);
    OK(egdi_compute_by_period_options_init_version(&o, 1));
    ck_assert_uint_eq(o.version, 1);
    ck_assert_str_eq(o.period_column, "edition");
    ck_assert_int_eq(o.pooled, 0);
    ck_assert_ptr_null(o.unit_column);
    ck_assert_ptr_null(o.table);
    FAILS(egdi_compute_by_period_options_init_version(&o, 2), EGDI_ERR_INVALID_ARG, "version 2");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("compute_by");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, minmax_per_period);
    tcase_add_test(tc, minmax_pooled);
    tcase_add_test(tc, zscore_pooled_and_per_period);
    tcase_add_test(tc, unit_missing_in_a_period);
    tcase_add_test(tc, imputation_and_table_options);
    tcase_add_test(tc, errors);
    tcase_add_test(tc, options_init);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return run_suite(suite()); }
