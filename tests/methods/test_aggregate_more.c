/* The aggregations beyond mean and geomean (harmean, genmean, median,
 * copeland, mpi, ampi) on small hand-computed fixtures. Every expected value
 * is derived in the comments; tolerance 1e-12 unless stated. Benefit-of-the-
 * Doubt is in test_bod.c. */
#include "test_util.h"

#define TOL 1e-12
#define ASEM EGDI_TEST_FIXTURES "/../golden/coinr-asem/"

/* Units u1..u4; columns
 *   a = {1, 2, 4, 8}     b = {4, 2, 1, NaN}    z = {1, 0, 2, 3}   neg = {1, -1, 2, 3}
 *   c1 = {1, 2, 1, 5}    c2 = {5, 8, 2, 5}     c3 = {3, 6, 3, 5}  c4 = {10, NaN, 7, 5}
 *   p = {3, NaN, 1, 0}   q = {1, 2, 3, 0}      r = {2, 2, 3, 5}
 *   m1 = {1, 2, 3, 2}    m2 = {3, 3, 6, 4}     flat = {2, 2, 2, 2} */
static egdi_dataset *fixture(void)
{
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    const char *u[4] = {"u1", "u2", "u3", "u4"};
    for (int i = 0; i < 4; i++)
        OK(egdi_dataset_add_unit(ds, u[i], NULL, NULL));
    OK(egdi_dataset_add_numeric(ds, "a", (double[]){1, 2, 4, 8}, 4));
    OK(egdi_dataset_add_numeric(ds, "b", (double[]){4, 2, 1, NAN}, 4));
    OK(egdi_dataset_add_numeric(ds, "z", (double[]){1, 0, 2, 3}, 4));
    OK(egdi_dataset_add_numeric(ds, "neg", (double[]){1, -1, 2, 3}, 4));
    OK(egdi_dataset_add_numeric(ds, "c1", (double[]){1, 2, 1, 5}, 4));
    OK(egdi_dataset_add_numeric(ds, "c2", (double[]){5, 8, 2, 5}, 4));
    OK(egdi_dataset_add_numeric(ds, "c3", (double[]){3, 6, 3, 5}, 4));
    OK(egdi_dataset_add_numeric(ds, "c4", (double[]){10, NAN, 7, 5}, 4));
    OK(egdi_dataset_add_numeric(ds, "p", (double[]){3, NAN, 1, 0}, 4));
    OK(egdi_dataset_add_numeric(ds, "q", (double[]){1, 2, 3, 0}, 4));
    OK(egdi_dataset_add_numeric(ds, "r", (double[]){2, 2, 3, 5}, 4));
    OK(egdi_dataset_add_numeric(ds, "m1", (double[]){1, 2, 3, 2}, 4));
    OK(egdi_dataset_add_numeric(ds, "m2", (double[]){3, 3, 6, 4}, 4));
    OK(egdi_dataset_add_numeric(ds, "flat", (double[]){2, 2, 2, 2}, 4));
    return ds;
}

/* Aggregate "top" of the given columns (weights w) with method `name` and
 * parameters `params` (text), MinShare `share`; the four units' values in out.
 * Returns the status of egdi_compute (the message stays for FAILS). */
static egdi_status agg_on(egdi_dataset *ds, const char *name, const char *params,
                          const char *const *cols, const double *w, size_t k, double share,
                          double out[4])
{
    egdi_index *idx;
    egdi_result *res = NULL;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "top", NULL, 1));
    for (size_t c = 0; c < k; c++)
        OK(egdi_index_add_indicator(idx, cols[c], "top", w[c]));
    egdi_status st = egdi_index_set_method(idx, "top", EGDI_STEP_AGGREGATE, name, params);
    if (st == EGDI_OK) {
        OK(egdi_index_set_min_share(idx, "top", share));
        st = egdi_compute(idx, ds, &res);
    }
    if (st == EGDI_OK) {
        OK(egdi_result_get_scores(res, "top", out, egdi_dataset_n_units(ds)));
        egdi_result_free(res);
    }
    egdi_index_free(idx);
    return st;
}

static egdi_status agg(const char *name, const char *params, const char *const *cols,
                       const double *w, size_t k, double share, double out[4])
{
    egdi_dataset *ds = fixture();
    egdi_status st = agg_on(ds, name, params, cols, w, k, share, out);
    egdi_dataset_free(ds);
    return st;
}

#define COLS(...) ((const char *const[]){__VA_ARGS__})
#define W(...) ((const double[]){__VA_ARGS__})

START_TEST(harmonic_mean)
{
    /* weights a:1, b:3; H = (1 + 3) / (1/a + 3/b)
     * u1: 4 / (1 + 3/4) = 16/7; u2: 4 / (1/2 + 3/2) = 2; u3: 4 / (1/4 + 3) = 16/13;
     * u4: b missing, weights renormalised over a: 1 / (1/8) = 8 */
    double v[4];
    OK(agg("harmean", "", COLS("a", "b"), W(1, 3), 2, 0, v));
    NEAR(v[0], 16.0 / 7, TOL);
    NEAR(v[1], 2.0, TOL);
    NEAR(v[2], 16.0 / 13, TOL);
    NEAR(v[3], 8.0, TOL);
    /* MinShare 1: u4 has 1 of 2 children -> missing */
    OK(agg("harmean", "", COLS("a", "b"), W(1, 3), 2, 1, v));
    ck_assert(isnan(v[3]));
    NEAR(v[0], 16.0 / 7, TOL);
    /* a zero (COINr stops too) and a negative value (COINr accepts it silently) */
    FAILS(agg("harmean", "", COLS("a", "z"), W(1, 1), 2, 0, v), EGDI_ERR_DOMAIN,
          "aggregate 'top': unit 'u2': child 'z' is 0: the harmonic mean needs values > 0");
    FAILS(agg("harmean", "", COLS("a", "neg"), W(1, 1), 2, 0, v), EGDI_ERR_DOMAIN,
          "unit 'u2': child 'neg' is -1: the harmonic mean needs values > 0");
}
END_TEST

START_TEST(generalised_mean)
{
    /* p = 2, weights a:1, b:3: ((a^2 + 3 b^2) / 4)^(1/2)
     * u1: sqrt((1 + 48) / 4) = 3.5; u2: 2; u3: sqrt((16 + 3) / 4) = sqrt(4.75); u4: 8 */
    double v[4], m[4];
    OK(agg("genmean", "p=2", COLS("a", "b"), W(1, 3), 2, 0, v));
    NEAR(v[0], 3.5, TOL);
    NEAR(v[1], 2.0, TOL);
    NEAR(v[2], sqrt(4.75), TOL);
    NEAR(v[3], 8.0, TOL);
    /* p = 1, 0, -1 are the arithmetic, geometric and harmonic means */
    static const char *const pair[][2] = {{"p=1", "mean"}, {"p=0", "geomean"},
                                          {"p=-1", "harmean"}};
    for (int t = 0; t < 3; t++) {
        OK(agg("genmean", pair[t][0], COLS("a", "b"), W(1, 3), 2, 0, v));
        OK(agg(pair[t][1], "", COLS("a", "b"), W(1, 3), 2, 0, m));
        for (int i = 0; i < 4; i++)
            NEAR(v[i], m[i], 1e-12 * m[i]);
    }
    /* by hand: the mean (1 + 12) / 4 = 3.25; the geometric mean 4^(3/4) = 2^1.5 */
    OK(agg("genmean", "1", COLS("a", "b"), W(1, 3), 2, 0, v));
    NEAR(v[0], 3.25, TOL);
    OK(agg("genmean", "0", COLS("a", "b"), W(1, 3), 2, 0, v));
    NEAR(v[0], pow(2, 1.5), TOL);
    NEAR(v[2], sqrt(2), TOL); /* 4^(1/4) */
    /* zeros are fine for p > 0: u2 has a = 2, z = 0: sqrt((4 + 0) / 2) */
    OK(agg("genmean", "p=2", COLS("a", "z"), W(1, 1), 2, 0, v));
    NEAR(v[1], sqrt(2.0), TOL);
    FAILS(agg("genmean", "p=-2", COLS("a", "z"), W(1, 1), 2, 0, v), EGDI_ERR_DOMAIN,
          "unit 'u2': child 'z' is 0: the generalised mean with p = -2 needs values > 0");
    FAILS(agg("genmean", "p=0.5", COLS("a", "neg"), W(1, 1), 2, 0, v), EGDI_ERR_DOMAIN,
          "child 'neg' is -1: the generalised mean with p = 0.5 needs values >= 0");
    /* p is required */
    egdi_index *idx;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "top", NULL, 1));
    FAILS(egdi_index_set_method(idx, "top", EGDI_STEP_AGGREGATE, "genmean", ""),
          EGDI_ERR_INVALID_INDEX, "genmean needs the parameter 'p'");
    egdi_index_free(idx);
    /* 8^400 is beyond a double, the mean is not: u1 (1, 4): 4 ((1/4)^400 + 1)^(1/400)
     * / 2^(1/400) = 4 2^(-1/400) ((1/4)^400 = 2^-800 is below 4 ulp's relative weight) */
    OK(agg("genmean", "p=400", COLS("a", "b"), W(1, 1), 2, 0, v));
    NEAR(v[0], 4 * pow(2, -1.0 / 400), 1e-15 * 4);
    NEAR(v[3], 8, 0);
}
END_TEST

/* The power mean of row {1, 2, 4} near p = 0 and for large |p|.
 * Near 0: log M_p = (1/p) log(sum w e^(p l) / W), l = log x, is K(p) / p with K
 * the cumulant generating function of l under the weights w / W:
 *   log M_p = mu + p sigma^2 / 2 + p^2 kappa3 / 6 + O(p^3).
 * Equal weights: l = {0, ln 2, 2 ln 2}, mu = ln 2 (M_0 = 2), sigma^2 = 2/3 ln^2 2,
 * kappa3 = 0 (symmetric), so M_p = 2 exp(p ln^2 2 / 3) with a relative error
 * O(p^3). Weights {1, 1, 2}: mu = 5/4 ln 2, E l^2 = 9/4 ln^2 2, sigma^2 = 11/16
 * ln^2 2; the p^2 term (|kappa3| < 1) is below 1e-18 for p <= 1e-9.
 * Before the stable formula p = 1e-12 gave 1.99971 and p = 1e-300 gave 1.
 * Large p: (x/4)^1e6 underflows to 0 for x = 1, 2, so M = 4 (1/3)^(1e-6) (the
 * maximum times (w_max / W)^(1/p)); p = -1e6: M = 1 * 3^(1e-6) (the minimum).
 * Tolerance 2e-15 relative: a few roundings of log, expm1, log1p and exp. */
START_TEST(generalised_mean_extreme_p)
{
    const double row[3] = {1, 2, 4}, w2[3] = {1, 1, 2}, l2 = log(2) * log(2);
    const double small[] = {1e-300, 1e-12, 1e-9, 5e-324};
    for (size_t t = 0; t < sizeof small / sizeof *small; t++) {
        double p = small[t], got;
        OK(egdi_aggregate_array(EGDI_AGG_GENMEAN, &p, 1, row, 1, 3, NULL, &got));
        double want = 2 * exp(p * l2 / 3);
        ck_assert_msg(fabs(got / want - 1) <= 2e-15, "p = %g: %.17g, expected %.17g", p, got,
                      want);
        OK(egdi_aggregate_array(EGDI_AGG_GENMEAN, &p, 1, row, 1, 3, w2, &got));
        want = pow(2, 1.25) * exp(p * 11 * l2 / 32);
        ck_assert_msg(fabs(got / want - 1) <= 2e-15, "p = %g weighted: %.17g, expected %.17g",
                      p, got, want);
    }
    /* the O(p) term is really there: p = 1e-9 moves M by 2 ln^2 2 / 3 1e-9 = 3.2e-10 */
    double p = 1e-9, got;
    OK(egdi_aggregate_array(EGDI_AGG_GENMEAN, &p, 1, row, 1, 3, NULL, &got));
    NEAR((got - 2) / (2 * l2 / 3 * 1e-9), 1, 1e-5);
    p = 1e6;
    OK(egdi_aggregate_array(EGDI_AGG_GENMEAN, &p, 1, row, 1, 3, NULL, &got));
    ck_assert_msg(fabs(got / (4 * exp(-log(3) / 1e6)) - 1) <= 2e-15, "p = 1e6: %.17g", got);
    NEAR(got, 4, 5e-6);
    p = -1e6;
    OK(egdi_aggregate_array(EGDI_AGG_GENMEAN, &p, 1, row, 1, 3, NULL, &got));
    ck_assert_msg(fabs(got / exp(log(3) / 1e6) - 1) <= 2e-15, "p = -1e6: %.17g", got);
    NEAR(got, 1, 2e-6);
    /* values at 0 (p > 0): a zero counts as 0^p = 0; all zero gives 0 */
    const double zeros[3] = {0, 0, 0}, one_zero[2] = {0, 4};
    p = 2;
    OK(egdi_aggregate_array(EGDI_AGG_GENMEAN, &p, 1, zeros, 1, 3, NULL, &got));
    ck_assert(got == 0);
    OK(egdi_aggregate_array(EGDI_AGG_GENMEAN, &p, 1, one_zero, 1, 2, NULL, &got));
    NEAR(got, sqrt(8), 4e-15); /* sqrt((0 + 16) / 2) */
    p = 1e6;
    OK(egdi_aggregate_array(EGDI_AGG_GENMEAN, &p, 1, one_zero, 1, 2, NULL, &got));
    ck_assert_msg(fabs(got / (4 * exp(-log(2) / 1e6)) - 1) <= 2e-15, "%.17g", got);
    /* the domain errors stay */
    p = -1e6;
    FAILS(egdi_aggregate_array(EGDI_AGG_GENMEAN, &p, 1, one_zero, 1, 2, NULL, &got),
          EGDI_ERR_DOMAIN, "child '1' is 0: the generalised mean with p = -1e+06 needs values > 0");
}
END_TEST

START_TEST(weighted_median)
{
    /* c1..c4 equal weights. u1 = {1, 5, 3, 10} sorted 1 3 5 10: the weight below
     * 3 is 1 <= 2 and above it 2 <= 2; 5 has 2 below and 1 above: both qualify,
     * the median is (3 + 5) / 2 = 4 (the ordinary median of an even count).
     * u2 = {2, 8, 6, NaN}: c4 missing, weights over three: 6.
     * u3 = {1, 2, 3, 7}: (2 + 3) / 2 = 2.5. u4 = {5, 5, 5, 5}: 5. */
    double v[4];
    OK(agg("median", "", COLS("c1", "c2", "c3", "c4"), W(1, 1, 1, 1), 4, 0, v));
    NEAR(v[0], 4.0, TOL);
    NEAR(v[1], 6.0, TOL);
    NEAR(v[2], 2.5, TOL);
    NEAR(v[3], 5.0, TOL);
    /* c4 weight 3 (total 6, half 3): u1 sorted 1(1) 3(1) 5(1) 10(3): 5 has 2
     * below and 3 above, 10 has 3 below and 0 above: (5 + 10) / 2 = 7.5.
     * u3: 1(1) 2(1) 3(1) 7(3): (3 + 7) / 2 = 5. u2: c4 missing: 6 as before. */
    OK(agg("median", "", COLS("c1", "c2", "c3", "c4"), W(1, 1, 1, 3), 4, 0, v));
    NEAR(v[0], 7.5, TOL);
    NEAR(v[1], 6.0, TOL);
    NEAR(v[2], 5.0, TOL);
    /* c4 weight 4 (total 7, half 3.5): only 10 has <= 3.5 on both sides: 10 */
    OK(agg("median", "", COLS("c1", "c2", "c3", "c4"), W(1, 1, 1, 4), 4, 0, v));
    NEAR(v[0], 10.0, TOL);
    /* weights 0.1, 0.2, 0.3 on c1..c3 (c4 weight 0 takes no part): u3 = {1, 2, 3}:
     * 2 has 0.1 below and 0.3 above (= half of 0.6), 3 has 0.3 below: 2.5;
     * u1 = {1, 5, 3}: sorted 1(0.1) 3(0.3) 5(0.2): 3 has 0.1 below, 0.2 above: 3 */
    OK(agg("median", "", COLS("c1", "c2", "c3", "c4"), W(0.1, 0.2, 0.3, 0), 4, 0, v));
    NEAR(v[2], 2.5, TOL);
    NEAR(v[0], 3.0, TOL);
    /* MinShare 1: u2 lacks c4 */
    OK(agg("median", "", COLS("c1", "c2", "c3", "c4"), W(1, 1, 1, 1), 4, 1, v));
    ck_assert(isnan(v[1]));
    NEAR(v[0], 4.0, TOL);
}
END_TEST

START_TEST(copeland)
{
    /* p, q, r: u1 = (3, 1, 2), u2 = (NaN, 2, 2), u3 = (1, 3, 3), u4 = (0, 0, 5).
     * Pairs (equal weights) over the children both units have:
     *   u1-u2 (q, r): 1 < 2, 2 = 2 -> u2 wins     u1-u3: 3>1, 1<3, 2<3 -> u3
     *   u1-u4: 3>0, 1>0, 2<5 -> u1                 u2-u3 (q, r): 2<3, 2<3 -> u3
     *   u2-u4 (q, r): 2>0, 2<5 -> tie              u3-u4: 1>0, 3>0, 3<5 -> u3
     * wins - losses: u1 = -1 -1 +1 = -1, u2 = +1 -1 +0 = 0, u3 = 3, u4 = -1 +0 -1 = -2 */
    double v[4];
    OK(agg("copeland", "", COLS("p", "q", "r"), W(1, 1, 1), 3, 0, v));
    NEAR(v[0], -1, 0);
    NEAR(v[1], 0, 0);
    NEAR(v[2], 3, 0);
    NEAR(v[3], -2, 0);
    /* weights p:1, q:1, r:3: u1-u2 (q:1 below, r tie) -> u2; u1-u3: 1 above vs
     * 4 below -> u3; u1-u4: 2 above vs 3 below -> u4; u2-u3 -> u3; u2-u4 (q above 1,
     * r below 3) -> u4; u3-u4: 2 vs 3 -> u4.
     * u1 = -3, u2 = +1 -1 -1 = -1, u3 = +1 +1 -1 = 1, u4 = +1 +1 +1 = 3 */
    OK(agg("copeland", "", COLS("p", "q", "r"), W(1, 1, 3), 3, 0, v));
    NEAR(v[0], -3, 0);
    NEAR(v[1], -1, 0);
    NEAR(v[2], 1, 0);
    NEAR(v[3], 3, 0);
    /* MinShare 1: u2 (2 of 3 children) gets none and is left out of the others'
     * comparisons: equal weights, u1 = -1 +1 = 0, u3 = 2, u4 = -2 */
    OK(agg("copeland", "", COLS("p", "q", "r"), W(1, 1, 1), 3, 1, v));
    ck_assert(isnan(v[1]));
    NEAR(v[0], 0, 0);
    NEAR(v[2], 2, 0);
    NEAR(v[3], -2, 0);
    /* c1, c2, c3 with weights 0.1, 0.2, 0.3: u1 = (1, 5, 3), u2 = (2, 8, 6),
     * u3 = (1, 2, 3), u4 = (5, 5, 5).
     *   u1-u2: all below -> u2          u1-u3: tie, 5 > 2 (0.2), tie -> u1
     *   u1-u4: 0.1 + 0.3 below, tie -> u4   u2-u3: all above -> u2
     *   u2-u4: 0.1 below, 0.2 + 0.3 above -> u2   u3-u4: all below -> u4
     * u1: -1 +1 -1 = -1; u2: 3; u3: -3; u4: +1 -1 +1 = 1 */
    OK(agg("copeland", "", COLS("c1", "c2", "c3"), W(0.1, 0.2, 0.3), 3, 0, v));
    NEAR(v[0], -1, 0);
    NEAR(v[1], 3, 0);
    NEAR(v[2], -3, 0);
    NEAR(v[3], 1, 0);
}
END_TEST

START_TEST(copeland_exact_tie)
{
    /* Units v1 = (2, 2, 1), v2 = (1, 1, 2) on children x, y, z weighted 0.1,
     * 0.2, 0.3: v1 is above on 0.1 + 0.2 and below on 0.3, a tie in real
     * numbers (rounded, 0.1 + 0.2 = 0.30000000000000004 > 0.3): both score 0. */
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_unit(ds, "v1", NULL, NULL));
    OK(egdi_dataset_add_unit(ds, "v2", NULL, NULL));
    OK(egdi_dataset_add_numeric(ds, "x", (double[]){2, 1}, 2));
    OK(egdi_dataset_add_numeric(ds, "y", (double[]){2, 1}, 2));
    OK(egdi_dataset_add_numeric(ds, "z", (double[]){1, 2}, 2));
    egdi_index *idx;
    egdi_result *res;
    double v[2];
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "top", NULL, 1));
    OK(egdi_index_add_indicator(idx, "x", "top", 0.1));
    OK(egdi_index_add_indicator(idx, "y", "top", 0.2));
    OK(egdi_index_add_indicator(idx, "z", "top", 0.3));
    OK(egdi_index_set_method(idx, "top", EGDI_STEP_AGGREGATE, "copeland", NULL));
    OK(egdi_compute(idx, ds, &res));
    OK(egdi_result_get_scores(res, "top", v, 2));
    NEAR(v[0], 0, 0);
    NEAR(v[1], 0, 0);
    egdi_result_free(res);
    /* weight 0.31 on z: v2 wins */
    OK(egdi_index_set_weight(idx, "z", 0.31));
    OK(egdi_compute(idx, ds, &res));
    OK(egdi_result_get_scores(res, "top", v, 2));
    NEAR(v[0], -1, 0);
    NEAR(v[1], 1, 0);
    egdi_result_free(res);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

/* MPI worked example on u1..u3 (u4 dropped by selecting three units): m1 =
 * {1, 2, 3}: mean 2, population sd sqrt(2/3), z = 100 + 10 (x - 2) / sqrt(2/3)
 * = 100 + 5 sqrt(6) (x - 2): {100 - 5 sqrt6, 100, 100 + 5 sqrt6}.
 * m2 = {3, 3, 6}: mean 4, sd sqrt(2), z = 100 + 5 sqrt(2) (x - 4):
 * {100 - 5 sqrt2, 100 - 5 sqrt2, 100 + 10 sqrt2}.
 * Equal weights, per unit M = (z1 + z2) / 2, S = |z1 - z2| / 2, MPI- = M - S^2 / M:
 *   u1: z = 87.75255128608411, 92.92893218813452 -> M = 90.34074173710932,
 *       S = 2.588190451025207, MPI- = 90.26659213769301, MPI+ = 90.41489133652561
 *   u2: z = 100, 92.92893218813452 -> M = 96.46446609406726, S = 3.535533905932737,
 *       MPI- = 96.3348846999422, MPI+ = 96.59404748819233
 *   u3: z = 112.24744871391589, 114.14213562373095 -> MPI- = 113.18686371554072
 * Weights m1:1, m2:3 (M = (z1 + 3 z2) / 4, S^2 = (z1 - M)^2 / 4 + 3 (z2 - M)^2 / 4):
 *   u1: 91.58001013556996, u2: 94.59769885825015, u3: 113.66254233551095 */
static egdi_dataset *three_units(void)
{
    egdi_dataset *all = fixture(), *ds;
    OK(egdi_dataset_select_units(all, (const size_t[]){0, 1, 2}, 3, &ds));
    egdi_dataset_free(all);
    return ds;
}

START_TEST(mazziotta_pareto)
{
    egdi_dataset *ds = three_units();
    double v[4];
    OK(agg_on(ds, "mpi", "", COLS("m1", "m2"), W(1, 1), 2, 0, v));
    NEAR(v[0], 90.26659213769301, 1e-11);
    NEAR(v[1], 96.3348846999422, 1e-11);
    NEAR(v[2], 113.18686371554072, 1e-11);
    OK(agg_on(ds, "mpi", "sign=1", COLS("m1", "m2"), W(1, 1), 2, 0, v));
    NEAR(v[0], 90.41489133652561, 1e-11);
    NEAR(v[1], 96.59404748819233, 1e-11);
    OK(agg_on(ds, "mpi", "sign=-1", COLS("m1", "m2"), W(1, 3), 2, 0, v));
    NEAR(v[0], 91.58001013556996, 1e-11);
    NEAR(v[1], 94.59769885825015, 1e-11);
    NEAR(v[2], 113.66254233551095, 1e-11);
    FAILS(agg_on(ds, "mpi", "sign=0.5", COLS("m1", "m2"), W(1, 1), 2, 0, v),
          EGDI_ERR_INVALID_INDEX, "sign = 0.5 must be -1");
    FAILS(agg_on(ds, "mpi", "", COLS("m1", "flat"), W(1, 1), 2, 0, v), EGDI_ERR_DOMAIN,
          "aggregate 'top': child 'flat' has the same value for every unit: mpi cannot "
          "standardise it");
    egdi_dataset_free(ds);
}
END_TEST

/* AMPI on the same units: m1 = {1, 2, 3}: Inf 1, Sup 3, Ref = mean 2:
 * r = 100 + 60 (x - 2) / 2 = {70, 100, 130}; m2 = {3, 3, 6}: Inf 3, Sup 6,
 * Ref = mean 4: r = 100 + 60 (x - 4) / 3 = {80, 80, 140}.
 *   u1 (70, 80): M 75, S 5, AMPI- = 75 - 25/75 = 74.666..., AMPI+ = 75.333...
 *   u2 (100, 80): M 90, S 10, AMPI- = 90 - 100/90 = 88.888...
 *   u3 (130, 140): M 135, S 5, AMPI- = 135 - 25/135 = 134.81481481481481
 * midrange=1: Ref of m2 = 4.5: r = 100 + 20 (x - 4.5) = {70, 70, 130}; m1 unchanged.
 *   u1 (70, 70): 70; u2 (100, 70): M 85, S 15, 85 - 225/85 = 82.35294117647059;
 *   u3 (130, 130): 130
 * weights 1, 3 (Ref = mean): u2 (100, 80): M = (100 + 240) / 4 = 85,
 *   S^2 = (225 + 3 * 25) / 4 = 75, AMPI- = 85 - 75/85 = 84.11764705882354 */
START_TEST(adjusted_mazziotta_pareto)
{
    egdi_dataset *ds = three_units();
    double v[4];
    OK(agg_on(ds, "ampi", "", COLS("m1", "m2"), W(1, 1), 2, 0, v));
    NEAR(v[0], 75 - 25.0 / 75, 1e-11);
    NEAR(v[1], 90 - 100.0 / 90, 1e-11);
    NEAR(v[2], 135 - 25.0 / 135, 1e-11);
    OK(agg_on(ds, "ampi", "sign=1", COLS("m1", "m2"), W(1, 1), 2, 0, v));
    NEAR(v[0], 75 + 25.0 / 75, 1e-11);
    OK(agg_on(ds, "ampi", "midrange=1", COLS("m1", "m2"), W(1, 1), 2, 0, v));
    NEAR(v[0], 70, 1e-11);
    NEAR(v[1], 85 - 225.0 / 85, 1e-11);
    NEAR(v[2], 130, 1e-11);
    OK(agg_on(ds, "ampi", "", COLS("m1", "m2"), W(1, 3), 2, 0, v));
    NEAR(v[1], 85 - 75.0 / 85, 1e-11);
    FAILS(agg_on(ds, "ampi", "midrange=0.5", COLS("m1", "m2"), W(1, 1), 2, 0, v),
          EGDI_ERR_INVALID_INDEX, "midrange = 0.5 must be 0 or 1");
    FAILS(agg_on(ds, "ampi", "", COLS("flat", "m2"), W(1, 1), 2, 0, v), EGDI_ERR_DOMAIN,
          "child 'flat' has the same value for every unit: ampi cannot standardise it");
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(mpi_missing)
{
    /* a = {1, 2, 4, 8}, b = {4, 2, 1, NaN}, four units. a: mean 3.75, population
     * variance (7.5625 + 3.0625 + 0.0625 + 18.0625) / 4 = 7.1875; b over u1..u3:
     * mean 7/3, variance ((5/3)^2 + (1/3)^2 + (4/3)^2) / 3 = 42/27 = 14/9.
     * u4 has a only: M = z_a = 100 + 10 (8 - 3.75) / sqrt(7.1875), S = 0, so
     * MPI = M. With MinShare 1, u4 has no value. */
    double v[4];
    OK(agg("mpi", "", COLS("a", "b"), W(1, 1), 2, 0, v));
    NEAR(v[3], 100 + 10 * 4.25 / sqrt(7.1875), 1e-11);
    /* u2: z_a = 100 + 10 (2 - 3.75) / sqrt(7.1875), z_b = 100 + 10 (2 - 7/3) / sqrt(14/9) */
    double za = 100 + 10 * -1.75 / sqrt(7.1875), zb = 100 + 10 * (-1.0 / 3) / sqrt(14.0 / 9);
    double m = (za + zb) / 2, s = fabs(za - zb) / 2;
    NEAR(v[1], m - s * s / m, 1e-11);
    OK(agg("mpi", "", COLS("a", "b"), W(1, 1), 2, 1, v));
    ck_assert(isnan(v[3]));
    NEAR(v[1], m - s * s / m, 1e-11);
}
END_TEST

/* COINr parity (tests/golden/coinr-asem/README.md, pipeline b): n_minmax to
 * [1, 100] on the raw ASEM data, then a_gmean at all three levels. The Index
 * of every unit below is COINr 1.1.14's b_minmax1_100_gmean_index_ranks.csv
 * (%.17g). libegdi's geomean and genmean with p = 0 (the geometric mean
 * exactly) must both give it to 1e-9 relative. */
static const struct {
    const char *code;
    double index;
} coinr_gmean_index[] = {
    {"AUS", 31.917260748690552}, {"AUT", 43.838215350565932}, {"BEL", 49.352391703335066},
    {"BGD", 20.140174954492423}, {"BGR", 27.513201258425426}, {"BRN", 10.873409171681692},
    {"CHE", 50.525543634084336}, {"CHN", 39.768325569526105}, {"CYP", 20.1714626310096},
    {"CZE", 35.586415951899497}, {"DEU", 71.584739635336121}, {"DNK", 43.218114720027529},
    {"ESP", 51.016924881209654}, {"EST", 24.080412821023785}, {"FIN", 37.992389975587493},
    {"FRA", 61.36833492312843}, {"GBR", 62.976299986780717}, {"GRC", 30.20232292389386},
    {"HRV", 29.07971697193393}, {"HUN", 32.550309926357436}, {"IDN", 26.307951878337786},
    {"IND", 33.538892396545478}, {"IRL", 39.824445559284221}, {"ITA", 49.659738209646491},
    {"JPN", 37.008490351882919}, {"KAZ", 17.909145830449255}, {"KHM", 16.429661941574569},
    {"KOR", 40.341539066475498}, {"LAO", 11.991024554387115}, {"LTU", 29.057211636529491},
    {"LUX", 23.840843390554578}, {"LVA", 26.003417838507087}, {"MLT", 20.275608357816289},
    {"MMR", 14.597490748672461}, {"MNG", 13.274143359159563}, {"MYS", 28.147631458062289},
    {"NLD", 50.633448949497328}, {"NOR", 44.546042627541397}, {"NZL", 26.028771188077393},
    {"PAK", 17.664790586256004}, {"PHL", 23.614265670715323}, {"POL", 42.044541182383703},
    {"PRT", 31.588701800032577}, {"ROU", 33.758613659887097}, {"RUS", 24.229919614440309},
    {"SGP", 32.674538345688951}, {"SVK", 29.184228789435949}, {"SVN", 28.834124161326528},
    {"SWE", 47.144577629749101}, {"THA", 27.533164784366392}, {"VNM", 24.798465792760382},
};

START_TEST(coinr_geometric_mean_parity)
{
    static const char *const how[][2] = {{"geomean", ""}, {"genmean", "p=0"}};
    egdi_csv_options o = EGDI_CSV_OPTIONS_INIT;
    o.code_column = "uCode";
    egdi_dataset *data = NULL;
    OK(egdi_dataset_read_csv(ASEM "input_ASEM_iData.csv", &o, &data));
    size_t n = egdi_dataset_n_units(data);
    size_t n_ref = sizeof coinr_gmean_index / sizeof *coinr_gmean_index;
    ck_assert_uint_eq(n, 51);
    ck_assert_uint_eq(n_ref, 51);
    double *got = malloc(n * sizeof *got);
    for (int t = 0; t < 2; t++) {
        egdi_index *idx = NULL;
        OK(egdi_index_read_csv(ASEM "asem_minmax_mean.csv", &idx));
        for (size_t k = 0; k < egdi_index_n_nodes(idx); k++) {
            const char *code = egdi_index_node_code(idx, k);
            if (egdi_index_node_is_indicator(idx, k) == 1)
                OK(egdi_index_set_normalization(idx, code, EGDI_NORM_MINMAX, W(1, 100), 2));
            else
                OK(egdi_index_set_method(idx, code, EGDI_STEP_AGGREGATE, how[t][0], how[t][1]));
        }
        egdi_result *res;
        OK(egdi_compute(idx, data, &res));
        OK(egdi_result_get_scores(res, "Index", got, n));
        for (size_t r = 0; r < n_ref; r++) {
            size_t i;
            OK(egdi_dataset_find_unit(data, coinr_gmean_index[r].code, &i));
            double want = coinr_gmean_index[r].index;
            ck_assert_msg(fabs(got[i] - want) <= 1e-9 * want, "%s %s: %.17g, COINr %.17g",
                          how[t][0], coinr_gmean_index[r].code, got[i], want);
        }
        egdi_result_free(res);
        egdi_index_free(idx);
    }
    free(got);
    egdi_dataset_free(data);
}
END_TEST

START_TEST(from_imeta)
{
    /* the methods and their parameters from an iMeta file: genmean p=2 of a, b
     * (weights 1, 3) as in generalised_mean (u1 = 3.5); mpi with sign=1 */
    static const char imeta[] = "iCode,Parent,Weight,Type,Aggregation,AggParams\n"
                                "top,,1,Aggregate,genmean,p=2\n"
                                "a,top,1,Indicator,,\n"
                                "b,top,3,Indicator,,\n";
    egdi_index *idx;
    egdi_result *res;
    egdi_dataset *ds = fixture();
    double v[4];
    OK(egdi_index_read_csv_buffer(imeta, sizeof imeta - 1, &idx));
    OK(egdi_compute(idx, ds, &res));
    OK(egdi_result_get_scores(res, "top", v, 4));
    NEAR(v[0], 3.5, TOL);
    NEAR(v[2], sqrt(4.75), TOL);
    egdi_result_free(res);
    egdi_index_free(idx);
    static const char bad[] = "iCode,Parent,Weight,Type,Aggregation,AggParams\n"
                              "top,,1,Aggregate,genmean,\n"
                              "a,top,1,Indicator,,\n";
    FAILS(egdi_index_read_csv_buffer(bad, sizeof bad - 1, &idx), EGDI_ERR_INVALID_INDEX,
          "genmean needs the parameter 'p'");
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(registry_entries)
{
    /* the seven new aggregations are in the registry with their parameters */
    static const char *const names[] = {"harmean", "genmean", "median", "copeland",
                                        "mpi",     "ampi",    "bod"};
    static const int ids[] = {EGDI_AGG_HARMEAN, EGDI_AGG_GENMEAN, EGDI_AGG_MEDIAN,
                              EGDI_AGG_COPELAND, EGDI_AGG_MPI, EGDI_AGG_AMPI, EGDI_AGG_BOD};
    for (int k = 0; k < 7; k++) {
        int id = -1;
        OK(egdi_method_from_name(EGDI_STEP_AGGREGATE, names[k], &id));
        ck_assert_int_eq(id, ids[k]);
        ck_assert_str_eq(egdi_method_name(EGDI_STEP_AGGREGATE, ids[k]), names[k]);
    }
    /* COINr's data-driven ones are flagged: they need all units */
    size_t n = egdi_method_count();
    int seen = 0;
    for (size_t i = 0; i < n; i++) {
        egdi_method_info m = {.version = EGDI_METHOD_INFO_VERSION};
        OK(egdi_method_get_info(i, &m));
        if (m.step != EGDI_STEP_AGGREGATE)
            continue;
        int data = (m.flags & EGDI_METHOD_DATA_DRIVEN) != 0;
        ck_assert_int_eq(data, m.id == EGDI_AGG_COPELAND || m.id == EGDI_AGG_MPI ||
                                   m.id == EGDI_AGG_AMPI || m.id == EGDI_AGG_BOD);
        if (m.id == EGDI_AGG_GENMEAN) {
            ck_assert_uint_eq(m.n_params, 1);
            ck_assert_uint_eq(m.n_required, 1);
        }
        if (m.id == EGDI_AGG_BOD)
            ck_assert_uint_eq(m.n_params, 4);
        seen++;
    }
    ck_assert_int_eq(seen, 9);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("aggregate_more");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, harmonic_mean);
    tcase_add_test(tc, generalised_mean);
    tcase_add_test(tc, generalised_mean_extreme_p);
    tcase_add_test(tc, weighted_median);
    tcase_add_test(tc, copeland);
    tcase_add_test(tc, copeland_exact_tie);
    tcase_add_test(tc, mazziotta_pareto);
    tcase_add_test(tc, adjusted_mazziotta_pareto);
    tcase_add_test(tc, mpi_missing);
    tcase_add_test(tc, coinr_geometric_mean_parity);
    tcase_add_test(tc, from_imeta);
    tcase_add_test(tc, registry_entries);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
