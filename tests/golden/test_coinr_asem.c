/* Golden test against COINr 1.1.14 on its ASEM example (tests/golden/coinr-asem/README.md).
 *
 * Every expected number is read from COINr's own output files; units are matched by uCode
 * (COINr sorts units by uCode, the input data are in another order). Tolerances:
 *   pipeline a (min-max [0, 100], arithmetic mean at every level): 1e-9 absolute on values
 *   in 0..100;
 *   pipeline c step 3 (group-mean imputation by EurAsia_group): 1e-9 relative. */
#include "test_util.h"

#define ASEM EGDI_TEST_FIXTURES "/../golden/coinr-asem/"
#define TOL_ABS 1e-9
#define TOL_REL 1e-9

/* Counts stated in COINr's README and recounted here from the files themselves. */
#define N_UNITS 51
#define N_INDICATORS 49
#define N_NODES 60 /* 49 indicators + 8 pillars + Conn, Sust + Index */

static egdi_dataset *read_table(const char *file)
{
    egdi_csv_options o = EGDI_CSV_OPTIONS_INIT;
    o.code_column = "uCode";
    o.name_column = "uName"; /* absent in COINr's output files: names default to the codes */
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_read_csv(file, &o, &ds));
    return ds;
}

static egdi_index *asem_index(void)
{
    egdi_index *idx = NULL;
    OK(egdi_index_read_csv(ASEM "asem_minmax_mean.csv", &idx));
    ck_assert_uint_eq(egdi_index_n_nodes(idx), N_NODES);
    size_t n_ind = 0;
    for (size_t k = 0; k < N_NODES; k++)
        n_ind += egdi_index_node_is_indicator(idx, k) == 1;
    ck_assert_uint_eq(n_ind, N_INDICATORS);
    return idx;
}

/* Column `column` of the reference table `ref`, in the unit order of `data` (matched by code). */
static void ref_column(const egdi_dataset *ref, const egdi_dataset *data, const char *column,
                       double *out)
{
    size_t j, n = egdi_dataset_n_units(data);
    ck_assert_msg(egdi_dataset_find_column(ref, column, &j) == EGDI_OK,
                  "COINr's file has no column '%s'", column);
    for (size_t i = 0; i < n; i++) {
        size_t r;
        const char *code = egdi_dataset_unit_code(data, i);
        ck_assert_msg(egdi_dataset_find_unit(ref, code, &r) == EGDI_OK, "no unit %s", code);
        OK(egdi_dataset_get_value(ref, r, j, &out[i]));
    }
}

/* 1 if unit i of data lacks any indicator of idx (read from its source column). */
static void units_with_gaps(const egdi_index *idx, const egdi_dataset *data, int *gap)
{
    size_t n = egdi_dataset_n_units(data);
    double v[N_UNITS];
    ck_assert_uint_eq(n, N_UNITS);
    memset(gap, 0, n * sizeof *gap);
    for (size_t k = 0; k < egdi_index_n_nodes(idx); k++) {
        if (egdi_index_node_is_indicator(idx, k) != 1)
            continue;
        size_t j;
        OK(egdi_dataset_find_column(data, egdi_index_node_source(idx, k), &j));
        OK(egdi_dataset_get_numeric(data, j, v, n));
        for (size_t i = 0; i < n; i++)
            gap[i] |= isnan(v[i]) != 0;
    }
}

/* Pipeline a: Normalise(n_minmax, l_u = c(0, 100)) on Raw, then Aggregate(a_amean). */
START_TEST(minmax_amean_every_node)
{
    egdi_index *idx = asem_index();
    egdi_dataset *data = read_table(ASEM "input_ASEM_iData.csv");
    egdi_dataset *ref = read_table(ASEM "a_minmax0_100_amean_aggregated.csv");
    ck_assert_uint_eq(egdi_dataset_n_units(data), N_UNITS);
    ck_assert_uint_eq(egdi_dataset_n_units(ref), N_UNITS);
    ck_assert_uint_eq(egdi_dataset_n_columns(ref), N_NODES); /* every node has a column */
    /* the group columns are labels, not indicators */
    size_t j;
    egdi_column_kind kind;
    OK(egdi_dataset_find_column(data, "EurAsia_group", &j));
    OK(egdi_dataset_column_kind(data, j, &kind));
    ck_assert_int_eq(kind, EGDI_COLUMN_LABEL);

    egdi_result *res = NULL;
    OK(egdi_compute(idx, data, &res));
    double got[N_UNITS], want[N_UNITS], max_diff = 0;
    size_t na_ind = 0, na_agg = 0, compared = 0;
    for (size_t k = 0; k < N_NODES; k++) {
        const char *code = egdi_index_node_code(idx, k);
        OK(egdi_result_get_scores(res, code, got, N_UNITS));
        ref_column(ref, data, code, want);
        for (size_t i = 0; i < N_UNITS; i++) {
            const char *unit = egdi_dataset_unit_code(data, i);
            if (isnan(want[i])) {
                ck_assert_msg(isnan(got[i]), "%s/%s = %.17g, COINr has NA", code, unit, got[i]);
                *(egdi_index_node_is_indicator(idx, k) ? &na_ind : &na_agg) += 1;
                continue;
            }
            double d = fabs(got[i] - want[i]);
            ck_assert_msg(d <= TOL_ABS, "%s/%s = %.17g, COINr %.17g", code, unit, got[i], want[i]);
            if (d > max_diff)
                max_diff = d;
            compared++;
        }
    }
    ck_assert_uint_eq(na_ind, 63); /* COINr's README: 63 indicator values are missing */
    ck_assert_uint_eq(na_agg, 0);  /* a_amean is NA only when every child is */
    ck_assert_uint_eq(compared, N_UNITS * N_NODES - 63);
    printf("coinr-asem a: %zu values, max |libegdi - COINr| = %.3g\n", compared, max_diff);
    egdi_result_free(res);
    egdi_dataset_free(ref);
    egdi_dataset_free(data);
    egdi_index_free(idx);
}
END_TEST

/* Pipeline a with MinShare 1 on every aggregate: a unit missing any indicator loses its
 * pillar, sub-index and Index; every other unit keeps COINr's Index exactly (no child of
 * theirs is missing, and the min-max statistics do not depend on the aggregates). */
START_TEST(minmax_amean_min_share_one)
{
    egdi_index *idx = asem_index();
    egdi_dataset *data = read_table(ASEM "input_ASEM_iData.csv");
    egdi_dataset *ref = read_table(ASEM "a_minmax0_100_amean_aggregated.csv");
    for (size_t k = 0; k < N_NODES; k++)
        if (egdi_index_node_is_indicator(idx, k) == 0)
            OK(egdi_index_set_min_share(idx, egdi_index_node_code(idx, k), 1.0));
    int gap[N_UNITS];
    static int gap_below[N_NODES][N_UNITS]; /* [aggregate][unit]: an indicator below is NaN */
    memset(gap_below, 0, sizeof gap_below);
    units_with_gaps(idx, data, gap);
    size_t n_gap = 0;
    for (size_t i = 0; i < N_UNITS; i++)
        n_gap += (size_t)gap[i];
    ck_assert_uint_eq(n_gap, 20); /* BGD BRN CHN ESP IDN ITA JPN KAZ KHM KOR LAO MLT MMR MNG
                                     MYS NZL PAK SGP THA VNM */
    egdi_result *res = NULL;
    OK(egdi_compute(idx, data, &res));
    double got[N_UNITS], want[N_UNITS], max_diff = 0;
    OK(egdi_result_get_scores(res, "Index", got, N_UNITS));
    ref_column(ref, data, "Index", want);
    size_t n_nan = 0;
    for (size_t i = 0; i < N_UNITS; i++) {
        const char *unit = egdi_dataset_unit_code(data, i);
        ck_assert_msg(!isnan(want[i]), "COINr has an Index for every unit");
        if (gap[i]) {
            ck_assert_msg(isnan(got[i]), "%s has a gap but Index %.17g", unit, got[i]);
            n_nan++;
            continue;
        }
        ck_assert_msg(!isnan(got[i]), "%s has every indicator but no Index", unit);
        double d = fabs(got[i] - want[i]);
        ck_assert_msg(d <= TOL_ABS, "Index/%s = %.17g, COINr %.17g", unit, got[i], want[i]);
        if (d > max_diff)
            max_diff = d;
    }
    ck_assert_uint_eq(n_nan, 20);
    /* every aggregate: missing exactly when an indicator below it is; else COINr's value */
    double data_v[N_UNITS], agg[N_UNITS];
    for (size_t k = 0; k < N_NODES; k++) {
        if (egdi_index_node_is_indicator(idx, k) != 1)
            continue;
        size_t j;
        OK(egdi_dataset_find_column(data, egdi_index_node_source(idx, k), &j));
        OK(egdi_dataset_get_numeric(data, j, data_v, N_UNITS));
        for (size_t i = 0; i < N_UNITS; i++) /* mark the indicator's ancestors */
            for (const char *p = egdi_index_node_parent(idx, k); p && isnan(data_v[i]);) {
                size_t a;
                OK(egdi_index_find_node(idx, p, &a));
                gap_below[a][i] = 1;
                p = egdi_index_node_parent(idx, a);
            }
    }
    for (size_t k = 0; k < N_NODES; k++) {
        if (egdi_index_node_is_indicator(idx, k) != 0)
            continue;
        const char *code = egdi_index_node_code(idx, k);
        OK(egdi_result_get_scores(res, code, agg, N_UNITS));
        ref_column(ref, data, code, want);
        for (size_t i = 0; i < N_UNITS; i++) {
            ck_assert_msg((isnan(agg[i]) != 0) == (gap_below[k][i] != 0), "%s/%s = %g", code,
                          egdi_dataset_unit_code(data, i), agg[i]);
            if (!gap_below[k][i])
                NEAR(agg[i], want[i], TOL_ABS);
        }
    }
    printf("coinr-asem a, MinShare 1: %zu units ranked, max |libegdi - COINr| = %.3g\n",
           (size_t)N_UNITS - n_nan, max_diff);
    egdi_result_free(res);
    egdi_dataset_free(ref);
    egdi_dataset_free(data);
    egdi_index_free(idx);
}
END_TEST

/* Pipeline c step 3: Impute(dset = "Denominated", f_i = "i_mean_grp",
 * use_group = "EurAsia_group"). */
START_TEST(group_mean_imputation)
{
    egdi_dataset *data = read_table(ASEM "c_example_denominated.csv");
    egdi_dataset *labels = read_table(ASEM "input_ASEM_iData.csv");
    egdi_dataset *ref = read_table(ASEM "c_example_imputed.csv");
    OK(egdi_dataset_join_labels(data, labels, 0, 0));
    egdi_index *idx = asem_index();
    for (size_t k = 0; k < N_NODES; k++)
        if (egdi_index_node_is_indicator(idx, k) == 1)
            OK(egdi_index_set_imputation(idx, egdi_index_node_code(idx, k),
                                         EGDI_IMPUTE_GROUP_MEAN, "EurAsia_group"));
    egdi_plan *plan = NULL;
    egdi_eval *ev = NULL;
    egdi_result *res = NULL;
    OK(egdi_plan_new(idx, data, &plan));
    OK(egdi_eval_new(plan, &ev));
    OK(egdi_eval_run(ev));
    OK(egdi_compute(idx, data, &res));
    ck_assert_uint_eq(egdi_plan_n_units(plan), N_UNITS);

    double in[N_UNITS], got[N_UNITS], want[N_UNITS], max_rel = 0;
    int flag[N_UNITS], flag2[N_UNITS];
    size_t n_na = 0, n_flag = 0;
    for (size_t k = 0; k < N_NODES; k++) {
        if (egdi_index_node_is_indicator(idx, k) != 1)
            continue;
        const char *code = egdi_index_node_code(idx, k);
        size_t node, j;
        OK(egdi_plan_find_node(plan, code, &node));
        OK(egdi_dataset_find_column(data, code, &j));
        OK(egdi_dataset_get_numeric(data, j, in, N_UNITS));
        OK(egdi_eval_get_stage(ev, node, EGDI_STAGE_IMPUTED, got, N_UNITS));
        OK(egdi_eval_get_imputed(ev, node, flag, N_UNITS));
        OK(egdi_result_get_imputed(res, code, flag2, N_UNITS));
        ref_column(ref, data, code, want);
        for (size_t i = 0; i < N_UNITS; i++) {
            const char *unit = egdi_dataset_unit_code(data, i);
            ck_assert_msg(!isnan(want[i]), "COINr imputed every cell");
            double d = fabs(got[i] - want[i]);
            ck_assert_msg(d <= TOL_REL * fabs(want[i]), "%s/%s = %.17g, COINr %.17g", code,
                          unit, got[i], want[i]);
            if (want[i] != 0 && d / fabs(want[i]) > max_rel)
                max_rel = d / fabs(want[i]);
            ck_assert_msg(flag[i] == (isnan(in[i]) != 0), "%s/%s: flag %d", code, unit, flag[i]);
            ck_assert_int_eq(flag2[i], flag[i]);
            if (!isnan(in[i]))
                ck_assert_msg(got[i] == in[i], "%s/%s: a present value changed", code, unit);
            n_na += isnan(in[i]) != 0;
            n_flag += (size_t)flag[i];
        }
    }
    ck_assert_uint_eq(n_na, 65); /* counted in c_example_denominated.csv */
    ck_assert_uint_eq(n_flag, n_na);
    printf("coinr-asem c3: %zu cells imputed, max relative difference = %.3g\n", n_flag,
           max_rel);
    egdi_result_free(res);
    egdi_eval_free(ev);
    egdi_plan_free(plan);
    egdi_index_free(idx);
    egdi_dataset_free(ref);
    egdi_dataset_free(labels);
    egdi_dataset_free(data);
}
END_TEST

START_TEST(coinr_imeta_loads_as_exported)
{
    /* COINr's own iMeta as R exported it: extra columns (Unit, Target, Denominator) are
     * ignored, Group and Denominator rows skipped, and the Index row's Parent "NA" makes it
     * a root. Same tree as the derived fixture: 60 nodes, same parents and directions. */
    egdi_index *raw = NULL, *derived = asem_index();
    OK(egdi_index_read_csv(ASEM "input_ASEM_iMeta.csv", &raw));
    ck_assert_uint_eq(egdi_index_n_nodes(raw), N_NODES);
    size_t k;
    OK(egdi_index_find_node(raw, "Index", &k));
    ck_assert_ptr_null(egdi_index_node_parent(raw, k));
    for (size_t i = 0; i < N_NODES; i++) {
        const char *code = egdi_index_node_code(derived, i);
        OK(egdi_index_find_node(raw, code, &k));
        const char *p1 = egdi_index_node_parent(raw, k), *p2 = egdi_index_node_parent(derived, i);
        ck_assert_msg((!p1 && !p2) || (p1 && p2 && strcmp(p1, p2) == 0), "%s: parent", code);
        ck_assert_int_eq(egdi_index_node_direction(raw, k), egdi_index_node_direction(derived, i));
    }
    egdi_index_free(raw);
    egdi_index_free(derived);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("golden_coinr_asem");
    TCase *tc = tcase_create("asem");
    tcase_add_test(tc, minmax_amean_every_node);
    tcase_add_test(tc, minmax_amean_min_share_one);
    tcase_add_test(tc, group_mean_imputation);
    tcase_add_test(tc, coinr_imeta_loads_as_exported);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
