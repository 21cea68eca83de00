/* The normalisations of 1.4 (COINr's n_* functions and transforms), the
 * keyword/unit/switch parameters of the registry, and the array-level API.
 * Every expected value is derived in the comments; tolerance 1e-12 unless
 * stated. Parity with COINr 1.1.14 on ASEM (tests/golden/coinr-asem/):
 * 1e-9 relative. */
#include "test_util.h"

#define TOL 1e-12
#define ASEM EGDI_TEST_FIXTURES "/../golden/coinr-asem/"

static const double X[4] = {1, 2, 3, 6};

/* egdi_normalise_array on X with direction d; out[4]. */
static void norm(egdi_norm m, const double *p, size_t np, int d, double out[4])
{
    OK(egdi_normalise_array((int)m, p, np, d, X, 4, out));
}

static void near4(const double got[4], double a, double b, double c, double e, double tol)
{
    const double want[4] = {a, b, c, e};
    for (int i = 0; i < 4; i++) {
        if (isnan(want[i])) {
            ck_assert_msg(isnan(got[i]), "value %d = %.17g, expected NaN", i, got[i]);
            continue;
        }
        ck_assert_msg(fabs(got[i] - want[i]) <= tol, "value %d = %.17g, expected %.17g", i,
                      got[i], want[i]);
    }
}

START_TEST(ranks_ties_and_missing)
{
    /* t = {3, 1, 3, 2, NaN}: sorted present values {1, 2, 3, 3}; rank = 1 + the number
     * below: 3 -> 3 (1 and 2 below, both 3s share the lowest rank), 1 -> 1, 2 -> 2 */
    const double t[5] = {3, 1, 3, 2, NAN};
    double r[5];
    OK(egdi_normalise_array(EGDI_NORM_RANK, NULL, 0, 1, t, 5, r));
    ck_assert(r[0] == 3 && r[1] == 1 && r[2] == 3 && r[3] == 2 && isnan(r[4]));
    /* Borda = rank - 1 = {2, 0, 2, 1, NaN} */
    OK(egdi_normalise_array(EGDI_NORM_BORDA, NULL, 0, 1, t, 5, r));
    ck_assert(r[0] == 2 && r[1] == 0 && r[2] == 2 && r[3] == 1 && isnan(r[4]));
    /* percentile rank (rank - 1) / (4 - 1) = {2/3, 0, 2/3, 1/3, NaN}: n counts present values */
    OK(egdi_normalise_array(EGDI_NORM_PRANK, NULL, 0, 1, t, 5, r));
    ck_assert(r[0] == 2.0 / 3 && r[1] == 0 && r[2] == 2.0 / 3 && r[3] == 1.0 / 3 && isnan(r[4]));
    /* direction -1 ranks -t = {-3, -1, -3, -2}: sorted {-3, -3, -2, -1} -> {1, 4, 1, 3} */
    OK(egdi_normalise_array(EGDI_NORM_RANK, NULL, 0, -1, t, 5, r));
    ck_assert(r[0] == 1 && r[1] == 4 && r[2] == 1 && r[3] == 3 && isnan(r[4]));
    /* in place (out == x) gives the same */
    double u[5] = {3, 1, 3, 2, NAN};
    OK(egdi_normalise_array(EGDI_NORM_RANK, NULL, 0, 1, u, 5, u));
    ck_assert(u[0] == 3 && u[1] == 1 && u[2] == 3 && u[3] == 2 && isnan(u[4]));
    /* a single value: COINr's (1 - 1) / (1 - 1) is NaN; refused naming the unit */
    const double one[3] = {NAN, 7, NAN};
    FAILS(egdi_normalise_array(EGDI_NORM_PRANK, NULL, 0, 1, one, 3, r), EGDI_ERR_DOMAIN,
          "node 'array': percentile rank of a single value (unit '2'");
    /* rank of a single value is fine: 1 */
    OK(egdi_normalise_array(EGDI_NORM_RANK, NULL, 0, 1, one, 3, r));
    ck_assert(r[1] == 1 && isnan(r[0]) && isnan(r[2]));
}
END_TEST

START_TEST(zscore_sd_types)
{
    double z[4];
    /* X = {1, 2, 3, 6}: mean 3, squares 4 + 1 + 0 + 9 = 14.
     * population sd = sqrt(14 / 4) = 1.8708286933869707: z(6) = 3 / sd = 1.6035674514745464
     * sample sd = sqrt(14 / 3) = 2.1602468994692869: z(6) = 3 / sd = 1.3887301496588271 */
    norm(EGDI_NORM_ZSCORE, NULL, 0, 1, z);
    near4(z, -2 / 1.8708286933869707, -1 / 1.8708286933869707, 0, 1.6035674514745464, TOL);
    norm(EGDI_NORM_ZSCORE, (double[]){0, 1, 1}, 3, 1, z);
    near4(z, -2 / 2.1602468994692869, -1 / 2.1602468994692869, 0, 1.3887301496588271, TOL);
    /* target mean 50, sd 10, sample: 50 + 10 z */
    norm(EGDI_NORM_ZSCORE, (double[]){50, 10, 1}, 3, 1, z);
    NEAR(z[3], 50 + 13.887301496588271, 1e-12);
    /* sd_type must be 0 (population) or 1 (sample) */
    FAILS(egdi_normalise_array(EGDI_NORM_ZSCORE, (double[]){0, 1, 2}, 3, 1, X, 4, z),
          EGDI_ERR_INVALID_INDEX, "sd_type = 2: give one of population|sample");
    FAILS(egdi_normalise_array(EGDI_NORM_ZSCORE, (double[]){0, 1, 0.5}, 3, 1, X, 4, z),
          EGDI_ERR_INVALID_INDEX, "sd_type = 0.5 must be a whole number");
}
END_TEST

START_TEST(distances)
{
    double v[4];
    /* dist2max: 1 - (6 - x) / (6 - 1) = {0, 0.2, 0.4, 1} */
    norm(EGDI_NORM_DIST2MAX, NULL, 0, 1, v);
    near4(v, 0, 0.2, 0.4, 1, TOL);
    /* dist2ref, reference unit 3 (x = 3), min 1: 1 - (3 - x) / 2 = {0, 0.5, 1, 2.5} */
    norm(EGDI_NORM_DIST2REF, (double[]){3}, 1, 1, v);
    near4(v, 0, 0.5, 1, 2.5, TOL);
    /* cap_max=1: {0, 0.5, 1, 1} */
    norm(EGDI_NORM_DIST2REF, (double[]){3, 1}, 2, 1, v);
    near4(v, 0, 0.5, 1, 1, TOL);
    /* the reference holds the minimum: COINr divides by zero; refused naming the unit */
    FAILS(egdi_normalise_array(EGDI_NORM_DIST2REF, (double[]){1}, 1, 1, X, 4, v),
          EGDI_ERR_DOMAIN, "dist2ref: the reference unit '1' has the lowest value (1)");
    /* a reference without a value: COINr returns NA everywhere; refused */
    const double gap[4] = {1, NAN, 3, 5};
    FAILS(egdi_normalise_array(EGDI_NORM_DIST2REF, (double[]){2}, 1, 1, gap, 4, v),
          EGDI_ERR_DOMAIN, "dist2ref: the reference unit '2' has no value");
    FAILS(egdi_normalise_array(EGDI_NORM_DIST2REF, (double[]){5}, 1, 1, X, 4, v),
          EGDI_ERR_DOMAIN, "ref = 5, but the data has 4 units");
    FAILS(egdi_normalise_array(EGDI_NORM_DIST2REF, (double[]){2.5}, 1, 1, X, 4, v),
          EGDI_ERR_INVALID_INDEX, "ref = 2.5 must be a whole number");
    FAILS(egdi_normalise_array(EGDI_NORM_DIST2REF, NULL, 0, 1, X, 4, v),
          EGDI_ERR_INVALID_INDEX, "dist2ref takes 1 to 2 parameters, not 0");
    /* dist2targ target 5: (x - 1) / (5 - 1) = {0, 0.25, 0.5, 1.25}; capped {.., 1} */
    norm(EGDI_NORM_DIST2TARG, (double[]){5}, 1, 1, v);
    near4(v, 0, 0.25, 0.5, 1.25, TOL);
    norm(EGDI_NORM_DIST2TARG, (double[]){5, 1}, 2, 1, v);
    near4(v, 0, 0.25, 0.5, 1, TOL);
    /* direction -1, target 2 in the indicator's units (COINr: targ = Target * Direction):
     * x' = -x, target' = -2, min x' = -6: (x' + 6) / (-2 + 6) = (6 - x) / 4 = {1.25, 1, 0.75, 0} */
    norm(EGDI_NORM_DIST2TARG, (double[]){2}, 1, -1, v);
    near4(v, 1.25, 1, 0.75, 0, TOL);
    /* a target equal to the worst value divides by zero: refused naming that unit */
    FAILS(egdi_normalise_array(EGDI_NORM_DIST2TARG, (double[]){1}, 1, 1, X, 4, v),
          EGDI_ERR_DOMAIN, "dist2targ: the target 1 equals the worst value 1 (unit '1')");
    FAILS(egdi_normalise_array(EGDI_NORM_DIST2TARG, (double[]){6}, 1, -1, X, 4, v),
          EGDI_ERR_DOMAIN, "dist2targ: the target 6 equals the worst value 6 (unit '4')");
    /* a target short of the worst value: (x - 1) / (0 - 1) = {0, -1, -2, -5} would score
     * the best unit lowest (COINr returns that); refused naming the unit with the minimum.
     * Direction -1: the worst is the maximum 6 (unit 4); target 7 is beyond it the wrong
     * way: (6 - x) / (6 - 7) = {-5, -4, -3, 0} */
    FAILS(egdi_normalise_array(EGDI_NORM_DIST2TARG, (double[]){0}, 1, 1, X, 4, v),
          EGDI_ERR_DOMAIN, "node 'array': dist2targ: the target 0 is below the worst value 1 "
          "(unit '1'): every score would be negative and the order reversed");
    FAILS(egdi_normalise_array(EGDI_NORM_DIST2TARG, (double[]){7}, 1, -1, X, 4, v),
          EGDI_ERR_DOMAIN, "dist2targ: the target 7 is above the worst value 6 (unit '4')");
    /* fracmax of a zero maximum: COINr gives NaN/Inf; refused naming the unit */
    const double zeros[3] = {-1, 0, -2};
    FAILS(egdi_normalise_array(EGDI_NORM_FRACMAX, NULL, 0, 1, zeros, 3, v), EGDI_ERR_DOMAIN,
          "the highest value is 0 (unit '2')");
}
END_TEST

START_TEST(goalposts_and_scaled)
{
    double v[4];
    /* goalposts 2..5: (x - 2) / 3 clamped = {0, 0, 1/3, 1}; trunc=0: {-1/3, 0, 1/3, 4/3} */
    norm(EGDI_NORM_GOALPOSTS, (double[]){2, 5}, 2, 1, v);
    near4(v, 0, 0, 1.0 / 3, 1, TOL);
    norm(EGDI_NORM_GOALPOSTS, (double[]){2, 5, 1, 0}, 4, 1, v);
    near4(v, -1.0 / 3, 0, 1.0 / 3, 4.0 / 3, TOL);
    /* direction -1, goalposts in the indicator's units (COINr's iMeta goalposts): the
     * posts become -5, -2: (-x + 5) / (-2 + 5) = (5 - x) / 3 clamped = {1, 1, 2/3, 0};
     * scale 100: {100, 100, 66.67, 0} */
    norm(EGDI_NORM_GOALPOSTS, (double[]){2, 5, 100}, 3, -1, v);
    near4(v, 100, 100, 200.0 / 3, 0, 1e-12);
    /* scaled (COINr's n_scaled) 0..10, scale 100: x * 10 = {10, 20, 30, 60}; default scale 100 */
    norm(EGDI_NORM_SCALED, (double[]){0, 10}, 2, 1, v);
    near4(v, 10, 20, 30, 60, 1e-12);
    /* direction -1, bounds in the indicator's units: (10 - x) / 10 * 100 = {90, 80, 70, 40} */
    norm(EGDI_NORM_SCALED, (double[]){0, 10, 100}, 3, -1, v);
    near4(v, 90, 80, 70, 40, 1e-12);
    /* scaled is not clamped: bounds 2..4, scale 1: (x - 2) / 2 = {-0.5, 0, 0.5, 2} */
    norm(EGDI_NORM_SCALED, (double[]){2, 4, 1}, 3, 1, v);
    near4(v, -0.5, 0, 0.5, 2, TOL);
    FAILS(egdi_normalise_array(EGDI_NORM_SCALED, (double[]){4, 2}, 2, 1, X, 4, v),
          EGDI_ERR_INVALID_INDEX, "invalid scaled parameters: lo (4) must be below hi (2)");
    FAILS(egdi_normalise_array(EGDI_NORM_GOALPOSTS, (double[]){0, 1, 1, 2}, 4, 1, X, 4, v),
          EGDI_ERR_INVALID_INDEX, "trunc = 2 is outside [0, 1]");
}
END_TEST

START_TEST(transforms)
{
    double v[4];
    /* Box-Cox lambda 2 with makepos: v = x - 1 + 1 = x; (x^2 - 1) / 2 = {0, 1.5, 4, 17.5} */
    norm(EGDI_NORM_BOXCOX, (double[]){2}, 1, 1, v);
    near4(v, 0, 1.5, 4, 17.5, TOL);
    /* lambda 0: log(x) = {0, ln 2, ln 3, ln 6} */
    norm(EGDI_NORM_BOXCOX, (double[]){0}, 1, 1, v);
    near4(v, 0, log(2), log(3), log(6), TOL);
    /* makepos=0, lambda 0.5: (sqrt(x) - 1) / 0.5 */
    norm(EGDI_NORM_BOXCOX, (double[]){0.5, 0}, 2, 1, v);
    near4(v, 0, 2 * (sqrt(2) - 1), 2 * (sqrt(3) - 1), 2 * (sqrt(6) - 1), TOL);
    const double y[4] = {4, 4, 0, 2};
    FAILS(egdi_normalise_array(EGDI_NORM_BOXCOX, (double[]){0.5, 0}, 2, 1, y, 4, v),
          EGDI_ERR_DOMAIN, "Box-Cox without makepos needs values > 0, but unit '3' has 0");
    /* log_CT (default): shift 0.01 (6 - 1) = 0.05: log(x - 1 + 0.05) */
    norm(EGDI_NORM_LOG, NULL, 0, 1, v);
    near4(v, log(0.05), log(1.05), log(2.05), log(5.05), TOL);
    /* log_CT_orig: log(x - 1 + 1) = log(x) */
    norm(EGDI_NORM_LOG, (double[]){1}, 1, 1, v);
    near4(v, 0, log(2), log(3), log(6), TOL);
    /* log_CT_plus, positive skew (deviations -2, -1, 0, 3: cubes sum 18 > 0) = log_CT */
    norm(EGDI_NORM_LOG, (double[]){2}, 1, 1, v);
    near4(v, log(0.05), log(1.05), log(2.05), log(5.05), TOL);
    /* negative skew: direction -1 gives {-1, -2, -3, -6}, cubes sum -18: -log(max + a - x)
     * with max -1, a 0.05: -log({0.05, 1.05, 2.05, 5.05}) */
    norm(EGDI_NORM_LOG, (double[]){2}, 1, -1, v);
    near4(v, -log(0.05), -log(1.05), -log(2.05), -log(5.05), TOL);
    /* log_GII: log((6 - 1)(x - 1) / 5 + 1) = log(x) */
    norm(EGDI_NORM_LOG, (double[]){3}, 1, 1, v);
    near4(v, 0, log(2), log(3), log(6), TOL);
    /* plain log of x, refused for a value <= 0 naming the unit */
    norm(EGDI_NORM_LOG, (double[]){4}, 1, 1, v);
    near4(v, 0, log(2), log(3), log(6), TOL);
    FAILS(egdi_normalise_array(EGDI_NORM_LOG, (double[]){4}, 1, 1, y, 4, v), EGDI_ERR_DOMAIN,
          "log of a value <= 0: unit '3' has 0");
    /* log_CT of equal values is log(0) = -Inf in COINr: refused */
    const double flat[3] = {2, 2, 2};
    FAILS(egdi_normalise_array(EGDI_NORM_LOG, NULL, 0, 1, flat, 3, v), EGDI_ERR_DOMAIN,
          "log_CT of values that are all 2");
    /* log_GII needs max > 1: with {0.1, 0.2, 0.5, 1} (max 1) every value would be
     * log((1 - 1) (x - min) / (max - min) + 1) = 0; with max 0.5 ({0.1, 0.2, 0.3, 0.5})
     * log(-0.5 (x - 0.1) / 0.4 + 1) = {0, log 0.875, log 0.75, log 0.5}: reversed. With
     * direction -1 on X the values are {-1, -2, -3, -6}: max -1 */
    const double to1[4] = {0.1, 0.2, 0.5, 1}, half[4] = {0.1, 0.2, 0.3, 0.5};
    FAILS(egdi_normalise_array(EGDI_NORM_LOG, (double[]){3}, 1, 1, to1, 4, v), EGDI_ERR_DOMAIN,
          "node 'array': log_GII needs a highest value above 1 (it maps the values onto log 1 "
          ".. log max), but the highest is 1 (unit '4')");
    FAILS(egdi_normalise_array(EGDI_NORM_LOG, (double[]){3}, 1, 1, half, 4, v), EGDI_ERR_DOMAIN,
          "but the highest is 0.5 (unit '4')");
    FAILS(egdi_normalise_array(EGDI_NORM_LOG, (double[]){3}, 1, -1, X, 4, v), EGDI_ERR_DOMAIN,
          "but the highest is -1 (unit '1') after the direction -1");
    /* just above 1 is fine: {0.1, 0.2, 0.5, 2}: log(x') with x' = (2 - 1)(x - 0.1) / 1.9 + 1 */
    const double to2[4] = {0.1, 0.2, 0.5, 2};
    OK(egdi_normalise_array(EGDI_NORM_LOG, (double[]){3}, 1, 1, to2, 4, v));
    near4(v, 0, log(0.1 / 1.9 + 1), log(0.4 / 1.9 + 1), log(2), TOL);
}
END_TEST

/* Box-Cox at the edges of lambda.
 * Near 0: (v^l - 1) / l = (exp(l log v) - 1) / l = log v + l log^2 v / 2 + O(l^2); with
 * makepos on X, v = x = {1, 2, 3, 6}: for l = 1e-12 the result is log v (1 + 5e-13 log v),
 * computed before as (v^l - 1) / l = {0, 0.6931277.., ...} (4 digits: v^l - 1 = 6.9e-13
 * holds only the bits of 1 + 6.9e-13 above 1). Tolerance 1e-15 relative.
 * Far from 0: l = -10, X * 1000 = {1000, 2000, 3000, 6000}, makepos=0: v^-10 <= 1e-30, so
 * (v^-10 - 1) / -10 = 0.1 - v^-10 / 10 rounds to 0.1 for every unit: refused naming the
 * first two units; l = -10 on X (makepos: v = 1, 2, 3, 6) keeps them apart:
 * (1 - v^-10) / 10 = {0, 0.0999023.., 0.0999983.., 0.09999999983..}. l = 1000 on X:
 * 2^1000 = 1.07e301 is a double, 3^1000 = 1.3e477 is not: refused naming unit 3. */
START_TEST(boxcox_lambda_edges)
{
    double v[4];
    const double tiny[] = {1e-12, 1e-17, 1e-300};
    for (size_t t = 0; t < 3; t++) {
        double l = tiny[t];
        norm(EGDI_NORM_BOXCOX, &l, 1, 1, v);
        for (int i = 1; i < 4; i++) {
            double lv = log(X[i]), want = lv * (1 + l * lv / 2);
            ck_assert_msg(fabs(v[i] / want - 1) <= 1e-15, "lambda %g unit %d: %.17g, expected "
                          "%.17g", l, i + 1, v[i], want);
        }
        ck_assert(v[0] == 0);
    }
    const double big[4] = {1000, 2000, 3000, 6000};
    FAILS(egdi_normalise_array(EGDI_NORM_BOXCOX, (double[]){-10, 0}, 2, 1, big, 4, v),
          EGDI_ERR_DOMAIN, "node 'array': Box-Cox with lambda = -10 maps the values 1000 (unit "
          "'1') and 2000 (unit '2') to the same 0.10000000000000001");
    norm(EGDI_NORM_BOXCOX, (double[]){-10}, 1, 1, v);
    near4(v, 0, (1 - pow(2, -10)) / 10, (1 - pow(3, -10)) / 10, (1 - pow(6, -10)) / 10, 1e-16);
    FAILS(egdi_normalise_array(EGDI_NORM_BOXCOX, (double[]){1000}, 1, 1, X, 4, v),
          EGDI_ERR_DOMAIN, "the Box-Cox transform of unit '3' (value 3) is inf");
}
END_TEST

START_TEST(array_api_errors)
{
    double v[4];
    FAILS(egdi_normalise_array(99, NULL, 0, 1, X, 4, v), EGDI_ERR_INVALID_ARG,
          "no normalise method 99 (none|zscore|minmax|goalposts|fracmax|rank|prank|borda|"
          "dist2max|dist2ref|dist2targ|scaled|boxcox|log)");
    FAILS(egdi_normalise_array(EGDI_NORM_RANK, NULL, 0, 0, X, 4, v), EGDI_ERR_INVALID_ARG,
          "direction must be +1 or -1, not 0");
    FAILS(egdi_normalise_array(EGDI_NORM_RANK, NULL, 0, 1, NULL, 4, v), EGDI_ERR_INVALID_ARG, "");
    FAILS(egdi_aggregate_array(EGDI_AGG_MEAN, NULL, 0, X, 2, 2, (double[]){1, -1}, v),
          EGDI_ERR_INVALID_ARG, "weight 2 is -1");
    FAILS(egdi_aggregate_array(EGDI_AGG_MEAN, NULL, 0, X, 4, 0, NULL, v), EGDI_ERR_INVALID_ARG,
          "no children");
    /* the engine's geometric-mean error, units and children named by position */
    const double vals[4] = {1, 2, 3, 0}; /* 2 units x 2 children, row-major */
    FAILS(egdi_aggregate_array(EGDI_AGG_GEOMEAN, NULL, 0, vals, 2, 2, NULL, v), EGDI_ERR_DOMAIN,
          "aggregate 'array': unit '2': child '2' is 0");
    FAILS(egdi_impute_array(EGDI_IMPUTE_GROUP_MEAN, NULL, 0, X, 4, NULL, v, NULL),
          EGDI_ERR_INVALID_ARG, "imputation groupmean needs the units' groups");
    FAILS(egdi_impute_array(EGDI_IMPUTE_MEAN, NULL, 0, X, 4, (int[]){0, 0, 0, 0}, v, NULL),
          EGDI_ERR_INVALID_ARG, "imputation mean takes no groups");
    /* infinities are refused as the index engine refuses them (before, minmax of
     * {1, Inf, 3} gave {0, NaN, 0} and the mean imputation an infinite mean) */
    const double inf3[3] = {1, INFINITY, 3}, inf4[4] = {1, 2, -INFINITY, NAN};
    FAILS(egdi_normalise_array(EGDI_NORM_MINMAX, NULL, 0, 1, inf3, 3, v), EGDI_ERR_DOMAIN,
          "egdi_normalise_array: unit '2' is infinite");
    FAILS(egdi_aggregate_array(EGDI_AGG_MEAN, NULL, 0, inf4, 2, 2, NULL, v), EGDI_ERR_DOMAIN,
          "egdi_aggregate_array: unit '2': child '1' is infinite");
    FAILS(egdi_impute_array(EGDI_IMPUTE_MEAN, NULL, 0, inf4, 4, NULL, v, NULL), EGDI_ERR_DOMAIN,
          "egdi_impute_array: unit '3' is infinite");
    /* the input is untouched by the refusal, even in place */
    double inplace[3] = {1, INFINITY, 3};
    FAILS(egdi_normalise_array(EGDI_NORM_MINMAX, NULL, 0, -1, inplace, 3, inplace),
          EGDI_ERR_DOMAIN, "unit '2' is infinite");
    ck_assert(inplace[0] == 1 && isinf(inplace[1]) && inplace[2] == 3);
}
END_TEST

/* A dataset of units u1..u4 with columns x = X, gap = {1, NaN, 3, 5}, y = {4, 4, 0, 2}. */
static egdi_dataset *fixture(void)
{
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    const char *u[4] = {"u1", "u2", "u3", "u4"};
    for (int i = 0; i < 4; i++)
        OK(egdi_dataset_add_unit(ds, u[i], NULL, NULL));
    OK(egdi_dataset_add_numeric(ds, "x", X, 4));
    OK(egdi_dataset_add_numeric(ds, "gap", (double[]){1, NAN, 3, 5}, 4));
    OK(egdi_dataset_add_numeric(ds, "y", (double[]){4, 4, 0, 2}, 4));
    return ds;
}

/* Scores of a stand-alone indicator on `src` normalised by `name` with text `params`. */
static egdi_status via_index(const char *src, int dir, const char *name, const char *params,
                             double out[4])
{
    egdi_dataset *ds = fixture();
    egdi_index *idx;
    egdi_result *res = NULL;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_indicator(idx, "i", NULL, 1));
    OK(egdi_index_set_source(idx, "i", src));
    OK(egdi_index_set_direction(idx, "i", dir));
    egdi_status st = egdi_index_set_method(idx, "i", EGDI_STEP_NORMALISE, name, params);
    if (st == EGDI_OK)
        st = egdi_compute(idx, ds, &res);
    if (st == EGDI_OK)
        OK(egdi_result_get_scores(res, "i", out, 4));
    egdi_result_free(res);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
    return st;
}

/* The array API and the index engine run the same fit and apply: equal to the bit. */
START_TEST(array_equals_registry_path)
{
    static const struct {
        egdi_norm id;
        const char *name, *text, *src;
        double p[4];
        size_t np;
    } cases[] = {
        {EGDI_NORM_ZSCORE, "zscore", "sd_type=sample", "gap", {0, 1, 1}, 3},
        {EGDI_NORM_ZSCORE, "zscore", "10 2 population", "x", {10, 2, 0}, 3},
        {EGDI_NORM_MINMAX, "minmax", "lo=0 hi=100", "gap", {0, 100}, 2},
        {EGDI_NORM_RANK, "rank", "", "y", {0}, 0},
        {EGDI_NORM_PRANK, "prank", NULL, "gap", {0}, 0},
        {EGDI_NORM_BORDA, "borda", "", "y", {0}, 0},
        {EGDI_NORM_DIST2MAX, "dist2max", "", "gap", {0}, 0},
        {EGDI_NORM_DIST2REF, "dist2ref", "ref=3 cap_max=1", "x", {3, 1}, 2},
        {EGDI_NORM_DIST2TARG, "dist2targ", "target=4", "gap", {4}, 1},
        {EGDI_NORM_GOALPOSTS, "goalposts", "lower=2 upper=5 scale=100 trunc=0", "x",
         {2, 5, 100, 0}, 4},
        {EGDI_NORM_SCALED, "scaled", "lo=0 hi=10", "gap", {0, 10}, 2},
        {EGDI_NORM_BOXCOX, "boxcox", "lambda=0.5", "y", {0.5}, 1},
        {EGDI_NORM_LOG, "log", "type=ct", "gap", {0}, 1},
        {EGDI_NORM_LOG, "log", "type=gii", "x", {3}, 1},
        {EGDI_NORM_FRACMAX, "fracmax", "", "y", {0}, 0},
    };
    egdi_dataset *ds = fixture();
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        double col[4], a[4], b[4];
        size_t j;
        OK(egdi_dataset_find_column(ds, cases[c].src, &j));
        OK(egdi_dataset_get_numeric(ds, j, col, 4));
        OK(egdi_normalise_array((int)cases[c].id, cases[c].p, cases[c].np, 1, col, 4, a));
        OK(via_index(cases[c].src, 1, cases[c].name, cases[c].text, b));
        for (int i = 0; i < 4; i++)
            ck_assert_msg((isnan(a[i]) && isnan(b[i])) || a[i] == b[i],
                          "%s %s unit %d: array %.17g, index %.17g", cases[c].name,
                          cases[c].text ? cases[c].text : "", i, a[i], b[i]);
    }
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(parameter_text)
{
    double v[4];
    /* keywords by name; a wrong word lists the right ones */
    FAILS(via_index("x", 1, "zscore", "sd_type=pop", v), EGDI_ERR_PARSE,
          "node 'i': parameter 'sd_type' of zscore: 'pop' is not one of population|sample");
    FAILS(via_index("x", 1, "log", "type=ln", v), EGDI_ERR_PARSE,
          "'ln' is not one of ct|ct_orig|ct_plus|gii|plain");
    FAILS(via_index("x", 1, "goalposts", "lo=0 hi=5 trunc=yes", v), EGDI_ERR_PARSE,
          "parameter 'trunc' of goalposts: 'yes' is not a number");
    FAILS(via_index("x", 1, "dist2ref", "cap_max=1", v), EGDI_ERR_INVALID_INDEX,
          "node 'i': dist2ref needs the parameter 'ref'");
    /* a domain error through the engine names the node and the unit code */
    FAILS(via_index("x", 1, "dist2ref", "ref=1", v), EGDI_ERR_DOMAIN,
          "node 'i': dist2ref: the reference unit 'u1' has the lowest value (1)");
    FAILS(via_index("y", 1, "log", "type=plain", v), EGDI_ERR_DOMAIN,
          "node 'i': log of a value <= 0: unit 'u3' has 0");
    /* the keyword is written back as its word */
    egdi_index *idx;
    char path[256], text[4096];
    write_temp(path, sizeof path, "");
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_indicator(idx, "i", NULL, 1));
    OK(egdi_index_set_method(idx, "i", EGDI_STEP_NORMALISE, "zscore", "0 1 sample"));
    OK(egdi_index_write_csv(idx, path));
    FILE *fp = fopen(path, "r");
    size_t got = fread(text, 1, sizeof text - 1, fp);
    text[got] = '\0';
    fclose(fp);
    ck_assert_msg(strstr(text, "mean=0 sd=1 sd_type=sample"), "written: %s", text);
    egdi_index_free(idx);
    OK(egdi_index_read_csv(path, &idx));
    double p[3];
    OK(egdi_index_node_params(idx, 0, EGDI_STEP_NORMALISE, p, 3));
    ck_assert(p[0] == 0 && p[1] == 1 && p[2] == 1);
    egdi_index_free(idx);
    remove(path);
}
END_TEST

/* Needs the engine to pass the direction to normalisations (eval.c) and unit
 * codes to be resolved against the data (plan.c): direction -1 goalposts in
 * the indicator's units, and dist2ref's ref as a unit code. */
START_TEST(engine_direction_and_unit_codes)
{
    double v[4], w[4];
    /* (5 - x) / 3 clamped = {1, 1, 2/3, 0}, as the array API with direction -1 */
    OK(via_index("x", -1, "goalposts", "lo=2 hi=5", v));
    near4(v, 1, 1, 2.0 / 3, 0, TOL);
    OK(egdi_normalise_array(EGDI_NORM_DIST2TARG, (double[]){2}, 1, -1, X, 4, w));
    OK(via_index("x", -1, "dist2targ", "target=2", v));
    near4(v, w[0], w[1], w[2], w[3], 0);
    /* ref=u3 is unit 3: {0, 0.5, 1, 2.5} */
    OK(via_index("x", 1, "dist2ref", "ref=u3", v));
    near4(v, 0, 0.5, 1, 2.5, TOL);
    FAILS(via_index("x", 1, "dist2ref", "ref=XYZ", v), EGDI_ERR_NOT_FOUND,
          "node 'i': dist2ref: ref = 'XYZ': the data has no unit with that code");
}
END_TEST

START_TEST(aggregate_and_impute_arrays)
{
    /* 3 units x 2 children, row-major {1, 3 | NaN, 4 | 2, 8}, weights {1, 3}:
     * mean = (1 + 9) / 4 = 2.5 | 4 (only the second child) | (2 + 24) / 4 = 6.5
     * geomean = exp((log 1 + 3 log 3) / 4) = 27^(1/4) | 4 | exp((log 2 + 3 log 8) / 4) = 2^2.5 */
    const double vals[6] = {1, 3, NAN, 4, 2, 8};
    double out[3];
    OK(egdi_aggregate_array(EGDI_AGG_MEAN, NULL, 0, vals, 3, 2, (double[]){1, 3}, out));
    NEAR(out[0], 2.5, TOL);
    NEAR(out[1], 4, TOL);
    NEAR(out[2], 6.5, TOL);
    OK(egdi_aggregate_array(EGDI_AGG_GEOMEAN, NULL, 0, vals, 3, 2, (double[]){1, 3}, out));
    NEAR(out[0], pow(27, 0.25), TOL);
    NEAR(out[1], 4, TOL);
    NEAR(out[2], pow(2, 2.5), TOL);
    /* equal weights: (1 + 3) / 2 = 2 */
    OK(egdi_aggregate_array(EGDI_AGG_MEAN, NULL, 0, vals, 3, 2, NULL, out));
    NEAR(out[0], 2, TOL);
    /* imputation: mean of {1, 3, 5} = 3 fills unit 2 */
    const double gap[4] = {1, NAN, 3, 5};
    double v[4];
    int flags[4];
    OK(egdi_impute_array(EGDI_IMPUTE_MEAN, NULL, 0, gap, 4, NULL, v, flags));
    near4(v, 1, 3, 3, 5, TOL);
    ck_assert(flags[0] == 0 && flags[1] == 1 && flags[2] == 0 && flags[3] == 0);
    /* group means: groups {0, 0, 1, -1}: group 0 has {1} -> unit 2 gets 1 */
    const double gap2[4] = {1, NAN, NAN, 5};
    OK(egdi_impute_array(EGDI_IMPUTE_GROUP_MEAN, NULL, 0, gap2, 4, (int[]){0, 0, 1, -1}, v,
                         flags));
    near4(v, 1, 1, NAN, 5, TOL); /* group 1 has no value: unit 3 stays missing */
    ck_assert(flags[1] == 1 && flags[2] == 0);
}
END_TEST

/* ---- parity with COINr 1.1.14 on ASEM: every indicator normalised, directions applied ---- */

static egdi_dataset *read_table(const char *file)
{
    egdi_csv_options o = EGDI_CSV_OPTIONS_INIT;
    o.code_column = "uCode";
    o.name_column = "uName";
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_read_csv(file, &o, &ds));
    return ds;
}

/* Normalise every ASEM indicator with `name params` through the index and through the
 * array API, and compare both with COINr's file; returns the number of values compared. */
static size_t asem_parity(const char *name, const char *params, egdi_norm id, const double *p,
                          size_t np, const char *ref_file)
{
    egdi_index *idx;
    OK(egdi_index_read_csv(ASEM "asem_minmax_mean.csv", &idx));
    egdi_dataset *data = read_table(ASEM "input_ASEM_iData.csv");
    egdi_dataset *ref = read_table(ref_file);
    size_t n = egdi_dataset_n_units(data), compared = 0, n_ind = 0;
    ck_assert_uint_eq(n, 51);
    for (size_t k = 0; k < egdi_index_n_nodes(idx); k++)
        if (egdi_index_node_is_indicator(idx, k) == 1)
            OK(egdi_index_set_method(idx, egdi_index_node_code(idx, k), EGDI_STEP_NORMALISE,
                                     name, params));
    egdi_result *res = NULL;
    OK(egdi_compute(idx, data, &res));
    double got[51], arr[51], raw[51], want[51], worst = 0;
    for (size_t k = 0; k < egdi_index_n_nodes(idx); k++) {
        if (egdi_index_node_is_indicator(idx, k) != 1)
            continue;
        n_ind++;
        const char *code = egdi_index_node_code(idx, k);
        size_t j, jr;
        OK(egdi_result_get_scores(res, code, got, n));
        OK(egdi_dataset_find_column(data, code, &j));
        OK(egdi_dataset_get_numeric(data, j, raw, n));
        OK(egdi_normalise_array((int)id, p, np, egdi_index_node_direction(idx, k), raw, n, arr));
        ck_assert_msg(egdi_dataset_find_column(ref, code, &jr) == EGDI_OK, "no column %s", code);
        for (size_t i = 0; i < n; i++) {
            size_t r;
            const char *unit = egdi_dataset_unit_code(data, i);
            OK(egdi_dataset_find_unit(ref, unit, &r));
            OK(egdi_dataset_get_value(ref, r, jr, &want[i]));
            ck_assert_msg(arr[i] == got[i] || (isnan(arr[i]) && isnan(got[i])),
                          "%s/%s: array %.17g, index %.17g", code, unit, arr[i], got[i]);
            if (isnan(want[i])) {
                ck_assert_msg(isnan(got[i]), "%s/%s = %.17g, COINr NA", code, unit, got[i]);
                continue;
            }
            double d = fabs(got[i] - want[i]) / fmax(fabs(want[i]), 1e-300);
            if (want[i] == 0)
                d = fabs(got[i]);
            ck_assert_msg(d <= 1e-9, "%s/%s = %.17g, COINr %.17g", code, unit, got[i], want[i]);
            worst = fmax(worst, d);
            compared++;
        }
    }
    ck_assert_uint_eq(n_ind, 49);
    printf("coinr-asem %s %s: %zu values, max relative difference %.3g\n", name, params,
           compared, worst);
    egdi_result_free(res);
    egdi_dataset_free(ref);
    egdi_dataset_free(data);
    egdi_index_free(idx);
    return compared;
}

START_TEST(coinr_zscore_sample)
{
    /* b_zscore_normalised.csv: (x d - mean) / sd * 1 + 0 with sd = stats::sd (n - 1) */
    size_t c = asem_parity("zscore", "sd_type=sample", EGDI_NORM_ZSCORE, (double[]){0, 1, 1}, 3,
                           ASEM "b_zscore_normalised.csv");
    ck_assert_uint_eq(c, 51 * 49 - 63); /* 63 values are missing in ASEM */
}
END_TEST

START_TEST(coinr_minmax)
{
    /* a_minmax0_100_normalised.csv: (x d - min) / (max - min) * 100 */
    size_t c = asem_parity("minmax", "lo=0 hi=100", EGDI_NORM_MINMAX, (double[]){0, 100}, 2,
                           ASEM "a_minmax0_100_normalised.csv");
    ck_assert_uint_eq(c, 51 * 49 - 63);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("normalise_more");
    TCase *tc = tcase_create("methods");
    tcase_add_test(tc, ranks_ties_and_missing);
    tcase_add_test(tc, zscore_sd_types);
    tcase_add_test(tc, distances);
    tcase_add_test(tc, goalposts_and_scaled);
    tcase_add_test(tc, transforms);
    tcase_add_test(tc, boxcox_lambda_edges);
    tcase_add_test(tc, array_api_errors);
    tcase_add_test(tc, array_equals_registry_path);
    tcase_add_test(tc, parameter_text);
    tcase_add_test(tc, aggregate_and_impute_arrays);
    suite_add_tcase(s, tc);
    TCase *engine = tcase_create("engine");
    tcase_add_test(engine, engine_direction_and_unit_codes);
    suite_add_tcase(s, engine);
    TCase *coinr = tcase_create("coinr");
    tcase_set_timeout(coinr, 60);
    tcase_add_test(coinr, coinr_zscore_sample);
    tcase_add_test(coinr, coinr_minmax);
    suite_add_tcase(s, coinr);
    return run_suite(s);
}
