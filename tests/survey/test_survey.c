/* Edition presets, the Data Center reader and the ranking table. */
#include "test_util.h"

START_TEST(edition_parameters)
{
    ck_assert_uint_eq(egdi_survey_n_editions(), 12);
    ck_assert_int_eq(egdi_survey_edition(0), 2003);
    ck_assert_int_eq(egdi_survey_edition(11), 2024);
    ck_assert_int_eq(egdi_survey_edition(12), 0);
    egdi_edition_info e = {.version = EGDI_EDITION_INFO_VERSION};
    OK(egdi_survey_edition_info(2010, &e));
    ck_assert_double_eq(e.weight_osi, 0.34);
    ck_assert_double_eq(e.weight_tii, 0.33);
    ck_assert_int_eq(e.zscore_composites, 0);
    ck_assert_uint_eq(e.n_hci, 2);
    OK(egdi_survey_edition_info(2018, &e));
    ck_assert_double_eq(e.weight_osi, 1.0 / 3);
    ck_assert_uint_eq(e.n_tii, 5);
    ck_assert(isnan(e.tii_cap));
    ck_assert_int_eq(e.has_rating_classes, 0);
    OK(egdi_survey_edition_info(2020, &e));
    ck_assert_uint_eq(e.n_tii, 4); /* fixed telephone dropped in 2020 */
    ck_assert_double_eq(e.tii_cap, 120);
    ck_assert_int_eq(e.has_rating_classes, 1);
    ck_assert_int_eq(e.rank_decimals, 10);
    ck_assert_str_eq(egdi_survey_indicator(2018, "tii", 4), "fixed_telephone");
    ck_assert_ptr_null(egdi_survey_indicator(2020, "tii", 4));
    ck_assert_str_eq(egdi_survey_indicator(2014, "hci", 3), "mean_years");
    ck_assert_str_eq(egdi_survey_indicator(2012, "tii", 2), "fixed_internet");
    e.version = 7;
    FAILS(egdi_survey_edition_info(2020, &e), EGDI_ERR_INVALID_ARG, "version 7");
    e.version = EGDI_EDITION_INFO_VERSION;
    FAILS(egdi_survey_edition_info(2006, &e), EGDI_ERR_NOT_FOUND, "no Survey edition 2006");
    /* every way to an unknown edition names it and the editions */
    egdi_index *idx = NULL;
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_new(&ds));
    egdi_clear_error();
    FAILS(egdi_survey_index_for_data(2006, EGDI_INPUT_RAW, ds, &idx), EGDI_ERR_NOT_FOUND,
          "no Survey edition 2006 (editions: 2003, 2004, 2005, 2008, 2010, 2012, 2014, 2016, "
          "2018, 2020, 2022, 2024)");
    egdi_clear_error();
    FAILS(egdi_survey_index(2019, EGDI_INPUT_COMPONENTS, &idx), EGDI_ERR_NOT_FOUND,
          "no Survey edition 2019");
    /* a query that finds nothing leaves the last error alone */
    egdi_set_error(EGDI_ERR_DATA, "earlier");
    ck_assert_ptr_null(egdi_survey_indicator(2006, "tii", 0));
    ck_assert_ptr_null(egdi_survey_absent_indicator(2006, EGDI_INPUT_RAW, ds, 0, NULL));
    ck_assert_str_eq(egdi_last_error(), "earlier");
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(preset_trees)
{
    egdi_index *idx;
    OK(egdi_survey_index(2016, EGDI_INPUT_RAW, &idx));
    /* egdi, osi, tii + 5 indicators, hci + 4 indicators */
    ck_assert_uint_eq(egdi_index_n_nodes(idx), 13);
    size_t k;
    OK(egdi_index_find_node(idx, "adult_literacy", &k));
    NEAR(egdi_index_node_weight(idx, k), 1.0 / 3, 1e-15);
    OK(egdi_index_find_node(idx, "mean_years", &k));
    NEAR(egdi_index_node_weight(idx, k), 2.0 / 9, 1e-15);
    OK(egdi_index_find_node(idx, "osi", &k));
    ck_assert_str_eq(egdi_index_node_source(idx, k), "osi_raw");
    egdi_index_free(idx);
    OK(egdi_survey_index(2008, EGDI_INPUT_COMPONENTS, &idx));
    ck_assert_uint_eq(egdi_index_n_nodes(idx), 4);
    OK(egdi_index_find_node(idx, "osi", &k));
    ck_assert_double_eq(egdi_index_node_weight(idx, k), 0.34);
    egdi_index_free(idx);
}
END_TEST

static egdi_dataset *raw_units(void)
{
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    const char *u[3] = {"A", "B", "C"};
    for (int i = 0; i < 3; i++)
        OK(egdi_dataset_add_unit(ds, u[i], NULL, NULL));
    OK(egdi_dataset_add_numeric(ds, "osi_raw", (double[]){10, 40, 70}, 3));
    OK(egdi_dataset_add_numeric(ds, "epi_raw", (double[]){0, 30, 60}, 3));
    OK(egdi_dataset_add_numeric(ds, "internet_users", (double[]){50, 80, 100}, 3));
    OK(egdi_dataset_add_numeric(ds, "mobile_subscriptions", (double[]){90, 130, 150}, 3));
    OK(egdi_dataset_add_numeric(ds, "fixed_broadband", (double[]){5, 20, 35}, 3));
    OK(egdi_dataset_add_numeric(ds, "active_mobile_broadband", (double[]){30, 60, 90}, 3));
    OK(egdi_dataset_add_numeric(ds, "pcs", (double[]){10, 30, 60}, 3));
    OK(egdi_dataset_add_numeric(ds, "fixed_telephone", (double[]){10, 20, 40}, 3));
    OK(egdi_dataset_add_numeric(ds, "adult_literacy", (double[]){60, 90, 99}, 3));
    OK(egdi_dataset_add_numeric(ds, "expected_years", (double[]){9, 13, 16}, 3));
    OK(egdi_dataset_add_numeric(ds, "mean_years", (double[]){4, 9, 12}, 3));
    return ds;
}

START_TEST(raw_2024)
{
    /* 2024 from raw indicators, derived by hand:
     * OSI = minmax(10, 40, 70) = {0, 0.5, 1}.
     * TII: mobile capped at 120 -> {90, 120, 120}; population z-scores:
     *   internet {-1.297771, 0.162221, 1.135550}, mobile {-1.414214, 0.707107, 0.707107},
     *   fixed bb and mobile bb (evenly spaced) {-1.224745, 0, 1.224745};
     *   mean {-1.2903686685506, 0.2173320505793, 1.0730366179713};
     *   min-max -> {0, 0.6379357479346, 1}.
     * HCI: z-scores of literacy {60,90,99}, enrolment {50,80,95}, expected {9,13,16},
     *   mean years {4,9,12}, weights 1/3, 2/9, 2/9, 2/9 -> {-1.3327557866958,
     *   0.2700638979258, 1.0626918887700}; min-max -> {0, 0.6691107057097, 1}.
     * EGDI(B) = (0.5 + 0.6379357479346 + 0.6691107057097) / 3 = 0.6023488178814.
     * EPI = minmax(0, 30, 60) = {0, 0.5, 1}. */
    egdi_dataset *ds = raw_units(), *tab;
    OK(egdi_dataset_add_numeric(ds, "gross_enrolment", (double[]){50, 80, 95}, 3));
    OK(egdi_survey_compute(2024, EGDI_INPUT_RAW, ds, &tab));
    NEAR(col_value(tab, "B", "osi"), 0.5, 1e-12);
    NEAR(col_value(tab, "B", "tii"), 0.6379357479346, 1e-12);
    NEAR(col_value(tab, "B", "hci"), 0.6691107057097, 1e-12);
    NEAR(col_value(tab, "B", "egdi"), 0.6023488178814, 1e-12);
    NEAR(col_value(tab, "B", "epi"), 0.5, 1e-12);
    NEAR(col_value(tab, "C", "egdi"), 1.0, 1e-12);
    ck_assert_double_eq(col_value(tab, "C", "rank"), 1);
    ck_assert_double_eq(col_value(tab, "A", "rank"), 3);
    egdi_dataset_free(tab);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(raw_2008_reconstruction)
{
    /* 2003-2010 scaling is not published; the preset's documented reconstruction:
     * TII = mean of x / max(x) over its five indicators; HCI = 2/3 literacy/100 +
     * 1/3 min(enrolment, 100)/100; EGDI = 0.34 OSI + 0.33 TII + 0.33 HCI.
     * Unit A: TII = (50/100 + 5/35 + 10/60 + 90/150 + 10/40)/5 = 0.3319047619048;
     *         HCI = 2/3*0.6 + 1/3*0.5 = 0.5666666666667;
     *         EGDI = 0 + 0.33*0.3319047619048 + 0.33*0.5666666666667 = 0.2965285714286.
     * Unit C: enrolment 110 is capped at 100 -> HCI = 2/3*0.99 + 1/3 = 0.9933333333333. */
    egdi_dataset *ds = raw_units(), *tab;
    OK(egdi_dataset_add_numeric(ds, "gross_enrolment", (double[]){50, 80, 110}, 3));
    OK(egdi_survey_compute(2008, EGDI_INPUT_RAW, ds, &tab));
    NEAR(col_value(tab, "A", "tii"), 0.3319047619048, 1e-12);
    NEAR(col_value(tab, "A", "hci"), 0.5666666666667, 1e-12);
    NEAR(col_value(tab, "A", "egdi"), 0.2965285714286, 1e-12);
    NEAR(col_value(tab, "C", "hci"), 0.9933333333333, 1e-12);
    size_t j;
    OK(egdi_dataset_find_column(tab, "rating_class", &j));
    ck_assert_str_eq(egdi_dataset_get_label(tab, 0, j), ""); /* no classes before 2020 */
    egdi_dataset_free(tab);
    /* a missing indicator column is named */
    egdi_dataset *none;
    OK(egdi_dataset_new(&none));
    OK(egdi_dataset_add_unit(none, "A", NULL, NULL));
    FAILS(egdi_survey_compute(2022, EGDI_INPUT_RAW, none, &tab), EGDI_ERR_NOT_FOUND,
          "the data has no numeric column");
    egdi_dataset_free(none);
    egdi_dataset_free(ds);
}
END_TEST

#define UN_HEAD "Survey Year,Country Name,E-Government Rank,E-Government Index,E-Participation Index,Online Service Index,Human Capital Index,Telecommunication Infrastructure Index\n"

START_TEST(published_component_ranks)
{
    /* Bahrain's component ranks as the Survey reports them (2012: EPI 19;
     * 2014: EPI 14, TII 26; 2016: TII 11, HCI 77; 2018: TII 4), from the
     * published components: competition ranks on the edition's precision */
    static const struct {
        int year;
        const char *column;
        double rank;
    } want[] = {{2012, "epi_rank", 19}, {2014, "epi_rank", 14}, {2014, "tii_rank", 26},
                {2016, "tii_rank", 11}, {2016, "hci_rank", 77}, {2018, "tii_rank", 4}};
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        char path[512];
        snprintf(path, sizeof path, "%s/un-egov/EGOV_DATA_%d.csv", EGDI_TEST_DATA, want[k].year);
        egdi_dataset *ds = NULL, *tab = NULL;
        OK(egdi_survey_read_un_csv(path, 0, &ds));
        egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;
        OK(egdi_survey_compute_ex(want[k].year, EGDI_INPUT_COMPONENTS, ds, &o, &tab));
        size_t u, j; /* not asked for: not there */
        FAILS(egdi_dataset_find_column(tab, "osi_rank", &j), EGDI_ERR_NOT_FOUND, "osi_rank");
        egdi_dataset_free(tab);
        o.component_ranks = 1;
        OK(egdi_survey_compute_ex(want[k].year, EGDI_INPUT_COMPONENTS, ds, &o, &tab));
        double r;
        OK(egdi_dataset_find_unit(tab, "Bahrain", &u));
        OK(egdi_dataset_find_column(tab, want[k].column, &j));
        OK(egdi_dataset_get_value(tab, u, j, &r));
        ck_assert_msg(r == want[k].rank, "%d %s: %g, published %g", want[k].year,
                      want[k].column, r, want[k].rank);
        /* a unit without the value is unranked; the ranks count the others */
        OK(egdi_dataset_find_column(tab, "osi_rank", &j));
        size_t n = egdi_dataset_n_units(tab), ranked = 0;
        for (size_t i = 0; i < n; i++) {
            OK(egdi_dataset_get_value(tab, i, j, &r));
            ranked += !isnan(r);
            ck_assert(isnan(r) || (r >= 1 && r <= (double)n));
        }
        ck_assert_uint_gt(ranked, 150);
        egdi_dataset_free(tab);
        egdi_dataset_free(ds);
    }
}
END_TEST

START_TEST(rank_within_region)
{
    /* Bahrain was 5th in Asia in 2018 (after the Republic of Korea, Singapore,
     * Japan and the United Arab Emirates); 26th overall */
    egdi_dataset *ds = NULL, *countries = NULL, *tab = NULL;
    OK(egdi_survey_read_un_csv(EGDI_TEST_DATA "/un-egov/EGOV_DATA_2018.csv", 0, &ds));
    OK(egdi_dataset_read_csv(EGDI_TEST_DATA "/countries.csv", NULL, &countries));
    OK(egdi_dataset_join_labels(ds, countries, 1, 1));
    egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;
    const char *within[] = {"region"};
    o.rank_within = within;
    o.n_rank_within = 1;
    OK(egdi_survey_compute_ex(2018, EGDI_INPUT_COMPONENTS, ds, &o, &tab));
    size_t u, j, k;
    double r, overall;
    OK(egdi_dataset_find_unit(tab, "Bahrain", &u));
    OK(egdi_dataset_find_column(tab, "region_rank", &j));
    OK(egdi_dataset_find_column(tab, "rank", &k));
    OK(egdi_dataset_get_value(tab, u, j, &r));
    OK(egdi_dataset_get_value(tab, u, k, &overall));
    ck_assert_double_eq(r, 5);
    ck_assert_double_eq(overall, 26);
    egdi_dataset_free(tab);
    const char *missing[] = {"gcc"};
    o.rank_within = missing;
    FAILS(egdi_survey_compute_ex(2018, EGDI_INPUT_COMPONENTS, ds, &o, &tab), EGDI_ERR_NOT_FOUND,
          "rank within 'gcc': the data has no label column");
    egdi_dataset_free(countries);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(un_reader)
{
    const char *text = UN_HEAD "2003,\"Iraq \",2,0.00000,0.00000,0.00000,0.93000,0.01578\n"
                               "2003,\"Ireland \",1,0.69651,0.58620,0.61572,0.96000,0.51381\n"
                               "2003,\"Montenegro \",,0.00000,0.00000,0.00000,0.00000,0.00000\n";
    egdi_dataset *ds;
    OK(egdi_survey_read_un_csv_buffer(text, strlen(text), 0, &ds));
    ck_assert_uint_eq(egdi_dataset_n_units(ds), 3);
    ck_assert_str_eq(egdi_dataset_unit_name(ds, 0), "Iraq"); /* trailing space trimmed */
    ck_assert(isnan(col_value(ds, "Iraq", "hci")));           /* placeholder row: not assessed */
    ck_assert_double_eq(col_value(ds, "Iraq", "rank_published"), 2);
    ck_assert(isnan(col_value(ds, "Montenegro", "rank_published")));
    ck_assert_double_eq(col_value(ds, "Ireland", "tii"), 0.51381);
    ck_assert_double_eq(col_value(ds, "Ireland", "survey_year"), 2003);
    egdi_dataset *tab;
    OK(egdi_survey_compute(2003, EGDI_INPUT_COMPONENTS, ds, &tab));
    ck_assert(isnan(col_value(tab, "Iraq", "rank"))); /* not ranked */
    ck_assert_double_eq(col_value(tab, "Ireland", "rank"), 1);
    egdi_dataset_free(tab);
    egdi_dataset_free(ds);
    OK(egdi_survey_read_un_csv_buffer(text, strlen(text), 1, &ds)); /* keep placeholders */
    ck_assert_double_eq(col_value(ds, "Iraq", "hci"), 0.93);
    egdi_dataset_free(ds);

    ds = NULL;
    const char *renamed = "Survey Year,Country,Rank,E_Index,E_Participation,Online_Service,"
                          "Human_Capital,Tele_Infra\n";
    FAILS(egdi_survey_read_un_csv_buffer(renamed, strlen(renamed), 0, &ds), EGDI_ERR_PARSE,
          "<buffer>:1: column 2: header 'Country', expected 'Country Name'");
    const char *word = UN_HEAD "2024,Denmark,1,0.98474,0.9863,high,0.95841,0.99662\n";
    FAILS(egdi_survey_read_un_csv_buffer(word, strlen(word), 0, &ds), EGDI_ERR_PARSE,
          "<buffer>:2: column 6 ('Online Service Index'), country 'Denmark': 'high' is not a number");
    const char *mixed = UN_HEAD "2024,A,1,0.9,0.9,0.9,0.9,0.9\n2022,B,2,0.8,0.8,0.8,0.8,0.8\n";
    FAILS(egdi_survey_read_un_csv_buffer(mixed, strlen(mixed), 0, &ds), EGDI_ERR_PARSE,
          "<buffer>:3: column 1 ('Survey Year')");
    const char *dup = UN_HEAD "2024,A,1,0.9,0.9,0.9,0.9,0.9\n2024,A ,2,0.8,0.8,0.8,0.8,0.8\n";
    FAILS(egdi_survey_read_un_csv_buffer(dup, strlen(dup), 0, &ds), EGDI_ERR_DUPLICATE,
          "<buffer>:3: column 2: duplicate unit code 'A'");
    ck_assert_ptr_null(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("survey");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, edition_parameters);
    tcase_add_test(tc, preset_trees);
    tcase_add_test(tc, raw_2024);
    tcase_add_test(tc, raw_2008_reconstruction);
    tcase_add_test(tc, un_reader);
    tcase_add_test(tc, rank_within_region);
    tcase_add_test(tc, published_component_ranks);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
