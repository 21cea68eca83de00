/* The dataset handle: units x columns (numeric or factor-coded labels). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dataset_internal.h"

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
    for (size_t i = 0; i < ds->n_units; i++)
        if (strcmp(ds->codes[i], code) == 0) {
            *out = i;
            return EGDI_OK;
        }
    return egdi__fail(EGDI_ERR_NOT_FOUND, "no unit with code '%s'", code);
}

egdi_status egdi_dataset_find_unit_by_name(const egdi_dataset *ds, const char *name, size_t *out)
{
    EGDI_CHECK_ARG(ds && name && out, "ds/name/out");
    for (size_t i = 0; i < ds->n_units; i++)
        if (strcmp(ds->names[i], name) == 0) {
            *out = i;
            return EGDI_OK;
        }
    return egdi__fail(EGDI_ERR_NOT_FOUND, "no unit named '%s'", name);
}

egdi_status egdi_dataset_find_column(const egdi_dataset *ds, const char *name, size_t *out)
{
    EGDI_CHECK_ARG(ds && name && out, "ds/name/out");
    for (size_t j = 0; j < ds->n_cols; j++)
        if (strcmp(ds->cols[j].name, name) == 0) {
            *out = j;
            return EGDI_OK;
        }
    return egdi__fail(EGDI_ERR_NOT_FOUND, "no column named '%s'", name);
}

/* Make room for one more unit in every per-unit array. */
static egdi_status grow_units(egdi_dataset *ds)
{
    if (ds->n_units < ds->cap_units)
        return EGDI_OK;
    size_t nc = ds->cap_units ? ds->cap_units * 2 : 64;
    char **codes = egdi__reallocarray(ds->codes, nc, sizeof *codes);
    if (!codes)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    ds->codes = codes;
    char **names = egdi__reallocarray(ds->names, nc, sizeof *names);
    if (!names)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    ds->names = names;
    for (size_t j = 0; j < ds->n_cols; j++) {
        egdi__column *c = &ds->cols[j];
        if (c->kind == EGDI_COLUMN_NUMERIC) {
            double *p = egdi__reallocarray(c->num, nc, sizeof *p);
            if (!p)
                return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
            c->num = p;
        } else {
            int *p = egdi__reallocarray(c->codes, nc, sizeof *p);
            if (!p)
                return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
            c->codes = p;
        }
    }
    ds->cap_units = nc;
    return EGDI_OK;
}

egdi_status egdi_dataset_add_unit(egdi_dataset *ds, const char *code, const char *name,
                                  size_t *index_out)
{
    EGDI_CHECK_ARG(ds && code, "ds/code");
    char *c = egdi__strndup_trim(code, strlen(code));
    char *nm = (name && *name) ? egdi__strndup_trim(name, strlen(name)) : NULL;
    if (!c || ((name && *name) && !nm)) {
        free(c);
        free(nm);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    if (!nm || !*nm) {
        free(nm);
        nm = egdi__strdup(c);
    }
    egdi_status st = EGDI_OK;
    size_t dummy;
    if (!nm)
        st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    else if (!*c)
        st = egdi__fail(EGDI_ERR_INVALID_ARG, "unit %zu: empty code", ds->n_units + 1);
    else if (egdi_dataset_find_unit(ds, c, &dummy) == EGDI_OK)
        st = egdi__fail(EGDI_ERR_DUPLICATE, "duplicate unit code '%s'", c);
    else
        st = grow_units(ds);
    if (st != EGDI_OK) {
        free(c);
        free(nm);
        return st;
    }
    egdi_clear_error();
    size_t i = ds->n_units++;
    ds->codes[i] = c;
    ds->names[i] = nm;
    for (size_t j = 0; j < ds->n_cols; j++) {
        if (ds->cols[j].kind == EGDI_COLUMN_NUMERIC)
            ds->cols[j].num[i] = NAN;
        else
            ds->cols[j].codes[i] = -1;
    }
    if (index_out)
        *index_out = i;
    return EGDI_OK;
}

static egdi_status new_column(egdi_dataset *ds, const char *name, egdi_column_kind kind,
                              egdi__column **out)
{
    EGDI_CHECK_ARG(ds && name, "ds/name");
    char *nm = egdi__strndup_trim(name, strlen(name));
    if (!nm)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    size_t dummy;
    if (!*nm) {
        free(nm);
        return egdi__fail(EGDI_ERR_INVALID_ARG, "column %zu: empty column name", ds->n_cols + 1);
    }
    if (egdi_dataset_find_column(ds, nm, &dummy) == EGDI_OK) {
        egdi_status st = egdi__fail(EGDI_ERR_DUPLICATE, "duplicate column '%s'", nm);
        free(nm);
        return st;
    }
    egdi_clear_error();
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
    egdi__column *c = &ds->cols[ds->n_cols];
    memset(c, 0, sizeof *c);
    c->name = nm;
    c->kind = kind;
    size_t cap = ds->cap_units ? ds->cap_units : 1;
    if (kind == EGDI_COLUMN_NUMERIC)
        c->num = malloc(cap * sizeof *c->num);
    else
        c->codes = malloc(cap * sizeof *c->codes);
    if ((kind == EGDI_COLUMN_NUMERIC && !c->num) || (kind == EGDI_COLUMN_LABEL && !c->codes)) {
        column_clear(c);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    *out = c;
    return EGDI_OK;
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
    for (size_t i = 0; i < ds->n_units; i++)
        c->num[i] = values ? values[i] : NAN;
    ds->n_cols++;
    return EGDI_OK;
}

/* Level number of a label in column c, adding it if new; -1 for no label, -2 on no memory. */
int egdi__level_intern(egdi__column *c, const char *label)
{
    if (!label || !*label)
        return -1;
    for (size_t k = 0; k < c->n_levels; k++)
        if (strcmp(c->levels[k], label) == 0)
            return (int)k;
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
    ds->n_cols++;
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

egdi_status egdi_dataset_get_numeric(const egdi_dataset *ds, size_t j, double *out, size_t n)
{
    const egdi__column *c = NULL;
    egdi_status st = get_col(ds, j, EGDI_COLUMN_NUMERIC, &c);
    if (st != EGDI_OK)
        return st;
    EGDI_CHECK_ARG(out || n == 0, "out");
    if (n != ds->n_units)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "column '%s': buffer of %zu for %zu units",
                          c->name, n, ds->n_units);
    if (n)
        memcpy(out, c->num, n * sizeof *out);
    return EGDI_OK;
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
    if (!ds || j >= ds->n_cols || ds->cols[j].kind != EGDI_COLUMN_LABEL || k >= ds->cols[j].n_levels)
        return NULL;
    return ds->cols[j].levels[k];
}

egdi_status egdi_dataset_get_level_codes(const egdi_dataset *ds, size_t j, int *out, size_t n)
{
    const egdi__column *c = NULL;
    egdi_status st = get_col(ds, j, EGDI_COLUMN_LABEL, &c);
    if (st != EGDI_OK)
        return st;
    EGDI_CHECK_ARG(out || n == 0, "out");
    if (n != ds->n_units)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "column '%s': buffer of %zu for %zu units",
                          c->name, n, ds->n_units);
    if (n)
        memcpy(out, c->codes, n * sizeof *out);
    return EGDI_OK;
}

egdi_status egdi_dataset_clone(const egdi_dataset *ds, egdi_dataset **out)
{
    EGDI_CHECK_ARG(ds && out, "ds/out");
    egdi_dataset *cp = NULL;
    egdi_status st = egdi_dataset_new(&cp);
    for (size_t i = 0; st == EGDI_OK && i < ds->n_units; i++)
        st = egdi_dataset_add_unit(cp, ds->codes[i], ds->names[i], NULL);
    for (size_t j = 0; st == EGDI_OK && j < ds->n_cols; j++)
        st = egdi__dataset_copy_column(cp, ds, j, NULL);
    if (st != EGDI_OK) {
        egdi_dataset_free(cp);
        return st;
    }
    *out = cp;
    return EGDI_OK;
}

egdi_status egdi_dataset_select_units(const egdi_dataset *ds, const size_t *rows, size_t n,
                                      egdi_dataset **out)
{
    EGDI_CHECK_ARG(ds && (rows || n == 0) && out, "ds/rows/out");
    egdi_dataset *cp = NULL;
    egdi_status st = egdi_dataset_new(&cp);
    for (size_t i = 0; st == EGDI_OK && i < n; i++) {
        if (rows[i] >= ds->n_units)
            st = egdi__fail(EGDI_ERR_RANGE, "row %zu: unit %zu out of range (%zu units)", i + 1,
                            rows[i], ds->n_units);
        else
            st = egdi_dataset_add_unit(cp, ds->codes[rows[i]], ds->names[rows[i]], NULL);
    }
    for (size_t j = 0; st == EGDI_OK && j < ds->n_cols; j++)
        st = egdi__dataset_copy_column(cp, ds, j, rows);
    if (st != EGDI_OK) {
        egdi_dataset_free(cp);
        return st;
    }
    *out = cp;
    return EGDI_OK;
}

egdi_status egdi__dataset_copy_column(egdi_dataset *dst, const egdi_dataset *src, size_t j,
                                      const size_t *map)
{
    const egdi__column *c = &src->cols[j];
    size_t k = dst->n_cols;
    egdi_status st = c->kind == EGDI_COLUMN_NUMERIC
                         ? egdi_dataset_add_numeric(dst, c->name, NULL, 0)
                         : egdi_dataset_add_labels(dst, c->name, NULL, 0);
    for (size_t i = 0; st == EGDI_OK && i < dst->n_units; i++) {
        size_t s = map ? map[i] : i;
        if (s == (size_t)-1)
            continue;
        if (c->kind == EGDI_COLUMN_NUMERIC)
            dst->cols[k].num[i] = c->num[s];
        else
            st = egdi_dataset_set_label(dst, i, k, c->codes[s] < 0 ? NULL : c->levels[c->codes[s]]);
    }
    return st;
}

egdi_status egdi_dataset_join_labels(egdi_dataset *ds, const egdi_dataset *table, int by_name,
                                     int allow_missing)
{
    EGDI_CHECK_ARG(ds && table, "ds/table");
    size_t *map = malloc((ds->n_units ? ds->n_units : 1) * sizeof *map);
    if (!map)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    egdi_status st = EGDI_OK;
    for (size_t i = 0; i < ds->n_units && st == EGDI_OK; i++) {
        st = by_name ? egdi_dataset_find_unit_by_name(table, ds->names[i], &map[i])
                     : egdi_dataset_find_unit(table, ds->codes[i], &map[i]);
        if (st == EGDI_ERR_NOT_FOUND && allow_missing) {
            map[i] = (size_t)-1;
            st = EGDI_OK;
        } else if (st != EGDI_OK) {
            egdi__error_prefix("joining labels: unit %zu ('%s'): ", i + 1,
                               by_name ? ds->names[i] : ds->codes[i]);
        }
    }
    size_t dummy;
    for (size_t j = 0; j < table->n_cols && st == EGDI_OK; j++)
        if (table->cols[j].kind == EGDI_COLUMN_LABEL &&
            egdi_dataset_find_column(ds, table->cols[j].name, &dummy) == EGDI_OK)
            st = egdi__fail(EGDI_ERR_DUPLICATE, "joining labels: column '%s' exists already",
                            table->cols[j].name);
    size_t first_new = ds->n_cols;
    for (size_t j = 0; j < table->n_cols && st == EGDI_OK; j++)
        if (table->cols[j].kind == EGDI_COLUMN_LABEL)
            st = egdi__dataset_copy_column(ds, table, j, map);
    if (st != EGDI_OK) {
        egdi_status keep = st;
        while (ds->n_cols > first_new)
            egdi_dataset_remove_column(ds, ds->n_cols - 1);
        st = keep;
    } else {
        egdi_clear_error();
    }
    free(map);
    return st;
}
