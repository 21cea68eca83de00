/* Imputation in the Survey ranking table (egdi_survey_options version 2) on the published
 * 2022 Data Center file with values blanked in memory. Expected values are computed here
 * from the file's own columns; tolerance 1e-12 (values in 0..1). */
#include "test_util.h"

#define UN2022 EGDI_TEST_DATA "/un-egov/EGOV_DATA_2022.csv"
#define TOL 1e-12

static egdi_dataset *un2022(void)
{
    egdi_dataset *ds = NULL;
    OK(egdi_survey_read_un_csv(UN2022, 0, &ds));
    ck_assert_uint_eq(egdi_dataset_n_units(ds), 193);
    return ds;
}

static size_t unit(const egdi_dataset *ds, const char *code)
{
    size_t i;
    OK(egdi_dataset_find_unit(ds, code, &i));
    return i;
}

static size_t column(const egdi_dataset *ds, const char *name)
{
    size_t j;
    OK(egdi_dataset_find_column(ds, name, &j));
    return j;
}

static void blank(egdi_dataset *ds, const char *country, const char *col)
{
    OK(egdi_dataset_set_value(ds, unit(ds, country), column(ds, col), NAN));
}

/* Mean of column `col` over the units with a value, optionally only those whose label in
 * column `group` is `label`. */
static double mean_of(const egdi_dataset *ds, const char *col, const char *group,
                      const char *label)
{
    double sum = 0, v;
    size_t m = 0, j = column(ds, col);
    for (size_t i = 0; i < egdi_dataset_n_units(ds); i++) {
        if (group && strcmp(egdi_dataset_get_label(ds, i, column(ds, group)), label) != 0)
            continue;
        OK(egdi_dataset_get_value(ds, i, j, &v));
        if (!isnan(v)) {
            sum += v;
            m++;
        }
    }
    ck_assert_uint_gt(m, 0);
    return sum / (double)m;
}

static const char *imputed_label(const egdi_dataset *tab, const char *country)
{
    return egdi_dataset_get_label(tab, unit(tab, country), column(tab, "imputed"));
}

/* The table's rank of `country` recomputed: 1 + the number of EGDIs above its EGDI, both
 * rounded to the edition's rank precision. */
static double expected_rank(const egdi_dataset *tab, const char *country)
{
    egdi_edition_info e = {.version = EGDI_EDITION_INFO_VERSION};
    OK(egdi_survey_edition_info(2022, &e));
    size_t n = egdi_dataset_n_units(tab);
    double *g = malloc(n * sizeof *g);
    OK(egdi_dataset_get_numeric(tab, column(tab, "egdi"), g, n));
    if (e.rank_decimals >= 0)
        OK(egdi_round(g, n, e.rank_decimals, g));
    double mine = g[unit(tab, country)], above = 0;
    for (size_t i = 0; i < n; i++)
        above += !isnan(g[i]) && g[i] > mine;
    free(g);
    return 1 + above;
}

START_TEST(mean_imputation_ranks_the_country)
{
    egdi_dataset *ds = un2022();
    double tii_mean_others;
    blank(ds, "Denmark", "tii");
    tii_mean_others = mean_of(ds, "tii", NULL, NULL); /* Denmark is blank now: the others */
    egdi_survey_options o;
    OK(egdi_survey_options_init_version(&o, EGDI_SURVEY_OPTIONS_VERSION));
    o.impute = EGDI_IMPUTE_MEAN;
    egdi_dataset *tab = NULL;
    OK(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, ds, &o, &tab));
    NEAR(col_value(tab, "Denmark", "tii"), tii_mean_others, TOL);
    /* EGDI = (osi + tii + hci) / 3 with the published OSI 0.9797 and HCI 0.9559 */
    double egdi = (0.97970 + tii_mean_others + 0.95590) / 3;
    NEAR(col_value(tab, "Denmark", "egdi"), egdi, TOL);
    double rank = col_value(tab, "Denmark", "rank");
    ck_assert(!isnan(rank));
    ck_assert_double_eq(rank, expected_rank(tab, "Denmark"));
    ck_assert_double_gt(rank, 1); /* a mean TII (about 0.6) costs Denmark its first place */
    ck_assert_str_eq(imputed_label(tab, "Denmark"), "tii");
    size_t n_flagged = 0, j = column(tab, "imputed");
    for (size_t i = 0; i < egdi_dataset_n_units(tab); i++)
        n_flagged += egdi_dataset_get_label(tab, i, j)[0] != '\0';
    ck_assert_uint_eq(n_flagged, 1);
    ck_assert_str_eq(imputed_label(tab, "Estonia"), "");
    NEAR(col_value(tab, "Estonia", "tii"), 0.89490, TOL); /* present values are kept */
    egdi_dataset_free(tab);

    /* two components of one country: both listed, ";"-separated in node order */
    blank(ds, "Estonia", "hci");
    blank(ds, "Estonia", "tii");
    OK(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, ds, &o, &tab));
    ck_assert_str_eq(imputed_label(tab, "Estonia"), "tii;hci");
    NEAR(col_value(tab, "Estonia", "hci"), mean_of(ds, "hci", NULL, NULL), TOL);
    egdi_dataset_free(tab);

    /* without imputation the country is not ranked and there is no "imputed" column */
    OK(egdi_survey_compute(2022, EGDI_INPUT_COMPONENTS, ds, &tab));
    ck_assert(isnan(col_value(tab, "Denmark", "tii")));
    ck_assert(isnan(col_value(tab, "Denmark", "egdi")));
    ck_assert(isnan(col_value(tab, "Denmark", "rank")));
    size_t k;
    FAILS(egdi_dataset_find_column(tab, "imputed", &k), EGDI_ERR_NOT_FOUND, "imputed");
    egdi_dataset_free(tab);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(group_imputation)
{
    /* label column "half": "even" / "odd" by position; Somalia gets no label */
    egdi_dataset *ds = un2022();
    size_t n = egdi_dataset_n_units(ds);
    const char **lab = malloc(n * sizeof *lab);
    for (size_t i = 0; i < n; i++)
        lab[i] = i % 2 ? "odd" : "even";
    lab[unit(ds, "Somalia")] = NULL;
    OK(egdi_dataset_add_labels(ds, "half", lab, n));
    free(lab);
    blank(ds, "Denmark", "tii");
    blank(ds, "Somalia", "hci");
    const char *dk_half = egdi_dataset_get_label(ds, unit(ds, "Denmark"), column(ds, "half"));
    double want = mean_of(ds, "tii", "half", dk_half);
    ck_assert(fabs(want - mean_of(ds, "tii", NULL, NULL)) > 1e-6); /* the group matters */

    egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;
    o.impute = EGDI_IMPUTE_GROUP_MEAN;
    o.impute_group = "half";
    egdi_dataset *tab = NULL;
    OK(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, ds, &o, &tab));
    NEAR(col_value(tab, "Denmark", "tii"), want, TOL);
    ck_assert_double_eq(col_value(tab, "Denmark", "rank"), expected_rank(tab, "Denmark"));
    ck_assert_str_eq(imputed_label(tab, "Denmark"), "tii");
    /* no group label: stays missing, unranked, not flagged */
    ck_assert(isnan(col_value(tab, "Somalia", "hci")));
    ck_assert(isnan(col_value(tab, "Somalia", "rank")));
    ck_assert_str_eq(imputed_label(tab, "Somalia"), "");
    /* the label column is carried over */
    ck_assert_str_eq(egdi_dataset_get_label(tab, unit(tab, "Denmark"), column(tab, "half")),
                     dk_half);
    egdi_dataset_free(tab);

    /* a group method needs a group column that exists */
    o.impute_group = "region";
    FAILS(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, ds, &o, &tab),
          EGDI_ERR_NOT_FOUND, "region");
    o.impute_group = NULL;
    FAILS(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, ds, &o, &tab),
          EGDI_ERR_INVALID_INDEX, "group column");
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(countries_without_data_stay_unassessed)
{
    /* 2003 lists 20 countries that were not assessed (every value missing): imputation
     * fills gaps in assessed countries only, so exactly the 173 assessed ones are ranked,
     * as without imputation, and the ranks do not move (nothing was missing among them). */
    egdi_dataset *ds = NULL, *plain = NULL, *tab = NULL;
    OK(egdi_survey_read_un_csv(EGDI_TEST_DATA "/un-egov/EGOV_DATA_2003.csv", 0, &ds));
    egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;
    o.allow_out_of_range = 1; /* two published HCI values above 1 (data/README.md) */
    OK(egdi_survey_compute_ex(2003, EGDI_INPUT_COMPONENTS, ds, &o, &plain));
    o.impute = EGDI_IMPUTE_MEAN;
    OK(egdi_survey_compute_ex(2003, EGDI_INPUT_COMPONENTS, ds, &o, &tab));
    size_t jr = column(tab, "rank"), ranked = 0;
    for (size_t i = 0; i < egdi_dataset_n_units(tab); i++) {
        double a, b;
        OK(egdi_dataset_get_value(tab, i, jr, &a));
        OK(egdi_dataset_get_value(plain, i, column(plain, "rank"), &b));
        ck_assert_msg((isnan(a) && isnan(b)) || a == b, "%s: rank %g, without imputation %g",
                      egdi_dataset_unit_name(tab, i), a, b);
        ranked += !isnan(a);
        ck_assert_str_eq(imputed_label(tab, egdi_dataset_unit_name(tab, i)), "");
    }
    ck_assert_uint_eq(ranked, 173);
    egdi_dataset_free(plain);
    egdi_dataset_free(tab);
    /* 2022: blank all three components of one country and one of another: the first is
     * left out (unranked, EGDI missing), the second is imputed and ranked */
    egdi_dataset_free(ds);
    ds = un2022();
    blank(ds, "Denmark", "osi"), blank(ds, "Denmark", "tii"), blank(ds, "Denmark", "hci");
    blank(ds, "Chile", "hci");
    OK(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, ds, &o, &tab));
    ck_assert(isnan(col_value(tab, "Denmark", "egdi")));
    ck_assert(isnan(col_value(tab, "Denmark", "rank")));
    ck_assert_str_eq(imputed_label(tab, "Denmark"), "");
    ck_assert_str_eq(imputed_label(tab, "Chile"), "hci");
    /* the HCI filled in is the mean over the 191 countries that have one (Denmark and
     * Chile have none): Denmark's row takes no part in the statistics */
    NEAR(col_value(tab, "Chile", "hci"), mean_of(ds, "hci", NULL, NULL), TOL);
    egdi_dataset_free(tab);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(options_versions)
{
    /* version 1 writes only the version-1 bytes; the v2 fields are ignored on compute */
    egdi_survey_options o, pattern;
    memset(&o, 0xAB, sizeof o);
    memset(&pattern, 0xAB, sizeof pattern);
    OK(egdi_survey_options_init_version(&o, 1));
    ck_assert_uint_eq(o.version, 1);
    ck_assert_int_eq(o.rank_decimals, -2);
    ck_assert_int_eq(memcmp(&o.impute, &pattern.impute, sizeof o.impute), 0);
    ck_assert_int_eq(memcmp(&o.impute_group, &pattern.impute_group, sizeof o.impute_group), 0);
    o.impute = EGDI_IMPUTE_MEAN;
    o.impute_group = "no such column";
    egdi_dataset *ds = un2022(), *tab = NULL;
    blank(ds, "Denmark", "tii");
    OK(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, ds, &o, &tab));
    ck_assert(isnan(col_value(tab, "Denmark", "rank")));
    size_t k;
    FAILS(egdi_dataset_find_column(tab, "imputed", &k), EGDI_ERR_NOT_FOUND, "imputed");
    egdi_dataset_free(tab);

    /* the initialiser macro and the function agree on every field */
    egdi_survey_options m = EGDI_SURVEY_OPTIONS_INIT, f;
    OK(egdi_survey_options_init_version(&f, EGDI_SURVEY_OPTIONS_VERSION));
    ck_assert_uint_eq(m.version, 4);
    ck_assert_uint_eq(m.version, f.version);
    ck_assert_int_eq(m.quantile_type, f.quantile_type);
    ck_assert_int_eq(m.rank_decimals, f.rank_decimals);
    for (int t = 0; t < 3; t++)
        ck_assert_double_eq(m.thresholds[t], f.thresholds[t]);
    ck_assert_int_eq(m.impute, f.impute);
    ck_assert_int_eq(m.impute, EGDI_IMPUTE_NONE);
    ck_assert_ptr_eq(m.impute_group, f.impute_group);
    ck_assert_int_eq(m.allow_out_of_range, f.allow_out_of_range);
    ck_assert_int_eq(m.allow_edition_mismatch, f.allow_edition_mismatch);
    ck_assert_int_eq(m.allow_out_of_range + m.allow_edition_mismatch, 0);
    egdi_survey_options_init(&f); /* the macro: current version */
    ck_assert_uint_eq(f.version, EGDI_SURVEY_OPTIONS_VERSION);
    /* the macro's struct works with imputation */
    m.impute = EGDI_IMPUTE_MEDIAN;
    OK(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, ds, &m, &tab));
    ck_assert(!isnan(col_value(tab, "Denmark", "rank")));
    ck_assert_str_eq(imputed_label(tab, "Denmark"), "tii");
    egdi_dataset_free(tab);

    FAILS(egdi_survey_options_init_version(&f, 0), EGDI_ERR_INVALID_ARG, "version 0");
    FAILS(egdi_survey_options_init_version(&f, 5), EGDI_ERR_INVALID_ARG, "version 5");
    f.version = 9;
    FAILS(egdi_survey_compute_ex(2022, EGDI_INPUT_COMPONENTS, ds, &f, &tab),
          EGDI_ERR_INVALID_ARG, "version 9");
    egdi_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("survey_impute");
    TCase *tc = tcase_create("impute");
    tcase_add_test(tc, mean_imputation_ranks_the_country);
    tcase_add_test(tc, group_imputation);
    tcase_add_test(tc, options_versions);
    tcase_add_test(tc, countries_without_data_stay_unassessed);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
