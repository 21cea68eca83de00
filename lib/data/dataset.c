/* The dataset handle: units x columns (numeric or factor-coded labels).
 * Unit codes, unit names, column names and label levels are each indexed by
 * a string map, so building and querying a dataset is linear in its size. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data/data.h"

egdi_status egdi_dataset_new(egdi_dataset **out)
{
    EGDI_CHECK_ARG(out, "out");
    *out = calloc(1, sizeof **out);
    if (!*out)
        return egdi__fail(EGDI_ERR_NOMEM, "egdi_dataset_new: out of memory");
    return EGDI_OK;
}

static void column_clear(egdi__column *c)
{
    free(c->name);
    free(c->num);
    free(c->codes);
    for (size_t k = 0; k < c->n_levels; k++)
        free(c->levels[k]);
    free(c->levels);
    egdi__strmap_free(&c->level_map);
}

void egdi_dataset_free(egdi_dataset *ds)
{
    if (!ds)
        return;
    for (size_t i = 0; i < ds->n_units; i++) {
        free(ds->codes[i]);
        free(ds->names[i]);
    }
    free(ds->codes);
    free(ds->names);
    for (size_t j = 0; j < ds->n_cols; j++)
        column_clear(&ds->cols[j]);
    free(ds->cols);
    egdi__strmap_free(&ds->code_map);
    egdi__strmap_free(&ds->name_map);
    egdi__strmap_free(&ds->col_map);
    free(ds);
}

size_t egdi_dataset_n_units(const egdi_dataset *ds) { return ds ? ds->n_units : 0; }
size_t egdi_dataset_n_columns(const egdi_dataset *ds) { return ds ? ds->n_cols : 0; }

const char *egdi_dataset_unit_code(const egdi_dataset *ds, size_t i)
{
    return ds && i < ds->n_units ? ds->codes[i] : NULL;
}

const char *egdi_dataset_unit_name(const egdi_dataset *ds, size_t i)
{
    return ds && i < ds->n_units ? ds->names[i] : NULL;
}

egdi_status egdi_dataset_find_unit(const egdi_dataset *ds, const char *code, size_t *out)
{
    EGDI_CHECK_ARG(ds && code && out, "ds/code/out");
    if (egdi__strmap_get(&ds->code_map, code, out))
        return EGDI_OK;
    return egdi__fail(EGDI_ERR_NOT_FOUND, "no unit with code '%s'", code);
}

egdi_status egdi_dataset_find_unit_by_name(const egdi_dataset *ds, const char *name, size_t *out)
{
    EGDI_CHECK_ARG(ds && name && out, "ds/name/out");
    if (egdi__strmap_get(&ds->name_map, name, out))
        return EGDI_OK;
    return egdi__fail(EGDI_ERR_NOT_FOUND, "no unit named '%s'", name);
}

size_t egdi__dataset_column(const egdi_dataset *ds, const char *name)
{
    size_t j;
    return egdi__strmap_get(&ds->col_map, name, &j) ? j : (size_t)-1;
}

egdi_status egdi_dataset_find_column(const egdi_dataset *ds, const char *name, size_t *out)
{
    EGDI_CHECK_ARG(ds && name && out, "ds/name/out");
    if (egdi__strmap_get(&ds->col_map, name, out))
        return EGDI_OK;
    return egdi__fail(EGDI_ERR_NOT_FOUND, "no column named '%s'", name);
}

/* Make room for `extra` more units in every per-unit array and map. */
static egdi_status reserve_units(egdi_dataset *ds, size_t extra)
{
    if (extra > SIZE_MAX / 4 - ds->n_units)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu units", extra);
    size_t need = ds->n_units + extra;
    if (!egdi__strmap_reserve(&ds->code_map, need) || !egdi__strmap_reserve(&ds->name_map, need))
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu units", need);
    if (need <= ds->cap_units)
        return EGDI_OK;
    size_t nc = ds->cap_units ? ds->cap_units : 64;
    while (nc < need)
        nc *= 2;
    char **codes = egdi__reallocarray(ds->codes, nc, sizeof *codes);
    if (!codes)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu units", need);
    ds->codes = codes;
    char **names = egdi__reallocarray(ds->names, nc, sizeof *names);
    if (!names)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu units", need);
    ds->names = names;
    for (size_t j = 0; j < ds->n_cols; j++) {
        egdi__column *c = &ds->cols[j];
        if (c->kind == EGDI_COLUMN_NUMERIC) {
            double *p = egdi__reallocarray(c->num, nc, sizeof *p);
            if (!p)
                return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu units", need);
            c->num = p;
        } else {
            int *p = egdi__reallocarray(c->codes, nc, sizeof *p);
            if (!p)
                return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu units", need);
            c->codes = p;
        }
    }
    ds->cap_units = nc;
    return EGDI_OK;
}

/* Append one unit whose strings are already owned and whose code is already
 * indexed; room must be reserved. */
static void push_unit(egdi_dataset *ds, char *code, char *name)
{
    size_t i = ds->n_units++;
    ds->codes[i] = code; /* already in code_map */
    ds->names[i] = name;
    egdi__strmap_put(&ds->name_map, name, i, NULL); /* reserved; keeps a name's first unit */
    for (size_t j = 0; j < ds->n_cols; j++) {
        if (ds->cols[j].kind == EGDI_COLUMN_NUMERIC)
            ds->cols[j].num[i] = NAN;
        else
            ds->cols[j].codes[i] = -1;
    }
}

egdi_status egdi__dataset_adopt_units(egdi_dataset *ds, char **codes, char **names, size_t n)
{
    egdi_status st = reserve_units(ds, n);
    if (st != EGDI_OK)
        return st;
    /* index the new codes as we go; on an empty or repeated code, take the
     * new entries out again by rebuilding the index of the units already in */
    size_t i = 0;
    for (; i < n; i++) {
        if (!*codes[i]) {
            st = egdi__fail(EGDI_ERR_INVALID_ARG, "unit %zu: empty code", ds->n_units + i + 1);
            break;
        }
        if (egdi__strmap_put(&ds->code_map, codes[i], ds->n_units + i, NULL) == 0) {
            st = egdi__fail(EGDI_ERR_DUPLICATE, "duplicate unit code '%s'", codes[i]);
            break;
        }
    }
    if (st != EGDI_OK) {
        egdi__strmap_clear(&ds->code_map);
        for (size_t k = 0; k < ds->n_units; k++)
            egdi__strmap_put(&ds->code_map, ds->codes[k], k, NULL); /* capacity kept */
        return st;
    }
    for (i = 0; i < n; i++)
        push_unit(ds, codes[i], names[i]);
    return EGDI_OK;
}

/* Trimmed copies of a code and a name (a NULL or blank name defaults to the code). */
static egdi_status dup_unit(const char *code, const char *name, char **c, char **nm)
{
    *c = egdi__strndup_trim(code, strlen(code));
    *nm = NULL;
    if (*c && name && *name) {
        *nm = egdi__strndup_trim(name, strlen(name));
        if (*nm && !**nm) { /* blank: no name */
            free(*nm);
            *nm = egdi__strdup(*c);
        }
    } else if (*c) {
        *nm = egdi__strdup(*c);
    }
    if (!*c || !*nm) {
        free(*c), free(*nm);
        *c = *nm = NULL;
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    return EGDI_OK;
}

egdi_status egdi_dataset_add_unit(egdi_dataset *ds, const char *code, const char *name,
                                  size_t *index_out)
{
    EGDI_CHECK_ARG(ds && code, "ds/code");
    char *c, *nm;
    egdi_status st = dup_unit(code, name, &c, &nm);
    if (st != EGDI_OK)
        return st;
    size_t i = ds->n_units;
    st = egdi__dataset_adopt_units(ds, &c, &nm, 1);
    if (st != EGDI_OK) {
        free(c), free(nm);
        return st;
    }
    if (index_out)
        *index_out = i;
    return EGDI_OK;
}

egdi_status egdi_dataset_add_units(egdi_dataset *ds, const char *const *codes,
                                   const char *const *names, size_t n)
{
    EGDI_CHECK_ARG(ds && (codes || n == 0), "ds/codes");
    char **c = egdi__mallocarray(n, sizeof *c), **nm = egdi__mallocarray(n, sizeof *nm);
    egdi_status st =
        c && nm ? EGDI_OK : egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu units", n);
    size_t made = 0;
    for (; made < n && st == EGDI_OK; made++) {
        if (!codes[made]) {
            st = egdi__fail(EGDI_ERR_INVALID_ARG, "unit %zu: NULL code", made + 1);
            break;
        }
        st = dup_unit(codes[made], names ? names[made] : NULL, &c[made], &nm[made]);
        if (st != EGDI_OK)
            break;
    }
    if (st == EGDI_OK)
        st = egdi__dataset_adopt_units(ds, c, nm, n);
    if (st != EGDI_OK)
        for (size_t i = 0; i < made; i++)
            free(c[i]), free(nm[i]);
    free(c);
    free(nm);
    return st;
}

/* A new column at position n_cols (not yet counted); with_values = 0 leaves
 * its value array to the caller. */
static egdi_status new_column_ex(egdi_dataset *ds, const char *name, egdi_column_kind kind,
                                 int with_values, egdi__column **out)
{
    EGDI_CHECK_ARG(ds && name, "ds/name");
    char *nm = egdi__strndup_trim(name, strlen(name));
    if (!nm)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    if (!*nm) {
        free(nm);
        return egdi__fail(EGDI_ERR_INVALID_ARG, "column %zu: empty column name", ds->n_cols + 1);
    }
    if (egdi__strmap_get(&ds->col_map, nm, NULL)) {
        egdi_status st = egdi__fail(EGDI_ERR_DUPLICATE, "duplicate column '%s'", nm);
        free(nm);
        return st;
    }
    if (ds->n_cols == ds->cap_cols) {
        size_t nc = ds->cap_cols ? ds->cap_cols * 2 : 16;
        egdi__column *p = egdi__reallocarray(ds->cols, nc, sizeof *p);
        if (!p) {
            free(nm);
            return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
        }
        ds->cols = p;
        ds->cap_cols = nc;
    }
    if (!egdi__strmap_reserve(&ds->col_map, ds->n_cols + 1)) {
        free(nm);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    egdi__column *c = &ds->cols[ds->n_cols];
    memset(c, 0, sizeof *c);
    c->name = nm;
    c->kind = kind;
    size_t cap = ds->cap_units ? ds->cap_units : 1;
    if (with_values && kind == EGDI_COLUMN_NUMERIC)
        c->num = egdi__mallocarray(cap, sizeof *c->num);
    else if (with_values)
        c->codes = egdi__mallocarray(cap, sizeof *c->codes);
    if (with_values && !c->num && !c->codes) {
        column_clear(c);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for column '%s'", name);
    }
    *out = c;
    return EGDI_OK;
}

static egdi_status new_column(egdi_dataset *ds, const char *name, egdi_column_kind kind,
                              egdi__column **out)
{
    return new_column_ex(ds, name, kind, 1, out);
}

/* Make the column being built (position n_cols) part of the dataset. */
static void commit_column(egdi_dataset *ds)
{
    egdi__strmap_put(&ds->col_map, ds->cols[ds->n_cols].name, ds->n_cols, NULL); /* reserved */
    ds->n_cols++;
}

egdi_status egdi_dataset_add_numeric(egdi_dataset *ds, const char *name, const double *values,
                                     size_t n)
{
    EGDI_CHECK_ARG(ds, "ds");
    if (values && n != ds->n_units)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "column '%s': %zu values for %zu units",
                          name ? name : "", n, ds->n_units);
    egdi__column *c = NULL;
    egdi_status st = new_column(ds, name, EGDI_COLUMN_NUMERIC, &c);
    if (st != EGDI_OK)
        return st;
    if (values && ds->n_units)
        memcpy(c->num, values, ds->n_units * sizeof *values);
    else
        for (size_t i = 0; i < ds->n_units; i++)
            c->num[i] = NAN;
    commit_column(ds);
    return EGDI_OK;
}

egdi_status egdi__dataset_adopt_numeric(egdi_dataset *ds, const char *name, double *values)
{
    egdi__column *c = NULL;
    egdi_status st = new_column_ex(ds, name, EGDI_COLUMN_NUMERIC, 0, &c);
    if (st != EGDI_OK)
        return st;
    c->num = values;
    if (ds->cap_units > ds->n_units) { /* keep the column's capacity equal to the others' */
        double *p = egdi__reallocarray(values, ds->cap_units, sizeof *p);
        if (!p) {
            c->num = NULL;
            column_clear(c);
            return egdi__fail(EGDI_ERR_NOMEM, "out of memory for column '%s'", name);
        }
        c->num = p;
    }
    commit_column(ds);
    return EGDI_OK;
}

int egdi__level_intern(egdi__column *c, const char *label)
{
    if (!label || !*label)
        return -1;
    size_t k;
    if (egdi__strmap_get(&c->level_map, label, &k))
        return (int)k;
    if (c->n_levels >= (size_t)INT32_MAX)
        return -2;
    if (c->n_levels == c->cap_levels) {
        size_t nc = c->cap_levels ? c->cap_levels * 2 : 8;
        char **p = egdi__reallocarray(c->levels, nc, sizeof *p);
        if (!p)
            return -2;
        c->levels = p;
        c->cap_levels = nc;
    }
    char *s = egdi__strdup(label);
    if (!s)
        return -2;
    if (egdi__strmap_put(&c->level_map, s, c->n_levels, NULL) < 0) {
        free(s);
        return -2;
    }
    c->levels[c->n_levels] = s;
    return (int)c->n_levels++;
}

egdi_status egdi_dataset_add_labels(egdi_dataset *ds, const char *name,
                                    const char *const *labels, size_t n)
{
    EGDI_CHECK_ARG(ds, "ds");
    if (labels && n != ds->n_units)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "column '%s': %zu labels for %zu units",
                          name ? name : "", n, ds->n_units);
    egdi__column *c = NULL;
    egdi_status st = new_column(ds, name, EGDI_COLUMN_LABEL, &c);
    if (st != EGDI_OK)
        return st;
    for (size_t i = 0; i < ds->n_units; i++) {
        int code = egdi__level_intern(c, labels ? labels[i] : NULL);
        if (code == -2) {
            column_clear(c);
            return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
        }
        c->codes[i] = code;
    }
    commit_column(ds);
    return EGDI_OK;
}

egdi_status egdi_dataset_remove_column(egdi_dataset *ds, size_t j)
{
    EGDI_CHECK_ARG(ds, "ds");
    if (j >= ds->n_cols)
        return egdi__fail(EGDI_ERR_RANGE, "column %zu out of range (%zu columns)", j, ds->n_cols);
    column_clear(&ds->cols[j]);
    memmove(&ds->cols[j], &ds->cols[j + 1], (ds->n_cols - j - 1) * sizeof *ds->cols);
    ds->n_cols--;
    /* positions moved: rebuild the name index (capacity is kept, so no allocation) */
    egdi__strmap_clear(&ds->col_map);
    for (size_t k = 0; k < ds->n_cols; k++)
        egdi__strmap_put(&ds->col_map, ds->cols[k].name, k, NULL);
    return EGDI_OK;
}

static egdi_status get_col(const egdi_dataset *ds, size_t j, egdi_column_kind kind,
                           const egdi__column **out)
{
    EGDI_CHECK_ARG(ds, "ds");
    if (j >= ds->n_cols)
        return egdi__fail(EGDI_ERR_RANGE, "column %zu out of range (%zu columns)", j, ds->n_cols);
    if (ds->cols[j].kind != kind)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "column '%s' is not a %s column", ds->cols[j].name,
                          kind == EGDI_COLUMN_NUMERIC ? "numeric" : "label");
    *out = &ds->cols[j];
    return EGDI_OK;
}

egdi_status egdi_dataset_column_kind(const egdi_dataset *ds, size_t j, egdi_column_kind *out)
{
    EGDI_CHECK_ARG(ds && out, "ds/out");
    if (j >= ds->n_cols)
        return egdi__fail(EGDI_ERR_RANGE, "column %zu out of range (%zu columns)", j, ds->n_cols);
    *out = ds->cols[j].kind;
    return EGDI_OK;
}

const char *egdi_dataset_column_name(const egdi_dataset *ds, size_t j)
{
    return ds && j < ds->n_cols ? ds->cols[j].name : NULL;
}

/* Copy column j's per-unit array (values or level codes) into out (n == n_units). */
static egdi_status copy_out(const egdi_dataset *ds, size_t j, egdi_column_kind kind, void *out,
                            size_t n)
{
    const egdi__column *c = NULL;
    egdi_status st = get_col(ds, j, kind, &c);
    if (st != EGDI_OK)
        return st;
    EGDI_CHECK_ARG(out || n == 0, "out");
    if (n != ds->n_units)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "column '%s': buffer of %zu for %zu units",
                          c->name, n, ds->n_units);
    if (n && kind == EGDI_COLUMN_NUMERIC)
        memcpy(out, c->num, n * sizeof *c->num);
    else if (n)
        memcpy(out, c->codes, n * sizeof *c->codes);
    return EGDI_OK;
}

egdi_status egdi_dataset_get_numeric(const egdi_dataset *ds, size_t j, double *out, size_t n)
{
    return copy_out(ds, j, EGDI_COLUMN_NUMERIC, out, n);
}

egdi_status egdi_dataset_set_numeric(egdi_dataset *ds, size_t j, const double *values, size_t n)
{
    const egdi__column *c = NULL;
    egdi_status st = get_col(ds, j, EGDI_COLUMN_NUMERIC, &c);
    if (st != EGDI_OK)
        return st;
    EGDI_CHECK_ARG(values || n == 0, "values");
    if (n != ds->n_units)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "column '%s': %zu values for %zu units", c->name,
                          n, ds->n_units);
    if (n)
        memcpy(ds->cols[j].num, values, n * sizeof *values);
    return EGDI_OK;
}

egdi_status egdi_dataset_get_value(const egdi_dataset *ds, size_t unit, size_t j, double *value)
{
    const egdi__column *c = NULL;
    egdi_status st = get_col(ds, j, EGDI_COLUMN_NUMERIC, &c);
    if (st != EGDI_OK)
        return st;
    EGDI_CHECK_ARG(value, "value");
    if (unit >= ds->n_units)
        return egdi__fail(EGDI_ERR_RANGE, "unit %zu out of range (%zu units)", unit, ds->n_units);
    *value = c->num[unit];
    return EGDI_OK;
}

egdi_status egdi_dataset_set_value(egdi_dataset *ds, size_t unit, size_t j, double v)
{
    const egdi__column *c = NULL;
    egdi_status st = get_col(ds, j, EGDI_COLUMN_NUMERIC, &c);
    if (st != EGDI_OK)
        return st;
    if (unit >= ds->n_units)
        return egdi__fail(EGDI_ERR_RANGE, "unit %zu out of range (%zu units)", unit, ds->n_units);
    ds->cols[j].num[unit] = v;
    return EGDI_OK;
}

const char *egdi_dataset_get_label(const egdi_dataset *ds, size_t unit, size_t j)
{
    if (!ds || j >= ds->n_cols || unit >= ds->n_units || ds->cols[j].kind != EGDI_COLUMN_LABEL)
        return NULL;
    int code = ds->cols[j].codes[unit];
    return code < 0 ? "" : ds->cols[j].levels[code];
}

egdi_status egdi_dataset_set_label(egdi_dataset *ds, size_t unit, size_t j, const char *label)
{
    const egdi__column *cc = NULL;
    egdi_status st = get_col(ds, j, EGDI_COLUMN_LABEL, &cc);
    if (st != EGDI_OK)
        return st;
    if (unit >= ds->n_units)
        return egdi__fail(EGDI_ERR_RANGE, "unit %zu out of range (%zu units)", unit, ds->n_units);
    int code = egdi__level_intern(&ds->cols[j], label);
    if (code == -2)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    ds->cols[j].codes[unit] = code;
    return EGDI_OK;
}

egdi_status egdi_dataset_n_levels(const egdi_dataset *ds, size_t j, size_t *out)
{
    const egdi__column *c = NULL;
    egdi_status st = get_col(ds, j, EGDI_COLUMN_LABEL, &c);
    if (st != EGDI_OK)
        return st;
    EGDI_CHECK_ARG(out, "out");
    *out = c->n_levels;
    return EGDI_OK;
}

const char *egdi_dataset_level(const egdi_dataset *ds, size_t j, size_t k)
{
    if (!ds || j >= ds->n_cols || ds->cols[j].kind != EGDI_COLUMN_LABEL ||
        k >= ds->cols[j].n_levels)
        return NULL;
    return ds->cols[j].levels[k];
}

egdi_status egdi_dataset_get_level_codes(const egdi_dataset *ds, size_t j, int *out, size_t n)
{
    return copy_out(ds, j, EGDI_COLUMN_LABEL, out, n);
}
