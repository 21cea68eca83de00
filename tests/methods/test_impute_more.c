/* Imputation beyond the registry's methods (egdi/impute.h): row-wise within
 * aggregation groups and along panel time series. Every expected value is
 * derived by hand in the comments; tolerance 1e-12 on values below 100
 * unless stated. The ASEM cases use COINr's own data (tests/golden/coinr-asem)
 * and COINr's definition (R/impute.R: min-max per column with directions,
 * row mean, inverse min-max), tolerance 1e-9 relative. */
#include "test_util.h"

#define TOL 1e-12
#define ASEM EGDI_TEST_FIXTURES "/../golden/coinr-asem/"

static egdi_dataset *units(size_t n)
{
    egdi_dataset *ds;
    char code[32];
    OK(egdi_dataset_new(&ds));
    for (size_t i = 0; i < n; i++) {
        snprintf(code, sizeof code, "u%zu", i + 1);
        OK(egdi_dataset_add_unit(ds, code, NULL, NULL));
    }
    return ds;
}

static double flag(const egdi_dataset *fl, const char *unit, const char *column)
{
    return col_value(fl, unit, column);
}

/* ---------------------------------------------------------------- rows -- */

/* Index I <- P1 (a, b, c), P2 (d, e); b has direction -1. Four units:
 *        a     b     c     d     e
 *  u1    0     1     -     1     -
 *  u2   10     3    20     -     -
 *  u3    5     -    10     3     4
 *  u4    -     2     0     -     8
 * plus a column "extra" (not in the index) and a label column "region". */
static void rows_fixture(egdi_index **idx, egdi_dataset **ds)
{
    *ds = units(4);
    OK(egdi_dataset_add_numeric(*ds, "a", (double[]){0, 10, 5, NAN}, 4));
    OK(egdi_dataset_add_numeric(*ds, "b", (double[]){1, 3, NAN, 2}, 4));
    OK(egdi_dataset_add_labels(*ds, "region", (const char *[]){"N", "S", NULL, "N"}, 4));
    OK(egdi_dataset_add_numeric(*ds, "c", (double[]){NAN, 20, 10, 0}, 4));
    OK(egdi_dataset_add_numeric(*ds, "d", (double[]){1, NAN, 3, NAN}, 4));
    OK(egdi_dataset_add_numeric(*ds, "e", (double[]){NAN, NAN, 4, 8}, 4));
    OK(egdi_dataset_add_numeric(*ds, "extra", (double[]){NAN, 1, 2, 3}, 4));
    OK(egdi_index_new(idx));
    OK(egdi_index_add_aggregate(*idx, "I", NULL, 1));
    OK(egdi_index_add_aggregate(*idx, "P1", "I", 1));
    OK(egdi_index_add_aggregate(*idx, "P2", "I", 1));
    OK(egdi_index_add_indicator(*idx, "a", "P1", 1));
    OK(egdi_index_add_indicator(*idx, "b", "P1", 5)); /* weights play no part */
    OK(egdi_index_add_indicator(*idx, "c", "P1", 1));
    OK(egdi_index_add_indicator(*idx, "d", "P2", 1));
    OK(egdi_index_add_indicator(*idx, "e", "P2", 1));
    OK(egdi_index_set_direction(*idx, "b", -1));
}

START_TEST(rows_mean_within_parent)
{
    /* Scaled columns (x d - min) / (max - min):
     *   a: min 0, max 10           -> u1 0, u2 1, u3 0.5
     *   b: -b in [-3, -1], range 2 -> u1 (-1+3)/2 = 1, u2 0, u4 (-2+3)/2 = 0.5
     *   c: min 0, max 20           -> u2 1, u3 0.5, u4 0
     *   d: min 1, max 3            -> u1 0, u3 1
     *   e: min 4, max 8            -> u3 0, u4 1
     * P1: u1 c <- mean(0, 1) = 0.5 -> 0.5 * 20 + 0 = 10
     *     u3 b <- mean(0.5, 0.5) = 0.5 -> -b = 0.5 * 2 - 3 = -2 -> b = 2
     *     u4 a <- mean(0.5, 0) = 0.25 -> 0.25 * 10 + 0 = 2.5
     * P2: u1 e <- 0 -> 4; u4 d <- 1 -> 1 * 2 + 1 = 3; u2 has neither d nor e:
     *     both stay missing (flag MISSING). */
    egdi_index *idx;
    egdi_dataset *ds, *out, *fl;
    rows_fixture(&idx, &ds);
    OK(egdi_impute_rows(idx, ds, NULL, &out, &fl));
    NEAR(col_value(out, "u1", "c"), 10, TOL);
    NEAR(col_value(out, "u3", "b"), 2, TOL);
    NEAR(col_value(out, "u4", "a"), 2.5, TOL);
    NEAR(col_value(out, "u1", "e"), 4, TOL);
    NEAR(col_value(out, "u4", "d"), 3, TOL);
    ck_assert(isnan(col_value(out, "u2", "d")));
    ck_assert(isnan(col_value(out, "u2", "e")));
    /* observed values and the other columns are unchanged */
    ck_assert_double_eq(col_value(out, "u2", "c"), 20);
    ck_assert_double_eq(col_value(out, "u3", "a"), 5);
    ck_assert(isnan(col_value(out, "u1", "extra")));
    ck_assert_str_eq(egdi_dataset_get_label(out, 1, 2), "S");
    ck_assert_uint_eq(egdi_dataset_n_columns(out), 7);
    /* flags: one column per indicator, codes */
    ck_assert_uint_eq(egdi_dataset_n_columns(fl), 5);
    ck_assert_uint_eq(egdi_dataset_n_units(fl), 4);
    ck_assert_double_eq(flag(fl, "u1", "c"), EGDI_FILL_ROW);
    ck_assert_double_eq(flag(fl, "u3", "b"), EGDI_FILL_ROW);
    ck_assert_double_eq(flag(fl, "u4", "a"), EGDI_FILL_ROW);
    ck_assert_double_eq(flag(fl, "u2", "d"), EGDI_FILL_MISSING);
    ck_assert_double_eq(flag(fl, "u2", "e"), EGDI_FILL_MISSING);
    ck_assert_double_eq(flag(fl, "u2", "a"), EGDI_FILL_OBSERVED);
    ck_assert_double_eq(flag(fl, "u3", "e"), EGDI_FILL_OBSERVED);
    ck_assert_str_eq(egdi_fill_name(EGDI_FILL_ROW), "row");
    ck_assert_str_eq(egdi_fill_name(EGDI_FILL_EXTRAPOLATED), "extrapolated");
    ck_assert_ptr_null(egdi_fill_name(6));
    ck_assert_ptr_null(egdi_fill_name(-1));
    egdi_dataset_free(out);
    egdi_dataset_free(fl);
    /* flags are optional */
    OK(egdi_impute_rows(idx, ds, NULL, &out, NULL));
    NEAR(col_value(out, "u1", "c"), 10, TOL);
    egdi_dataset_free(out);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(rows_whole_index_mean_and_median)
{
    /* group_level 3 (the root I) and 0 (all indicators) are one group.
     * u1 scaled: a 0, b 1, d 0 -> mean 1/3: c = 20/3, e = 4 + 4/3 = 16/3;
     *                             median 0: c = 0, e = 4.
     * u2 scaled: a 1, b 0, c 1 -> mean 2/3: d = 2/3 * 2 + 1 = 7/3, e = 4 + 8/3 = 20/3;
     *                             median 1: d = 3, e = 8.
     * u4 scaled: b 0.5, c 0, e 1 -> mean 0.5: a = 5, d = 2; median 0.5: the same. */
    egdi_index *idx;
    egdi_dataset *ds, *out, *fl;
    rows_fixture(&idx, &ds);
    egdi_impute_rows_options o;
    egdi_impute_rows_options_init(&o);
    ck_assert_int_eq(o.group_level, 2);
    ck_assert_int_eq(o.normalise_first, 1);
    for (int level = 0; level <= 3; level += 3) {
        o.group_level = level;
        o.stat = EGDI_ROW_MEAN;
        OK(egdi_impute_rows(idx, ds, &o, &out, &fl));
        NEAR(col_value(out, "u1", "c"), 20.0 / 3, TOL);
        NEAR(col_value(out, "u1", "e"), 16.0 / 3, TOL);
        NEAR(col_value(out, "u2", "d"), 7.0 / 3, TOL);
        NEAR(col_value(out, "u2", "e"), 20.0 / 3, TOL);
        NEAR(col_value(out, "u4", "a"), 5, TOL);
        NEAR(col_value(out, "u4", "d"), 2, TOL);
        ck_assert_double_eq(flag(fl, "u2", "e"), EGDI_FILL_ROW);
        egdi_dataset_free(out);
        egdi_dataset_free(fl);
        o.stat = EGDI_ROW_MEDIAN;
        OK(egdi_impute_rows(idx, ds, &o, &out, NULL));
        NEAR(col_value(out, "u1", "c"), 0, TOL);
        NEAR(col_value(out, "u1", "e"), 4, TOL);
        NEAR(col_value(out, "u2", "d"), 3, TOL);
        NEAR(col_value(out, "u2", "e"), 8, TOL);
        NEAR(col_value(out, "u4", "a"), 5, TOL);
        egdi_dataset_free(out);
    }
    /* without normalisation: raw values. u1 c <- mean(a 0, b 1) = 0.5;
     * u4 a <- mean(b 2, c 0) = 1; u3 b <- mean(5, 10) = 7.5 */
    o.group_level = 2;
    o.stat = EGDI_ROW_MEAN;
    o.normalise_first = 0;
    OK(egdi_impute_rows(idx, ds, &o, &out, NULL));
    NEAR(col_value(out, "u1", "c"), 0.5, TOL);
    NEAR(col_value(out, "u4", "a"), 1, TOL);
    NEAR(col_value(out, "u3", "b"), 7.5, TOL);
    egdi_dataset_free(out);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(rows_values_edge_cases)
{
    /* 3 rows x 5 columns, in place. Group 0: columns 0..3; column 4 is outside (-1).
     *   col0 = 5, 5, -   one value only: no position, left out of the statistic;
     *                     its gap becomes 5 when the row has a statistic
     *   col1 = 0, 10, 4  scaled 0, 1, 0.4
     *   col2 = -, 1, 3   scaled -, 0, 1
     *   col3 = all missing: stays missing
     *   col4 = -, 1, 2   not imputed
     * row 0: s = 0 (col1 only) -> col2 = 0 * 2 + 1 = 1
     * row 2: s = (0.4 + 1) / 2 = 0.7 -> col0 = 0.7 * 0 + 5 = 5 */
    double x[15] = {5, 0, NAN, NAN, NAN, 5, 10, 1, NAN, 1, NAN, 4, 3, NAN, 2};
    int groups[5] = {0, 0, 0, 0, -1};
    unsigned char fill[15];
    OK(egdi_impute_rows_values(x, 3, 5, groups, NULL, NULL, x, fill));
    NEAR(x[2], 1, TOL);
    ck_assert_int_eq(fill[2], EGDI_FILL_ROW);
    NEAR(x[10], 5, TOL);
    ck_assert_int_eq(fill[10], EGDI_FILL_ROW);
    ck_assert(isnan(x[3]) && isnan(x[8]) && isnan(x[13]));
    ck_assert_int_eq(fill[3], EGDI_FILL_MISSING);
    ck_assert(isnan(x[4]));
    ck_assert_int_eq(fill[4], EGDI_FILL_MISSING);
    ck_assert_int_eq(fill[9], EGDI_FILL_OBSERVED);
    ck_assert_int_eq(fill[0], EGDI_FILL_OBSERVED);
    ck_assert_double_eq(x[6], 10);
    /* a row whose only value is in the one-value column gets nothing:
     * col0 = 5, 5 and col1 = -, 7 both hold one value: row 0 has no statistic */
    double y[4] = {5, NAN, 5, 7}, r[4];
    int g2[2] = {1, 1}, dirs[2] = {1, -1};
    OK(egdi_impute_rows_values(y, 2, 2, g2, dirs, NULL, r, fill));
    ck_assert(isnan(r[1]));
    ck_assert_int_eq(fill[1], EGDI_FILL_MISSING);
    /* errors */
    FAILS(egdi_impute_rows_values(y, 2, 2, g2, (int[]){1, 2}, NULL, r, NULL),
          EGDI_ERR_INVALID_ARG, "direction 2");
    y[0] = INFINITY;
    FAILS(egdi_impute_rows_values(y, 2, 2, g2, NULL, NULL, r, NULL), EGDI_ERR_DOMAIN,
          "row 0, column 0");
    y[0] = 5;
    egdi_impute_rows_options o = EGDI_IMPUTE_ROWS_OPTIONS_INIT;
    o.stat = (egdi_row_stat)7;
    FAILS(egdi_impute_rows_values(y, 2, 2, g2, NULL, &o, r, NULL), EGDI_ERR_INVALID_ARG,
          "unknown statistic 7");
    o = (egdi_impute_rows_options)EGDI_IMPUTE_ROWS_OPTIONS_INIT;
    o.version = 9;
    FAILS(egdi_impute_rows_values(y, 2, 2, g2, NULL, &o, r, NULL), EGDI_ERR_INVALID_ARG,
          "version 9");
    FAILS(egdi_impute_rows_options_init_version(&o, 2), EGDI_ERR_INVALID_ARG, "version 2");
    FAILS(egdi_impute_rows_values(NULL, 2, 2, g2, NULL, NULL, r, NULL), EGDI_ERR_INVALID_ARG,
          "'x'");
}
END_TEST

START_TEST(rows_errors)
{
    egdi_index *idx;
    egdi_dataset *ds, *out = (egdi_dataset *)&out, *fl = (egdi_dataset *)&fl;
    rows_fixture(&idx, &ds);
    egdi_impute_rows_options o = EGDI_IMPUTE_ROWS_OPTIONS_INIT;
    o.group_level = 1;
    FAILS(egdi_impute_rows(idx, ds, &o, &out, &fl), EGDI_ERR_INVALID_ARG, "group level 1");
    ck_assert_ptr_null(out);
    ck_assert_ptr_null(fl);
    o.group_level = 4;
    FAILS(egdi_impute_rows(idx, ds, &o, &out, &fl), EGDI_ERR_INVALID_ARG, "2..3");
    FAILS(egdi_impute_rows(NULL, ds, NULL, &out, NULL), EGDI_ERR_INVALID_ARG, "idx");
    FAILS(egdi_impute_rows(idx, ds, NULL, NULL, NULL), EGDI_ERR_INVALID_ARG, "out");
    /* an infinite value names unit and indicator */
    size_t j;
    OK(egdi_dataset_find_column(ds, "d", &j));
    OK(egdi_dataset_set_value(ds, 2, j, -INFINITY));
    FAILS(egdi_impute_rows(idx, ds, NULL, &out, NULL), EGDI_ERR_DOMAIN, "unit 'u3', indicator 'd'");
    OK(egdi_dataset_set_value(ds, 2, j, 3));
    /* a source column that is a label column, absent, or read twice */
    OK(egdi_index_set_source(idx, "e", "region"));
    FAILS(egdi_impute_rows(idx, ds, NULL, &out, NULL), EGDI_ERR_INVALID_ARG,
          "column 'region' is a label column");
    OK(egdi_index_set_source(idx, "e", "nowhere"));
    FAILS(egdi_impute_rows(idx, ds, NULL, &out, NULL), EGDI_ERR_NOT_FOUND,
          "indicator 'e': no column 'nowhere'");
    OK(egdi_index_set_source(idx, "e", "d"));
    FAILS(egdi_impute_rows(idx, ds, NULL, &out, NULL), EGDI_ERR_INVALID_ARG,
          "'d' and 'e' both read column 'd'");
    /* an invalid index */
    egdi_index *bad;
    OK(egdi_index_new(&bad));
    OK(egdi_index_add_aggregate(bad, "empty", NULL, 1));
    ck_assert_int_eq(egdi_impute_rows(bad, ds, NULL, &out, NULL), EGDI_ERR_INVALID_INDEX);
    egdi_index_free(bad);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

static egdi_dataset *read_asem(void)
{
    egdi_csv_options o = EGDI_CSV_OPTIONS_INIT;
    o.code_column = "uCode";
    o.name_column = "uName";
    egdi_dataset *ds;
    OK(egdi_dataset_read_csv(ASEM "input_ASEM_iData.csv", &o, &ds));
    return ds;
}

#define NEAR_REL(a, b) NEAR(a, b, 1e-9 * fabs(b))

START_TEST(rows_coinr_vignette)
{
    /* COINr's imputation vignette: df1 <- ASEM_iData[37:46, 36:39] (IDN .. PAK;
     * Pat, CultServ, CultGood, Tourist), Impute(df1, f_i = "i_mean",
     * impute_by = "row", normalise_first = TRUE, directions = rep(1, 4)).
     * Column min / max over the ten units:
     *   Pat 0.3 / 583.5, CultServ 0.00266 / 2.20754, CultGood 0.046 / 16.182,
     *   Tourist 0.404 / 26.757.
     * KOR (Pat 249.8, CultServ 1.798, Tourist 17.242):
     *   s = ((249.8-0.3)/583.2 + (1.798-0.00266)/2.20488 + (17.242-0.404)/26.353) / 3
     *     = (0.42781207 + 0.81425747 + 0.63894054) / 3 = 0.62700336
     *   CultGood = s * (16.182 - 0.046) + 0.046 = 10.163326188284318
     * LAO (Tourist 3.315 only): s = (3.315 - 0.404)/26.353 = 0.11046181:
     *   Pat = s * 583.2 + 0.3 = 64.7213258452548,
     *   CultServ = s * 2.20488 + 0.00266 = 0.24621502902895304,
     *   CultGood = s * 16.136 + 0.046 = 1.8284117178309867
     * MMR (CultServ 0.08905, Tourist 2.907): s = (0.03918127 + 0.09497970) / 2
     *   = 0.06708048: Pat = 39.421338660148585, CultGood = 1.1284107006518476
     * IDN: s = (0.04012346 + 0.05959054 + 0.42177361) / 3 = 0.17382920:
     *   CultGood = 2.8509080438804917 */
    egdi_dataset *all = read_asem(), *ds, *out, *fl;
    static const char *const codes[] = {"IDN", "JPN", "KAZ", "KOR", "LAO",
                                        "MYS", "MNG", "MMR", "NZL", "PAK"};
    size_t rows[10];
    for (size_t i = 0; i < 10; i++)
        OK(egdi_dataset_find_unit(all, codes[i], &rows[i]));
    OK(egdi_dataset_select_units(all, rows, 10, &ds));
    egdi_index *idx;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "G", NULL, 1));
    OK(egdi_index_add_indicator(idx, "Pat", "G", 1));
    OK(egdi_index_add_indicator(idx, "CultServ", "G", 1));
    OK(egdi_index_add_indicator(idx, "CultGood", "G", 1));
    OK(egdi_index_add_indicator(idx, "Tourist", "G", 1));
    OK(egdi_impute_rows(idx, ds, NULL, &out, &fl));
    NEAR_REL(col_value(out, "KOR", "CultGood"), 10.163326188284318);
    NEAR_REL(col_value(out, "LAO", "Pat"), 64.7213258452548);
    NEAR_REL(col_value(out, "LAO", "CultServ"), 0.24621502902895304);
    NEAR_REL(col_value(out, "LAO", "CultGood"), 1.8284117178309867);
    NEAR_REL(col_value(out, "MMR", "Pat"), 39.421338660148585);
    NEAR_REL(col_value(out, "MMR", "CultGood"), 1.1284107006518476);
    NEAR_REL(col_value(out, "IDN", "CultGood"), 2.8509080438804917);
    ck_assert_double_eq(flag(fl, "LAO", "Tourist"), EGDI_FILL_OBSERVED);
    ck_assert_double_eq(flag(fl, "LAO", "Pat"), EGDI_FILL_ROW);
    egdi_dataset_free(out);
    egdi_dataset_free(fl);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
    egdi_dataset_free(all);
}
END_TEST

START_TEST(rows_coinr_asem_group_level_2)
{
    /* Impute(ASEM, dset = "Raw", f_i = "i_mean" | "i_median", impute_by = "row",
     * group_level = 2): 63 gaps, every one in a pillar where the unit has
     * other values, so all 63 are filled. Worked cell: BRN PrivDebt (SusEcFin:
     * PubDebt -1, PrivDebt -1, GDPGrow +1, RDExp +1, NEET -1). With directions:
     *   PubDebt in [-247.98, -2.81]: BRN -2.81 -> z = 1
     *   GDPGrow in [-0.6773987260464907, 7.579331501213731]: BRN 0.0285102886987971
     *     -> z = 0.7059090147 / 8.2567302273 = 0.0854948
     *   NEET in [-42.1, -0.6]: BRN -17.2 -> z = 24.9 / 41.5 = 0.6
     *   RDExp missing. s = (1 + 0.0854948 + 0.6) / 3 = 0.5618316
     *   -PrivDebt = s (-19.67392581864 + 421.38527338142) - 421.38527338142
     *   PrivDebt = 195.69111966745163; median s = 0.6 -> 180.35846484375196.
     * The other values, by the same rule: ITA Poverty 10.51168758050053 (median
     * 9.348986682674443), LAO Pat 84.75079903071664 (29.62532996412697),
     * BGD TBTs 1358.4662131730277 (1325.4888888888888). */
    egdi_dataset *ds = read_asem(), *out, *fl;
    egdi_index *idx;
    OK(egdi_index_read_csv(ASEM "asem_minmax_mean.csv", &idx));
    OK(egdi_impute_rows(idx, ds, NULL, &out, &fl));
    NEAR_REL(col_value(out, "BRN", "PrivDebt"), 195.69111966745163);
    NEAR_REL(col_value(out, "ITA", "Poverty"), 10.51168758050053);
    NEAR_REL(col_value(out, "LAO", "Pat"), 84.75079903071664);
    NEAR_REL(col_value(out, "BGD", "TBTs"), 1358.4662131730277);
    size_t n_row = 0, n_obs = 0, n = egdi_dataset_n_units(fl);
    for (size_t j = 0; j < egdi_dataset_n_columns(fl); j++)
        for (size_t i = 0; i < n; i++) {
            double f;
            OK(egdi_dataset_get_value(fl, i, j, &f));
            n_row += f == EGDI_FILL_ROW;
            n_obs += f == EGDI_FILL_OBSERVED;
        }
    ck_assert_uint_eq(n_row, 63);
    ck_assert_uint_eq(n_obs, 51 * 49 - 63);
    egdi_dataset_free(out);
    egdi_dataset_free(fl);
    egdi_impute_rows_options o = EGDI_IMPUTE_ROWS_OPTIONS_INIT;
    o.stat = EGDI_ROW_MEDIAN;
    OK(egdi_impute_rows(idx, ds, &o, &out, NULL));
    NEAR_REL(col_value(out, "BRN", "PrivDebt"), 180.35846484375196);
    NEAR_REL(col_value(out, "ITA", "Poverty"), 9.348986682674443);
    NEAR_REL(col_value(out, "LAO", "Pat"), 29.62532996412697);
    NEAR_REL(col_value(out, "BGD", "TBTs"), 1325.4888888888888);
    egdi_dataset_free(out);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

/* --------------------------------------------------------------- panel -- */

/* Ten rows in no order; units A = 0, B = 1, C = 2; columns x, y:
 *  row unit time  x    y
 *   0   B  2020   -    5
 *   1   A  2018   -    1
 *   2   A  2022   -    -
 *   3   B  2016   2    -
 *   4   A  2020   4    -
 *   5   A  2016   -    -
 *   6   B  2018   -    -
 *   7   A  2024  10    -
 *   8   C  2020   -    -
 *   9   B  2024   8    -      (B has no 2022 row)
 * The panel's time points: 2016, 2018, 2020, 2022, 2024. */
static const int P_UNITS[10] = {1, 0, 0, 1, 0, 0, 1, 0, 2, 1};
static const double P_TIMES[10] = {2020, 2018, 2022, 2016, 2020, 2016, 2018, 2024, 2020, 2024};
#define M NAN
static const double P_VALUES[20] = {M, 5, M, 1, M, M, 2, M, 4, M, M, M, M, M, 10, M, M, M, 8, M};
#undef M

/* Expected value (NaN = missing), fill code and source time of one cell. */
typedef struct cell {
    size_t row, col;
    double value;
    int fill;
    double source;
} cell;

static void check_cells(const double *out, const unsigned char *fill, const double *src,
                        const cell *c, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t i = c[k].row * 2 + c[k].col;
        if (isnan(c[k].value))
            ck_assert_msg(isnan(out[i]), "row %zu col %zu: %g, expected missing", c[k].row,
                          c[k].col, out[i]);
        else
            ck_assert_msg(fabs(out[i] - c[k].value) <= TOL, "row %zu col %zu: %.15g, expected %g",
                          c[k].row, c[k].col, out[i], c[k].value);
        ck_assert_msg(fill[i] == c[k].fill, "row %zu col %zu: fill %d, expected %d", c[k].row,
                      c[k].col, fill[i], c[k].fill);
        if (isnan(c[k].source))
            ck_assert_msg(isnan(src[i]), "row %zu col %zu: source %g", c[k].row, c[k].col, src[i]);
        else
            ck_assert_msg(src[i] == c[k].source, "row %zu col %zu: source %g, expected %g",
                          c[k].row, c[k].col, src[i], c[k].source);
    }
}

enum { OBS = EGDI_FILL_OBSERVED, MIS = EGDI_FILL_MISSING, CAR = EGDI_FILL_CARRIED,
       INT = EGDI_FILL_INTERPOLATED, EXT = EGDI_FILL_EXTRAPOLATED };

START_TEST(panel_latest)
{
    /* Carry the latest earlier observation forward; nothing before the first.
     * A x: 2016 -, 2018 -, 2020 4, 2022 <- 4 (2020), 2024 10
     * A y: 2016 -, 2018 1, 2020/2022/2024 <- 1 (2018)
     * B x: 2016 2, 2018 <- 2, 2020 <- 2, 2024 8;  B y: 2016 -, 2018 -, 2020 5, 2024 <- 5
     * C: nothing observed, all missing. */
    double out[20], src[20];
    unsigned char fill[20];
    OK(egdi_impute_panel_values(P_UNITS, P_TIMES, 10, P_VALUES, 2, NULL, out, fill, src));
    const cell c[] = {
        {5, 0, NAN, MIS, NAN},  {1, 0, NAN, MIS, NAN},  {4, 0, 4, OBS, 2020},
        {2, 0, 4, CAR, 2020},   {7, 0, 10, OBS, 2024},  {5, 1, NAN, MIS, NAN},
        {1, 1, 1, OBS, 2018},   {4, 1, 1, CAR, 2018},   {2, 1, 1, CAR, 2018},
        {7, 1, 1, CAR, 2018},   {3, 0, 2, OBS, 2016},   {6, 0, 2, CAR, 2016},
        {0, 0, 2, CAR, 2016},   {9, 0, 8, OBS, 2024},   {3, 1, NAN, MIS, NAN},
        {6, 1, NAN, MIS, NAN},  {0, 1, 5, OBS, 2020},   {9, 1, 5, CAR, 2020},
        {8, 0, NAN, MIS, NAN},  {8, 1, NAN, MIS, NAN},
    };
    check_cells(out, fill, src, c, sizeof c / sizeof *c);
}
END_TEST

START_TEST(panel_limits)
{
    /* max_age 4 years: A y 2024 is 6 years after 2018 -> missing; B x 2020 is
     * 4 after 2016 -> kept. max_steps 1 (COINr's max_time = 1): only the
     * previous panel time point: A y 2020 (1 step) kept, 2022 (2) missing;
     * B y 2024 from 2020 is 2 steps (2022 counts although B lacks it) -> missing;
     * B x 2018 kept, 2020 missing. */
    double out[20], src[20];
    unsigned char fill[20];
    egdi_impute_panel_options o;
    egdi_impute_panel_options_init(&o);
    o.max_age = 4;
    OK(egdi_impute_panel_values(P_UNITS, P_TIMES, 10, P_VALUES, 2, &o, out, fill, src));
    const cell by_age[] = {{4, 1, 1, CAR, 2018}, {2, 1, 1, CAR, 2018}, {7, 1, NAN, MIS, NAN},
                           {0, 0, 2, CAR, 2016}, {9, 1, 5, CAR, 2020}};
    check_cells(out, fill, src, by_age, 5);
    o.max_age = 0;
    o.max_steps = 1;
    OK(egdi_impute_panel_values(P_UNITS, P_TIMES, 10, P_VALUES, 2, &o, out, fill, src));
    const cell by_steps[] = {{4, 1, 1, CAR, 2018},  {2, 1, NAN, MIS, NAN}, {9, 1, NAN, MIS, NAN},
                             {6, 0, 2, CAR, 2016},  {0, 0, NAN, MIS, NAN}, {2, 0, 4, CAR, 2020}};
    check_cells(out, fill, src, by_steps, 6);
    /* infinity = no limit */
    o.max_steps = 0;
    o.max_age = INFINITY;
    OK(egdi_impute_panel_values(P_UNITS, P_TIMES, 10, P_VALUES, 2, &o, out, fill, src));
    const cell none[] = {{7, 1, 1, CAR, 2018}};
    check_cells(out, fill, src, none, 1);
}
END_TEST

START_TEST(panel_constant_and_linear)
{
    /* constant: as latest, and the gaps before the first observation take it:
     * A x 2016, 2018 <- 4 (2020); A y 2016 <- 1 (2018); B y 2016, 2018 <- 5 (2020). */
    double out[20], src[20];
    unsigned char fill[20];
    egdi_impute_panel_options o = EGDI_IMPUTE_PANEL_OPTIONS_INIT;
    o.method = EGDI_PANEL_IMPUTE_CONSTANT;
    OK(egdi_impute_panel_values(P_UNITS, P_TIMES, 10, P_VALUES, 2, &o, out, fill, src));
    const cell k[] = {{5, 0, 4, EXT, 2020}, {1, 0, 4, EXT, 2020}, {2, 0, 4, CAR, 2020},
                      {5, 1, 1, EXT, 2018}, {7, 1, 1, CAR, 2018}, {3, 1, 5, EXT, 2020},
                      {6, 1, 5, EXT, 2020}, {9, 1, 5, CAR, 2020}, {8, 0, NAN, MIS, NAN}};
    check_cells(out, fill, src, k, sizeof k / sizeof *k);
    /* linear: A x 2022 = 4 + (10 - 4) * (2 / 4) = 7; B x 2018 = 2 + 6 * (2 / 8) = 3.5,
     * 2020 = 2 + 6 * (4 / 8) = 5; the ends constant: A x 2016, 2018 <- 4;
     * A y 2016 <- 1, 2020..2024 <- 1; B y 2016, 2018, 2024 <- 5. */
    o.method = EGDI_PANEL_IMPUTE_LINEAR;
    OK(egdi_impute_panel_values(P_UNITS, P_TIMES, 10, P_VALUES, 2, &o, out, fill, src));
    const cell l[] = {{2, 0, 7, INT, NAN},   {6, 0, 3.5, INT, NAN},  {0, 0, 5, INT, NAN},
                      {5, 0, 4, EXT, 2020},  {1, 0, 4, EXT, 2020},   {5, 1, 1, EXT, 2018},
                      {4, 1, 1, EXT, 2018},  {7, 1, 1, EXT, 2018},   {3, 1, 5, EXT, 2020},
                      {9, 1, 5, EXT, 2020},  {4, 0, 4, OBS, 2020},   {8, 1, NAN, MIS, NAN}};
    check_cells(out, fill, src, l, sizeof l / sizeof *l);
    /* without extrapolation only the interpolated cells are filled */
    o.extrapolate = 0;
    OK(egdi_impute_panel_values(P_UNITS, P_TIMES, 10, P_VALUES, 2, &o, out, fill, src));
    const cell l0[] = {{2, 0, 7, INT, NAN},  {5, 0, NAN, MIS, NAN}, {7, 1, NAN, MIS, NAN},
                       {3, 1, NAN, MIS, NAN}, {0, 0, 5, INT, NAN}};
    check_cells(out, fill, src, l0, sizeof l0 / sizeof *l0);
    /* linear extrapolation limited by age: A y after 2018: 2020 (2) kept, 2022 (4) not */
    o.extrapolate = 1;
    o.max_age = 2;
    OK(egdi_impute_panel_values(P_UNITS, P_TIMES, 10, P_VALUES, 2, &o, out, fill, src));
    const cell la[] = {{4, 1, 1, EXT, 2018}, {2, 1, NAN, MIS, NAN}, {2, 0, 7, INT, NAN},
                       {5, 0, NAN, MIS, NAN}, {1, 0, 4, EXT, 2020}};
    check_cells(out, fill, src, la, sizeof la / sizeof *la);
    /* in place, without fill and source */
    double v[20];
    memcpy(v, P_VALUES, sizeof v);
    o.max_age = 0;
    OK(egdi_impute_panel_values(P_UNITS, P_TIMES, 10, v, 2, &o, v, NULL, NULL));
    NEAR(v[2 * 2 + 0], 7, TOL);
    NEAR(v[6 * 2 + 0], 3.5, TOL);
    NEAR(v[0 * 2 + 0], 5, TOL);
}
END_TEST

START_TEST(panel_values_errors)
{
    double out[20];
    egdi_impute_panel_options o = EGDI_IMPUTE_PANEL_OPTIONS_INIT;
    int units[3] = {4, 7, 4};
    double times[3] = {2020, 2020, 2020}, vals[3] = {1, 2, 3};
    FAILS(egdi_impute_panel_values(units, times, 3, vals, 1, NULL, out, NULL, NULL),
          EGDI_ERR_DUPLICATE, "unit 4 (row 0) and 4 (row 2)");
    times[1] = NAN;
    FAILS(egdi_impute_panel_values(units, times, 3, vals, 1, NULL, out, NULL, NULL),
          EGDI_ERR_INVALID_ARG, "unit 7 (row 1): time is not a finite number");
    times[1] = 2020;
    times[2] = 2022;
    vals[2] = -INFINITY;
    FAILS(egdi_impute_panel_values(units, times, 3, vals, 1, NULL, out, NULL, NULL),
          EGDI_ERR_DOMAIN, "time 2022, column 0: value is infinite");
    vals[2] = 3;
    o.method = (egdi_panel_impute)3;
    FAILS(egdi_impute_panel_values(units, times, 3, vals, 1, &o, out, NULL, NULL),
          EGDI_ERR_INVALID_ARG, "unknown method 3");
    o.method = EGDI_PANEL_IMPUTE_LATEST;
    o.max_age = -1;
    FAILS(egdi_impute_panel_values(units, times, 3, vals, 1, &o, out, NULL, NULL),
          EGDI_ERR_INVALID_ARG, "max_age -1");
    o.max_age = NAN;
    FAILS(egdi_impute_panel_values(units, times, 3, vals, 1, &o, out, NULL, NULL),
          EGDI_ERR_INVALID_ARG, "max_age");
    FAILS(egdi_impute_panel_values(units, NULL, 3, vals, 1, NULL, out, NULL, NULL),
          EGDI_ERR_INVALID_ARG, "times");
    FAILS(egdi_impute_panel_options_init_version(&o, 0), EGDI_ERR_INVALID_ARG, "version 0");
    /* nothing to do is fine */
    OK(egdi_impute_panel_values(NULL, NULL, 0, NULL, 0, NULL, NULL, NULL, NULL));
}
END_TEST

/* The same panel as a dataset: rows r0..r9, label column uCode (A, B, C),
 * Time, x, y, a label column "note" and a numeric column z. */
static egdi_dataset *panel_dataset(void)
{
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    char code[8];
    const char *names[3] = {"A", "B", "C"}, *labels[10];
    double x[10], y[10], z[10];
    for (size_t r = 0; r < 10; r++) {
        snprintf(code, sizeof code, "r%zu", r);
        OK(egdi_dataset_add_unit(ds, code, NULL, NULL));
        labels[r] = names[P_UNITS[r]];
        x[r] = P_VALUES[2 * r];
        y[r] = P_VALUES[2 * r + 1];
        z[r] = r == 3 ? 1 : NAN; /* B 2016 only */
    }
    OK(egdi_dataset_add_labels(ds, "uCode", labels, 10));
    OK(egdi_dataset_add_numeric(ds, "Time", P_TIMES, 10));
    OK(egdi_dataset_add_numeric(ds, "x", x, 10));
    OK(egdi_dataset_add_labels(ds, "note", (const char *[]){"n", NULL, NULL, NULL, NULL, NULL,
                                                            NULL, NULL, NULL, NULL}, 10));
    OK(egdi_dataset_add_numeric(ds, "y", y, 10));
    OK(egdi_dataset_add_numeric(ds, "z", z, 10));
    return ds;
}

START_TEST(panel_dataset_form)
{
    /* linear on x and y only (the expected values of panel_constant_and_linear);
     * z and the labels are copied unchanged. */
    egdi_dataset *ds = panel_dataset(), *out, *fl, *src;
    egdi_impute_panel_options o = EGDI_IMPUTE_PANEL_OPTIONS_INIT;
    o.unit_column = "uCode";
    o.time_column = "Time";
    o.method = EGDI_PANEL_IMPUTE_LINEAR;
    const char *cols[2] = {"y", "x"};
    o.columns = cols;
    o.n_columns = 2;
    OK(egdi_impute_panel(ds, &o, &out, &fl, &src));
    NEAR(col_value(out, "r2", "x"), 7, TOL);
    NEAR(col_value(out, "r6", "x"), 3.5, TOL);
    NEAR(col_value(out, "r9", "y"), 5, TOL);
    ck_assert(isnan(col_value(out, "r8", "y")));
    ck_assert(isnan(col_value(out, "r0", "z")));
    ck_assert_str_eq(egdi_dataset_get_label(out, 0, 3), "n");
    ck_assert_uint_eq(egdi_dataset_n_columns(out), 6);
    /* fill and source: uCode, Time, then the imputed columns in the order given */
    ck_assert_uint_eq(egdi_dataset_n_columns(fl), 4);
    ck_assert_str_eq(egdi_dataset_column_name(fl, 0), "uCode");
    ck_assert_str_eq(egdi_dataset_column_name(fl, 1), "Time");
    ck_assert_str_eq(egdi_dataset_column_name(fl, 2), "y");
    ck_assert_str_eq(egdi_dataset_get_label(fl, 3, 0), "B");
    ck_assert_double_eq(col_value(fl, "r3", "Time"), 2016);
    ck_assert_double_eq(col_value(fl, "r2", "x"), EGDI_FILL_INTERPOLATED);
    ck_assert_double_eq(col_value(fl, "r9", "y"), EGDI_FILL_EXTRAPOLATED);
    ck_assert_double_eq(col_value(fl, "r8", "y"), EGDI_FILL_MISSING);
    ck_assert_double_eq(col_value(fl, "r4", "x"), EGDI_FILL_OBSERVED);
    ck_assert_double_eq(col_value(src, "r9", "y"), 2020);
    ck_assert(isnan(col_value(src, "r2", "x")));
    egdi_dataset_free(out);
    egdi_dataset_free(fl);
    egdi_dataset_free(src);
    /* default columns: every numeric one but Time, z too (B 2016 -> 2018, 2020, 2024) */
    o.columns = NULL;
    o.n_columns = 0;
    o.method = EGDI_PANEL_IMPUTE_LATEST;
    OK(egdi_impute_panel(ds, &o, &out, NULL, NULL));
    ck_assert_double_eq(col_value(out, "r9", "z"), 1);
    ck_assert_double_eq(col_value(out, "r6", "z"), 1);
    ck_assert(isnan(col_value(out, "r1", "z")));
    ck_assert_double_eq(col_value(out, "r2", "x"), 4);
    egdi_dataset_free(out);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(panel_dataset_errors)
{
    egdi_dataset *ds = panel_dataset(), *out = (egdi_dataset *)&out;
    egdi_impute_panel_options o = EGDI_IMPUTE_PANEL_OPTIONS_INIT;
    /* defaults are the Survey panel's columns */
    FAILS(egdi_impute_panel(ds, &o, &out, NULL, NULL), EGDI_ERR_NOT_FOUND, "no unit column 'code'");
    ck_assert_ptr_null(out);
    o.unit_column = "uCode";
    FAILS(egdi_impute_panel(ds, &o, &out, NULL, NULL), EGDI_ERR_NOT_FOUND,
          "no time column 'edition'");
    o.time_column = "Time";
    o.unit_column = "x";
    FAILS(egdi_impute_panel(ds, &o, &out, NULL, NULL), EGDI_ERR_INVALID_ARG,
          "unit column 'x' is not a label column");
    o.unit_column = "uCode";
    o.time_column = "note";
    FAILS(egdi_impute_panel(ds, &o, &out, NULL, NULL), EGDI_ERR_INVALID_ARG,
          "time column 'note' is not numeric");
    o.time_column = "Time";
    const char *bad1[1] = {"Time"}, *bad2[1] = {"note"}, *bad3[1] = {"w"}, *bad4[2] = {"x", "x"};
    o.n_columns = 1;
    o.columns = bad1;
    FAILS(egdi_impute_panel(ds, &o, &out, NULL, NULL), EGDI_ERR_INVALID_ARG,
          "'Time' is the time column");
    o.columns = bad2;
    FAILS(egdi_impute_panel(ds, &o, &out, NULL, NULL), EGDI_ERR_INVALID_ARG,
          "'note' is not numeric");
    o.columns = bad3;
    FAILS(egdi_impute_panel(ds, &o, &out, NULL, NULL), EGDI_ERR_NOT_FOUND, "no column 'w'");
    o.columns = bad4;
    o.n_columns = 2;
    FAILS(egdi_impute_panel(ds, &o, &out, NULL, NULL), EGDI_ERR_DUPLICATE, "'x' is listed twice");
    o.columns = NULL;
    o.n_columns = 0;
    /* a row without a unit, then two rows of B in 2018 (named by label and row code) */
    size_t uc, tc;
    OK(egdi_dataset_find_column(ds, "uCode", &uc));
    OK(egdi_dataset_find_column(ds, "Time", &tc));
    OK(egdi_dataset_set_label(ds, 4, uc, NULL));
    FAILS(egdi_impute_panel(ds, &o, &out, NULL, NULL), EGDI_ERR_INVALID_ARG,
          "row 'r4' has no unit in column 'uCode'");
    OK(egdi_dataset_set_label(ds, 4, uc, "A"));
    OK(egdi_dataset_set_value(ds, 0, tc, 2018));
    FAILS(egdi_impute_panel(ds, &o, &out, NULL, NULL), EGDI_ERR_DUPLICATE,
          "unit 'B' (row 'r0') and 'B' (row 'r6'): two rows with the same unit and time 2018");
    OK(egdi_dataset_set_value(ds, 0, tc, 2020));
    OK(egdi_dataset_set_value(ds, 7, 2, INFINITY));
    FAILS(egdi_impute_panel(ds, &o, &out, NULL, NULL), EGDI_ERR_DOMAIN,
          "unit 'A' (row 'r7'), time 2024, column 'x': value is infinite");
    FAILS(egdi_impute_panel(NULL, &o, &out, NULL, NULL), EGDI_ERR_INVALID_ARG, "panel");
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(panel_many_units)
{
    /* 20000 units x 6 years, rows in reverse order; unit u has x = u + year -
     * 2000 observed in even years except 2004, and missing in odd years:
     * linear gives u + year - 2000 everywhere inside [2000, 2010] (a line), the
     * first and last years are observed. O(n log n): a quadratic pass would take
     * minutes here. */
    enum { NU = 20000, NY = 6 };
    size_t n = (size_t)NU * NY;
    int *units = malloc(n * sizeof *units);
    double *times = malloc(n * sizeof *times), *v = malloc(n * sizeof *v);
    unsigned char *fill = malloc(n);
    ck_assert(units && times && v && fill);
    static const double years[NY] = {2000, 2002, 2004, 2005, 2008, 2010};
    for (size_t k = 0; k < n; k++) {
        size_t r = n - 1 - k, u = k / NY, y = k % NY;
        units[r] = (int)u;
        times[r] = years[y];
        v[r] = (years[y] == 2004 || years[y] == 2005) ? NAN : (double)u + years[y] - 2000;
    }
    egdi_impute_panel_options o = EGDI_IMPUTE_PANEL_OPTIONS_INIT;
    o.method = EGDI_PANEL_IMPUTE_LINEAR;
    OK(egdi_impute_panel_values(units, times, n, v, 1, &o, v, fill, NULL));
    for (size_t r = 0; r < n; r++) {
        double expect = (double)units[r] + times[r] - 2000;
        ck_assert_msg(fabs(v[r] - expect) <= 1e-9, "row %zu: %g, expected %g", r, v[r], expect);
        ck_assert_int_eq(fill[r], (times[r] == 2004 || times[r] == 2005) ? INT : OBS);
    }
    free(units);
    free(times);
    free(v);
    free(fill);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("impute_more");
    TCase *t = tcase_create("core");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, rows_mean_within_parent);
    tcase_add_test(t, rows_whole_index_mean_and_median);
    tcase_add_test(t, rows_values_edge_cases);
    tcase_add_test(t, rows_errors);
    tcase_add_test(t, rows_coinr_vignette);
    tcase_add_test(t, rows_coinr_asem_group_level_2);
    tcase_add_test(t, panel_latest);
    tcase_add_test(t, panel_limits);
    tcase_add_test(t, panel_constant_and_linear);
    tcase_add_test(t, panel_values_errors);
    tcase_add_test(t, panel_dataset_form);
    tcase_add_test(t, panel_dataset_errors);
    tcase_add_test(t, panel_many_units);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
