/* lib/survey: the Survey editions as presets, and the ranking table.
 * Internal. */
#ifndef EGDI_SURVEY_INTERNAL_H
#define EGDI_SURVEY_INTERNAL_H

#include "core/core.h"

/* "weights;tii_cap": the short names of the methodology changes between
 * editions a and b, ";"-separated ("" if none or unknown); lib/survey/changes.c. */
EGDI_HIDDEN void egdi__change_label(int a, int b, char *buf, size_t size);

/* table.c: the ranking rules of an edition under survey options of any
 * version, resolved once for the ranking table, the published comparison and
 * what-if. */
typedef struct egdi__survey_rules {
    /* the edition (egdi_survey_edition_info()), with rank_decimals (-1 =
     * unrounded) and quantile_type as the options override them */
    egdi_edition_info info;
    /* the options read to the current version: the caller's fields, the
     * defaults for those its version lacks (all defaults for NULL) */
    egdi_survey_options o;
    /* the group thresholds: the options', or the defaults 0.25, 0.5, 0.75 */
    double thresholds[3];
} egdi__survey_rules;
/* Resolve and check opts (NULL = defaults) against edition `year`:
 * EGDI_ERR_NOT_FOUND for an unknown edition, EGDI_ERR_INVALID_ARG for a bad
 * version or value (quantile type, rank decimals, thresholds, rank_within). */
EGDI_HIDDEN egdi_status egdi__survey_rules_resolve(int year, const egdi_survey_options *opts,
                                                   egdi__survey_rules *r);
/* table.c: what the ranking table does before it computes, for the callers
 * that compute the edition themselves (what-if, explain): *idx the edition's
 * index as the table computes it (without the raw indicators absent from data
 * with drop_absent_indicators, every indicator imputed as the rules ask); the
 * data refused as the table refuses it (no units, another survey_year,
 * components outside [0, 1], a column without any value, a rank_within column
 * it lacks); and, with imputation, the units assessed: a unit without a single
 * observed indicator is left out (imputing it entirely would give it a rank and
 * move the statistics fitted on the others). When some unit is left out, *sub
 * is a new dataset of the others and, if rows is not NULL, *rows a new array of
 * the position in data of each of its units; otherwise both are NULL. On
 * failure nothing is left allocated. */
EGDI_HIDDEN egdi_status egdi__survey_prepare(const egdi__survey_rules *r, egdi_survey_input input,
                                             const egdi_dataset *data, egdi_index **idx,
                                             egdi_dataset **sub, size_t **rows);
/* table.c: the EGDI ranked as the Survey ranks it, the one rule of the ranking
 * table and the published comparison (what-if measures one unit by the same
 * kernels without allocating): x (n values) rounded in place to the rank
 * precision, its competition ranks (0 = none), its groups on the rounded
 * values, and their rating classes (egdi_rating_classes(); all 0 in an edition
 * without them). */
EGDI_HIDDEN egdi_status egdi__survey_rank(const egdi__survey_rules *r, double *x, size_t n,
                                          int *ranks, int *groups, int *classes);

/* explain.c, strengths.c: everything one explanation needs; per-node arrays
 * are indexed by node position (plan positions = index positions), per-unit
 * ones by unit. */
typedef struct egdi__explain_work {
    const egdi_index *idx;
    const egdi_dataset *data;
    egdi_explain_options o;
    egdi_plan *plan;
    egdi_eval *ev;
    size_t n, m, root, a, b;     /* b = SIZE_MAX: the mean of the members */
    const char *versus;          /* the other unit's code, "World" or the group label */
    long *parent;
    size_t *kid_off, *kids, *pre, n_pre;
    int *depth, *rank, *n_ranked, *worst;
    double *va, *vb, *ta, *tb, *ia, *ib, *w, *eff; /* per node */
    double *buf;                 /* per unit */
    int *ranks;                  /* per unit */
    unsigned char *member;       /* per unit */
} egdi__explain_work;
/* explain.c: new rows of the subtree's nodes: parent, unit, the label column
 * `extra` (extra_labels by row), then the numeric columns `cols`. */
EGDI_HIDDEN egdi_status egdi__explain_table(const egdi__explain_work *w, egdi_dataset **out,
                                            const char *extra, const char **extra_labels,
                                            const char *const *cols, size_t n_cols,
                                            const char **labels, double *tmp);
/* strengths.c: each node's rank for unit a, its number of ranked units and
 * worst rank. */
EGDI_HIDDEN egdi_status egdi__explain_ranks(egdi__explain_work *w);
/* strengths.c: the strengths table (egdi_explain()); labels and tmp are
 * scratch of 2 * n_pre + m and n_pre entries. */
EGDI_HIDDEN egdi_status egdi__explain_strengths(egdi__explain_work *w, egdi_dataset **out,
                                                const char **labels, double *tmp);

#endif
