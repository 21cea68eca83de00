/* egdi index stats META.csv DATA.csv: statistics of an index's indicators and
 * aggregates (describe.h): the per-node table (COINr's get_stats), a
 * correlation matrix within or across levels with p-values, each node's
 * correlation with its parent, or Cronbach's alpha per aggregate.
 *
 * Values: indicators are described by their input columns (COINr's "Raw")
 * unless --scores asks for their computed (normalised) scores; aggregates by
 * their computed scores. The index is computed only when a level above 1,
 * --with-parent, --cronbach or --scores needs it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_index.h"

#define USAGE                                                                                  \
    "usage: egdi index stats [--level N[,M]] [--corr pearson|spearman|kendall] [--pvalues] "  \
    "[--max-p P] [--group-level G] [--with-parent] [--cronbach] [--scores] "                   \
    "[--normalise 'METHOD PARAMS'] [--aggregate 'METHOD PARAMS'] [--code-column C] "           \
    "[--name-column C] [--decimals N] [-f table|csv|json] [-o FILE] META.csv DATA.csv"

typedef struct stats_opts {
    index_opts io;
    int level, level2;      /* --level N[,M]; 0 = not given */
    int corr, pvalues;      /* --corr given; --pvalues */
    egdi_corr_method method;
    double max_p;
    int group_level, with_parent, cronbach, scores;
} stats_opts;

/* Every node's values by code: the computed scores, with the indicators' input columns
 * in place of their scores unless --scores. */
static int node_values(const egdi_index *idx, const egdi_dataset *data, const stats_opts *so,
                       const char *source, egdi_dataset **out)
{
    egdi_result *res = NULL;
    egdi_status st = egdi_compute(idx, data, &res);
    if (st != EGDI_OK)
        return tool_fail(source, st);
    egdi_result_table_options to = EGDI_RESULT_TABLE_OPTIONS_INIT;
    to.ranks = 0, to.imputed = 0, to.labels = 0;
    st = egdi_result_to_dataset(res, data, &to, out);
    egdi_result_free(res);
    size_t n = egdi_dataset_n_units(data);
    double *v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        st = egdi_set_error(EGDI_ERR_NOMEM, "out of memory");
    for (size_t k = 0; st == EGDI_OK && !so->scores && k < egdi_index_n_nodes(idx); k++) {
        size_t from, to_col;
        if (egdi_index_node_is_indicator(idx, k) != 1)
            continue;
        if ((st = egdi_dataset_find_column(data, egdi_index_node_source(idx, k), &from)) ==
                EGDI_OK &&
            (st = egdi_dataset_get_numeric(data, from, v, n)) == EGDI_OK &&
            (st = egdi_dataset_find_column(*out, egdi_index_node_code(idx, k), &to_col)) ==
                EGDI_OK)
            st = egdi_dataset_set_numeric(*out, to_col, v, n);
    }
    free(v);
    if (st != EGDI_OK) {
        egdi_dataset_free(*out);
        *out = NULL;
        return tool_fail(source, st);
    }
    return EXIT_OK;
}

/* A table on the terminal: row code, then every column (numbers with `decimals`). */
static void print_stats(const egdi_dataset *ds, int decimals)
{
    size_t n = egdi_dataset_n_units(ds), nc = egdi_dataset_n_columns(ds);
    int w0 = 4;
    for (size_t i = 0; i < n; i++)
        w0 = (int)strlen(egdi_dataset_unit_code(ds, i)) > w0
                 ? (int)strlen(egdi_dataset_unit_code(ds, i))
                 : w0;
    print_cell(stdout, "code", w0, 0);
    for (size_t j = 0; j < nc; j++) {
        const char *h = egdi_dataset_column_name(ds, j);
        int w = (int)strlen(h) > decimals + 4 ? (int)strlen(h) : decimals + 4;
        printf(" ");
        print_cell(stdout, h, w, 1);
    }
    printf("\n");
    for (size_t i = 0; i < n; i++) {
        print_cell(stdout, egdi_dataset_unit_code(ds, i), w0, 0);
        for (size_t j = 0; j < nc; j++) {
            const char *h = egdi_dataset_column_name(ds, j);
            int w = (int)strlen(h) > decimals + 4 ? (int)strlen(h) : decimals + 4;
            egdi_column_kind kind = EGDI_COLUMN_NUMERIC;
            double v;
            char cellbuf[64];
            egdi_dataset_column_kind(ds, j, &kind);
            if (kind == EGDI_COLUMN_LABEL)
                snprintf(cellbuf, sizeof cellbuf, "%s", egdi_dataset_get_label(ds, i, j));
            else if (egdi_dataset_get_value(ds, i, j, &v) != EGDI_OK || isnan(v))
                snprintf(cellbuf, sizeof cellbuf, "-");
            else if (v == floor(v) && fabs(v) < 1e15 &&
                     (strncmp(h, "N.", 2) == 0 || strcmp(h, "n") == 0 ||
                      strcmp(h, "n_items") == 0))
                snprintf(cellbuf, sizeof cellbuf, "%.0f", v); /* counts */
            else
                snprintf(cellbuf, sizeof cellbuf, "%.*f", decimals, v);
            printf(" ");
            print_cell(stdout, cellbuf, w, 1);
        }
        printf("\n");
    }
}

static int run(char *meta, char *data_path, stats_opts *so)
{
    char *inputs[2] = {meta, data_path};
    int rc = check_output(&so->io.c, inputs, 2);
    egdi_index *idx = NULL;
    egdi_dataset *data = NULL, *values = NULL, *out = NULL, *pv = NULL;
    const char *source = strcmp(data_path, "-") == 0 ? "<stdin>" : data_path;
    if (rc == EXIT_OK)
        rc = index_read_meta(meta, &so->io, &idx);
    if (rc == EXIT_OK)
        rc = index_read_data(data_path, &so->io, idx, &data);
    int level = so->level ? so->level : 1, level2 = so->level2 ? so->level2 : level;
    int compute = so->scores || so->with_parent || so->cronbach || level > 1 || level2 > 1;
    if (rc == EXIT_OK && compute)
        rc = node_values(idx, data, so, source, &values);
    const egdi_dataset *vals = compute ? values : data;
    egdi_corr_options co = EGDI_CORR_OPTIONS_INIT;
    co.method = so->method;
    co.max_p = so->max_p;
    co.group_level = so->group_level;
    egdi_status st = EGDI_OK;
    if (rc == EXIT_OK) {
        if (so->with_parent)
            st = egdi_index_parent_correlations(idx, vals, &co, &out);
        else if (so->cronbach)
            st = egdi_index_cronbach(idx, vals, so->level, &out);
        else if (so->corr)
            st = egdi_index_correlate(idx, vals, level, level2, &co, &out,
                                      so->pvalues ? &pv : NULL);
        else
            st = egdi_index_describe(idx, vals, level, NULL, &out);
        if (st != EGDI_OK)
            rc = st == EGDI_ERR_INVALID_ARG ? (fprintf(stderr, "egdi: index stats: %s\n",
                                                       egdi_last_error()), EXIT_USAGE)
                                            : tool_fail(source, st);
    }
    const egdi_dataset *shown = pv ? pv : out;
    if (rc == EXIT_OK) {
        provenance_set("definition", meta);
        provenance_set("input", source);
        if (WANTS_TABLE(&so->io.c))
            print_stats(shown, so->io.c.decimals < 0 ? 4 : so->io.c.decimals);
        else
            rc = write_dataset(shown, &so->io.c, 0);
    }
    egdi_dataset_free(out), egdi_dataset_free(pv), egdi_dataset_free(values);
    egdi_dataset_free(data);
    egdi_index_free(idx);
    return rc;
}

/* "N" or "N,M" into levels 1..99. */
static int parse_levels(const char *val, int *a, int *b)
{
    char *end;
    if (!val)
        return 0;
    long x = strtol(val, &end, 10), y = 0;
    if (end == val || x < 1 || x > 99)
        return 0;
    if (*end == ',') {
        const char *s = end + 1;
        y = strtol(s, &end, 10);
        if (end == s || y < 1 || y > 99)
            return 0;
    }
    if (*end)
        return 0;
    *a = (int)x, *b = (int)y;
    return 1;
}

int index_stats(int argc, char **argv)
{
    stats_opts so;
    memset(&so, 0, sizeof so);
    index_opts io0 = {.c = COMMON_OPTS_INIT, .rank_decimals = -1};
    so.io = io0;
    char *files[2];
    int n_files = 0;
    for (int i = 0; i < argc; i++) {
        int c = index_parse_option(argc, argv, &i, &so.io, 1, "index stats");
        if (c < 0)
            return EXIT_USAGE;
        if (c)
            continue;
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        long d;
        if (strcmp(a, "--level") == 0) {
            if (!parse_levels(val, &so.level, &so.level2))
                return tool_usage("index stats: --level takes N or N,M (levels 1..99)");
            i++;
        } else if (strcmp(a, "--corr") == 0) {
            if (!val || egdi_corr_method_from_name(val, &so.method) != EGDI_OK)
                return tool_usage("index stats: --corr takes pearson, spearman or kendall");
            so.corr = 1;
            i++;
        } else if (strcmp(a, "--max-p") == 0) {
            char *end;
            so.max_p = val ? strtod(val, &end) : -1;
            if (!val || *end || !(so.max_p > 0 && so.max_p <= 1))
                return tool_usage("index stats: --max-p takes a p-value in (0, 1]");
            i++;
        } else if (strcmp(a, "--group-level") == 0) {
            if (!parse_int(val, 2, 99, &d))
                return tool_usage("index stats: --group-level takes a level 2..99");
            so.group_level = (int)d;
            i++;
        } else if (strcmp(a, "--pvalues") == 0) {
            so.pvalues = 1;
        } else if (strcmp(a, "--with-parent") == 0) {
            so.with_parent = 1;
        } else if (strcmp(a, "--cronbach") == 0) {
            so.cronbach = 1;
        } else if (strcmp(a, "--scores") == 0) {
            so.scores = 1;
        } else if (a[0] == '-' && a[1]) {
            return tool_usage("index stats: unknown option %s\n" USAGE, a);
        } else if (n_files == 2) {
            return tool_usage("index stats: too many files\n" USAGE);
        } else {
            files[n_files++] = argv[i];
        }
    }
    if (n_files != 2)
        return tool_usage("index stats: give META.csv and DATA.csv\n" USAGE);
    if (so.with_parent + so.cronbach > 1)
        return tool_usage("index stats: give one of --with-parent and --cronbach");
    if ((so.pvalues || so.group_level) && !so.corr)
        return tool_usage("index stats: --pvalues and --group-level go with --corr");
    if (so.level2 && !so.corr)
        return tool_usage("index stats: --level N,M (two levels) goes with --corr");
    if ((so.max_p > 0) && !so.corr && !so.with_parent)
        return tool_usage("index stats: --max-p goes with --corr or --with-parent");
    return run(files[0], files[1], &so);
}
