/* Gap decomposition and strengths/weaknesses (explain.h), on published Survey
 * values and on small raw datasets whose decomposition is derived by hand. */
#include "test_util.h"

static egdi_dataset *un(int year)
{
    char path[512];
    snprintf(path, sizeof path, "%s/un-egov/EGOV_DATA_%d.csv", EGDI_TEST_DATA, year);
    egdi_dataset *ds = NULL;
    OK(egdi_survey_read_un_csv(path, 0, &ds));
    return ds;
}

static double row_value(const egdi_dataset *t, const char *node, const char *column)
{
    return col_value(t, node, column);
}

static const char *row_label(const egdi_dataset *t, const char *node, const char *column)
{
    size_t i, j;
    OK(egdi_dataset_find_unit(t, node, &i));
    OK(egdi_dataset_find_column(t, column, &j));
    return egdi_dataset_get_label(t, i, j);
}

/* The contributions of the leaves and of the root's children each sum to the
 * root's gap; each aggregate's children sum to its own contribution. */
static void check_sums(const egdi_dataset *t, double tol)
{
    size_t n = egdi_dataset_n_units(t), jc, jd, jp;
    OK(egdi_dataset_find_column(t, "contribution", &jc));
    OK(egdi_dataset_find_column(t, "depth", &jd));
    OK(egdi_dataset_find_column(t, "parent", &jp));
    double root = 0, depth1 = 0;
    OK(egdi_dataset_get_value(t, 0, jc, &root));
    for (size_t i = 1; i < n; i++) {
        double d, c, sum = 0;
        OK(egdi_dataset_get_value(t, i, jd, &d));
        OK(egdi_dataset_get_value(t, i, jc, &c));
        if (d == 1)
            depth1 += c;
        int has_kids = 0;
        for (size_t k = 1; k < n; k++)
            if (strcmp(egdi_dataset_get_label(t, k, jp), egdi_dataset_unit_code(t, i)) == 0) {
                double ck;
                OK(egdi_dataset_get_value(t, k, jc, &ck));
                sum += ck, has_kids = 1;
            }
        if (has_kids)
            NEAR(sum, c, tol);
    }
    NEAR(depth1, root, tol);
}

/* 2024, published components. Bahrain: OSI 0.90305, TII 0.98773, HCI 0.86804;
 * Saudi Arabia: OSI 0.98995, TII 0.98411, HCI 0.90666; weights 1/3 each.
 *   EGDI(BHR) = 2.75882 / 3 = 0.919606667, EGDI(SAU) = 2.88072 / 3 = 0.96024
 *   gap = -0.1219 / 3 = -0.040633333 (published 0.91958 - 0.96022 = -0.04064:
 *   the published EGDI is the mean of unrounded components)
 *   OSI: (0.90305 - 0.98995) / 3 = -0.0869 / 3   share 0.0869 / 0.1219 = 0.712879
 *   TII: (0.98773 - 0.98411) / 3 =  0.00362 / 3  share -0.029696
 *   HCI: (0.86804 - 0.90666) / 3 = -0.03862 / 3  share 0.316817 */
START_TEST(gap_2024_bahrain_saudi)
{
    egdi_dataset *data = un(2024), *gap = NULL;
    egdi_explain_options o = EGDI_EXPLAIN_OPTIONS_INIT;
    o.versus = EGDI_VERSUS_UNIT;
    o.versus_unit = "Saudi Arabia";
    OK(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, NULL));
    ck_assert_uint_eq(egdi_dataset_n_units(gap), 4);
    ck_assert_str_eq(egdi_dataset_unit_code(gap, 0), "egdi");
    ck_assert_str_eq(row_label(gap, "egdi", "versus"), "Saudi Arabia");
    ck_assert_str_eq(row_label(gap, "tii", "unit"), "Bahrain");
    ck_assert_str_eq(row_label(gap, "tii", "parent"), "egdi");
    NEAR(row_value(gap, "egdi", "value_a"), 2.75882 / 3, 1e-12);
    NEAR(row_value(gap, "egdi", "value_b"), 2.88072 / 3, 1e-12);
    NEAR(row_value(gap, "egdi", "gap"), -0.1219 / 3, 1e-12);
    NEAR(row_value(gap, "egdi", "contribution"), -0.1219 / 3, 1e-12);
    NEAR(row_value(gap, "osi", "contribution"), -0.0869 / 3, 1e-12);
    NEAR(row_value(gap, "tii", "contribution"), 0.00362 / 3, 1e-12);
    NEAR(row_value(gap, "hci", "contribution"), -0.03862 / 3, 1e-12);
    NEAR(row_value(gap, "osi", "share"), 0.0869 / 0.1219, 1e-12);
    NEAR(row_value(gap, "tii", "share"), -0.00362 / 0.1219, 1e-12);
    NEAR(row_value(gap, "osi", "weight"), 1.0 / 3, 1e-15);
    NEAR(row_value(gap, "osi", "effective_weight"), 1.0 / 3, 1e-15);
    NEAR(row_value(gap, "osi", "value_a"), 0.90305, 1e-15);
    NEAR(row_value(gap, "osi", "value_b"), 0.98995, 1e-15);
    NEAR(row_value(gap, "osi", "input_a"), 0.90305, 1e-15);
    NEAR(row_value(gap, "egdi", "depth"), 0, 0);
    ck_assert(isnan(row_value(gap, "egdi", "weight")));
    ck_assert(isnan(row_value(gap, "egdi", "input_a")));
    check_sums(gap, 1e-12);
    egdi_dataset_free(gap);
    egdi_dataset_free(data);
}
END_TEST

/* 2008: weights 0.34 / 0.33 / 0.33. Bahrain OSI 0.52006, TII 0.33460, HCI
 * 0.86396; Saudi Arabia 0.46488, 0.21100, 0.80560.
 *   OSI 0.34 * 0.05518 = 0.0187612; TII 0.33 * 0.1236 = 0.040788;
 *   HCI 0.33 * 0.05836 = 0.0192588; gap 0.078808 (published 0.5723 - 0.4935
 *   = 0.0788). */
START_TEST(gap_2008_weights)
{
    egdi_dataset *data = un(2008), *gap = NULL;
    egdi_explain_options o = EGDI_EXPLAIN_OPTIONS_INIT;
    o.versus = EGDI_VERSUS_UNIT;
    o.versus_unit = "Saudi Arabia";
    OK(egdi_survey_explain(2008, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, NULL));
    NEAR(row_value(gap, "osi", "contribution"), 0.34 * 0.05518, 1e-12);
    NEAR(row_value(gap, "tii", "contribution"), 0.33 * 0.1236, 1e-12);
    NEAR(row_value(gap, "hci", "contribution"), 0.33 * 0.05836, 1e-12);
    NEAR(row_value(gap, "egdi", "gap"), 0.078808, 1e-12);
    NEAR(row_value(gap, "osi", "weight"), 0.34, 1e-15);
    NEAR(row_value(gap, "egdi", "gap"), 0.5723 - 0.4935, 5e-5); /* published, rounded */
    check_sums(gap, 1e-12);
    egdi_dataset_free(gap);
    egdi_dataset_free(data);
}
END_TEST

/* Raw input, 2024 method (z-scores, mean, min-max; TII cap 120), three units
 * A, B, C whose indicators all take three equally spaced values (z = -c, 0, c
 * with c = sqrt(1.5), population sd), except mean_years (4, 8, 6: z = -c, c, 0).
 *   TII (weights 1/4): internet_users 10/50/90 (-c,0,c), fixed_broadband
 *   5/10/15 (-c,0,c), active_mobile_broadband 90/50/10 (c,0,-c),
 *   mobile_subscriptions 100/110/120 (-c,0,c): mean z = -c/2, 0, c/2;
 *   max - min = c; TII = 0, 1/2, 1.
 *   HCI (weights 1/3, 2/9, 2/9, 2/9): adult_literacy 60/80/100 (-c,0,c),
 *   gross_enrolment 90/60/30 (c,0,-c), expected_years 10/12/14 (-c,0,c),
 *   mean_years (-c,c,0): mean z = -5c/9, 2c/9, 3c/9; max - min = 8c/9;
 *   HCI = 0, 7/8, 1.  OSI: osi_raw 0.2/0.5/0.8 -> 0, 1/2, 1.
 * A versus B, share of the EGDI gap = w_c * w_k (z_kA - z_kB) / (max - min):
 *   internet -1/12, fixed -1/12, active mobile +1/12, mobile -1/12
 *   (TII gap -1/2); adult (1/3)(1/3)(-c)/(8c/9) = -1/8, gross +1/12,
 *   expected -1/12, mean_years (1/3)(2/9)(-2c)/(8c/9) = -1/6 (HCI gap -7/8);
 *   OSI -1/6. EGDI gap = (-1/2 - 1/2 - 7/8) / 3 = -5/8; the sum of the nine
 *   is (-4 - 2 - 2 + 2 - 2 - 3 + 2 - 2 - 4) / 24 = -15/24 = -5/8. */
static const char raw2024[] =
    "code,osi_raw,internet_users,fixed_broadband,active_mobile_broadband,"
    "mobile_subscriptions,adult_literacy,gross_enrolment,expected_years,mean_years\n"
    "A,0.2,10,5,90,100,60,90,10,4\n"
    "B,0.5,50,10,50,110,80,60,12,8\n"
    "C,0.8,90,15,10,120,100,30,14,6\n";

START_TEST(gap_raw_zscores)
{
    egdi_dataset *data = NULL, *gap = NULL;
    OK(egdi_dataset_read_csv_buffer(raw2024, sizeof raw2024 - 1, NULL, &data));
    egdi_explain_options o = EGDI_EXPLAIN_OPTIONS_INIT;
    o.versus = EGDI_VERSUS_UNIT;
    o.versus_unit = "B";
    OK(egdi_survey_explain(2024, EGDI_INPUT_RAW, data, "A", &o, &gap, NULL));
    ck_assert_uint_eq(egdi_dataset_n_units(gap), 12); /* egdi, osi, tii + 4, hci + 4 */
    ck_assert_str_eq(egdi_dataset_unit_code(gap, 3), "internet_users"); /* tree order */
    struct { const char *node; double want; } c[] = {
        {"egdi", -5.0 / 8}, {"osi", -1.0 / 6}, {"tii", -1.0 / 6}, {"hci", -7.0 / 24},
        {"internet_users", -1.0 / 12}, {"fixed_broadband", -1.0 / 12},
        {"active_mobile_broadband", 1.0 / 12}, {"mobile_subscriptions", -1.0 / 12},
        {"adult_literacy", -1.0 / 8}, {"gross_enrolment", 1.0 / 12},
        {"expected_years", -1.0 / 12}, {"mean_years", -1.0 / 6}};
    for (size_t k = 0; k < sizeof c / sizeof *c; k++) {
        NEAR(row_value(gap, c[k].node, "contribution"), c[k].want, 1e-12);
        NEAR(row_value(gap, c[k].node, "share"), c[k].want / (-5.0 / 8), 1e-12);
    }
    /* the indicator values are the z-scores; the effective weight of
     * internet_users is w_c w_k / (max - min) = (1/3)(1/4)/c */
    double cc = sqrt(1.5);
    NEAR(row_value(gap, "internet_users", "value_a"), -cc, 1e-12);
    NEAR(row_value(gap, "internet_users", "input_a"), 10, 0);
    NEAR(row_value(gap, "internet_users", "effective_weight"), 1.0 / 12 / cc, 1e-12);
    NEAR(row_value(gap, "hci", "value_b"), 7.0 / 8, 1e-12);
    check_sums(gap, 1e-12);
    egdi_dataset_free(gap);
    /* C versus the mean of all three: the same identities hold on the means */
    o.versus = EGDI_VERSUS_MEAN;
    OK(egdi_survey_explain(2024, EGDI_INPUT_RAW, data, "C", &o, &gap, NULL));
    ck_assert_str_eq(row_label(gap, "egdi", "versus"), "World");
    NEAR(row_value(gap, "tii", "value_b"), 0.5, 1e-12);
    NEAR(row_value(gap, "hci", "value_b"), (0 + 7.0 / 8 + 1) / 3, 1e-12);
    NEAR(row_value(gap, "internet_users", "value_b"), 0, 1e-12);
    check_sums(gap, 1e-12);
    egdi_dataset_free(gap);
    egdi_dataset_free(data);
}
END_TEST

/* Raw input before 2012 (2010): TII = mean of x / max (weights 1/5), HCI =
 * 2/3 literacy + 1/3 enrolment in [0, 1] (x / 100), OSI min-max of osi_raw;
 * EGDI weights 0.34 / 0.33 / 0.33; no normalisation of the composites.
 * A: TII indicators 20, 10, 30, 100, 25 (scores .5, 1, .5, 1, .5: TII 0.7);
 * B: 40, 5, 60, 50, 50 (1, .5, 1, .5, 1: TII 0.8). Contribution of each
 * TII indicator: 0.33 * (1/5) * (+-0.5) = -+0.033. HCI: A 90, 60 (0.8),
 * B 60, 90 (0.7): literacy 0.33 (2/3) 0.3 = 0.066, enrolment 0.33 (1/3)(-0.3)
 * = -0.033. OSI 0.4 vs 0.7: 0 vs 1, 0.34 * -1 = -0.34. EGDI 0.495 vs 0.835,
 * gap -0.34 = -0.34 - 0.033 + 0.033 (TII -0.033, HCI +0.033). */
static const char raw2010[] =
    "code,osi_raw,internet_users,fixed_broadband,pcs,mobile_subscriptions,fixed_telephone,"
    "adult_literacy,gross_enrolment\n"
    "A,0.4,20,10,30,100,25,90,60\n"
    "B,0.7,40,5,60,50,50,60,90\n";

START_TEST(gap_raw_before_2012)
{
    egdi_dataset *data = NULL, *gap = NULL;
    OK(egdi_dataset_read_csv_buffer(raw2010, sizeof raw2010 - 1, NULL, &data));
    egdi_explain_options o = EGDI_EXPLAIN_OPTIONS_INIT;
    o.versus = EGDI_VERSUS_BEST; /* B: the only other unit */
    OK(egdi_survey_explain(2010, EGDI_INPUT_RAW, data, "A", &o, &gap, NULL));
    ck_assert_str_eq(row_label(gap, "egdi", "versus"), "B");
    NEAR(row_value(gap, "egdi", "value_a"), 0.495, 1e-12);
    NEAR(row_value(gap, "egdi", "value_b"), 0.835, 1e-12);
    NEAR(row_value(gap, "internet_users", "contribution"), -0.033, 1e-12);
    NEAR(row_value(gap, "fixed_broadband", "contribution"), 0.033, 1e-12);
    NEAR(row_value(gap, "fixed_telephone", "contribution"), -0.033, 1e-12);
    NEAR(row_value(gap, "tii", "contribution"), -0.033, 1e-12);
    NEAR(row_value(gap, "adult_literacy", "contribution"), 0.066, 1e-12);
    NEAR(row_value(gap, "gross_enrolment", "contribution"), -0.033, 1e-12);
    NEAR(row_value(gap, "osi", "contribution"), -0.34, 1e-12);
    NEAR(row_value(gap, "egdi", "gap"), -0.34, 1e-12);
    NEAR(row_value(gap, "pcs", "effective_weight"), 0.33 / 5, 1e-15);
    check_sums(gap, 1e-12);
    egdi_dataset_free(gap);
    egdi_dataset_free(data);
}
END_TEST

/* Versus the world, Bahrain's region and the best unit, 2024. */
START_TEST(gap_versus_groups)
{
    egdi_dataset *data = un(2024), *countries = NULL, *gap = NULL;
    OK(egdi_dataset_read_csv(EGDI_TEST_DATA "/countries.csv", NULL, &countries));
    OK(egdi_dataset_join_labels(data, countries, 1, 1));
    size_t n = egdi_dataset_n_units(data), jo, jr;
    double *osi = malloc(n * sizeof *osi);
    OK(egdi_dataset_find_column(data, "osi", &jo));
    OK(egdi_dataset_find_column(data, "region", &jr));
    OK(egdi_dataset_get_numeric(data, jo, osi, n));
    double world = 0, asia = 0;
    size_t n_world = 0, n_asia = 0;
    for (size_t i = 0; i < n; i++) {
        world += osi[i], n_world++;
        if (strcmp(egdi_dataset_get_label(data, i, jr), "Asia") == 0)
            asia += osi[i], n_asia++;
    }
    ck_assert_uint_eq(n_world, 193);
    ck_assert_uint_ge(n_asia, 40);
    ck_assert_uint_eq(n_asia, 47); /* data/countries.csv: 47 rows of region Asia */
    egdi_explain_options o = EGDI_EXPLAIN_OPTIONS_INIT;
    OK(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, NULL));
    ck_assert_str_eq(row_label(gap, "egdi", "versus"), "World");
    NEAR(row_value(gap, "osi", "value_b"), world / 193, 1e-12);
    NEAR(row_value(gap, "osi", "contribution"), (0.90305 - world / 193) / 3, 1e-12);
    check_sums(gap, 1e-12);
    egdi_dataset_free(gap);
    o.group_column = "region"; /* Bahrain's own: Asia */
    OK(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, NULL));
    ck_assert_str_eq(row_label(gap, "egdi", "versus"), "Asia");
    NEAR(row_value(gap, "osi", "value_b"), asia / (double)n_asia, 1e-12);
    check_sums(gap, 1e-12);
    egdi_dataset_free(gap);
    o.group_label = "Europe";
    OK(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, NULL));
    ck_assert_str_eq(row_label(gap, "egdi", "versus"), "Europe");
    egdi_dataset_free(gap);
    o.group_label = "Atlantis";
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, NULL),
          EGDI_ERR_DATA, "Atlantis");
    o.group_column = "continent";
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, NULL),
          EGDI_ERR_NOT_FOUND, "no label column 'continent'");
    /* the best unit: Denmark (rank 1 in 2024); for Denmark, the runner-up Estonia */
    o = (egdi_explain_options)EGDI_EXPLAIN_OPTIONS_INIT;
    o.versus = EGDI_VERSUS_BEST;
    OK(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, NULL));
    ck_assert_str_eq(row_label(gap, "egdi", "versus"), "Denmark");
    check_sums(gap, 1e-12);
    egdi_dataset_free(gap);
    OK(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Denmark", &o, &gap, NULL));
    ck_assert_str_eq(row_label(gap, "egdi", "versus"), "Estonia");
    ck_assert(row_value(gap, "egdi", "gap") > 0);
    egdi_dataset_free(gap);
    free(osi);
    egdi_dataset_free(countries);
    egdi_dataset_free(data);
}
END_TEST

static const char *strength_label(const egdi_dataset *s, const char *node)
{
    return row_label(s, node, "label");
}

/* Bahrain 2018: overall rank 26; OSI 45, TII 4, HCI 60 (the published
 * component ranks; checked against egdi_survey_compute_ex's). Defaults (top 3,
 * bottom 3, 5 places): TII a strength (22 better), OSI (19 worse) and HCI (34
 * worse) weaknesses. Top/bottom 1: TII and HCI only. 2016: HCI 77 vs 24. */
START_TEST(strengths_bahrain)
{
    egdi_dataset *data = un(2018), *tab = NULL, *s = NULL;
    egdi_survey_options so = EGDI_SURVEY_OPTIONS_INIT;
    so.component_ranks = 1;
    OK(egdi_survey_compute_ex(2018, EGDI_INPUT_COMPONENTS, data, &so, &tab));
    ck_assert_double_eq(col_value(tab, "Bahrain", "rank"), 26);
    ck_assert_double_eq(col_value(tab, "Bahrain", "tii_rank"), 4);
    OK(egdi_survey_explain(2018, EGDI_INPUT_COMPONENTS, data, "Bahrain", NULL, NULL, &s));
    const char *comps[] = {"osi", "tii", "hci"};
    for (int k = 0; k < 3; k++) {
        char rank_col[16];
        snprintf(rank_col, sizeof rank_col, "%s_rank", comps[k]);
        ck_assert_double_eq(row_value(s, comps[k], "rank"), col_value(tab, "Bahrain", rank_col));
        ck_assert_double_eq(row_value(s, comps[k], "overall_rank"), 26);
    }
    ck_assert_double_eq(row_value(s, "egdi", "rank"), 26);
    ck_assert_double_eq(row_value(s, "tii", "rank"), 4);
    ck_assert_double_eq(row_value(s, "osi", "rank"), 45);
    ck_assert_double_eq(row_value(s, "hci", "rank"), 60);
    ck_assert_double_eq(row_value(s, "tii", "difference"), 22);
    ck_assert_double_eq(row_value(s, "hci", "difference"), -34);
    ck_assert_double_eq(row_value(s, "tii", "n_ranked"), 193);
    NEAR(row_value(s, "tii", "value"), 0.8466, 1e-15);
    ck_assert_str_eq(strength_label(s, "tii"), "strength");
    ck_assert_str_eq(strength_label(s, "osi"), "weakness");
    ck_assert_str_eq(strength_label(s, "hci"), "weakness");
    ck_assert_str_eq(strength_label(s, "egdi"), "");
    egdi_dataset_free(s);
    egdi_explain_options o = EGDI_EXPLAIN_OPTIONS_INIT;
    o.top_n = o.bottom_n = 1;
    OK(egdi_survey_explain(2018, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, NULL, &s));
    ck_assert_str_eq(strength_label(s, "tii"), "strength");
    ck_assert_str_eq(strength_label(s, "osi"), "");
    ck_assert_str_eq(strength_label(s, "hci"), "weakness");
    egdi_dataset_free(s);
    o.min_rank_gap = 25; /* TII is 22 places better: no longer "much" better */
    OK(egdi_survey_explain(2018, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, NULL, &s));
    ck_assert_str_eq(strength_label(s, "tii"), "");
    ck_assert_str_eq(strength_label(s, "hci"), "weakness");
    egdi_dataset_free(s);
    egdi_dataset_free(tab);
    egdi_dataset_free(data);
    data = un(2016);
    OK(egdi_survey_explain(2016, EGDI_INPUT_COMPONENTS, data, "Bahrain", NULL, NULL, &s));
    ck_assert_double_eq(row_value(s, "egdi", "rank"), 24);
    ck_assert_double_eq(row_value(s, "hci", "rank"), 77);
    ck_assert_double_eq(row_value(s, "tii", "rank"), 11);
    ck_assert_str_eq(strength_label(s, "hci"), "weakness");
    ck_assert_str_eq(strength_label(s, "tii"), "strength");
    egdi_dataset_free(s);
    egdi_dataset_free(data);
}
END_TEST

/* Raw input: the indicators form their own set at depth 2. In raw2024, A is
 * last overall (rank 3) and first only on active_mobile_broadband (90) and
 * gross_enrolment (90): with a gap of 1 place those two are its strengths;
 * mean_years (A 4, B 8, C 6) ranks it last, as does every other indicator:
 * no weakness can be worse than last. min_discard does not apply to them. */
START_TEST(strengths_raw)
{
    egdi_dataset *data = NULL, *s = NULL;
    OK(egdi_dataset_read_csv_buffer(raw2024, sizeof raw2024 - 1, NULL, &data));
    egdi_explain_options o = EGDI_EXPLAIN_OPTIONS_INIT;
    o.min_rank_gap = 1;
    OK(egdi_survey_explain(2024, EGDI_INPUT_RAW, data, "A", &o, NULL, &s));
    ck_assert_double_eq(row_value(s, "egdi", "rank"), 3);
    ck_assert_double_eq(row_value(s, "active_mobile_broadband", "rank"), 1);
    ck_assert_double_eq(row_value(s, "active_mobile_broadband", "depth"), 2);
    ck_assert_str_eq(strength_label(s, "active_mobile_broadband"), "strength");
    ck_assert_str_eq(strength_label(s, "gross_enrolment"), "strength");
    ck_assert_str_eq(strength_label(s, "internet_users"), "");
    ck_assert_str_eq(strength_label(s, "tii"), "");
    egdi_dataset_free(s);
    /* B is second overall, first on mean_years (8): a strength at depth 2;
     * its third place nowhere; at depth 1 it is second everywhere */
    OK(egdi_survey_explain(2024, EGDI_INPUT_RAW, data, "B", &o, NULL, &s));
    ck_assert_double_eq(row_value(s, "mean_years", "rank"), 1);
    ck_assert_str_eq(strength_label(s, "mean_years"), "strength");
    ck_assert_str_eq(strength_label(s, "hci"), "");
    egdi_dataset_free(s);
    egdi_dataset_free(data);
}
END_TEST

START_TEST(errors)
{
    egdi_dataset *data = un(2024), *gap = NULL, *s = NULL;
    egdi_explain_options o = EGDI_EXPLAIN_OPTIONS_INIT;
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Atlantis", &o, &gap, &s),
          EGDI_ERR_NOT_FOUND, "no unit 'Atlantis'");
    o.versus = EGDI_VERSUS_UNIT;
    o.versus_unit = "Bahrain";
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, &s),
          EGDI_ERR_INVALID_ARG, "compared with itself");
    o.versus_unit = "Atlantis";
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, &s),
          EGDI_ERR_NOT_FOUND, "no unit 'Atlantis'");
    o.versus_unit = NULL;
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, &s),
          EGDI_ERR_INVALID_ARG, "versus_unit");
    o = (egdi_explain_options)EGDI_EXPLAIN_OPTIONS_INIT;
    o.min_rank_gap = 0;
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, &s),
          EGDI_ERR_INVALID_ARG, "min_rank_gap");
    o.min_rank_gap = 5;
    o.version = 9;
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, &s),
          EGDI_ERR_INVALID_ARG, "version 9");
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", NULL, NULL, NULL),
          EGDI_ERR_INVALID_ARG, "gap|strengths");
    FAILS(egdi_survey_explain(2006, EGDI_INPUT_COMPONENTS, data, "Bahrain", NULL, &gap, NULL),
          EGDI_ERR_NOT_FOUND, "2006");
    ck_assert_int_eq(egdi_explain_options_init_version(&o, 2), EGDI_ERR_INVALID_ARG);
    OK(egdi_explain_options_init(&o));
    ck_assert_uint_eq(o.top_n, 3);
    ck_assert_int_eq(o.min_rank_gap, 5);
    egdi_dataset_free(data);
    /* a unit not assessed (no OSI): no EGDI to explain */
    static const char miss[] = "code,osi,tii,hci\nA,0.5,0.5,0.5\nB,,0.4,0.6\nC,0.2,0.3,0.4\n";
    OK(egdi_dataset_read_csv_buffer(miss, sizeof miss - 1, NULL, &data));
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "B", NULL, &gap, NULL),
          EGDI_ERR_DATA, "unit 'B' has no 'egdi' score");
    o = (egdi_explain_options)EGDI_EXPLAIN_OPTIONS_INIT;
    o.versus = EGDI_VERSUS_UNIT;
    o.versus_unit = "B";
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "A", &o, &gap, NULL),
          EGDI_ERR_DATA, "unit 'B' has no 'egdi' score");
    /* the world mean skips the unit without an EGDI */
    OK(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "A", NULL, &gap, NULL));
    NEAR(row_value(gap, "osi", "value_b"), 0.35, 1e-15);
    egdi_dataset_free(gap);
    egdi_dataset_free(data);
}
END_TEST

/* A custom index: geometric mean (refused for the gap, fine for ranks), a
 * cap that clips an aggregate (refused), several roots (one must be named). */
START_TEST(custom_indices)
{
    static const char csv[] = "code,x,y\nA,0.2,0.9\nB,0.6,0.7\nC,0.9,0.1\n";
    egdi_dataset *data = NULL, *gap = NULL, *s = NULL;
    OK(egdi_dataset_read_csv_buffer(csv, sizeof csv - 1, NULL, &data));
    egdi_index *idx = NULL;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "top", NULL, 1));
    OK(egdi_index_add_indicator(idx, "x", "top", 1));
    OK(egdi_index_add_indicator(idx, "y", "top", 3));
    OK(egdi_index_set_aggregation(idx, "top", EGDI_AGG_GEOMEAN));
    FAILS(egdi_explain(idx, data, "A", NULL, &gap, &s), EGDI_ERR_UNSUPPORTED,
          "weighted geometric mean");
    OK(egdi_explain(idx, data, "A", NULL, NULL, &s)); /* ranks need no linearity */
    /* top: A 0.2^.25 0.9^.75 = 0.6161, B 0.6^.25 0.7^.75 = 0.6738, C 0.9^.25 0.1^.75 = 0.1732 */
    ck_assert_double_eq(row_value(s, "top", "rank"), 2);
    ck_assert_double_eq(row_value(s, "y", "rank"), 1);
    egdi_dataset_free(s);
    OK(egdi_index_set_aggregation(idx, "top", EGDI_AGG_MEAN));
    /* weights 1/4, 3/4 and a min-max on the aggregate: top = 0.725, 0.675, 0.3 ->
     * 1, 0.88235, 0; A vs C gap 1 = slope (1 / 0.425) * (0.25 (-0.7) + 0.75 (0.8)) */
    OK(egdi_index_set_normalization(idx, "top", EGDI_NORM_MINMAX, NULL, 0));
    egdi_explain_options o = EGDI_EXPLAIN_OPTIONS_INIT;
    o.versus = EGDI_VERSUS_UNIT;
    o.versus_unit = "C";
    OK(egdi_explain(idx, data, "A", &o, &gap, NULL));
    NEAR(row_value(gap, "top", "gap"), 1, 1e-15);
    NEAR(row_value(gap, "x", "contribution"), 0.25 * -0.7 / 0.425, 1e-12);
    NEAR(row_value(gap, "y", "contribution"), 0.75 * 0.8 / 0.425, 1e-12);
    check_sums(gap, 1e-12);
    egdi_dataset_free(gap);
    /* direction -1 on the aggregate: the gap flips sign, the split still holds */
    OK(egdi_index_set_normalization(idx, "top", EGDI_NORM_NONE, NULL, 0));
    OK(egdi_index_set_direction(idx, "top", -1));
    OK(egdi_explain(idx, data, "A", &o, &gap, NULL));
    NEAR(row_value(gap, "top", "gap"), -(0.725 - 0.3), 1e-12);
    NEAR(row_value(gap, "x", "contribution"), 0.25 * 0.7, 1e-12);
    check_sums(gap, 1e-12);
    egdi_dataset_free(gap);
    OK(egdi_index_set_direction(idx, "top", 1));
    OK(egdi_index_set_caps(idx, "top", NAN, 0.7)); /* clips A (0.725) */
    FAILS(egdi_explain(idx, data, "A", &o, &gap, NULL), EGDI_ERR_UNSUPPORTED, "cap");
    OK(egdi_explain(idx, data, "B", &o, &gap, NULL)); /* 0.675 and 0.3: not clipped */
    egdi_dataset_free(gap);
    OK(egdi_index_add_indicator(idx, "y2", NULL, 1));
    OK(egdi_index_set_source(idx, "y2", "y"));
    FAILS(egdi_explain(idx, data, "A", &o, &gap, NULL), EGDI_ERR_INVALID_ARG, "2 roots");
    o.root = "top";
    OK(egdi_explain(idx, data, "B", &o, &gap, NULL));
    ck_assert_uint_eq(egdi_dataset_n_units(gap), 3);
    egdi_dataset_free(gap);
    o.root = "nope";
    FAILS(egdi_explain(idx, data, "B", &o, &gap, NULL), EGDI_ERR_NOT_FOUND, "no node 'nope'");
    egdi_index_free(idx);
    egdi_dataset_free(data);
}
END_TEST

/* An index that imputes: r = (a + b) / 2 (weights 1, 1, no normalisation),
 * b imputed by the mean. X, Y, Z: a = 0.2, 0.4, 0.9; b = 4, -, 6: Y's b is
 * (4 + 6) / 2 = 5. r = 2.1, 2.7, 3.45; the world's mean 8.25 / 3 = 2.75, of a
 * 1.5 / 3 = 0.5, of b (4 + 5 + 6) / 3 = 5.
 *   Y: gap 2.7 - 2.75 = -0.05 = a 0.5 (0.4 - 0.5) = -0.05 + b 0.5 (5 - 5) = 0
 *   X: gap 2.1 - 2.75 = -0.65 = a 0.5 (0.2 - 0.5) = -0.15 + b 0.5 (4 - 5) = -0.5
 * The inputs are the values the scores come from, after imputation: Y's b 5.
 * The stage matters for the median, which unlike the mean moves the mean of
 * the filled values: W, X, Y, Z with a = 0.1, 0.2, 0.4, 0.9, b = 1, 4, -, 10,
 * b imputed by the median of 1, 4, 10 = 4. r = 0.55, 2.1, 2.2, 5.45 (mean
 * 10.3 / 4 = 2.575); a's mean 1.6 / 4 = 0.4; b's (1 + 4 + 4 + 10) / 4 = 4.75
 * (the observed values' mean would be 5).
 *   Y: gap 2.2 - 2.575 = -0.375 = a 0.5 (0.4 - 0.4) = 0 + b 0.5 (4 - 4.75) */
START_TEST(gap_with_imputation)
{
    static const char csv3[] = "code,a,b\nX,0.2,4\nY,0.4,\nZ,0.9,6\n";
    static const char csv4[] = "code,a,b\nW,0.1,1\nX,0.2,4\nY,0.4,\nZ,0.9,10\n";
    egdi_dataset *data = NULL, *gap = NULL;
    egdi_index *idx = NULL;
    OK(egdi_dataset_read_csv_buffer(csv3, sizeof csv3 - 1, NULL, &data));
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "r", NULL, 1));
    OK(egdi_index_add_indicator(idx, "a", "r", 1));
    OK(egdi_index_add_indicator(idx, "b", "r", 1));
    OK(egdi_index_set_imputation(idx, "b", EGDI_IMPUTE_MEAN, NULL));
    OK(egdi_explain(idx, data, "Y", NULL, &gap, NULL));
    ck_assert_str_eq(row_label(gap, "r", "versus"), "World");
    NEAR(row_value(gap, "r", "value_a"), 2.7, 1e-12);
    NEAR(row_value(gap, "r", "value_b"), 2.75, 1e-12);
    NEAR(row_value(gap, "r", "gap"), -0.05, 1e-12);
    NEAR(row_value(gap, "a", "contribution"), -0.05, 1e-12);
    NEAR(row_value(gap, "b", "contribution"), 0, 1e-12);
    NEAR(row_value(gap, "b", "value_a"), 5, 1e-12);
    NEAR(row_value(gap, "b", "input_a"), 5, 1e-12);
    NEAR(row_value(gap, "b", "input_b"), 5, 1e-12);
    NEAR(row_value(gap, "a", "input_b"), 0.5, 1e-12);
    check_sums(gap, 1e-12);
    egdi_dataset_free(gap);
    OK(egdi_explain(idx, data, "X", NULL, &gap, NULL));
    NEAR(row_value(gap, "r", "gap"), -0.65, 1e-12);
    NEAR(row_value(gap, "a", "contribution"), -0.15, 1e-12);
    NEAR(row_value(gap, "b", "contribution"), -0.5, 1e-12);
    NEAR(row_value(gap, "b", "input_a"), 4, 0);
    check_sums(gap, 1e-12);
    egdi_dataset_free(gap);
    /* the strengths need the same values: Y ranks 2nd on b (5 between 4 and 6) */
    egdi_dataset *s = NULL;
    OK(egdi_explain(idx, data, "Y", NULL, NULL, &s));
    ck_assert_double_eq(row_value(s, "b", "rank"), 2);
    egdi_dataset_free(s);
    egdi_dataset_free(data);
    OK(egdi_dataset_read_csv_buffer(csv4, sizeof csv4 - 1, NULL, &data));
    OK(egdi_index_set_imputation(idx, "b", EGDI_IMPUTE_MEDIAN, NULL));
    OK(egdi_explain(idx, data, "Y", NULL, &gap, NULL));
    NEAR(row_value(gap, "r", "value_b"), 2.575, 1e-12);
    NEAR(row_value(gap, "r", "gap"), -0.375, 1e-12);
    NEAR(row_value(gap, "a", "contribution"), 0, 1e-12);
    NEAR(row_value(gap, "b", "contribution"), -0.375, 1e-12);
    NEAR(row_value(gap, "b", "input_a"), 4, 0);
    NEAR(row_value(gap, "b", "input_b"), 4.75, 1e-12);
    check_sums(gap, 1e-12);
    egdi_dataset_free(gap);
    egdi_index_free(idx);
    egdi_dataset_free(data);
}
END_TEST

/* egdi_survey_explain checks the data as egdi_survey_compute_ex does, with the
 * same overrides, and computes the edition as it does (imputation included). */
START_TEST(survey_data_checks)
{
    egdi_dataset *data = un(2022), *gap = NULL, *tab = NULL;
    egdi_explain_options o = EGDI_EXPLAIN_OPTIONS_INIT;
    FAILS(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, data, NULL, &tab), EGDI_ERR_DATA,
          "survey_year is 2022");
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, NULL),
          EGDI_ERR_DATA, "survey_year is 2022, but the edition computed is 2024");
    egdi_survey_options so = EGDI_SURVEY_OPTIONS_INIT;
    so.allow_edition_mismatch = 1;
    o.survey = &so;
    OK(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, NULL));
    egdi_dataset_free(gap);
    /* a rank_within column the data lacks, as the table refuses it */
    const char *within[] = {"gcc"};
    so.rank_within = within;
    so.n_rank_within = 1;
    FAILS(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, data, &so, &tab),
          EGDI_ERR_NOT_FOUND, "rank within 'gcc': the data has no label column");
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "Bahrain", &o, &gap, NULL),
          EGDI_ERR_NOT_FOUND, "rank within 'gcc': the data has no label column");
    so.rank_within = NULL;
    so.n_rank_within = 0;
    egdi_dataset_free(data);
    /* components outside [0, 1]; no units */
    static const char big[] = "code,osi,tii,hci\nA,1.5,0.5,0.5\nB,0.2,0.4,0.6\n";
    OK(egdi_dataset_read_csv_buffer(big, sizeof big - 1, NULL, &data));
    o.survey = NULL;
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "B", &o, &gap, NULL),
          EGDI_ERR_DATA, "column 'osi' is 1.5, outside [0, 1]");
    so.allow_out_of_range = 1;
    o.survey = &so;
    OK(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "B", &o, &gap, NULL));
    egdi_dataset_free(gap);
    egdi_dataset_free(data);
    OK(egdi_dataset_new(&data));
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "B", NULL, &gap, NULL),
          EGDI_ERR_DATA, "no units");
    egdi_dataset_free(data);
    /* B has no OSI: imputed by the mean of A's and C's, (0.5 + 0.2) / 2 = 0.35,
     * B's EGDI is (0.35 + 0.4 + 0.6) / 3 = 0.45; the world's OSI mean
     * (0.5 + 0.35 + 0.2) / 3 = 0.35; without imputation B has no EGDI */
    static const char miss[] = "code,osi,tii,hci\nA,0.5,0.5,0.5\nB,,0.4,0.6\nC,0.2,0.3,0.4\n";
    OK(egdi_dataset_read_csv_buffer(miss, sizeof miss - 1, NULL, &data));
    egdi_survey_options_init(&so);
    so.impute = EGDI_IMPUTE_MEAN;
    o.survey = &so;
    OK(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "B", &o, &gap, NULL));
    NEAR(row_value(gap, "egdi", "value_a"), 0.45, 1e-15);
    NEAR(row_value(gap, "osi", "input_a"), 0.35, 1e-15);
    NEAR(row_value(gap, "osi", "value_b"), 0.35, 1e-15);
    check_sums(gap, 1e-12);
    egdi_dataset_free(gap);
    egdi_dataset_free(data);
    /* a unit without any observed value is not assessed, as in the ranking table */
    static const char none[] = "code,osi,tii,hci\nA,0.5,0.5,0.5\nB,,,\nC,0.2,0.3,0.4\n";
    OK(egdi_dataset_read_csv_buffer(none, sizeof none - 1, NULL, &data));
    FAILS(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "B", &o, &gap, NULL),
          EGDI_ERR_DATA, "unit 'B' is not assessed");
    OK(egdi_survey_explain(2024, EGDI_INPUT_COMPONENTS, data, "A", &o, &gap, NULL));
    NEAR(row_value(gap, "osi", "value_b"), 0.35, 1e-15); /* A and C only */
    egdi_dataset_free(gap);
    egdi_dataset_free(data);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("explain");
    TCase *tc = tcase_create("explain");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, gap_2024_bahrain_saudi);
    tcase_add_test(tc, gap_2008_weights);
    tcase_add_test(tc, gap_raw_zscores);
    tcase_add_test(tc, gap_raw_before_2012);
    tcase_add_test(tc, gap_versus_groups);
    tcase_add_test(tc, strengths_bahrain);
    tcase_add_test(tc, strengths_raw);
    tcase_add_test(tc, errors);
    tcase_add_test(tc, custom_indices);
    tcase_add_test(tc, gap_with_imputation);
    tcase_add_test(tc, survey_data_checks);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
