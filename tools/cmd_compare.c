/* egdi compare: rank and score changes of the same units across editions. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "egdi_tool.h"

#define MAX_FILES 16

typedef struct edition_table {
    int year;
    egdi_dataset *tab;
    size_t j_egdi, j_rank;
} edition_table;

static int load(const char *path, const common_opts *o, edition_table *e)
{
    egdi_dataset *data = NULL;
    int is_un;
    int rc = read_input(path, o, EGDI_INPUT_COMPONENTS, &data, &is_un);
    if (rc != EXIT_OK)
        return rc;
    e->year = dataset_year(data);
    if (e->year <= 0) {
        egdi_dataset_free(data);
        fprintf(stderr, "egdi: compare: %s has no survey_year column holding a year\n", path);
        return EXIT_INPUT;
    }
    egdi_survey_options so;
    egdi_survey_options_init(&so);
    apply_survey_options(o, &so);
    egdi_status st = egdi_survey_compute_ex(e->year, EGDI_INPUT_COMPONENTS, data, &so, &e->tab);
    egdi_dataset_free(data);
    if (st != EGDI_OK)
        return tool_fail(path, st);
    e->j_egdi = col(e->tab, "egdi");
    e->j_rank = col(e->tab, "rank");
    return EXIT_OK;
}

static int wanted(const char *name, const char *code, char **only, int n_only)
{
    if (n_only == 0)
        return 1;
    for (int k = 0; k < n_only; k++)
        if (strcmp(only[k], name) == 0 || strcmp(only[k], code) == 0)
            return 1;
    return 0;
}

/* One output row per unit of the last edition: egdi_Y, rank_Y per edition and the
 * changes between consecutive editions (rank_change > 0 = moved up). */
static int build(edition_table *e, int n, char **only, int n_only, egdi_dataset **out)
{
    const egdi_dataset *last = e[n - 1].tab;
    size_t nu = egdi_dataset_n_units(last);
    egdi_dataset *ds = NULL;
    egdi_status st = egdi_dataset_new(&ds);
    size_t *rows = malloc((nu ? nu : 1) * sizeof *rows), m = 0;
    if (!rows)
        st = egdi_set_error(EGDI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; st == EGDI_OK && i < nu; i++) {
        const char *code = egdi_dataset_unit_code(last, i), *name = egdi_dataset_unit_name(last, i);
        if (!wanted(name, code, only, n_only))
            continue;
        rows[m++] = i;
        st = egdi_dataset_add_unit(ds, code, name, NULL);
    }
    char cname[64];
    for (int f = 0; f < n && st == EGDI_OK; f++) {
        size_t base = egdi_dataset_n_columns(ds);
        snprintf(cname, sizeof cname, "egdi_%d", e[f].year);
        st = egdi_dataset_add_numeric(ds, cname, NULL, 0);
        snprintf(cname, sizeof cname, "rank_%d", e[f].year);
        st = st ? st : egdi_dataset_add_numeric(ds, cname, NULL, 0);
        if (f > 0) {
            snprintf(cname, sizeof cname, "egdi_change_%d_%d", e[f - 1].year, e[f].year);
            st = st ? st : egdi_dataset_add_numeric(ds, cname, NULL, 0);
            snprintf(cname, sizeof cname, "rank_change_%d_%d", e[f - 1].year, e[f].year);
            st = st ? st : egdi_dataset_add_numeric(ds, cname, NULL, 0);
        }
        for (size_t r = 0; r < m && st == EGDI_OK; r++) {
            size_t u;
            double v = NAN, rk = NAN, pv = NAN, prk = NAN;
            if (egdi_dataset_find_unit(e[f].tab, egdi_dataset_unit_code(ds, r), &u) == EGDI_OK) {
                egdi_dataset_get_value(e[f].tab, u, e[f].j_egdi, &v);
                egdi_dataset_get_value(e[f].tab, u, e[f].j_rank, &rk);
            }
            egdi_dataset_set_value(ds, r, base, v);
            egdi_dataset_set_value(ds, r, base + 1, rk);
            if (f > 0) {
                size_t pb = base - (f > 1 ? 4 : 2);
                egdi_dataset_get_value(ds, r, pb, &pv);
                egdi_dataset_get_value(ds, r, pb + 1, &prk);
                egdi_dataset_set_value(ds, r, base + 2, v - pv);
                egdi_dataset_set_value(ds, r, base + 3, prk - rk);
            }
        }
        egdi_clear_error();
    }
    free(rows);
    if (st != EGDI_OK) {
        egdi_dataset_free(ds);
        return tool_fail("compare", st);
    }
    *out = ds;
    return EXIT_OK;
}

static void print_table(const egdi_dataset *ds, const edition_table *e, int n, int decimals)
{
    size_t nu = egdi_dataset_n_units(ds);
    int w = 10;
    for (size_t i = 0; i < nu; i++) {
        int len = (int)strlen(egdi_dataset_unit_name(ds, i));
        if (len > w)
            w = len > 32 ? 32 : len;
    }
    print_cell(stdout, "name", w, 0);
    for (int f = 0; f < n; f++)
        printf("  %4d EGDI rank", e[f].year);
    if (n > 1)
        printf("   rank change");
    printf("\n");
    for (size_t i = 0; i < nu; i++) {
        char name[33];
        snprintf(name, sizeof name, "%s", egdi_dataset_unit_name(ds, i));
        print_cell(stdout, name, w, 0);
        double first_rank = NAN, rk = NAN, v;
        size_t j = 0;
        for (int f = 0; f < n; f++) {
            egdi_dataset_get_value(ds, i, j, &v);
            egdi_dataset_get_value(ds, i, j + 1, &rk);
            if (f == 0)
                first_rank = rk;
            if (isnan(v))
                printf("  %9s %4s", "-", "-");
            else
                printf("  %9.*f %4.0f", decimals, v, rk);
            j += f == 0 ? 2 : 4;
        }
        if (n > 1) {
            if (isnan(first_rank) || isnan(rk))
                printf("   %11s", "-");
            else
                printf("   %+11.0f", first_rank - rk);
        }
        printf("\n");
    }
}

int cmd_compare(int argc, char **argv)
{
    common_opts o = COMMON_OPTS_INIT;
    char *paths[MAX_FILES], *only[256];
    int n = 0, n_only = 0;
    for (int i = 0; i < argc; i++) {
        int c = parse_common(argc, argv, &i, &o);
        if (c < 0)
            return tool_usage("compare: bad value for %s", argv[i]);
        if (c)
            continue;
        if (strcmp(argv[i], "--country") == 0 || strcmp(argv[i], "-c") == 0) {
            if (i + 1 >= argc || n_only == 256)
                return tool_usage("compare: --country needs a name or code");
            only[n_only++] = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return tool_usage("compare: unknown option %s", argv[i]);
        } else if (n == MAX_FILES) {
            return tool_usage("compare: at most %d files", MAX_FILES);
        } else {
            paths[n++] = argv[i];
        }
    }
    if (o.edition)
        return tool_usage("compare: each file's edition comes from its survey_year column");
    if (n < 2)
        return tool_usage("usage: egdi compare [--country NAME]... [--format table|csv|json] "
                          "[-o FILE] FILE_A FILE_B [FILE_C ...]");
    for (int a = 0; a < n; a++)
        for (int b = a + 1; b < n; b++)
            if (strcmp(paths[a], "-") == 0 && strcmp(paths[b], "-") == 0)
                return tool_usage("compare: standard input ('-') can be read once only");
    int rc = check_output(&o, paths, n);
    if (rc != EXIT_OK)
        return rc;
    edition_table e[MAX_FILES] = {{0}};
    for (int f = 0; f < n && rc == EXIT_OK; f++)
        rc = load(paths[f], &o, &e[f]);
    egdi_dataset *ds = NULL;
    if (rc == EXIT_OK)
        rc = build(e, n, only, n_only, &ds);
    if (rc == EXIT_OK && n_only && egdi_dataset_n_units(ds) == 0) {
        fprintf(stderr, "egdi: compare: no unit matches the --country names\n");
        rc = EXIT_FAIL;
    }
    if (rc == EXIT_OK) {
        if (WANTS_TABLE(&o))
            print_table(ds, e, n, o.decimals < 0 ? 4 : o.decimals);
        else
            rc = write_dataset(ds, &o, 0);
    }
    egdi_dataset_free(ds);
    for (int f = 0; f < n; f++)
        egdi_dataset_free(e[f].tab);
    return rc;
}
