/* The panel across editions (panel.h), checked against the published Data
 * Center files: ranks per edition, the movers between two editions, and the
 * methodology changes between editions. */
#include "test_util.h"

#define N_ED 12

static egdi_dataset *countries(void)
{
    egdi_dataset *c;
    OK(egdi_dataset_read_csv(EGDI_TEST_DATA "/countries.csv", NULL, &c));
    return c;
}

static egdi_dataset *un_file(int year)
{
    char path[512];
    egdi_dataset *d;
    snprintf(path, sizeof path, EGDI_TEST_DATA "/un-egov/EGOV_DATA_%d.csv", year);
    OK(egdi_survey_read_un_csv(path, 0, &d));
    return d;
}

/* The panel of all bundled editions, and their inputs (freed by the caller). */
static egdi_dataset *whole_panel(egdi_dataset **data, int *years)
{
    egdi_dataset *c = countries(), *p;
    for (size_t e = 0; e < N_ED; e++) {
        years[e] = egdi_survey_edition(e);
        data[e] = un_file(years[e]);
    }
    egdi_panel_options o = EGDI_PANEL_OPTIONS_INIT;
    o.countries = c;
    OK(egdi_panel_compute(years, (const egdi_dataset *const *)data, N_ED, &o, &p));
    egdi_dataset_free(c);
    return p;
}

/* The panel row of country `code` in `edition`, or SIZE_MAX. */
static size_t row_of(const egdi_dataset *p, const char *code, int edition)
{
    char unit[32];
    size_t r;
    snprintf(unit, sizeof unit, "%s:%d", code, edition);
    if (egdi_dataset_find_unit(p, unit, &r) != EGDI_OK) {
        egdi_clear_error();
        return SIZE_MAX;
    }
    return r;
}

static double at(const egdi_dataset *ds, size_t row, const char *column)
{
    size_t j;
    double v;
    OK(egdi_dataset_find_column(ds, column, &j));
    OK(egdi_dataset_get_value(ds, row, j, &v));
    return v;
}

START_TEST(bahrain_and_denmark_by_edition)
{
    egdi_dataset *data[N_ED], *p;
    int years[N_ED];
    p = whole_panel(data, years);
    size_t jc;
    OK(egdi_dataset_find_column(p, "code", &jc));
    for (size_t e = 0; e < N_ED; e++) {
        /* Bahrain's rank = the published one (it is in no near tie of
         * tests/fixtures/near_ties.csv); EGDI = the mean of the published
         * components, within the files' rounding (5e-5, 2024: 3.7e-5 documented) */
        size_t r = row_of(p, "BHR", years[e]), u;
        ck_assert_uint_ne(r, SIZE_MAX);
        OK(egdi_dataset_find_unit(data[e], "Bahrain", &u));
        ck_assert_str_eq(egdi_dataset_unit_name(p, r), "Bahrain");
        ck_assert_str_eq(egdi_dataset_get_label(p, r, jc), "BHR");
        ck_assert_double_eq(at(p, r, "rank"), col_value(data[e], "Bahrain", "rank_published"));
        NEAR(at(p, r, "egdi"), col_value(data[e], "Bahrain", "egdi_published"), 5e-5);
        NEAR(at(p, r, "edition"), years[e], 0);
        ck_assert_double_eq(at(p, r, "assessed"), 1);
        /* the number of assessed countries: the rows with a published EGDI > 0 */
        size_t assessed = 0, jp;
        double v;
        OK(egdi_dataset_find_column(data[e], "egdi_published", &jp));
        for (size_t i = 0; i < egdi_dataset_n_units(data[e]); i++) {
            OK(egdi_dataset_get_value(data[e], i, jp, &v));
            assessed += v > 0;
        }
        size_t got = 0;
        for (size_t i = 0; i < egdi_dataset_n_units(p); i++)
            if (at(p, i, "edition") == years[e])
                got += at(p, i, "assessed") == 1;
        ck_assert_uint_eq(got, assessed);
    }
    /* published: Bahrain 46 (2003), 13 (2010), 54 (2022), 18 (2024) */
    ck_assert_double_eq(at(p, row_of(p, "BHR", 2003), "rank"), 46);
    ck_assert_double_eq(at(p, row_of(p, "BHR", 2010), "rank"), 13);
    ck_assert_double_eq(at(p, row_of(p, "BHR", 2022), "rank"), 54);
    ck_assert_double_eq(at(p, row_of(p, "BHR", 2024), "rank"), 18);
    /* Denmark first in 2018, 2020, 2022 and 2024; the first row of each edition */
    int first[] = {2018, 2020, 2022, 2024};
    for (int k = 0; k < 4; k++) {
        size_t r = row_of(p, "DNK", first[k]);
        ck_assert_double_eq(at(p, r, "rank"), 1);
        ck_assert(r == 0 || at(p, r - 1, "edition") == first[k] - 2);
    }
    size_t jr;
    OK(egdi_dataset_find_column(p, "rating_class", &jr));
    ck_assert_str_eq(egdi_dataset_get_label(p, row_of(p, "DNK", 2024), jr), "VH");
    ck_assert_str_eq(egdi_dataset_get_label(p, row_of(p, "DNK", 2018), jr), "");
    ck_assert_uint_eq(egdi_dataset_n_units(p), 12 * 193);
    /* a country not assessed (2003 placeholder: Iraq, EGDI 0.00000): assessed 0, no rank */
    size_t iraq = row_of(p, "IRQ", 2003);
    ck_assert_double_eq(at(p, iraq, "assessed"), 0);
    ck_assert(isnan(at(p, iraq, "rank")));
    for (size_t e = 0; e < N_ED; e++)
        egdi_dataset_free(data[e]);
    egdi_dataset_free(p);
}
END_TEST

START_TEST(movers_2022_2024)
{
    egdi_dataset *data[N_ED], *p, *m;
    int years[N_ED], ab[2] = {2022, 2024};
    p = whole_panel(data, years);
    OK(egdi_panel_compare(p, ab, 2, EGDI_PANEL_SORT_RANK_CHANGE, &m));
    ck_assert_uint_eq(egdi_dataset_n_units(m), 193);
    /* by hand from the published ranks: the biggest gain and the biggest fall */
    const egdi_dataset *a = data[10], *b = data[11];
    double best = -1e9, worst = 1e9;
    const char *best_name = NULL;
    for (size_t i = 0; i < egdi_dataset_n_units(b); i++) {
        const char *name = egdi_dataset_unit_name(b, i);
        double d = col_value(a, name, "rank_published") - col_value(b, name, "rank_published");
        if (d > best || (d == best && strcmp(name, best_name) < 0))
            best = d, best_name = name;
        worst = d < worst ? d : worst;
    }
    ck_assert_str_eq(best_name, "Libya"); /* 169 -> 125 */
    ck_assert_double_eq(best, 44);
    ck_assert_str_eq(egdi_dataset_unit_name(m, 0), best_name);
    ck_assert_str_eq(egdi_dataset_unit_code(m, 0), "LBY");
    ck_assert_double_eq(at(m, 0, "rank_change_2022_2024"), best);
    ck_assert_double_eq(at(m, 0, "rank_2022"), 169);
    ck_assert_double_eq(at(m, 192, "rank_change_2022_2024"), worst); /* Grenada, -38 */
    ck_assert_str_eq(egdi_dataset_unit_code(m, 192), "GRD");
    /* sorted: gains descending, ties by name */
    for (size_t i = 1; i < 193; i++) {
        double x = at(m, i - 1, "rank_change_2022_2024"), y = at(m, i, "rank_change_2022_2024");
        ck_assert(x > y || (x == y && strcmp(egdi_dataset_unit_name(m, i - 1),
                                             egdi_dataset_unit_name(m, i)) < 0));
    }
    size_t jm;
    OK(egdi_dataset_find_column(m, "method_changes_2022_2024", &jm));
    ck_assert_str_eq(egdi_dataset_get_label(m, 0, jm), "rank_precision");
    egdi_dataset_free(m);
    /* sorted by the latest rank: Denmark first; all editions when NULL */
    OK(egdi_panel_compare(p, NULL, 0, EGDI_PANEL_SORT_LATEST_RANK, &m));
    ck_assert_str_eq(egdi_dataset_unit_code(m, 0), "DNK");
    ck_assert_double_eq(at(m, 0, "rank_2003"), 4);
    ck_assert_double_eq(at(m, 0, "rank_change_2003_2004"), 2);
    ck_assert_uint_eq(egdi_dataset_n_columns(m), 12 * 2 + 11 * 3);
    egdi_dataset_free(m);
    /* errors: an edition the panel lacks, an edition twice */
    int missing[2] = {2019, 2024}, twice[2] = {2024, 2024};
    FAILS(egdi_panel_compare(p, missing, 2, EGDI_PANEL_SORT_RANK_CHANGE, &m), EGDI_ERR_NOT_FOUND,
          "no edition 2019 in the panel (editions: 2003, 2004");
    FAILS(egdi_panel_compare(p, twice, 2, EGDI_PANEL_SORT_RANK_CHANGE, &m), EGDI_ERR_INVALID_ARG,
          "given twice");
    FAILS(egdi_panel_compare(data[0], NULL, 0, EGDI_PANEL_SORT_RANK_CHANGE, &m),
          EGDI_ERR_NOT_FOUND, "not a panel");
    for (size_t e = 0; e < N_ED; e++)
        egdi_dataset_free(data[e]);
    egdi_dataset_free(p);
}
END_TEST

START_TEST(methodology_changes)
{
    unsigned f;
    OK(egdi_panel_changes(2018, 2020, &f));
    ck_assert(f & EGDI_CHANGE_TII_CAP);
    ck_assert(f & EGDI_CHANGE_RATING_CLASSES);
    ck_assert(f & EGDI_CHANGE_TII_INDICATORS); /* fixed telephone dropped */
    ck_assert(!(f & EGDI_CHANGE_WEIGHTS));
    OK(egdi_panel_changes(2010, 2012, &f));
    ck_assert_uint_eq(f, EGDI_CHANGE_ZSCORES | EGDI_CHANGE_WEIGHTS | EGDI_CHANGE_TII_INDICATORS);
    OK(egdi_panel_changes(2012, 2010, &f)); /* either order */
    ck_assert_uint_eq(f, EGDI_CHANGE_ZSCORES | EGDI_CHANGE_WEIGHTS | EGDI_CHANGE_TII_INDICATORS);
    OK(egdi_panel_changes(2020, 2022, &f));
    ck_assert_uint_eq(f, EGDI_CHANGE_RANK_PRECISION); /* 2020 ranked unrounded values */
    OK(egdi_panel_changes(2014, 2016, &f));
    ck_assert_uint_eq(f, 0);
    OK(egdi_panel_changes(2012, 2014, &f));
    ck_assert(f & EGDI_CHANGE_HCI_INDICATORS);
    OK(egdi_panel_changes(2024, 2024, &f));
    ck_assert_uint_eq(f, 0);
    ck_assert_str_eq(egdi_panel_change_name(EGDI_CHANGE_TII_CAP), "tii_cap");
    ck_assert_ptr_null(egdi_panel_change_name(3));
    FAILS(egdi_panel_changes(2006, 2008, &f), EGDI_ERR_NOT_FOUND, "no Survey edition 2006");

    char buf[512], small[16];
    size_t len;
    OK(egdi_panel_changes_text(2010, 2012, buf, sizeof buf, &len));
    ck_assert_uint_eq(len, strlen(buf));
    ck_assert_ptr_nonnull(strstr(buf, "EGDI weights OSI/TII/HCI 0.34/0.33/0.33 in 2010, 1/3 "
                                      "each in 2012"));
    ck_assert_ptr_nonnull(strstr(buf, "-pcs +fixed_internet"));
    ck_assert_ptr_nonnull(strstr(buf, "z-scores in 2012, not in 2010"));
    OK(egdi_panel_changes_text(2010, 2012, small, sizeof small, &len)); /* cut, length whole */
    ck_assert_uint_eq(strlen(small), sizeof small - 1);
    ck_assert_uint_eq(len, strlen(buf));
    OK(egdi_panel_changes_text(2018, 2020, NULL, 0, &len));
    ck_assert_uint_gt(len, 0);
    OK(egdi_panel_changes_text(2014, 2016, buf, sizeof buf, &len));
    ck_assert_str_eq(buf, "");
    ck_assert_uint_eq(len, 0);
}
END_TEST

START_TEST(errors_and_tables)
{
    egdi_dataset *d22 = un_file(2022), *d24 = un_file(2024), *p, *t;
    const egdi_dataset *data[2] = {d22, d24};
    int years[2] = {2022, 2024}, twice[2] = {2024, 2024}, unknown[2] = {2006, 2024};
    FAILS(egdi_panel_compute(twice, data, 2, NULL, &p), EGDI_ERR_DUPLICATE, "given twice");
    FAILS(egdi_panel_compute(unknown, data, 2, NULL, &p), EGDI_ERR_NOT_FOUND,
          "edition 2006: no Survey edition 2006");
    /* 2024 data as 2022: refused unless the mismatch is allowed */
    int as2022[1] = {2022};
    const egdi_dataset *only24[1] = {d24};
    FAILS(egdi_panel_compute(as2022, only24, 1, NULL, &p), EGDI_ERR_DATA, "edition 2022: ");
    FAILS(egdi_panel_compute(years, data, 0, NULL, &p), EGDI_ERR_INVALID_ARG, "invalid argument");
    egdi_panel_options bad = EGDI_PANEL_OPTIONS_INIT;
    bad.version = 9;
    FAILS(egdi_panel_compute(years, data, 2, &bad, &p), EGDI_ERR_INVALID_ARG, "version 9");
    /* without a country table the codes are the units' own (the names) */
    OK(egdi_panel_compute(years, data, 2, NULL, &p));
    ck_assert_uint_ne(row_of(p, "Denmark", 2024), SIZE_MAX);
    egdi_dataset_free(p);
    /* ranking tables stacked; a table without a rank column is refused */
    OK(egdi_survey_compute(2024, EGDI_INPUT_COMPONENTS, d24, &t));
    const egdi_dataset *tabs[2] = {t, d22};
    int scen[2] = {1, 2};
    FAILS(egdi_panel_from_tables(scen, tabs, 2, NULL, &p), EGDI_ERR_NOT_FOUND,
          "edition 2: no column named 'egdi'");
    int zero[2] = {0, 1};
    tabs[1] = t;
    FAILS(egdi_panel_from_tables(zero, tabs, 2, NULL, &p), EGDI_ERR_INVALID_ARG,
          "edition 0 is not a positive number");
    /* two scenarios of the same table: no rank changes, no methodology notes */
    egdi_dataset *c = countries(), *m;
    OK(egdi_panel_from_tables(scen, tabs, 2, c, &p));
    OK(egdi_panel_compare(p, scen, 2, EGDI_PANEL_SORT_RANK_CHANGE, &m));
    ck_assert_uint_eq(egdi_dataset_n_units(m), 193);
    ck_assert_double_eq(at(m, 0, "rank_change_1_2"), 0);
    ck_assert_str_eq(egdi_dataset_unit_code(m, 0), "AFG"); /* all ties: by name */
    size_t jm;
    OK(egdi_dataset_find_column(m, "method_changes_1_2", &jm));
    ck_assert_str_eq(egdi_dataset_get_label(m, 0, jm), "");
    egdi_dataset_free(m);
    egdi_dataset_free(p);
    egdi_dataset_free(c);
    egdi_dataset_free(t);
    egdi_dataset_free(d22);
    egdi_dataset_free(d24);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("panel");
    TCase *tc = tcase_create("panel");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, bahrain_and_denmark_by_edition);
    tcase_add_test(tc, movers_2022_2024);
    tcase_add_test(tc, methodology_changes);
    tcase_add_test(tc, errors_and_tables);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
