/* Data that cannot give a meaningful ranking is refused with EGDI_ERR_DATA
 * (egdi_survey_compute_ex, survey.h) unless the caller allows it; the generic
 * egdi_compute refuses an empty dataset and a text column where a number is
 * needed. */
#include "test_util.h"

/* Three units A, B, C with the component columns osi, tii, hci (as given). */
static egdi_dataset *components(const double osi[3], const double tii[3], const double hci[3])
{
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_unit(ds, "A", "Aland", NULL));
    OK(egdi_dataset_add_unit(ds, "B", "Bland", NULL));
    OK(egdi_dataset_add_unit(ds, "C", "Cland", NULL));
    OK(egdi_dataset_add_numeric(ds, "osi", osi, 3));
    OK(egdi_dataset_add_numeric(ds, "tii", tii, 3));
    OK(egdi_dataset_add_numeric(ds, "hci", hci, 3));
    return ds;
}

/* In-range components: A = (.9, .6, .3), B = (.3, .3, .6), C = (.3, .3, .3). */
static egdi_dataset *plain(void)
{
    return components((double[]){0.9, 0.3, 0.3}, (double[]){0.6, 0.3, 0.3},
                      (double[]){0.3, 0.6, 0.3});
}

START_TEST(no_units)
{
    egdi_dataset *ds, *out = NULL;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_numeric(ds, "osi", NULL, 0));
    OK(egdi_dataset_add_numeric(ds, "tii", NULL, 0));
    OK(egdi_dataset_add_numeric(ds, "hci", NULL, 0));
    egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;
    FAILS(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out), EGDI_ERR_DATA,
          "the data has no units (countries) to rank");
    /* the overrides are about values, not about having data */
    o.allow_out_of_range = o.allow_edition_mismatch = 1;
    FAILS(egdi_survey_compute_ex(2024, EGDI_INPUT_RAW, ds, &o, &out), EGDI_ERR_DATA, "no units");
    FAILS(egdi_survey_compute(2024, EGDI_INPUT_COMPONENTS, ds, &out), EGDI_ERR_DATA, "no units");
    ck_assert_ptr_null(out);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(all_missing_component)
{
    /* tii has no value at all: every unit would be unranked (MinShare 1) */
    egdi_dataset *ds = components((double[]){0.9, 0.3, 0.3}, (double[]){NAN, NAN, NAN},
                                  (double[]){0.3, 0.6, 0.3});
    egdi_dataset *out = NULL;
    egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;
    FAILS(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out), EGDI_ERR_DATA,
          "column 'tii' has no value for any of the 3 units");
    o.allow_out_of_range = o.allow_edition_mismatch = 1; /* no override for this */
    FAILS(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out), EGDI_ERR_DATA,
          "column 'tii' has no value");
    ck_assert_ptr_null(out);
    egdi_dataset_free(ds);
    /* one value is enough: B's tii makes B the only ranked unit */
    ds = components((double[]){0.9, 0.3, 0.3}, (double[]){NAN, 0.3, NAN},
                    (double[]){0.3, 0.6, 0.3});
    o = (egdi_survey_options)EGDI_SURVEY_OPTIONS_INIT;
    OK(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out));
    ck_assert(isnan(col_value(out, "A", "rank")));
    ck_assert_double_eq(col_value(out, "B", "rank"), 1);
    egdi_dataset_free(out);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(components_out_of_range)
{
    egdi_dataset *out = NULL;
    egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;

    /* B's osi 1.5 is above 1 */
    egdi_dataset *ds = components((double[]){0.9, 1.5, 0.3}, (double[]){0.6, 0.3, 0.3},
                                  (double[]){0.3, 0.6, 0.3});
    FAILS(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out), EGDI_ERR_DATA,
          "unit 'B': column 'osi' is 1.5, outside [0, 1]");
    FAILS(egdi_survey_compute(2024, EGDI_INPUT_COMPONENTS, ds, &out), EGDI_ERR_DATA,
          "unit 'B': column 'osi' is 1.5"); /* NULL options: the same defaults */
    o.allow_out_of_range = 1;
    OK(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out));
    /* 2024 EGDI = (osi + tii + hci) / 3, the inputs taken as they are:
     * A (.9 + .6 + .3) / 3 = .6, B (1.5 + .3 + .6) / 3 = .8, C (.3 + .3 + .3) / 3 = .3 */
    NEAR(col_value(out, "A", "egdi"), 0.6, 1e-12);
    NEAR(col_value(out, "B", "egdi"), 0.8, 1e-12);
    NEAR(col_value(out, "C", "egdi"), 0.3, 1e-12);
    ck_assert_double_eq(col_value(out, "B", "osi"), 1.5); /* not clipped */
    ck_assert_double_eq(col_value(out, "B", "rank"), 1);
    ck_assert_double_eq(col_value(out, "A", "rank"), 2);
    ck_assert_double_eq(col_value(out, "C", "rank"), 3);
    egdi_dataset_free(out);
    out = NULL;
    egdi_dataset_free(ds);

    /* A's osi -0.1 is below 0 */
    ds = components((double[]){-0.1, 0.3, 0.3}, (double[]){0.6, 0.3, 0.3},
                    (double[]){0.3, 0.6, 0.3});
    o.allow_out_of_range = 0;
    FAILS(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out), EGDI_ERR_DATA,
          "unit 'A': column 'osi' is -0.1, outside [0, 1]");
    o.allow_out_of_range = 1;
    OK(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out));
    /* A: (-.1 + .6 + .3) / 3 = .8 / 3 */
    NEAR(col_value(out, "A", "egdi"), 0.8 / 3, 1e-12);
    egdi_dataset_free(out);
    out = NULL;
    egdi_dataset_free(ds);

    /* C's epi 1.2: the EPI is checked too, though it is not part of the EGDI */
    ds = plain();
    OK(egdi_dataset_add_numeric(ds, "epi", (double[]){0.5, 0.7, 1.2}, 3));
    o.allow_out_of_range = 0;
    FAILS(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out), EGDI_ERR_DATA,
          "unit 'C': column 'epi' is 1.2, outside [0, 1]");
    o.allow_out_of_range = 1;
    OK(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out));
    ck_assert_double_eq(col_value(out, "C", "epi"), 1.2);
    /* C: (.3 + .3 + .3) / 3 = .3; B: (.3 + .3 + .6) / 3 = .4 */
    NEAR(col_value(out, "C", "egdi"), 0.3, 1e-12);
    NEAR(col_value(out, "B", "egdi"), 0.4, 1e-12);
    egdi_dataset_free(out);
    out = NULL;
    egdi_dataset_free(ds);

    /* the bounds themselves are in range, and a missing value is not out of range */
    ds = components((double[]){1, 0, NAN}, (double[]){0.6, 1, 0.3}, (double[]){0, 0.6, 0.3});
    o.allow_out_of_range = 0;
    OK(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out));
    /* A: (1 + .6 + 0) / 3 = 1.6 / 3; C has no osi: no EGDI */
    NEAR(col_value(out, "A", "egdi"), 1.6 / 3, 1e-12);
    ck_assert(isnan(col_value(out, "C", "egdi")));
    egdi_dataset_free(out);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(edition_mismatch)
{
    egdi_dataset *out = NULL;
    egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;
    egdi_dataset *ds = plain();
    OK(egdi_dataset_add_numeric(ds, "survey_year", (double[]){2024, 2024, 2024}, 3));
    /* 2024 data computed as the 2022 edition: A is the first unit and is named */
    FAILS(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, ds, &o, &out), EGDI_ERR_DATA,
          "unit 'A': survey_year is 2024, but the edition computed is 2022");
    o.allow_edition_mismatch = 1;
    OK(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, ds, &o, &out));
    /* 2022 also takes the plain mean: A (.9 + .6 + .3) / 3 = .6 */
    NEAR(col_value(out, "A", "egdi"), 0.6, 1e-12);
    egdi_dataset_free(out);
    out = NULL;
    /* the matching edition is fine */
    o.allow_edition_mismatch = 0;
    OK(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out));
    egdi_dataset_free(out);
    out = NULL;
    egdi_dataset_free(ds);

    /* a missing year is no mismatch; the first unit with another year is named */
    ds = plain();
    OK(egdi_dataset_add_numeric(ds, "survey_year", (double[]){NAN, 2024, NAN}, 3));
    OK(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out));
    egdi_dataset_free(out);
    out = NULL;
    size_t j;
    OK(egdi_dataset_find_column(ds, "survey_year", &j));
    OK(egdi_dataset_set_value(ds, 2, j, 2022));
    FAILS(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out), EGDI_ERR_DATA,
          "unit 'C': survey_year is 2022, but the edition computed is 2024");
    ck_assert_ptr_null(out);
    egdi_dataset_free(ds);
}
END_TEST

/* Three units with the raw inputs of the 2024 edition: osi_raw, epi_raw and
 * the edition's TII and HCI indicators (egdi_survey_indicator). */
static egdi_dataset *raw_2024(void)
{
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_unit(ds, "A", NULL, NULL));
    OK(egdi_dataset_add_unit(ds, "B", NULL, NULL));
    OK(egdi_dataset_add_unit(ds, "C", NULL, NULL));
    OK(egdi_dataset_add_numeric(ds, "osi_raw", (double[]){10, 40, 70}, 3));
    OK(egdi_dataset_add_numeric(ds, "epi_raw", (double[]){0, 30, 60}, 3));
    const char *comp[2] = {"tii", "hci"};
    for (int c = 0; c < 2; c++) {
        const char *code;
        for (size_t k = 0; (code = egdi_survey_indicator(2024, comp[c], k)) != NULL; k++)
            OK(egdi_dataset_add_numeric(ds, code, (double[]){20 + (double)k, 50, 90}, 3));
    }
    return ds;
}

START_TEST(raw_all_missing_indicator)
{
    egdi_dataset *ds = raw_2024(), *out = NULL;
    egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;
    /* raw values are on their own scales (70 > 1): no range check for raw input */
    OK(egdi_survey_compute_ex(2024, EGDI_INPUT_RAW, ds, &o, &out));
    egdi_dataset_free(out);
    out = NULL;
    /* the second HCI indicator loses every value */
    const char *ind = egdi_survey_indicator(2024, "hci", 1);
    ck_assert_ptr_nonnull(ind);
    size_t j;
    OK(egdi_dataset_find_column(ds, ind, &j));
    OK(egdi_dataset_set_numeric(ds, j, (double[]){NAN, NAN, NAN}, 3));
    char want[128];
    snprintf(want, sizeof want, "column '%s' has no value for any of the 3 units", ind);
    FAILS(egdi_survey_compute_ex(2024, EGDI_INPUT_RAW, ds, &o, &out), EGDI_ERR_DATA, want);
    ck_assert_ptr_null(out);
    egdi_dataset_free(ds);
    /* osi_raw too */
    ds = raw_2024();
    OK(egdi_dataset_find_column(ds, "osi_raw", &j));
    OK(egdi_dataset_set_numeric(ds, j, (double[]){NAN, NAN, NAN}, 3));
    FAILS(egdi_survey_compute_ex(2024, EGDI_INPUT_RAW, ds, &o, &out), EGDI_ERR_DATA,
          "column 'osi_raw' has no value for any of the 3 units");
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(version_2_options_keep_the_checks)
{
    /* Junk in the whole struct, then the version-2 layout initialised: the
     * version-3 fields (allow_out_of_range, allow_edition_mismatch) hold
     * non-zero junk, which the library must not read: the checks stay on. */
    egdi_survey_options o;
    memset(&o, 0xFF, sizeof o);
    OK(egdi_survey_options_init_version(&o, 2));
    ck_assert_uint_eq(o.version, 2);
    ck_assert_int_eq(o.rank_decimals, -2);
    ck_assert_int_ne(o.allow_out_of_range, 0); /* not written: past version 2 */
    egdi_dataset *out = NULL;
    egdi_dataset *ds = components((double[]){0.9, 1.5, 0.3}, (double[]){0.6, 0.3, 0.3},
                                  (double[]){0.3, 0.6, 0.3});
    FAILS(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out), EGDI_ERR_DATA,
          "unit 'B': column 'osi' is 1.5, outside [0, 1]");
    egdi_dataset_free(ds);
    ds = plain();
    OK(egdi_dataset_add_numeric(ds, "survey_year", (double[]){2024, 2024, 2024}, 3));
    FAILS(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, ds, &o, &out), EGDI_ERR_DATA,
          "unit 'A': survey_year is 2024, but the edition computed is 2022");
    /* and it computes like the defaults where the data is plausible */
    OK(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, ds, &o, &out));
    NEAR(col_value(out, "B", "egdi"), 0.4, 1e-12); /* (.3 + .3 + .6) / 3 */
    egdi_dataset_free(out);
    egdi_dataset_free(ds);
    /* the current initialiser gives the checks on too */
    egdi_survey_options cur;
    egdi_survey_options_init(&cur);
    ck_assert_uint_eq(cur.version, EGDI_SURVEY_OPTIONS_VERSION);
    ck_assert_int_eq(cur.allow_out_of_range, 0);
    ck_assert_int_eq(cur.allow_edition_mismatch, 0);
}
END_TEST

/* ---- the generic engine ---- */

static egdi_index *one_indicator(void)
{
    egdi_index *idx;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "top", NULL, 1));
    OK(egdi_index_add_indicator(idx, "a", "top", 1));
    return idx;
}

START_TEST(compute_refuses_no_units)
{
    egdi_index *idx = one_indicator();
    egdi_dataset *ds;
    egdi_result *res = NULL;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_numeric(ds, "a", NULL, 0));
    FAILS(egdi_compute(idx, ds, &res), EGDI_ERR_DATA, "the data has no units to compute");
    ck_assert_ptr_null(res);
    egdi_dataset_free(ds);
    egdi_index_free(idx);
}
END_TEST

START_TEST(compute_names_the_text_cell)
{
    egdi_index *idx = one_indicator();
    egdi_result *res = NULL;
    /* 'abc' in column a made the CSV reader keep it as text (a label column);
     * the engine names the first unit whose cell is not a number: Y, not X */
    const char *text = "name,a\nX,1\nY,abc\nZ,2\n";
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_read_csv_buffer(text, strlen(text), NULL, &ds));
    FAILS(egdi_compute(idx, ds, &res), EGDI_ERR_PARSE,
          "indicator 'a': column 'a' must be numeric, but unit 'Y' has 'abc', which is not a "
          "number");
    egdi_dataset_free(ds);
    /* the same with a label column made by hand */
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_unit(ds, "P", NULL, NULL));
    OK(egdi_dataset_add_unit(ds, "Q", NULL, NULL));
    OK(egdi_dataset_add_labels(ds, "a", (const char *[]){"0.5", "abc"}, 2));
    FAILS(egdi_compute(idx, ds, &res), EGDI_ERR_PARSE, "unit 'Q' has 'abc'");
    ck_assert_ptr_null(res);
    egdi_dataset_free(ds);
    egdi_index_free(idx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("plausibility");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, no_units);
    tcase_add_test(tc, all_missing_component);
    tcase_add_test(tc, components_out_of_range);
    tcase_add_test(tc, edition_mismatch);
    tcase_add_test(tc, raw_all_missing_indicator);
    tcase_add_test(tc, version_2_options_keep_the_checks);
    tcase_add_test(tc, compute_refuses_no_units);
    tcase_add_test(tc, compute_names_the_text_cell);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
