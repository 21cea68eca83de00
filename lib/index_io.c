/* Index definitions in the iMeta CSV layout (COINr): read with row-level
 * validation, and write back. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

typedef struct row {
    size_t line;
    const char *code, *name, *parent, *source;
    int is_indicator;
    double weight, cap_lo, cap_hi;
    int direction, level; /* level 0 = not given */
    long parent_row;
    int have_norm, have_agg;
    egdi_norm norm;
    double params[4];
    size_t n_params;
    egdi_agg agg;
    int added;
} row;

typedef struct cols {
    long code, name, level, parent, direction, weight, type, source, norm, params, cap_lo, cap_hi,
        agg;
} cols;

static const char *cell(const egdi__csv *csv, size_t r, long c)
{
    return c < 0 ? "" : egdi__csv_cell(csv, r, (size_t)c);
}

static egdi_status num_cell(const egdi__csv *csv, size_t r, long c, const char *what, double dflt,
                            double *out)
{
    const char *s = cell(csv, r, c);
    if (!*s) {
        *out = dflt;
        return EGDI_OK;
    }
    if (!egdi__parse_number(s, out) || isnan(*out))
        return egdi__fail(EGDI_ERR_PARSE, "line %zu: column %s: '%s' is not a number",
                          csv->line[r], what, s);
    return EGDI_OK;
}

static egdi_status parse_row(const egdi__csv *csv, size_t r, const cols *c, row *w, int *skip)
{
    memset(w, 0, sizeof *w);
    w->line = csv->line[r];
    w->parent_row = -1;
    const char *type = cell(csv, r, c->type);
    *skip = 0;
    if (strcasecmp(type, "Indicator") == 0)
        w->is_indicator = 1;
    else if (strcasecmp(type, "Aggregate") == 0)
        w->is_indicator = 0;
    else if (strcasecmp(type, "Group") == 0 || strcasecmp(type, "Denominator") == 0 ||
             strcasecmp(type, "Other") == 0) {
        *skip = 1;
        return EGDI_OK;
    } else
        return egdi__fail(EGDI_ERR_INVALID_INDEX,
                          "line %zu: column Type: '%s' is not Indicator, Aggregate, Group, "
                          "Denominator or Other", w->line, type);
    w->code = cell(csv, r, c->code);
    if (!*w->code)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column iCode: empty code", w->line);
    w->name = cell(csv, r, c->name);
    w->parent = cell(csv, r, c->parent);
    w->source = cell(csv, r, c->source);
    egdi_status st;
    if ((st = num_cell(csv, r, c->weight, "Weight", 1.0, &w->weight)) != EGDI_OK)
        return st;
    if (!(w->weight >= 0))
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Weight: node '%s': negative weight %g",
                          w->line, w->code, w->weight);
    double d;
    if ((st = num_cell(csv, r, c->direction, "Direction", 1.0, &d)) != EGDI_OK)
        return st;
    if (d != 1.0 && d != -1.0)
        return egdi__fail(EGDI_ERR_INVALID_INDEX,
                          "line %zu: column Direction: node '%s': must be 1 or -1, not %g", w->line,
                          w->code, d);
    w->direction = (int)d;
    double lv;
    if ((st = num_cell(csv, r, c->level, "Level", 0.0, &lv)) != EGDI_OK)
        return st;
    if (lv != floor(lv) || lv < 0 || lv > 1000)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Level: node '%s': %g is not a "
                          "positive whole number", w->line, w->code, lv);
    w->level = (int)lv;
    if ((st = num_cell(csv, r, c->cap_lo, "CapLower", NAN, &w->cap_lo)) != EGDI_OK ||
        (st = num_cell(csv, r, c->cap_hi, "CapUpper", NAN, &w->cap_hi)) != EGDI_OK)
        return st;
    const char *norm = cell(csv, r, c->norm);
    if (*norm) {
        if (!egdi__norm_from_name(norm, &w->norm))
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Normalisation: node '%s': unknown "
                              "Normalisation '%s' (none|zscore|minmax|goalposts|fracmax)",
                              w->line, w->code, norm);
        w->have_norm = 1;
    }
    const char *params = cell(csv, r, c->params);
    while (*params) {
        char *end;
        double v = strtod(params, &end);
        if (end == params || w->n_params == 4 || !isfinite(v))
            return egdi__fail(EGDI_ERR_PARSE, "line %zu: column NormParams: node '%s': '%s' is "
                              "not up to 4 numbers separated by spaces", w->line, w->code,
                              cell(csv, r, c->params));
        w->params[w->n_params++] = v;
        params = end;
        while (*params == ' ')
            params++;
    }
    const char *agg = cell(csv, r, c->agg);
    if (*agg) {
        if (!egdi__agg_from_name(agg, &w->agg))
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Aggregation: node '%s': unknown "
                              "'%s' (mean|geomean)", w->line, w->code, agg);
        if (w->is_indicator)
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Aggregation: node '%s': an "
                              "indicator has no Aggregation", w->line, w->code);
        w->have_agg = 1;
    }
    return EGDI_OK;
}

/* Structure checks over all rows: duplicates, parents, cycles, children, weights, levels. */
static egdi_status check_tree(row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < i; k++)
            if (strcmp(rows[i].code, rows[k].code) == 0)
                return egdi__fail(EGDI_ERR_DUPLICATE, "line %zu: column iCode: duplicate '%s' (first on "
                                  "line %zu)", rows[i].line, rows[i].code, rows[k].line);
    for (size_t i = 0; i < n; i++) {
        if (!*rows[i].parent)
            continue;
        for (size_t k = 0; k < n; k++)
            if (strcmp(rows[k].code, rows[i].parent) == 0)
                rows[i].parent_row = (long)k;
        if (rows[i].parent_row < 0)
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Parent: node '%s': unknown parent '%s'",
                              rows[i].line, rows[i].code, rows[i].parent);
        if (rows[rows[i].parent_row].is_indicator)
            return egdi__fail(EGDI_ERR_INVALID_INDEX,
                              "line %zu: column Parent: node '%s': parent '%s' is an Indicator",
                              rows[i].line, rows[i].code, rows[i].parent);
    }
    for (size_t i = 0; i < n; i++) {
        long p = rows[i].parent_row;
        /* a chain longer than n without meeting i is a cycle i leads into; its
         * members are reported when the loop reaches them */
        for (size_t steps = 0; p >= 0 && steps <= n; steps++, p = rows[p].parent_row)
            if (p == (long)i)
                return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Parent: node '%s' is its "
                                  "own ancestor (a cycle)", rows[i].line,
                                  rows[i].code);
    }
    for (size_t i = 0; i < n; i++) {
        if (rows[i].is_indicator) {
            if (rows[i].level > 1)
                return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Level: indicator '%s' has "
                                  "Level %d; indicators are Level 1", rows[i].line, rows[i].code,
                                  rows[i].level);
            continue;
        }
        size_t kids = 0;
        double wsum = 0;
        for (size_t k = 0; k < n; k++)
            if (rows[k].parent_row == (long)i) {
                kids++;
                wsum += rows[k].weight;
                if (rows[i].level && rows[k].level && rows[k].level >= rows[i].level)
                    return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Level: node '%s' has Level "
                                      "%d but its parent '%s' has Level %d; a parent's Level must "
                                      "be higher", rows[k].line, rows[k].code, rows[k].level,
                                      rows[i].code, rows[i].level);
            }
        if (kids == 0)
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: aggregate '%s' has no children",
                              rows[i].line, rows[i].code);
        if (!(wsum > 0))
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: aggregate '%s': the weights of "
                              "its children are all zero", rows[i].line, rows[i].code);
    }
    return EGDI_OK;
}

static egdi_status add_row(egdi_index *idx, const row *w)
{
    egdi_status st = w->is_indicator ? egdi_index_add_indicator(idx, w->code, w->parent, w->weight)
                                     : egdi_index_add_aggregate(idx, w->code, w->parent, w->weight);
    if (st == EGDI_OK && *w->name)
        st = egdi_index_set_name(idx, w->code, w->name);
    if (st == EGDI_OK)
        st = egdi_index_set_direction(idx, w->code, w->direction);
    if (st == EGDI_OK && w->is_indicator && *w->source)
        st = egdi_index_set_source(idx, w->code, w->source);
    if (st == EGDI_OK && (!isnan(w->cap_lo) || !isnan(w->cap_hi)))
        st = egdi_index_set_caps(idx, w->code, w->cap_lo, w->cap_hi);
    if (st == EGDI_OK && w->have_norm)
        st = egdi_index_set_normalization(idx, w->code, w->norm, w->params, w->n_params);
    if (st == EGDI_OK && w->have_agg)
        st = egdi_index_set_aggregation(idx, w->code, w->agg);
    if (st != EGDI_OK)
        egdi__error_prefix("line %zu: ", w->line);
    return st;
}

static egdi_status from_csv(const egdi__csv *csv, egdi_index **out)
{
    cols c = {
        egdi__csv_find_col(csv, "iCode"), egdi__csv_find_col(csv, "iName"),
        egdi__csv_find_col(csv, "Level"), egdi__csv_find_col(csv, "Parent"),
        egdi__csv_find_col(csv, "Direction"), egdi__csv_find_col(csv, "Weight"),
        egdi__csv_find_col(csv, "Type"), egdi__csv_find_col(csv, "Source"),
        egdi__csv_find_col(csv, "Normalisation"), egdi__csv_find_col(csv, "NormParams"),
        egdi__csv_find_col(csv, "CapLower"), egdi__csv_find_col(csv, "CapUpper"),
        egdi__csv_find_col(csv, "Aggregation"),
    };
    const char *required[] = {"iCode", "Parent", "Weight", "Type"};
    long have[] = {c.code, c.parent, c.weight, c.type};
    for (size_t k = 0; k < 4; k++)
        if (have[k] < 0)
            return egdi__fail(EGDI_ERR_PARSE, "line %zu: the header has no column '%s'",
                              csv->line[0], required[k]);
    row *rows = calloc(csv->n_rows, sizeof *rows);
    if (!rows)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    size_t n = 0;
    egdi_status st = EGDI_OK;
    for (size_t r = 1; r < csv->n_rows && st == EGDI_OK; r++) {
        int skip;
        st = parse_row(csv, r, &c, &rows[n], &skip);
        if (st == EGDI_OK && !skip)
            n++;
    }
    if (st == EGDI_OK && n == 0)
        st = egdi__fail(EGDI_ERR_INVALID_INDEX, "no Indicator or Aggregate rows");
    if (st == EGDI_OK)
        st = check_tree(rows, n);
    egdi_index *idx = NULL;
    if (st == EGDI_OK)
        st = egdi_index_new(&idx);
    /* add parents before children, keeping file order otherwise */
    for (size_t added = 0; st == EGDI_OK && added < n;)
        for (size_t i = 0; i < n && st == EGDI_OK; i++) {
            const row *w = &rows[i];
            if (w->added || (w->parent_row >= 0 && !rows[w->parent_row].added))
                continue;
            st = add_row(idx, w);
            rows[i].added = 1;
            added++;
        }
    free(rows);
    if (st != EGDI_OK) {
        egdi_index_free(idx);
        return st;
    }
    *out = idx;
    return EGDI_OK;
}

static egdi_status read_text(const char *text, size_t len, const char *source, egdi_index **out)
{
    egdi__locale loc;
    egdi_status st = egdi__locale_push(&loc);
    if (st != EGDI_OK)
        return st;
    egdi__csv csv;
    st = egdi__csv_parse(text, len, 0, source, &csv);
    if (st == EGDI_OK) {
        st = from_csv(&csv, out);
        if (st != EGDI_OK && strncmp(egdi_last_error(), source, strlen(source)) != 0)
            egdi__error_prefix("%s: ", source);
        egdi__csv_free(&csv);
    }
    egdi__locale_pop(&loc);
    return st;
}

egdi_status egdi_index_read_csv_buffer(const char *text, size_t len, egdi_index **out)
{
    EGDI_CHECK_ARG((text || len == 0) && out, "text/out");
    return read_text(text ? text : "", len, "<buffer>", out);
}

egdi_status egdi_index_read_csv(const char *path, egdi_index **out)
{
    EGDI_CHECK_ARG(path && out, "path/out");
    char *text = NULL;
    size_t len;
    egdi_status st = egdi__read_file(path, &text, &len);
    if (st != EGDI_OK)
        return st;
    st = read_text(text, len, path, out);
    free(text);
    return st;
}

static void write_num(FILE *fp, double v)
{
    char buf[64];
    egdi__format_number(v, -1, buf, sizeof buf);
    fputs(buf, fp);
}

egdi_status egdi_index_write_csv(const egdi_index *idx, const char *path)
{
    EGDI_CHECK_ARG(idx && path, "idx/path");
    egdi__locale loc;
    egdi_status st = egdi__locale_push(&loc);
    if (st != EGDI_OK)
        return st;
    egdi__outfile of;
    if ((st = egdi__outfile_open(&of, path)) != EGDI_OK) {
        egdi__locale_pop(&loc);
        return st;
    }
    FILE *fp = of.fp;
    fputs("iCode,iName,Level,Parent,Direction,Weight,Type,Source,Normalisation,NormParams,"
          "CapLower,CapUpper,Aggregation\n", fp);
    for (size_t i = 0; i < idx->n_nodes; i++) {
        const egdi__node *n = &idx->nodes[i];
        egdi__csv_write_field(fp, n->code, ',');
        fputc(',', fp);
        egdi__csv_write_field(fp, n->name, ',');
        fprintf(fp, ",%d,", egdi_index_node_level(idx, i));
        if (n->parent >= 0)
            egdi__csv_write_field(fp, idx->nodes[n->parent].code, ',');
        fprintf(fp, ",%d,", n->direction);
        write_num(fp, n->weight);
        fprintf(fp, ",%s,", n->is_indicator ? "Indicator" : "Aggregate");
        if (n->source)
            egdi__csv_write_field(fp, n->source, ',');
        fprintf(fp, ",%s,", egdi__norm_name(n->norm));
        for (size_t k = 0; k < n->n_norm_params; k++) {
            if (k)
                fputc(' ', fp);
            write_num(fp, n->norm_params[k]);
        }
        fputc(',', fp);
        write_num(fp, n->cap_lo);
        fputc(',', fp);
        write_num(fp, n->cap_hi);
        fprintf(fp, ",%s\n", n->is_indicator ? "" : egdi__agg_name(n->agg));
    }
    st = egdi__outfile_commit(&of);
    egdi__locale_pop(&loc);
    return st;
}
