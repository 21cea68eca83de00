/* The dataset handle: units, numeric and label columns, factors, joins, selection. */
#include "test_util.h"

static egdi_dataset *three_units(void)
{
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_unit(ds, "BHR", " Bahrain ", NULL));
    OK(egdi_dataset_add_unit(ds, "KWT", "Kuwait", NULL));
    OK(egdi_dataset_add_unit(ds, "FRA", NULL, NULL));
    return ds;
}

START_TEST(units_and_columns)
{
    egdi_dataset *ds = three_units();
    ck_assert_str_eq(egdi_dataset_unit_name(ds, 0), "Bahrain"); /* trimmed */
    ck_assert_str_eq(egdi_dataset_unit_name(ds, 2), "FRA");     /* name defaults to code */
    ck_assert_ptr_null(egdi_dataset_unit_name(ds, 3));
    double x[3] = {0.5, NAN, 0.25};
    OK(egdi_dataset_add_numeric(ds, "x", x, 3));
    const char *region[3] = {"Asia", "Asia", "Europe"};
    OK(egdi_dataset_add_labels(ds, "region", region, 3));
    size_t lv;
    OK(egdi_dataset_n_levels(ds, 1, &lv));
    ck_assert_uint_eq(lv, 2);
    ck_assert_str_eq(egdi_dataset_level(ds, 1, 1), "Europe");
    int codes[3];
    OK(egdi_dataset_get_level_codes(ds, 1, codes, 3));
    ck_assert_int_eq(codes[0], 0);
    ck_assert_int_eq(codes[2], 1);
    /* a unit added later gets missing values and no label */
    size_t at;
    OK(egdi_dataset_add_unit(ds, "OMN", "Oman", &at));
    ck_assert_uint_eq(at, 3);
    ck_assert(isnan(col_value(ds, "OMN", "x")));
    ck_assert_str_eq(egdi_dataset_get_label(ds, 3, 1), "");
    OK(egdi_dataset_set_label(ds, 3, 1, "Asia"));
    OK(egdi_dataset_get_level_codes(ds, 1, (int[4]){0}, 4));
    ck_assert_str_eq(egdi_dataset_get_label(ds, 3, 1), "Asia");
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(errors)
{
    egdi_dataset *ds = three_units();
    double x[2] = {1, 2};
    FAILS(egdi_dataset_add_numeric(ds, "x", x, 2), EGDI_ERR_INVALID_ARG, "2 values for 3 units");
    FAILS(egdi_dataset_add_unit(ds, "KWT", "again", NULL), EGDI_ERR_DUPLICATE, "'KWT'");
    FAILS(egdi_dataset_add_unit(ds, "  ", "blank", NULL), EGDI_ERR_INVALID_ARG, "empty code");
    OK(egdi_dataset_add_numeric(ds, "x", NULL, 0));
    FAILS(egdi_dataset_add_labels(ds, "x", NULL, 0), EGDI_ERR_DUPLICATE, "duplicate column 'x'");
    FAILS(egdi_dataset_get_value(ds, 7, 0, &x[0]), EGDI_ERR_RANGE, "unit 7");
    FAILS(egdi_dataset_get_value(ds, 0, 5, &x[0]), EGDI_ERR_RANGE, "column 5");
    FAILS(egdi_dataset_set_label(ds, 0, 0, "a"), EGDI_ERR_INVALID_ARG, "not a label column");
    size_t j;
    FAILS(egdi_dataset_find_column(ds, "nope", &j), EGDI_ERR_NOT_FOUND, "'nope'");
    FAILS(egdi_dataset_find_unit(ds, "XXX", &j), EGDI_ERR_NOT_FOUND, "'XXX'");
    FAILS(egdi_dataset_select_units(ds, (size_t[]){0, 9}, 2, &(egdi_dataset *){NULL}),
          EGDI_ERR_RANGE, "row 2: unit 9");
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(join_select_clone)
{
    egdi_dataset *ds = three_units(), *table, *sel, *cp;
    OK(egdi_dataset_add_numeric(ds, "x", (double[]){1, 2, 3}, 3));
    OK(egdi_dataset_new(&table));
    OK(egdi_dataset_add_unit(table, "KWT", "Kuwait", NULL));
    OK(egdi_dataset_add_unit(table, "BHR", "Bahrain", NULL));
    OK(egdi_dataset_add_labels(table, "region", (const char *[]){"Asia", "Asia"}, 2));
    /* FRA is not in the table: strict join fails and changes nothing */
    FAILS(egdi_dataset_join_labels(ds, table, 0, 0), EGDI_ERR_NOT_FOUND, "unit 3 ('FRA')");
    ck_assert_uint_eq(egdi_dataset_n_columns(ds), 1);
    OK(egdi_dataset_join_labels(ds, table, 1, 1)); /* by name, missing allowed */
    ck_assert_str_eq(egdi_dataset_get_label(ds, 0, 1), "Asia");
    ck_assert_str_eq(egdi_dataset_get_label(ds, 2, 1), "");
    OK(egdi_dataset_select_units(ds, (size_t[]){2, 0}, 2, &sel));
    ck_assert_str_eq(egdi_dataset_unit_code(sel, 0), "FRA");
    ck_assert_double_eq(col_value(sel, "BHR", "x"), 1);
    ck_assert_str_eq(egdi_dataset_get_label(sel, 1, 1), "Asia");
    OK(egdi_dataset_clone(sel, &cp));
    OK(egdi_dataset_set_value(cp, 0, 0, 42));
    ck_assert_double_eq(col_value(sel, "FRA", "x"), 3); /* deep copy */
    OK(egdi_dataset_remove_column(cp, 0));
    ck_assert_str_eq(egdi_dataset_column_name(cp, 0), "region");
    egdi_dataset_free(cp);
    egdi_dataset_free(sel);
    egdi_dataset_free(table);
    egdi_dataset_free(ds);
}
END_TEST

/* Countries as people name them: code, name, any ASCII case, or through a
 * country table (ISO code <-> Data Center name). */
START_TEST(find_country)
{
    egdi_dataset *ds = NULL, *table = NULL;
    OK(egdi_dataset_new(&ds));
    /* Data Center style: the name is the code */
    OK(egdi_dataset_add_unit(ds, "Bahrain", "Bahrain", NULL));
    OK(egdi_dataset_add_unit(ds, "Saudi Arabia", "Saudi Arabia", NULL));
    OK(egdi_dataset_add_unit(ds, "Niger", "Niger", NULL));
    OK(egdi_dataset_add_unit(ds, "NIGER", "Niger (upper)", NULL));
    OK(egdi_dataset_new(&table));
    OK(egdi_dataset_add_unit(table, "BHR", "Bahrain", NULL));
    OK(egdi_dataset_add_unit(table, "SAU", "Saudi Arabia", NULL));
    OK(egdi_dataset_add_unit(table, "ARE", "United Arab Emirates", NULL));
    size_t row = 99;
    OK(egdi_dataset_find_country(ds, "Bahrain", NULL, &row));
    ck_assert_uint_eq(row, 0);
    OK(egdi_dataset_find_country(ds, "saudi ARABIA", NULL, &row));
    ck_assert_uint_eq(row, 1);
    OK(egdi_dataset_find_country(ds, "Niger", NULL, &row)); /* exact beats case-insensitive */
    ck_assert_uint_eq(row, 2);
    FAILS(egdi_dataset_find_country(ds, "niger", NULL, &row), EGDI_ERR_DUPLICATE,
          "'niger' names more than one unit ('Niger' and 'NIGER')");
    OK(egdi_dataset_find_country(ds, "bhr", table, &row)); /* ISO code through the table */
    ck_assert_uint_eq(row, 0);
    FAILS(egdi_dataset_find_country(ds, "BHR", NULL, &row), EGDI_ERR_NOT_FOUND,
          "no country 'BHR' in the data");
    FAILS(egdi_dataset_find_country(ds, "ARE", table, &row), EGDI_ERR_NOT_FOUND,
          "no country 'ARE' (ARE, United Arab Emirates) in the data");
    FAILS(egdi_dataset_find_country(ds, "Atlantis", table, &row), EGDI_ERR_NOT_FOUND,
          "no country 'Atlantis'");
    FAILS(egdi_dataset_find_country(NULL, "x", NULL, &row), EGDI_ERR_INVALID_ARG, "ds");
    egdi_dataset_free(table);
    egdi_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dataset");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, units_and_columns);
    tcase_add_test(tc, errors);
    tcase_add_test(tc, join_select_clone);
    tcase_add_test(tc, find_country);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
