/* CSV reading and writing: RFC 4180 quoting, CRLF, BOM, delimiters, missing
 * values, errors that name the place, atomic writes. */
#include <dirent.h>
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

/* ---- text checks: NUL bytes and UTF-8, in every reader ---- */

static void write_bytes(const char *path, const char *bytes, size_t len)
{
    FILE *fp = fopen(path, "wb");
    ck_assert_ptr_nonnull(fp);
    ck_assert_uint_eq(fwrite(bytes, 1, len, fp), len);
    ck_assert_int_eq(fclose(fp), 0);
}

/* The same bytes must be refused alike by the buffer, stream and path readers
 * of wide tables and by the Data Center reader (whose text check runs before
 * it looks at the header), each naming its own source: `where` is the part of
 * the message after the source, e.g. ":2: NUL byte at byte offset 10". */
static void refused_everywhere(const char *bytes, size_t len, egdi_status code, const char *where)
{
    char want[512], dir[64], path[128];
    egdi_dataset *ds = NULL;

    snprintf(want, sizeof want, "<buffer>%s", where);
    FAILS(egdi_dataset_read_csv_buffer(bytes, len, NULL, &ds), code, want);
    FAILS(egdi_survey_read_un_csv_buffer(bytes, len, 0, &ds), code, want);

    FILE *fp = fmemopen((void *)bytes, len, "r");
    ck_assert_ptr_nonnull(fp);
    snprintf(want, sizeof want, "<stdin>%s", where);
    FAILS(egdi_dataset_read_csv_stream(fp, "<stdin>", NULL, &ds), code, want);
    fclose(fp);

    make_dir(dir, sizeof dir, "csv");
    snprintf(path, sizeof path, "%s/in.csv", dir);
    write_bytes(path, bytes, len);
    snprintf(want, sizeof want, "%s%s", path, where);
    FAILS(egdi_dataset_read_csv(path, NULL, &ds), code, want);
    FAILS(egdi_survey_read_un_csv(path, 0, &ds), code, want);
    rm_tree(dir);
    ck_assert_ptr_null(ds); /* no reader produced a dataset */
}

START_TEST(nul_byte_is_refused_with_its_offset)
{
    /* "name,a\n" is bytes 0..6, "X,1" bytes 7..9: the NUL is byte 10, on line 2.
     * Arrays with sizeof - 1 keep the embedded NUL (strlen would stop at it). */
    static const char plain[] = "name,a\nX,1\0\nY,2\n";
    refused_everywhere(plain, sizeof plain - 1, EGDI_ERR_PARSE,
                       ":2: NUL byte at byte offset 10");
    /* the 3-byte BOM counts in the offset: 10 + 3 = 13; the line is still 2 */
    static const char bom[] = "\xEF\xBB\xBF" "name,a\nX,1\0\nY,2\n";
    refused_everywhere(bom, sizeof bom - 1, EGDI_ERR_PARSE, ":2: NUL byte at byte offset 13");
    /* a NUL in the header (UTF-16 text looks like this): "n\0a..." -> byte 1, line 1 */
    static const char utf16ish[] = "n\0a\0m\0e\0\n\0";
    refused_everywhere(utf16ish, sizeof utf16ish - 1, EGDI_ERR_PARSE,
                       ":1: NUL byte at byte offset 1");
}
END_TEST

START_TEST(invalid_utf8_is_refused_with_its_offset)
{
    /* Each bad sequence follows "name,a\nX," (7 + 2 bytes), so it starts at byte
     * offset 9 on line 2; the message names the first byte of the sequence. */
    static const struct {
        const char *bad;
        const char *want; /* after the source */
    } cases[] = {
        {"\xFF", ":2: invalid UTF-8 at byte offset 9 (byte 0xFF)"},         /* never valid */
        {"\x80", ":2: invalid UTF-8 at byte offset 9 (byte 0x80)"},         /* lone continuation */
        {"\xC0\xAF", ":2: invalid UTF-8 at byte offset 9 (byte 0xC0)"},     /* overlong '/' */
        {"\xE0\x80\xAF", ":2: invalid UTF-8 at byte offset 9 (byte 0xE0)"}, /* overlong '/' */
        {"\xED\xA0\x80", ":2: invalid UTF-8 at byte offset 9 (byte 0xED)"}, /* surrogate D800 */
        {"\xF4\x90\x80\x80", ":2: invalid UTF-8 at byte offset 9 (byte 0xF4)"}, /* 0x110000 */
    };
    char text[64];
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        int n = snprintf(text, sizeof text, "name,a\nX,%s\nY,2\n", cases[k].bad);
        refused_everywhere(text, (size_t)n, EGDI_ERR_PARSE, cases[k].want);
        ck_assert_msg(strstr(egdi_last_error(), "invalid UTF-8") != NULL, "case %zu", k);
    }
    /* a sequence cut off by the end of the file: E2 82 needs a third byte */
    static const char cut[] = "name,a\nX,\xE2\x82";
    refused_everywhere(cut, sizeof cut - 1, EGDI_ERR_PARSE,
                       ":2: invalid UTF-8 at byte offset 9 (byte 0xE2)");
    /* offsets count bytes, not characters: "É,1\n" is 5 bytes (É is C3 89), so
     * the 0xFF after "name,a\n" (7), "É,1\n" (5) and "X," (2) is byte 14, line 3 */
    static const char after[] = "name,a\n\xC3\x89,1\nX,\xFF\n";
    refused_everywhere(after, sizeof after - 1, EGDI_ERR_PARSE,
                       ":3: invalid UTF-8 at byte offset 14 (byte 0xFF)");
    /* with a BOM the offset grows by 3: 9 + 3 = 12 */
    static const char bom[] = "\xEF\xBB\xBF" "name,a\nX,\x80\n";
    refused_everywhere(bom, sizeof bom - 1, EGDI_ERR_PARSE,
                       ":2: invalid UTF-8 at byte offset 12 (byte 0x80)");
}
END_TEST

START_TEST(valid_multibyte_text_round_trips)
{
    /* 2-, 3- and 4-byte sequences, including the largest code point U+10FFFF
     * (F4 8F BF BF), the edge next to the refused F4 90 80 80 */
    const char *names[] = {"\xC3\xA9", "\xE6\x97\xA5\xE6\x9C\xAC", "\xF0\x9F\x98\x80",
                           "\xF4\x8F\xBF\xBF"};
    const char *text = "code,name,x\nA,\xC3\xA9,1\nB,\xE6\x97\xA5\xE6\x9C\xAC,2\n"
                       "C,\xF0\x9F\x98\x80,3\nD,\xF4\x8F\xBF\xBF,4\n";
    egdi_dataset *ds = read_text(text);
    ck_assert_uint_eq(egdi_dataset_n_units(ds), 4);
    for (size_t i = 0; i < 4; i++)
        ck_assert_str_eq(egdi_dataset_unit_name(ds, i), names[i]);
    char dir[64], path[128];
    make_dir(dir, sizeof dir, "csv");
    snprintf(path, sizeof path, "%s/out.csv", dir);
    OK(egdi_dataset_write_csv(ds, path, NULL));
    egdi_dataset *back = NULL;
    OK(egdi_dataset_read_csv(path, NULL, &back));
    ck_assert_uint_eq(egdi_dataset_n_units(back), 4);
    for (size_t i = 0; i < 4; i++)
        ck_assert_str_eq(egdi_dataset_unit_name(back, i), names[i]);
    ck_assert_double_eq(col_value(back, "C", "x"), 3.0);
    /* valid UTF-8 is also accepted by the JSON writer, byte for byte */
    snprintf(path, sizeof path, "%s/out.json", dir);
    OK(egdi_dataset_write_json(ds, path, NULL));
    ck_assert_ptr_nonnull(strstr(slurp(path), "\"name\": \"\xF0\x9F\x98\x80\""));
    rm_tree(dir);
    egdi_dataset_free(back);
    egdi_dataset_free(ds);
}
END_TEST

/* ---- delimiters ---- */

/* Every value of b equals a's (same units, same columns, NaN where a has NaN). */
static void same_table(const egdi_dataset *a, const egdi_dataset *b)
{
    ck_assert_uint_eq(egdi_dataset_n_units(b), egdi_dataset_n_units(a));
    ck_assert_uint_eq(egdi_dataset_n_columns(b), egdi_dataset_n_columns(a));
    for (size_t j = 0; j < egdi_dataset_n_columns(a); j++)
        ck_assert_str_eq(egdi_dataset_column_name(b, j), egdi_dataset_column_name(a, j));
    for (size_t i = 0; i < egdi_dataset_n_units(a); i++) {
        ck_assert_str_eq(egdi_dataset_unit_code(b, i), egdi_dataset_unit_code(a, i));
        ck_assert_str_eq(egdi_dataset_unit_name(b, i), egdi_dataset_unit_name(a, i));
        for (size_t j = 0; j < egdi_dataset_n_columns(a); j++) {
            double va, vb;
            OK(egdi_dataset_get_value(a, i, j, &va));
            OK(egdi_dataset_get_value(b, i, j, &vb));
            ck_assert_msg(va == vb || (isnan(va) && isnan(vb)), "unit %zu col %zu: %g vs %g",
                          i, j, va, vb);
        }
    }
}

START_TEST(tab_and_pipe_delimiters)
{
    egdi_dataset *comma = read_text("code,name,a,b\nX,Ex,1,2.5\nY,\"Why, not\",-3,\n");
    ck_assert_uint_eq(egdi_dataset_n_columns(comma), 2);
    ck_assert_double_eq(col_value(comma, "Y", "a"), -3.0);
    ck_assert(isnan(col_value(comma, "Y", "b")));
    /* detected (delimiter 0): the most frequent of ',', ';', tab, '|' on the header */
    egdi_dataset *tab = read_text("code\tname\ta\tb\nX\tEx\t1\t2.5\nY\tWhy, not\t-3\t\n");
    same_table(comma, tab);
    egdi_dataset *pipe = read_text("code|name|a|b\nX|Ex|1|2.5\nY|Why, not|-3|\n");
    same_table(comma, pipe);
    egdi_dataset_free(tab);
    egdi_dataset_free(pipe);

    /* given explicitly, '\t' and '|' are accepted too */
    egdi_csv_options o;
    OK(egdi_csv_options_init_version(&o, EGDI_CSV_OPTIONS_VERSION));
    egdi_dataset *ds = NULL;
    const char *t = "code\tname\ta\tb\nX\tEx\t1\t2.5\nY\tWhy, not\t-3\t\n";
    o.delimiter = '\t';
    OK(egdi_dataset_read_csv_buffer(t, strlen(t), &o, &ds));
    same_table(comma, ds);
    egdi_dataset_free(ds);
    const char *p = "code|name|a|b\nX|Ex|1|2.5\nY|Why, not|-3|\n";
    o.delimiter = '|';
    OK(egdi_dataset_read_csv_buffer(p, strlen(p), &o, &ds));
    same_table(comma, ds);
    egdi_dataset_free(ds);
    egdi_dataset_free(comma);
}
END_TEST

START_TEST(wrong_or_unknown_delimiter)
{
    egdi_csv_options o;
    OK(egdi_csv_options_init_version(&o, EGDI_CSV_OPTIONS_VERSION));
    egdi_dataset *ds = NULL;
    /* ';' asked for, but the header has none and three ',': the message says
     * what the file seems to use instead of a confusing one-column table */
    const char *text = "code,name,a,b\nX,Ex,1,2\n";
    o.delimiter = ';';
    FAILS(egdi_dataset_read_csv_buffer(text, strlen(text), &o, &ds), EGDI_ERR_PARSE,
          "<buffer>:1: the header has no ';' delimiter but 3 ','; the file seems to be "
          "','-delimited");
    /* ':' is none of the four delimiters: an option error, whatever the file */
    o.delimiter = ':';
    FAILS(egdi_dataset_read_csv_buffer(text, strlen(text), &o, &ds), EGDI_ERR_INVALID_ARG,
          "delimiter must be ',', ';', tab or '|'");
    ck_assert_ptr_null(ds);
}
END_TEST

START_TEST(duplicate_headers_name_both_columns)
{
    egdi_dataset *ds = NULL;
    /* 'x' is column 2 and column 4 (1-based, the code column 'name' is column 1).
     * The status is EGDI_ERR_DUPLICATE as for repeated unit codes (see the report:
     * dataset.h lists this case under EGDI_ERR_PARSE). */
    const char *text = "name,x,a,x\nX,1,2,3\n";
    FAILS(egdi_dataset_read_csv_buffer(text, strlen(text), NULL, &ds), EGDI_ERR_DUPLICATE,
          "<buffer>:1: duplicate column 'x': columns 2 and 4 have the same header");
    /* also after trimming: " a " and "a" are the same header (columns 2 and 3) */
    const char *padded = "name, a ,a\nX,1,2\n";
    FAILS(egdi_dataset_read_csv_buffer(padded, strlen(padded), NULL, &ds), EGDI_ERR_DUPLICATE,
          "duplicate column 'a': columns 2 and 3");
    ck_assert_ptr_null(ds);
}
END_TEST

/* ---- numeric columns and the decimal comma (egdi_csv_options version 2) ---- */

START_TEST(numeric_columns_refuse_non_numbers)
{
    egdi_csv_options o = EGDI_CSV_OPTIONS_INIT;
    const char *numeric[] = {"a"};
    o.numeric_columns = numeric;
    o.n_numeric_columns = 1;
    egdi_dataset *ds = NULL;
    static const struct {
        const char *cell;
        const char *want; /* the file is "name,b,a\nX,1,2\nY,1,<cell>\n": line 3, column 3 */
    } cases[] = {
        {"abc", "<buffer>:3: column 3 ('a'), unit 'Y': 'abc' is not a number"},
        {"inf", "<buffer>:3: column 3 ('a'), unit 'Y': 'inf' is not a finite number"},
        {"-Infinity", "'-Infinity' is not a finite number"},
        {"1e400", "<buffer>:3: column 3 ('a'), unit 'Y': '1e400' is too large for a double"},
        {"0x1p3", "<buffer>:3: column 3 ('a'), unit 'Y': '0x1p3' is a hexadecimal number"},
    };
    char text[128];
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        int n = snprintf(text, sizeof text, "name,b,a\nX,1,2\nY,1,%s\n", cases[k].cell);
        FAILS(egdi_dataset_read_csv_buffer(text, (size_t)n, &o, &ds), EGDI_ERR_PARSE,
              cases[k].want);
    }
    /* "0,5" in a ';' file is a decimal comma while the decimal separator is '.' */
    const char *semi = "name;a\nX;1\nY;0,5\n";
    FAILS(egdi_dataset_read_csv_buffer(semi, strlen(semi), &o, &ds), EGDI_ERR_PARSE,
          "<buffer>:3: column 2 ('a'), unit 'Y': '0,5' has a decimal comma");
    /* a file read by path names the path */
    char dir[64], path[128], want[256];
    make_dir(dir, sizeof dir, "csv");
    snprintf(path, sizeof path, "%s/in.csv", dir);
    write_bytes(path, "name,a\nX,1\nY,abc\n", 17);
    snprintf(want, sizeof want, "%s:3: column 2 ('a'), unit 'Y': 'abc' is not a number", path);
    FAILS(egdi_dataset_read_csv(path, &o, &ds), EGDI_ERR_PARSE, want);
    rm_tree(dir);
    ck_assert_ptr_null(ds);
}
END_TEST

START_TEST(numeric_columns_accept_missing_markers)
{
    egdi_csv_options o = EGDI_CSV_OPTIONS_INIT;
    const char *numeric[] = {"a"};
    o.numeric_columns = numeric;
    o.n_numeric_columns = 1;
    /* empty, NA, nan, -, .. are missing values (NaN), not errors; 'abc' in the
     * unlisted column b makes b a label column as before, without an error */
    const char *text = "name,a,b\nP,,abc\nQ,NA,x\nR,nan,y\nS,-,z\nT,..,w\nU,7.5,v\n";
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_read_csv_buffer(text, strlen(text), &o, &ds));
    const char *missing[] = {"P", "Q", "R", "S", "T"};
    for (size_t i = 0; i < 5; i++)
        ck_assert_msg(isnan(col_value(ds, missing[i], "a")), "unit %s", missing[i]);
    ck_assert_double_eq(col_value(ds, "U", "a"), 7.5);
    size_t j;
    egdi_column_kind kind;
    OK(egdi_dataset_find_column(ds, "a", &j));
    OK(egdi_dataset_column_kind(ds, j, &kind));
    ck_assert_int_eq(kind, EGDI_COLUMN_NUMERIC);
    OK(egdi_dataset_find_column(ds, "b", &j));
    OK(egdi_dataset_column_kind(ds, j, &kind));
    ck_assert_int_eq(kind, EGDI_COLUMN_LABEL);
    ck_assert_str_eq(egdi_dataset_get_label(ds, 0, j), "abc");
    egdi_dataset_free(ds);
    /* a listed column that the file does not have is no error ("where the file has them") */
    const char *listed[] = {"a", "not_in_file"};
    o.numeric_columns = listed;
    o.n_numeric_columns = 2;
    const char *small = "name,a\nX,1\n";
    OK(egdi_dataset_read_csv_buffer(small, strlen(small), &o, &ds));
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(decimal_comma_option)
{
    egdi_csv_options o = EGDI_CSV_OPTIONS_INIT;
    o.decimal = ',';
    egdi_dataset *ds = NULL;
    /* "0,5" is read as 0.5 exactly (the same double as strtod("0.5")); "-1,25" as -1.25 */
    const char *text = "name;a;b\nX;0,5;-1,25\nY;2;NA\n";
    OK(egdi_dataset_read_csv_buffer(text, strlen(text), &o, &ds));
    ck_assert_double_eq(col_value(ds, "X", "a"), 0.5);
    ck_assert_double_eq(col_value(ds, "X", "b"), -1.25);
    ck_assert_double_eq(col_value(ds, "Y", "a"), 2.0);
    ck_assert(isnan(col_value(ds, "Y", "b")));
    egdi_dataset_free(ds);
    ds = NULL;
    /* "1.234,5" (a thousands point) is not a number under the decimal comma */
    const char *numeric[] = {"a"};
    o.numeric_columns = numeric;
    o.n_numeric_columns = 1;
    const char *grouped = "name;a\nX;1.234,5\n";
    FAILS(egdi_dataset_read_csv_buffer(grouped, strlen(grouped), &o, &ds), EGDI_ERR_PARSE,
          "<buffer>:2: column 2 ('a'), unit 'X': '1.234,5' is not a number");
    /* only '.' and ',' are decimal separators */
    o.decimal = ';';
    FAILS(egdi_dataset_read_csv_buffer(text, strlen(text), &o, &ds), EGDI_ERR_INVALID_ARG,
          "decimal separator must be '.' or ','");
    ck_assert_ptr_null(ds);
}
END_TEST

START_TEST(version_1_options_get_version_2_defaults)
{
    /* Fill the whole struct with junk, then initialise only the version-1 layout:
     * the version-2 fields (numeric_columns, n_numeric_columns, decimal) keep the
     * junk. The reader must not look at them: decimal stays '.', no column is
     * declared numeric. Were the junk read, decimal 0xA5 would be refused and the
     * junk pointer dereferenced. */
    egdi_csv_options o;
    memset(&o, 0xA5, sizeof o);
    OK(egdi_csv_options_init_version(&o, 1));
    ck_assert_uint_eq(o.version, 1);
    ck_assert_int_eq(o.delimiter, 0);
    ck_assert_str_eq(o.code_column, "code");
    ck_assert_int_eq(o.decimals, -1);
    ck_assert_int_eq((unsigned char)o.decimal, 0xA5); /* not written: past version 1 */
    egdi_dataset *ds = NULL;
    /* '.' decimals; "0,5" and 'abc' make label columns, since nothing is declared numeric */
    const char *text = "name;a;b;c\nX;0.25;0,5;abc\n";
    OK(egdi_dataset_read_csv_buffer(text, strlen(text), &o, &ds));
    ck_assert_double_eq(col_value(ds, "X", "a"), 0.25);
    size_t j;
    egdi_column_kind kind;
    OK(egdi_dataset_find_column(ds, "b", &j));
    OK(egdi_dataset_column_kind(ds, j, &kind));
    ck_assert_int_eq(kind, EGDI_COLUMN_LABEL);
    ck_assert_str_eq(egdi_dataset_get_label(ds, 0, j), "0,5");
    OK(egdi_dataset_find_column(ds, "c", &j));
    OK(egdi_dataset_column_kind(ds, j, &kind));
    ck_assert_int_eq(kind, EGDI_COLUMN_LABEL);
    egdi_dataset_free(ds);
    /* the version-2 initialiser writes the new defaults */
    OK(egdi_csv_options_init_version(&o, 2));
    ck_assert_uint_eq(o.version, 2);
    ck_assert_ptr_null(o.numeric_columns);
    ck_assert_uint_eq(o.n_numeric_columns, 0);
    ck_assert_int_eq(o.decimal, '.');
    /* a version-2 struct with junk where the version-3 provenance fields would
     * be: the writers must not read them (junk n_meta and pointers) */
    memset(&o, 0xA5, sizeof o);
    OK(egdi_csv_options_init_version(&o, 2));
    ds = NULL;
    OK(egdi_dataset_read_csv_buffer("code,x\nA,1\n", 11, NULL, &ds));
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    OK(egdi_dataset_write_json_stream(ds, fp, &o));
    fclose(fp);
    ck_assert_str_eq(buf, "[\n {\"code\": \"A\", \"name\": \"A\", \"x\": 1}\n]\n");
    free(buf);
    egdi_dataset_free(ds);
    /* versions past the current one are refused */
    FAILS(egdi_csv_options_init_version(&o, EGDI_CSV_OPTIONS_VERSION + 1), EGDI_ERR_INVALID_ARG,
          "egdi_csv_options: version 4, expected 1..3");
}
END_TEST

/* ---- streams and paths ---- */

START_TEST(stream_names_its_source)
{
    static char good[] = "name,a\nX,1\nY,2.5\n";
    FILE *fp = fmemopen(good, strlen(good), "r");
    ck_assert_ptr_nonnull(fp);
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_read_csv_stream(fp, "<stdin>", NULL, &ds));
    ck_assert_double_eq(col_value(ds, "Y", "a"), 2.5);
    fclose(fp);
    egdi_dataset_free(ds);
    ds = NULL;
    /* line 3 has one field where the header has two */
    static char ragged[] = "name,a\nX,1\nY\n";
    fp = fmemopen(ragged, strlen(ragged), "r");
    ck_assert_ptr_nonnull(fp);
    FAILS(egdi_dataset_read_csv_stream(fp, "<stdin>", NULL, &ds), EGDI_ERR_PARSE,
          "<stdin>:3: row has 1 fields, the header has 2");
    ck_assert_int_eq(fseek(fp, 0, SEEK_SET), 0);
    FAILS(egdi_dataset_read_csv_stream(fp, NULL, NULL, &ds), EGDI_ERR_PARSE,
          "<stream>:3: row has 1 fields, the header has 2");
    fclose(fp);
    ck_assert_ptr_null(ds);
}
END_TEST

START_TEST(directory_path_is_an_io_error)
{
    char dir[64], want[128];
    make_dir(dir, sizeof dir, "csv");
    egdi_dataset *ds = NULL;
    snprintf(want, sizeof want, "%s: is a directory", dir);
    FAILS(egdi_dataset_read_csv(dir, NULL, &ds), EGDI_ERR_IO, want);
    FAILS(egdi_survey_read_un_csv(dir, 0, &ds), EGDI_ERR_IO, want);
    ck_assert_ptr_null(ds);
    rm_tree(dir);
}
END_TEST

START_TEST(tiny_numbers_read_back)
{
    /* found by fuzzing: the writer prints the subnormal 5e-324 as it is and
     * 1.1's reader refused it; an underflow now reads as the nearest double
     * (1e-400 -> 0), an overflow (1e400) stays an error */
    const char text[] = "code,x\nA,5e-324\nB,1e-400\nC,2.2250738585072014e-308\n";
    egdi_dataset *ds = NULL;
    OK(egdi_dataset_read_csv_buffer(text, strlen(text), NULL, &ds));
    double v[3];
    OK(egdi_dataset_get_numeric(ds, 0, v, 3));
    ck_assert(v[0] == 4.9406564584124654e-324);
    ck_assert(v[1] == 0.0);
    ck_assert(v[2] == 2.2250738585072014e-308);
    egdi_dataset_free(ds);
}
END_TEST

/* --decimals rounds measurements, never ranks or years: a column of whole
 * numbers is written as whole numbers (a column with one fraction is not). */
START_TEST(decimals_spare_whole_number_columns)
{
    egdi_dataset *ds = read_text("code,x,rank,year,mixed\nA,0.12345,1,2024,3\nB,2,12,,3.5\n");
    egdi_csv_options o;
    egdi_csv_options_init(&o);
    o.decimals = 2;
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    OK(egdi_dataset_write_csv_stream(ds, fp, &o));
    fclose(fp);
    ck_assert_str_eq(buf, "code,name,x,rank,year,mixed\nA,A,0.12,1,2024,3.00\nB,B,2.00,12,,3.50\n");
    free(buf);
    fp = open_memstream(&buf, &len);
    OK(egdi_dataset_write_json_stream(ds, fp, &o));
    fclose(fp);
    ck_assert_ptr_nonnull(strstr(buf, "\"x\": 0.12, \"rank\": 1, \"year\": 2024, \"mixed\": 3.00}"));
    free(buf);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(provenance_in_json_and_csv_comment)
{
    egdi_dataset *ds = read_text("code,name,x\nA,Ay,0.5\n");
    const char *keys[] = {"edition", "input"}, *vals[] = {"2024", "in \"q\".csv"};
    egdi_csv_options o;
    egdi_csv_options_init(&o);
    o.meta_keys = keys;
    o.meta_values = vals;
    o.n_meta = 2;
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    OK(egdi_dataset_write_json_stream(ds, fp, &o));
    fclose(fp);
    ck_assert_str_eq(buf, "{\"provenance\": {\"edition\": \"2024\", \"input\": \"in \\\"q\\\".csv\"},\n"
                          "\"rows\": [\n {\"code\": \"A\", \"name\": \"Ay\", \"x\": 0.5}\n]}\n");
    free(buf);
    /* CSV: plain unless the comment line is asked for */
    fp = open_memstream(&buf, &len);
    OK(egdi_dataset_write_csv_stream(ds, fp, &o));
    fclose(fp);
    ck_assert_str_eq(buf, "code,name,x\nA,Ay,0.5\n");
    free(buf);
    o.meta_comment = 1;
    fp = open_memstream(&buf, &len);
    OK(egdi_dataset_write_csv_stream(ds, fp, &o));
    fclose(fp);
    ck_assert_str_eq(buf, "# {\"edition\": \"2024\", \"input\": \"in \\\"q\\\".csv\"}\n"
                          "code,name,x\nA,Ay,0.5\n");
    free(buf);
    /* a repeated key, an empty key and missing arrays are refused before writing */
    const char *dup[] = {"edition", "edition"};
    o.meta_keys = dup;
    fp = open_memstream(&buf, &len);
    ck_assert_int_eq(egdi_dataset_write_json_stream(ds, fp, &o), EGDI_ERR_DUPLICATE);
    ck_assert_ptr_nonnull(strstr(egdi_last_error(), "'edition' given twice"));
    const char *empty[] = {"edition", ""};
    o.meta_keys = empty;
    ck_assert_int_eq(egdi_dataset_write_json_stream(ds, fp, &o), EGDI_ERR_INVALID_ARG);
    ck_assert_ptr_nonnull(strstr(egdi_last_error(), "provenance entry 2: empty key"));
    o.meta_keys = NULL;
    ck_assert_int_eq(egdi_dataset_write_csv_stream(ds, fp, &o), EGDI_ERR_INVALID_ARG);
    fclose(fp);
    ck_assert_uint_eq(len, 0);
    free(buf);
    egdi_dataset_free(ds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("csv");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, quoting_crlf_bom);
    tcase_add_test(tc, tiny_numbers_read_back);
    tcase_add_test(tc, semicolon_and_missing_markers);
    tcase_add_test(tc, errors_name_the_place);
    tcase_add_test(tc, write_round_trip_and_json);
    tcase_add_test(tc, failed_write_leaves_no_file);
    tcase_add_test(tc, nul_byte_is_refused_with_its_offset);
    tcase_add_test(tc, invalid_utf8_is_refused_with_its_offset);
    tcase_add_test(tc, valid_multibyte_text_round_trips);
    tcase_add_test(tc, tab_and_pipe_delimiters);
    tcase_add_test(tc, wrong_or_unknown_delimiter);
    tcase_add_test(tc, duplicate_headers_name_both_columns);
    tcase_add_test(tc, numeric_columns_refuse_non_numbers);
    tcase_add_test(tc, numeric_columns_accept_missing_markers);
    tcase_add_test(tc, decimal_comma_option);
    tcase_add_test(tc, version_1_options_get_version_2_defaults);
    tcase_add_test(tc, stream_names_its_source);
    tcase_add_test(tc, directory_path_is_an_io_error);
    tcase_add_test(tc, provenance_in_json_and_csv_comment);
    tcase_add_test(tc, decimals_spare_whole_number_columns);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
