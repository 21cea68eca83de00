/* egdi index: custom composite indices from an iMeta definition (COINr's layout).
 *   check META.csv             validate it and summarise the tree
 *   compute META.csv DATA.csv  every node's score and rank per unit */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "egdi_tool.h"

#define USAGE                                                                                 \
    "usage: egdi index check [--normalise 'METHOD PARAMS'] [--aggregate 'METHOD PARAMS'] "    \
    "[-f table|csv|json] [-o FILE] META.csv\n"                                                \
    "       egdi index compute [--normalise ...] [--aggregate ...] [--no-ranks] "              \
    "[--rank-decimals N] [--raw] [--nodes A,B,...] [--code-column C] [--name-column C] "      \
    "[--countries FILE] [--decimals N] [-f table|csv|json] [-o FILE] META.csv DATA.csv"

typedef struct index_opts {
    common_opts c;
    const char *normalise, *aggregate, *code_column, *name_column;
    char *nodes;       /* --nodes A,B,... (split in place) */
    int ranks, raw, rank_decimals;
} index_opts;

/* Read the definition, printing the library's notes; an exit code. */
static int read_meta(const char *path, const index_opts *io, egdi_index **idx)
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

/* ---- check: the tree summary ---- */

/* The registry position of method `id` of `step`, or (size_t)-1. */
static size_t registry_pos(egdi_step step, int id)
{
    for (size_t i = 0; i < egdi_method_count(); i++) {
        egdi_method_info m = {.version = EGDI_METHOD_INFO_VERSION};
        if (egdi_method_get_info(i, &m) == EGDI_OK && m.step == step && m.id == id)
            return i;
    }
    return (size_t)-1;
}

/* Node k's method of `step` as "name p1=v1 p2=v2" (json: {"method":..,"params":{..}}). */
static void method_text(const egdi_index *idx, size_t k, egdi_step step, int json, char *buf,
                        size_t size)
{
    int id = egdi_index_node_method(idx, k, step);
    size_t pos = id < 0 ? (size_t)-1 : registry_pos(step, id);
    egdi_method_info m = {.version = EGDI_METHOD_INFO_VERSION};
    double p[8];
    if (pos == (size_t)-1 || egdi_method_get_info(pos, &m) != EGDI_OK || m.n_params > 8 ||
        egdi_index_node_params(idx, k, step, p, m.n_params) != EGDI_OK) {
        snprintf(buf, size, json ? "null" : "");
        return;
    }
    size_t len = (size_t)snprintf(buf, size, json ? "{\"method\": \"%s\", \"params\": {" : "%s",
                                  m.name);
    for (size_t j = 0; j < m.n_params && len < size; j++) {
        egdi_param_info pi = {.version = EGDI_PARAM_INFO_VERSION};
        egdi_method_get_param(pos, j, &pi);
        if (json && isnan(p[j])) /* no number in JSON */
            len += (size_t)snprintf(buf + len, size - len, "%s\"%s\": null", j ? ", " : "",
                                    pi.name);
        else if (json)
            len += (size_t)snprintf(buf + len, size - len, "%s\"%s\": %.17g", j ? ", " : "",
                                    pi.name, p[j]);
        else
            len += (size_t)snprintf(buf + len, size - len, " %s=%g", pi.name, p[j]);
    }
    if (json && len < size)
        snprintf(buf + len, size - len, "}}");
}

/* A JSON string literal of s (UTF-8 passes through). */
static void json_num(FILE *fp, double v)
{
    if (isnan(v))
        fputs("null", fp);
    else
        fprintf(fp, "%.17g", v);
}

typedef struct tree {
    size_t n, *parent, *first_kid, *next_sib, *depth_first; /* parent (size_t)-1 = root */
    double *share;  /* weight / the siblings' total weight; NaN for roots */
    int max_level;
    size_t n_ind, n_roots;
} tree;

static void tree_free(tree *t)
{
    free(t->parent), free(t->first_kid), free(t->next_sib), free(t->depth_first), free(t->share);
}

/* Children lists in node order and a depth-first order of the whole forest. */
static int tree_build(const egdi_index *idx, tree *t)
{
    size_t n = egdi_index_n_nodes(idx), none = (size_t)-1;
    memset(t, 0, sizeof *t);
    t->n = n;
    t->parent = malloc((n + 1) * sizeof(size_t));
    t->first_kid = malloc((n + 1) * sizeof(size_t));
    t->next_sib = malloc((n + 1) * sizeof(size_t));
    t->depth_first = malloc((n + 1) * sizeof(size_t));
    t->share = malloc((n + 1) * sizeof(double));
    double *sum = calloc(n + 1, sizeof(double));
    size_t *last = malloc((n + 1) * sizeof(size_t)), *stack = malloc((n + 1) * sizeof(size_t));
    if (!t->parent || !t->first_kid || !t->next_sib || !t->depth_first || !t->share || !sum ||
        !last || !stack) {
        free(sum), free(last), free(stack);
        tree_free(t);
        fprintf(stderr, "egdi: index: out of memory\n");
        return EXIT_FAIL;
    }
    for (size_t k = 0; k < n; k++) {
        t->first_kid[k] = t->next_sib[k] = last[k] = none;
        const char *p = egdi_index_node_parent(idx, k);
        if (!p || egdi_index_find_node(idx, p, &t->parent[k]) != EGDI_OK)
            t->parent[k] = none;
        int level = egdi_index_node_level(idx, k);
        t->max_level = level > t->max_level ? level : t->max_level;
        t->n_ind += egdi_index_node_is_indicator(idx, k) == 1;
    }
    for (size_t k = 0; k < n; k++) { /* children in node order */
        size_t p = t->parent[k];
        t->n_roots += p == none;
        if (p == none)
            continue;
        sum[p] += egdi_index_node_weight(idx, k);
        if (last[p] == none)
            t->first_kid[p] = k;
        else
            t->next_sib[last[p]] = k;
        last[p] = k;
    }
    size_t top = 0, out = 0;
    for (size_t k = n; k-- > 0;) /* roots, first on top */
        if (t->parent[k] == none)
            stack[top++] = k;
    while (top) {
        size_t k = stack[--top];
        t->depth_first[out++] = k;
        size_t m = top;
        for (size_t c = t->first_kid[k]; c != none; c = t->next_sib[c])
            stack[top++] = c;
        for (size_t a = m, b = top; a + 1 < b; a++, b--) { /* first child on top */
            size_t x = stack[a];
            stack[a] = stack[b - 1];
            stack[b - 1] = x;
        }
    }
    for (size_t k = 0; k < n; k++)
        t->share[k] = t->parent[k] == none ? NAN
                                           : egdi_index_node_weight(idx, k) / sum[t->parent[k]];
    free(sum), free(last), free(stack);
    return EXIT_OK;
}

static int depth(const tree *t, size_t k)
{
    int d = 0;
    while ((k = t->parent[k]) != (size_t)-1)
        d++;
    return d;
}

static void print_summary(const char *path, const egdi_index *idx, const tree *t)
{
    printf("%s: a valid index: %zu nodes (%zu indicators, %zu aggregates), %d level%s, "
           "%zu root%s\n", path, t->n, t->n_ind, t->n - t->n_ind, t->max_level,
           t->max_level == 1 ? "" : "s", t->n_roots, t->n_roots == 1 ? "" : "s");
    for (int L = t->max_level; L >= 1; L--) {
        size_t c = 0;
        for (size_t k = 0; k < t->n; k++)
            c += egdi_index_node_level(idx, k) == L;
        printf("  level %d: %zu node%s\n", L, c, c == 1 ? "" : "s");
    }
    printf("\n%-32s %-9s %5s %8s %7s %4s  %s\n", "node", "type", "level", "weight", "share",
           "dir", "methods");
    char buf[256], line[600];
    for (size_t r = 0; r < t->n; r++) {
        size_t k = t->depth_first[r];
        int ind = egdi_index_node_is_indicator(idx, k) == 1, d = depth(t, k);
        printf("%*s", 2 * d, "");
        print_cell(stdout, egdi_index_node_code(idx, k), 32 - 2 * d, 0);
        printf(" %-9s %5d %8g ", ind ? "indicator" : "aggregate", egdi_index_node_level(idx, k),
               egdi_index_node_weight(idx, k));
        if (isnan(t->share[k]))
            printf("%7s", "-");
        else
            printf("%6.1f%%", 100 * t->share[k]);
        printf(" %4s ", egdi_index_node_direction(idx, k) < 0 ? "-1" : "+1");
        line[0] = '\0';
        static const egdi_step steps[3] = {EGDI_STEP_AGGREGATE, EGDI_STEP_IMPUTE,
                                           EGDI_STEP_NORMALISE};
        for (int s = 0; s < 3; s++) {
            int id = egdi_index_node_method(idx, k, steps[s]);
            if (id < 0 || (id == 0 && steps[s] != EGDI_STEP_AGGREGATE)) /* n/a, or none */
                continue;
            method_text(idx, k, steps[s], 0, buf, sizeof buf);
            size_t len = strlen(line);
            snprintf(line + len, sizeof line - len, "%s%s %s", len ? "; " : "",
                     egdi_step_name(steps[s]), buf);
        }
        const char *group = egdi_index_node_impute_group(idx, k);
        if (group) {
            size_t len = strlen(line);
            snprintf(line + len, sizeof line - len, " by %s", group);
        }
        double ms = egdi_index_node_min_share(idx, k);
        if (!ind && ms > 0) {
            size_t len = strlen(line);
            snprintf(line + len, sizeof line - len, "; min share %g", ms);
        }
        printf(" %s\n", line);
    }
}

static void write_json(FILE *fp, const char *path, const egdi_index *idx, const tree *t)
{
    char buf[512];
    fputs("{\"provenance\": ", fp);
    provenance_json(fp);
    fputs(",\n\"definition\": ", fp);
    json_str(fp, path);
    fprintf(fp, ", \"valid\": true, \"n_nodes\": %zu, \"n_indicators\": %zu, "
                "\"n_aggregates\": %zu, \"n_levels\": %d, \"roots\": [",
            t->n, t->n_ind, t->n - t->n_ind, t->max_level);
    for (size_t k = 0, m = 0; k < t->n; k++)
        if (t->parent[k] == (size_t)-1) {
            fputs(m++ ? ", " : "", fp);
            json_str(fp, egdi_index_node_code(idx, k));
        }
    fputs("],\n \"nodes\": [", fp);
    for (size_t r = 0; r < t->n; r++) {
        size_t k = t->depth_first[r];
        int ind = egdi_index_node_is_indicator(idx, k) == 1;
        fputs(r ? ",\n  {\"code\": " : "\n  {\"code\": ", fp);
        json_str(fp, egdi_index_node_code(idx, k));
        fputs(", \"name\": ", fp);
        json_str(fp, egdi_index_node_name(idx, k));
        fprintf(fp, ", \"type\": \"%s\", \"level\": %d, \"parent\": ",
                ind ? "indicator" : "aggregate", egdi_index_node_level(idx, k));
        json_str(fp, egdi_index_node_parent(idx, k));
        fputs(", \"weight\": ", fp);
        json_num(fp, egdi_index_node_weight(idx, k));
        fputs(", \"share\": ", fp);
        json_num(fp, t->share[k]);
        fprintf(fp, ", \"direction\": %d", egdi_index_node_direction(idx, k));
        if (ind) {
            fputs(", \"source\": ", fp);
            json_str(fp, egdi_index_node_source(idx, k));
            method_text(idx, k, EGDI_STEP_IMPUTE, 1, buf, sizeof buf);
            fprintf(fp, ", \"imputation\": %s, \"impute_group\": ", buf);
            json_str(fp, egdi_index_node_impute_group(idx, k));
        } else {
            method_text(idx, k, EGDI_STEP_AGGREGATE, 1, buf, sizeof buf);
            fprintf(fp, ", \"aggregation\": %s, \"min_share\": ", buf);
            json_num(fp, egdi_index_node_min_share(idx, k));
        }
        method_text(idx, k, EGDI_STEP_NORMALISE, 1, buf, sizeof buf);
        fprintf(fp, ", \"normalisation\": %s}", buf);
    }
    fputs("\n ]}\n", fp);
}

/* One row per node (csv): what the JSON has, flat. */
static int write_csv(const egdi_index *idx, const tree *t, const common_opts *o)
{
    egdi_dataset *ds = NULL;
    egdi_status st = egdi_dataset_new(&ds);
    static const char *const labels[] = {"type", "parent", "source", "imputation",
                                         "impute_group", "aggregation", "normalisation"};
    static const char *const nums[] = {"level", "weight", "share", "direction", "min_share"};
    for (size_t r = 0; r < t->n && st == EGDI_OK; r++) {
        size_t k = t->depth_first[r];
        st = egdi_dataset_add_unit(ds, egdi_index_node_code(idx, k), egdi_index_node_name(idx, k),
                                   NULL);
    }
    for (size_t j = 0; j < 7 && st == EGDI_OK; j++)
        st = egdi_dataset_add_labels(ds, labels[j], NULL, 0);
    for (size_t j = 0; j < 5 && st == EGDI_OK; j++)
        st = egdi_dataset_add_numeric(ds, nums[j], NULL, 0);
    char buf[256];
    for (size_t r = 0; r < t->n && st == EGDI_OK; r++) {
        size_t k = t->depth_first[r];
        int ind = egdi_index_node_is_indicator(idx, k) == 1;
        st = egdi_dataset_set_label(ds, r, 0, ind ? "indicator" : "aggregate");
        st = st ? st : egdi_dataset_set_label(ds, r, 1, egdi_index_node_parent(idx, k));
        st = st ? st : egdi_dataset_set_label(ds, r, 2, egdi_index_node_source(idx, k));
        static const egdi_step steps[3] = {EGDI_STEP_IMPUTE, EGDI_STEP_AGGREGATE,
                                           EGDI_STEP_NORMALISE};
        for (int s = 0; s < 3 && st == EGDI_OK; s++) {
            method_text(idx, k, steps[s], 0, buf, sizeof buf);
            st = egdi_dataset_set_label(ds, r, s == 0 ? 3 : (size_t)s + 4, buf);
        }
        st = st ? st : egdi_dataset_set_label(ds, r, 4, egdi_index_node_impute_group(idx, k));
        double v[5] = {egdi_index_node_level(idx, k), egdi_index_node_weight(idx, k),
                       t->share[k], egdi_index_node_direction(idx, k),
                       egdi_index_node_min_share(idx, k)};
        for (size_t j = 0; j < 5 && st == EGDI_OK; j++)
            st = egdi_dataset_set_value(ds, r, 7 + j, v[j]);
    }
    int rc = st == EGDI_OK ? write_dataset(ds, o, 0) : tool_fail("index check", st);
    egdi_dataset_free(ds);
    return rc;
}

static int do_check(const char *path, index_opts *io)
{
    char *inputs[1] = {(char *)path};
    int rc = check_output(&io->c, inputs, 1);
    egdi_index *idx = NULL;
    tree t;
    if (rc == EXIT_OK)
        rc = read_meta(path, io, &idx);
    if (rc == EXIT_OK && egdi_index_validate(idx) != EGDI_OK) {
        fprintf(stderr, "egdi: %s: %s\n", path, egdi_last_error());
        rc = EXIT_FAIL;
    }
    if (rc == EXIT_OK && (rc = tree_build(idx, &t)) == EXIT_OK) {
        egdi_output *of;
        FILE *fp;
        if (io->c.format == FMT_JSON) {
            if ((rc = text_output_open(&io->c, &of, &fp)) == EXIT_OK) {
                write_json(fp, path, idx, &t);
                rc = text_output_close(&io->c, of);
            }
        } else if (WANTS_TABLE(&io->c))
            print_summary(path, idx, &t);
        else
            rc = write_csv(idx, &t, &io->c);
        tree_free(&t);
    }
    egdi_index_free(idx);
    return rc;
}

/* ---- compute: scores and ranks per unit ---- */

/* The whole of path ('-' = standard input), NUL-terminated; an exit code. */
static int slurp(const char *path, char **text, size_t *len)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "egdi: %s: cannot open: %s\n", path, strerror(errno));
        return EXIT_INPUT;
    }
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap), *nb;
    while (buf && (got = fread(buf + n, 1, cap - 1 - n, fp)) > 0)
        if ((n += got) + 1 == cap)
            buf = (nb = realloc(buf, cap *= 2)) ? nb : (free(buf), NULL);
    int err = ferror(fp) ? errno : 0;
    if (!is_stdin)
        fclose(fp);
    if (!buf || err) {
        fprintf(stderr, "egdi: %s: cannot read: %s\n", is_stdin ? "<stdin>" : path,
                buf ? strerror(err) : "out of memory");
        free(buf);
        return EXIT_INPUT;
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return EXIT_OK;
}

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
    int rc = slurp(path, &text, &len);
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
        rc = read_meta(meta, io, &idx);
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
    return compute ? do_compute(files[0], files[1], &io) : do_check(files[0], &io);
}
