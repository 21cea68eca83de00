/* lib/engine: the plan (an index resolved against a dataset, immutable) and
 * the evaluation context (every mutable buffer), and the 1.0 compute
 * functions as wrappers over them. Internal. */
#ifndef EGDI_ENGINE_H
#define EGDI_ENGINE_H

#include "core/core.h"
#include "methods/methods.h"
#include "methods/treat.h"
#include "stats/stats.h"

/* A node as the engine runs it. */
typedef struct egdi__pnode {
    long parent;                 /* -1 for roots */
    int is_indicator;
    size_t kid_start, n_kids;    /* children: plan->kids[kid_start .. + n_kids) */
    size_t ind;                  /* indicators: column in plan->data and eval->in */
    double weight;               /* the index's weight */
    int direction;
    double cap_lo, cap_hi;
    int treats;                  /* caps, direction or outlier treatment change the value */
    int treat_id;                /* outlier treatment (methods/treat.h), 0 = none */
    double treat_p[EGDI__MAX_PARAMS];
    const egdi__method *m[EGDI__N_STEPS]; /* impute (indicators), normalise, aggregate */
    double p[EGDI__N_STEPS][EGDI__MAX_PARAMS];
    double min_share;
    const int *groups;           /* imputation groups per unit, or NULL */
    size_t n_groups;
    size_t group_col;            /* which of plan->group_cols (imputation by group) */
    size_t fitted[EGDI__N_STEPS];   /* offsets into eval->fitted */
    size_t n_fitted[EGDI__N_STEPS];
} egdi__pnode;

/* A label column copied for group imputation. */
typedef struct egdi__group_col {
    char *name;
    int *codes;                  /* level per unit, -1 = none */
    size_t n_levels;
} egdi__group_col;

struct egdi_plan {
    size_t n_nodes, n_units, n_ind;
    egdi__pnode *nodes;
    size_t *kids;                /* children of every aggregate, CSR, in storage order */
    const char **kid_codes;      /* the code of each kids[] entry */
    size_t *order;               /* evaluation order: children before parents */
    char **codes;                /* node codes */
    egdi__strmap node_map;
    char *unit_text;             /* unit codes, NUL-separated */
    size_t *unit_off;
    egdi__strmap unit_map;
    double *data;                /* n_ind x n_units: the indicators' inputs */
    egdi__group_col *group_cols;
    size_t n_group_cols;
    size_t n_fitted;             /* total fitted statistics */
    size_t fitted_capacity;      /* room for them in every context (set by egdi_plan_new) */
    size_t max_groups, max_kids;
};

/* plan.c */
/* Write the definition's settings into an existing plan made for an index of
 * the same shape, and copy the data. EGDI_OK if the plan's buffers fit;
 * EGDI_ERR_UNSUPPORTED (no message) if the definition needs a new plan. */
EGDI_HIDDEN egdi_status egdi__plan_rebind(egdi_plan *plan, const egdi_index *idx,
                                          const egdi_dataset *data);

/* eval.c: the report of indicator `node`'s outlier treatment in the last run
 * and its point labels (n units, egdi__PT_* bits; NULL if the node has no
 * treatment). EGDI_ERR_INVALID_ARG if the node is out of date. */
EGDI_HIDDEN egdi_status egdi__eval_treatment(const egdi_eval *ev, size_t node,
                                             const egdi__treat_report **rep,
                                             const unsigned char **pts);

/* eval.c: the plan a context evaluates. */
EGDI_HIDDEN const egdi_plan *egdi__eval_plan(const egdi_eval *ev);

/* compute.c: the plan and context inside a result (borrowed; egdi_compute_into
 * may rewrite or replace them, so they are not exported) */
EGDI_HIDDEN const egdi_plan *egdi__result_plan(const egdi_result *res);
EGDI_HIDDEN const egdi_eval *egdi__result_eval(const egdi_result *res);
/* compute.c: opts (NULL = defaults; any version) into o, checked (nodes,
 * rank_decimals) as egdi_result_to_dataset() checks them. */
EGDI_HIDDEN egdi_status egdi__result_table_options_read(egdi_result_table_options *o,
                                                        const egdi_result_table_options *opts);
/* compute.c: append every label column of data to ds (same units); labels:
 * scratch of n units. */
EGDI_HIDDEN egdi_status egdi__add_label_columns(const egdi_dataset *data, egdi_dataset *ds,
                                                const char **labels);

/* Names for messages about node k. */
static inline egdi__names egdi__plan_names(const egdi_plan *p, size_t k)
{
    egdi__names nm = {p->codes[k], p->kid_codes + p->nodes[k].kid_start, p->unit_text,
                      p->unit_off};
    return nm;
}

#endif
