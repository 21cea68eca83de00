/* Whole-dataset operations: copies, row selections, column copies between
 * datasets and label joins. Each is linear in the number of cells. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data/data.h"

egdi_status egdi__dataset_copy_column(egdi_dataset *dst, const egdi_dataset *src, size_t j,
                                      const size_t *map)
{
    const egdi__column *c = &src->cols[j];
    size_t k = dst->n_cols, n = dst->n_units;
    egdi_status st = c->kind == EGDI_COLUMN_NUMERIC
                         ? egdi_dataset_add_numeric(dst, c->name, NULL, 0)
                         : egdi_dataset_add_labels(dst, c->name, NULL, 0);
    if (st != EGDI_OK)
        return st;
    egdi__column *d = &dst->cols[k];
    if (c->kind == EGDI_COLUMN_NUMERIC) {
        for (size_t i = 0; i < n; i++) {
            size_t s = map ? map[i] : i;
            d->num[i] = s == (size_t)-1 ? NAN : c->num[s];
        }
        return EGDI_OK;
    }
    /* labels: source level -> destination level, interned on first use so that
     * the destination's levels are in order of first appearance */
    int *remap = egdi__mallocarray(c->n_levels, sizeof *remap);
    if (!remap) {
        egdi_dataset_remove_column(dst, k);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    for (size_t l = 0; l < c->n_levels; l++)
        remap[l] = -1;
    for (size_t i = 0; i < n && st == EGDI_OK; i++) {
        size_t s = map ? map[i] : i;
        int code = s == (size_t)-1 ? -1 : c->codes[s];
        if (code >= 0 && remap[code] < 0) {
            remap[code] = egdi__level_intern(d, c->levels[code]);
            if (remap[code] == -2)
                st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
        }
        d->codes[i] = code < 0 ? -1 : remap[code];
    }
    free(remap);
    if (st != EGDI_OK)
        egdi_dataset_remove_column(dst, k);
    return st;
}

egdi_status egdi_dataset_select_units(const egdi_dataset *ds, const size_t *rows, size_t n,
                                      egdi_dataset **out)
{
    EGDI_CHECK_ARG(ds && (rows || n == 0) && out, "ds/rows/out");
    egdi_dataset *cp = NULL;
    char **codes = egdi__mallocarray(n, sizeof *codes);
    char **names = egdi__mallocarray(n, sizeof *names);
    egdi_status st = codes && names ? egdi_dataset_new(&cp)
                                    : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    size_t made = 0;
    for (; made < n && st == EGDI_OK; made++) {
        if (rows[made] >= ds->n_units) {
            st = egdi__fail(EGDI_ERR_RANGE, "row %zu: unit %zu out of range (%zu units)",
                            made + 1, rows[made], ds->n_units);
            break;
        }
        codes[made] = egdi__strdup(ds->codes[rows[made]]);
        names[made] = egdi__strdup(ds->names[rows[made]]);
        if (!codes[made] || !names[made]) {
            free(codes[made]), free(names[made]);
            st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
            break;
        }
    }
    if (st == EGDI_OK)
        st = egdi__dataset_adopt_units(cp, codes, names, n);
    if (st != EGDI_OK)
        for (size_t i = 0; i < made; i++)
            free(codes[i]), free(names[i]);
    free(codes);
    free(names);
    for (size_t j = 0; j < ds->n_cols && st == EGDI_OK; j++)
        st = egdi__dataset_copy_column(cp, ds, j, rows);
    if (st != EGDI_OK) {
        egdi_dataset_free(cp);
        return st;
    }
    *out = cp;
    return EGDI_OK;
}

egdi_status egdi_dataset_clone(const egdi_dataset *ds, egdi_dataset **out)
{
    EGDI_CHECK_ARG(ds && out, "ds/out");
    size_t *rows = egdi__mallocarray(ds->n_units, sizeof *rows);
    if (!rows)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < ds->n_units; i++)
        rows[i] = i;
    egdi_status st = egdi_dataset_select_units(ds, rows, ds->n_units, out);
    free(rows);
    return st;
}

egdi_status egdi_dataset_join_labels(egdi_dataset *ds, const egdi_dataset *table, int by_name,
                                     int allow_missing)
{
    EGDI_CHECK_ARG(ds && table, "ds/table");
    size_t *map = egdi__mallocarray(ds->n_units, sizeof *map);
    if (!map)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    egdi_status st = EGDI_OK;
    const egdi__strmap *index = by_name ? &table->name_map : &table->code_map;
    for (size_t i = 0; i < ds->n_units && st == EGDI_OK; i++) {
        const char *key = by_name ? ds->names[i] : ds->codes[i];
        if (egdi__strmap_get(index, key, &map[i]))
            continue;
        if (allow_missing)
            map[i] = (size_t)-1;
        else
            st = egdi__fail(EGDI_ERR_NOT_FOUND, "joining labels: unit %zu ('%s'): no unit %s '%s'",
                            i + 1, key, by_name ? "named" : "with code", key);
    }
    for (size_t j = 0; j < table->n_cols && st == EGDI_OK; j++)
        if (table->cols[j].kind == EGDI_COLUMN_LABEL &&
            egdi__dataset_column(ds, table->cols[j].name) != (size_t)-1)
            st = egdi__fail(EGDI_ERR_DUPLICATE, "joining labels: column '%s' exists already",
                            table->cols[j].name);
    size_t first_new = ds->n_cols;
    for (size_t j = 0; j < table->n_cols && st == EGDI_OK; j++)
        if (table->cols[j].kind == EGDI_COLUMN_LABEL)
            st = egdi__dataset_copy_column(ds, table, j, map);
    if (st != EGDI_OK) {
        egdi_status keep = st;
        char msg[1024];
        snprintf(msg, sizeof msg, "%s", egdi_last_error());
        while (ds->n_cols > first_new)
            egdi_dataset_remove_column(ds, ds->n_cols - 1);
        st = egdi_set_error(keep, msg);
    }
    free(map);
    return st;
}

static const char *code_of(const void *ctx, size_t i)
{
    return ((const egdi_dataset *)ctx)->codes[i];
}

static const char *name_of(const void *ctx, size_t i)
{
    return ((const egdi_dataset *)ctx)->names[i];
}

egdi_status egdi__dataset_copy_units(egdi_dataset *dst, const egdi_dataset *src)
{
    size_t n = src->n_units;
    if (dst->n_units || dst->n_cols)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "copying units into a dataset that has some");
    char **codes = egdi__mallocarray(n, sizeof *codes);
    char **names = egdi__mallocarray(n, sizeof *names);
    if (!codes || !names) {
        free(codes), free(names);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu units", n);
    }
    size_t made = 0;
    for (; made < n; made++) {
        codes[made] = egdi__strdup(src->codes[made]);
        names[made] = egdi__strdup(src->names[made]);
        if (!codes[made] || !names[made]) {
            free(codes[made]), free(names[made]);
            break;
        }
    }
    egdi__strmap cm = {0}, nm = {0};
    egdi_dataset tmp = {.codes = codes, .names = names};
    if (made < n || !egdi__strmap_copy(&cm, &src->code_map, code_of, &tmp) ||
        !egdi__strmap_copy(&nm, &src->name_map, name_of, &tmp)) {
        for (size_t i = 0; i < made; i++)
            free(codes[i]), free(names[i]);
        free(codes), free(names);
        egdi__strmap_free(&cm), egdi__strmap_free(&nm);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu units", n);
    }
    free(dst->codes), free(dst->names);
    egdi__strmap_free(&dst->code_map), egdi__strmap_free(&dst->name_map);
    dst->codes = codes;
    dst->names = names;
    dst->n_units = dst->cap_units = n;
    dst->code_map = cm;
    dst->name_map = nm;
    return EGDI_OK;
}
