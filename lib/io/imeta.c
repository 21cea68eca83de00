/* Index definitions in the iMeta CSV layout (COINr): read with row-level
 * validation in linear time (imeta_write.c writes them back). Method names
 * and parameters come from the method registry. What a COINr file holds that
 * the engine does not use (other columns, Group/Denominator/Other rows, NA
 * parents) is skipped with a note for the caller (the notes, the options and
 * their default methods are in imeta_notes.c). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/io.h"
#include "model/model.h"

typedef egdi__imeta_row row; /* io.h */

enum { C_CODE, C_NAME, C_LEVEL, C_PARENT, C_DIRECTION, C_WEIGHT, C_TYPE, C_SOURCE, C_NORM,
       C_NORM_PARAMS, C_CAP_LO, C_CAP_HI, C_AGG, C_AGG_PARAMS, C_MIN_SHARE, C_IMPUTE,
       C_IMPUTE_GROUP, N_COLS };
_Static_assert(N_COLS == EGDI__IMETA_N_COLS, "the iMeta columns of io.h");
const char *const egdi__imeta_cols[EGDI__IMETA_N_COLS] = {
    "iCode", "iName", "Level", "Parent", "Direction", "Weight", "Type", "Source",
    "Normalisation", "NormParams", "CapLower", "CapUpper", "Aggregation", "AggParams",
    "MinShare", "Imputation", "ImputeGroup"};

static const char *cell(const egdi__csv *csv, size_t r, const long *c, int k)
{
    return c[k] < 0 ? "" : egdi__csv_cell(csv, r, (size_t)c[k]);
}

static egdi_status num_cell(const egdi__csv *csv, size_t r, const long *c, int k, double dflt,
                            double *out)
{
    const char *s = cell(csv, r, c, k);
    if (!*s) {
        *out = dflt;
        return EGDI_OK;
    }
    int ok = egdi__parse_number(s, out);
    if (!ok || isnan(*out))
        return egdi__fail(EGDI_ERR_PARSE, "line %zu: column %s: '%s' %s", csv->line[r],
                          egdi__imeta_cols[k], s,
                          ok ? "is a missing-value marker; give a number or leave the cell empty"
                             : egdi__number_problem(s, '.'));
    return EGDI_OK;
}

/* A method name in column `k` of step `step`, checked against the registry. */
static egdi_status method_cell(const egdi__csv *csv, size_t r, const long *c, int k,
                               egdi_step step, row *w)
{
    const char *name = cell(csv, r, c, k);
    w->method[step] = name;
    if (*name && !egdi__method_by_name(step, name)) {
        char names[256];
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column %s: node '%s': unknown %s "
                          "'%s' (%s)", w->line, egdi__imeta_cols[k], w->code,
                          egdi__imeta_cols[k], name, egdi__method_names(step, names, sizeof names));
    }
    return EGDI_OK;
}

enum { X_DENOMINATOR, X_TREATMENT, X_TREAT_PARAMS };
const char *const egdi__imeta_extra_cols[EGDI__IMETA_N_EXTRA] = {"Denominator", "Treatment",
                                                                 "TreatParams"};

const char *const egdi__imeta_skipped_types[3] = {"Group", "Denominator", "Other"};

/* One row; *skip = 1 + its position in egdi__imeta_skipped_types for a row that is not a node. */
static egdi_status parse_row(const egdi__csv *csv, size_t r, const long *c, const long *x,
                             row *w, int *skip)
{
    memset(w, 0, sizeof *w);
    w->line = csv->line[r];
    w->parent_row = -1;
    const char *type = cell(csv, r, c, C_TYPE);
    *skip = 0;
    for (int k = 0; k < 3; k++)
        if (strcasecmp(type, egdi__imeta_skipped_types[k]) == 0)
            *skip = 1 + k;
    if (*skip) {
        w->code = cell(csv, r, c, C_CODE);
        return EGDI_OK;
    }
    w->is_indicator = strcasecmp(type, "Indicator") == 0;
    if (!w->is_indicator && strcasecmp(type, "Aggregate") != 0)
        return egdi__fail(EGDI_ERR_INVALID_INDEX,
                          "line %zu: column Type: '%s' is not Indicator, Aggregate, Group, "
                          "Denominator or Other", w->line, type);
    w->code = cell(csv, r, c, C_CODE);
    if (!*w->code)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column iCode: empty code", w->line);
    w->name = cell(csv, r, c, C_NAME);
    w->parent = cell(csv, r, c, C_PARENT);
    w->source = cell(csv, r, c, C_SOURCE);
    egdi_status st;
    if ((st = num_cell(csv, r, c, C_WEIGHT, 1.0, &w->weight)) != EGDI_OK)
        return st;
    if (!(w->weight >= 0))
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Weight: node '%s': negative "
                          "weight %g", w->line, w->code, w->weight);
    double d;
    if ((st = num_cell(csv, r, c, C_DIRECTION, 1.0, &d)) != EGDI_OK)
        return st;
    if (d != 1.0 && d != -1.0)
        return egdi__fail(EGDI_ERR_INVALID_INDEX,
                          "line %zu: column Direction: node '%s': must be 1 or -1, not %g", w->line,
                          w->code, d);
    w->direction = (int)d;
    double lv;
    if ((st = num_cell(csv, r, c, C_LEVEL, 0.0, &lv)) != EGDI_OK)
        return st;
    if (lv != floor(lv) || lv < 0 || lv > 1000)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Level: node '%s': %g is not a "
                          "positive whole number", w->line, w->code, lv);
    w->level = (int)lv;
    if ((st = num_cell(csv, r, c, C_CAP_LO, NAN, &w->cap_lo)) != EGDI_OK ||
        (st = num_cell(csv, r, c, C_CAP_HI, NAN, &w->cap_hi)) != EGDI_OK ||
        (st = num_cell(csv, r, c, C_MIN_SHARE, NAN, &w->min_share)) != EGDI_OK)
        return st;
    if ((st = method_cell(csv, r, c, C_NORM, EGDI_STEP_NORMALISE, w)) != EGDI_OK ||
        (st = method_cell(csv, r, c, C_AGG, EGDI_STEP_AGGREGATE, w)) != EGDI_OK ||
        (st = method_cell(csv, r, c, C_IMPUTE, EGDI_STEP_IMPUTE, w)) != EGDI_OK)
        return st;
    w->params[EGDI_STEP_NORMALISE] = cell(csv, r, c, C_NORM_PARAMS);
    w->params[EGDI_STEP_AGGREGATE] = cell(csv, r, c, C_AGG_PARAMS);
    w->params[EGDI_STEP_IMPUTE] = "";
    w->impute_group = cell(csv, r, c, C_IMPUTE_GROUP);
    w->denominator = cell(csv, r, x, X_DENOMINATOR);
    if (strcmp(w->denominator, "NA") == 0) /* R writes a missing cell as NA */
        w->denominator = "";
    w->treatment = cell(csv, r, x, X_TREATMENT);
    w->treat_params = cell(csv, r, x, X_TREAT_PARAMS);
    if (!w->is_indicator && (*w->denominator || *w->treatment || *w->treat_params))
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column %s: node '%s': only "
                          "indicators have a denominator or an outlier treatment", w->line,
                          *w->denominator ? "Denominator"
                          : *w->treatment ? "Treatment" : "TreatParams", w->code);
    /* what does not apply to this kind of node */
    const char *wrong = NULL;
    if (w->is_indicator && *w->method[EGDI_STEP_AGGREGATE])
        wrong = "Aggregation";
    else if (w->is_indicator && *w->params[EGDI_STEP_AGGREGATE])
        wrong = "AggParams";
    else if (w->is_indicator && !isnan(w->min_share))
        wrong = "MinShare";
    if (wrong)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column %s: node '%s': an indicator "
                          "has no %s", w->line, wrong, w->code, wrong);
    if (!w->is_indicator && (*w->method[EGDI_STEP_IMPUTE] || *w->impute_group))
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column %s: node '%s': an aggregate "
                          "is not imputed (its MinShare decides when it is missing)", w->line,
                          *w->method[EGDI_STEP_IMPUTE] ? "Imputation" : "ImputeGroup", w->code);
    if (!*w->method[EGDI_STEP_IMPUTE] && *w->impute_group)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column ImputeGroup: node '%s': a "
                          "group column without an Imputation method", w->line, w->code);
    return EGDI_OK;
}

/* Rows on a parent cycle: each row has one parent, so every path either ends
 * at a root or runs into a cycle. on_cycle[i] = 1 for the cycles' members. */
static egdi_status find_cycles(const row *rows, size_t n, unsigned char *on_cycle)
{
    /* 0 = not seen, i + 1 = on the path walked from row i, SIZE_MAX = done */
    size_t *state = calloc(n, sizeof *state);
    if (!state)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        size_t stamp = i + 1;
        long p = (long)i;
        while (p >= 0 && state[p] == 0) {
            state[p] = stamp;
            p = rows[p].parent_row;
        }
        if (p >= 0 && state[p] == stamp) /* closed a loop on this path */
            for (long q = p;;) {
                on_cycle[q] = 1;
                q = rows[q].parent_row;
                if (q == p)
                    break;
            }
        for (long q = (long)i; q >= 0 && state[q] == stamp; q = rows[q].parent_row)
            state[q] = SIZE_MAX;
    }
    free(state);
    return EGDI_OK;
}

/* Structure checks over all rows: duplicates, parents, cycles, children, weights, levels.
 * A Parent "NA" that names no node is a root: R writes a missing parent that way. */
static egdi_status check_tree(row *rows, size_t n, egdi_imeta_notes *nt)
{
    egdi__strmap codes = {0};
    if (!egdi__strmap_reserve(&codes, n))
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    egdi_status st = EGDI_OK;
    for (size_t i = 0; i < n && st == EGDI_OK; i++) {
        size_t first;
        if (egdi__strmap_put(&codes, rows[i].code, i, &first) == 0)
            st = egdi__fail(EGDI_ERR_DUPLICATE, "line %zu: column iCode: duplicate '%s' (first on "
                            "line %zu)", rows[i].line, rows[i].code, rows[first].line);
    }
    for (size_t i = 0; i < n && st == EGDI_OK; i++) {
        if (!*rows[i].parent)
            continue;
        size_t p;
        if (!egdi__strmap_get(&codes, rows[i].parent, &p) && strcmp(rows[i].parent, "NA") == 0) {
            rows[i].parent = ""; /* R writes a root's missing parent as NA (COINr's files) */
            st = egdi__imeta_note(nt, "line %zu: node '%s': Parent NA read as no parent (a root)",
                                  rows[i].line, rows[i].code);
        } else if (!egdi__strmap_get(&codes, rows[i].parent, &p))
            st = egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Parent: node '%s': unknown "
                            "parent '%s'", rows[i].line, rows[i].code, rows[i].parent);
        else if (rows[p].is_indicator)
            st = egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Parent: node '%s': parent "
                            "'%s' is an Indicator", rows[i].line, rows[i].code, rows[i].parent);
        else
            rows[i].parent_row = (long)p;
    }
    egdi__strmap_free(&codes);
    if (st != EGDI_OK)
        return st;
    unsigned char *on_cycle = calloc(n, 1);
    size_t *kids = calloc(n, sizeof *kids);
    double *wsum = calloc(n, sizeof *wsum);
    st = on_cycle && kids && wsum ? find_cycles(rows, n, on_cycle)
                                  : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n && st == EGDI_OK; i++)
        if (on_cycle[i])
            st = egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Parent: node '%s' is its "
                            "own ancestor (a cycle)", rows[i].line, rows[i].code);
    for (size_t k = 0; k < n && st == EGDI_OK; k++) {
        const row *w = &rows[k];
        if (w->is_indicator && w->level > 1)
            st = egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Level: indicator '%s' has "
                            "Level %d; indicators are Level 1", w->line, w->code, w->level);
        long p = w->parent_row;
        if (st != EGDI_OK || p < 0)
            continue;
        kids[p]++;
        wsum[p] += w->weight;
        if (rows[p].level && w->level && w->level >= rows[p].level)
            st = egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: column Level: node '%s' has Level "
                            "%d but its parent '%s' has Level %d; a parent's Level must be "
                            "higher", w->line, w->code, w->level, rows[p].code, rows[p].level);
    }
    for (size_t i = 0; i < n && st == EGDI_OK; i++) {
        if (rows[i].is_indicator)
            continue;
        if (kids[i] == 0)
            st = egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: aggregate '%s' has no children",
                            rows[i].line, rows[i].code);
        else if (!(wsum[i] > 0))
            st = egdi__fail(EGDI_ERR_INVALID_INDEX, "line %zu: aggregate '%s': the weights of "
                            "its children are all zero", rows[i].line, rows[i].code);
    }
    free(on_cycle);
    free(kids);
    free(wsum);
    return st;
}

static egdi_status add_row(egdi_index *idx, const row *w)
{
    egdi_status st = w->is_indicator ? egdi_index_add_indicator(idx, w->code, w->parent, w->weight)
                                     : egdi_index_add_aggregate(idx, w->code, w->parent, w->weight);
    const char *column = NULL;
    if (st == EGDI_OK && *w->name)
        st = egdi_index_set_name(idx, w->code, w->name);
    if (st == EGDI_OK)
        st = egdi_index_set_direction(idx, w->code, w->direction);
    if (st == EGDI_OK && w->is_indicator && *w->source)
        st = egdi_index_set_source(idx, w->code, w->source);
    if (st == EGDI_OK && (!isnan(w->cap_lo) || !isnan(w->cap_hi))) {
        column = "CapLower";
        st = egdi_index_set_caps(idx, w->code, w->cap_lo, w->cap_hi);
    }
    static const egdi_step with_params[2] = {EGDI_STEP_NORMALISE, EGDI_STEP_AGGREGATE};
    for (int k = 0; k < 2 && st == EGDI_OK; k++) {
        egdi_step s = with_params[k];
        if (!*w->method[s] && !*w->params[s])
            continue;
        column = egdi__step_params_column(s);
        const char *name = *w->method[s] ? w->method[s] : egdi_method_name(s, 0);
        st = egdi_index_set_method(idx, w->code, s, name, w->params[s]);
    }
    if (st == EGDI_OK && !isnan(w->min_share)) {
        column = "MinShare";
        st = egdi_index_set_min_share(idx, w->code, w->min_share);
    }
    if (st == EGDI_OK && *w->denominator) {
        column = "Denominator";
        st = egdi_index_set_denominator(idx, w->code, w->denominator);
    }
    if (st == EGDI_OK && (*w->treatment || *w->treat_params)) {
        column = *w->treatment ? "Treatment" : "TreatParams";
        st = egdi_index_set_treatment(idx, w->code, *w->treatment ? w->treatment : "winsorise",
                                      w->treat_params);
    }
    if (st == EGDI_OK && *w->method[EGDI_STEP_IMPUTE]) {
        column = "Imputation";
        int id;
        st = egdi_method_from_name(EGDI_STEP_IMPUTE, w->method[EGDI_STEP_IMPUTE], &id);
        if (st == EGDI_OK)
            st = egdi_index_set_imputation(idx, w->code, (egdi_impute)id, w->impute_group);
    }
    if (st != EGDI_OK) {
        if (column)
            egdi__error_prefix("line %zu: column %s: ", w->line, column);
        else
            egdi__error_prefix("line %zu: ", w->line);
    }
    return st;
}

/* The order 1.0 stored nodes in: repeated sweeps over the rows in file order,
 * each adding the rows whose parent is already in. A row joins in its
 * parent's sweep if it comes after the parent in the file, else one later. */
static egdi_status storage_order(const row *rows, size_t n, size_t *order)
{
    size_t *sweep = calloc(n, sizeof *sweep), *start = calloc(n + 2, sizeof *start);
    size_t *kid_start = calloc(n + 1, sizeof *kid_start), *kid = malloc((n ? n : 1) * sizeof *kid);
    if (!sweep || !start || !kid_start || !kid) {
        free(sweep), free(start), free(kid_start), free(kid);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        if (rows[i].parent_row >= 0)
            kid_start[rows[i].parent_row + 1]++;
    for (size_t i = 0; i < n; i++)
        kid_start[i + 1] += kid_start[i];
    size_t *fill = start; /* reuse as a cursor: n + 2 >= n entries */
    for (size_t i = 0; i < n; i++)
        fill[i] = kid_start[i];
    for (size_t i = 0; i < n; i++)
        if (rows[i].parent_row >= 0)
            kid[fill[rows[i].parent_row]++] = i;
    /* breadth-first from the roots: a parent's sweep is known before its children's */
    size_t head = 0, tail = 0;
    for (size_t i = 0; i < n; i++)
        if (rows[i].parent_row < 0) {
            sweep[i] = 1;
            order[tail++] = i;
        }
    while (head < tail) {
        size_t p = order[head++];
        for (size_t k = kid_start[p]; k < kid_start[p + 1]; k++) {
            size_t c = kid[k];
            sweep[c] = sweep[p] + (c < p ? 1 : 0);
            order[tail++] = c;
        }
    }
    /* stable counting sort of the rows (in file order) by sweep */
    memset(start, 0, (n + 2) * sizeof *start);
    for (size_t i = 0; i < n; i++)
        start[sweep[i] + 1]++;
    for (size_t s = 0; s <= n; s++)
        start[s + 1] += start[s];
    for (size_t i = 0; i < n; i++)
        order[start[sweep[i]]++] = i;
    free(sweep), free(start), free(kid_start), free(kid);
    return EGDI_OK;
}


static egdi_status from_csv(const egdi__csv *csv, const egdi_imeta_options *o,
                            egdi_imeta_notes *nt, egdi_index **out)
{
    long c[N_COLS], x[EGDI__IMETA_N_EXTRA];
    for (int k = 0; k < N_COLS; k++)
        c[k] = egdi__csv_find_col(csv, egdi__imeta_cols[k]);
    for (int k = 0; k < EGDI__IMETA_N_EXTRA; k++)
        x[k] = egdi__csv_find_col(csv, egdi__imeta_extra_cols[k]);
    static const int required[] = {C_CODE, C_PARENT, C_WEIGHT, C_TYPE};
    for (size_t k = 0; k < 4; k++)
        if (c[required[k]] < 0)
            return egdi__fail(EGDI_ERR_PARSE, "line %zu: the header has no column '%s'",
                              csv->line[0], egdi__imeta_cols[required[k]]);
    row *rows = calloc(csv->n_rows, sizeof *rows);
    size_t *order = calloc(csv->n_rows, sizeof *order);
    if (!rows || !order) {
        free(rows), free(order);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    size_t n = 0;
    egdi__imeta_skipped sk;
    memset(&sk, 0, sizeof sk);
    egdi_status st = egdi__imeta_note_columns(csv, nt);
    for (size_t r = 1; r < csv->n_rows && st == EGDI_OK; r++) {
        int skip;
        st = parse_row(csv, r, c, x, &rows[n], &skip);
        if (st == EGDI_OK && skip) {
            char item[160];
            snprintf(item, sizeof item, "%s on line %zu", *rows[n].code ? rows[n].code : "''",
                     rows[n].line);
            sk.count[skip - 1]++;
            egdi__imeta_list_add(sk.list[skip - 1], sizeof sk.list[skip - 1], item);
        } else if (st == EGDI_OK)
            n++;
    }
    if (st == EGDI_OK)
        st = egdi__imeta_note_skipped(&sk, nt);
    if (st == EGDI_OK && n == 0)
        st = egdi__fail(EGDI_ERR_INVALID_INDEX, "no Indicator or Aggregate rows");
    egdi__imeta_default dn, da, dt;
    if (st == EGDI_OK)
        st = check_tree(rows, n, nt);
    if (st == EGDI_OK)
        st = egdi__imeta_apply_defaults(rows, n, o, c[C_NORM] >= 0, &dn, &da, nt);
    if (st == EGDI_OK)
        st = egdi__imeta_treat_and_denominate(rows, n, o, &dt, nt);
    if (st == EGDI_OK)
        st = storage_order(rows, n, order);
    egdi_index *idx = NULL;
    if (st == EGDI_OK)
        st = egdi_index_new(&idx);
    for (size_t k = 0; k < n && st == EGDI_OK; k++)
        st = add_row(idx, &rows[order[k]]);
    free(rows);
    free(order);
    if (st != EGDI_OK) {
        egdi_index_free(idx);
        return st;
    }
    *out = idx;
    return EGDI_OK;
}

static egdi_status read_text(const char *text, size_t len, const char *source,
                             const egdi_imeta_options *opts, egdi_index **out,
                             egdi_imeta_notes **notes)
{
    egdi_imeta_options o;
    egdi_status st = egdi__imeta_options_read(&o, opts);
    if (st != EGDI_OK)
        return st;
    egdi_imeta_notes *nt = NULL;
    if (notes)
        *notes = NULL;
    if (notes && !(nt = egdi__imeta_notes_new()))
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    egdi__locale loc;
    st = egdi__locale_push(&loc);
    if (st != EGDI_OK) {
        egdi_imeta_notes_free(nt);
        return st;
    }
    egdi__csv csv;
    st = egdi__csv_parse(text, len, 0, source, &csv);
    if (st == EGDI_OK) {
        st = from_csv(&csv, &o, nt, out);
        if (st != EGDI_OK && strncmp(egdi_last_error(), source, strlen(source)) != 0)
            egdi__error_prefix("%s: ", source);
        egdi__csv_free(&csv);
    }
    egdi__locale_pop(&loc);
    if (st != EGDI_OK)
        egdi_imeta_notes_free(nt);
    else if (notes)
        *notes = nt;
    return st;
}

egdi_status egdi_index_read_imeta_buffer(const char *text, size_t len, const char *source,
                                         const egdi_imeta_options *opts, egdi_index **out,
                                         egdi_imeta_notes **notes)
{
    EGDI_CHECK_ARG((text || len == 0) && out, "text/out");
    return read_text(text ? text : "", len, source ? source : "<buffer>", opts, out, notes);
}

egdi_status egdi_index_read_imeta(const char *path, const egdi_imeta_options *opts,
                                  egdi_index **out, egdi_imeta_notes **notes)
{
    EGDI_CHECK_ARG(path && out, "path/out");
    char *text = NULL;
    size_t len;
    egdi_status st = egdi__read_file(path, &text, &len);
    if (st != EGDI_OK)
        return st;
    st = read_text(text, len, path, opts, out, notes);
    free(text);
    return st;
}

egdi_status egdi_index_read_csv_buffer(const char *text, size_t len, egdi_index **out)
{
    return egdi_index_read_imeta_buffer(text, len, NULL, NULL, out, NULL);
}

egdi_status egdi_index_read_csv(const char *path, egdi_index **out)
{
    return egdi_index_read_imeta(path, NULL, out, NULL);
}

