/* egdi panel: the editions as one panel: each country's trajectory, the
 * biggest movers between two editions, the long table as csv/json. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_panel.h"

void panel_inputs_free(panel_inputs *in)
{
    for (int k = 0; k < in->n; k++)
        egdi_dataset_free(in->data[k]);
    in->n = 0;
}

/* Read one file into in (skipped outside [from, to]); an exit code. */
static int load_one(const char *cmd, const char *path, const common_opts *o, int from, int to,
                    panel_inputs *in)
{
    egdi_dataset *d = NULL;
    int is_un, rc = read_input(path, o, EGDI_INPUT_COMPONENTS, &d, &is_un);
    if (rc != EXIT_OK)
        return rc;
    int y = dataset_year(d);
    egdi_edition_info e = {.version = EGDI_EDITION_INFO_VERSION};
    if (y <= 0) {
        fprintf(stderr, "egdi: %s: %s has no survey_year column holding a year (each file's "
                        "edition comes from it)\n", cmd, path);
        rc = EXIT_INPUT;
    } else if (egdi_survey_edition_info(y, &e) != EGDI_OK) {
        fprintf(stderr, "egdi: %s: %s: %s\n", cmd, path, egdi_last_error());
        rc = EXIT_FAIL;
    }
    for (int k = 0; k < in->n && rc == EXIT_OK; k++)
        if (in->years[k] == y)
            rc = tool_usage("%s: %s: edition %d is given twice", cmd, path, y);
    if (rc != EXIT_OK || (from && y < from) || (to && y > to)) {
        egdi_dataset_free(d);
        return rc;
    }
    in->years[in->n] = y;
    in->data[in->n++] = d;
    return EXIT_OK;
}

int panel_load(const char *cmd, char **paths, int n, const common_opts *o, int from, int to,
               panel_inputs *in, egdi_dataset **panel)
{
    in->n = 0;
    *panel = NULL;
    int rc = EXIT_OK;
    for (int f = 0; f < n && rc == EXIT_OK; f++)
        rc = load_one(cmd, paths[f], o, from, to, in);
    if (rc == EXIT_OK && in->n == 0)
        rc = tool_usage("%s: no edition between %d and %d among the inputs", cmd, from, to);
    /* check_output() has refused a --countries file that is not a country table */
    const egdi_dataset *countries = rc == EXIT_OK ? load_country_table(o->countries) : NULL;
    egdi_status st;
    egdi_panel_options po = EGDI_PANEL_OPTIONS_INIT;
    po.countries = countries;
    po.allow_out_of_range = o->allow_out_of_range;
    po.allow_edition_mismatch = o->allow_edition_mismatch;
    if (rc == EXIT_OK &&
        (st = egdi_panel_compute(in->years, (const egdi_dataset *const *)in->data,
                                 (size_t)in->n, &po, panel)) != EGDI_OK)
        rc = tool_fail(cmd, st);
    if (rc == EXIT_OK) {
        char list[PANEL_MAX_FILES * 6] = "";
        for (int k = 0; k < in->n; k++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%d", k ? "," : "",
                     in->years[k]);
        provenance_set("editions", list);
    }
    return rc;
}

static int by_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

int panel_select(const egdi_dataset *table, char **only, int n_only, const char *countries,
                 egdi_dataset **out)
{
    size_t rows[256], m = 0, r;
    for (int k = 0; k < n_only && k < 256; k++) {
        int rc = find_country(table, only[k], countries, &r);
        if (rc != EXIT_OK)
            return rc;
        size_t q = 0;
        while (q < m && rows[q] != r)
            q++;
        if (q == m)
            rows[m++] = r;
    }
    qsort(rows, m, sizeof *rows, by_size); /* in the table's order */
    egdi_status st = egdi_dataset_select_units(table, rows, m, out);
    return st == EGDI_OK ? EXIT_OK : tool_fail("selecting countries", st);
}

void panel_print_changes(FILE *fp, const int *years, int n)
{
    char text[1024];
    for (int k = 1; k < n; k++) {
        size_t len = 0;
        if (egdi_panel_changes_text(years[k - 1], years[k], text, sizeof text, &len) != EGDI_OK) {
            egdi_clear_error(); /* not a built-in edition: nothing known */
            continue;
        }
        if (len)
            fprintf(fp, "methodology changed %d -> %d: %s\n", years[k - 1], years[k], text);
    }
}

static double value(const egdi_dataset *ds, size_t i, const char *what, int y)
{
    char name[48];
    double v = NAN;
    snprintf(name, sizeof name, "%s_%d", what, y);
    size_t j = col(ds, name);
    if (j == (size_t)-1 || egdi_dataset_get_value(ds, i, j, &v) != EGDI_OK)
        return NAN;
    return v;
}

static int name_width(const egdi_dataset *ds)
{
    int w = 10;
    for (size_t i = 0; i < egdi_dataset_n_units(ds); i++) {
        int len = (int)strlen(egdi_dataset_unit_name(ds, i));
        w = len > w ? (len > 32 ? 32 : len) : w;
    }
    return w;
}

void panel_print_table(const egdi_dataset *ds, const int *years, int n, int decimals,
                       int ranks_only)
{
    int w = name_width(ds);
    printf("code  ");
    print_cell(stdout, "name", w, 0);
    for (int f = 0; f < n; f++)
        printf(ranks_only ? "  %4d" : "  %4d EGDI rank", years[f]);
    printf(n > 1 ? "   rank change\n" : "\n");
    for (size_t i = 0; i < egdi_dataset_n_units(ds); i++) {
        char name[33];
        snprintf(name, sizeof name, "%s", egdi_dataset_unit_name(ds, i));
        printf("%-4s  ", egdi_dataset_unit_code(ds, i));
        print_cell(stdout, name, w, 0);
        double first = NAN, rk = NAN;
        for (int f = 0; f < n; f++) {
            double v = value(ds, i, "egdi", years[f]);
            rk = value(ds, i, "rank", years[f]);
            first = f == 0 ? rk : first;
            if (ranks_only && isnan(rk))
                printf("  %4s", "-");
            else if (ranks_only)
                printf("  %4.0f", rk);
            else if (isnan(v) || isnan(rk))
                printf("  %9s %4s", "-", "-");
            else
                printf("  %9.*f %4.0f", decimals, v, rk);
        }
        if (n > 1 && (isnan(first) || isnan(rk)))
            printf("   %11s", "-");
        else if (n > 1)
            printf("   %+11.0f", first - rk);
        printf("\n");
    }
}

/* One country's trajectory: a row per edition of the panel rows `rows`. */
static void print_trajectory(const egdi_dataset *p, const size_t *rows, size_t m, int decimals)
{
    static const char *const num[] = {"egdi", "osi", "tii", "hci", "epi"};
    size_t jc = col(p, "code"), je = col(p, "edition"), jr = col(p, "rank");
    size_t jg = col(p, "group"), jk = col(p, "rating_class");
    printf("%s (%s)\n", egdi_dataset_unit_name(p, rows[0]), egdi_dataset_get_label(p, rows[0], jc));
    printf("edition  %*s  %*s  %*s  %*s  %*s  rank  group      class  methodology changes\n",
           decimals + 2, "EGDI", decimals + 2, "OSI", decimals + 2, "TII", decimals + 2, "HCI",
           decimals + 2, "EPI");
    int prev = 0;
    for (size_t k = 0; k < m; k++) {
        double y = NAN, v = NAN;
        egdi_dataset_get_value(p, rows[k], je, &y);
        printf("%7.0f", y);
        for (int c = 0; c < 5; c++) {
            if (egdi_dataset_get_value(p, rows[k], col(p, num[c]), &v) != EGDI_OK || isnan(v))
                printf("  %*s", decimals + 2, "-");
            else
                printf("  %.*f", decimals, v);
        }
        egdi_dataset_get_value(p, rows[k], jr, &v);
        if (isnan(v))
            printf("  %4s", "-");
        else
            printf("  %4.0f", v);
        printf("  %-9s  %-5s", egdi_dataset_get_label(p, rows[k], jg) ? egdi_dataset_get_label(p, rows[k], jg) : "",
               egdi_dataset_get_label(p, rows[k], jk) ? egdi_dataset_get_label(p, rows[k], jk) : "");
        unsigned flags = 0;
        if (prev && egdi_panel_changes(prev, (int)y, &flags) != EGDI_OK)
            egdi_clear_error();
        printf(" ");
        for (unsigned b = 0; b < EGDI_N_CHANGES; b++)
            if (flags & (1u << b))
                printf(" %s", egdi_panel_change_name(1u << b));
        printf("\n");
        prev = (int)y;
    }
}

/* The rows of panel p whose code is one of the unit codes of `sel`; an exit code. */
static int panel_rows_of(const egdi_dataset *p, const egdi_dataset *sel, egdi_dataset **out)
{
    size_t n = egdi_dataset_n_units(p), m = 0, jc = col(p, "code");
    size_t *rows = malloc((n ? n : 1) * sizeof *rows);
    if (!rows)
        return tool_fail("panel", egdi_set_error(EGDI_ERR_NOMEM, "out of memory"));
    /* in the order of sel (a few countries), each country's editions ascending */
    for (size_t s = 0; s < egdi_dataset_n_units(sel); s++)
        for (size_t i = 0; i < n; i++) {
            const char *c = egdi_dataset_get_label(p, i, jc);
            if (c && strcmp(c, egdi_dataset_unit_code(sel, s)) == 0)
                rows[m++] = i;
        }
    egdi_status st = egdi_dataset_select_units(p, rows, m, out);
    free(rows);
    return st == EGDI_OK ? EXIT_OK : tool_fail("panel", st);
}

/* --top N: the N biggest gains and the N biggest falls of a movers table. */
static int top_movers(const egdi_dataset *mv, const char *change, long top, egdi_dataset **out)
{
    size_t n = egdi_dataset_n_units(mv), j = col(mv, change), ranked = 0, m = 0;
    size_t *rows = malloc((n ? n : 1) * sizeof *rows);
    double v;
    while (ranked < n && egdi_dataset_get_value(mv, ranked, j, &v) == EGDI_OK && !isnan(v))
        ranked++; /* rows with a change come first */
    for (size_t i = 0; rows && i < ranked; i++)
        if (i < (size_t)top || i >= ranked - (size_t)(top < (long)ranked ? top : (long)ranked))
            rows[m++] = i;
    egdi_status st = rows ? egdi_dataset_select_units(mv, rows, m, out)
                          : egdi_set_error(EGDI_ERR_NOMEM, "out of memory");
    free(rows);
    return st == EGDI_OK ? EXIT_OK : tool_fail("panel --top", st);
}

/* The bundled Data Center exports of [from, to] next to the country table. */
static int bundled(char (*buf)[512], char **paths, int from, int to, int *n)
{
    const char *c = default_countries();
    const char *slash = c ? strrchr(c, '/') : NULL;
    if (!slash) {
        fprintf(stderr, "egdi: panel: no bundled data found; give the Data Center files\n");
        return EXIT_INPUT;
    }
    *n = 0;
    for (size_t e = 0; e < egdi_survey_n_editions() && *n < PANEL_MAX_FILES; e++) {
        int y = egdi_survey_edition(e);
        if ((from && y < from) || (to && y > to))
            continue;
        snprintf(buf[*n], sizeof buf[*n], "%.*s/un-egov/EGOV_DATA_%d.csv", (int)(slash - c), c, y);
        paths[*n] = buf[*n];
        (*n)++;
    }
    return EXIT_OK;
}

static int usage_panel(const char *what)
{
    return tool_usage("panel: %s\nusage: egdi panel [--countries FILE] [--country NAME|CODE]... "
                      "[--from YEAR] [--to YEAR] [--movers A:B [--top N]] "
                      "[-f table|csv|json] [-o FILE] [FILE...]", what);
}

int cmd_panel(int argc, char **argv)
{
    common_opts o = COMMON_OPTS_INIT;
    char *paths[PANEL_MAX_FILES], *only[256], files[PANEL_MAX_FILES][512];
    int n = 0, n_only = 0, mv[2] = {0, 0};
    long from = 0, to = 0, top = 0;
    for (int i = 0; i < argc; i++) {
        int c = parse_common(argc, argv, &i, &o);
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (c < 0)
            return tool_usage("panel: bad value for %s", argv[i]);
        if (c)
            continue;
        if (strcmp(a, "--country") == 0 || strcmp(a, "-c") == 0) {
            if (!val || n_only == 256)
                return tool_usage("panel: --country needs a name or ISO code");
            only[n_only++] = argv[++i];
        } else if (strcmp(a, "--from") == 0 || strcmp(a, "--to") == 0) {
            if (!parse_int(val, 1000, 9999, a[2] == 'f' ? &from : &to))
                return tool_usage("panel: %s takes a year", a);
            i++;
        } else if (strcmp(a, "--movers") == 0) {
            char *end;
            long x = val ? strtol(val, &end, 10) : 0, y = 0;
            if (val && *end == ':')
                y = strtol(end + 1, &end, 10);
            if (!val || *end || x < 1000 || x > 9999 || y < 1000 || y > 9999 || x == y)
                return tool_usage("panel: --movers takes two editions, e.g. 2022:2024");
            mv[0] = (int)x, mv[1] = (int)y;
            i++;
        } else if (strcmp(a, "--top") == 0) {
            if (!parse_int(val, 1, 100000, &top))
                return tool_usage("panel: --top takes a positive number");
            i++;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "egdi: panel: unknown option %s\n", a);
            return usage_panel("unknown option");
        } else if (n == PANEL_MAX_FILES) {
            return tool_usage("panel: at most %d files", PANEL_MAX_FILES);
        } else {
            paths[n++] = argv[i];
        }
    }
    if (o.edition)
        return tool_usage("panel: each file's edition comes from its survey_year column");
    if (top && !mv[0])
        return tool_usage("panel: --top goes with --movers A:B");
    if (from && to && from > to)
        return tool_usage("panel: --from %ld is after --to %ld", from, to);
    for (int a = 0; a < n; a++)
        for (int b = a + 1; b < n; b++)
            if (strcmp(paths[a], "-") == 0 && strcmp(paths[b], "-") == 0)
                return tool_usage("panel: standard input ('-') can be read once only");
    int rc = n ? EXIT_OK : bundled(files, paths, (int)from, (int)to, &n);
    if (rc == EXIT_OK)
        rc = check_output(&o, paths, n);
    if (rc != EXIT_OK)
        return rc;
    panel_inputs in;
    egdi_dataset *p = NULL, *wide = NULL, *sel = NULL, *rows = NULL;
    rc = panel_load("panel", paths, n, &o, (int)from, (int)to, &in, &p);
    for (int k = 0; rc == EXIT_OK && mv[0] && k < 2; k++) {
        int e = 0;
        while (e < in.n && in.years[e] != mv[k])
            e++;
        if (e == in.n)
            rc = tool_usage("panel: --movers %d:%d: no edition %d among the inputs", mv[0],
                            mv[1], mv[k]);
    }
    egdi_status st = EGDI_OK;
    if (rc == EXIT_OK)
        st = mv[0] ? egdi_panel_compare(p, mv, 2, EGDI_PANEL_SORT_RANK_CHANGE, &wide)
                   : egdi_panel_compare(p, NULL, 0, EGDI_PANEL_SORT_LATEST_RANK, &wide);
    if (st != EGDI_OK)
        rc = tool_fail("panel", st);
    if (rc == EXIT_OK && n_only)
        rc = panel_select(wide, only, n_only, o.countries, &sel);
    if (rc == EXIT_OK && top) {
        char change[48];
        snprintf(change, sizeof change, "rank_change_%d_%d", mv[0], mv[1]);
        egdi_dataset *t = NULL;
        rc = top_movers(sel ? sel : wide, change, top, &t);
        egdi_dataset_free(sel);
        sel = t;
    }
    int dec = o.decimals < 0 ? 4 : o.decimals;
    if (rc == EXIT_OK && mv[0]) { /* the movers: one row per country */
        if (WANTS_TABLE(&o)) {
            printf("Rank changes %d -> %d, biggest gain first (> 0 = moved up)\n", mv[0], mv[1]);
            panel_print_changes(stdout, mv, 2);
            panel_print_table(sel ? sel : wide, mv, 2, dec, 0);
        } else {
            rc = write_dataset(sel ? sel : wide, &o, 0);
        }
    } else if (rc == EXIT_OK && WANTS_TABLE(&o) && !sel) { /* ranks of every country */
        panel_print_changes(stdout, in.years, in.n);
        panel_print_table(wide, in.years, in.n, dec, 1);
    } else if (rc == EXIT_OK && sel && (rc = panel_rows_of(p, sel, &rows)) == EXIT_OK &&
               WANTS_TABLE(&o)) { /* trajectories */
        size_t m = egdi_dataset_n_units(rows), jc = col(rows, "code");
        for (size_t k = 0, first = 0; k <= m; k++) {
            if (k < m && strcmp(egdi_dataset_get_label(rows, k, jc),
                                egdi_dataset_get_label(rows, first, jc)) == 0)
                continue;
            size_t idx[PANEL_MAX_FILES];
            for (size_t q = first; q < k; q++)
                idx[q - first] = q;
            printf(first ? "\n" : "");
            print_trajectory(rows, idx, k - first, dec);
            first = k;
        }
    } else if (rc == EXIT_OK) { /* the long panel (all of it, or the countries') */
        rc = write_dataset(rows ? rows : p, &o, 1);
    }
    egdi_dataset_free(rows);
    egdi_dataset_free(sel);
    egdi_dataset_free(wide);
    egdi_dataset_free(p);
    panel_inputs_free(&in);
    return rc;
}
