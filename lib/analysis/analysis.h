/* lib/analysis: what is computed about an index rather than by it: weights
 * (effective, PCA, entropy, optimised) and statistics (per indicator,
 * correlations, Cronbach's alpha). Uses data, model, engine and stats.
 * Internal. */
#ifndef EGDI_ANALYSIS_H
#define EGDI_ANALYSIS_H

#include "core/core.h"

/* ---- statistics (describe.c, correlate.c, corr_tables.c) ---- */
#include "stats/stats.h"
/* the moments of a column (mean, sd, type-2 skewness and kurtosis) are
 * egdi__moments_of() in methods/methods.h, shared with the outlier treatment */

/* Workspace of the correlation kernels for up to `cap` complete pairs:
 * allocated once per call of a table function, reused for every pair. */
typedef struct egdi__corr_ws {
    size_t cap;
    double *x, *y, *rx, *ry, *tmp;  /* cap each */
    egdi__kv *kv, *kvtmp;           /* cap each */
    /* Spearman's exact null distribution for one small m (m <= 9), cached */
    size_t exact_m;
    double *exact_tail;             /* P[S >= s] for s = 0 .. (m^3 - m) / 3 */
} egdi__corr_ws;

EGDI_HIDDEN egdi_status egdi__corr_ws_init(egdi__corr_ws *ws, size_t cap);
EGDI_HIDDEN void egdi__corr_ws_free(egdi__corr_ws *ws);
/* Correlation of x and y (n values, NaN = missing) over the complete pairs,
 * its two-sided p-value (as R's cor.test; p may be NULL) and the number of
 * pairs. Values must be finite or NaN (checked by the caller). No allocation
 * beyond ws. */
EGDI_HIDDEN void egdi__correlation(egdi__corr_ws *ws, const double *x, const double *y, size_t n,
                                   egdi_corr_method method, double *r, double *p,
                                   size_t *n_pairs);
/* EGDI_ERR_DOMAIN naming `what` and the position if x has an infinite value. */
EGDI_HIDDEN egdi_status egdi__check_finite(const double *x, size_t n, const char *what);
/* Column of node k of idx in `values`: named by its code, else (indicators)
 * by its source; EGDI_ERR_NOT_FOUND / EGDI_ERR_INVALID_ARG (a label column)
 * naming the node otherwise. */
EGDI_HIDDEN egdi_status egdi__node_column(const egdi_index *idx, const egdi_dataset *values,
                                          size_t k, size_t *col);

/* ---- weights (weights.c, pca.c, weights_opt.c) ---- */
/* opts (NULL = the defaults) read by its version into o. */
EGDI_HIDDEN egdi_status egdi__weights_options_read(const egdi_weights_options *opts,
                                                   egdi_weights_options *o);
/* The nodes at one level below an aggregate, grouped by parent. */
typedef struct egdi__wgroups {
    size_t n_groups;
    size_t *parent;    /* n_groups: the aggregate of each group */
    size_t *start;     /* n_groups + 1: group g = members[start[g] .. start[g + 1]) */
    size_t *members;   /* node positions, in node order within a group */
    size_t n_members, max_group;
} egdi__wgroups;

/* The groups of the nodes at `level` (egdi__index_levels) whose parent is
 * `under` or below it (NULL = anywhere); roots belong to no group.
 * EGDI_ERR_NOT_FOUND if `under` is unknown or no node qualifies. */
EGDI_HIDDEN egdi_status egdi__wgroups_find(const egdi_index *idx, int level, const char *under,
                                           egdi__wgroups *g);
EGDI_HIDDEN void egdi__wgroups_free(egdi__wgroups *g);
/* Group `grp`'s columns of `values` (named by node code) into x, row-major
 * n_units x group size; infinite values are EGDI_ERR_INVALID_ARG naming node
 * and unit. */
EGDI_HIDDEN egdi_status egdi__wgroups_gather(const egdi_index *idx, const egdi_dataset *values,
                                             const egdi__wgroups *g, size_t grp, double *x);

#endif
