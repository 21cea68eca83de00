/* CSV reading and writing: RFC 4180 quoting, CRLF, BOM, delimiters, missing
 * values, errors that name the place, atomic writes. */
#include <sys/stat.h>
#include <unistd.h>

#include "test_util.h"

static egdi_dataset *read_text(const char *text)
{
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_read_csv_buffer(text, strlen(text), NULL, &ds));
    return ds;
}

START_TEST(quoting_crlf_bom)
{
    /* BOM, CRLF, quoted name with comma, doubled quote, embedded newline, padded cells */
    const char *text = "\xEF\xBB\xBF" "code,name,x,region\r\n"
                       "AAA,\"Land, Republic of\",1.5,Asia\r\n"
                       "BBB,\"The \"\"Best\"\" Isle\",  2 ,\"Multi\nLine\"\r\n"
                       "CCC,Trailing   , ,Europe\r\n";
    egdi_dataset *ds = read_text(text);
    ck_assert_uint_eq(egdi_dataset_n_units(ds), 3);
    ck_assert_str_eq(egdi_dataset_unit_name(ds, 0), "Land, Republic of");
    ck_assert_str_eq(egdi_dataset_unit_name(ds, 1), "The \"Best\" Isle");
    ck_assert_str_eq(egdi_dataset_unit_name(ds, 2), "Trailing"); /* trimmed */
    ck_assert_double_eq(col_value(ds, "BBB", "x"), 2.0);
    ck_assert(isnan(col_value(ds, "CCC", "x"))); /* blank = missing */
    size_t j;
    egdi_column_kind kind;
    OK(egdi_dataset_find_column(ds, "region", &j));
    OK(egdi_dataset_column_kind(ds, j, &kind));
    ck_assert_int_eq(kind, EGDI_COLUMN_LABEL);
    ck_assert_str_eq(egdi_dataset_get_label(ds, 1, j), "Multi\nLine");
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(semicolon_and_missing_markers)
{
    egdi_dataset *ds = read_text("name;a;b\nX;NA;..\nY;3;-\nZ;N/A;4.25e-1\n");
    ck_assert_uint_eq(egdi_dataset_n_columns(ds), 2);
    ck_assert(isnan(col_value(ds, "X", "a")));
    ck_assert(isnan(col_value(ds, "X", "b")));
    ck_assert(isnan(col_value(ds, "Y", "b")));
    ck_assert_double_eq(col_value(ds, "Z", "b"), 0.425);
    ck_assert_str_eq(egdi_dataset_unit_code(ds, 0), "X"); /* no code column: name is the code */
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(errors_name_the_place)
{
    egdi_dataset *ds = NULL;
    const char *ragged = "name,a,b\nX,1,2\nY,1\n";
    FAILS(egdi_dataset_read_csv_buffer(ragged, strlen(ragged), NULL, &ds), EGDI_ERR_PARSE,
          "<buffer>:3: row has 2 fields, the header has 3");
    const char *open_quote = "name,a\nX,\"1\nY,2\n";
    FAILS(egdi_dataset_read_csv_buffer(open_quote, strlen(open_quote), NULL, &ds),
          EGDI_ERR_PARSE, "<buffer>:2: column 2: quoted field is not closed");
    const char *stray = "name,a\nX,1\"2\n";
    FAILS(egdi_dataset_read_csv_buffer(stray, strlen(stray), NULL, &ds), EGDI_ERR_PARSE,
          "quote inside an unquoted field");
    const char *dup = "code,name,a\nA,x,1\nA,y,2\n";
    FAILS(egdi_dataset_read_csv_buffer(dup, strlen(dup), NULL, &ds), EGDI_ERR_DUPLICATE,
          "<buffer>:3: duplicate unit code 'A'");
    const char *dupcol = "name,a,a\nX,1,2\n";
    FAILS(egdi_dataset_read_csv_buffer(dupcol, strlen(dupcol), NULL, &ds), EGDI_ERR_DUPLICATE,
          "duplicate column 'a'");
    /* declared numeric: a word in it is reported with line, column and unit */
    egdi_csv_options o;
    egdi_csv_options_init(&o);
    const char *labels[] = {"region"};
    o.label_columns = labels;
    o.n_label_columns = 1;
    const char *word = "name,a,region\nX,1,Asia\nY,oops,Asia\n";
    FAILS(egdi_dataset_read_csv_buffer(word, strlen(word), &o, &ds), EGDI_ERR_PARSE,
          "<buffer>:3: column 2 ('a'), unit 'Y': 'oops' is not a number");
    FAILS(egdi_dataset_read_csv_buffer("", 0, NULL, &ds), EGDI_ERR_PARSE, "empty file");
    FAILS(egdi_dataset_read_csv("/nonexistent/x.csv", NULL, &ds), EGDI_ERR_IO,
          "/nonexistent/x.csv: cannot open");
    o.version = 99;
    FAILS(egdi_dataset_read_csv_buffer(word, strlen(word), &o, &ds), EGDI_ERR_INVALID_ARG,
          "version 99");
    ck_assert_ptr_null(ds);
}
END_TEST

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    ck_assert_ptr_nonnull(fp);
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

START_TEST(write_round_trip_and_json)
{
    egdi_dataset *ds = read_text("code,name,x,region\nA,\"Côte d'Ivoire\",0.1,Africa\n"
                                 "B,\"Say \"\"hi\"\"\",,Europe\n");
    char dir[] = "/tmp/egdi_csv_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/out.csv", dir);
    OK(egdi_dataset_write_csv(ds, path, NULL));
    ck_assert_str_eq(slurp(path), "code,name,x,region\nA,Côte d'Ivoire,0.1,Africa\n"
                                  "B,\"Say \"\"hi\"\"\",,Europe\n");
    egdi_dataset *back;
    OK(egdi_dataset_read_csv(path, NULL, &back));
    ck_assert_double_eq(col_value(back, "A", "x"), 0.1); /* shortest text reads back exactly */
    egdi_dataset_free(back);
    snprintf(path, sizeof path, "%s/out.json", dir);
    OK(egdi_dataset_write_json(ds, path, NULL));
    ck_assert_str_eq(slurp(path),
                     "[\n {\"code\": \"A\", \"name\": \"Côte d'Ivoire\", \"x\": 0.1, \"region\": "
                     "\"Africa\"},\n {\"code\": \"B\", \"name\": \"Say \\\"hi\\\"\", \"x\": null, "
                     "\"region\": \"Europe\"}\n]\n");
    unlink(path);
    snprintf(path, sizeof path, "%s/out.csv", dir);
    unlink(path);
    rmdir(dir);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(failed_write_leaves_no_file)
{
    egdi_dataset *ds = read_text("name,x\nA,1\n");
    FAILS(egdi_dataset_write_csv(ds, "/nonexistent-dir/out.csv", NULL), EGDI_ERR_IO,
          "/nonexistent-dir/out.csv");
    /* a failing write into an existing directory leaves neither target nor temporary */
    char dir[] = "/tmp/egdi_csv_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/out.csv", dir);
    egdi_csv_options o;
    egdi_csv_options_init(&o);
    o.decimals = 99; /* invalid: rejected before anything is created */
    FAILS(egdi_dataset_write_csv(ds, path, &o), EGDI_ERR_INVALID_ARG, "decimals");
    ck_assert_int_ne(access(path, F_OK), 0);
    ck_assert_int_eq(rmdir(dir), 0); /* empty: no temporary left behind */
    egdi_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("csv");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, quoting_crlf_bom);
    tcase_add_test(tc, semicolon_and_missing_markers);
    tcase_add_test(tc, errors_name_the_place);
    tcase_add_test(tc, write_round_trip_and_json);
    tcase_add_test(tc, failed_write_leaves_no_file);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
