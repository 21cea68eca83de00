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
    "[--countries FILE] [--decimals N] [-f table|csv|json] [-o FILE] META.csv DATA.csv"

int index_read_meta(const char *path, const index_opts *io, egdi_index **idx)
{
    egdi_imeta_options mo = EGDI_IMETA_OPTIONS_INIT;
    mo.normalisation = io->normalise;
    mo.aggregation = io->aggregate;
    egdi_imeta_notes *notes = NULL;
    egdi_status st = egdi_index_read_imeta(path, &mo, idx, &notes);
    for (size_t i = 0; i < egdi_imeta_notes_count(notes); i++)
        fprintf(stderr, "egdi: note: %s: %s\n", path, egdi_imeta_note(notes, i));
    egdi_imeta_notes_free(notes);
    if (st == EGDI_OK)
        return EXIT_OK;
    /* the message names the file, line and column (and the node) */
    fprintf(stderr, "egdi: %s (%s)\n", egdi_last_error(), egdi_strerror(st));
    if (st == EGDI_ERR_INVALID_ARG)
        return EXIT_USAGE; /* --normalise / --aggregate */
    return st == EGDI_ERR_IO || st == EGDI_ERR_PARSE || st == EGDI_ERR_NOMEM ? EXIT_INPUT
                                                                               : EXIT_FAIL;
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
static int read_data(const char *path, const index_opts *io, const egdi_index *idx,
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

/* --nodes A,B,... split in place, or (the table's default) the aggregates; NULL with
 * *m = 0 for every node. */
static const char **chosen_nodes(const egdi_index *idx, const index_opts *io, int table,
                                 size_t *m)
{
    size_t cap = egdi_index_n_nodes(idx) + 1;
    for (const char *p = io->nodes; p && *p; p++)
        cap += *p == ',';
    const char **nodes = malloc(cap * sizeof *nodes);
    *m = 0;
    if (!nodes)
        return NULL;
    if (io->nodes)
        for (char *tok = strtok(io->nodes, ","); tok; tok = strtok(NULL, ","))
            nodes[(*m)++] = tok;
    for (size_t k = 0; !io->nodes && table && k < egdi_index_n_nodes(idx); k++)
        if (egdi_index_node_is_indicator(idx, k) == 0)
            nodes[(*m)++] = egdi_index_node_code(idx, k);
    return nodes;
}

static int do_compute(char *meta, char *data_path, index_opts *io)
{
    char *inputs[2] = {meta, data_path};
    int rc = check_output(&io->c, inputs, 2);
    egdi_index *idx = NULL;
    egdi_dataset *data = NULL, *out = NULL;
    egdi_result *res = NULL;
    egdi_status st = EGDI_OK;
    if (rc == EXIT_OK)
        rc = index_read_meta(meta, io, &idx);
    if (rc == EXIT_OK)
        rc = read_data(data_path, io, idx, &data);
    if (rc == EXIT_OK && io->c.countries)
        rc = join_countries(data, io->c.countries, 0);
    const char *source = strcmp(data_path, "-") == 0 ? "<stdin>" : data_path;
    if (rc == EXIT_OK && (st = egdi_compute(idx, data, &res)) != EGDI_OK)
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
    if (rc == EXIT_OK && (st = egdi_result_to_dataset(res, data, &to, &out)) != EGDI_OK) {
        fprintf(stderr, "egdi: index compute: %s\n", egdi_last_error());
        rc = st == EGDI_ERR_NOT_FOUND ? EXIT_USAGE : EXIT_FAIL; /* --nodes */
    }
    if (rc == EXIT_OK) {
        provenance_set("definition", meta);
        provenance_set("input", source);
        rc = table ? print_table(out, io->c.decimals < 0 ? 4 : io->c.decimals)
                   : write_dataset(out, &io->c, 0);
    }
    free((void *)nodes);
    egdi_dataset_free(out);
    egdi_result_free(res);
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
    char *files[2];
    int n_files = 0;
    for (int i = 1; i < argc; i++) {
        int c = parse_common(argc, argv, &i, &io.c);
        if (c < 0)
            return tool_usage("index: bad value for %s", argv[i]);
        if (c)
            continue;
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        const char **target = strcmp(a, "--normalise") == 0 || strcmp(a, "--normalize") == 0
                                  ? &io.normalise
                              : strcmp(a, "--aggregate") == 0 ? &io.aggregate
                              : compute && strcmp(a, "--code-column") == 0 ? &io.code_column
                              : compute && strcmp(a, "--name-column") == 0 ? &io.name_column
                                                                            : NULL;
        long d;
        if (target) {
            if (!val || !*val)
                return tool_usage("index: %s needs a value", a);
            *target = argv[++i];
        } else if (compute && strcmp(a, "--nodes") == 0) {
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
    return compute ? do_compute(files[0], files[1], &io) : index_check(files[0], &io);
}
