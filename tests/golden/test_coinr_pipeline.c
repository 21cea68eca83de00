/* Golden test against COINr 1.1.14's full example build, build_example_coin()
 * (tests/golden/coinr-asem/README.md, /work/shared/reference/coinr-asem/README.md part c):
 *
 *   Denominate(Raw) -> Impute(i_mean_grp, EurAsia_group) -> Screen(Imputed, byNA, 0.9)
 *   -> Treat(Screened, winmax = 5) -> Normalise(n_minmax, 0..100) -> Aggregate(a_amean)
 *
 * Every intermediate data set COINr wrote is compared: c_example_denominated, _imputed,
 * _screened, _treated, _normalised, _aggregated, _index_ranks, the treatment details
 * (15 indicators winsorised, 35 points), the treated points and the screen summary; then
 * c2 (winmax 1: 11 indicators fall through to the log transform) and c3 (the screen of
 * the raw data, which drops BGD BRN KHM LAO MMR). Units are matched by uCode.
 * Tolerance: 1e-9 relative (1e-12 absolute where COINr's value is 0); counts, flags and
 * labels exactly. */
#include "test_util.h"

#define ASEM EGDI_TEST_FIXTURES "/../golden/coinr-asem/"
#define TOL_REL 1e-9
#define N_UNITS 51
#define N_NODES 60

static egdi_dataset *read_table(const char *file, const char *code)
{
    egdi_csv_options o = EGDI_CSV_OPTIONS_INIT;
    o.code_column = code;
    o.name_column = "uName";
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_read_csv(file, &o, &ds));
    return ds;
}

static int close_rel(double got, double want)
{
    if (isnan(want))
        return isnan(got);
    double d = fabs(got - want);
    return want == 0 ? d <= 1e-12 : d <= TOL_REL * fabs(want);
}

/* The value of `column` for `unit` in ref (NaN for NA). */
static double ref_value(const egdi_dataset *ref, const char *unit, const char *column)
{
    size_t r, j;
    ck_assert_msg(egdi_dataset_find_unit(ref, unit, &r) == EGDI_OK, "no unit %s", unit);
    ck_assert_msg(egdi_dataset_find_column(ref, column, &j) == EGDI_OK, "no column %s", column);
    double v;
    OK(egdi_dataset_get_value(ref, r, j, &v));
    return v;
}

/* A label cell ("" for an empty cell, also when the whole column is empty and so read as
 * a numeric column of NaN). */
static const char *ref_label(const egdi_dataset *ref, const char *unit, const char *column)
{
    size_t r, j;
    egdi_column_kind kind;
    ck_assert_msg(egdi_dataset_find_unit(ref, unit, &r) == EGDI_OK, "no unit %s", unit);
    ck_assert_msg(egdi_dataset_find_column(ref, column, &j) == EGDI_OK, "no column %s", column);
    OK(egdi_dataset_column_kind(ref, j, &kind));
    if (kind == EGDI_COLUMN_NUMERIC)
        return "";
    const char *s = egdi_dataset_get_label(ref, r, j);
    return s ? s : "";
}

/* COINr's example coin: the ASEM tree (pipeline a's fixture: minmax 0..100, mean),
 * the denominators of c_example_denominators.csv, group-mean imputation by EurAsia_group
 * and COINr's default treatment with `winmax`. */
static egdi_index *example_index(int winmax)
{
    egdi_index *idx = NULL;
    OK(egdi_index_read_csv(ASEM "asem_minmax_mean.csv", &idx));
    egdi_dataset *den = read_table(ASEM "c_example_denominators.csv", "iCode");
    size_t jd;
    OK(egdi_dataset_find_column(den, "Denominator", &jd));
    ck_assert_uint_eq(egdi_dataset_n_units(den), 17);
    for (size_t r = 0; r < egdi_dataset_n_units(den); r++)
        OK(egdi_index_set_denominator(idx, egdi_dataset_unit_code(den, r),
                                      egdi_dataset_get_label(den, r, jd)));
    char params[32];
    snprintf(params, sizeof params, "winmax=%d", winmax);
    OK(egdi_index_set_treatment(idx, NULL, "winsorise", params));
    for (size_t k = 0; k < N_NODES; k++)
        if (egdi_index_node_is_indicator(idx, k) == 1)
            OK(egdi_index_set_imputation(idx, egdi_index_node_code(idx, k),
                                         EGDI_IMPUTE_GROUP_MEAN, "EurAsia_group"));
    egdi_dataset_free(den);
    return idx;
}

/* Compare stage `stage` of every indicator (times its direction for the treated stage,
 * which COINr keeps on the indicator's own scale) with ref; returns the count. */
static size_t compare_stage(const egdi_index *idx, egdi_plan *plan, egdi_eval *ev,
                            egdi_stage stage, const egdi_dataset *ref, const char *what)
{
    double got[N_UNITS];
    size_t n = 0;
    for (size_t k = 0; k < N_NODES; k++) {
        if (egdi_index_node_is_indicator(idx, k) != 1)
            continue;
        const char *code = egdi_index_node_code(idx, k);
        OK(egdi_eval_get_stage(ev, k, stage, got, N_UNITS));
        int dir = stage == EGDI_STAGE_TREATED ? egdi_index_node_direction(idx, k) : 1;
        for (size_t i = 0; i < N_UNITS; i++) {
            const char *unit = egdi_plan_unit_code(plan, i);
            double want = ref_value(ref, unit, code);
            ck_assert_msg(close_rel(dir * got[i], want), "%s %s/%s = %.17g, COINr %.17g", what,
                          code, unit, dir * got[i], want);
            n++;
        }
    }
    return n;
}

static int truth(const char *s) { return strcmp(s, "TRUE") == 0 ? 1 : strcmp(s, "FALSE") == 0 ? 0 : -1; }

/* The treatment report and points of every indicator against COINr's Dets_Table and
 * Treated_Points; counts indicators winsorised and logged and the points labelled. */
static void compare_treatment(const egdi_index *idx, const egdi_result *res, const char *details,
                              const char *points, size_t *n_win, size_t *n_log, size_t *n_pts,
                              size_t *n_fail_after_log)
{
    egdi_dataset *det = read_table(details, "iCode");
    egdi_dataset *pts = read_table(points, "uCode");
    int bits[N_UNITS];
    egdi_dataset *tab = NULL;
    OK(egdi_result_treated_points(res, &tab));
    *n_win = *n_log = *n_pts = *n_fail_after_log = 0;
    size_t jd;
    int has_log = egdi_dataset_find_column(det, "check_SkewKurt2.Pass", &jd) == EGDI_OK;
    for (size_t k = 0; k < N_NODES; k++) {
        if (egdi_index_node_is_indicator(idx, k) != 1)
            continue;
        const char *code = egdi_index_node_code(idx, k);
        egdi_treatment_info ti = {.version = EGDI_TREATMENT_INFO_VERSION};
        OK(egdi_result_get_treatment(res, code, &ti, bits, N_UNITS));
        ck_assert_int_eq(ti.method, EGDI_TREAT_WINSORISE);
        ck_assert_int_eq(ti.pass[0], truth(ref_label(det, code, "check_SkewKurt0.Pass")));
        ck_assert_msg(close_rel(ti.skew[0], ref_value(det, code, "check_SkewKurt0.Skew")), "%s",
                      code);
        ck_assert_msg(close_rel(ti.kurt[0], ref_value(det, code, "check_SkewKurt0.Kurt")), "%s",
                      code);
        double nwin = ref_value(det, code, "winsorise.nwin");
        ck_assert_int_eq(ti.winsorised, !isnan(nwin));
        if (ti.winsorised) {
            ck_assert_uint_eq(ti.n_winsorised, (size_t)nwin);
            ck_assert_int_eq(ti.pass[1], truth(ref_label(det, code, "check_SkewKurt1.Pass")));
            ck_assert_msg(close_rel(ti.skew[1], ref_value(det, code, "check_SkewKurt1.Skew")),
                          "%s skew1 %.17g", code, ti.skew[1]);
            ck_assert_msg(close_rel(ti.kurt[1], ref_value(det, code, "check_SkewKurt1.Kurt")),
                          "%s kurt1 %.17g", code, ti.kurt[1]);
            (*n_win)++;
        }
        int logged = has_log && truth(ref_label(det, code, "check_SkewKurt2.Pass")) >= 0;
        ck_assert_int_eq(ti.logged, logged);
        if (logged) {
            ck_assert_int_eq(ti.pass[2], truth(ref_label(det, code, "check_SkewKurt2.Pass")));
            ck_assert_msg(close_rel(ti.skew[2], ref_value(det, code, "check_SkewKurt2.Skew")),
                          "%s skew2", code);
            ck_assert_msg(close_rel(ti.kurt[2], ref_value(det, code, "check_SkewKurt2.Kurt")),
                          "%s kurt2", code);
            (*n_log)++;
            *n_fail_after_log += ti.pass[2] == 0;
        }
        size_t j;
        OK(egdi_dataset_find_column(tab, code, &j));
        for (size_t i = 0; i < N_UNITS; i++) {
            const char *unit = egdi_dataset_unit_code(tab, i);
            const char *want = ref_label(pts, unit, code);
            const char *got = egdi_dataset_get_label(tab, i, j);
            ck_assert_msg(strcmp(got ? got : "", want) == 0, "%s/%s: '%s', COINr '%s'", code,
                          unit, got ? got : "", want);
            *n_pts += bits[i] != 0 && !(bits[i] & EGDI_POINT_LOG);
        }
    }
    egdi_dataset_free(tab);
    egdi_dataset_free(pts);
    egdi_dataset_free(det);
}

START_TEST(example_build_every_step)
{
    egdi_index *idx = example_index(5);
    egdi_dataset *data = read_table(ASEM "input_ASEM_iData.csv", "uCode");
    /* screening, treatment, normalisation, aggregation: the pipeline */
    egdi_pipeline_options o = EGDI_PIPELINE_OPTIONS_INIT;
    o.screen = EGDI_SCREEN_BY_NA;
    o.dat_thresh = 0.9;
    o.stage = EGDI_SCREEN_IMPUTED;
    egdi_pipeline *pl = NULL;
    OK(egdi_pipeline_run(idx, data, &o, &pl));
    const egdi_result *res = egdi_pipeline_result(pl);
    ck_assert_uint_eq(egdi_result_n_units(res), N_UNITS); /* screened after imputation: all kept */
    /* the stages, on the same definition through a plan */
    egdi_plan *plan = NULL;
    egdi_eval *ev = NULL;
    OK(egdi_plan_new(idx, data, &plan));
    OK(egdi_eval_new(plan, &ev));
    OK(egdi_eval_run(ev));
    static const struct { const char *file; egdi_stage stage; } stages[] = {
        {"c_example_denominated.csv", EGDI_STAGE_INPUT},
        {"c_example_imputed.csv", EGDI_STAGE_IMPUTED},
        {"c_example_screened.csv", EGDI_STAGE_IMPUTED},
        {"c_example_treated.csv", EGDI_STAGE_TREATED},
        {"c_example_normalised.csv", EGDI_STAGE_SCORE},
    };
    char path[512];
    for (size_t s = 0; s < sizeof stages / sizeof *stages; s++) {
        snprintf(path, sizeof path, ASEM "%s", stages[s].file);
        egdi_dataset *ref = read_table(path, "uCode");
        ck_assert_uint_eq(egdi_dataset_n_units(ref), N_UNITS);
        ck_assert_uint_eq(compare_stage(idx, plan, ev, stages[s].stage, ref, stages[s].file),
                          49 * N_UNITS);
        egdi_dataset_free(ref);
    }
    /* aggregated: every node of the pipeline's result */
    egdi_dataset *agg = read_table(ASEM "c_example_aggregated.csv", "uCode");
    double got[N_UNITS];
    for (size_t k = 0; k < N_NODES; k++) {
        const char *code = egdi_index_node_code(idx, k);
        OK(egdi_result_get_scores(res, code, got, N_UNITS));
        for (size_t i = 0; i < N_UNITS; i++) {
            const char *unit = egdi_dataset_unit_code(egdi_pipeline_data(pl), i);
            double want = ref_value(agg, unit, code);
            ck_assert_msg(close_rel(got[i], want), "%s/%s = %.17g, COINr %.17g", code, unit,
                          got[i], want);
        }
    }
    /* the Index's ranks (rank(-x, ties "min")) */
    egdi_dataset *ranks = read_table(ASEM "c_example_index_ranks.csv", "uCode");
    int rk[N_UNITS];
    OK(egdi_result_get_scores(res, "Index", got, N_UNITS));
    OK(egdi_rank(got, N_UNITS, -1, EGDI_TIES_MIN, rk));
    for (size_t i = 0; i < N_UNITS; i++) {
        const char *unit = egdi_dataset_unit_code(egdi_pipeline_data(pl), i);
        ck_assert_msg(close_rel(got[i], ref_value(ranks, unit, "Score")), "Index/%s", unit);
        ck_assert_int_eq(rk[i], (int)ref_value(ranks, unit, "Rank"));
    }
    /* the treatment: 15 indicators winsorised (34 points winhi, 1 winlo), none logged */
    size_t n_win, n_log, n_pts, n_fail;
    compare_treatment(idx, res, ASEM "c_example_treat_details.csv",
                      ASEM "c_example_treated_points.csv", &n_win, &n_log, &n_pts, &n_fail);
    ck_assert_uint_eq(n_win, 15);
    ck_assert_uint_eq(n_log, 0);
    ck_assert_uint_eq(n_pts, 35);
    /* the screen summary: every column of COINr's DataSummary */
    egdi_dataset *sum = read_table(ASEM "c_example_screen_summary.csv", "uCode"), *tab = NULL;
    OK(egdi_pipeline_screen_table(pl, &tab));
    ck_assert_uint_eq(egdi_dataset_n_units(tab), N_UNITS);
    static const char *const num_cols[] = {"N_missing", "N_zero", "N_miss_or_zero", "Dat_Avail",
                                           "Non_Zero"};
    static const char *const flag_cols[] = {"LowData", "LowNonZero", "LowDatOrZeroFlag",
                                            "Included"};
    for (size_t i = 0; i < N_UNITS; i++) {
        const char *unit = egdi_dataset_unit_code(tab, i);
        for (size_t c = 0; c < 5; c++)
            ck_assert_msg(close_rel(col_value(tab, unit, num_cols[c]),
                                    ref_value(sum, unit, num_cols[c])), "%s %s", unit,
                          num_cols[c]);
        for (size_t c = 0; c < 4; c++)
            ck_assert_int_eq((int)col_value(tab, unit, flag_cols[c]),
                             truth(ref_label(sum, unit, flag_cols[c])));
    }
    printf("coinr-asem c: 5 stages x 49 x 51, 60 nodes, ranks, %zu winsorised (%zu points), "
           "screen summary: all within 1e-9 relative\n", n_win, n_pts);
    egdi_dataset_free(tab);
    egdi_dataset_free(sum);
    egdi_dataset_free(ranks);
    egdi_dataset_free(agg);
    egdi_eval_free(ev);
    egdi_plan_free(plan);
    egdi_pipeline_free(pl);
    egdi_dataset_free(data);
    egdi_index_free(idx);
}
END_TEST

/* c2: Treat(<example>, "Screened", winmax = 1): 15 indicators fail, 4 pass after one point
 * (Flights, CostImpEx, FemLab, PubDebt), 11 are log-transformed from their original values,
 * of which ForPort and CultServ still fail and stay logged. */
START_TEST(winmax_one_log_branch)
{
    egdi_index *idx = example_index(1);
    egdi_dataset *data = read_table(ASEM "input_ASEM_iData.csv", "uCode");
    egdi_dataset *ref = read_table(ASEM "c2_winmax1_treated.csv", "uCode");
    egdi_plan *plan = NULL;
    egdi_eval *ev = NULL;
    egdi_result *res = NULL;
    OK(egdi_plan_new(idx, data, &plan));
    OK(egdi_eval_new(plan, &ev));
    OK(egdi_eval_run(ev));
    ck_assert_uint_eq(compare_stage(idx, plan, ev, EGDI_STAGE_TREATED, ref, "c2"), 49 * N_UNITS);
    OK(egdi_compute(idx, data, &res));
    size_t n_win, n_log, n_pts, n_fail;
    compare_treatment(idx, res, ASEM "c2_winmax1_treat_details.csv",
                      ASEM "c2_winmax1_treated_points.csv", &n_win, &n_log, &n_pts, &n_fail);
    ck_assert_uint_eq(n_win, 15);
    ck_assert_uint_eq(n_log, 11);
    ck_assert_uint_eq(n_fail, 2);
    egdi_treatment_info ti = {.version = EGDI_TREATMENT_INFO_VERSION};
    OK(egdi_result_get_treatment(res, "ForPort", &ti, NULL, 0));
    ck_assert(ti.logged && ti.pass[2] == 0);
    OK(egdi_result_get_treatment(res, "Flights", &ti, NULL, 0));
    ck_assert(!ti.logged && ti.pass[1] == 1 && ti.n_winsorised == 1);
    printf("coinr-asem c2: %zu winsorised, %zu logged (%zu still failing)\n", n_win, n_log,
           n_fail);
    egdi_result_free(res);
    egdi_dataset_free(ref);
    egdi_eval_free(ev);
    egdi_plan_free(plan);
    egdi_dataset_free(data);
    egdi_index_free(idx);
}
END_TEST

/* c3: Screen(<coin a>, dset = "Raw", byNA, 0.9): the raw data, no denominators, no
 * imputation; BGD BRN KHM LAO MMR are dropped and the index is computed on 46 units. */
START_TEST(screen_raw_drops_five)
{
    egdi_index *idx = NULL;
    OK(egdi_index_read_csv(ASEM "asem_minmax_mean.csv", &idx));
    egdi_dataset *data = read_table(ASEM "input_ASEM_iData.csv", "uCode");
    egdi_dataset *sum = read_table(ASEM "c3_screen_raw_summary.csv", "uCode"), *tab = NULL;
    egdi_pipeline_options o = EGDI_PIPELINE_OPTIONS_INIT;
    o.screen = EGDI_SCREEN_BY_NA;
    o.dat_thresh = 0.9;
    o.stage = EGDI_SCREEN_INPUT;
    egdi_pipeline *pl = NULL;
    OK(egdi_pipeline_run(idx, data, &o, &pl));
    OK(egdi_pipeline_screen_table(pl, &tab));
    size_t dropped = 0;
    for (size_t i = 0; i < N_UNITS; i++) {
        const char *unit = egdi_dataset_unit_code(tab, i);
        ck_assert_uint_eq((size_t)col_value(tab, unit, "N_missing"),
                          (size_t)ref_value(sum, unit, "N_missing"));
        ck_assert(close_rel(col_value(tab, unit, "Dat_Avail"), ref_value(sum, unit, "Dat_Avail")));
        ck_assert(close_rel(col_value(tab, unit, "Non_Zero"), ref_value(sum, unit, "Non_Zero")));
        int inc = (int)col_value(tab, unit, "Included");
        ck_assert_int_eq(inc, truth(ref_label(sum, unit, "Included")));
        dropped += !inc;
    }
    ck_assert_uint_eq(dropped, 5);
    ck_assert_uint_eq(egdi_result_n_units(egdi_pipeline_result(pl)), 46);
    size_t u;
    ck_assert_int_eq(egdi_dataset_find_unit(egdi_pipeline_data(pl), "BGD", &u),
                     EGDI_ERR_NOT_FOUND);
    egdi_pipeline_free(pl);
    /* forced: BGD back in, AUT out; a unit that does not exist is refused */
    const char *in[] = {"BGD"}, *out[] = {"AUT"}, *bad[] = {"XXX"};
    o.include = in, o.n_include = 1, o.exclude = out, o.n_exclude = 1;
    OK(egdi_pipeline_run(idx, data, &o, &pl));
    ck_assert_uint_eq(egdi_result_n_units(egdi_pipeline_result(pl)), 46);
    OK(egdi_dataset_find_unit(egdi_pipeline_data(pl), "BGD", &u));
    egdi_screen_info si;
    OK(egdi_pipeline_screen_unit(pl, 0, &si)); /* AUT: the input's first unit */
    ck_assert_str_eq(si.code, "AUT");
    ck_assert(!si.included && si.forced == -1 && !si.low_data);
    egdi_pipeline_free(pl);
    o.exclude = bad;
    FAILS(egdi_pipeline_run(idx, data, &o, &pl), EGDI_ERR_NOT_FOUND, "XXX");
    egdi_dataset_free(tab);
    egdi_dataset_free(sum);
    egdi_dataset_free(data);
    egdi_index_free(idx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("golden_coinr_pipeline");
    TCase *tc = tcase_create("asem_c");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, example_build_every_step);
    tcase_add_test(tc, winmax_one_log_branch);
    tcase_add_test(tc, screen_raw_drops_five);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
