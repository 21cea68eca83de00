/* The editions as one panel (a long table) and comparisons of editions, sorted.
 * The methodology changes between editions are in changes.c. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "survey/survey.h"

/* ---- the panel ---- */

/* Numeric columns of a panel after edition and code, and its label columns. */
static const char *const num_cols[] = {"egdi", "osi", "tii", "hci", "epi", "rank",
                                       "osi_rank", "tii_rank", "hci_rank", "epi_rank"};
#define N_NUM (sizeof num_cols / sizeof *num_cols)
#define J_RANK 5 /* position of "rank" in num_cols */

/* Sort key of a row: a number (NaN last), then a name, then a code. */
typedef struct sort_key {
    double key;
    const char *name, *code;
    size_t row;
} sort_key;

static int by_key(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    int na = isnan(a->key), nb = isnan(b->key);
    if (na != nb)
        return na - nb;
    if (!na && a->key != b->key)
        return a->key < b->key ? -1 : 1;
    int c = strcmp(a->name, b->name);
    return c ? c : strcmp(a->code, b->code);
}

/* The values of a numeric column `name` of ds (NaN if absent); EGDI_ERR_NOT_FOUND
 * if the column is absent and `required`. */
static egdi_status get_column(const egdi_dataset *ds, const char *name, int required,
                              double *out, size_t n)
{
    size_t j;
    if (egdi_dataset_find_column(ds, name, &j) == EGDI_OK)
        return egdi_dataset_get_numeric(ds, j, out, n);
    if (required)
        return EGDI_ERR_NOT_FOUND;
    egdi_clear_error();
    for (size_t i = 0; i < n; i++)
        out[i] = NAN;
    return EGDI_OK;
}

/* The country code of unit i of a table: the country table's, else its own. */
static const char *country_code(const egdi_dataset *table, size_t i, const egdi_dataset *countries)
{
    const char *code = egdi_dataset_unit_code(table, i), *name = egdi_dataset_unit_name(table, i);
    size_t r;
    if (countries && ((name && egdi_dataset_find_unit_by_name(countries, name, &r) == EGDI_OK) ||
                      egdi_dataset_find_unit(countries, code, &r) == EGDI_OK))
        return egdi_dataset_unit_code(countries, r);
    egdi_clear_error();
    return code;
}

static const char *label_or_empty(const egdi_dataset *ds, size_t i, size_t j)
{
    const char *s = j == (size_t)-1 ? NULL : egdi_dataset_get_label(ds, i, j);
    return s ? s : "";
}

static int by_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Append the rows of one table (edition e) to the panel being built. */
typedef struct builder {
    egdi_dataset *ds;
    double *num[N_NUM + 2]; /* edition, N_NUM columns, assessed */
    const char **code, **group, **rclass;
    sort_key *keys;
    double *tmp;
    size_t row;
} builder;

static egdi_status add_table(builder *b, int e, const egdi_dataset *t, const egdi_dataset *countries)
{
    size_t n = egdi_dataset_n_units(t), jg = (size_t)-1, jr = (size_t)-1;
    egdi_status st = EGDI_OK;
    for (size_t c = 0; c < N_NUM && st == EGDI_OK; c++) {
        st = get_column(t, num_cols[c], c == 0 || c == J_RANK, b->tmp, n);
        for (size_t i = 0; st == EGDI_OK && i < n; i++)
            b->num[c + 1][b->row + i] = b->tmp[i];
        if (c == J_RANK)
            for (size_t i = 0; st == EGDI_OK && i < n; i++)
                b->keys[i] = (sort_key){b->tmp[i], egdi_dataset_unit_name(t, i),
                                        egdi_dataset_unit_code(t, i), i};
    }
    if (st != EGDI_OK) {
        egdi__error_prefix("edition %d: ", e);
        return st;
    }
    if (egdi_dataset_find_column(t, "group", &jg) != EGDI_OK)
        jg = (size_t)-1;
    if (egdi_dataset_find_column(t, "rating_class", &jr) != EGDI_OK)
        jr = (size_t)-1;
    egdi_clear_error();
    qsort(b->keys, n, sizeof *b->keys, by_key);
    /* reorder the rows just copied by rank, then name */
    for (size_t c = 1; c <= N_NUM; c++) {
        for (size_t k = 0; k < n; k++)
            b->tmp[k] = b->num[c][b->row + b->keys[k].row];
        memcpy(b->num[c] + b->row, b->tmp, n * sizeof *b->tmp);
    }
    char *unit = NULL; /* "CODE:YEAR", as long as the code needs */
    size_t cap = 0;
    for (size_t k = 0; k < n && st == EGDI_OK; k++) {
        size_t i = b->keys[k].row, r = b->row + k;
        b->num[0][r] = e;
        b->num[N_NUM + 1][r] = isnan(b->num[1][r]) ? 0 : 1;
        b->code[r] = country_code(t, i, countries);
        b->group[r] = label_or_empty(t, i, jg);
        b->rclass[r] = label_or_empty(t, i, jr);
        size_t need = strlen(b->code[r]) + 16;
        if (need > cap) {
            char *nu = realloc(unit, need);
            if (!nu) {
                st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
                break;
            }
            unit = nu, cap = need;
        }
        snprintf(unit, cap, "%s:%d", b->code[r], e);
        st = egdi_dataset_add_unit(b->ds, unit, egdi_dataset_unit_name(t, i), NULL);
        if (st == EGDI_ERR_DUPLICATE)
            st = egdi__fail(st, "edition %d: two units with the country code '%s'", e,
                            b->code[r]);
    }
    free(unit);
    b->row += n;
    return st;
}

/* Editions distinct and positive, datasets not NULL. */
static egdi_status check_editions(const int *editions, const egdi_dataset *const *data, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        EGDI_CHECK_ARG(data[k], "data");
        if (editions[k] <= 0)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "edition %d is not a positive number",
                              editions[k]);
        for (size_t m = 0; m < k; m++)
            if (editions[m] == editions[k])
                return egdi__fail(EGDI_ERR_DUPLICATE, "edition %d is given twice", editions[k]);
    }
    return EGDI_OK;
}

egdi_status egdi_panel_from_tables(const int *editions, const egdi_dataset *const *tables, size_t n,
                                   const egdi_dataset *countries, egdi_dataset **out)
{
    EGDI_CHECK_ARG(editions && tables && out && n > 0, "editions/tables/n/out");
    *out = NULL;
    size_t total = 0, biggest = 1;
    egdi_status st = check_editions(editions, tables, n);
    if (st != EGDI_OK)
        return st;
    for (size_t k = 0; k < n; k++) {
        size_t nu = egdi_dataset_n_units(tables[k]);
        total += nu;
        biggest = nu > biggest ? nu : biggest;
    }
    builder b = {0};
    st = egdi_dataset_new(&b.ds);
    int ok = st == EGDI_OK;
    for (size_t c = 0; c < N_NUM + 2; c++)
        ok = ok && (b.num[c] = egdi__mallocarray(total, sizeof(double))) != NULL;
    ok = ok && (b.code = egdi__mallocarray(total, sizeof(char *))) != NULL;
    ok = ok && (b.group = egdi__mallocarray(total, sizeof(char *))) != NULL;
    ok = ok && (b.rclass = egdi__mallocarray(total, sizeof(char *))) != NULL;
    ok = ok && (b.keys = egdi__mallocarray(biggest, sizeof *b.keys)) != NULL;
    ok = ok && (b.tmp = egdi__mallocarray(biggest, sizeof(double))) != NULL;
    if (st == EGDI_OK && !ok)
        st = egdi__fail(EGDI_ERR_NOMEM, "egdi_panel_from_tables: out of memory");
    /* tables in edition order (a handful: sort the years, find each table) */
    int *years = st == EGDI_OK ? egdi__mallocarray(n, sizeof *years) : NULL;
    if (st == EGDI_OK && !years)
        st = egdi__fail(EGDI_ERR_NOMEM, "egdi_panel_from_tables: out of memory");
    if (years) {
        memcpy(years, editions, n * sizeof *years);
        qsort(years, n, sizeof *years, by_int);
    }
    for (size_t y = 0; y < n && st == EGDI_OK; y++) {
        size_t k = 0;
        while (editions[k] != years[y])
            k++;
        st = add_table(&b, years[y], tables[k], countries);
    }
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(b.ds, "edition", b.num[0], total);
    if (st == EGDI_OK)
        st = egdi_dataset_add_labels(b.ds, "code", b.code, total);
    for (size_t c = 0; c < N_NUM && st == EGDI_OK; c++) {
        st = egdi_dataset_add_numeric(b.ds, num_cols[c], b.num[c + 1], total);
        if (st == EGDI_OK && c == J_RANK) {
            st = egdi_dataset_add_labels(b.ds, "group", b.group, total);
            if (st == EGDI_OK)
                st = egdi_dataset_add_labels(b.ds, "rating_class", b.rclass, total);
        }
    }
    if (st == EGDI_OK)
        st = egdi_dataset_add_numeric(b.ds, "assessed", b.num[N_NUM + 1], total);
    for (size_t c = 0; c < N_NUM + 2; c++)
        free(b.num[c]);
    free((void *)b.code);
    free((void *)b.group);
    free((void *)b.rclass);
    free(b.keys);
    free(b.tmp);
    free(years);
    if (st != EGDI_OK) {
        egdi_dataset_free(b.ds);
        return st;
    }
    *out = b.ds;
    return EGDI_OK;
}

static const size_t panel_opt_sizes[] = {0, sizeof(egdi_panel_options)};

egdi_status egdi_panel_compute(const int *editions, const egdi_dataset *const *data, size_t n,
                               const egdi_panel_options *opts, egdi_dataset **out)
{
    EGDI_CHECK_ARG(editions && data && out && n > 0, "editions/data/n/out");
    *out = NULL;
    egdi_panel_options o = EGDI_PANEL_OPTIONS_INIT, d = EGDI_PANEL_OPTIONS_INIT;
    egdi_status st = check_editions(editions, data, n);
    if (st == EGDI_OK && opts)
        st = egdi__versioned_read(&o, &d, opts, panel_opt_sizes, 2, "egdi_panel_options");
    egdi_dataset **tables = st == EGDI_OK ? calloc(n, sizeof *tables) : NULL;
    if (st == EGDI_OK && !tables)
        st = egdi__fail(EGDI_ERR_NOMEM, "egdi_panel_compute: out of memory");
    for (size_t k = 0; k < n && st == EGDI_OK; k++) {
        egdi_survey_options so = EGDI_SURVEY_OPTIONS_INIT;
        so.component_ranks = 1;
        /* the published 2003 data holds HCI values above 1 */
        so.allow_out_of_range = o.allow_out_of_range || editions[k] == 2003;
        so.allow_edition_mismatch = o.allow_edition_mismatch;
        st = egdi_survey_compute_ex(editions[k], EGDI_INPUT_COMPONENTS, data[k], &so, &tables[k]);
        if (st != EGDI_OK)
            egdi__error_prefix("edition %d: ", editions[k]);
    }
    if (st == EGDI_OK)
        st = egdi_panel_from_tables(editions, (const egdi_dataset *const *)tables, n, o.countries,
                                    out);
    for (size_t k = 0; tables && k < n; k++)
        egdi_dataset_free(tables[k]);
    free(tables);
    return st;
}

/* ---- comparisons of editions ---- */

/* Position of edition y in list (n entries) or n. */
static size_t edition_pos(const int *list, size_t n, int y)
{
    size_t e = 0;
    while (e < n && list[e] != y)
        e++;
    return e;
}

/* The editions of a panel's edition column, distinct and ascending, into
 * years (malloc'd, *n of them). */
static egdi_status panel_editions(const double *ed, size_t rows, int **years, size_t *n)
{
    *n = 0;
    *years = egdi__mallocarray(rows, sizeof **years);
    if (!*years)
        return egdi__fail(EGDI_ERR_NOMEM, "egdi_panel_compare: out of memory");
    for (size_t r = 0; r < rows; r++) /* rows come in runs of one edition */
        if (!isnan(ed[r]) && edition_pos(*years, *n, (int)ed[r]) == *n)
            (*years)[(*n)++] = (int)ed[r];
    qsort(*years, *n, sizeof **years, by_int);
    return EGDI_OK;
}

typedef struct country {
    const char *code, *name;
    size_t name_pos; /* edition position the name comes from */
} country;

static egdi_status compare_columns(egdi_dataset *ds, const int *years, size_t n, const double *eg,
                                   const double *rk, const sort_key *keys, size_t nc, double *v)
{
    char name[80], label[160];
    const char **l = egdi__mallocarray(nc, sizeof *l);
    egdi_status st = l ? EGDI_OK : egdi__fail(EGDI_ERR_NOMEM, "egdi_panel_compare: out of memory");
    for (size_t e = 0; e < n && st == EGDI_OK; e++) {
        for (size_t m = 0; m < 4 && st == EGDI_OK; m++) {
            /* egdi_Y, rank_Y; then for e > 0 the changes from the previous edition */
            if (m >= 2 && e == 0)
                break;
            for (size_t k = 0; k < nc; k++) {
                size_t c = keys[k].row * n + e, p = c - (e ? 1 : 0);
                v[k] = m == 0 ? eg[c] : m == 1 ? rk[c] : m == 2 ? eg[c] - eg[p] : rk[p] - rk[c];
            }
            if (m < 2)
                snprintf(name, sizeof name, "%s_%d", m ? "rank" : "egdi", years[e]);
            else
                snprintf(name, sizeof name, "%s_change_%d_%d", m == 3 ? "rank" : "egdi",
                         years[e - 1], years[e]);
            st = egdi_dataset_add_numeric(ds, name, v, nc);
        }
        if (e > 0 && st == EGDI_OK) {
            egdi__change_label(years[e - 1], years[e], label, sizeof label);
            for (size_t k = 0; k < nc; k++)
                l[k] = label;
            snprintf(name, sizeof name, "method_changes_%d_%d", years[e - 1], years[e]);
            st = egdi_dataset_add_labels(ds, name, l, nc);
        }
    }
    free((void *)l);
    return st;
}

egdi_status egdi_panel_compare(const egdi_dataset *panel, const int *editions, size_t n,
                               egdi_panel_sort sort, egdi_dataset **out)
{
    EGDI_CHECK_ARG(panel && out && (!editions || n > 0), "panel/editions/n/out");
    EGDI_CHECK_ARG(sort == EGDI_PANEL_SORT_LATEST_RANK || sort == EGDI_PANEL_SORT_RANK_CHANGE,
                   "sort");
    *out = NULL;
    size_t rows = egdi_dataset_n_units(panel), jc, nc = 0, ny = 0;
    double *ed = egdi__mallocarray(rows, sizeof *ed), *eg = NULL, *rk = NULL;
    double *pe = egdi__mallocarray(rows, sizeof *pe), *pr = egdi__mallocarray(rows, sizeof *pr);
    int *years = NULL;
    country *cs = egdi__mallocarray(rows, sizeof *cs);
    sort_key *keys = egdi__mallocarray(rows, sizeof *keys);
    egdi__strmap map = {0};
    egdi_dataset *ds = NULL;
    egdi_status st = ed && pe && pr && cs && keys && egdi__strmap_reserve(&map, rows)
                         ? EGDI_OK
                         : egdi__fail(EGDI_ERR_NOMEM, "egdi_panel_compare: out of memory");
    if (st == EGDI_OK && ((st = get_column(panel, "edition", 1, ed, rows)) != EGDI_OK ||
                          (st = get_column(panel, "egdi", 1, pe, rows)) != EGDI_OK ||
                          (st = get_column(panel, "rank", 1, pr, rows)) != EGDI_OK ||
                          (st = egdi_dataset_find_column(panel, "code", &jc)) != EGDI_OK))
        egdi__error_prefix("egdi_panel_compare: not a panel: ");
    if (st == EGDI_OK)
        st = panel_editions(ed, rows, &years, &ny);
    if (st == EGDI_OK && editions) {
        for (size_t e = 0; e < n && st == EGDI_OK; e++) {
            if (edition_pos(editions, e, editions[e]) < e)
                st = egdi__fail(EGDI_ERR_INVALID_ARG, "edition %d is given twice", editions[e]);
            else if (edition_pos(years, ny, editions[e]) == ny) {
                char have[160];
                size_t len = 0;
                have[0] = '\0';
                for (size_t y = 0; y < ny && len + 8 < sizeof have; y++)
                    len += (size_t)snprintf(have + len, sizeof have - len, "%s%d", y ? ", " : "",
                                            years[y]);
                st = egdi__fail(EGDI_ERR_NOT_FOUND, "no edition %d in the panel (editions: %s)",
                                editions[e], have);
            }
        }
        if (st == EGDI_OK)
            memcpy(years, editions, n * sizeof *years);
    }
    n = editions ? n : ny;
    /* countries: one slot per code, n editions each */
    if (st == EGDI_OK && (!(eg = egdi__mallocarray(rows * n, sizeof *eg)) ||
                          !(rk = egdi__mallocarray(rows * n, sizeof *rk))))
        st = egdi__fail(EGDI_ERR_NOMEM, "egdi_panel_compare: out of memory");
    for (size_t r = 0; r < rows && st == EGDI_OK; r++) {
        size_t e = isnan(ed[r]) ? n : edition_pos(years, n, (int)ed[r]), c;
        const char *code = egdi_dataset_get_label(panel, r, jc);
        if (e == n || !code)
            continue;
        int put_rc = egdi__strmap_put(&map, code, nc, &c);
        if (put_rc < 0) {
            st = egdi__fail(EGDI_ERR_NOMEM, "egdi_panel_compare: out of memory");
            break;
        }
        if (put_rc == 1) {
            c = nc++;
            cs[c] = (country){code, egdi_dataset_unit_name(panel, r), e};
            for (size_t k = 0; k < n; k++)
                eg[c * n + k] = rk[c * n + k] = NAN;
        } else if (!isnan(eg[c * n + e]) || !isnan(rk[c * n + e])) {
            st = egdi__fail(EGDI_ERR_DUPLICATE, "edition %d: country '%s' appears twice",
                            years[e], code);
            break;
        }
        if (e >= cs[c].name_pos)
            cs[c].name = egdi_dataset_unit_name(panel, r), cs[c].name_pos = e;
        eg[c * n + e] = pe[r];
        rk[c * n + e] = pr[r];
    }
    for (size_t c = 0; c < nc && st == EGDI_OK; c++) {
        double last = rk[c * n + n - 1], first = rk[c * n];
        keys[c] = (sort_key){sort == EGDI_PANEL_SORT_LATEST_RANK ? last : -(first - last),
                             cs[c].name, cs[c].code, c};
    }
    if (st == EGDI_OK)
        qsort(keys, nc, sizeof *keys, by_key);
    if (st == EGDI_OK)
        st = egdi_dataset_new(&ds);
    for (size_t k = 0; k < nc && st == EGDI_OK; k++)
        st = egdi_dataset_add_unit(ds, cs[keys[k].row].code, cs[keys[k].row].name, NULL);
    if (st == EGDI_OK) /* pe is free as scratch (rows >= nc) */
        st = compare_columns(ds, years, n, eg, rk, keys, nc, pe);
    free(ed), free(pe), free(pr), free(eg), free(rk), free(years), free(cs), free(keys);
    egdi__strmap_free(&map);
    if (st != EGDI_OK) {
        egdi_dataset_free(ds);
        return st;
    }
    *out = ds;
    return EGDI_OK;
}
