/* Weights of an index: rescaled within each parent, effective (the product
 * down the tree, COINr's get_eff_weights), setting them, the groups the
 * data-driven methods weigh, and entropy weights. PCA weights are in pca.c,
 * optimised weights in weights_opt.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "data/data.h"
#include "model/model.h"

/* ---- rescaled and effective ---- */

/* sums[p] = the weight of p's children; sums of the roots in root_sum. */
static egdi_status rescale(const egdi_index *idx, double *out)
{
    size_t nn = idx->n_nodes;
    double *sums = egdi__mallocarray(nn, sizeof *sums);
    if (!sums)
        return egdi__fail(EGDI_ERR_NOMEM, "weights: out of memory");
    for (size_t k = 0; k < nn; k++)
        sums[k] = 0;
    for (size_t k = 0; k < nn; k++)
        if (idx->nodes[k].parent >= 0)
            sums[idx->nodes[k].parent] += idx->nodes[k].weight;
    for (size_t k = 0; k < nn; k++) {
        long p = idx->nodes[k].parent;
        if (p < 0) {
            out[k] = 1; /* a root is an index of its own */
        } else if (!(sums[p] > 0)) {
            egdi_status st = egdi__fail(EGDI_ERR_INVALID_INDEX,
                                        "weights: the children of '%s' all weigh 0",
                                        idx->nodes[p].code);
            free(sums);
            return st;
        } else {
            out[k] = idx->nodes[k].weight / sums[p];
        }
    }
    free(sums);
    return EGDI_OK;
}

static egdi_status check_out(const egdi_index *idx, const double *out, size_t n, const char *fn)
{
    if (!idx || !out)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: invalid argument 'idx/out'", fn);
    if (n != idx->n_nodes)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: %zu entries for %zu nodes", fn, n,
                          idx->n_nodes);
    if (n == 0)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "%s: the index has no node", fn);
    return EGDI_OK;
}

egdi_status egdi_weights_rescaled(const egdi_index *idx, double *out, size_t n)
{
    egdi_status st = check_out(idx, out, n, __func__);
    return st ? st : rescale(idx, out);
}

egdi_status egdi_weights_effective(const egdi_index *idx, double *out, size_t n)
{
    egdi_status st = check_out(idx, out, n, __func__);
    if (st != EGDI_OK || (st = rescale(idx, out)) != EGDI_OK)
        return st;
    for (size_t k = 0; k < n; k++) /* parents come before their children */
        if (idx->nodes[k].parent >= 0)
            out[k] *= out[idx->nodes[k].parent];
    return EGDI_OK;
}

egdi_status egdi_weights_table(const egdi_index *idx, egdi_dataset **out)
{
    EGDI_CHECK_ARG(idx && out, "idx/out");
    *out = NULL;
    size_t nn = idx->n_nodes;
    if (nn == 0)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "%s: the index has no node", __func__);
    double *v = egdi__mallocarray(4 * nn, sizeof *v);
    int *lev = egdi__mallocarray(nn, sizeof *lev);
    const char **parents = egdi__mallocarray(nn, sizeof *parents);
    const char **codes = egdi__mallocarray(nn, sizeof *codes);
    const char **names = egdi__mallocarray(nn, sizeof *names);
    egdi_dataset *ds = NULL;
    egdi_status st = v && lev && parents && codes && names ? EGDI_OK
                     : egdi__fail(EGDI_ERR_NOMEM, "weights: out of memory");
    double *level = v, *weight = v + nn, *resc = v + 2 * nn, *eff = v + 3 * nn;
    if (st == EGDI_OK && (st = egdi_weights_rescaled(idx, resc, nn)) == EGDI_OK)
        st = egdi_weights_effective(idx, eff, nn);
    if (st == EGDI_OK) {
        egdi__index_levels(idx, lev);
        for (size_t k = 0; k < nn; k++) {
            const egdi__node *nd = &idx->nodes[k];
            level[k] = lev[k];
            weight[k] = nd->weight;
            codes[k] = nd->code;
            names[k] = nd->name;
            parents[k] = nd->parent >= 0 ? idx->nodes[nd->parent].code : NULL;
        }
        st = egdi_dataset_new(&ds);
    }
    if (st == EGDI_OK)
        st = egdi_dataset_add_units(ds, codes, names, nn);
    if (st == EGDI_OK)
        st = egdi_dataset_add_labels(ds, "Parent", parents, nn);
    static const char *const cols[] = {"Level", "Weight", "Rescaled", "Effective"};
    for (size_t c = 0; st == EGDI_OK && c < 4; c++)
        st = egdi_dataset_add_numeric(ds, cols[c], v + c * nn, nn);
    free(v);
    free(lev);
    free(parents);
    free(codes);
    free(names);
    if (st != EGDI_OK) {
        egdi_dataset_free(ds);
        return st;
    }
    *out = ds;
    return EGDI_OK;
}

egdi_status egdi_weights_set(egdi_index *idx, const double *weights, size_t n)
{
    egdi_status st = check_out(idx, weights, n, __func__);
    if (st != EGDI_OK)
        return st;
    for (size_t k = 0; k < n; k++)
        if (!isnan(weights[k]) && !(weights[k] >= 0 && isfinite(weights[k])))
            return egdi__fail(EGDI_ERR_INVALID_ARG,
                              "%s: weight %g of '%s' is not a finite number >= 0", __func__,
                              weights[k], idx->nodes[k].code);
    double *sums = egdi__mallocarray(n, sizeof *sums);
    if (!sums)
        return egdi__fail(EGDI_ERR_NOMEM, "weights: out of memory");
    for (size_t k = 0; k < n; k++)
        sums[k] = -1; /* no children */
    for (size_t k = 0; k < n; k++) {
        long p = idx->nodes[k].parent;
        if (p < 0)
            continue;
        double w = isnan(weights[k]) ? idx->nodes[k].weight : weights[k];
        sums[p] = (sums[p] < 0 ? 0 : sums[p]) + w;
    }
    for (size_t k = 0; k < n; k++)
        if (sums[k] == 0) {
            free(sums);
            return egdi__fail(EGDI_ERR_INVALID_INDEX,
                              "%s: the children of '%s' would all weigh 0", __func__,
                              idx->nodes[k].code);
        }
    free(sums);
    for (size_t k = 0; k < n; k++)
        if (!isnan(weights[k]))
            idx->nodes[k].weight = weights[k];
    return EGDI_OK;
}

egdi_status egdi_weights_set_equal(egdi_index *idx, int level)
{
    EGDI_CHECK_ARG(idx, "idx");
    size_t nn = idx->n_nodes;
    int *lev = egdi__mallocarray(nn, sizeof *lev);
    if (!lev)
        return egdi__fail(EGDI_ERR_NOMEM, "weights: out of memory");
    egdi__index_levels(idx, lev);
    int top = 0;
    for (size_t k = 0; k < nn; k++)
        top = lev[k] > top ? lev[k] : top;
    if (level < 0 || level > top) {
        free(lev);
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: level %d is not 0 .. %d", __func__, level,
                          top);
    }
    for (size_t k = 0; k < nn; k++)
        if (level == 0 || lev[k] == level)
            idx->nodes[k].weight = 1;
    free(lev);
    return EGDI_OK;
}

/* ---- options ---- */

static const size_t options_sizes[] = {0, sizeof(egdi_weights_options)};

egdi_status egdi_weights_options_init_version(egdi_weights_options *opts, unsigned version)
{
    EGDI_CHECK_ARG(opts, "opts");
    egdi_weights_options d = EGDI_WEIGHTS_OPTIONS_INIT;
    return egdi__versioned_init(opts, &d, options_sizes, 2, version, "egdi_weights_options");
}

egdi_status egdi__weights_options_read(const egdi_weights_options *opts, egdi_weights_options *o)
{
    egdi_weights_options d = EGDI_WEIGHTS_OPTIONS_INIT;
    return egdi__versioned_read(o, &d, opts, options_sizes, 2, "egdi_weights_options");
}

/* ---- groups ---- */

void egdi__wgroups_free(egdi__wgroups *g)
{
    free(g->parent);
    free(g->start);
    free(g->members);
    memset(g, 0, sizeof *g);
}

egdi_status egdi__wgroups_find(const egdi_index *idx, int level, const char *under,
                               egdi__wgroups *g)
{
    memset(g, 0, sizeof *g);
    size_t nn = idx->n_nodes;
    long top = -1;
    if (under && (top = egdi__index_find(idx, under)) < 0)
        return egdi__fail(EGDI_ERR_NOT_FOUND, "weights: no node '%s'", under);
    int *lev = egdi__mallocarray(nn, sizeof *lev);
    size_t *count = egdi__mallocarray(nn, sizeof *count);
    char *inside = egdi__mallocarray(nn, 1);
    g->parent = egdi__mallocarray(nn, sizeof *g->parent);
    g->start = egdi__mallocarray(nn + 1, sizeof *g->start);
    g->members = egdi__mallocarray(nn, sizeof *g->members);
    if (!lev || !count || !inside || !g->parent || !g->start || !g->members) {
        free(lev);
        free(count);
        free(inside);
        egdi__wgroups_free(g);
        return egdi__fail(EGDI_ERR_NOMEM, "weights: out of memory");
    }
    egdi__index_levels(idx, lev);
    for (size_t k = 0; k < nn; k++) { /* parents first: inside = at or below `under` */
        long p = idx->nodes[k].parent;
        inside[k] = top < 0 || (long)k == top || (p >= 0 && inside[p]);
        count[k] = 0;
    }
    for (size_t k = 0; k < nn; k++) {
        long p = idx->nodes[k].parent;
        if (p >= 0 && inside[p] && lev[k] == level)
            count[p]++;
    }
    size_t at = 0;
    for (size_t k = 0; k < nn; k++) {
        if (count[k] == 0)
            continue;
        g->parent[g->n_groups] = k;
        g->start[g->n_groups++] = at;
        g->max_group = count[k] > g->max_group ? count[k] : g->max_group;
        size_t c = 0;
        for (size_t j = k + 1; j < nn && c < count[k]; j++) /* children come after k */
            if (idx->nodes[j].parent == (long)k && lev[j] == level)
                g->members[at + c++] = j;
        at += count[k];
    }
    g->start[g->n_groups] = at;
    g->n_members = at;
    free(lev);
    free(count);
    free(inside);
    if (g->n_groups == 0) {
        egdi__wgroups_free(g);
        return egdi__fail(EGDI_ERR_NOT_FOUND, "weights: no node at level %d%s%s has a parent",
                          level, under ? " below " : "", under ? under : "");
    }
    return EGDI_OK;
}

egdi_status egdi__wgroups_gather(const egdi_index *idx, const egdi_dataset *values,
                                 const egdi__wgroups *g, size_t grp, double *x)
{
    size_t n = values->n_units, m = g->start[grp + 1] - g->start[grp];
    for (size_t c = 0; c < m; c++) {
        const egdi__node *nd = &idx->nodes[g->members[g->start[grp] + c]];
        size_t j = egdi__dataset_column(values, nd->code);
        if (j == (size_t)-1)
            return egdi__fail(EGDI_ERR_NOT_FOUND, "weights: the values have no column '%s'",
                              nd->code);
        if (values->cols[j].kind != EGDI_COLUMN_NUMERIC)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "weights: column '%s' is not numeric",
                              nd->code);
        const double *v = values->cols[j].num;
        for (size_t i = 0; i < n; i++) {
            if (isinf(v[i]))
                return egdi__fail(EGDI_ERR_INVALID_ARG, "weights: %s of unit '%s' is infinite",
                                  nd->code, values->codes[i]);
            x[i * m + c] = v[i];
        }
    }
    return EGDI_OK;
}

/* ---- entropy ---- */

egdi_status egdi_entropy_weights(const double *x, size_t n_rows, size_t n_cols, double *weights,
                                 double *entropy, size_t *n_used)
{
    EGDI_CHECK_ARG(x && weights && n_cols > 0, "x/weights/n_cols");
    size_t m = 0;
    for (size_t i = 0; i < n_rows; i++) {
        int complete = 1;
        for (size_t j = 0; j < n_cols; j++) {
            double v = x[i * n_cols + j];
            if (isinf(v))
                return egdi__fail(EGDI_ERR_INVALID_ARG, "entropy: row %zu, column %zu is infinite",
                                  i + 1, j + 1);
            if (v < 0)
                return egdi__fail(EGDI_ERR_DOMAIN,
                                  "entropy: row %zu, column %zu is negative (%g): the method "
                                  "needs values >= 0 (normalise first)",
                                  i + 1, j + 1, v);
            complete &= !isnan(v);
        }
        m += (size_t)complete;
    }
    if (n_used)
        *n_used = m;
    if (m < 2)
        return egdi__fail(EGDI_ERR_DATA, "entropy: %zu complete rows, at least 2 needed", m);
    double lnm = log((double)m), dsum = 0;
    for (size_t j = 0; j < n_cols; j++) {
        double s = 0, h = 0, lo = INFINITY, hi = -INFINITY;
        for (size_t i = 0; i < n_rows; i++) {
            const double *r = x + i * n_cols;
            int complete = 1;
            for (size_t c = 0; c < n_cols && complete; c++)
                complete = !isnan(r[c]);
            if (complete) {
                s += r[j];
                lo = r[j] < lo ? r[j] : lo;
                hi = r[j] > hi ? r[j] : hi;
            }
        }
        if (!(s > 0))
            return egdi__fail(EGDI_ERR_DOMAIN, "entropy: column %zu is 0 on every complete row",
                              j + 1);
        for (size_t i = 0; i < n_rows; i++) {
            const double *r = x + i * n_cols;
            int complete = 1;
            for (size_t c = 0; c < n_cols && complete; c++)
                complete = !isnan(r[c]);
            if (complete && r[j] > 0) { /* 0 ln 0 = 0 */
                double p = r[j] / s;
                h -= p * log(p);
            }
        }
        /* an even column has entropy 1 exactly (the sum would round near it) */
        double e = lo == hi ? 1 : h / lnm;
        if (e > 1) /* rounding: the entropy of m values is at most ln m */
            e = 1;
        if (entropy)
            entropy[j] = e;
        weights[j] = 1 - e;
        dsum += 1 - e;
    }
    if (!(dsum > 0))
        return egdi__fail(EGDI_ERR_DATA,
                          "entropy: every column is spread evenly over the units: no weights");
    for (size_t j = 0; j < n_cols; j++)
        weights[j] /= dsum;
    return EGDI_OK;
}

egdi_status egdi_weights_entropy(const egdi_index *idx, const egdi_dataset *values,
                                 const egdi_weights_options *opts, double *weights, size_t n,
                                 egdi_dataset **details)
{
    if (details)
        *details = NULL;
    EGDI_CHECK_ARG(values, "values");
    egdi_status st = check_out(idx, weights, n, __func__);
    egdi_weights_options o;
    if (st != EGDI_OK || (st = egdi__weights_options_read(opts, &o)) != EGDI_OK)
        return st;
    egdi__wgroups g;
    if ((st = egdi__wgroups_find(idx, o.level, o.under, &g)) != EGDI_OK)
        return st;
    size_t nu = values->n_units, nm = g.n_members;
    double *x = egdi__mallocarray(nu * g.max_group, sizeof *x);
    double *tab = egdi__mallocarray(4 * nm, sizeof *tab); /* Entropy, Diversity, Weight, Rows */
    double *w = egdi__mallocarray(n, sizeof *w);
    const char **codes = egdi__mallocarray(nm, sizeof *codes);
    const char **groups = egdi__mallocarray(nm, sizeof *groups);
    if (!x || !tab || !w || !codes || !groups)
        st = egdi__fail(EGDI_ERR_NOMEM, "weights: out of memory");
    for (size_t k = 0; st == EGDI_OK && k < n; k++)
        w[k] = NAN;
    for (size_t grp = 0; st == EGDI_OK && grp < g.n_groups; grp++) {
        size_t s = g.start[grp], m = g.start[grp + 1] - s, used = 0;
        const char *pcode = idx->nodes[g.parent[grp]].code;
        st = egdi__wgroups_gather(idx, values, &g, grp, x);
        for (size_t i = 0; st == EGDI_OK && i < nu * m; i++)
            if (x[i] < 0) /* named here by node and unit rather than by position */
                st = egdi__fail(EGDI_ERR_DOMAIN,
                                "%s of unit '%s' is negative (%g): entropy weights need values "
                                ">= 0 (normalise first)",
                                idx->nodes[g.members[s + i % m]].code, values->codes[i / m], x[i]);
        if (st == EGDI_OK)
            st = egdi_entropy_weights(x, nu, m, tab + 2 * nm + s, tab + s, &used);
        if (st != EGDI_OK) {
            egdi__error_prefix("entropy weights of the children of '%s': ", pcode);
            break;
        }
        for (size_t c = 0; c < m; c++) {
            size_t k = g.members[s + c];
            w[k] = tab[2 * nm + s + c];
            tab[nm + s + c] = 1 - tab[s + c];
            tab[3 * nm + s + c] = (double)used;
            codes[s + c] = idx->nodes[k].code;
            groups[s + c] = pcode;
        }
    }
    egdi_dataset *ds = NULL;
    if (st == EGDI_OK && details) {
        static const char *const cols[] = {"Entropy", "Diversity", "Weight", "Rows"};
        st = egdi_dataset_new(&ds);
        if (st == EGDI_OK)
            st = egdi_dataset_add_units(ds, codes, NULL, nm);
        if (st == EGDI_OK)
            st = egdi_dataset_add_labels(ds, "Group", groups, nm);
        for (size_t c = 0; st == EGDI_OK && c < 4; c++)
            st = egdi_dataset_add_numeric(ds, cols[c], tab + c * nm, nm);
    }
    if (st == EGDI_OK) {
        memcpy(weights, w, n * sizeof *w);
        if (details)
            *details = ds;
    } else {
        egdi_dataset_free(ds);
    }
    free(x);
    free(tab);
    free(w);
    free(codes);
    free(groups);
    egdi__wgroups_free(&g);
    return st;
}
