/* The raw input with indicators the data does not have (survey option
 * drop_absent_indicators, egdi_survey_index_for_data, egdi_survey_absent_indicator)
 * on a three-country dataset derived by hand below. The real-data fit (2020 and
 * 2022 against the published TII and HCI) is tests/tool/test_raw.py. */
#include "test_util.h"

#define TOL 1e-12

/* Edition 2022 (TII: internet_users, fixed_broadband, active_mobile_broadband,
 * mobile_subscriptions, equal weights, capped at 120; HCI: adult_literacy 1/3,
 * gross_enrolment 2/9, expected_years 2/9, mean_years 2/9), without
 * active_mobile_broadband and gross_enrolment.
 *
 * Every indicator is, after the cap, a permutation of c + d * (0, 1, 2), so its
 * z-scores (population sd) are s * (-1, 0, 1) permuted, with the same s = sqrt(3/2)
 * for all; the composite's min-max removes s:
 *   internet_users        10, 20, 30            -> (-1,  0,  1)
 *   fixed_broadband        5, 10, 15            -> (-1,  0,  1)
 *   mobile_subscriptions 100, 130 -> 120, 110   -> (-1,  1,  0)  (the cap matters)
 *   TII sum (-3, 1, 2) -> min-max: A 0, B 4/5, C 1
 *   adult_literacy        50, 70, 90   x 3/7    -> (-1,  0,  1)
 *   expected_years        10, 14, 12   x 2/7    -> (-1,  1,  0)
 *   mean_years             4,  8,  6   x 2/7    -> (-1,  1,  0)
 *   HCI 7 x mean (-7, 4, 3) -> min-max: A 0, B 1, C 10/11 (equal weights would give 4/5)
 *   osi_raw 0.2, 0.6, 1.0 -> min-max: A 0, B 1/2, C 1
 *   EGDI = mean of the three: A 0, B (1/2 + 4/5 + 1) / 3 = 23/30,
 *   C (1 + 1 + 10/11) / 3 = 32/33; ranks C 1, B 2, A 3. */
static egdi_dataset *three(void)
{
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_units(ds, (const char *[]){"A", "B", "C"}, NULL, 3));
    OK(egdi_dataset_add_numeric(ds, "osi_raw", (double[]){0.2, 0.6, 1.0}, 3));
    OK(egdi_dataset_add_numeric(ds, "internet_users", (double[]){10, 20, 30}, 3));
    OK(egdi_dataset_add_numeric(ds, "fixed_broadband", (double[]){5, 10, 15}, 3));
    OK(egdi_dataset_add_numeric(ds, "mobile_subscriptions", (double[]){100, 130, 110}, 3));
    OK(egdi_dataset_add_numeric(ds, "adult_literacy", (double[]){50, 70, 90}, 3));
    OK(egdi_dataset_add_numeric(ds, "expected_years", (double[]){10, 14, 12}, 3));
    OK(egdi_dataset_add_numeric(ds, "mean_years", (double[]){4, 8, 6}, 3));
    return ds;
}

static egdi_survey_options dropping(void)
{
    egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;
    o.drop_absent_indicators = 1;
    return o;
}

static void remove_column(egdi_dataset *ds, const char *name)
{
    size_t j;
    OK(egdi_dataset_find_column(ds, name, &j));
    OK(egdi_dataset_remove_column(ds, j));
}

static double weight_of(const egdi_index *idx, const char *code)
{
    size_t k;
    OK(egdi_index_find_node(idx, code, &k));
    return egdi_index_node_weight(idx, k);
}

START_TEST(absent_indicators_are_left_out_and_weights_renormalised)
{
    egdi_dataset *ds = three(), *tab = NULL;
    egdi_survey_options o = dropping();
    OK(egdi_survey_compute_ex(2022, EGDI_INPUT_RAW, ds, &o, &tab));
    NEAR(col_value(tab, "A", "tii"), 0, TOL);
    NEAR(col_value(tab, "B", "tii"), 0.8, TOL);
    NEAR(col_value(tab, "C", "tii"), 1, TOL);
    NEAR(col_value(tab, "A", "hci"), 0, TOL);
    NEAR(col_value(tab, "B", "hci"), 1, TOL);
    NEAR(col_value(tab, "C", "hci"), 10.0 / 11, TOL);
    NEAR(col_value(tab, "B", "osi"), 0.5, TOL);
    NEAR(col_value(tab, "A", "egdi"), 0, TOL);
    NEAR(col_value(tab, "B", "egdi"), 23.0 / 30, TOL);
    NEAR(col_value(tab, "C", "egdi"), 32.0 / 33, TOL);
    ck_assert_double_eq(col_value(tab, "C", "rank"), 1);
    ck_assert_double_eq(col_value(tab, "B", "rank"), 2);
    ck_assert_double_eq(col_value(tab, "A", "rank"), 3);
    egdi_dataset_free(tab);

    /* the index evaluated: the absent indicators gone, the weights summing to 1 */
    egdi_index *full = NULL, *idx = NULL;
    OK(egdi_survey_index(2022, EGDI_INPUT_RAW, &full));
    OK(egdi_survey_index_for_data(2022, EGDI_INPUT_RAW, ds, &idx));
    ck_assert_uint_eq(egdi_index_n_nodes(full), 12);
    ck_assert_uint_eq(egdi_index_n_nodes(idx), 10);
    size_t k;
    FAILS(egdi_index_find_node(idx, "active_mobile_broadband", &k), EGDI_ERR_NOT_FOUND,
          "active_mobile_broadband");
    FAILS(egdi_index_find_node(idx, "gross_enrolment", &k), EGDI_ERR_NOT_FOUND,
          "gross_enrolment");
    NEAR(weight_of(full, "adult_literacy"), 1.0 / 3, TOL);
    NEAR(weight_of(idx, "adult_literacy"), 3.0 / 7, TOL); /* (1/3) / (1/3 + 2/9 + 2/9) */
    NEAR(weight_of(idx, "expected_years"), 2.0 / 7, TOL);
    NEAR(weight_of(idx, "mean_years"), 2.0 / 7, TOL);
    NEAR(weight_of(full, "internet_users"), 0.25, TOL);
    NEAR(weight_of(idx, "internet_users"), 1.0 / 3, TOL);
    NEAR(weight_of(idx, "mobile_subscriptions"), 1.0 / 3, TOL);
    egdi_index_free(full);
    egdi_index_free(idx);

    /* which were left out, in the edition's order, with their component */
    const char *comp = NULL;
    ck_assert_str_eq(egdi_survey_absent_indicator(2022, EGDI_INPUT_RAW, ds, 0, &comp),
                     "active_mobile_broadband");
    ck_assert_str_eq(comp, "tii");
    ck_assert_str_eq(egdi_survey_absent_indicator(2022, EGDI_INPUT_RAW, ds, 1, &comp),
                     "gross_enrolment");
    ck_assert_str_eq(comp, "hci");
    ck_assert_ptr_null(egdi_survey_absent_indicator(2022, EGDI_INPUT_RAW, ds, 2, &comp));
    ck_assert_ptr_null(egdi_survey_absent_indicator(2022, EGDI_INPUT_COMPONENTS, ds, 0, NULL));
    ck_assert_ptr_null(egdi_survey_absent_indicator(2023, EGDI_INPUT_RAW, ds, 0, NULL));
    ck_assert_ptr_null(egdi_survey_absent_indicator(2022, EGDI_INPUT_RAW, NULL, 0, NULL));
    /* 2018 also has fixed_telephone, which the data lacks too */
    ck_assert_str_eq(egdi_survey_absent_indicator(2018, EGDI_INPUT_RAW, ds, 1, NULL),
                     "fixed_telephone");
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(option_off_keeps_the_not_found_error)
{
    egdi_dataset *ds = three(), *tab = NULL;
    egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;
    ck_assert_int_eq(o.drop_absent_indicators, 0);
    FAILS(egdi_survey_compute_ex(2022, EGDI_INPUT_RAW, ds, &o, &tab), EGDI_ERR_NOT_FOUND,
          "active_mobile_broadband");
    FAILS(egdi_survey_compute(2022, EGDI_INPUT_RAW, ds, &tab), EGDI_ERR_NOT_FOUND,
          "active_mobile_broadband");
    /* a version-3 caller (1.2) has no such field: junk past its layout is not read */
    memset(&o, 0xFF, sizeof o);
    OK(egdi_survey_options_init_version(&o, 3));
    ck_assert_int_ne(o.drop_absent_indicators, 0);
    FAILS(egdi_survey_compute_ex(2022, EGDI_INPUT_RAW, ds, &o, &tab), EGDI_ERR_NOT_FOUND,
          "active_mobile_broadband");
    /* and the version-3 struct computes what it always did: the components input */
    egdi_dataset *comp = NULL;
    OK(egdi_dataset_new(&comp));
    OK(egdi_dataset_add_units(comp, (const char *[]){"A", "B"}, NULL, 2));
    OK(egdi_dataset_add_numeric(comp, "osi", (double[]){0.3, 0.9}, 2));
    OK(egdi_dataset_add_numeric(comp, "tii", (double[]){0.6, 0.3}, 2));
    OK(egdi_dataset_add_numeric(comp, "hci", (double[]){0.3, 0.6}, 2));
    OK(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, comp, &o, &tab));
    NEAR(col_value(tab, "B", "egdi"), 0.6, TOL); /* (.9 + .3 + .6) / 3 */
    egdi_dataset_free(tab);
    /* the option has no effect on the components input */
    o = dropping();
    OK(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, comp, &o, &tab));
    NEAR(col_value(tab, "A", "egdi"), 0.4, TOL);
    egdi_dataset_free(tab);
    remove_column(comp, "tii");
    FAILS(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, comp, &o, &tab),
          EGDI_ERR_NOT_FOUND, "tii");
    egdi_dataset_free(comp);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(a_component_without_indicators_is_an_error)
{
    egdi_dataset *ds = three(), *tab = NULL;
    egdi_survey_options o = dropping();
    remove_column(ds, "adult_literacy");
    remove_column(ds, "expected_years");
    remove_column(ds, "mean_years");
    FAILS(egdi_survey_compute_ex(2022, EGDI_INPUT_RAW, ds, &o, &tab), EGDI_ERR_NOT_FOUND,
          "component 'hci': none of its indicators (adult_literacy, gross_enrolment, "
          "expected_years, mean_years)");
    egdi_index *idx = NULL;
    FAILS(egdi_survey_index_for_data(2022, EGDI_INPUT_RAW, ds, &idx), EGDI_ERR_NOT_FOUND,
          "edition 2022: component 'hci'");
    ck_assert_ptr_null(idx);
    egdi_dataset_free(ds);

    ds = three();
    remove_column(ds, "osi_raw");
    FAILS(egdi_survey_compute_ex(2022, EGDI_INPUT_RAW, ds, &o, &tab), EGDI_ERR_NOT_FOUND,
          "component 'osi': its indicator osi_raw");
    egdi_dataset_free(ds);

    /* TII first: with both empty, the TII is named */
    ds = three();
    remove_column(ds, "internet_users");
    remove_column(ds, "fixed_broadband");
    remove_column(ds, "mobile_subscriptions");
    FAILS(egdi_survey_compute_ex(2024, EGDI_INPUT_RAW, ds, &o, &tab), EGDI_ERR_NOT_FOUND,
          "edition 2024: component 'tii'");
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(edge_cases)
{
    egdi_dataset *ds = three(), *tab = NULL, *ref = NULL;
    egdi_survey_options o = dropping();
    /* a column that is there but empty is not "absent": refused by name */
    size_t j;
    OK(egdi_dataset_find_column(ds, "fixed_broadband", &j));
    OK(egdi_dataset_set_numeric(ds, j, (double[]){NAN, NAN, NAN}, 3));
    FAILS(egdi_survey_compute_ex(2022, EGDI_INPUT_RAW, ds, &o, &tab), EGDI_ERR_DATA,
          "column 'fixed_broadband' has no value for any of the 3 units");
    /* one unit missing one value: no HCI (MinShare 1), no EGDI, no rank for it; its
     * TII stays B 4/5. The HCI's min-max runs over A and C, whose literacy z-scores
     * (50, 90 -> -1, 1) and other indicators put A below C: HCI A 0, C 1, and EGDI
     * A 0, C 1 rank them 2 and 1 */
    OK(egdi_dataset_set_numeric(ds, j, (double[]){5, 10, 15}, 3));
    OK(egdi_dataset_find_column(ds, "adult_literacy", &j));
    OK(egdi_dataset_set_value(ds, 1, j, NAN));
    OK(egdi_survey_compute_ex(2022, EGDI_INPUT_RAW, ds, &o, &tab));
    ck_assert(isnan(col_value(tab, "B", "hci")));
    ck_assert(isnan(col_value(tab, "B", "egdi")));
    ck_assert(isnan(col_value(tab, "B", "rank")));
    NEAR(col_value(tab, "B", "tii"), 0.8, TOL);
    NEAR(col_value(tab, "C", "hci"), 1, TOL);
    NEAR(col_value(tab, "A", "hci"), 0, TOL);
    ck_assert_double_eq(col_value(tab, "C", "rank"), 1);
    ck_assert_double_eq(col_value(tab, "A", "rank"), 2);
    egdi_dataset_free(tab);
    egdi_dataset_free(ds);

    /* nothing absent: the option changes nothing, to the last bit */
    ds = three();
    OK(egdi_dataset_add_numeric(ds, "active_mobile_broadband", (double[]){40, 90, 60}, 3));
    OK(egdi_dataset_add_numeric(ds, "gross_enrolment", (double[]){60, 80, 70}, 3));
    ck_assert_ptr_null(egdi_survey_absent_indicator(2022, EGDI_INPUT_RAW, ds, 0, NULL));
    OK(egdi_survey_compute(2022, EGDI_INPUT_RAW, ds, &ref));
    OK(egdi_survey_compute_ex(2022, EGDI_INPUT_RAW, ds, &o, &tab));
    const char *cols[] = {"osi", "tii", "hci", "egdi", "rank"};
    const char *units[] = {"A", "B", "C"};
    for (size_t c = 0; c < 5; c++)
        for (size_t u = 0; u < 3; u++)
            ck_assert_double_eq(col_value(tab, units[u], cols[c]),
                                col_value(ref, units[u], cols[c]));
    egdi_dataset_free(tab);
    egdi_dataset_free(ref);

    /* arguments */
    egdi_index *idx = NULL;
    FAILS(egdi_survey_index_for_data(2022, EGDI_INPUT_RAW, NULL, &idx), EGDI_ERR_INVALID_ARG,
          "data");
    FAILS(egdi_survey_index_for_data(2022, EGDI_INPUT_RAW, ds, NULL), EGDI_ERR_INVALID_ARG,
          "out");
    FAILS(egdi_survey_index_for_data(2023, EGDI_INPUT_RAW, ds, &idx), EGDI_ERR_NOT_FOUND,
          "no Survey edition 2023");
    FAILS(egdi_survey_index_for_data(2022, (egdi_survey_input)7, ds, &idx),
          EGDI_ERR_INVALID_ARG, "unknown input kind 7");
    /* the components input: nothing is left out, whatever the data */
    OK(egdi_survey_index_for_data(2022, EGDI_INPUT_COMPONENTS, ds, &idx));
    ck_assert_uint_eq(egdi_index_n_nodes(idx), 4);
    egdi_index_free(idx);
    egdi_dataset_free(ds);

    /* the initialiser macro and the function agree on the new field */
    egdi_survey_options m = EGDI_SURVEY_OPTIONS_INIT, f;
    memset(&f, 0xFF, sizeof f);
    OK(egdi_survey_options_init_version(&f, EGDI_SURVEY_OPTIONS_VERSION));
    ck_assert_uint_eq(m.version, 4);
    ck_assert_uint_eq(f.version, 4);
    ck_assert_int_eq(m.drop_absent_indicators, 0);
    ck_assert_int_eq(f.drop_absent_indicators, 0);
    FAILS(egdi_survey_options_init_version(&f, 5), EGDI_ERR_INVALID_ARG, "version 5");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("survey_raw");
    TCase *tc = tcase_create("raw");
    tcase_add_test(tc, absent_indicators_are_left_out_and_weights_renormalised);
    tcase_add_test(tc, option_off_keeps_the_not_found_error);
    tcase_add_test(tc, a_component_without_indicators_is_an_error);
    tcase_add_test(tc, edge_cases);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
