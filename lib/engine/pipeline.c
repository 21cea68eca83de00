/* COINr's build as one call (pipeline.h): every unit computed, then screened
 * by data availability (COINr's Screen() and get_data_avail()), then the
 * index computed on the units kept; and the reports of the outlier treatment
 * that the engine's treat stage ran (egdi_result_get_treatment()). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

struct egdi_pipeline {
    egdi_result *res;       /* on the units kept */
    egdi_dataset *data;     /* the units kept */
    size_t n_units;         /* screened */
    char **codes;           /* of the units screened */
    egdi_screen_info *info; /* per unit screened */
    /* screen after imputation with units dropped: the imputed cells of the kept units,
     * per indicator of the index (n_ind x kept), since the final result imputes nothing */
    unsigned char *imputed;
    size_t n_ind;
    size_t *ind_node;       /* node of each of those indicators */
};

/* ---- treatment reports ---- */

static void fill_info(const egdi__treat_report *r, egdi_treatment_info *info)
{
    info->method = r->method;
    for (int s = 0; s < 3; s++) {
        info->checked[s] = r->method ? r->checked[s] : 0;
        info->pass[s] = info->checked[s] ? r->pass[s] : -1;
        info->skew[s] = info->checked[s] ? r->skew[s] : NAN;
        info->kurt[s] = info->checked[s] ? r->kurt[s] : NAN;
    }
    info->winsorised = r->method ? r->winsorised : 0;
    info->n_winsorised = r->method ? r->nwin : 0;
    info->logged = r->method ? r->logged : 0;
    info->n_points = r->method ? r->n_points : 0;
}

egdi_status egdi_eval_get_treatment(const egdi_eval *ev, size_t node, egdi_treatment_info *info,
                                    int *points, size_t n)
{
    EGDI_CHECK_ARG(ev && info && (points || n == 0), "ev/info/points");
    if (info->version != EGDI_TREATMENT_INFO_VERSION)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_treatment_info: version %u; this library "
                          "knows version %d", info->version, EGDI_TREATMENT_INFO_VERSION);
    const egdi_plan *p = egdi__eval_plan(ev);
    if (node >= p->n_nodes)
        return egdi__fail(EGDI_ERR_RANGE, "node %zu out of range (%zu nodes)", node, p->n_nodes);
    if (!p->nodes[node].is_indicator)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "node '%s' is an aggregate; only indicators are "
                          "treated for outliers", p->codes[node]);
    if (points && n != p->n_units)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "node '%s': buffer of %zu for %zu units",
                          p->codes[node], n, p->n_units);
    const egdi__treat_report *r;
    const unsigned char *pts;
    egdi_status st = egdi__eval_treatment(ev, node, &r, &pts);
    if (st != EGDI_OK)
        return st;
    egdi__treat_report none;
    memset(&none, 0, sizeof none);
    fill_info(p->nodes[node].treat_id ? r : &none, info);
    for (size_t i = 0; points && i < n; i++)
        points[i] = pts && p->nodes[node].treat_id ? pts[i] : 0;
    return EGDI_OK;
}

egdi_status egdi_result_get_treatment(const egdi_result *res, const char *node,
                                      egdi_treatment_info *info, int *points, size_t n)
{
    EGDI_CHECK_ARG(res && node, "res/node");
    size_t k;
    egdi_status st = egdi_plan_find_node(egdi__result_plan(res), node, &k);
    return st == EGDI_OK ? egdi_eval_get_treatment(egdi__result_eval(res), k, info, points, n)
                         : st;
}

static const char *point_label(int bits)
{
    static const char *const labels[8] = {"", "winhi", "winlo", "winlo", "+log_CT",
                                          "winhi+log_CT", "winlo+log_CT", "winlo+log_CT"};
    return labels[bits & 7];
}

egdi_status egdi_result_treatment_table(const egdi_result *res, egdi_dataset **out)
{
    EGDI_CHECK_ARG(res && out, "res/out");
    const egdi_plan *p = egdi__result_plan(res);
    const egdi_eval *ev = egdi__result_eval(res);
    size_t m = 0;
    for (size_t k = 0; k < p->n_nodes; k++)
        m += p->nodes[k].is_indicator && p->nodes[k].treat_id;
    static const char *const cols[13] = {
        "check0.Pass", "check0.Skew", "check0.Kurt", "winsorise.nwin", "check1.Pass",
        "check1.Skew", "check1.Kurt", "check2.Pass", "check2.Skew", "check2.Kurt", "log",
        "points", "winsorised"};
    double *v = egdi__mallocarray(m, 13 * sizeof *v);
    const char **codes = egdi__mallocarray(m, sizeof *codes);
    const char **method = egdi__mallocarray(m, sizeof *method);
    egdi_dataset *ds = NULL;
    egdi_status st = v && codes && method ? egdi_dataset_new(&ds)
                                          : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    size_t r = 0;
    for (size_t k = 0; k < p->n_nodes && st == EGDI_OK; k++) {
        if (!p->nodes[k].is_indicator || !p->nodes[k].treat_id)
            continue;
        egdi_treatment_info ti = {.version = EGDI_TREATMENT_INFO_VERSION};
        if ((st = egdi_eval_get_treatment(ev, k, &ti, NULL, 0)) != EGDI_OK)
            break;
        codes[r] = p->codes[k];
        method[r] = egdi__treat_method(ti.method)->name;
        for (int s = 0; s < 3; s++) {
            v[(3 * s + (s > 0)) * m + r] = ti.checked[s] && ti.pass[s] >= 0 ? ti.pass[s] : NAN;
            v[(3 * s + (s > 0) + 1) * m + r] = ti.skew[s];
            v[(3 * s + (s > 0) + 2) * m + r] = ti.kurt[s];
        }
        v[3 * m + r] = ti.winsorised ? (double)ti.n_winsorised : NAN;
        v[10 * m + r] = ti.logged;
        v[11 * m + r] = (double)ti.n_points;
        v[12 * m + r] = ti.winsorised;
        r++;
    }
    if (st == EGDI_OK)
        st = egdi_dataset_add_units(ds, codes, NULL, m);
    if (st == EGDI_OK)
        st = egdi_dataset_add_labels(ds, "treatment", method, m);
    for (int c = 0; c < 12 && st == EGDI_OK; c++) /* column 12: only the winsorised flag */
        st = egdi_dataset_add_numeric(ds, cols[c], v + (size_t)c * m, m);
    free(v);
    free((void *)codes);
    free((void *)method);
    if (st != EGDI_OK) {
        egdi_dataset_free(ds);
        return st;
    }
    *out = ds;
    return EGDI_OK;
}

egdi_status egdi_result_treated_points(const egdi_result *res, egdi_dataset **out)
{
    EGDI_CHECK_ARG(res && out, "res/out");
    const egdi_plan *p = egdi__result_plan(res);
    size_t n = p->n_units;
    const char **codes = egdi__mallocarray(n, sizeof *codes);
    const char **labels = egdi__mallocarray(n, sizeof *labels);
    int *bits = egdi__mallocarray(n, sizeof *bits);
    egdi_dataset *ds = NULL;
    egdi_status st = codes && labels && bits ? egdi_dataset_new(&ds)
                                             : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        codes[i] = p->unit_text + p->unit_off[i];
    if (st == EGDI_OK)
        st = egdi_dataset_add_units(ds, codes, NULL, n);
    for (size_t k = 0; k < p->n_nodes && st == EGDI_OK; k++) {
        if (!p->nodes[k].is_indicator || !p->nodes[k].treat_id)
            continue;
        egdi_treatment_info ti = {.version = EGDI_TREATMENT_INFO_VERSION};
        st = egdi_eval_get_treatment(egdi__result_eval(res), k, &ti, bits, n);
        for (size_t i = 0; i < n && st == EGDI_OK; i++)
            labels[i] = point_label(bits[i]);
        if (st == EGDI_OK)
            st = egdi_dataset_add_labels(ds, p->codes[k], labels, n);
    }
    free((void *)codes);
    free((void *)labels);
    free(bits);
    if (st != EGDI_OK) {
        egdi_dataset_free(ds);
        return st;
    }
    *out = ds;
    return EGDI_OK;
}

/* ---- options ---- */

static const egdi_pipeline_options defaults = EGDI_PIPELINE_OPTIONS_INIT;
static const size_t sizes[] = {0, offsetof(egdi_pipeline_options, n_exclude) + sizeof(size_t)};
#define N_VERSIONS (sizeof sizes / sizeof *sizes)

egdi_status egdi_pipeline_options_init_version(egdi_pipeline_options *opts, unsigned version)
{
    EGDI_CHECK_ARG(opts, "opts");
    return egdi__versioned_init(opts, &defaults, sizes, N_VERSIONS, version,
                                "egdi_pipeline_options");
}

static egdi_status check_options(const egdi_pipeline_options *o)
{
    if ((unsigned)o->screen > EGDI_SCREEN_BY_NA_AND_ZEROS)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_pipeline_run: unknown screening rule %d",
                          (int)o->screen);
    if ((unsigned)o->stage > EGDI_SCREEN_INPUT)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_pipeline_run: unknown screening stage %d",
                          (int)o->stage);
    if (!(o->dat_thresh >= 0 && o->dat_thresh <= 1) ||
        !(o->nonzero_thresh >= 0 && o->nonzero_thresh <= 1))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_pipeline_run: the thresholds must be in "
                          "0..1 (dat_thresh %g, nonzero_thresh %g)", o->dat_thresh,
                          o->nonzero_thresh);
    EGDI_CHECK_ARG(o->include || o->n_include == 0, "opts->include");
    EGDI_CHECK_ARG(o->exclude || o->n_exclude == 0, "opts->exclude");
    return EGDI_OK;
}

void egdi_pipeline_free(egdi_pipeline *pl)
{
    if (!pl)
        return;
    egdi_result_free(pl->res);
    egdi_dataset_free(pl->data);
    for (size_t i = 0; pl->codes && i < pl->n_units; i++)
        free(pl->codes[i]);
    free(pl->codes);
    free(pl->info);
    free(pl->imputed);
    free(pl->ind_node);
    free(pl);
}

/* ---- screening (COINr's get_data_avail() and Screen()) ---- */

/* Count every unit's missing and zero indicators on the chosen stage of res. */
static egdi_status count(egdi_pipeline *pl, const egdi_result *res, egdi_screen_stage stage,
                         double *buf)
{
    const egdi_plan *p = egdi__result_plan(res);
    const egdi_eval *ev = egdi__result_eval(res);
    size_t n = p->n_units;
    for (size_t k = 0; k < p->n_nodes; k++) {
        if (!p->nodes[k].is_indicator)
            continue;
        egdi_status st = egdi_eval_get_stage(
            ev, k, stage == EGDI_SCREEN_INPUT ? EGDI_STAGE_INPUT : EGDI_STAGE_IMPUTED, buf, n);
        if (st != EGDI_OK)
            return st;
        for (size_t i = 0; i < n; i++) {
            pl->info[i].n_missing += isnan(buf[i]) != 0;
            pl->info[i].n_zero += buf[i] == 0;
        }
    }
    return EGDI_OK;
}

static egdi_status apply_rule(egdi_pipeline *pl, const egdi_plan *p,
                              const egdi_pipeline_options *o)
{
    /* shares of the indicators: none would divide by zero (egdi_compute refuses an index
     * without indicators today; the screen must not depend on that) */
    if (p->n_ind == 0)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "screening: the index has no indicators, so "
                          "no unit has a share of data available");
    double m = (double)p->n_ind;
    for (size_t i = 0; i < pl->n_units; i++) {
        egdi_screen_info *u = &pl->info[i];
        u->code = pl->codes[i];
        u->dat_avail = 1 - (double)u->n_missing / m;
        u->non_zero = u->n_missing < p->n_ind
                          ? 1 - (double)u->n_zero / (double)(p->n_ind - u->n_missing) : 0;
        u->low_data = u->dat_avail < o->dat_thresh;
        u->low_nonzero = u->non_zero < o->nonzero_thresh;
        u->included = o->screen == EGDI_SCREEN_BY_NA      ? !u->low_data
                      : o->screen == EGDI_SCREEN_BY_ZEROS ? !u->low_nonzero
                      : o->screen == EGDI_SCREEN_BY_NA_AND_ZEROS
                          ? !(u->low_data || u->low_nonzero)
                          : 1;
    }
    for (int pass = 0; pass < 2; pass++) {
        const char *const *list = pass ? o->exclude : o->include;
        size_t len = pass ? o->n_exclude : o->n_include;
        for (size_t j = 0; j < len; j++) {
            size_t i;
            EGDI_CHECK_ARG(list[j], pass ? "opts->exclude[j]" : "opts->include[j]");
            if (!egdi__strmap_get(&p->unit_map, list[j], &i))
                return egdi__fail(EGDI_ERR_NOT_FOUND, "screening: forced %s of '%s': no such "
                                  "unit", pass ? "exclusion" : "inclusion", list[j]);
            if (pass && pl->info[i].forced == 1)
                return egdi__fail(EGDI_ERR_INVALID_ARG, "screening: unit '%s' is both forced "
                                  "in and forced out", list[j]);
            pl->info[i].forced = pass ? -1 : 1;
            pl->info[i].included = !pass;
        }
    }
    return EGDI_OK;
}

/* Screened after imputation: the kept units' data with every indicator's column holding
 * its imputed values, and an index that neither divides nor imputes again. */
static egdi_status freeze_imputation(egdi_pipeline *pl, const egdi_result *full,
                                     const egdi_index *idx, const size_t *rows, size_t kept,
                                     egdi_index **idx2)
{
    const egdi_plan *p = egdi__result_plan(full);
    const egdi_eval *ev = egdi__result_eval(full);
    size_t n = p->n_units;
    pl->n_ind = p->n_ind;
    pl->imputed = egdi__mallocarray(p->n_ind, kept ? kept : 1);
    pl->ind_node = egdi__mallocarray(p->n_ind, sizeof *pl->ind_node);
    double *v = egdi__mallocarray(n, sizeof *v), *w = egdi__mallocarray(kept, sizeof *w);
    int *flag = egdi__mallocarray(n, sizeof *flag);
    egdi_status st = pl->imputed && pl->ind_node && v && w && flag
                         ? egdi_index_clone(idx, idx2)
                         : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    size_t t = 0;
    for (size_t k = 0; k < p->n_nodes && st == EGDI_OK; k++) {
        if (!p->nodes[k].is_indicator)
            continue;
        const char *src = egdi_index_node_source(idx, k);
        int changes = egdi_index_node_denominator(idx, k) ||
                      egdi_index_node_method(idx, k, EGDI_STEP_IMPUTE) != EGDI_IMPUTE_NONE;
        for (size_t q = 0; q < p->n_nodes && changes && st == EGDI_OK; q++)
            if (q != k && egdi_index_node_is_indicator(idx, q) == 1 &&
                strcmp(egdi_index_node_source(idx, q), src) == 0)
                st = egdi__fail(EGDI_ERR_UNSUPPORTED, "screening after imputation: indicators "
                                "'%s' and '%s' read the same column '%s' and '%s' is divided or "
                                "imputed; give each its own column, or screen the input",
                                p->codes[k], p->codes[q], src, p->codes[k]);
        size_t j;
        if (st == EGDI_OK)
            st = egdi_eval_get_stage(ev, k, EGDI_STAGE_IMPUTED, v, n);
        if (st == EGDI_OK)
            st = egdi_eval_get_imputed(ev, k, flag, n);
        if (st == EGDI_OK)
            st = egdi_dataset_find_column(pl->data, src, &j);
        for (size_t r = 0; r < kept && st == EGDI_OK; r++) {
            w[r] = v[rows[r]];
            pl->imputed[t * kept + r] = (unsigned char)flag[rows[r]];
        }
        if (st == EGDI_OK)
            st = egdi_dataset_set_numeric(pl->data, j, w, kept);
        if (st == EGDI_OK)
            st = egdi_index_set_denominator(*idx2, p->codes[k], NULL);
        if (st == EGDI_OK)
            st = egdi_index_set_imputation(*idx2, p->codes[k], EGDI_IMPUTE_NONE, NULL);
        pl->ind_node[t++] = k;
    }
    free(v);
    free(w);
    free(flag);
    return st;
}

/* The result on the kept units (rows[0..kept)). */
static egdi_status compute_kept(egdi_pipeline *pl, egdi_result *full, const egdi_index *idx,
                                const egdi_dataset *data, const egdi_pipeline_options *o)
{
    size_t kept = 0;
    size_t *rows = egdi__mallocarray(pl->n_units, sizeof *rows);
    if (!rows)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < pl->n_units; i++)
        if (pl->info[i].included)
            rows[kept++] = i;
    egdi_status st = EGDI_OK;
    if (kept == 0) {
        egdi_result_free(full);
        full = NULL;
        st = egdi__fail(EGDI_ERR_DATA, "screening kept no unit (%s < %g for all %zu)",
                        o->screen == EGDI_SCREEN_BY_ZEROS ? "Non_Zero" : "Dat_Avail",
                        o->screen == EGDI_SCREEN_BY_ZEROS ? o->nonzero_thresh : o->dat_thresh,
                        pl->n_units);
    }
    if (st == EGDI_OK && kept == pl->n_units) {
        pl->res = full;
        st = egdi_dataset_clone(data, &pl->data);
        free(rows);
        return st;
    }
    egdi_index *idx2 = NULL;
    if (st == EGDI_OK)
        st = egdi_dataset_select_units(data, rows, kept, &pl->data);
    if (st == EGDI_OK && o->stage == EGDI_SCREEN_IMPUTED)
        st = freeze_imputation(pl, full, idx, rows, kept, &idx2);
    if (st == EGDI_OK)
        st = egdi_compute(idx2 ? idx2 : idx, pl->data, &pl->res);
    egdi_index_free(idx2);
    egdi_result_free(full);
    free(rows);
    return st;
}

egdi_status egdi_pipeline_run(const egdi_index *idx, const egdi_dataset *data,
                              const egdi_pipeline_options *opts, egdi_pipeline **out)
{
    EGDI_CHECK_ARG(idx && data && out, "idx/data/out");
    egdi_pipeline_options o;
    egdi_status st = egdi__versioned_read(&o, &defaults, opts, sizes, N_VERSIONS,
                                          "egdi_pipeline_options");
    if (st != EGDI_OK || (st = check_options(&o)) != EGDI_OK)
        return st;
    egdi_pipeline *pl = calloc(1, sizeof *pl);
    egdi_result *full = NULL;
    if (!pl)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    st = egdi_compute(idx, data, &full);
    size_t n = egdi_dataset_n_units(data);
    double *buf = NULL;
    if (st == EGDI_OK) {
        pl->n_units = n;
        pl->codes = calloc(n, sizeof *pl->codes);
        pl->info = calloc(n, sizeof *pl->info);
        buf = egdi__mallocarray(n, sizeof *buf);
        if (!pl->codes || !pl->info || !buf)
            st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < n && st == EGDI_OK; i++)
        if (!(pl->codes[i] = egdi__strdup(egdi_dataset_unit_code(data, i))))
            st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    if (st == EGDI_OK)
        st = count(pl, full, o.stage, buf);
    if (st == EGDI_OK)
        st = apply_rule(pl, egdi__result_plan(full), &o);
    free(buf);
    if (st == EGDI_OK) {
        st = compute_kept(pl, full, idx, data, &o); /* takes full */
        full = NULL;
    }
    egdi_result_free(full);
    if (st != EGDI_OK) {
        egdi_pipeline_free(pl);
        return st;
    }
    *out = pl;
    return EGDI_OK;
}

/* ---- what a run gives ---- */

const egdi_result *egdi_pipeline_result(const egdi_pipeline *pl) { return pl ? pl->res : NULL; }
const egdi_dataset *egdi_pipeline_data(const egdi_pipeline *pl) { return pl ? pl->data : NULL; }
size_t egdi_pipeline_n_screened(const egdi_pipeline *pl) { return pl ? pl->n_units : 0; }

egdi_status egdi_pipeline_screen_unit(const egdi_pipeline *pl, size_t i, egdi_screen_info *out)
{
    EGDI_CHECK_ARG(pl && out, "pl/out");
    if (i >= pl->n_units)
        return egdi__fail(EGDI_ERR_RANGE, "unit %zu out of range (%zu units screened)", i,
                          pl->n_units);
    *out = pl->info[i];
    return EGDI_OK;
}

egdi_status egdi_pipeline_screen_table(const egdi_pipeline *pl, egdi_dataset **out)
{
    EGDI_CHECK_ARG(pl && out, "pl/out");
    static const char *const cols[10] = {"N_missing", "N_zero", "N_miss_or_zero", "Dat_Avail",
                                         "Non_Zero", "LowData", "LowNonZero",
                                         "LowDatOrZeroFlag", "Included", "Forced"};
    size_t n = pl->n_units;
    double *v = egdi__mallocarray(n, 10 * sizeof *v);
    egdi_dataset *ds = NULL;
    egdi_status st = v ? egdi_dataset_new(&ds) : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n && st == EGDI_OK; i++) {
        const egdi_screen_info *u = &pl->info[i];
        double row[10] = {(double)u->n_missing, (double)u->n_zero,
                          (double)(u->n_missing + u->n_zero), u->dat_avail, u->non_zero,
                          u->low_data, u->low_nonzero, u->low_data || u->low_nonzero,
                          u->included, u->forced};
        for (int c = 0; c < 10; c++)
            v[(size_t)c * n + i] = row[c];
    }
    if (st == EGDI_OK)
        st = egdi_dataset_add_units(ds, (const char *const *)pl->codes, NULL, n);
    for (int c = 0; c < 10 && st == EGDI_OK; c++)
        st = egdi_dataset_add_numeric(ds, cols[c], v + (size_t)c * n, n);
    free(v);
    if (st != EGDI_OK) {
        egdi_dataset_free(ds);
        return st;
    }
    *out = ds;
    return EGDI_OK;
}

/* The "imputed" label column (as egdi_result_to_dataset() writes it) from the flags kept
 * when the screen ran after imputation. */
static egdi_status add_imputed(const egdi_pipeline *pl, egdi_dataset *ds)
{
    const egdi_plan *p = egdi__result_plan(pl->res);
    size_t n = p->n_units, total = 1;
    for (size_t t = 0; t < pl->n_ind; t++)
        for (size_t i = 0; i < n; i++)
            total += pl->imputed[t * n + i] ? strlen(p->codes[pl->ind_node[t]]) + 1 : 0;
    char *text = malloc(total);
    const char **labels = egdi__mallocarray(n, sizeof *labels);
    egdi_status st = text && labels ? EGDI_OK : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    size_t at = 0;
    for (size_t i = 0; i < n && st == EGDI_OK; i++) {
        labels[i] = NULL;
        for (size_t t = 0; t < pl->n_ind; t++) {
            if (!pl->imputed[t * n + i])
                continue;
            const char *code = p->codes[pl->ind_node[t]];
            if (labels[i])
                text[at - 1] = ';';
            else
                labels[i] = text + at;
            memcpy(text + at, code, strlen(code) + 1);
            at += strlen(code) + 1;
        }
    }
    if (st == EGDI_OK)
        st = egdi_dataset_add_labels(ds, "imputed", labels, n);
    free(text);
    free((void *)labels);
    return st;
}

egdi_status egdi_pipeline_to_dataset(const egdi_pipeline *pl,
                                     const egdi_result_table_options *opts, egdi_dataset **out)
{
    EGDI_CHECK_ARG(pl && out, "pl/out");
    egdi_result_table_options o = EGDI_RESULT_TABLE_OPTIONS_INIT;
    int want = opts ? opts->imputed : o.imputed; /* a member of every version */
    egdi_status st;
    int frozen = pl->imputed != NULL;
    int any = 0;
    for (size_t t = 0; frozen && t < pl->n_ind * egdi_result_n_units(pl->res); t++)
        any |= pl->imputed[t];
    if ((st = egdi_result_to_dataset(pl->res, pl->data, opts, out)) != EGDI_OK || !frozen ||
        !want || !any)
        return st;
    egdi_dataset *ds = *out; /* the flags after the data's label columns */
    if ((st = add_imputed(pl, ds)) != EGDI_OK) {
        egdi_dataset_free(ds);
        *out = NULL;
    }
    return st;
}
