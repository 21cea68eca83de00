/* Principal components (R's prcomp(center = TRUE, scale. = TRUE) on the
 * complete rows, by the symmetric eigendecomposition of their correlation
 * matrix) and PCA weights (COINr's get_PCA: the first component's
 * loadings, one PCA per group of siblings). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_eigen.h>

#include "analysis/analysis.h"
#include "data/data.h"
#include "model/model.h"

/* A component's sign: the sum of its loadings positive, or, when that sum is
 * 0 within rounding, its first non-zero loading. */
static void orient(double *rot, size_t p, size_t k)
{
    double sum = 0, mag = 0, first = 0;
    for (size_t i = 0; i < p; i++) {
        double v = rot[i * p + k];
        sum += v;
        mag += fabs(v);
        if (first == 0 && fabs(v) > 1e-12)
            first = v;
    }
    double sign = fabs(sum) > 1e-10 * mag ? sum : first;
    if (sign < 0)
        for (size_t i = 0; i < p; i++)
            rot[i * p + k] = -rot[i * p + k];
}

egdi_status egdi_pca(const double *x, size_t n_rows, size_t n_cols, double *rotation,
                     double *sdev, size_t *n_used)
{
    EGDI_CHECK_ARG(x && rotation && sdev && n_cols > 0, "x/rotation/sdev/n_cols");
    size_t p = n_cols, m = 0;
    for (size_t i = 0; i < n_rows; i++) {
        int complete = 1;
        for (size_t j = 0; j < p; j++) {
            double v = x[i * p + j];
            if (isinf(v))
                return egdi__fail(EGDI_ERR_INVALID_ARG, "PCA: row %zu, column %zu is infinite",
                                  i + 1, j + 1);
            complete &= !isnan(v);
        }
        m += (size_t)complete;
    }
    if (n_used)
        *n_used = m;
    if (m < p + 1)
        return egdi__fail(EGDI_ERR_DATA,
                          "PCA: %zu complete rows for %zu columns; at least %zu needed", m, p,
                          p + 1);
    /* One buffer: the standardised complete rows z (m x p), their correlation
     * matrix (p x p, destroyed by the decomposition), the eigenvectors (p x p),
     * the eigenvalues (p) and the eigensolver's workspace (4 p). GSL works on
     * views of it and allocates nothing, so nothing can reach its error
     * handler (the sizes agree by construction). */
    double *buf = egdi__mallocarray(m * p + 2 * p * p + 5 * p, sizeof *buf);
    if (!buf)
        return egdi__fail(EGDI_ERR_NOMEM, "PCA: out of memory");
    double *z = buf, *cor = z + m * p, *vec = cor + p * p, *val = vec + p * p;
    double *work = val + p;
    egdi_status st = EGDI_OK;
    for (size_t i = 0, r = 0; i < n_rows; i++) { /* the complete rows, in order */
        const double *row = x + i * p;
        int complete = 1;
        for (size_t j = 0; j < p && complete; j++)
            complete = !isnan(row[j]);
        if (!complete)
            continue;
        memcpy(z + r * p, row, p * sizeof *z);
        r++;
    }
    for (size_t j = 0; j < p && st == EGDI_OK; j++) { /* centre, scale by the sample sd */
        double mu = 0, ss = 0;
        for (size_t r = 0; r < m; r++)
            mu += z[r * p + j];
        mu /= (double)m;
        for (size_t r = 0; r < m; r++) {
            double d = z[r * p + j] - mu;
            ss += d * d;
        }
        double sdj = sqrt(ss / (double)(m - 1));
        if (!isfinite(sdj))
            st = egdi__fail(EGDI_ERR_DOMAIN,
                            "PCA: column %zu is too large in magnitude: its variance overflows",
                            j + 1);
        else if (!(sdj > 1e-12 * (fabs(mu) > 1 ? fabs(mu) : 1)))
            st = egdi__fail(EGDI_ERR_DOMAIN,
                            "PCA: column %zu is constant over the %zu complete rows: it cannot "
                            "be scaled to unit variance",
                            j + 1, m);
        for (size_t r = 0; r < m && st == EGDI_OK; r++)
            z[r * p + j] = (z[r * p + j] - mu) / sdj;
    }
    if (st == EGDI_OK) {
        /* the correlation matrix z'z / (m - 1): finite, |entries| <= 1 + rounding */
        for (size_t a = 0; a < p; a++)
            for (size_t b = a; b < p; b++) {
                double sum = 0;
                for (size_t r = 0; r < m; r++)
                    sum += z[r * p + a] * z[r * p + b];
                cor[a * p + b] = cor[b * p + a] = sum / (double)(m - 1);
            }
        /* cor = V diag(val) V': V's columns are the loadings, sqrt(val) the sdevs
         * (prcomp's d / sqrt(m - 1), as z = U D V'). The symmetric QR algorithm
         * converges on every finite symmetric matrix and returns GSL_SUCCESS. */
        gsl_matrix_view cv = gsl_matrix_view_array(cor, p, p);
        gsl_matrix_view vv = gsl_matrix_view_array(vec, p, p);
        gsl_vector_view ev = gsl_vector_view_array(val, p);
        gsl_eigen_symmv_workspace ws = {
            .size = p, .d = work, .sd = work + p, .gc = work + 2 * p, .gs = work + 3 * p};
        gsl_eigen_symmv(&cv.matrix, &ev.vector, &vv.matrix, &ws);
        gsl_eigen_symmv_sort(&ev.vector, &vv.matrix, GSL_EIGEN_SORT_VAL_DESC);
        for (size_t k = 0; k < p; k++) {
            /* a rank-deficient matrix has eigenvalues 0 that come out as -1e-17 */
            sdev[k] = val[k] > 0 ? sqrt(val[k]) : 0;
            for (size_t i = 0; i < p; i++)
                rotation[i * p + k] = vec[i * p + k];
            orient(rotation, p, k);
        }
    }
    free(buf);
    return st;
}

/* Datasets of egdi_weights_pca(): loadings (rows = weighed nodes) and
 * variance (rows = group x component). */
static egdi_status make_tables(const egdi_index *idx, const egdi__wgroups *g, const double *rot,
                               const double *sdev, const size_t *rows, egdi_dataset **loadings,
                               egdi_dataset **variance)
{
    size_t nm = g->n_members, kmax = g->max_group;
    egdi_status st = EGDI_OK;
    const char **codes = egdi__mallocarray(nm, sizeof *codes);
    const char **groups = egdi__mallocarray(nm, sizeof *groups);
    char **vcodes = egdi__mallocarray(nm, sizeof *vcodes);
    double *col = egdi__mallocarray(nm, sizeof *col);
    if (!codes || !groups || !vcodes || !col)
        st = egdi__fail(EGDI_ERR_NOMEM, "PCA: out of memory");
    for (size_t i = 0; vcodes && i < nm; i++)
        vcodes[i] = NULL;
    for (size_t grp = 0; st == EGDI_OK && grp < g->n_groups; grp++)
        for (size_t c = g->start[grp]; c < g->start[grp + 1]; c++) {
            codes[c] = idx->nodes[g->members[c]].code;
            groups[c] = idx->nodes[g->parent[grp]].code;
        }
    char name[32];
    if (st == EGDI_OK && loadings) { /* rot[c * kmax + k]: node c's loading on PC k+1 */
        st = egdi_dataset_new(loadings);
        if (st == EGDI_OK)
            st = egdi_dataset_add_units(*loadings, codes, NULL, nm);
        if (st == EGDI_OK)
            st = egdi_dataset_add_labels(*loadings, "Group", groups, nm);
        for (size_t k = 0; st == EGDI_OK && k < kmax; k++) {
            for (size_t c = 0; c < nm; c++)
                col[c] = rot[c * kmax + k];
            snprintf(name, sizeof name, "PC%zu", k + 1);
            st = egdi_dataset_add_numeric(*loadings, name, col, nm);
        }
    }
    if (st == EGDI_OK && variance) { /* as many rows as weighed nodes: one per component */
        for (size_t grp = 0; st == EGDI_OK && grp < g->n_groups; grp++)
            for (size_t c = g->start[grp]; c < g->start[grp + 1]; c++) {
                const char *pc = groups[c];
                size_t len = strlen(pc) + 32;
                if (!(vcodes[c] = malloc(len))) {
                    st = egdi__fail(EGDI_ERR_NOMEM, "PCA: out of memory");
                    break;
                }
                snprintf(vcodes[c], len, "%s.PC%zu", pc, c - g->start[grp] + 1);
            }
        if (st == EGDI_OK)
            st = egdi_dataset_new(variance);
        if (st == EGDI_OK)
            st = egdi_dataset_add_units(*variance, (const char *const *)vcodes, NULL, nm);
        if (st == EGDI_OK)
            st = egdi_dataset_add_labels(*variance, "Group", groups, nm);
        static const char *const cols[] = {"Component", "SD", "Variance", "Rows"};
        for (size_t t = 0; st == EGDI_OK && t < 4; t++) {
            for (size_t grp = 0; grp < g->n_groups; grp++) {
                size_t s = g->start[grp], p = g->start[grp + 1] - s;
                for (size_t c = s; c < s + p; c++)
                    col[c] = t == 0   ? (double)(c - s + 1)
                             : t == 1 ? sdev[c]
                             : t == 2 ? sdev[c] * sdev[c] / (double)p
                                      : (double)rows[grp];
            }
            st = egdi_dataset_add_numeric(*variance, cols[t], col, nm);
        }
    }
    for (size_t i = 0; vcodes && i < nm; i++)
        free(vcodes[i]);
    free(vcodes);
    free(codes);
    free(groups);
    free(col);
    return st;
}

egdi_status egdi_weights_pca(const egdi_index *idx, const egdi_dataset *values,
                             const egdi_weights_options *opts, double *weights, size_t n,
                             egdi_dataset **loadings, egdi_dataset **variance)
{
    if (loadings)
        *loadings = NULL;
    if (variance)
        *variance = NULL;
    EGDI_CHECK_ARG(idx && values && weights, "idx/values/weights");
    if (n != idx->n_nodes)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: %zu weights for %zu nodes", __func__, n,
                          idx->n_nodes);
    egdi_weights_options o;
    egdi_status st = egdi__weights_options_read(opts, &o);
    egdi__wgroups g;
    if (st != EGDI_OK || (st = egdi__wgroups_find(idx, o.level, o.under, &g)) != EGDI_OK)
        return st;
    size_t nu = values->n_units, nm = g.n_members, kmax = g.max_group;
    double *x = egdi__mallocarray(nu * kmax, sizeof *x);
    double *rot = egdi__mallocarray(kmax * kmax, sizeof *rot);
    double *all = egdi__mallocarray(nm * kmax, sizeof *all); /* per node: its loadings */
    double *sdev = egdi__mallocarray(nm, sizeof *sdev);
    size_t *rows = egdi__mallocarray(g.n_groups, sizeof *rows);
    if (!x || !rot || !all || !sdev || !rows)
        st = egdi__fail(EGDI_ERR_NOMEM, "PCA: out of memory");
    for (size_t grp = 0; st == EGDI_OK && grp < g.n_groups; grp++) {
        size_t s = g.start[grp], p = g.start[grp + 1] - s;
        st = egdi__wgroups_gather(idx, values, &g, grp, x);
        if (st == EGDI_OK)
            st = egdi_pca(x, nu, p, rot, sdev + s, &rows[grp]);
        if (st != EGDI_OK) {
            egdi__error_prefix("PCA of the children of '%s': ", idx->nodes[g.parent[grp]].code);
            break;
        }
        for (size_t c = 0; c < p; c++)
            for (size_t k = 0; k < kmax; k++)
                all[(s + c) * kmax + k] = k < p ? rot[c * p + k] : NAN;
    }
    if (st == EGDI_OK && (loadings || variance))
        st = make_tables(idx, &g, all, sdev, rows, loadings, variance);
    if (st == EGDI_OK) {
        for (size_t k = 0; k < n; k++)
            weights[k] = NAN;
        for (size_t c = 0; c < nm; c++)
            weights[g.members[c]] = all[c * kmax];
    } else {
        if (loadings) {
            egdi_dataset_free(*loadings);
            *loadings = NULL;
        }
        if (variance) {
            egdi_dataset_free(*variance);
            *variance = NULL;
        }
    }
    free(x);
    free(rot);
    free(all);
    free(sdev);
    free(rows);
    egdi__wgroups_free(&g);
    return st;
}
