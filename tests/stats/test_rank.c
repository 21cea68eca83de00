/* Rounding, ranks, groups, quantiles, rating classes and group means. */
#include "test_util.h"

START_TEST(rounding_half_away)
{
    /* 1.005 is 1.00499999999999989... in binary; spreadsheet ROUND gives 1.01.
     * 0.125 -> 0.13 (half away), -0.125 -> -0.13, 2.675 -> 2.68 (binary 2.67499..). */
    double x[5] = {1.005, 0.125, -0.125, 2.675, NAN}, r[5];
    OK(egdi_round(x, 5, 2, r));
    ck_assert_double_eq(r[0], 1.01);
    ck_assert_double_eq(r[1], 0.13);
    ck_assert_double_eq(r[2], -0.13);
    ck_assert_double_eq(r[3], 2.68);
    ck_assert(isnan(r[4]));
    /* the mean of three 4-decimal values: (0.9717+0.9717+0.9718)/3 = 0.971733.. -> 0.9717 */
    double m = (0.9717 + 0.9717 + 0.9718) / 3;
    OK(egdi_round(&m, 1, 4, &m));
    ck_assert_double_eq(m, 0.9717);
    FAILS(egdi_round(x, 5, 16, r), EGDI_ERR_INVALID_ARG, "decimals must be 0..15");
}
END_TEST

START_TEST(rounding_at_the_limits_of_a_double)
{
    /* found by fuzzing (1.1 got these wrong). A value already on the grid of
     * 10^-d stays put even where x * 10^d is near 2^53 (1.1 moved 1 at 15
     * decimals to 1.0000000000000011); a value with no digits to round at
     * double precision (x * 10^d >= 2^52, or beyond DBL_MAX) is returned
     * as it is, never as +-inf. */
    const double x[] = {1, 0.5, 1000, -1e308, 1e300, 4503599627370496.0, 0.125};
    const int d[] = {15, 14, 11, 15, 3, 1, 2};
    const double want[] = {1, 0.5, 1000, -1e308, 1e300, 4503599627370496.0, 0.13};
    for (size_t i = 0; i < sizeof x / sizeof *x; i++) {
        double out;
        OK(egdi_round(&x[i], 1, d[i], &out));
        ck_assert_msg(out == want[i], "egdi_round(%.17g, %d) = %.17g, want %.17g", x[i], d[i],
                      out, want[i]);
    }
    /* ranks tie exactly where the rounded values are equal: both round to
     * 70.4225352112676 at 13 decimals (x * 10^13 < 2^52, so they are rounded) */
    const double v[] = {70.42253521126761, 70.422535211267598};
    double r[2];
    int ranks[2];
    OK(egdi_round(v, 2, 13, r));
    ck_assert_msg(r[0] == 70.4225352112676, "%.17g", r[0]);
    ck_assert(r[0] == r[1]);
    OK(egdi_rank(v, 2, 13, EGDI_TIES_MIN, ranks));
    ck_assert_int_eq(ranks[0], 1);
    ck_assert_int_eq(ranks[1], 1);
}
END_TEST

START_TEST(ranks_within_groups)
{
    /* by hand: group 0 = {0.9, 0.5, 0.9}, group 1 = {0.7, 0.8}, no group for the
     * last two (one of them NaN): competition ranks 1,3,1 and 2,1, then 0, 0 */
    const double x[] = {0.9, 0.7, 0.5, 0.8, 0.9, 0.6, NAN};
    const int g[] = {0, 1, 0, 1, 0, -1, 1};
    const int want[] = {1, 2, 3, 1, 1, 0, 0};
    int r[7];
    OK(egdi_rank_within(x, g, 7, -1, EGDI_TIES_MIN, r));
    for (int i = 0; i < 7; i++)
        ck_assert_msg(r[i] == want[i], "unit %d: rank %d, want %d", i, r[i], want[i]);
    /* decimals as in egdi_rank: 0.9 and 0.94 tie at one decimal */
    const double y[] = {0.9, 0.94, 0.5};
    const int h[] = {3, 3, 3};
    OK(egdi_rank_within(y, h, 3, 1, EGDI_TIES_MIN, r));
    ck_assert(r[0] == 1 && r[1] == 1 && r[2] == 3);
    const int bad[] = {0, -2, 0};
    FAILS(egdi_rank_within(y, bad, 3, -1, EGDI_TIES_MIN, r), EGDI_ERR_INVALID_ARG, "group -2");
    FAILS(egdi_rank_within(y, h, 3, 16, EGDI_TIES_MIN, r), EGDI_ERR_INVALID_ARG, "decimals");
}
END_TEST

START_TEST(competition_ranks)
{
    /* values 0.9, 0.8, 0.8, 0.7, NaN, 0.95 -> ranks 2, 3, 3, 5, 0, 1 ("1224" style) */
    double x[6] = {0.9, 0.8, 0.8, 0.7, NAN, 0.95};
    int r[6];
    OK(egdi_rank(x, 6, -1, EGDI_TIES_MIN, r));
    int want_min[6] = {2, 3, 3, 5, 0, 1};
    for (int i = 0; i < 6; i++)
        ck_assert_int_eq(r[i], want_min[i]);
    OK(egdi_rank(x, 6, -1, EGDI_TIES_DENSE, r));
    int want_dense[6] = {2, 3, 3, 4, 0, 1};
    for (int i = 0; i < 6; i++)
        ck_assert_int_eq(r[i], want_dense[i]);
    OK(egdi_rank(x, 6, -1, EGDI_TIES_FIRST, r));
    int want_first[6] = {2, 3, 4, 5, 0, 1};
    for (int i = 0; i < 6; i++)
        ck_assert_int_eq(r[i], want_first[i]);
    /* ranking on rounded values: 0.94101 and 0.94099 tie at 4 decimals (0.9410) */
    double y[3] = {0.94101, 0.94099, 0.95};
    OK(egdi_rank(y, 3, 4, EGDI_TIES_MIN, r));
    ck_assert_int_eq(r[0], 2);
    ck_assert_int_eq(r[1], 2);
    OK(egdi_rank(y, 3, -1, EGDI_TIES_MIN, r));
    ck_assert_int_eq(r[1], 3);
}
END_TEST

START_TEST(groups_thresholds_inclusive)
{
    double x[6] = {0.75, 0.7499, 0.5, 0.25, 0.2499, NAN};
    int g[6];
    OK(egdi_groups(x, 6, NULL, g));
    int want[6] = {EGDI_GROUP_VERY_HIGH, EGDI_GROUP_HIGH, EGDI_GROUP_HIGH, EGDI_GROUP_MIDDLE,
                   EGDI_GROUP_LOW, EGDI_GROUP_NONE};
    for (int i = 0; i < 6; i++)
        ck_assert_int_eq(g[i], want[i]);
    ck_assert_str_eq(egdi_group_name(EGDI_GROUP_VERY_HIGH), "Very High");
    ck_assert_str_eq(egdi_group_code(EGDI_GROUP_MIDDLE), "M");
    FAILS(egdi_groups(x, 6, (double[]){0.5, 0.5, 0.9}, g), EGDI_ERR_INVALID_ARG, "not increasing");
}
END_TEST

START_TEST(quantile_types)
{
    /* x = {0.2, 0.35, 0.4, 0.5, 0.55, 0.9, 1.3}, n = 7. References: R's quantile(x, p, type)
     * (numpy's methods agree except its 'closest_observation' at p = 0.5, where
     * Hyndman-Fan type 3 has n p - 1/2 = 3 = j, odd, so it takes x[4] = 0.5). */
    const double x[7] = {0.2, 0.35, 0.4, 0.5, 0.55, 0.9, 1.3};
    const double want[3][9] = {
        {0.35, 0.35, 0.35, 0.3125, 0.3625, 0.35, 0.375, 0.35833333333333334, 0.359375},
        {0.5, 0.5, 0.5, 0.45, 0.5, 0.5, 0.5, 0.5, 0.5},
        {0.9, 0.9, 0.55, 0.6375, 0.8125, 0.9, 0.725, 0.8416666666666666, 0.834375}};
    for (int k = 0; k < 3; k++)
        for (int t = 1; t <= 9; t++) {
            double q;
            OK(egdi_quantile_sorted(x, 7, 0.25 * (k + 1), t, &q));
            ck_assert_msg(fabs(q - want[k][t - 1]) < 1e-12, "p=%g type %d: %.17g, want %.17g",
                          0.25 * (k + 1), t, q, want[k][t - 1]);
        }
    double q;
    FAILS(egdi_quantile_sorted(x, 7, 0.5, 10, &q), EGDI_ERR_INVALID_ARG, "type 10");
    FAILS(egdi_quantile_sorted((double[]){2, 1}, 2, 0.5, 7, &q), EGDI_ERR_INVALID_ARG,
          "value 2 is NaN or out of ascending order");
}
END_TEST

START_TEST(rating_classes_by_quartile)
{
    /* Very high group of 8 values 0.76..0.97 (step 0.03): type-7 quartiles
     * Q1 = 0.76 + 1.75*0.03 = 0.8125, Q2 = 0.865, Q3 = 0.9175.
     * > Q3: 0.94, 0.97 -> VH; > Q2: 0.88, 0.91 -> V3; > Q1: 0.82, 0.85 -> V2; rest V1.
     * One high-group value 0.6 alone: Q1 = Q2 = Q3 = 0.6, not above -> H1. */
    double x[10] = {0.76, 0.79, 0.82, 0.85, 0.88, 0.91, 0.94, 0.97, 0.6, NAN};
    int g[10], c[10];
    OK(egdi_groups(x, 10, NULL, g));
    OK(egdi_rating_classes(x, g, 10, 7, c));
    const char *want[10] = {"V1", "V1", "V2", "V2", "V3", "V3", "VH", "VH", "H1", ""};
    for (int i = 0; i < 10; i++)
        ck_assert_str_eq(egdi_rating_class_label(c[i]), want[i]);
    ck_assert_str_eq(egdi_rating_class_label(4), "LM");
    ck_assert_str_eq(egdi_rating_class_label(8), "MH");
    ck_assert_str_eq(egdi_rating_class_label(12), "HV");
    ck_assert_str_eq(egdi_rating_class_label(17), "");
}
END_TEST

START_TEST(group_means)
{
    /* group 0: {0.5, 0.7} -> 0.6; group 1: {0.2} (NaN skipped) -> 0.2; group 2 empty -> NaN */
    double x[5] = {0.5, 0.2, 0.7, NAN, 0.9};
    int grp[5] = {0, 1, 0, 1, -1};
    double m[3];
    size_t n[3];
    OK(egdi_group_means(x, grp, 5, 3, m, n));
    NEAR(m[0], 0.6, 1e-15);
    NEAR(m[1], 0.2, 1e-15);
    ck_assert(isnan(m[2]));
    ck_assert_uint_eq(n[0], 2);
    ck_assert_uint_eq(n[1], 1);
    ck_assert_uint_eq(n[2], 0);
    grp[4] = 3;
    FAILS(egdi_group_means(x, grp, 5, 3, m, NULL), EGDI_ERR_RANGE, "unit 5: group 3");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rank");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, rounding_half_away);
    tcase_add_test(tc, rounding_at_the_limits_of_a_double);
    tcase_add_test(tc, competition_ranks);
    tcase_add_test(tc, ranks_within_groups);
    tcase_add_test(tc, groups_thresholds_inclusive);
    tcase_add_test(tc, quantile_types);
    tcase_add_test(tc, rating_classes_by_quartile);
    tcase_add_test(tc, group_means);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
