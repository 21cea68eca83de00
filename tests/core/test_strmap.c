/* The internal string map (lib/core/strmap.c) is hidden in the shared
 * library, so it is tested through the public functions that use it: unit
 * codes and names, column names, label levels, node codes, iMeta and CSV
 * reading. The sizes are those at which a linear lookup made the 1.0 code
 * quadratic (minutes); here each test takes well under a second even in a
 * Debug + ASan build. Nothing is timed: every lookup is checked for
 * correctness, against positions the test computes itself. */
#include "test_util.h"

enum { N_UNITS = 200000, N_COLS = 50000, N_AGG = 100, N_PER_AGG = 200 };

/* In the big loops one check assertion per lookup would cost a write to
 * check's log each (minutes): failures are counted and reported once. */
static size_t n_bad;
static char first_bad[256];
#define EXPECT(cond, ...)                                                  \
    do {                                                                   \
        if (!(cond) && n_bad++ == 0)                                       \
            snprintf(first_bad, sizeof first_bad, __VA_ARGS__);            \
    } while (0)
#define NONE_BAD() ck_assert_msg(n_bad == 0, "%zu failures, the first: %s", n_bad, first_bad)
static void reset_bad(void) { n_bad = 0; }

static size_t find_unit(const egdi_dataset *ds, const char *code)
{
    size_t i = (size_t)-1;
    return egdi_dataset_find_unit(ds, code, &i) == EGDI_OK ? i : (size_t)-1;
}

/* 200,000 units added one by one (two columns exist already, so every column
 * grows with them); names repeat after 100,000 units. */
START_TEST(units_one_by_one)
{
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_numeric(ds, "x", NULL, 0));
    OK(egdi_dataset_add_labels(ds, "region", NULL, 0));
    char code[32], name[32];
    for (size_t i = 0; i < N_UNITS; i++) {
        size_t at;
        snprintf(code, sizeof code, "C%06zu", i);
        snprintf(name, sizeof name, "Name %zu", i % (N_UNITS / 2));
        EXPECT(egdi_dataset_add_unit(ds, code, name, &at) == EGDI_OK && at == i, "add %s", code);
    }
    ck_assert_uint_eq(egdi_dataset_n_units(ds), N_UNITS);
    for (size_t i = 0; i < N_UNITS; i++) {
        size_t at;
        snprintf(code, sizeof code, "C%06zu", i);
        snprintf(name, sizeof name, "Name %zu", i % (N_UNITS / 2));
        EXPECT(find_unit(ds, code) == i, "find %s", code);
        EXPECT(egdi_dataset_find_unit_by_name(ds, name, &at) == EGDI_OK &&
               at == i % (N_UNITS / 2), "find '%s'", name); /* the first unit of that name */
    }
    NONE_BAD();
    size_t at;
    FAILS(egdi_dataset_find_unit(ds, "C200000", &at), EGDI_ERR_NOT_FOUND, "C200000");
    FAILS(egdi_dataset_find_unit(ds, "C00000", &at), EGDI_ERR_NOT_FOUND, "C00000");
    FAILS(egdi_dataset_find_unit_by_name(ds, "Name 100000", &at), EGDI_ERR_NOT_FOUND, "Name");
    /* duplicates, also after trimming, change nothing */
    FAILS(egdi_dataset_add_unit(ds, "C123456", NULL, NULL), EGDI_ERR_DUPLICATE, "'C123456'");
    FAILS(egdi_dataset_add_unit(ds, "  C000000 ", NULL, NULL), EGDI_ERR_DUPLICATE, "'C000000'");
    FAILS(egdi_dataset_add_units(ds, (const char *[]){"N1", "N2", "N1"}, NULL, 3),
          EGDI_ERR_DUPLICATE, "'N1'");
    FAILS(egdi_dataset_add_units(ds, (const char *[]){"N1", "C199999"}, NULL, 2),
          EGDI_ERR_DUPLICATE, "'C199999'");
    ck_assert_uint_eq(egdi_dataset_n_units(ds), N_UNITS);
    FAILS(egdi_dataset_find_unit(ds, "N1", &at), EGDI_ERR_NOT_FOUND, "N1"); /* all or nothing */
    /* new units in one call, then prefixes of each other */
    const char *batch[1000];
    char text[1000][24];
    for (size_t i = 0; i < 1000; i++) {
        snprintf(text[i], sizeof text[i], "B%03zu", i);
        batch[i] = text[i];
    }
    OK(egdi_dataset_add_units(ds, batch, NULL, 1000));
    char prefix[65] = "";
    for (size_t len = 1; len <= 64; len++) {
        prefix[len - 1] = 'A';
        OK(egdi_dataset_add_unit(ds, prefix, NULL, NULL));
    }
    for (size_t i = 0; i < 1000; i++)
        ck_assert_uint_eq(find_unit(ds, batch[i]), N_UNITS + i);
    for (size_t len = 64; len >= 1; len--) {
        prefix[len] = '\0';
        ck_assert_uint_eq(find_unit(ds, prefix), N_UNITS + 1000 + len - 1);
    }
    FAILS(egdi_dataset_add_unit(ds, "   ", NULL, NULL), EGDI_ERR_INVALID_ARG, "empty code");
    /* the columns grew with the units: missing values, settable at the end */
    double v;
    size_t last = egdi_dataset_n_units(ds) - 1;
    OK(egdi_dataset_get_value(ds, last, 0, &v));
    ck_assert(isnan(v));
    OK(egdi_dataset_set_value(ds, last, 0, 2.5));
    OK(egdi_dataset_get_value(ds, last, 0, &v));
    ck_assert(v == 2.5);
    ck_assert_str_eq(egdi_dataset_get_label(ds, N_UNITS - 1, 1), "");
    egdi_dataset_free(ds);
}
END_TEST

/* 50,000 columns found by name; removing columns keeps every lookup right. */
START_TEST(columns)
{
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_units(ds, (const char *[]){"u1", "u2"}, NULL, 2));
    char name[32];
    for (size_t j = 0; j < N_COLS; j++) {
        snprintf(name, sizeof name, "col%05zu", j);
        EXPECT(egdi_dataset_add_numeric(ds, name, (double[]){(double)j, -(double)j}, 2) ==
               EGDI_OK, "add %s", name);
    }
    FAILS(egdi_dataset_add_numeric(ds, "col00007", NULL, 0), EGDI_ERR_DUPLICATE, "'col00007'");
    FAILS(egdi_dataset_add_labels(ds, " col49999 ", NULL, 0), EGDI_ERR_DUPLICATE, "'col49999'");
    /* remove 0, the middle, the last and 20 others; `pos` follows the columns */
    size_t *id = malloc(N_COLS * sizeof *id), n = N_COLS;
    for (size_t j = 0; j < N_COLS; j++)
        id[j] = j;
    size_t gone[23] = {0, N_COLS / 2, N_COLS - 1};
    for (size_t r = 3; r < 23; r++)
        gone[r] = 1 + 2203 * r;
    for (size_t r = 0; r < 23; r++) {
        size_t at = 0;
        while (id[at] != gone[r])
            at++;
        OK(egdi_dataset_remove_column(ds, at));
        memmove(id + at, id + at + 1, (n - at - 1) * sizeof *id);
        n--;
    }
    ck_assert_uint_eq(egdi_dataset_n_columns(ds), n);
    for (size_t j = 0; j < n; j++) {
        size_t at;
        double v;
        snprintf(name, sizeof name, "col%05zu", id[j]);
        EXPECT(egdi_dataset_find_column(ds, name, &at) == EGDI_OK && at == j, "find %s", name);
        EXPECT(strcmp(egdi_dataset_column_name(ds, j), name) == 0, "name of %zu", j);
        EXPECT(egdi_dataset_get_value(ds, 1, j, &v) == EGDI_OK && v == -(double)id[j], "%s", name);
    }
    NONE_BAD();
    for (size_t r = 0; r < 23; r++) {
        size_t at;
        snprintf(name, sizeof name, "col%05zu", gone[r]);
        FAILS(egdi_dataset_find_column(ds, name, &at), EGDI_ERR_NOT_FOUND, name);
    }
    /* a removed name can be used again */
    OK(egdi_dataset_add_numeric(ds, "col25000", NULL, 0));
    size_t at;
    OK(egdi_dataset_find_column(ds, "col25000", &at));
    ck_assert_uint_eq(at, n);
    free(id);
    egdi_dataset_free(ds);
}
END_TEST

/* 100,000 units over 30,000 labels (every 7th unit unlabelled): levels are
 * numbered in order of first appearance, which the test works out with an
 * array indexed by label number. */
START_TEST(label_levels)
{
    enum { N = 100000, L = 30000 };
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    char code[32];
    for (size_t i = 0; i < N; i++) {
        snprintf(code, sizeof code, "u%zu", i);
        EXPECT(egdi_dataset_add_unit(ds, code, NULL, NULL) == EGDI_OK, "add %s", code);
    }
    NONE_BAD();
    const char **labels = malloc(N * sizeof *labels);
    char(*text)[24] = malloc(L * sizeof *text);
    int *level_of = malloc(L * sizeof *level_of), *expect = malloc(N * sizeof *expect);
    int *got = malloc(N * sizeof *got), n_levels = 0;
    for (size_t k = 0; k < L; k++) {
        snprintf(text[k], sizeof text[k], "L%05zu", k);
        level_of[k] = -1;
    }
    for (size_t i = 0; i < N; i++) {
        size_t k = (i * 7919) % L; /* every label, in a scrambled order */
        labels[i] = i % 7 == 6 ? NULL : text[k];
        if (labels[i] && level_of[k] < 0)
            level_of[k] = n_levels++;
        expect[i] = labels[i] ? level_of[k] : -1;
    }
    OK(egdi_dataset_add_labels(ds, "g", labels, N));
    size_t nl;
    OK(egdi_dataset_n_levels(ds, 0, &nl));
    ck_assert_uint_eq(nl, (size_t)n_levels);
    ck_assert_uint_eq(nl, L);
    OK(egdi_dataset_get_level_codes(ds, 0, got, N));
    ck_assert(memcmp(got, expect, N * sizeof *got) == 0);
    for (size_t k = 0; k < L; k++)
        EXPECT(strcmp(egdi_dataset_level(ds, 0, (size_t)level_of[k]), text[k]) == 0, "%s", text[k]);
    NONE_BAD();
    /* setting a label: an existing one keeps its level, a new one gets the next */
    OK(egdi_dataset_set_label(ds, 6, 0, "L00005"));
    OK(egdi_dataset_set_label(ds, 13, 0, "brand new"));
    OK(egdi_dataset_get_level_codes(ds, 0, got, N));
    ck_assert_int_eq(got[6], level_of[5]);
    ck_assert_int_eq(got[13], L);
    OK(egdi_dataset_n_levels(ds, 0, &nl));
    ck_assert_uint_eq(nl, L + 1);
    free(labels), free(text), free(level_of), free(expect), free(got);
    egdi_dataset_free(ds);
}
END_TEST

/* An index of 20,101 nodes (a root, 100 aggregates of 200 indicators each),
 * built through the API and read as iMeta with children listed before their
 * parents; computed on a dataset with one column per indicator. Unit i has
 * value i + (j % 2) in indicator j, so every aggregate (200 children, half
 * odd) and the root are exactly i + 0.5: (100 i + 100 (i + 1)) / 200. */
START_TEST(index_nodes)
{
    enum { N_IND = N_AGG * N_PER_AGG, N_NODES = 1 + N_AGG + N_IND };
    egdi_index *idx, *cp, *rd;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "root", NULL, 1));
    char code[32], parent[32];
    size_t cap = 64 + (size_t)N_NODES * 48, len = 0;
    char *imeta = malloc(cap);
    len += (size_t)snprintf(imeta, cap, "iCode,Parent,Weight,Type\n");
    for (size_t a = 0; a < N_AGG; a++) {
        snprintf(parent, sizeof parent, "agg%03zu", a);
        OK(egdi_index_add_aggregate(idx, parent, "root", 1));
        for (size_t k = 0; k < N_PER_AGG; k++) {
            snprintf(code, sizeof code, "ind%05zu", a * N_PER_AGG + k);
            EXPECT(egdi_index_add_indicator(idx, code, parent, 1) == EGDI_OK, "add %s", code);
            len += (size_t)snprintf(imeta + len, cap - len, "%s,%s,1,Indicator\n", code, parent);
        }
        len += (size_t)snprintf(imeta + len, cap - len, "%s,root,1,Aggregate\n", parent);
    }
    len += (size_t)snprintf(imeta + len, cap - len, "root,,1,Aggregate\n");
    FAILS(egdi_index_add_indicator(idx, "ind04242", "agg000", 1), EGDI_ERR_DUPLICATE,
          "duplicate node code 'ind04242'");
    FAILS(egdi_index_add_indicator(idx, "new", "agg100", 1), EGDI_ERR_INVALID_INDEX,
          "unknown parent 'agg100'");
    ck_assert_uint_eq(egdi_index_n_nodes(idx), N_NODES);
    OK(egdi_index_clone(idx, &cp));
    OK(egdi_index_read_csv_buffer(imeta, len, &rd));
    ck_assert_uint_eq(egdi_index_n_nodes(rd), N_NODES);
    for (size_t i = 0; i < N_NODES; i++) {
        size_t at;
        const char *c = egdi_index_node_code(idx, i);
        EXPECT(egdi_index_find_node(idx, c, &at) == EGDI_OK && at == i, "find %s", c);
        EXPECT(egdi_index_find_node(cp, c, &at) == EGDI_OK && at == i, "find %s in the clone", c);
        EXPECT(egdi_index_find_node(rd, c, &at) == EGDI_OK, "find %s in the iMeta", c);
        const char *p1 = egdi_index_node_parent(idx, i), *p2 = egdi_index_node_parent(rd, at);
        EXPECT(p1 ? p2 && strcmp(p1, p2) == 0 : p2 == NULL, "parent of %s", c);
    }
    NONE_BAD();
    /* a repeated code in iMeta names both lines (header = line 1) */
    len += (size_t)snprintf(imeta + len, cap - len, "ind00003,agg000,1,Indicator\n");
    egdi_index *bad = NULL;
    FAILS(egdi_index_read_csv_buffer(imeta, len, &bad), EGDI_ERR_DUPLICATE,
          "duplicate 'ind00003' (first on line 5)");
    ck_assert_ptr_null(bad);
    /* computed through a plan: every source column and node found by name */
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_units(ds, (const char *[]){"u0", "u1", "u2"}, NULL, 3));
    for (size_t j = 0; j < N_IND; j++) {
        double o = (double)(j % 2);
        snprintf(code, sizeof code, "ind%05zu", j);
        EXPECT(egdi_dataset_add_numeric(ds, code, (double[]){o, 1 + o, 2 + o}, 3) == EGDI_OK,
               "add %s", code);
    }
    NONE_BAD();
    egdi_result *res;
    OK(egdi_compute(rd, ds, &res));
    double v[3];
    OK(egdi_result_get_scores(res, "root", v, 3));
    for (int i = 0; i < 3; i++)
        ck_assert(v[i] == i + 0.5);
    OK(egdi_result_get_scores(res, "agg077", v, 3));
    ck_assert(v[2] == 2.5);
    egdi_plan *plan;
    OK(egdi_plan_new(rd, ds, &plan));
    for (size_t i = 0; i < N_NODES; i++) {
        size_t at;
        EXPECT(egdi_plan_find_node(plan, egdi_index_node_code(rd, i), &at) == EGDI_OK && at == i,
               "plan: find %s", egdi_index_node_code(rd, i));
    }
    NONE_BAD();
    egdi_plan_free(plan);
    egdi_result_free(res);
    egdi_dataset_free(ds);
    free(imeta);
    egdi_index_free(idx), egdi_index_free(cp), egdi_index_free(rd);
}
END_TEST

/* A CSV table of 100,000 rows; a repeated code is reported with its line. */
START_TEST(csv_rows)
{
    enum { N = 100000 };
    size_t cap = 32 + (size_t)N * 32, len = 0;
    char *csv = malloc(cap);
    len += (size_t)snprintf(csv, cap, "code,name,x\n");
    for (size_t i = 0; i < N; i++)
        len += (size_t)snprintf(csv + len, cap - len, "K%06zu,Unit %zu,%zu\n", i, i, i);
    egdi_dataset *ds;
    OK(egdi_dataset_read_csv_buffer(csv, len, NULL, &ds));
    ck_assert_uint_eq(egdi_dataset_n_units(ds), N);
    char code[32];
    for (size_t i = 0; i < N; i++) {
        snprintf(code, sizeof code, "K%06zu", i);
        double v = NAN;
        EXPECT(find_unit(ds, code) == i && egdi_dataset_get_value(ds, i, 0, &v) == EGDI_OK &&
               v == (double)i, "%s", code);
    }
    NONE_BAD();
    egdi_dataset_free(ds);
    len += (size_t)snprintf(csv + len, cap - len, "K012345,again,1\n");
    ds = NULL;
    FAILS(egdi_dataset_read_csv_buffer(csv, len, NULL, &ds), EGDI_ERR_DUPLICATE,
          "duplicate unit code 'K012345'");
    ck_assert_msg(strstr(egdi_last_error(), ":100002:") != NULL, "no line in '%s'",
                  egdi_last_error());
    ck_assert_ptr_null(ds);
    free(csv);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("strmap");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, reset_bad, NULL);
    tcase_add_test(tc, units_one_by_one);
    tcase_add_test(tc, columns);
    tcase_add_test(tc, label_levels);
    tcase_add_test(tc, index_nodes);
    tcase_add_test(tc, csv_rows);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
