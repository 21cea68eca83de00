/* Golden test of weights against COINr 1.1.14 on its ASEM example
 * (tests/golden/coinr-asem/README.md; /work/shared/reference/coinr-asem/README.md
 * documents the COINr calls):
 *   f_eff_weights.csv       get_eff_weights(coin_a)                  1e-9 relative
 *   f_pca_*                 get_PCA(): loadings and sdev             1e-9 relative, up to
 *                           the sign of each component (prcomp's sign comes from LAPACK's
 *                           dgesdd; libegdi's rule is documented in weights.h), counted
 *   g_corr_nominal_*        correlations with the Index at equal weights        1e-9
 *   g_opt_weights_*         get_opt_weights(): COINr stops after 15 (level 3) and 9
 *                           (level 2) evaluations; libegdi's optimum must be at least as
 *                           good: its objective <= the objective at COINr's weights.
 *                           Level 3 (2 pillars) converges: the report says so and every
 *                           correlation share meets its target to 1e-9. Level 2 (8
 *                           sub-pillars) does not within 500 iterations (the report says
 *                           converged 0 and the shares miss their targets by up to 0.08):
 *                           asserted as such, with only the objective compared. */
#include "test_util.h"

#define ASEM EGDI_TEST_FIXTURES "/../golden/coinr-asem/"
#define TOL_REL 1e-9
#define N_UNITS 51

static egdi_dataset *read_by(const char *file, const char *code_column)
{
    egdi_csv_options o = EGDI_CSV_OPTIONS_INIT;
    o.code_column = code_column;
    o.name_column = "uName";
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_read_csv(file, &o, &ds));
    return ds;
}

static double ref_value(const egdi_dataset *ref, const char *row, const char *column)
{
    size_t i, j;
    double v;
    ck_assert_msg(egdi_dataset_find_unit(ref, row, &i) == EGDI_OK, "no row %s", row);
    ck_assert_msg(egdi_dataset_find_column(ref, column, &j) == EGDI_OK, "no column %s", column);
    OK(egdi_dataset_get_value(ref, i, j, &v));
    return v;
}

static double rel_diff(double got, double want)
{
    return fabs(got - want) / (fabs(want) > 0 ? fabs(want) : 1);
}

START_TEST(effective_weights)
{
    egdi_index *idx = NULL;
    OK(egdi_index_read_csv(ASEM "input_ASEM_iMeta.csv", &idx));
    egdi_dataset *ref = read_by(ASEM "f_eff_weights.csv", "iCode");
    size_t nn = egdi_index_n_nodes(idx);
    ck_assert_uint_eq(nn, 60);
    ck_assert_uint_eq(egdi_dataset_n_units(ref), 60);
    double eff[60], max_rel = 0;
    OK(egdi_weights_effective(idx, eff, nn));
    egdi_dataset *tab = NULL;
    OK(egdi_weights_table(idx, &tab));
    for (size_t k = 0; k < nn; k++) {
        const char *code = egdi_index_node_code(idx, k);
        double want = ref_value(ref, code, "EffWeight");
        double d = rel_diff(eff[k], want);
        ck_assert_msg(d <= TOL_REL, "%s: %.17g, COINr %.17g", code, eff[k], want);
        ck_assert(col_value(tab, code, "Effective") == eff[k]);
        ck_assert(col_value(tab, code, "Level") == ref_value(ref, code, "Level"));
        max_rel = d > max_rel ? d : max_rel;
    }
    printf("coinr-asem effective weights: 60 nodes, max relative difference %.3g\n", max_rel);
    egdi_dataset_free(tab);
    egdi_dataset_free(ref);
    egdi_index_free(idx);
}
END_TEST

/* One group's PCA against COINr's rotation and sdev files; returns the number of
 * components whose sign differs from COINr's; *max_rel is updated. */
static int check_group(const egdi_dataset *loadings, const egdi_dataset *variance,
                       const char *group, const char *rot_file, const char *sdev_file,
                       size_t rows, double *max_rel)
{
    egdi_dataset *rot = read_by(rot_file, "iCode");
    egdi_dataset *sd = read_by(sdev_file, "PC");
    size_t p = egdi_dataset_n_units(rot), flipped = 0;
    char col[32], vcode[96];
    for (size_t k = 0; k < p; k++) {
        snprintf(col, sizeof col, "PC%zu", k + 1);
        double dot = 0;
        for (size_t i = 0; i < p; i++) {
            const char *code = egdi_dataset_unit_code(rot, i);
            dot += col_value(loadings, code, col) * ref_value(rot, code, col);
        }
        double sign = dot < 0 ? -1 : 1;
        flipped += sign < 0;
        for (size_t i = 0; i < p; i++) {
            const char *code = egdi_dataset_unit_code(rot, i);
            double got = sign * col_value(loadings, code, col), want = ref_value(rot, code, col);
            double d = rel_diff(got, want);
            ck_assert_msg(d <= TOL_REL, "%s %s %s: %.17g, COINr %.17g", group, code, col, got,
                          want);
            *max_rel = d > *max_rel ? d : *max_rel;
        }
        snprintf(vcode, sizeof vcode, "%s.PC%zu", group, k + 1);
        snprintf(col, sizeof col, "%zu", k + 1);
        double d1 = rel_diff(col_value(variance, vcode, "SD"), ref_value(sd, col, "sdev"));
        double d2 = rel_diff(col_value(variance, vcode, "Variance"),
                             ref_value(sd, col, "var_explained"));
        ck_assert_msg(d1 <= TOL_REL && d2 <= TOL_REL, "%s: sdev/variance %.3g %.3g", vcode, d1, d2);
        ck_assert(col_value(variance, vcode, "Rows") == (double)rows);
        *max_rel = d1 > *max_rel ? d1 : *max_rel;
        *max_rel = d2 > *max_rel ? d2 : *max_rel;
    }
    egdi_dataset_free(rot);
    egdi_dataset_free(sd);
    return (int)flipped;
}

/* egdi_weights_pca() of the nodes below `under` on the values of `values_file`, with
 * COINr's weights file for the same call. */
typedef struct pca_run {
    egdi_index *idx;
    egdi_dataset *values, *wref, *load, *var;
    size_t nn;
    double w[60];
} pca_run;

static void pca_open(pca_run *r, const char *values_file, const char *weights_file,
                     const char *under)
{
    r->idx = NULL;
    OK(egdi_index_read_csv(ASEM "asem_minmax_mean.csv", &r->idx));
    r->values = read_by(values_file, "uCode");
    r->wref = read_by(weights_file, "iCode");
    egdi_weights_options o = EGDI_WEIGHTS_OPTIONS_INIT;
    o.under = under;
    r->nn = egdi_index_n_nodes(r->idx);
    ck_assert_uint_eq(r->nn, 60);
    r->load = r->var = NULL;
    OK(egdi_weights_pca(r->idx, r->values, &o, r->w, r->nn, &r->load, &r->var));
}

static void pca_close(pca_run *r)
{
    egdi_dataset_free(r->load);
    egdi_dataset_free(r->var);
    egdi_dataset_free(r->wref);
    egdi_dataset_free(r->values);
    egdi_index_free(r->idx);
}

/* get_PCA(<example coin>, dset = "Normalised", iCodes = "Physical", Level = 1) */
START_TEST(pca_physical_normalised)
{
    pca_run r;
    pca_open(&r, ASEM "c_example_normalised.csv",
             ASEM "f_pca_example_normalised_Physical_weights.csv", "Physical");
    double max_rel = 0;
    ck_assert_uint_eq(egdi_dataset_n_units(r.load), 8);
    int flipped = check_group(r.load, r.var, "Physical",
                              ASEM "f_pca_example_normalised_Physical_Physical_rotation.csv",
                              ASEM "f_pca_example_normalised_Physical_Physical_sdev.csv", N_UNITS,
                              &max_rel);
    /* the weights: PC1's loadings on the 8 Physical indicators (COINr's sign here is
     * libegdi's: all 8 positive), NaN elsewhere; COINr's table keeps 1 elsewhere */
    size_t n_set = 0;
    for (size_t k = 0; k < r.nn; k++) {
        const char *code = egdi_index_node_code(r.idx, k);
        const char *parent = egdi_index_node_parent(r.idx, k);
        if (parent && strcmp(parent, "Physical") == 0) {
            double want = ref_value(r.wref, code, "Weight");
            ck_assert_msg(rel_diff(r.w[k], want) <= TOL_REL, "%s: %.17g vs %.17g", code, r.w[k],
                          want);
            n_set++;
        } else {
            ck_assert_msg(isnan(r.w[k]), "%s has a PCA weight", code);
            ck_assert(ref_value(r.wref, code, "Weight") == 1);
        }
    }
    ck_assert_uint_eq(n_set, 8);
    printf("coinr-asem PCA Physical: 8 x 8 loadings, 8 sdev, max relative difference %.3g, "
           "%d of 8 components with the opposite sign\n", max_rel, flipped);
    pca_close(&r);
}
END_TEST

/* get_PCA(coin_a, dset = "Raw", iCodes = "Sust", Level = 1): one PCA per pillar of Sust,
 * rows with a missing value dropped (1, 14 and 7 of 51) */
START_TEST(pca_sust_raw)
{
    pca_run r;
    pca_open(&r, ASEM "input_ASEM_iData.csv", ASEM "f_pca_raw_Sust_weights.csv", "Sust");
    double max_rel = 0;
    ck_assert_uint_eq(egdi_dataset_n_units(r.load), 5 + 9 + 5);
    static const char *const groups[] = {"Environ", "Social", "SusEcFin"};
    static const size_t rows[] = {50, 37, 44};
    int flipped = 0;
    char rf[256], sf[256];
    for (int g = 0; g < 3; g++) {
        snprintf(rf, sizeof rf, ASEM "f_pca_raw_Sust_%s_rotation.csv", groups[g]);
        snprintf(sf, sizeof sf, ASEM "f_pca_raw_Sust_%s_sdev.csv", groups[g]);
        flipped += check_group(r.load, r.var, groups[g], rf, sf, rows[g], &max_rel);
    }
    /* the weights are PC1's loadings: |COINr's| (COINr's PC1 sums to < 0 in all three) */
    size_t n_set = 0;
    for (size_t k = 0; k < r.nn; k++) {
        if (isnan(r.w[k]))
            continue;
        const char *code = egdi_index_node_code(r.idx, k);
        double want = ref_value(r.wref, code, "Weight");
        ck_assert_msg(rel_diff(fabs(r.w[k]), fabs(want)) <= TOL_REL, "%s", code);
        ck_assert_msg(r.w[k] * want < 0, "%s: COINr's PC1 has the opposite sign", code);
        n_set++;
    }
    ck_assert_uint_eq(n_set, 19);
    printf("coinr-asem PCA Sust (raw): 3 groups, 19 variables, max relative difference %.3g, "
           "%d of 19 components with the opposite sign\n", max_rel, flipped);
    pca_close(&r);
}
END_TEST

/* The example coin's Aggregated data set from its Normalised one: no normalisation, no
 * direction (already applied), arithmetic means. */
static egdi_index *aggregated_index(void)
{
    egdi_index *idx = NULL;
    OK(egdi_index_read_csv(ASEM "asem_minmax_mean.csv", &idx));
    for (size_t k = 0; k < egdi_index_n_nodes(idx); k++)
        if (egdi_index_node_is_indicator(idx, k) == 1) {
            const char *code = egdi_index_node_code(idx, k);
            OK(egdi_index_set_normalization(idx, code, EGDI_NORM_NONE, NULL, 0));
            OK(egdi_index_set_direction(idx, code, 1));
        }
    return idx;
}

/* `converges`: whether libegdi's search from the equal targets converges within 500
 * iterations (then the shares must meet the targets to 1e-9; otherwise the report must
 * say it did not, and the search must have used every iteration). */
static void check_opt_level(int level, const char *corr_file, const char *opt_file,
                            size_t n_nodes_level, int converges)
{
    egdi_index *idx = aggregated_index();
    egdi_dataset *data = read_by(ASEM "c_example_normalised.csv", "uCode");
    egdi_dataset *nominal = read_by(corr_file, "Var2");
    egdi_dataset *coinr = read_by(opt_file, "iCode");
    size_t nn = egdi_index_n_nodes(idx);
    double w[60];
    egdi_weights_opt_options o = EGDI_WEIGHTS_OPT_OPTIONS_INIT;
    o.level = level;
    o.max_iter = 0; /* only the start: equal weights */
    egdi_weights_opt_report r = {EGDI_WEIGHTS_OPT_REPORT_VERSION, 0, 0, 0, 0, 0, 0};
    egdi_dataset *det = NULL;
    OK(egdi_weights_optimise(idx, data, &o, w, nn, &r, &det));
    ck_assert_uint_eq(egdi_dataset_n_units(det), n_nodes_level);
    ck_assert_uint_eq(r.evaluations, 1);
    double max_rel = 0, start_w[8];
    for (size_t i = 0; i < n_nodes_level; i++) {
        const char *code = egdi_dataset_unit_code(det, i);
        double got = col_value(det, code, "Correlation");
        double want = ref_value(nominal, code, "Correlation");
        double d = rel_diff(got, want);
        ck_assert_msg(d <= TOL_REL, "level %d %s: r = %.17g, COINr %.17g", level, code, got, want);
        max_rel = d > max_rel ? d : max_rel;
        start_w[i] = ref_value(coinr, code, "OptWeight");
    }
    egdi_dataset_free(det);
    /* the objective at COINr's returned weights */
    o.start = start_w;
    o.n_start = n_nodes_level;
    OK(egdi_weights_optimise(idx, data, &o, w, nn, &r, NULL));
    double f_coinr = r.start_objective;
    /* libegdi's search from COINr's start (the equal targets) */
    o.start = NULL;
    o.max_iter = 500;
    OK(egdi_weights_optimise(idx, data, &o, w, nn, &r, &det));
    ck_assert_msg(r.objective <= f_coinr, "level %d: objective %.6g > COINr's %.6g", level,
                  r.objective, f_coinr);
    ck_assert(r.objective <= r.start_objective);
    double wsum = 0;
    for (size_t k = 0; k < nn; k++)
        wsum += isnan(w[k]) ? 0 : w[k];
    NEAR(wsum, 1, 1e-12);
    double worst = 0;
    for (size_t i = 0; i < n_nodes_level; i++) {
        double s = col_value(det, egdi_dataset_unit_code(det, i), "Share");
        double t = col_value(det, egdi_dataset_unit_code(det, i), "Target");
        worst = fabs(s - t) > worst ? fabs(s - t) : worst;
    }
    if (converges) {
        ck_assert_msg(r.converged == 1, "level %d: not converged after %zu iterations", level,
                      r.iterations);
        ck_assert_msg(worst <= 1e-9, "level %d: worst |share - target| %.3g", level, worst);
    } else {
        ck_assert_msg(r.converged == 0, "level %d: converged (update this test)", level);
        ck_assert_uint_eq(r.iterations, o.max_iter);
        ck_assert_msg(worst > 1e-3, "level %d: shares meet their targets (%.3g) although the "
                      "search did not converge", level, worst);
    }
    printf("coinr-asem optimised weights, level %d: nominal correlations max rel. diff %.3g; "
           "objective %.6g (COINr's weights: %.6g, start %.6g), %zu iterations, %zu "
           "evaluations, converged %d, worst |share - target| %.3g\n",
           level, max_rel, r.objective, f_coinr, r.start_objective, r.iterations, r.evaluations,
           r.converged, worst);
    egdi_dataset_free(det);
    egdi_dataset_free(coinr);
    egdi_dataset_free(nominal);
    egdi_dataset_free(data);
    egdi_index_free(idx);
}

START_TEST(aggregated_matches_coinr)
{
    /* the re-aggregation the optimiser runs reproduces COINr's Aggregated Index */
    egdi_index *idx = aggregated_index();
    egdi_dataset *data = read_by(ASEM "c_example_normalised.csv", "uCode");
    egdi_dataset *agg = read_by(ASEM "c_example_aggregated.csv", "uCode");
    egdi_result *res = NULL;
    OK(egdi_compute(idx, data, &res));
    double got[N_UNITS];
    OK(egdi_result_get_scores(res, "Index", got, N_UNITS));
    for (size_t i = 0; i < N_UNITS; i++) {
        double want = ref_value(agg, egdi_dataset_unit_code(data, i), "Index");
        ck_assert_msg(rel_diff(got[i], want) <= TOL_REL, "Index %zu", i);
    }
    egdi_result_free(res);
    egdi_dataset_free(agg);
    egdi_dataset_free(data);
    egdi_index_free(idx);
}
END_TEST

START_TEST(optimised_level3)
{
    check_opt_level(3, ASEM "g_corr_nominal_level3_index.csv",
                    ASEM "g_opt_weights_level3_corr.csv", 2, 1);
}
END_TEST

START_TEST(optimised_level2)
{
    check_opt_level(2, ASEM "g_corr_nominal_level2_index.csv",
                    ASEM "g_opt_weights_level2_corr.csv", 8, 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("golden_coinr_weights");
    TCase *tc = tcase_create("asem");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, effective_weights);
    tcase_add_test(tc, pca_physical_normalised);
    tcase_add_test(tc, pca_sust_raw);
    tcase_add_test(tc, aggregated_matches_coinr);
    tcase_add_test(tc, optimised_level3);
    tcase_add_test(tc, optimised_level2);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
