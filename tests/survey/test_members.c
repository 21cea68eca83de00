/* Memberships through time (members.h) on the bundled data/memberships.csv and
 * small files written here; the 2016 GCC ranks against the published world ranks. */
#include "test_util.h"

#define MEMBERSHIPS EGDI_TEST_DATA "/memberships.csv"
#define COUNTRIES EGDI_TEST_DATA "/countries.csv"

static egdi_memberships *bundled(void)
{
    egdi_memberships *m = NULL;
    OK(egdi_memberships_read(MEMBERSHIPS, &m));
    return m;
}

START_TEST(counts_by_edition)
{
    egdi_memberships *m = bundled();
    size_t n;
    /* LDCs on 1 July: 45 in 2024 (Sao Tome and Principe graduated 2024-12-13), 44 after;
     * 48 in 2012 (South Sudan joined 2012-12-17, Maldives left 2011-01-01), 49 in 2013 */
    OK(egdi_memberships_count(m, "ldc", "2024", &n));
    ck_assert_uint_eq(n, 45);
    OK(egdi_memberships_count(m, "ldc", "2024-12-13", &n));
    ck_assert_uint_eq(n, 44);
    OK(egdi_memberships_count(m, "ldc", NULL, &n));
    ck_assert_uint_eq(n, 44);
    OK(egdi_memberships_count(m, "ldc", "2012", &n));
    ck_assert_uint_eq(n, 48);
    OK(egdi_memberships_count(m, "ldc", "2013", &n));
    ck_assert_uint_eq(n, 49);
    const char *groups[] = {"sids", "lldc", "gcc", "arab", "escwa"};
    const size_t want[] = {38, 32, 6, 22, 20};
    for (int g = 0; g < 5; g++) {
        OK(egdi_memberships_count(m, groups[g], NULL, &n));
        ck_assert_msg(n == want[g], "%s: %zu members", groups[g], n);
    }
    int is;
    OK(egdi_memberships_is_member(m, "ldc", "btn", "2022", &is));
    ck_assert_int_eq(is, 1);
    OK(egdi_memberships_is_member(m, "ldc", "Bhutan", "2024", &is));
    ck_assert_int_eq(is, 0);
    OK(egdi_memberships_is_member(m, "gcc", "Jordan", NULL, &is));
    ck_assert_int_eq(is, 0);
    FAILS(egdi_memberships_count(m, "opec", NULL, &n), EGDI_ERR_NOT_FOUND,
          "no membership group 'opec' (known: ldc, lldc, sids, gcc, arab, escwa)");
    FAILS(egdi_memberships_count(m, "ldc", "2024-02-30", &n), EGDI_ERR_INVALID_ARG,
          "neither a year");
    egdi_memberships_free(m);
    egdi_memberships_free(NULL);
}
END_TEST

START_TEST(gcc_ranks_2016)
{
    egdi_memberships *m = bundled();
    egdi_dataset *data = NULL, *countries = NULL, *tab = NULL;
    OK(egdi_survey_read_un_csv(EGDI_TEST_DATA "/un-egov/EGOV_DATA_2016.csv", 0, &data));
    OK(egdi_dataset_read_csv(COUNTRIES, NULL, &countries));
    /* the export names its units: they are found through the country table */
    OK(egdi_memberships_add_labels(m, data, "gcc", "2016", countries));
    FAILS(egdi_memberships_add_labels(m, data, "gcc", "2016", countries), EGDI_ERR_DUPLICATE,
          "already has a column 'gcc'");
    const char *within[] = {"gcc"};
    egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;
    o.rank_within = within;
    o.n_rank_within = 1;
    OK(egdi_survey_compute_ex(2016, EGDI_INPUT_COMPONENTS, data, &o, &tab));
    /* published 2016 world ranks: Bahrain 24, United Arab Emirates 29, Kuwait 40,
     * Saudi Arabia 44, Qatar 48, Oman 66 */
    const char *order[] = {"Bahrain", "United Arab Emirates", "Kuwait", "Saudi Arabia",
                           "Qatar", "Oman"};
    const double world[] = {24, 29, 40, 44, 48, 66};
    for (int k = 0; k < 6; k++) {
        ck_assert_double_eq(col_value(tab, order[k], "gcc_rank"), k + 1);
        ck_assert_double_eq(col_value(tab, order[k], "rank"), world[k]);
    }
    ck_assert(isnan(col_value(tab, "Jordan", "gcc_rank")));
    egdi_dataset_free(tab);
    egdi_dataset_free(countries);
    egdi_dataset_free(data);
    egdi_memberships_free(m);
}
END_TEST

START_TEST(user_groups)
{
    egdi_dataset *ds = NULL, *countries = NULL;
    OK(egdi_survey_read_un_csv(EGDI_TEST_DATA "/un-egov/EGOV_DATA_2016.csv", 0, &ds));
    OK(egdi_dataset_read_csv(COUNTRIES, NULL, &countries));
    const char *gulf[] = {"BHR", "kuwait", "Oman", "qat", "Saudi Arabia", "ARE", "Bahrain"};
    OK(egdi_dataset_add_group(ds, "gulf", gulf, 7, countries));
    size_t j, n = 0;
    OK(egdi_dataset_find_column(ds, "gulf", &j));
    for (size_t i = 0; i < egdi_dataset_n_units(ds); i++)
        n += strcmp(egdi_dataset_get_label(ds, i, j), "gulf") == 0;
    ck_assert_uint_eq(n, 6);
    const char *bad[] = {"Atlantis", "BHR", "Narnia"};
    FAILS(egdi_dataset_add_group(ds, "bad", bad, 3, countries), EGDI_ERR_NOT_FOUND,
          "group 'bad': no countries 'Atlantis', 'Narnia' in the data");
    FAILS(egdi_dataset_add_group(ds, "bad", bad, 0, countries), EGDI_ERR_INVALID_ARG,
          "group 'bad' has no members");
    FAILS(egdi_dataset_add_group(ds, "gulf", gulf, 1, countries), EGDI_ERR_DUPLICATE, "'gulf'");
    /* without the country table an ISO code cannot name a Data Center unit */
    FAILS(egdi_dataset_add_group(ds, "iso", gulf, 1, NULL), EGDI_ERR_NOT_FOUND, "'BHR'");
    ck_assert_uint_eq(egdi_dataset_n_columns(ds), j + 1); /* unchanged on failure */
    egdi_dataset_free(countries);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(malformed_files)
{
    egdi_memberships *m = NULL;
    const char *hdr = "group,code,since,until\n";
    char text[256];
    FAILS(egdi_memberships_read_buffer("group,code\nx,ABC\n", 17, &m), EGDI_ERR_PARSE,
          "needs the columns group, code, since and until");
    FAILS(egdi_memberships_read_buffer(hdr, strlen(hdr), &m), EGDI_ERR_DATA, "no memberships");
    snprintf(text, sizeof text, "%sx,ABC,2020-13-01,\n", hdr);
    FAILS(egdi_memberships_read_buffer(text, strlen(text), &m), EGDI_ERR_PARSE,
          "<buffer>:2: since '2020-13-01' is not a date");
    snprintf(text, sizeof text, "%sx,ABC,2020-01-01,2019-01-01\n", hdr);
    FAILS(egdi_memberships_read_buffer(text, strlen(text), &m), EGDI_ERR_PARSE,
          "until 2019-01-01 is not after since 2020-01-01");
    snprintf(text, sizeof text, "%sx,,,\n", hdr);
    FAILS(egdi_memberships_read_buffer(text, strlen(text), &m), EGDI_ERR_PARSE, "empty code");
    /* a one-day boundary: member on since, no longer on until */
    snprintf(text, sizeof text, "%sx,ABC,2020-07-01,2021-07-01\n", hdr);
    OK(egdi_memberships_read_buffer(text, strlen(text), &m));
    size_t n;
    OK(egdi_memberships_count(m, "x", "2020", &n));
    ck_assert_uint_eq(n, 1);
    OK(egdi_memberships_count(m, "x", "2021", &n));
    ck_assert_uint_eq(n, 0);
    OK(egdi_memberships_count(m, "x", "2020-06-30", &n));
    ck_assert_uint_eq(n, 0);
    ck_assert_uint_eq(egdi_memberships_n_groups(m), 1);
    ck_assert_str_eq(egdi_memberships_group(m, 0), "x");
    ck_assert_ptr_null(egdi_memberships_group(m, 1));
    egdi_memberships_free(m);
    m = NULL;
    /* one country's periods in one group may follow each other, not overlap: a
     * count of members is a count of countries (BHR twice + KWT would count 3) */
    snprintf(text, sizeof text, "%sx,BHR,,2010-01-01\nx,KWT,,\nx,BHR,2010-01-01,\n", hdr);
    OK(egdi_memberships_read_buffer(text, strlen(text), &m));
    OK(egdi_memberships_count(m, "x", "2012", &n));
    ck_assert_uint_eq(n, 2);
    int is;
    OK(egdi_memberships_is_member(m, "x", "bhr", "2009", &is)); /* ASCII case ignored */
    ck_assert_int_eq(is, 1);
    egdi_memberships_free(m);
    snprintf(text, sizeof text, "%sx,BHR,,\nx,KWT,,\nx,BHR,2010-01-01,\n", hdr);
    FAILS(egdi_memberships_read_buffer(text, strlen(text), &m), EGDI_ERR_DATA,
          "<buffer>:4: BHR is already a member of 'x' then (line 2)");
    snprintf(text, sizeof text, "%sx,BHR,2000-01-01,2012-01-01\ny,BHR,,\nx,BHR,2011-01-01,\n",
             hdr);
    FAILS(egdi_memberships_read_buffer(text, strlen(text), &m), EGDI_ERR_DATA,
          "<buffer>:4: BHR is already a member of 'x' then (line 2)");
}
END_TEST

/* Every code of the bundled memberships is in the country table, under the same
 * name, except the State of Palestine (not a UN member state). */
START_TEST(bundled_codes_are_known)
{
    egdi_dataset *countries = NULL;
    OK(egdi_dataset_read_csv(COUNTRIES, NULL, &countries));
    egdi_memberships *m = bundled();
    for (size_t g = 0; g < egdi_memberships_n_groups(m); g++) {
        /* each group's labels on the country table itself: counts agree with the file,
         * less Palestine */
        const char *key = egdi_memberships_group(m, g);
        size_t n, j, labelled = 0;
        OK(egdi_memberships_add_labels(m, countries, key, NULL, NULL));
        OK(egdi_dataset_find_column(countries, key, &j));
        for (size_t i = 0; i < egdi_dataset_n_units(countries); i++)
            labelled += *egdi_dataset_get_label(countries, i, j) != '\0';
        OK(egdi_memberships_count(m, key, NULL, &n));
        int palestine = strcmp(key, "arab") == 0 || strcmp(key, "escwa") == 0;
        ck_assert_msg(labelled + (size_t)palestine == n, "%s: %zu of %zu", key, labelled, n);
    }
    egdi_memberships_free(m);
    egdi_dataset_free(countries);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("members");
    TCase *tc = tcase_create("members");
    tcase_add_test(tc, counts_by_edition);
    tcase_add_test(tc, gcc_ranks_2016);
    tcase_add_test(tc, user_groups);
    tcase_add_test(tc, malformed_files);
    tcase_add_test(tc, bundled_codes_are_known);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
