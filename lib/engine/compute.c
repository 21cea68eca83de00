/* The 1.0 interface, egdi_compute() and egdi_result, as a thin layer over a
 * plan and one evaluation context that the result owns, and the result as a
 * table (scores, ranks, imputation flags and the data's labels per unit). */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

struct egdi_result {
    egdi_plan *plan;
    egdi_eval *eval;
    int failed; /* the last egdi_compute_into() failed: no valid scores */
};

void egdi_result_free(egdi_result *res)
{
    if (!res)
        return;
    egdi_eval_free(res->eval);
    egdi_plan_free(res->plan);
    free(res);
}

/* A new plan and context for idx on data, computed. */
static egdi_status build(const egdi_index *idx, const egdi_dataset *data, egdi_plan **plan,
                         egdi_eval **eval)
{
    egdi_status st = egdi_plan_new(idx, data, plan);
    if (st == EGDI_OK && (st = egdi_eval_new(*plan, eval)) != EGDI_OK)
        egdi_plan_free(*plan);
    if (st == EGDI_OK && (st = egdi_eval_run(*eval)) != EGDI_OK) {
        egdi_eval_free(*eval);
        egdi_plan_free(*plan);
    }
    return st;
}

egdi_status egdi_compute(const egdi_index *idx, const egdi_dataset *data, egdi_result **out)
{
    EGDI_CHECK_ARG(idx && data && out, "idx/data/out");
    egdi_result *res = calloc(1, sizeof *res);
    if (!res)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    egdi_status st = build(idx, data, &res->plan, &res->eval);
    if (st != EGDI_OK) {
        free(res);
        return st;
    }
    *out = res;
    return EGDI_OK;
}

egdi_status egdi_compute_into(const egdi_index *idx, const egdi_dataset *data, egdi_result *res)
{
    EGDI_CHECK_ARG(idx && data && res, "idx/data/res");
    res->failed = 1; /* until this call succeeds: no getter may return the old scores */
    egdi_status st = egdi_index_validate(idx);
    if (st != EGDI_OK)
        return st;
    size_t nn = egdi_index_n_nodes(idx), nu = egdi_dataset_n_units(data);
    const egdi_plan *p = res->plan;
    if (p->n_nodes != nn || p->n_units != nu)
        return egdi__fail(EGDI_ERR_INVALID_ARG,
                          "result is for %zu nodes x %zu units, not %zu x %zu", p->n_nodes,
                          p->n_units, nn, nu);
    for (size_t i = 0; i < nn; i++)
        if (strcmp(p->codes[i], egdi_index_node_code(idx, i)) != 0)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "result node %zu is '%s', index has '%s'", i,
                              p->codes[i], egdi_index_node_code(idx, i));
    /* same shape: reuse every buffer; otherwise (other stages in use, other
     * units) build anew and swap only on success */
    st = egdi__plan_rebind(res->plan, idx, data);
    if (st == EGDI_OK) {
        egdi_eval_reset(res->eval);
        st = egdi_eval_run(res->eval);
        res->failed = st != EGDI_OK; /* part of the nodes hold the new definition's values */
        return st;
    }
    if (st != EGDI_ERR_UNSUPPORTED)
        return st;
    egdi_plan *plan;
    egdi_eval *eval;
    if ((st = build(idx, data, &plan, &eval)) != EGDI_OK)
        return st;
    res->failed = 0;
    egdi_eval_free(res->eval);
    egdi_plan_free(res->plan);
    res->plan = plan;
    res->eval = eval;
    return EGDI_OK;
}

size_t egdi_result_n_units(const egdi_result *res) { return res ? res->plan->n_units : 0; }
size_t egdi_result_n_nodes(const egdi_result *res) { return res ? res->plan->n_nodes : 0; }

/* A result whose last egdi_compute_into() failed holds no scores. */
static egdi_status usable(const egdi_result *res)
{
    if (res->failed)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "the result holds no scores: the last "
                          "egdi_compute_into() on it failed");
    return EGDI_OK;
}

static egdi_status get_stage(const egdi_result *res, const char *node, egdi_stage stage,
                             double *out, size_t n)
{
    EGDI_CHECK_ARG(res && node && (out || n == 0), "res/node/out");
    egdi_status st = usable(res);
    if (st != EGDI_OK)
        return st;
    if (n != res->plan->n_units)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "buffer of %zu for %zu units", n,
                          res->plan->n_units);
    size_t k;
    if (!egdi__strmap_get(&res->plan->node_map, node, &k))
        return egdi__fail(EGDI_ERR_NOT_FOUND, "no node '%s' in the result", node);
    return egdi_eval_get_stage(res->eval, k, stage, out, n);
}

egdi_status egdi_result_get_scores(const egdi_result *res, const char *node, double *out, size_t n)
{
    return get_stage(res, node, EGDI_STAGE_SCORE, out, n);
}

egdi_status egdi_result_get_raw(const egdi_result *res, const char *node, double *out, size_t n)
{
    return get_stage(res, node, EGDI_STAGE_TREATED, out, n);
}

egdi_status egdi_result_get_imputed(const egdi_result *res, const char *node, int *out, size_t n)
{
    EGDI_CHECK_ARG(res && node && (out || n == 0), "res/node/out");
    egdi_status st = usable(res);
    if (st != EGDI_OK)
        return st;
    size_t k;
    if (!egdi__strmap_get(&res->plan->node_map, node, &k))
        return egdi__fail(EGDI_ERR_NOT_FOUND, "no node '%s' in the result", node);
    if (!res->plan->nodes[k].is_indicator)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "node '%s' is an aggregate; only indicators are "
                          "imputed", node);
    return egdi_eval_get_imputed(res->eval, k, out, n);
}

egdi_status egdi_result_get_matrix(const egdi_result *res, double *out, size_t n)
{
    EGDI_CHECK_ARG(res && (out || n == 0), "res/out");
    size_t nn = res->plan->n_nodes, nu = res->plan->n_units;
    egdi_status st = usable(res);
    if (st != EGDI_OK)
        return st;
    if (n != nn * nu)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "buffer of %zu for %zu nodes x %zu units", n, nn,
                          nu);
    for (size_t k = 0; k < nn && st == EGDI_OK; k++)
        st = egdi_eval_get_scores(res->eval, k, out + k * nu, nu);
    return st;
}

const egdi_plan *egdi__result_plan(const egdi_result *res) { return res->plan; }
const egdi_eval *egdi__result_eval(const egdi_result *res) { return res->eval; }

/* ---- the result as a table (egdi_result_to_dataset) ---- */

static const egdi_result_table_options table_defaults = EGDI_RESULT_TABLE_OPTIONS_INIT;
/* Size of each version of egdi_result_table_options; a version's size never changes. */
static const size_t table_sizes[] = {0, offsetof(egdi_result_table_options, labels) + sizeof(int)};
#define N_TABLE_VERSIONS (sizeof table_sizes / sizeof *table_sizes)

egdi_status egdi_result_table_options_init_version(egdi_result_table_options *opts,
                                                   unsigned version)
{
    EGDI_CHECK_ARG(opts, "opts");
    return egdi__versioned_init(opts, &table_defaults, table_sizes, N_TABLE_VERSIONS, version,
                                "egdi_result_table_options");
}

egdi_status egdi__result_table_options_read(egdi_result_table_options *o,
                                            const egdi_result_table_options *opts)
{
    egdi_status st = egdi__versioned_read(o, &table_defaults, opts, table_sizes,
                                          N_TABLE_VERSIONS, "egdi_result_table_options");
    if (st != EGDI_OK)
        return st;
    EGDI_CHECK_ARG(o->nodes || o->n_nodes == 0, "opts->nodes");
    if (o->rank_decimals < -1 || o->rank_decimals > 15)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "rank_decimals %d: give -1 (unrounded) or 0..15",
                          o->rank_decimals);
    return EGDI_OK;
}

/* Append a numeric column "<code><suffix>". */
static egdi_status add_column(egdi_dataset *ds, const char *code, const char *suffix,
                              const double *v, size_t n)
{
    size_t len = strlen(code) + strlen(suffix) + 1;
    char *name = malloc(len);
    if (!name)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    snprintf(name, len, "%s%s", code, suffix);
    egdi_status st = egdi_dataset_add_numeric(ds, name, v, n);
    free(name);
    return st;
}

/* Label column "imputed": per unit the imputing indicators whose value was
 * filled, ";"-separated. Two passes over the flags: the lengths, then the
 * text in one block. */
static egdi_status add_imputed(const egdi_result *res, egdi_dataset *ds, int *flags)
{
    const egdi_plan *p = res->plan;
    size_t n = p->n_units, total = 0;
    size_t *len = calloc(n ? n : 1, sizeof *len);
    const char **labels = calloc(n ? n : 1, sizeof *labels);
    char *text = NULL;
    egdi_status st = len && labels ? EGDI_OK : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (int pass = 0; pass < 2 && st == EGDI_OK; pass++) {
        if (pass == 1) {
            if (!(text = malloc(total ? total : 1))) {
                st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
                break;
            }
            for (size_t i = 0, off = 0; i < n; i++) {
                labels[i] = len[i] ? text + off : NULL;
                off += len[i];
                len[i] = 0; /* now the length written so far */
            }
        }
        for (size_t k = 0; k < p->n_nodes && st == EGDI_OK; k++) {
            const egdi__method *m = p->nodes[k].m[EGDI_STEP_IMPUTE];
            if (!p->nodes[k].is_indicator || !m || m->id == EGDI_IMPUTE_NONE)
                continue;
            st = egdi_eval_get_imputed(res->eval, k, flags, n);
            size_t add = strlen(p->codes[k]) + 1; /* the code and ';' or the final NUL */
            for (size_t i = 0; i < n && st == EGDI_OK; i++) {
                if (!flags[i])
                    continue;
                if (pass == 1) {
                    char *at = (char *)labels[i] + len[i];
                    if (len[i])
                        at[-1] = ';';
                    memcpy(at, p->codes[k], add);
                }
                len[i] += add;
                total += pass == 0 ? add : 0;
            }
        }
    }
    if (st == EGDI_OK)
        st = egdi_dataset_add_labels(ds, "imputed", labels, n);
    free(text);
    free((void *)labels);
    free(len);
    return st;
}

/* 1 if the index behind res imputes any indicator. */
static int imputes(const egdi_plan *p)
{
    for (size_t k = 0; k < p->n_nodes; k++) {
        const egdi__method *m = p->nodes[k].m[EGDI_STEP_IMPUTE];
        if (p->nodes[k].is_indicator && m && m->id != EGDI_IMPUTE_NONE)
            return 1;
    }
    return 0;
}

egdi_status egdi__add_label_columns(const egdi_dataset *data, egdi_dataset *ds,
                                    const char **labels)
{
    size_t n = egdi_dataset_n_units(data);
    egdi_status st = EGDI_OK;
    for (size_t j = 0; j < egdi_dataset_n_columns(data) && st == EGDI_OK; j++) {
        egdi_column_kind kind;
        if ((st = egdi_dataset_column_kind(data, j, &kind)) != EGDI_OK || kind != EGDI_COLUMN_LABEL)
            continue;
        for (size_t i = 0; i < n; i++)
            labels[i] = egdi_dataset_get_label(data, i, j);
        st = egdi_dataset_add_labels(ds, egdi_dataset_column_name(data, j), labels, n);
    }
    return st;
}

/* The units of ds: the data's, which must be the result's. */
static egdi_status add_units(const egdi_plan *p, const egdi_dataset *data, egdi_dataset *ds,
                             const char **codes, const char **names)
{
    size_t n = p->n_units;
    if (egdi_dataset_n_units(data) != n)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "the data have %zu units, the result %zu",
                          egdi_dataset_n_units(data), n);
    for (size_t i = 0; i < n; i++) {
        codes[i] = egdi_dataset_unit_code(data, i);
        names[i] = egdi_dataset_unit_name(data, i);
        if (strcmp(codes[i], p->unit_text + p->unit_off[i]) != 0)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "unit %zu is '%s' in the data but '%s' in the "
                              "result: give the dataset the result was computed on", i + 1,
                              codes[i], p->unit_text + p->unit_off[i]);
    }
    return egdi_dataset_add_units(ds, codes, names, n);
}

/* The columns of every chosen node (sel[0..m)) for one of the three kinds. */
static egdi_status add_node_columns(const egdi_result *res, egdi_dataset *ds, const size_t *sel,
                                    size_t m, int kind, int rank_decimals, double *buf, int *rk)
{
    static const char *const suffix[3] = {"", "_rank", "_raw"};
    size_t n = res->plan->n_units;
    egdi_status st = EGDI_OK;
    for (size_t k = 0; k < m && st == EGDI_OK; k++) {
        st = egdi_eval_get_stage(res->eval, sel[k],
                                 kind == 2 ? EGDI_STAGE_TREATED : EGDI_STAGE_SCORE, buf, n);
        if (st == EGDI_OK && kind == 1) {
            st = egdi_rank(buf, n, rank_decimals, EGDI_TIES_MIN, rk);
            for (size_t i = 0; i < n; i++)
                buf[i] = rk[i] ? (double)rk[i] : NAN;
        }
        if (st == EGDI_OK)
            st = add_column(ds, res->plan->codes[sel[k]], suffix[kind], buf, n);
    }
    return st;
}

egdi_status egdi_result_to_dataset(const egdi_result *res, const egdi_dataset *data,
                                   const egdi_result_table_options *opts, egdi_dataset **out)
{
    EGDI_CHECK_ARG(res && data && out, "res/data/out");
    egdi_result_table_options o;
    egdi_status st = egdi__result_table_options_read(&o, opts);
    if (st != EGDI_OK)
        return st;
    if ((st = usable(res)) != EGDI_OK)
        return st;
    const egdi_plan *p = res->plan;
    size_t n = p->n_units, m = o.nodes ? o.n_nodes : p->n_nodes;
    size_t *sel = egdi__mallocarray(m, sizeof *sel);
    double *buf = egdi__mallocarray(n, sizeof *buf);
    int *ibuf = egdi__mallocarray(n, sizeof *ibuf);
    const char **codes = egdi__mallocarray(n, sizeof *codes);
    const char **names = egdi__mallocarray(n, sizeof *names);
    egdi_dataset *ds = NULL;
    if (!sel || !buf || !ibuf || !codes || !names)
        st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t k = 0; k < m && st == EGDI_OK; k++) {
        sel[k] = k;
        if (o.nodes && (!o.nodes[k] || !egdi__strmap_get(&p->node_map, o.nodes[k], &sel[k])))
            st = egdi__fail(o.nodes[k] ? EGDI_ERR_NOT_FOUND : EGDI_ERR_INVALID_ARG,
                            "no node '%s' in the result", o.nodes[k] ? o.nodes[k] : "(null)");
    }
    st = st ? st : egdi_dataset_new(&ds);
    st = st ? st : add_units(p, data, ds, codes, names);
    for (int kind = 0; kind < 3 && st == EGDI_OK; kind++)
        if (kind == 0 || (kind == 1 && o.ranks) || (kind == 2 && o.raw))
            st = add_node_columns(res, ds, sel, m, kind, o.rank_decimals, buf, ibuf);
    if (st == EGDI_OK && o.imputed && imputes(p))
        st = add_imputed(res, ds, ibuf);
    if (st == EGDI_OK && o.labels)
        st = egdi__add_label_columns(data, ds, codes);
    free(sel);
    free(buf);
    free(ibuf);
    free((void *)codes);
    free((void *)names);
    if (st != EGDI_OK) {
        egdi_dataset_free(ds);
        return st;
    }
    *out = ds;
    return EGDI_OK;
}
