/* egdi index check: validate an iMeta definition (read by cmd_index.c's
 * index_read_meta) and summarise its tree: a table on the terminal (counts per
 * level, then every node depth first with its type, level, weight, share of
 * its siblings' weight, direction and what is done to it, in the order the
 * engine does it: denominator, imputation (and its group column) or
 * aggregation (and its MinShare), caps, outlier treatment, normalisation), or
 * one row per node as csv or json. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_index.h"

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

/* "name p1=v1 p2=v2" (json: {"method": name, "params": {"p1": v1, ...}}), the names of
 * the n parameters p from param_name(ctx, j). */
static void params_text(const char *name, const double *p, size_t n,
                        const char *(*param_name)(const void *ctx, size_t j), const void *ctx,
                        const size_t *method, int json, char *buf, size_t size)
{
    size_t len = (size_t)snprintf(buf, size, json ? "{\"method\": \"%s\", \"params\": {" : "%s",
                                  name);
    for (size_t j = 0; j < n && len < size; j++) {
        const char *pn = param_name(ctx, j);
        char word[64]; /* a keyword parameter (sd_type=sample) shows its word */
        if (method && param_word(*method, j, p[j], word, sizeof word))
            len += (size_t)snprintf(buf + len, size - len, json ? "%s\"%s\": \"%s\"" : "%s%s=%s",
                                    json ? (j ? ", " : "") : " ", pn, word);
        else if (json && isnan(p[j])) /* no number in JSON */
            len += (size_t)snprintf(buf + len, size - len, "%s\"%s\": null", j ? ", " : "", pn);
        else if (json)
            len += (size_t)snprintf(buf + len, size - len, "%s\"%s\": %.17g", j ? ", " : "", pn,
                                    p[j]);
        else
            len += (size_t)snprintf(buf + len, size - len, " %s=%g", pn, p[j]);
    }
    if (json && len < size)
        snprintf(buf + len, size - len, "}}");
}

static const char *registry_param_name(const void *ctx, size_t j)
{
    egdi_param_info pi = {.version = EGDI_PARAM_INFO_VERSION}; /* names point into the registry */
    return egdi_method_get_param(*(const size_t *)ctx, j, &pi) == EGDI_OK ? pi.name : "?";
}

static const char *treat_param_name(const void *ctx, size_t j)
{
    const char *s = egdi_treat_param_name(*(const int *)ctx, j);
    return s ? s : "?";
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
    params_text(m.name, p, m.n_params, registry_param_name, &pos, &pos, json, buf, size);
}

/* Indicator k's outlier treatment as method_text() gives a method; 0 if it has none
 * ("none", or an aggregate: json "null", text ""). */
static int treatment_text(const egdi_index *idx, size_t k, int json, char *buf, size_t size)
{
    int id = egdi_index_node_treatment(idx, k);
    size_t n = id < 0 ? 0 : egdi_treat_n_params(id);
    double p[8];
    if (id < 0 || n > 8 || egdi_index_node_treatment_params(idx, k, p, n) != EGDI_OK) {
        snprintf(buf, size, json ? "null" : "");
        return 0;
    }
    params_text(egdi_treat_name(id), p, n, treat_param_name, &id, NULL, json, buf, size);
    return id != EGDI_TREAT_NONE;
}

/* Node k's caps (NaN = no bound). */
static void caps_of(const egdi_index *idx, size_t k, double *lo, double *hi)
{
    if (egdi_index_node_caps(idx, k, lo, hi) != EGDI_OK)
        *lo = *hi = NAN;
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

/* Append "; " (unless first) and the formatted item to line. */
static void add_item(char *line, size_t size, const char *fmt, ...)
{
    size_t len = strlen(line);
    if (len && len + 2 < size) {
        memcpy(line + len, "; ", 3);
        len += 2;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line + len, size - len, fmt, ap);
    va_end(ap);
}

/* What is done to node k, in the engine's order (index.h): "denominator D; impute M by G;
 * caps lower=L upper=U; treat M P; normalise M P" for an indicator, "aggregate M P; min
 * share S; caps ...; normalise M P" for an aggregate. Imputation, treatment and
 * normalisation "none" are left out. */
static void node_line(const egdi_index *idx, size_t k, char *line,
                      size_t size)
{
    char buf[256];
    line[0] = '\0';
    if (egdi_index_node_is_indicator(idx, k) == 1) {
        const char *den = egdi_index_node_denominator(idx, k);
        if (den)
            add_item(line, size, "denominator %s", den);
        if (egdi_index_node_method(idx, k, EGDI_STEP_IMPUTE) > 0) {
            const char *group = egdi_index_node_impute_group(idx, k);
            method_text(idx, k, EGDI_STEP_IMPUTE, 0, buf, sizeof buf);
            add_item(line, size, "%s %s%s%s", egdi_step_name(EGDI_STEP_IMPUTE), buf,
                     group ? " by " : "", group ? group : "");
        }
    } else {
        method_text(idx, k, EGDI_STEP_AGGREGATE, 0, buf, sizeof buf);
        add_item(line, size, "%s %s", egdi_step_name(EGDI_STEP_AGGREGATE), buf);
        double ms = egdi_index_node_min_share(idx, k);
        if (ms > 0)
            add_item(line, size, "min share %g", ms);
    }
    double lo, hi;
    caps_of(idx, k, &lo, &hi);
    if (!isnan(lo) && !isnan(hi))
        add_item(line, size, "caps lower=%g upper=%g", lo, hi);
    else if (!isnan(lo))
        add_item(line, size, "caps lower=%g", lo);
    else if (!isnan(hi))
        add_item(line, size, "caps upper=%g", hi);
    if (treatment_text(idx, k, 0, buf, sizeof buf))
        add_item(line, size, "treat %s", buf);
    if (egdi_index_node_method(idx, k, EGDI_STEP_NORMALISE) > 0) {
        method_text(idx, k, EGDI_STEP_NORMALISE, 0, buf, sizeof buf);
        add_item(line, size, "%s %s", egdi_step_name(EGDI_STEP_NORMALISE), buf);
    }
}

static void print_summary(const char *path, const egdi_index *idx, const tree *t)
{
    size_t n_agg = t->n - t->n_ind;
    printf("%s: a valid index: %zu node%s (%zu indicator%s, %zu aggregate%s), %d level%s, "
           "%zu root%s\n", path, t->n, t->n == 1 ? "" : "s", t->n_ind, t->n_ind == 1 ? "" : "s",
           n_agg, n_agg == 1 ? "" : "s", t->max_level, t->max_level == 1 ? "" : "s", t->n_roots,
           t->n_roots == 1 ? "" : "s");
    for (int L = t->max_level; L >= 1; L--) {
        size_t c = 0;
        for (size_t k = 0; k < t->n; k++)
            c += egdi_index_node_level(idx, k) == L;
        printf("  level %d: %zu node%s\n", L, c, c == 1 ? "" : "s");
    }
    printf("\n%-32s %-9s %5s %8s %7s %4s  %s\n", "node", "type", "level", "weight", "share",
           "dir", "methods");
    char line[1024];
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
        node_line(idx, k, line, sizeof line);
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
            fputs(", \"denominator\": ", fp);
            json_str(fp, egdi_index_node_denominator(idx, k));
            method_text(idx, k, EGDI_STEP_IMPUTE, 1, buf, sizeof buf);
            fprintf(fp, ", \"imputation\": %s, \"impute_group\": ", buf);
            json_str(fp, egdi_index_node_impute_group(idx, k));
        } else {
            method_text(idx, k, EGDI_STEP_AGGREGATE, 1, buf, sizeof buf);
            fprintf(fp, ", \"aggregation\": %s, \"min_share\": ", buf);
            json_num(fp, egdi_index_node_min_share(idx, k));
        }
        double lo, hi;
        caps_of(idx, k, &lo, &hi);
        fputs(", \"cap_lower\": ", fp);
        json_num(fp, lo);
        fputs(", \"cap_upper\": ", fp);
        json_num(fp, hi);
        if (ind) {
            treatment_text(idx, k, 1, buf, sizeof buf);
            fprintf(fp, ", \"treatment\": %s", buf);
        }
        method_text(idx, k, EGDI_STEP_NORMALISE, 1, buf, sizeof buf);
        fprintf(fp, ", \"normalisation\": %s}", buf);
    }
    fputs("\n ]}\n", fp);
}

/* One row per node (csv): what the JSON has, flat; methods as "name p1=v1 ...". */
static int write_csv(const egdi_index *idx, const tree *t, const common_opts *o)
{
    enum { N_LABELS = 9, N_NUMS = 7 };
    egdi_dataset *ds = NULL;
    egdi_status st = egdi_dataset_new(&ds);
    static const char *const labels[N_LABELS] = {
        "type", "parent", "source", "imputation", "impute_group", "aggregation",
        "normalisation", "denominator", "treatment"};
    static const char *const nums[N_NUMS] = {"level", "weight", "share", "direction",
                                             "min_share", "cap_lower", "cap_upper"};
    for (size_t r = 0; r < t->n && st == EGDI_OK; r++) {
        size_t k = t->depth_first[r];
        st = egdi_dataset_add_unit(ds, egdi_index_node_code(idx, k), egdi_index_node_name(idx, k),
                                   NULL);
    }
    for (size_t j = 0; j < N_LABELS && st == EGDI_OK; j++)
        st = egdi_dataset_add_labels(ds, labels[j], NULL, 0);
    for (size_t j = 0; j < N_NUMS && st == EGDI_OK; j++)
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
        st = st ? st : egdi_dataset_set_label(ds, r, 7, egdi_index_node_denominator(idx, k));
        treatment_text(idx, k, 0, buf, sizeof buf);
        st = st ? st : egdi_dataset_set_label(ds, r, 8, buf);
        double lo, hi;
        caps_of(idx, k, &lo, &hi);
        double v[N_NUMS] = {egdi_index_node_level(idx, k), egdi_index_node_weight(idx, k),
                            t->share[k], egdi_index_node_direction(idx, k),
                            egdi_index_node_min_share(idx, k), lo, hi};
        for (size_t j = 0; j < N_NUMS && st == EGDI_OK; j++)
            st = egdi_dataset_set_value(ds, r, N_LABELS + j, v[j]);
    }
    int rc = st == EGDI_OK ? write_dataset(ds, o, 0) : tool_fail("index check", st);
    egdi_dataset_free(ds);
    return rc;
}

/* The definition again with its Denominator column kept: index_read_meta() (which
 * printed the notes, among them that compute applies the denominators only with
 * --denominate) reads it without, but the summary shows it. */
static int read_with_denominators(const char *path, const index_opts *io, egdi_index **idx)
{
    egdi_imeta_options mo = EGDI_IMETA_OPTIONS_INIT;
    mo.normalisation = io->normalise;
    mo.aggregation = io->aggregate;
    mo.denominate = 1;
    egdi_status st = egdi_index_read_imeta(path, &mo, idx, NULL);
    if (st == EGDI_OK)
        return EXIT_OK;
    fprintf(stderr, "egdi: %s (%s)\n", egdi_last_error(), egdi_strerror(st));
    return st == EGDI_ERR_IO || st == EGDI_ERR_PARSE ? EXIT_INPUT : EXIT_FAIL;
}

int index_check(const char *path, index_opts *io)
{
    char *inputs[1] = {(char *)path};
    int rc = check_output(&io->c, inputs, 1);
    egdi_index *idx = NULL, *full = NULL;
    tree t;
    if (rc == EXIT_OK)
        rc = index_read_meta(path, io, &idx);
    if (rc == EXIT_OK && egdi_index_validate(idx) != EGDI_OK) {
        fprintf(stderr, "egdi: %s: %s\n", path, egdi_last_error());
        rc = EXIT_FAIL;
    }
    if (rc == EXIT_OK)
        rc = read_with_denominators(path, io, &full);
    if (rc == EXIT_OK && (rc = tree_build(full, &t)) == EXIT_OK) {
        egdi_output *of;
        FILE *fp;
        if (io->c.format == FMT_JSON) {
            if ((rc = text_output_open(&io->c, &of, &fp)) == EXIT_OK) {
                write_json(fp, path, full, &t);
                rc = text_output_close(&io->c, of);
            }
        } else if (WANTS_TABLE(&io->c))
            print_summary(path, full, &t);
        else
            rc = write_csv(full, &t, &io->c);
        tree_free(&t);
    }
    egdi_index_free(full);
    egdi_index_free(idx);
    return rc;
}
