/* egdi index: custom composite indices from an iMeta definition (COINr's layout).
 *   check META.csv             validate it and summarise the tree (cmd_index_check.c)
 *   compute META.csv DATA.csv  every node's score and rank per unit */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd_index.h"

#define USAGE                                                                                 \
    "usage: egdi index check [--normalise 'METHOD PARAMS'] [--aggregate 'METHOD PARAMS'] "    \
    "[-f table|csv|json] [-o FILE] META.csv\n"                                                \
    "       egdi index compute [--normalise ...] [--aggregate ...] [--no-ranks] "              \
    "[--rank-decimals N] [--raw] [--nodes A,B,...] [--code-column C] [--name-column C] "      \
    "[--denominate] [--treat 'METHOD PARAMS' | --no-treat] [--screen T] [--screen-zeros T] "   \
    "[--screen-input] [--include A,B] [--exclude A,B] [--report FILE] "                       \
    "[--period COLUMN [--global]] "                                                           \
    "[--countries FILE] [--decimals N] [-f table|csv|json] [-o FILE] META.csv DATA.csv"

/* What index compute adds (1.4): denomination, outlier treatment, screening, report. */
typedef struct build_opts {
    int denominate, no_treat;
    const char *treat;            /* --treat 'METHOD PARAMS': default treatment */
    double screen, screen_zeros;  /* --screen T, --screen-zeros T (NaN = not given) */
    int screen_input;             /* --screen-input: screen before imputation */
    char *include, *exclude;      /* --include/--exclude A,B,... (split in place) */
    const char *report;           /* --report FILE: screening and treatment as JSON */
    const char *period;           /* --period COLUMN: a panel, computed per period */
    int pooled;                   /* --global: ... or on all periods pooled */
} build_opts;

static int read_meta(const char *path, const index_opts *io, const build_opts *bo,
                     egdi_index **idx)
{
    egdi_imeta_options mo = EGDI_IMETA_OPTIONS_INIT;
    mo.normalisation = io->normalise;
    mo.aggregation = io->aggregate;
    mo.denominate = bo ? bo->denominate : 0;
    mo.treatment = bo ? bo->treat : NULL;
    egdi_imeta_notes *notes = NULL;
    egdi_status st = egdi_index_read_imeta(path, &mo, idx, &notes);
    if (st == EGDI_OK && bo && bo->no_treat)
        st = egdi_index_set_treatment(*idx, NULL, "none", NULL);
    for (size_t i = 0; i < egdi_imeta_notes_count(notes); i++)
        fprintf(stderr, "egdi: note: %s: %s\n", path, egdi_imeta_note(notes, i));
    egdi_imeta_notes_free(notes);
    if (st == EGDI_OK)
        return EXIT_OK;
    /* the message names the file, line and column (and the node) */
    fprintf(stderr, "egdi: %s (%s)\n", egdi_last_error(), egdi_strerror(st));
    if (st == EGDI_ERR_INVALID_ARG)
        return EXIT_USAGE; /* --normalise / --aggregate / --treat */
    return st == EGDI_ERR_IO || st == EGDI_ERR_PARSE || st == EGDI_ERR_NOMEM ? EXIT_INPUT
                                                                               : EXIT_FAIL;
}

int index_read_meta(const char *path, const index_opts *io, egdi_index **idx)
{
    return read_meta(path, io, NULL, idx);
}

int index_parse_option(int argc, char **argv, int *i, index_opts *io, int columns,
                       const char *cmd)
{
    int c = parse_common(argc, argv, i, &io->c);
    if (c < 0) {
        tool_usage("%s: bad value for %s", cmd, argv[*i]);
        return -1;
    }
    if (c)
        return 1;
    const char *a = argv[*i], *val = *i + 1 < argc ? argv[*i + 1] : NULL;
    const char **target = strcmp(a, "--normalise") == 0 || strcmp(a, "--normalize") == 0
                              ? &io->normalise
                          : strcmp(a, "--aggregate") == 0              ? &io->aggregate
                          : columns && strcmp(a, "--code-column") == 0 ? &io->code_column
                          : columns && strcmp(a, "--name-column") == 0 ? &io->name_column
                                                                       : NULL;
    if (!target)
        return 0;
    if (!val || !*val) {
        tool_usage("%s: %s needs a value", cmd, a);
        return -1;
    }
    *target = argv[++*i];
    return 1;
}

/* ---- compute: scores and ranks per unit ---- */

/* Parse text in memory as a CSV table whose messages name `source`. */
static egdi_status parse_data(char *text, size_t len, const char *source,
                              const egdi_csv_options *co, egdi_dataset **out)
{
    /* an empty file: nothing to open a memory stream on */
    FILE *fp = len ? fmemopen(text, len, "r") : fopen("/dev/null", "r");
    if (!fp)
        return egdi_set_error(EGDI_ERR_NOMEM, "out of memory");
    egdi_status st = egdi_dataset_read_csv_stream(fp, source, co, out);
    fclose(fp);
    return st;
}

/* The data: the indicators' source columns must be numbers cell by cell. Unit codes and
 * names come from --code-column/--name-column, else "code"/"name", else COINr's
 * "uCode"/"uName" when the file has them. */
int index_read_data(const char *path, const index_opts *io, const egdi_index *idx,
                    egdi_dataset **out)
{
    char *text = NULL;
    size_t len = 0, n_num = 0, nn = egdi_index_n_nodes(idx);
    int rc = read_whole_input(path, &text, &len);
    if (rc != EXIT_OK)
        return rc;
    const char **numeric = malloc((nn ? nn : 1) * sizeof *numeric);
    if (!numeric) {
        free(text);
        return EXIT_FAIL;
    }
    for (size_t k = 0; k < nn; k++)
        if (egdi_index_node_source(idx, k))
            numeric[n_num++] = egdi_index_node_source(idx, k);
    egdi_csv_options co = EGDI_CSV_OPTIONS_INIT;
    co.numeric_columns = numeric;
    co.n_numeric_columns = n_num;
    co.delimiter = io->c.delimiter;
    co.decimal = io->c.decimal_comma ? ',' : '.';
    if (io->code_column)
        co.code_column = io->code_column;
    if (io->name_column)
        co.name_column = io->name_column;
    const char *source = strcmp(path, "-") == 0 ? "<stdin>" : path;
    egdi_status st = parse_data(text, len, source, &co, out);
    if (st == EGDI_OK && !io->code_column && !io->name_column && col(*out, "code") == (size_t)-1 &&
        col(*out, "name") == (size_t)-1 && col(*out, "uCode") != (size_t)-1) {
        egdi_dataset_free(*out); /* COINr's iData */
        *out = NULL;
        co.code_column = "uCode";
        co.name_column = "uName";
        st = parse_data(text, len, source, &co, out);
    }
    free(numeric);
    free(text);
    if (st != EGDI_OK) {
        fprintf(stderr, "egdi: reading %s: %s (%s)\n", source, egdi_last_error(),
                egdi_strerror(st));
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

typedef struct sort_key {
    double v;
    size_t i;
} sort_key;

static int by_value_desc(const void *a, const void *b)
{
    const sort_key *x = a, *y = b;
    int nx = isnan(x->v) != 0, ny = isnan(y->v) != 0;
    if (nx != ny)
        return nx - ny; /* missing last */
    if (!nx && x->v != y->v)
        return x->v < y->v ? 1 : -1;
    return x->i < y->i ? -1 : x->i > y->i;
}

static int ends_with_rank(const char *h)
{
    size_t hl = strlen(h);
    return hl > 5 && strcmp(h + hl - 5, "_rank") == 0;
}

/* Position of column "<name>_rank", or (size_t)-1. */
static size_t rank_col(const egdi_dataset *ds, const char *name)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s_rank", name);
    return col(ds, buf);
}

static void print_value(const egdi_dataset *ds, size_t i, size_t j, int decimals, int width)
{
    egdi_column_kind kind = EGDI_COLUMN_NUMERIC;
    double v;
    char cellbuf[64];
    egdi_dataset_column_kind(ds, j, &kind);
    if (kind == EGDI_COLUMN_LABEL)
        snprintf(cellbuf, sizeof cellbuf, "%s", egdi_dataset_get_label(ds, i, j));
    else if (egdi_dataset_get_value(ds, i, j, &v) != EGDI_OK || isnan(v))
        snprintf(cellbuf, sizeof cellbuf, "-");
    else
        snprintf(cellbuf, sizeof cellbuf, "%.*f", decimals, v);
    printf(" ");
    print_cell(stdout, cellbuf, width, kind != EGDI_COLUMN_LABEL);
}

/* The table on the terminal: units by the first column (best first); each node's
 * score with its rank ("#") beside it, then the other columns. */
static int print_table(const egdi_dataset *ds, int decimals)
{
    size_t n = egdi_dataset_n_units(ds), nc = egdi_dataset_n_columns(ds);
    sort_key *key = malloc((n ? n : 1) * sizeof *key);
    if (!key)
        return EXIT_FAIL;
    for (size_t i = 0; i < n; i++) {
        key[i].i = i;
        if (nc == 0 || egdi_dataset_get_value(ds, i, 0, &key[i].v) != EGDI_OK)
            key[i].v = NAN;
    }
    egdi_clear_error();
    qsort(key, n, sizeof *key, by_value_desc);
    print_cell(stdout, "unit", 28, 0);
    for (size_t j = 0; j < nc; j++) {
        const char *h = egdi_dataset_column_name(ds, j);
        int w = (int)strlen(h) > decimals + 5 ? (int)strlen(h) : decimals + 5;
        if (ends_with_rank(h))
            continue;
        printf(" ");
        print_cell(stdout, h, w, 1);
        if (rank_col(ds, h) != (size_t)-1)
            printf(" %4s", "#");
    }
    printf("\n");
    for (size_t r = 0; r < n; r++) {
        size_t i = key[r].i;
        print_cell(stdout, egdi_dataset_unit_name(ds, i), 28, 0);
        for (size_t j = 0; j < nc; j++) {
            const char *h = egdi_dataset_column_name(ds, j);
            int w = (int)strlen(h) > decimals + 5 ? (int)strlen(h) : decimals + 5;
            if (ends_with_rank(h))
                continue;
            print_value(ds, i, j, decimals, w);
            size_t jr = rank_col(ds, h);
            if (jr != (size_t)-1)
                print_value(ds, i, jr, 0, 4);
        }
        printf("\n");
    }
    free(key);
    return EXIT_OK;
}

/* The number of items of "A,B,C" (commas + 1; 1 for NULL): room for split_codes(). */
static size_t n_items(const char *text)
{
    size_t m = 1;
    for (const char *p = text; p && *p; p++)
        m += *p == ',';
    return m;
}

/* Split "A,B,C" (NULL: nothing) in place into list; the count. */
static size_t split_codes(char *text, const char **list)
{
    size_t m = 0;
    for (char *tok = text ? strtok(text, ",") : NULL; tok; tok = strtok(NULL, ","))
        list[m++] = tok;
    return m;
}

/* --nodes A,B,... split in place, or (the table's default) the aggregates; NULL with
 * *m = 0 for every node. */
static const char **chosen_nodes(const egdi_index *idx, const index_opts *io, int table,
                                 size_t *m)
{
    const char **nodes = malloc((egdi_index_n_nodes(idx) + n_items(io->nodes)) * sizeof *nodes);
    *m = 0;
    if (!nodes)
        return NULL;
    *m = split_codes(io->nodes, nodes);
    for (size_t k = 0; !io->nodes && table && k < egdi_index_n_nodes(idx); k++)
        if (egdi_index_node_is_indicator(idx, k) == 0)
            nodes[(*m)++] = egdi_index_node_code(idx, k);
    return nodes;
}

/* An imputation group column (region, income, ...) the data lacks but the
 * bundled country table has: joined as egdi compute joins it. */
static int needs_country_labels(const egdi_index *idx, const egdi_dataset *data)
{
    static const char *const labels[] = {"region", "subregion", "income", "status"};
    for (size_t k = 0; k < egdi_index_n_nodes(idx); k++) {
        const char *g = egdi_index_node_impute_group(idx, k);
        if (!g || col(data, g) != (size_t)-1)
            continue;
        for (size_t l = 0; l < sizeof labels / sizeof *labels; l++)
            if (strcmp(g, labels[l]) == 0 && default_countries())
                return 1;
    }
    return 0;
}

/* --report FILE: the screening of every unit and the treatment of every treated
 * indicator (with its points), as JSON. */
static int write_report(const egdi_pipeline *pl, const char *path)
{
    common_opts c = COMMON_OPTS_INIT;
    c.output = path;
    c.format = FMT_JSON;
    egdi_output *of;
    FILE *fp;
    int rc = text_output_open(&c, &of, &fp);
    if (rc != EXIT_OK)
        return rc;
    const egdi_result *res = egdi_pipeline_result(pl);
    fputs("{\"screening\": [", fp);
    for (size_t i = 0; i < egdi_pipeline_n_screened(pl); i++) {
        egdi_screen_info u;
        egdi_pipeline_screen_unit(pl, i, &u);
        fprintf(fp, "%s\n  {\"code\": ", i ? "," : "");
        json_str(fp, u.code);
        fprintf(fp, ", \"n_missing\": %zu, \"n_zero\": %zu, \"dat_avail\": ", u.n_missing,
                u.n_zero);
        json_num(fp, u.dat_avail);
        fputs(", \"non_zero\": ", fp);
        json_num(fp, u.non_zero);
        fprintf(fp, ", \"low_data\": %s, \"low_nonzero\": %s, \"included\": %s, \"forced\": %d}",
                u.low_data ? "true" : "false", u.low_nonzero ? "true" : "false",
                u.included ? "true" : "false", u.forced);
    }
    fputs("],\n\"treatment\": [", fp);
    size_t n = egdi_result_n_units(res), first = 1;
    const egdi_dataset *data = egdi_pipeline_data(pl);
    int *bits = malloc((n ? n : 1) * sizeof *bits);
    egdi_dataset *tab = NULL;
    if (bits && egdi_result_treatment_table(res, &tab) == EGDI_OK) {
        for (size_t r = 0; r < egdi_dataset_n_units(tab); r++) {
            const char *ind = egdi_dataset_unit_code(tab, r);
            egdi_treatment_info ti = {.version = EGDI_TREATMENT_INFO_VERSION};
            if (egdi_result_get_treatment(res, ind, &ti, bits, n) != EGDI_OK)
                continue;
            fprintf(fp, "%s\n  {\"indicator\": ", first ? "" : ",");
            first = 0;
            json_str(fp, ind);
            fprintf(fp, ", \"method\": \"%s\"", egdi_treat_name(ti.method));
            for (int s = 0; s < 3; s++) {
                fprintf(fp, ", \"check%d\": ", s);
                if (!ti.checked[s]) {
                    fputs("null", fp);
                    continue;
                }
                fprintf(fp, "{\"pass\": %s, \"skew\": ",
                        ti.pass[s] < 0 ? "null" : ti.pass[s] ? "true" : "false");
                json_num(fp, ti.skew[s]);
                fputs(", \"kurt\": ", fp);
                json_num(fp, ti.kurt[s]);
                fputs("}", fp);
            }
            fprintf(fp, ", \"winsorised\": %s, \"nwin\": %zu, \"log\": %s, \"points\": {",
                    ti.winsorised ? "true" : "false", ti.n_winsorised,
                    ti.logged ? "true" : "false");
            for (size_t i = 0, f = 1; i < n; i++) {
                if (!(bits[i] & (EGDI_POINT_WINHI | EGDI_POINT_WINLO)))
                    continue;
                fputs(f ? "" : ", ", fp);
                f = 0;
                json_str(fp, egdi_dataset_unit_code(data, i));
                fputs(bits[i] & EGDI_POINT_WINHI ? ": \"winhi\"" : ": \"winlo\"", fp);
            }
            fputs("}}", fp);
        }
    }
    fputs("]}\n", fp);
    egdi_dataset_free(tab);
    free(bits);
    return text_output_close(&c, of);
}

static int do_compute(char *meta, char *data_path, index_opts *io, build_opts *bo)
{
    char *inputs[3] = {meta, data_path, NULL};
    int rc = check_output(&io->c, inputs, 2);
    if (rc == EXIT_OK && bo->report && io->c.output && strcmp(bo->report, io->c.output) == 0)
        rc = tool_usage("index compute: --report and -o name the same file");
    egdi_index *idx = NULL;
    egdi_dataset *data = NULL, *out = NULL;
    egdi_pipeline *pl = NULL;
    egdi_status st = EGDI_OK;
    if (rc == EXIT_OK)
        rc = read_meta(meta, io, bo, &idx);
    if (rc == EXIT_OK && (rc = index_read_data(data_path, io, idx, &data)) != EXIT_OK &&
        bo->period && egdi_last_status() == EGDI_ERR_DUPLICATE)
        fprintf(stderr, "egdi: note: with --period every row needs its own code (e.g. "
                "AUS:2024): give a column of row codes with --code-column and keep the "
                "unit's code in another column\n");
    if (rc == EXIT_OK && (io->c.countries || needs_country_labels(idx, data)))
        rc = join_countries(data, io->c.countries, 0);
    const char *source = strcmp(data_path, "-") == 0 ? "<stdin>" : data_path;
    egdi_pipeline_options po = EGDI_PIPELINE_OPTIONS_INIT;
    const char **inc = malloc(n_items(bo->include) * sizeof *inc);
    const char **exc = malloc(n_items(bo->exclude) * sizeof *exc);
    if (!inc || !exc)
        rc = EXIT_FAIL;
    int by_na = !isnan(bo->screen), by_zeros = !isnan(bo->screen_zeros);
    po.screen = by_na && by_zeros ? EGDI_SCREEN_BY_NA_AND_ZEROS
                : by_na           ? EGDI_SCREEN_BY_NA
                : by_zeros        ? EGDI_SCREEN_BY_ZEROS
                                  : EGDI_SCREEN_NONE;
    if (by_na)
        po.dat_thresh = bo->screen;
    if (by_zeros)
        po.nonzero_thresh = bo->screen_zeros;
    po.stage = bo->screen_input ? EGDI_SCREEN_INPUT : EGDI_SCREEN_IMPUTED;
    po.include = inc;
    po.n_include = rc == EXIT_OK ? split_codes(bo->include, inc) : 0;
    po.exclude = exc;
    po.n_exclude = rc == EXIT_OK ? split_codes(bo->exclude, exc) : 0;
    if (rc == EXIT_OK && !bo->period &&
        (st = egdi_pipeline_run(idx, data, &po, &pl)) != EGDI_OK)
        rc = st == EGDI_ERR_INVALID_INDEX ? (fprintf(stderr, "egdi: %s: %s\n", meta,
                                                     egdi_last_error()), EXIT_FAIL)
                                          : tool_fail(source, st);
    int table = WANTS_TABLE(&io->c);
    size_t n_chosen = 0;
    const char **nodes = rc == EXIT_OK ? chosen_nodes(idx, io, table, &n_chosen) : NULL;
    egdi_result_table_options to = EGDI_RESULT_TABLE_OPTIONS_INIT;
    to.n_nodes = n_chosen;
    to.nodes = n_chosen ? nodes : NULL;
    to.ranks = io->ranks;
    to.rank_decimals = io->rank_decimals;
    to.raw = io->raw;
    to.labels = !table;
    egdi_compute_by_period_options cbo = EGDI_COMPUTE_BY_PERIOD_OPTIONS_INIT;
    cbo.period_column = bo->period;
    cbo.pooled = bo->pooled;
    cbo.table = &to;
    size_t k_node;
    for (size_t k = 0; rc == EXIT_OK && bo->period && k < n_chosen; k++)
        if (egdi_index_find_node(idx, nodes[k], &k_node) != EGDI_OK)
            rc = tool_usage("index compute: --nodes: no node '%s' in %s", nodes[k], meta);
    if (rc == EXIT_OK && bo->period &&
        (st = egdi_compute_by_period(idx, data, &cbo, &out)) != EGDI_OK)
        rc = st == EGDI_ERR_INVALID_INDEX ? (fprintf(stderr, "egdi: %s: %s\n", meta,
                                                     egdi_last_error()), EXIT_FAIL)
                                          : tool_fail(source, st);
    if (rc == EXIT_OK && !bo->period &&
        (st = egdi_pipeline_to_dataset(pl, &to, &out)) != EGDI_OK) {
        fprintf(stderr, "egdi: index compute: %s\n", egdi_last_error());
        rc = st == EGDI_ERR_NOT_FOUND ? EXIT_USAGE : EXIT_FAIL; /* --nodes */
    }
    if (rc == EXIT_OK && po.screen != EGDI_SCREEN_NONE)
        fprintf(stderr, "egdi: note: screening kept %zu of %zu units\n",
                egdi_dataset_n_units(out), egdi_pipeline_n_screened(pl));
    if (rc == EXIT_OK && bo->report)
        rc = write_report(pl, bo->report);
    if (rc == EXIT_OK) {
        provenance_set("definition", meta);
        provenance_set("input", source);
        if (bo->period)
            provenance_set("period", bo->pooled ? "pooled" : "per period");
        rc = table ? print_table(out, io->c.decimals < 0 ? 4 : io->c.decimals)
                   : write_dataset(out, &io->c, 0);
    }
    free((void *)nodes);
    free((void *)inc);
    free((void *)exc);
    egdi_dataset_free(out);
    egdi_pipeline_free(pl);
    egdi_dataset_free(data);
    egdi_index_free(idx);
    return rc;
}

int cmd_index(int argc, char **argv)
{
    if (argc >= 1 && strcmp(argv[0], "stats") == 0)
        return index_stats(argc - 1, argv + 1);
    if (argc < 1 || (strcmp(argv[0], "check") != 0 && strcmp(argv[0], "compute") != 0))
        return tool_usage("index: give 'check' or 'compute'\n" USAGE);
    int compute = strcmp(argv[0], "compute") == 0;
    index_opts io = {COMMON_OPTS_INIT, NULL, NULL, NULL, NULL, NULL, 1, 0, -1};
    build_opts bo = {0, 0, NULL, NAN, NAN, 0, NULL, NULL, NULL, NULL, 0};
    char *files[2];
    int n_files = 0;
    for (int i = 1; i < argc; i++) {
        int c = index_parse_option(argc, argv, &i, &io, compute, "index");
        if (c < 0)
            return EXIT_USAGE;
        if (c)
            continue;
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        long d;
        if (compute && strcmp(a, "--nodes") == 0) {
            if (!val || !*val)
                return tool_usage("index: --nodes needs NODE,NODE,...");
            io.nodes = argv[++i];
        } else if (compute && strcmp(a, "--rank-decimals") == 0) {
            if (!parse_int(val, 0, 15, &d))
                return tool_usage("index: --rank-decimals takes 0..15");
            io.rank_decimals = (int)d;
            i++;
        } else if (compute && (strcmp(a, "--ranks") == 0 || strcmp(a, "--no-ranks") == 0)) {
            io.ranks = strcmp(a, "--ranks") == 0;
        } else if (compute && strcmp(a, "--raw") == 0) {
            io.raw = 1;
        } else if (compute && strcmp(a, "--denominate") == 0) {
            bo.denominate = 1;
        } else if (compute && strcmp(a, "--no-treat") == 0) {
            bo.no_treat = 1;
        } else if (compute && strcmp(a, "--screen-input") == 0) {
            bo.screen_input = 1;
        } else if (compute && strcmp(a, "--period") == 0) {
            if (!val || !*val)
                return tool_usage("index: --period needs the period column (e.g. Time)");
            bo.period = argv[++i];
        } else if (compute && strcmp(a, "--global") == 0) {
            bo.pooled = 1;
        } else if (compute && (strcmp(a, "--treat") == 0 || strcmp(a, "--report") == 0)) {
            if (!val || !*val)
                return tool_usage("index: %s needs a value", a);
            *(a[2] == 't' ? &bo.treat : &bo.report) = argv[++i];
        } else if (compute && (strcmp(a, "--include") == 0 || strcmp(a, "--exclude") == 0)) {
            if (!val || !*val)
                return tool_usage("index: %s needs CODE,CODE,...", a);
            *(a[2] == 'i' ? &bo.include : &bo.exclude) = argv[++i];
        } else if (compute && (strcmp(a, "--screen") == 0 || strcmp(a, "--screen-zeros") == 0)) {
            char *end = NULL;
            double t = val ? strtod(val, &end) : NAN;
            if (!val || end == val || *end || !(t >= 0 && t <= 1))
                return tool_usage("index: %s takes a share 0..1", a);
            *(a[8] == '-' ? &bo.screen_zeros : &bo.screen) = t;
            i++;
        } else if (a[0] == '-' && a[1]) {
            return tool_usage("index %s: unknown option %s\n" USAGE, argv[0], a);
        } else if (n_files == 1 + compute) {
            return tool_usage("index %s: too many files\n" USAGE, argv[0]);
        } else {
            files[n_files++] = argv[i];
        }
    }
    if (n_files != 1 + compute)
        return tool_usage("index %s: give %s\n" USAGE, argv[0],
                          compute ? "META.csv and DATA.csv" : "META.csv");
    if (bo.pooled && !bo.period)
        return tool_usage("index compute: --global needs --period COLUMN");
    if (bo.period && (!isnan(bo.screen) || !isnan(bo.screen_zeros) || bo.screen_input ||
                      bo.include || bo.exclude || bo.report))
        return tool_usage("index compute: --period computes a panel without screening: leave "
                          "out --screen, --screen-zeros, --screen-input, --include, --exclude "
                          "and --report");
    return compute ? do_compute(files[0], files[1], &io, &bo) : index_check(files[0], &io);
}
